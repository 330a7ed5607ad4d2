// ServeScanObserver: how `posture serve` hears about each scheduled scan.
// It records metrics (telemetry::PostureMetrics), keeps the latest report for
// /api/findings and the readiness for /readyz (ServeState), and holds the
// config between scans: read at the first scan, and again at the first
// scan after request_reload() (SIGHUP). A reload that fails (missing file,
// YAML error) prints a warning, counts posture_scan_errors_total{kind="config"}
// and keeps the previous config.
// The ScanObserver methods run on the scan thread (one scan at a time);
// request_reload() may be called from any thread.
#pragma once

#include <atomic>
#include <optional>

#include "scan/config.h"
#include "scan/scan_observer.h"
#include "serve/serve_state.h"
#include "telemetry/metrics_catalog.h"

namespace posture::serve {

class ServeScanObserver final : public scan::ScanObserver {
 public:
  ServeScanObserver(ServeState& state, telemetry::PostureMetrics& metrics, scan::Config config)
      : state_(state), metrics_(metrics), config_(std::move(config)) {}

  // The next scan re-reads the config file.
  void request_reload() { reload_ = true; }

  // The config for the scan about to start: re-read from `flag` (--config)
  // after request_reload(), else the previous one.
  scan::Config config_for_next_scan(const std::optional<std::string>& flag);

  void on_context(scan::AwsContext& context) override;
  void on_result(const report::ScanResult& result) override;
  void on_failure(std::string_view kind, const std::string& message) override;

  // Failing findings of the last scan, for the scheduler's log line.
  size_t last_failing() const { return last_failing_; }

 private:
  ServeState& state_;
  telemetry::PostureMetrics& metrics_;
  std::atomic<bool> reload_{false};
  scan::Config config_;
  size_t last_failing_ = 0;
};

}  // namespace posture::serve
