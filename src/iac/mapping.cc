#include "iac/mapping.h"

namespace posture::iac {

inventory::RegionInventory& MappingContext::region(const std::string& region) {
  const std::string& name = region.empty() ? default_region_ : region;
  for (auto& r : out_.inventory.regions) {
    if (r.region == name) return r;
  }
  inventory::RegionInventory& created = out_.inventory.regions.emplace_back();
  created.region = name;
  return created;
}

ResourceInfo& MappingContext::record(const Resource& resource, std::string real_id) {
  ResourceInfo& info = out_.resources[resource.address];
  info.address = resource.address;
  info.type = resource.type;
  info.format = resource.format;
  info.location = resource.location;
  info.suppressions = resource.suppressions;
  if (!real_id.empty()) {
    alias(real_id, resource.address);
    info.real_id = std::move(real_id);
  }
  return info;
}

void MappingContext::mark_unknown(const std::string& address, std::string field) {
  out_.resources[address].unknown_fields.insert(std::move(field));
}

void MappingContext::identify(const std::string& address, const std::string& inventory_id) {
  if (inventory_id != address) out_.address_of[inventory_id] = address;
}

const ResourceInfo* FindResource(const IacInventory& iac, const std::string& resource_id) {
  auto it = iac.resources.find(resource_id);
  if (it != iac.resources.end()) return &it->second;
  auto alias = iac.address_of.find(resource_id);
  if (alias == iac.address_of.end()) return nullptr;
  it = iac.resources.find(alias->second);
  return it == iac.resources.end() ? nullptr : &it->second;
}

void MappingContext::alias(const std::string& real_id, const std::string& address) {
  if (!real_id.empty()) aliases_.emplace(real_id, address);
}

std::string MappingContext::canonical_id(const nlohmann::json& value) const {
  if (const std::string* address = ReferencedAddress(value)) return *address;
  if (value.is_string()) return canonical_id(value.get_ref<const std::string&>());
  return {};
}

std::string MappingContext::canonical_id(const std::string& value) const {
  auto it = aliases_.find(value);
  return it == aliases_.end() ? value : it->second;
}

InventoryBuilder::InventoryBuilder() {
  mappers_.push_back(NewNetworkMapper());
  mappers_.push_back(NewIamMapper());
  mappers_.push_back(NewStorageMapper());
  context_.set_default_region("us-east-1");
}

void InventoryBuilder::set_default_region(std::string region) { context_.set_default_region(std::move(region)); }

void InventoryBuilder::add(Resource&& resource) {
  for (auto& mapper : mappers_) {
    if (mapper->add(resource, context_)) return;
  }
  ++out_.unsupported[resource.type];
}

IacInventory InventoryBuilder::finish() {
  for (auto& mapper : mappers_) mapper->finish(context_);
  return std::move(out_);
}

std::vector<ComparableObject> Comparables(const inventory::Inventory& inventory, const IdMap& ids) {
  IdMap map = ids ? ids : IdMap([](const std::string& id) { return id; });
  std::vector<ComparableObject> out;
  AppendNetworkComparables(inventory, map, out);
  AppendIamComparables(inventory, map, out);
  AppendStorageComparables(inventory, map, out);
  return out;
}

}  // namespace posture::iac
