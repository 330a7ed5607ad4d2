// ServeScanObserver: how `posture serve` hears about each scheduled scan.
// It records metrics (telemetry::PostureMetrics), keeps the latest report for
// /api/findings and the readiness for /readyz (ServeState), and holds the
// config between scans: read at the first scan, and again at the first
// scan after request_reload() (SIGHUP). A reload that fails (missing file,
// YAML error) prints a warning, counts posture_scan_errors_total{kind="config"}
// and keeps the previous config; only a first load that fails stops serve.
// The ScanObserver methods run on the scan thread (one scan at a time);
// request_reload() may be called from any thread.
#pragma once

#include <atomic>
#include <optional>

#include "cli/scan_observer.h"
#include "serve/serve_state.h"
#include "telemetry/metrics_catalog.h"

namespace posture::serve {

class ServeScanObserver final : public cli::ScanObserver {
 public:
  ServeScanObserver(ServeState& state, telemetry::PostureMetrics& metrics) : state_(state), metrics_(metrics) {}

  // The next scan re-reads the config file.
  void request_reload() { reload_ = true; }

  base::Result<cli::Config> load_config(const std::optional<std::string>& flag) override;
  void on_context(cli::AwsContext& context) override;
  bool on_result(const report::ScanResult& result) override;
  void on_failure(std::string_view kind, const std::string& message) override;

  // Outcome of the last scan, for the scheduler's log line.
  bool last_succeeded() const { return last_succeeded_; }
  size_t last_failing() const { return last_failing_; }

 private:
  ServeState& state_;
  telemetry::PostureMetrics& metrics_;
  std::atomic<bool> reload_{false};
  std::optional<cli::Config> config_;
  bool last_succeeded_ = false;
  size_t last_failing_ = 0;
};

}  // namespace posture::serve
