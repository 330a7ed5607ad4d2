// Reading attribute values for the storage and logging mappers
// (storage_mapping.cc, s3_mapping.cc, logging_mapping.cc): the same helpers
// read Terraform attributes and CloudFormation properties, telling "absent"
// (AWS applies its default) from "unknown until apply" (a marker).
// Internal to src/iac; pure functions, thread-safe.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iac/resource.h"
#include "iac/values.h"
#include "inventory/inventory.h"

namespace posture::iac::storage {

// Member, Block, IsMarker, IsOpaqueUnknown, IsTerraform and Setting: values.h.

// A boolean (also "true"/"false" text, as YAML templates may give it).
Setting<bool> ReadBool(const Json& values, std::string_view key, bool fallback);
// A string; any marker reads as unknown.
Setting<std::string> ReadString(const Json& values, std::string_view key);
// Strings of a list (markers skipped; `unknown` set when one is met).
std::vector<std::string> ReadStrings(const Json* list, bool& unknown);

// Tags as Terraform (`tags_all` when known, else `tags`: a map) or
// CloudFormation (a list of {Key, Value}) write them; `key` names the
// CloudFormation property ("Tags", "FileSystemTags").
Setting<inventory::Tags> ReadTags(const Resource& resource, std::string_view cloudformation_key = "Tags");

// A policy document as text, compact with sorted keys, whether written as
// JSON text (Terraform) or as an object (CloudFormation); Reference markers
// inside an object are replaced by `resolve(marker)`. nullopt when the
// document holds an opaque unknown; the text itself when it is not JSON.
std::optional<std::string> PolicyText(const Json& document, const std::function<std::string(const Json&)>& resolve);

}  // namespace posture::iac::storage
