// Reading attribute values, for every mapper: one vocabulary for "the file
// sets it", "the file leaves it to AWS's default" and "unknown until
// apply", whether the value comes from a Terraform plan or state or a
// CloudFormation template. Internal to src/iac; pure functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "iac/resource.h"

namespace posture::iac {

using Json = nlohmann::json;

// values[key], or nullptr when absent or null.
const Json* Member(const Json& values, std::string_view key);
// The object of a single nested block: the first object of Terraform's
// one-element list, or a CloudFormation property object; nullptr when
// absent, empty or a marker.
const Json* Block(const Json& values, std::string_view key);

// True for an Unknown marker that names no resource (a reference marker,
// even an unknown one, still says which object the value is).
bool IsOpaqueUnknown(const Json& value);
// A marker of either kind.
bool IsMarker(const Json& value);

bool IsTerraform(const Resource& resource);
bool IsCloudFormation(const Resource& resource);

// A value read from a resource: set by the file (present, in `value`),
// unknown until apply (unknown), or neither (unset: AWS applies its
// default). A value built from several parts may be present and unknown
// at once (some parts read, one unknown): it is not known().
template <typename T>
struct Setting {
  T value{};
  bool unknown = false;
  bool present = false;

  bool known() const { return present && !unknown; }
  bool unset() const { return !present && !unknown; }
  static Setting Known(T v) {
    Setting setting;
    setting.value = std::move(v);
    setting.present = true;
    return setting;
  }
  static Setting Unknown() {
    Setting setting;
    setting.unknown = true;
    return setting;
  }
};

}  // namespace posture::iac
