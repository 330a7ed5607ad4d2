#include "scan/scan_metrics.h"

#include <map>

namespace posture::scan {
namespace {

constexpr const char* kGlobalRegion = "global";

}  // namespace

void RecordScanSuccess(telemetry::PostureMetrics& metrics, const report::ScanResult& result,
                       std::chrono::system_clock::time_point finished) {
  std::map<telemetry::LabelValues, double> findings;
  for (const auto& finding : result.findings) {
    std::string status = finding.muted ? "MUTED" : checks::StatusName(finding.status);
    findings[{checks::SeverityName(finding.severity), status, finding.check_id, finding.account_id,
              finding.region.empty() ? kGlobalRegion : finding.region}] += 1;
  }
  metrics.findings.replace(findings);
  for (const auto& error : result.errors) metrics.scan_errors_total.inc({error.kind.empty() ? "internal" : error.kind});
  metrics.scan_duration_seconds.set(result.duration_seconds);
  metrics.last_scan_success_timestamp_seconds.set(std::chrono::duration<double>(finished.time_since_epoch()).count());
  metrics.last_scan_success.set(1);
  metrics.scans_total.inc({"success"});
}

void RecordScanFailure(telemetry::PostureMetrics& metrics, std::string_view kind) {
  metrics.scan_errors_total.inc({std::string(kind)});
  metrics.last_scan_success.set(0);
  metrics.scans_total.inc({"failure"});
}

}  // namespace posture::scan
