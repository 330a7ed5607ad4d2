// The JSON value type used for operation inputs and parsed outputs.
// Headers that only name it include json_fwd.h instead.
#pragma once

#include <nlohmann/json.hpp>

#include "aws/json_fwd.h"
