#include "iac/values.h"

namespace posture::iac {

const Json* Member(const Json& values, std::string_view key) {
  if (!values.is_object()) return nullptr;
  auto it = values.find(key);
  if (it == values.end() || it->is_null()) return nullptr;
  return &*it;
}

const Json* Block(const Json& values, std::string_view key) {
  const Json* value = Member(values, key);
  if (value == nullptr || IsMarker(*value)) return nullptr;
  if (value->is_array()) {
    if (value->empty() || !value->front().is_object()) return nullptr;
    return &value->front();
  }
  return value->is_object() ? value : nullptr;
}

bool IsOpaqueUnknown(const Json& value) { return IsUnknown(value) && ReferencedAddress(value) == nullptr; }

bool IsMarker(const Json& value) { return IsUnknown(value) || ReferencedAddress(value) != nullptr; }

bool IsTerraform(const Resource& resource) { return resource.format != SourceFormat::kCloudFormation; }

bool IsCloudFormation(const Resource& resource) { return resource.format == SourceFormat::kCloudFormation; }

}  // namespace posture::iac
