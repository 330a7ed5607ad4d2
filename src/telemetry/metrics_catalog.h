// posture's metrics: every family posture exposes, declared in one place
// with its labels and help (docs/observability.md lists them for users).
//
//   posture_findings{severity,status,check_id,account_id,region}   gauge: findings of the last scan
//   posture_scan_duration_seconds                                  gauge: wall time of the last scan
//   posture_last_scan_success_timestamp_seconds                    gauge: Unix time the last good scan ended
//   posture_last_scan_success                                      gauge: 1 the last scan completed, 0 it failed
//   posture_scans_total{result}                                    counter: result = success | failure
//   posture_scan_errors_total{kind}                                counter: errors scans met (see below)
//   posture_aws_requests_total{service,operation,code}             counter: AWS calls (all attempts = one call)
//   posture_aws_request_duration_seconds{service}                  histogram: call time, retries included
//   posture_aws_throttles_total{service,region}                    counter: throttled attempts
//   posture_aws_retries_total{service}                             counter: attempts after the first
//   posture_telemetry_export_errors_total{exporter}                counter: failed pushes/writes of telemetry
//   posture_build_info{version}                                    gauge: always 1
//
// `code` of posture_aws_requests_total is "ok" for a call that succeeded,
// else the AWS error code ("AccessDenied", "ThrottlingException") or, when
// no AWS answer arrived, the transport's code ("ConnectFailure") or
// posture's error kind ("network", "parse"): CallRecord::error_code.
// `kind` of posture_scan_errors_total is the error kind (aws::ErrorKindName:
// access_denied, throttled, network, ...) of each collection error (a failed
// call that turned checks into ERROR) and of an error that stopped a scan,
// or "config" for a config file that could not be (re)loaded.
// Thread-safe: the families are; the struct holds references only.
#pragma once

#include "aws/client.h"
#include "telemetry/metrics.h"

namespace posture::telemetry {

struct PostureMetrics {
  explicit PostureMetrics(MetricsRegistry& registry);

  // Counts one AWS call (the AwsClient observer).
  void observe_call(const aws::CallRecord& record);

  MetricsRegistry& registry;
  Gauge& findings;
  Gauge& scan_duration_seconds;
  Gauge& last_scan_success_timestamp_seconds;
  Gauge& last_scan_success;
  Counter& scans_total;
  Counter& scan_errors_total;
  Counter& aws_requests_total;
  Histogram& aws_request_duration_seconds;
  Counter& aws_throttles_total;
  Counter& aws_retries_total;
  Counter& telemetry_export_errors_total;
  Gauge& build_info;
};

// The metrics on DefaultRegistry(), build info set. Never destroyed.
PostureMetrics& DefaultMetrics();

}  // namespace posture::telemetry
