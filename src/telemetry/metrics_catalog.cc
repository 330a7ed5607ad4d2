#include "telemetry/metrics_catalog.h"

namespace posture::telemetry {

PostureMetrics::PostureMetrics(MetricsRegistry& r)
    : registry(r),
      findings(r.gauge("posture_findings",
                       "Findings of the last completed scan, by severity, status, check, account "
                       "and region.",
                       {"severity", "status", "check_id", "account_id", "region"})),
      scan_duration_seconds(r.gauge("posture_scan_duration_seconds", "Wall-clock duration of the last scan.")),
      last_scan_success_timestamp_seconds(r.gauge("posture_last_scan_success_timestamp_seconds",
                                                  "Unix time at which the last successful scan finished.")),
      last_scan_success(
          r.gauge("posture_last_scan_success", "1 when the last scan completed, 0 when it could not run.")),
      scans_total(r.counter("posture_scans_total", "Scans run, by result (success or failure).", {"result"})),
      scan_errors_total(r.counter("posture_scan_errors_total",
                                  "Errors met by scans: collection errors by kind, and errors that stopped a scan.",
                                  {"kind"})),
      aws_requests_total(r.counter("posture_aws_requests_total",
                                   "AWS API calls by service, operation and outcome code (ok, or the error code).",
                                   {"service", "operation", "code"})),
      aws_request_duration_seconds(r.histogram("posture_aws_request_duration_seconds",
                                               "Duration of AWS API calls, retries included.", {"service"},
                                               LatencyBuckets())),
      aws_throttles_total(r.counter("posture_aws_throttles_total", "AWS API attempts answered with a throttling error.",
                                    {"service", "region"})),
      aws_retries_total(
          r.counter("posture_aws_retries_total", "AWS API attempts after the first (retries).", {"service"})),
      telemetry_export_errors_total(r.counter("posture_telemetry_export_errors_total",
                                              "Telemetry that could not be exported (pushgateway, metrics file).",
                                              {"exporter"})),
      build_info(r.gauge("posture_build_info", "The posture version running; always 1.", {"version"})) {}

void PostureMetrics::observe_call(const aws::CallRecord& record) {
  aws_requests_total.inc({record.service, record.operation, record.error_code.empty() ? "ok" : record.error_code});
  aws_request_duration_seconds.observe({record.service}, std::chrono::duration<double>(record.duration).count());
  if (record.throttles > 0) aws_throttles_total.inc({record.service, record.region}, record.throttles);
  if (record.attempts > 1) aws_retries_total.inc({record.service}, record.attempts - 1);
}

PostureMetrics& DefaultMetrics() {
  static auto* metrics = [] {
    auto* created = new PostureMetrics(DefaultRegistry());
    created->build_info.set({POSTURE_VERSION}, 1);
    return created;
  }();
  return *metrics;
}

}  // namespace posture::telemetry
