// What the mapping tests build their resources and read their results
// with: a resource as a Terraform plan, a state or a CloudFormation
// template gives it, the inventory the mappers make of them, and markers
// for values known only after apply.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "iac/mapping.h"
#include "iac/resource.h"

namespace posture::iac {

inline Resource MakeResource(std::string address, std::string type, nlohmann::json values,
                             SourceFormat format = SourceFormat::kTerraformPlan) {
  Resource resource;
  resource.address = std::move(address);
  resource.type = std::move(type);
  resource.format = format;
  resource.values = std::move(values);
  return resource;
}
inline Resource StateResource(std::string address, std::string type, nlohmann::json values) {
  return MakeResource(std::move(address), std::move(type), std::move(values), SourceFormat::kTerraformState);
}
inline Resource TemplateResource(std::string logical_id, std::string type, nlohmann::json properties) {
  return MakeResource(std::move(logical_id), std::move(type), std::move(properties), SourceFormat::kCloudFormation);
}

inline IacInventory BuildInventory(std::vector<Resource> resources) {
  InventoryBuilder builder;
  for (auto& resource : resources) builder.add(std::move(resource));
  return builder.finish();
}

// A plan's reference to `address`'s `attribute` that is known only after apply.
inline nlohmann::json AfterApplyReference(const std::string& address, const std::string& attribute = "id") {
  nlohmann::json marker = Reference(address, attribute);
  marker["$unknown"] = "known after apply";
  return marker;
}

// True when the mapper marked `field` ("Instance.http_tokens") of the
// resource (its address or real id) unknown until apply.
inline bool MarkedUnknown(const IacInventory& iac, const std::string& resource_id, const std::string& field) {
  const ResourceInfo* info = FindResource(iac, resource_id);
  return info != nullptr && info->unknown_fields.count(field) > 0;
}

}  // namespace posture::iac
