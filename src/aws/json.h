// The JSON value type used for operation inputs and parsed outputs.
#pragma once

#include <nlohmann/json.hpp>

namespace posture::aws {
using Json = nlohmann::json;
}  // namespace posture::aws
