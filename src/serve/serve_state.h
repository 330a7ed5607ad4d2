// ServeState: what `posture serve`'s endpoints show, and the routes.
//
//   GET /metrics        the registry in the Prometheus text format
//   GET /healthz        200 while the process runs (liveness)
//   GET /readyz         200 once a scan completed and the last scan
//                       succeeded; 503 before the first scan ends and
//                       while the last scan failed (the body says why)
//   GET /api/findings   the latest completed scan's JSON report (the
//                       `posture scan --format json` document); 503 before
//                       the first scan completed
// HEAD works like GET without a body; other methods get 405, other paths
// 404. Thread-safe: scans update it while connection threads read it.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "serve/http_server.h"
#include "telemetry/metrics.h"

namespace posture::serve {

class ServeState {
 public:
  explicit ServeState(const telemetry::MetricsRegistry& registry) : registry_(registry) {}

  // A scan completed; `report_json` is its report.
  void scan_succeeded(std::string report_json);
  // A scan could not run; `reason` is one line. The last report stays.
  void scan_failed(std::string reason);
  bool ready() const;

  // Answers one request (any thread).
  Response handle(const Request& request) const;

 private:
  const telemetry::MetricsRegistry& registry_;
  mutable std::mutex mutex_;
  std::shared_ptr<const std::string> report_;  // null before the first completed scan
  bool last_ok_ = false;
  std::string last_error_ = "no scan has completed yet";
};

}  // namespace posture::serve
