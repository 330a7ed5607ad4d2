// The metric filter patterns the CIS AWS Foundations Benchmark v3.0.0
// recommends for controls 4.1-4.15, by check id, and the fixes built from
// them. The one place the patterns are written: the monitor_* checks'
// remediation, the demo estate and the tests use them; the checks never
// compare patterns textually (see cis_monitoring.h). Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace posture::checks {

// The pattern for a monitor_* check id, or "" for any other id.
std::string_view CisRecommendedPattern(std::string_view check_id);

// How to add the recommended filter and its alarm, for a monitor_* check id
// (empty strings for any other id). The metric, filter and alarm are named
// after the check ("monitor_vpc_changes": VpcChanges, namespace CISBenchmark).
struct CisMonitorRemediation {
  std::string cli;        // aws logs put-metric-filter ... && aws cloudwatch put-metric-alarm ...
  std::string terraform;  // aws_cloudwatch_log_metric_filter and aws_cloudwatch_metric_alarm
};
const CisMonitorRemediation& CisRemediation(std::string_view check_id);

}  // namespace posture::checks
