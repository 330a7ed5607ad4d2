// The metric filter patterns the CIS AWS Foundations Benchmark v3.0.0
// recommends for controls 4.1-4.15, by check id. Used by the demo estate
// and the tests as known-good filters; the checks never compare patterns
// textually (see cis_monitoring.h).
#pragma once

#include <string_view>

namespace posture::checks {

// The pattern for a monitor_* check id, or "" for any other id.
std::string_view CisRecommendedPattern(std::string_view check_id);

}  // namespace posture::checks
