// State: `terraform show -json` values (also a plan's planned_values and
// prior_state) and raw .tfstate version 4 resources. Every value is known.
#include "iac/terraform_internal.h"

namespace posture::iac::terraform {

namespace {

struct StateResource {
  std::string address;
  std::string mode = "managed";
  std::string type;
  std::string name;
  nlohmann::json index;
  bool deposed = false;
  nlohmann::json values;
};

// What to do with the resources of a module tree.
struct StateWalk {
  ReadContext* context = nullptr;  // managed resources go to its sink (nullptr: none)
  const PlanConfig* config = nullptr;
  PlanConfig* data = nullptr;  // data source values go here (nullptr: none)
};

StateResource ReadStateResource(od::value value, const StateWalk& walk) {
  StateResource resource;
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "address") {
      resource.address = StringOf(field.value());
    } else if (key == "mode") {
      resource.mode = StringOf(field.value());
      if (resource.mode == "managed" && !walk.context) break;  // the rest is skipped by the caller
    } else if (key == "type") {
      resource.type = StringOf(field.value());
    } else if (key == "name") {
      resource.name = StringOf(field.value());
    } else if (key == "index") {
      resource.index = ToJson(field.value());
    } else if (key == "deposed_key") {
      resource.deposed = true;
    } else if (key == "values") {
      bool wanted = resource.mode == "managed" ? walk.context != nullptr : walk.data != nullptr;
      if (wanted) resource.values = ToJson(field.value());
    }
  }
  return resource;
}

void ReadStateModule(od::value value, std::string module_address, const StateWalk& walk) {
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "address") {
      module_address = StringOf(field.value());
    } else if (key == "child_modules") {
      for (auto child : field.value().get_array()) ReadStateModule(child.value(), module_address, walk);
    } else if (key == "resources") {
      for (auto item : field.value().get_array()) {
        od::value item_value = item.value();
        std::size_t offset = walk.context ? OffsetOf(item_value, walk.context->base) : 0;
        StateResource resource = ReadStateResource(item_value, walk);
        if (resource.deposed) continue;
        if (resource.type.empty() || resource.name.empty()) {
          if (walk.context) throw Failure{offset, "state resource without type or name"};
          continue;
        }
        if (resource.address.empty()) {
          std::string relative = (resource.mode == "data" ? "data." : "") + resource.type + "." + resource.name;
          resource.address = JoinAddress(module_address, relative) + IndexSuffix(resource.index);
        }
        if (resource.mode == "data") {
          if (walk.data && resource.values.is_object()) {
            walk.data->data_values.emplace(resource.address, std::move(resource.values));
          }
          continue;
        }
        if (resource.mode != "managed" || !walk.context) continue;
        if (!resource.values.is_object()) resource.values = nlohmann::json::object();
        std::string region, source;
        if (walk.config) {
          const ResourceConfig* config = walk.config->Find(module_address, "managed", resource.type, resource.name);
          region = config ? config->region : walk.config->DefaultRegion(module_address);
          source = walk.config->ModuleSource(module_address);
        }
        Emit(*walk.context, std::move(resource.address), std::move(resource.type), std::move(resource.values), region,
             source);
      }
    }
  }
}

void ReadRootModule(od::value values, const StateWalk& walk) {
  for (auto member : values.get_object()) {
    od::field field = std::move(member);
    if (KeyOf(field) == "root_module") ReadStateModule(field.value(), "", walk);
  }
}

}  // namespace

void ReadStateValues(ReadContext& context, od::value values, const PlanConfig* config) {
  ReadRootModule(values, StateWalk{&context, config, nullptr});
}

void ReadDataValues(od::value values, PlanConfig& config) {
  ReadRootModule(values, StateWalk{nullptr, nullptr, &config});
}

void ReadRawStateResources(ReadContext& context, od::value resources) {
  for (auto item : resources.get_array()) {
    od::value value = item.value();
    std::size_t offset = OffsetOf(value, context.base);
    std::string module, mode = "managed", type, name;
    std::vector<std::pair<nlohmann::json, nlohmann::json>> instances;  // index key, attributes
    for (auto member : value.get_object()) {
      od::field field = std::move(member);
      std::string_view key = KeyOf(field);
      if (key == "module") {
        module = StringOf(field.value());
      } else if (key == "mode") {
        mode = StringOf(field.value());
      } else if (key == "type") {
        type = StringOf(field.value());
      } else if (key == "name") {
        name = StringOf(field.value());
      } else if (key == "instances" && mode == "managed") {
        for (auto instance : field.value().get_array()) {
          nlohmann::json index_key, attributes;
          bool deposed = false;
          for (auto part : instance.get_object()) {
            od::field instance_field = std::move(part);
            std::string_view instance_key = KeyOf(instance_field);
            if (instance_key == "index_key") {
              index_key = ToJson(instance_field.value());
            } else if (instance_key == "deposed") {
              deposed = true;
            } else if (instance_key == "attributes") {
              attributes = ToJson(instance_field.value());
            }
          }
          if (!deposed) instances.emplace_back(std::move(index_key), std::move(attributes));
        }
      }
    }
    if (type.empty() || name.empty()) throw Failure{offset, "state resource without type or name"};
    if (mode != "managed") continue;
    std::string base = JoinAddress(module, type + "." + name);
    for (auto& [index_key, attributes] : instances) {
      if (!attributes.is_object()) attributes = nlohmann::json::object();
      Emit(context, base + IndexSuffix(index_key), type, std::move(attributes), "", "");
    }
  }
}

}  // namespace posture::iac::terraform
