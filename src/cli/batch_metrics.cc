#include "cli/batch_metrics.h"

#include <iostream>

#include "aws/curl_transport.h"
#include "scan/scan_metrics.h"
#include "telemetry/metrics_textfile.h"
#include "telemetry/prometheus_text.h"
#include "telemetry/pushgateway.h"

namespace posture::cli {
namespace {

// `posture scan`'s observer: metrics into DefaultMetrics(), exported once
// when the scan ends (success or failure).
class BatchScanObserver final : public scan::ScanObserver {
 public:
  BatchScanObserver(std::optional<std::string> metrics_file, std::optional<std::string> pushgateway)
      : metrics_file_(std::move(metrics_file)), pushgateway_(std::move(pushgateway)) {}

  void on_context(scan::AwsContext& context) override {
    if (!exporting()) return;  // nobody reads the metrics: no cost per call
    context.add_call_observer([](const aws::CallRecord& record) { telemetry::DefaultMetrics().observe_call(record); });
  }

  void on_result(const report::ScanResult& result) override {
    if (!exporting()) return;
    scan::RecordScanSuccess(telemetry::DefaultMetrics(), result, std::chrono::system_clock::now());
    export_metrics();
  }

  void on_failure(std::string_view kind, const std::string& /*message*/) override {
    if (!exporting()) return;
    scan::RecordScanFailure(telemetry::DefaultMetrics(), kind);
    export_metrics();
  }

 private:
  bool exporting() const { return metrics_file_ || pushgateway_; }

  // Both exporters see the same text; a failure of one is counted in what
  // the other exports when it runs after it.
  void export_metrics() {
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

void AddBatchMetricsFlags(Args& args) {
  args.flag("--metrics-file", Args::Kind::kValue, "PATH", "write the scan's Prometheus metrics to PATH (textfile)")
      .flag("--pushgateway", Args::Kind::kValue, "URL", "push the scan's metrics to a Prometheus Pushgateway");
}

std::unique_ptr<scan::ScanObserver> MakeBatchScanObserver(const Args& args) {
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
