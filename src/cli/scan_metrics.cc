#include "cli/scan_metrics.h"

#include <iostream>

#include "aws/curl_transport.h"
#include "telemetry/metrics_textfile.h"
#include "telemetry/prometheus_text.h"
#include "telemetry/pushgateway.h"

namespace posture::cli {
namespace {

constexpr const char* kGlobalRegion = "global";

// `posture scan`'s observer: metrics into DefaultMetrics(), exported once
// when the scan ends (success or failure).
class BatchScanObserver final : public ScanObserver {
 public:
  BatchScanObserver(std::optional<std::string> metrics_file, std::optional<std::string> pushgateway)
      : metrics_file_(std::move(metrics_file)), pushgateway_(std::move(pushgateway)) {}

  void on_context(AwsContext& context) override {
    if (!exporting()) return;  // nobody reads the metrics: no cost per call
    context.add_call_observer([](const aws::CallRecord& record) { telemetry::DefaultMetrics().observe_call(record); });
  }

  bool on_result(const report::ScanResult& result) override {
    if (!exporting()) return true;
    RecordScanSuccess(telemetry::DefaultMetrics(), result, std::chrono::system_clock::now());
    Export();
    return true;
  }

  void on_failure(std::string_view kind, const std::string& /*message*/) override {
    if (!exporting()) return;
    RecordScanFailure(telemetry::DefaultMetrics(), kind);
    Export();
  }

 private:
  bool exporting() const { return metrics_file_ || pushgateway_; }

  // Both exporters see the same text; a failure of one is counted in what
  // the other exports when it runs after it.
  void Export() {
    auto& metrics = telemetry::DefaultMetrics();
    if (pushgateway_) {
      aws::CurlTransport transport;
      auto pushed = telemetry::PushMetrics(transport, *pushgateway_, telemetry::RenderPrometheusText(metrics.registry));
      if (!pushed.ok()) {
        metrics.telemetry_export_errors_total.inc({"pushgateway"});
        std::cerr << "posture: warning: metrics not pushed: " << pushed.error().message() << "\n";
      }
    }
    if (metrics_file_) {
      auto written =
          telemetry::WriteTextfileAtomically(*metrics_file_, telemetry::RenderPrometheusText(metrics.registry));
      if (!written.ok()) {
        metrics.telemetry_export_errors_total.inc({"textfile"});
        std::cerr << "posture: warning: metrics not written: " << written.error().message() << "\n";
      }
    }
  }

  std::optional<std::string> metrics_file_;
  std::optional<std::string> pushgateway_;
};

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

void AddBatchMetricsFlags(Args& args) {
  args.flag("--metrics-file", Args::Kind::kValue, "PATH", "write the scan's Prometheus metrics to PATH (textfile)")
      .flag("--pushgateway", Args::Kind::kValue, "URL", "push the scan's metrics to a Prometheus Pushgateway");
}

std::unique_ptr<ScanObserver> MakeBatchScanObserver(const Args& args) {
  auto pushgateway = args.value("--pushgateway");
  if (pushgateway) {
    std::string problem = telemetry::ValidatePushgatewayUrl(*pushgateway);
    if (!problem.empty()) {
      std::cerr << "posture scan: " << problem << "\n";
      return nullptr;
    }
  }
  auto metrics_file = args.value("--metrics-file");
  if (metrics_file && metrics_file->empty()) {
    std::cerr << "posture scan: --metrics-file needs a path\n";
    return nullptr;
  }
  return std::make_unique<BatchScanObserver>(std::move(metrics_file), std::move(pushgateway));
}

}  // namespace posture::cli
