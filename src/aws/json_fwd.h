// The JSON value type of operation inputs and parsed outputs, declared only:
// for headers that name aws::Json without using it (json.h defines it).
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace posture::aws {
using Json = nlohmann::json;
}  // namespace posture::aws
