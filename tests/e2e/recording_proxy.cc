#include "e2e/recording_proxy.h"

#include <atomic>

#include "aws/url.h"

namespace posture::e2e {
namespace {

std::string OperationOf(const testing::ServerRequest& request) {
  if (const std::string* target = request.header("X-Amz-Target")) {
    auto dot = target->rfind('.');
    return dot == std::string::npos ? *target : target->substr(dot + 1);
  }
  for (const auto& [name, value] : aws::ParseQuery(request.body)) {
    if (name == "Action") return value;
  }
  auto query = request.target.find('?');
  if (query != std::string::npos) {
    for (const auto& [name, value] : aws::ParseQuery(request.target.substr(query + 1))) {
      if (name == "Action") return value;
    }
  }
  return {};
}

// Searches the raw body and, for form-encoded bodies, the decoded values.
bool BodyContains(const std::string& body, const std::string& needle) {
  if (body.find(needle) != std::string::npos) return true;
  for (const auto& [name, value] : aws::ParseQuery(body)) {
    if (value.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::atomic<bool> g_recording_paused{false};

}  // namespace

void RecordingProxy::PauseRecording(bool paused) { g_recording_paused = paused; }

RecordingProxy::RecordingProxy(std::string upstream) : upstream_(std::move(upstream)) {
  server_ = std::make_unique<testing::LocalHttpServer>([this](const testing::ServerRequest& r) { return handle(r); });
}

void RecordingProxy::inject(const std::string& operation, int status, std::string body) {
  inject_when(operation, "", status, std::move(body));
}

void RecordingProxy::inject_when(const std::string& operation, std::string needle, int status, std::string body) {
  std::lock_guard lock(mutex_);
  injected_.emplace(operation, Injection{std::move(needle), status, std::move(body)});
}

std::vector<RecordedCall> RecordingProxy::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

testing::ServerResponse RecordingProxy::handle(const testing::ServerRequest& request) {
  RecordedCall call{request.method, request.target.substr(0, request.target.find('?')), OperationOf(request)};
  {
    std::lock_guard lock(mutex_);
    if (!g_recording_paused) calls_.push_back(call);
    auto [first, last] = injected_.equal_range(call.operation);
    for (auto it = first; it != last; ++it) {
      if (!it->second.needle.empty() && !BodyContains(request.body, it->second.needle)) continue;
      return testing::ServerResponse{it->second.status, {{"x-amzn-RequestId", "injected"}}, it->second.body};
    }
  }
  aws::HttpRequest forward;
  forward.method = request.method;
  forward.url = upstream_ + request.target;
  forward.body = request.body;
  for (const auto& [name, value] : request.headers) {
    if (aws::HeaderNameEquals(name, "host") || aws::HeaderNameEquals(name, "content-length") ||
        aws::HeaderNameEquals(name, "connection") || aws::HeaderNameEquals(name, "accept-encoding")) {
      continue;
    }
    forward.headers.emplace_back(name, value);
  }
  auto response = transport_.send_sync(forward);
  if (!response.ok()) return testing::ServerResponse{502, {}, response.error().message()};
  testing::ServerResponse out{response->status, {}, response->body};
  for (const auto& [name, value] : response->headers) {
    if (aws::HeaderNameEquals(name, "content-length") || aws::HeaderNameEquals(name, "transfer-encoding") ||
        aws::HeaderNameEquals(name, "connection") || aws::HeaderNameEquals(name, "content-encoding")) {
      continue;
    }
    out.headers.emplace_back(name, value);
  }
  return out;
}

}  // namespace posture::e2e
