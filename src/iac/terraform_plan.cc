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
};

bool KeepsResource(std::string_view action) {
  return action == "create" || action == "update" || action == "no-op" || action == "read";
}

// Reads the change object; `values` false reads only the actions.
void ReadChangeBody(od::value value, Change& change, bool values) {
  change.has_change = true;
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "actions") {
      for (auto action : field.value().get_array()) {
        if (KeepsResource(StringOf(action.value()))) change.kept = true;
      }
      if (!change.kept) return;  // a delete or forget: the rest is never read
    } else if (key == "after" && values) {
      change.after = ToJson(field.value());
    } else if (key == "after_unknown" && values) {
      change.after_unknown = ToJson(field.value());
    }
  }
}

// Reads one item; `managed_values` false skips the values of managed resources
// (the first pass), `data_values` false those of data sources (the second).
Change ReadChange(od::value value, bool managed_values, bool data_values) {
  Change change;
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "address") change.address = StringOf(field.value());
    else if (key == "module_address") change.module_address = StringOf(field.value());
    else if (key == "mode") change.mode = StringOf(field.value());
    else if (key == "type") change.type = StringOf(field.value());
    else if (key == "name") change.name = StringOf(field.value());
    else if (key == "index") change.index = ToJson(field.value());
    else if (key == "deposed") change.deposed = true;
    else if (key == "change") {
      bool managed = change.mode == "managed";
      if (change.deposed || (managed && !managed_values) || (!managed && !data_values)) continue;
      ReadChangeBody(field.value(), change, true);
    }
  }
  return change;
}

}  // namespace

void ScanResourceChanges(od::value changes, PlanConfig& config) {
  for (auto item : changes.get_array()) {
    Change change = ReadChange(item.value(), false, true);
    config.NoteInstance(change.address);
    if (change.mode == "data" && change.kept && change.after.is_object()) {
      config.data_values.emplace(change.address, std::move(change.after));
    }
  }
}

void ReadResourceChanges(ReadContext& context, od::value changes, const PlanConfig& config) {
  for (auto item : changes.get_array()) {
    od::value value = item.value();
    std::size_t offset = OffsetOf(value, context.base);
    if (value.type() != od::json_type::object) throw Failure{offset, "resource_changes item is not an object"};
    Change change = ReadChange(value, true, false);
    if (change.mode != "managed" || change.deposed) continue;
    if (change.type.empty() || change.name.empty() || !change.has_change) {
      throw Failure{offset, "resource change without type, name or change"};
    }
    if (!change.kept) continue;
    std::string own_index = IndexSuffix(change.index);
    if (change.address.empty()) {
      change.address = JoinAddress(change.module_address, change.type + "." + change.name) + own_index;
    }
    if (!change.after.is_object()) change.after = nlohmann::json::object();
    const ResourceConfig* resource_config = config.Find(change.module_address, "managed", change.type, change.name);
    if (!change.after_unknown.is_null()) {
      ApplyUnknowns(change.after, change.after_unknown, resource_config, config, change.module_address, own_index);
    }
    Emit(context, std::move(change.address), std::move(change.type), std::move(change.after),
         resource_config ? resource_config->region : config.DefaultRegion(change.module_address),
         config.ModuleSource(change.module_address));
  }
}

}  // namespace posture::iac::terraform
