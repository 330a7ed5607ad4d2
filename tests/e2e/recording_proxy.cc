#include "e2e/recording_proxy.h"

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

}  // namespace

RecordingProxy::RecordingProxy(std::string upstream) : upstream_(std::move(upstream)) {
  server_ = std::make_unique<testing::LocalHttpServer>([this](const testing::ServerRequest& r) { return handle(r); });
}

void RecordingProxy::inject(const std::string& operation, int status, std::string body) {
  std::lock_guard lock(mutex_);
  injected_[operation] = {status, std::move(body)};
}

std::vector<RecordedCall> RecordingProxy::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

testing::ServerResponse RecordingProxy::handle(const testing::ServerRequest& request) {
  RecordedCall call{request.method, request.target.substr(0, request.target.find('?')), OperationOf(request)};
  {
    std::lock_guard lock(mutex_);
    calls_.push_back(call);
    if (auto it = injected_.find(call.operation); it != injected_.end()) {
      return testing::ServerResponse{it->second.first, {{"x-amzn-RequestId", "injected"}}, it->second.second};
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
