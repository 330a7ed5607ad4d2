#include "serve/serve_state.h"

#include "telemetry/prometheus_text.h"

namespace posture::serve {

void ServeState::scan_succeeded(std::string report_json) {
  auto report = std::make_shared<const std::string>(std::move(report_json));
  std::lock_guard lock(mutex_);
  report_ = std::move(report);
  last_ok_ = true;
  last_error_.clear();
}

void ServeState::scan_failed(std::string reason) {
  std::lock_guard lock(mutex_);
  last_ok_ = false;
  last_error_ = std::move(reason);
}

bool ServeState::ready() const {
  std::lock_guard lock(mutex_);
  return last_ok_;
}

Response ServeState::handle(const Request& request) const {
  Response response;
  if (request.method != "GET" && request.method != "HEAD") {
    response.status = 405;
    response.body = "only GET and HEAD are served\n";
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  if (request.path == "/metrics") {
    response.content_type = telemetry::kPrometheusTextContentType;
    response.body = telemetry::RenderPrometheusText(registry_);
    return response;
  }
  if (request.path == "/healthz") {
    response.body = "ok\n";
    return response;
  }
  std::shared_ptr<const std::string> report;
  bool ok;
  std::string error;
  {
    std::lock_guard lock(mutex_);
    report = report_;
    ok = last_ok_;
    error = last_error_;
  }
  if (request.path == "/readyz") {
    response.status = ok ? 200 : 503;
    response.body = ok ? "ready\n" : "not ready: " + error + "\n";
    return response;
  }
  if (request.path == "/api/findings") {
    if (!report) {
      response.status = 503;
      response.headers.emplace_back("Retry-After", "5");
      response.body = "no scan has completed yet\n";
      return response;
    }
    response.content_type = "application/json";
    response.body = *report;
    return response;
  }
  response.status = 404;
  response.body = "not found: /metrics, /healthz, /readyz and /api/findings are served\n";
  return response;
}

}  // namespace posture::serve
