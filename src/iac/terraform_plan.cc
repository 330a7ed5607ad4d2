// Plan `resource_changes`: one resource instance at a time, its `after`
// values with markers where `after_unknown` says true.
#include "iac/terraform_internal.h"

namespace posture::iac::terraform {

namespace {

// One resource_changes item as far as the reader needs it.
struct Change {
  std::string address;
  std::string module_address;
  std::string mode = "managed";
  std::string type;
  std::string name;
  nlohmann::json index;
  bool deposed = false;
  bool has_change = false;
  bool kept = false;  // an action that leaves the resource in place: create, update, no-op, read
  nlohmann::json after;
  nlohmann::json after_unknown;
  // Looked up once the identity is known.
  bool looked_up = false;
  const ResourceConfig* config = nullptr;
  std::string own_index;

  // Whether the keys before `change` (Terraform's order) said who the resource is.
  bool identified() const {
    if (type.empty() || name.empty() || address.empty()) return false;
    if (address.rfind("module.", 0) == 0 && module_address.empty()) return false;
    return address.back() != ']' || !index.is_null();
  }

  void LookUp(const PlanConfig& plan) {
    if (looked_up) return;
    looked_up = true;
    config = plan.Find(module_address, "managed", type, name);
    own_index = IndexSuffix(index);
  }
};

bool KeepsResource(std::string_view action) {
  return action == "create" || action == "update" || action == "no-op" || action == "read";
}

// Reads the change object. With `plan`, an after_unknown that follows `after`
// (Terraform's order) is applied straight from the document.
void ReadChangeBody(od::value value, Change& change, const PlanConfig* plan) {
  change.has_change = true;
  bool has_after = false;
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "actions") {
      for (auto action : field.value().get_array()) {
        if (KeepsResource(StringOf(action.value()))) change.kept = true;
      }
      if (!change.kept) return;  // a delete or forget: the rest is never read
    } else if (key == "after") {
      change.after = ToJson(field.value());
      has_after = true;
    } else if (key == "after_unknown") {
      if (plan && has_after && change.identified()) {
        if (!change.after.is_object()) change.after = nlohmann::json::object();
        change.LookUp(*plan);
        ApplyUnknowns(change.after, field.value(), change.config, *plan, change.module_address, change.own_index);
      } else {
        change.after_unknown = ToJson(field.value());
      }
    }
  }
}

// Reads one managed item (data sources are read by the first pass).
Change ReadChange(od::value value, const PlanConfig& plan) {
  Change change;
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "address") {
      change.address = StringOf(field.value());
    } else if (key == "module_address") {
      change.module_address = StringOf(field.value());
    } else if (key == "mode") {
      change.mode = StringOf(field.value());
    } else if (key == "type") {
      change.type = StringOf(field.value());
    } else if (key == "name") {
      change.name = StringOf(field.value());
    } else if (key == "index") {
      change.index = ToJson(field.value());
    } else if (key == "deposed") {
      change.deposed = true;
    } else if (key == "change") {
      if (change.deposed || change.mode != "managed") continue;
      ReadChangeBody(field.value(), change, &plan);
    }
  }
  return change;
}

}  // namespace

void ScanResourceChanges(od::value changes, PlanConfig& config) {
  for (auto item : changes.get_array()) {
    // Only the address, and the values of data sources: a managed item is left
    // as soon as its mode is known (the array skips the rest).
    std::string address;
    bool data = false;
    for (auto member : item.get_object()) {
      od::field field = std::move(member);
      std::string_view key = KeyOf(field);
      if (key == "address") {
        address = StringOf(field.value());
      } else if (key == "mode") {
        data = StringOf(field.value()) == "data";
        if (!data && !address.empty()) break;
      } else if (key == "change" && data) {
        Change change;
        ReadChangeBody(field.value(), change, nullptr);
        if (change.kept && change.after.is_object()) config.data_values.emplace(address, std::move(change.after));
      }
    }
    config.NoteInstance(address);
  }
}

void ReadResourceChanges(ReadContext& context, od::value changes, const PlanConfig& config) {
  for (auto item : changes.get_array()) {
    od::value value = item.value();
    std::size_t offset = OffsetOf(value, context.base);
    if (value.type() != od::json_type::object) throw Failure{offset, "resource_changes item is not an object"};
    Change change = ReadChange(value, config);
    if (change.mode != "managed" || change.deposed) continue;
    if (change.type.empty() || change.name.empty() || !change.has_change) {
      throw Failure{offset, "resource change without type, name or change"};
    }
    if (!change.kept) continue;
    change.LookUp(config);
    if (change.address.empty()) {
      change.address = JoinAddress(change.module_address, change.type + "." + change.name) + change.own_index;
    }
    if (!change.after.is_object()) change.after = nlohmann::json::object();
    if (!change.after_unknown.is_null()) {
      ApplyUnknowns(change.after, change.after_unknown, change.config, config, change.module_address, change.own_index);
    }
    Emit(context, std::move(change.address), std::move(change.type), std::move(change.after),
         change.config ? change.config->region : config.DefaultRegion(change.module_address),
         config.ModuleSource(change.module_address));
  }
}

}  // namespace posture::iac::terraform
