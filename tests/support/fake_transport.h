// A scripted HttpTransport for unit tests: no network.
//
// Tests either queue responses/faults in order (push_response, push_fault)
// or install a handler that answers each request. Every request is recorded.
// Thread-safe; send() answers synchronously on the calling thread.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "aws/http.h"

namespace posture::testing {

class FakeTransport : public aws::HttpTransport {
 public:
  using Handler = std::function<base::Result<aws::HttpResponse>(const aws::HttpRequest&)>;

  void send(aws::HttpRequest request, Callback done) override;

  // Queues one response with `status`, `body` and extra headers.
  void push_response(int status, std::string body, aws::Headers headers = {});
  // Queues a transport failure (kNetwork with `message`).
  void push_fault(std::string message);
  // Answers every request for which the queue is empty.
  void set_handler(Handler handler);

  std::vector<aws::HttpRequest> requests() const;
  size_t request_count() const;

 private:
  mutable std::mutex mutex_;
  std::deque<base::Result<aws::HttpResponse>> queue_;
  Handler handler_;
  std::vector<aws::HttpRequest> requests_;
};

// Builds a response value (for handlers).
aws::HttpResponse MakeResponse(int status, std::string body, aws::Headers headers = {});

}  // namespace posture::testing
