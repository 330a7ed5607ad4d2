#include "support/fake_transport.h"

namespace posture::testing {

aws::HttpResponse MakeResponse(int status, std::string body, aws::Headers headers) {
  aws::HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  return response;
}

void FakeTransport::send(aws::HttpRequest request, Callback done) {
  std::unique_lock lock(mutex_);
  requests_.push_back(request);
  if (!queue_.empty()) {
    auto next = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    done(std::move(next));
    return;
  }
  Handler handler = handler_;
  lock.unlock();
  if (handler) {
    done(handler(request));
    return;
  }
  done(base::Error::Network("fake transport: no response scripted for " + request.method + " " + request.url));
}

void FakeTransport::push_response(int status, std::string body, aws::Headers headers) {
  std::lock_guard lock(mutex_);
  queue_.emplace_back(MakeResponse(status, std::move(body), std::move(headers)));
}

void FakeTransport::push_fault(std::string message) {
  std::lock_guard lock(mutex_);
  queue_.emplace_back(base::Error::Network(std::move(message)));
}

void FakeTransport::set_handler(Handler handler) {
  std::lock_guard lock(mutex_);
  handler_ = std::move(handler);
}

std::vector<aws::HttpRequest> FakeTransport::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

size_t FakeTransport::request_count() const {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

}  // namespace posture::testing
