// The shared evaluation of the CIS 4.1-4.15 monitoring checks (monitor_*).
//
// A check passes when a multi-region trail that is logging and records all
// management events sends to a CloudWatch Logs log group holding a metric
// filter whose pattern matches every sample CloudTrail event of the CIS
// control (and not an unrelated read-only call, so a catch-all filter does
// not count), an alarm watches that filter's metric, and the alarm notifies
// an SNS topic with at least one confirmed subscription. Patterns are
// parsed and evaluated (filter_pattern.h), never searched as text.
// Otherwise the one FAIL says how far the best candidate got. Pure
// functions: thread-safe.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/check.h"

namespace posture::checks {

struct MonitorSpec {
  std::string what;                    // "unauthorized API calls"
  std::vector<nlohmann::json> events;  // CloudTrail records the filter must match
};

// A CloudTrail record of an IAM user's successful API call.
nlohmann::json ApiCall(std::string_view source, std::string_view name);
// One ApiCall per name.
std::vector<nlohmann::json> ApiCalls(std::string_view source, std::initializer_list<std::string_view> names);

// Whether `pattern` matches every event of `spec` and no unrelated call;
// `why` says what it misses (or why it cannot be parsed).
bool PatternCovers(const MonitorSpec& spec, const std::string& pattern, std::string& why);

void EvaluateMonitor(const MonitorSpec& spec, const inventory::Inventory& inventory, FindingSink& sink);

}  // namespace posture::checks
