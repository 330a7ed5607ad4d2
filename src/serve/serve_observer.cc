#include "serve/serve_observer.h"

#include <iostream>

#include "scan/scan_metrics.h"

namespace posture::serve {

scan::Config ServeScanObserver::config_for_next_scan(const std::optional<std::string>& flag) {
  if (!reload_.exchange(false)) return config_;
  auto loaded = scan::LoadConfig(flag, aws::RealEnvironment());
  if (!loaded.ok()) {
    metrics_.scan_errors_total.inc({"config"});
    std::cerr << "posture serve: warning: config not reloaded, keeping the previous one: " << loaded.error().message()
              << "\n";
    return config_;
  }
  std::cerr << "posture serve: config reloaded from " << (loaded->path.empty() ? "defaults" : loaded->path) << "\n";
  config_ = std::move(*loaded);
  return config_;
}

void ServeScanObserver::on_context(scan::AwsContext& context) {
  context.add_call_observer([&metrics = metrics_](const aws::CallRecord& record) { metrics.observe_call(record); });
}

void ServeScanObserver::on_result(const report::ScanResult& result) {
  scan::RecordScanSuccess(metrics_, result, std::chrono::system_clock::now());
  state_.scan_succeeded(report::RenderJson(result, report::RenderOptions{}));
  last_failing_ = 0;
  for (const auto& finding : result.findings) {
    if (finding.status == checks::FindingStatus::kFail && !finding.muted) ++last_failing_;
  }
}

void ServeScanObserver::on_failure(std::string_view kind, const std::string& message) {
  scan::RecordScanFailure(metrics_, kind);
  state_.scan_failed(message);
}

}  // namespace posture::serve
