#include "iac/drift.h"

#include <map>
#include <set>
#include <tuple>

namespace posture::iac {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;  // type, region, id

Key KeyOf(const ComparableObject& object) { return {object.type, object.region, object.id}; }

// Objects AWS makes by itself in every account or region.
bool CreatedByAws(const ComparableObject& object) {
  const auto& a = object.attributes;
  auto flag = [&](const char* name) { return a.contains(name) && a[name].is_boolean() && a[name].get<bool>(); };
  auto text = [&](const char* name) {
    return a.contains(name) && a[name].is_string() ? a[name].get<std::string>() : std::string();
  };
  if (flag("is_default") || flag("aws_managed")) return true;
  if (object.type == "AWS::EC2::SecurityGroup" && text("name") == "default") return true;
  if (object.type == "AWS::IAM::Role" && text("path").rfind("/aws-service-role/", 0) == 0) return true;
  if (object.type == "AWS::IAM::Role" && object.id.rfind("AWSServiceRoleFor", 0) == 0) return true;
  return false;
}

}  // namespace

const char* DriftKindName(DriftItem::Kind kind) {
  switch (kind) {
    case DriftItem::Kind::kUnmanaged:
      return "unmanaged";
    case DriftItem::Kind::kMissing:
      return "missing";
    case DriftItem::Kind::kChanged:
      return "changed";
  }
  return "changed";
}

std::vector<DriftItem> CompareWithState(const std::vector<ComparableObject>& state,
                                        const std::vector<ComparableObject>& live,
                                        const std::map<std::string, std::string>& address_of, bool all_types) {
  std::map<Key, const ComparableObject*> live_by_key;
  for (const auto& object : live) live_by_key.emplace(KeyOf(object), &object);
  std::set<std::string> state_types;
  std::set<Key> managed;
  std::vector<DriftItem> out;
  auto address = [&](const std::string& id) {
    auto it = address_of.find(id);
    return it == address_of.end() ? std::string() : it->second;
  };
  for (const auto& object : state) {
    state_types.insert(object.type);
    managed.insert(KeyOf(object));
    auto it = live_by_key.find(KeyOf(object));
    if (it == live_by_key.end()) {
      out.push_back({DriftItem::Kind::kMissing, object.type, object.id, object.region, address(object.id), {}});
      continue;
    }
    DriftItem item{DriftItem::Kind::kChanged, object.type, object.id, object.region, address(object.id), {}};
    const auto& in_state = object.attributes;
    const auto& now = it->second->attributes;
    std::set<std::string> names;
    for (const auto& [name, value] : in_state.items()) names.insert(name);
    for (const auto& [name, value] : now.items()) names.insert(name);
    for (const auto& name : names) {
      nlohmann::json a = in_state.contains(name) ? in_state[name] : nlohmann::json();
      nlohmann::json b = now.contains(name) ? now[name] : nlohmann::json();
      if (a != b) item.changes.push_back({name, std::move(a), std::move(b)});
    }
    if (!item.changes.empty()) out.push_back(std::move(item));
  }
  for (const auto& object : live) {
    if (managed.count(KeyOf(object)) || CreatedByAws(object)) continue;
    if (!all_types && !state_types.count(object.type)) continue;
    out.push_back({DriftItem::Kind::kUnmanaged, object.type, object.id, object.region, "", {}});
  }
  return out;
}

std::vector<ComparableObject> StateComparables(const IacInventory& state,
                                               std::map<std::string, std::string>& address_of) {
  std::map<std::string, std::string> live_id;  // inventory id -> live id
  for (const auto& [address, info] : state.resources) {
    if (!info.real_id.empty()) live_id[address] = info.real_id;
  }
  for (const auto& [inventory_id, address] : state.address_of) {
    auto it = state.resources.find(address);
    if (it != state.resources.end() && !it->second.real_id.empty()) live_id[inventory_id] = it->second.real_id;
  }
  for (const auto& [from, to] : live_id) {
    auto it = state.address_of.find(from);
    address_of[to] = it == state.address_of.end() ? from : it->second;
  }
  return Comparables(state.inventory, [&](const std::string& id) {
    auto it = live_id.find(id);
    return it == live_id.end() ? id : it->second;
  });
}

}  // namespace posture::iac
