#include "telemetry/pushgateway.h"

#include "telemetry/prometheus_text.h"

namespace posture::telemetry {
namespace {

constexpr size_t kBodyExcerpt = 200;

}  // namespace

std::string ValidatePushgatewayUrl(const std::string& url) {
  std::string rest;
  if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else {
    return "--pushgateway takes an http:// or https:// URL, not '" + url + "'";
  }
  if (rest.empty() || rest.front() == '/' || rest.front() == ':') return "--pushgateway URL '" + url + "' has no host";
  if (rest.find_first_of("?#") != std::string::npos) {
    return "--pushgateway URL '" + url + "' must not have a query or fragment";
  }
  if (rest.find_first_of(" \t\r\n") != std::string::npos) return "--pushgateway URL '" + url + "' contains spaces";
  return "";
}

std::string PushgatewayTarget(const std::string& url, const std::string& job) {
  std::string base = url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/metrics/job/" + job;
}

base::Status PushMetrics(aws::HttpTransport& transport, const std::string& url, const std::string& text,
                         const PushOptions& options) {
  aws::HttpRequest request;
  request.method = "PUT";
  request.url = PushgatewayTarget(url, options.job);
  request.body = text;
  request.timeout = options.timeout;
  request.set_header("Content-Type", kPrometheusTextContentType);
  auto response = transport.send_sync(std::move(request));
  if (!response.ok()) {
    return base::Error::Network("pushgateway " + url + " unreachable: " + response.error().message());
  }
  if (response->status < 200 || response->status >= 300) {
    std::string excerpt = response->body.substr(0, kBodyExcerpt);
    for (char& c : excerpt) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    std::string message = "pushgateway " + url + " answered HTTP " + std::to_string(response->status) +
                          (excerpt.empty() ? "" : ": " + excerpt);
    return response->status >= 500 ? base::Error::ServiceUnavailable(message).with_http_status(response->status)
                                   : base::Error::InvalidInput(message).with_http_status(response->status);
  }
  return base::Ok{};
}

}  // namespace posture::telemetry
