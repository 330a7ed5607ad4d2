#include "serve/serve_observer.h"

#include <iostream>

#include "cli/scan_metrics.h"

namespace posture::serve {

base::Result<cli::Config> ServeScanObserver::load_config(const std::optional<std::string>& flag) {
  bool reload = reload_.exchange(false);
  if (config_ && !reload) return *config_;
  auto loaded = cli::LoadConfig(flag, aws::RealEnvironment());
  if (!loaded.ok()) {
    if (!config_) return loaded;
    metrics_.scan_errors_total.inc({"config"});
    std::cerr << "posture serve: warning: config not reloaded, keeping the previous one: " << loaded.error().message()
              << "\n";
    return *config_;
  }
  if (reload) {
    std::cerr << "posture serve: config reloaded from " << (loaded->path.empty() ? "defaults" : loaded->path) << "\n";
  }
  config_ = *loaded;
  return loaded;
}

void ServeScanObserver::on_context(cli::AwsContext& context) {
  context.add_call_observer([&metrics = metrics_](const aws::CallRecord& record) { metrics.observe_call(record); });
}

bool ServeScanObserver::on_result(const report::ScanResult& result) {
  cli::RecordScanSuccess(metrics_, result, std::chrono::system_clock::now());
  state_.scan_succeeded(report::RenderJson(result, report::RenderOptions{}));
  last_succeeded_ = true;
  last_failing_ = 0;
  for (const auto& finding : result.findings) {
    if (finding.status == checks::Status::kFail && !finding.muted) ++last_failing_;
  }
  return false;  // serve keeps the report; nothing is written
}

void ServeScanObserver::on_failure(std::string_view kind, const std::string& message) {
  cli::RecordScanFailure(metrics_, kind);
  state_.scan_failed(message);
  last_succeeded_ = false;
}

}  // namespace posture::serve
