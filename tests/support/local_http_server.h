// A small HTTP/1.1 server on 127.0.0.1 (port chosen by the OS) for tests and
// benchmarks: fake container-credential and IMDS endpoints, and a target for
// the real curl transport. Keep-alive is supported. Each connection is
// served on its own thread; the handler must be thread-safe.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "aws/http.h"

namespace posture::testing {

struct ServerRequest {
  std::string method;
  std::string target;  // path and query as sent: "/latest/api/token"
  aws::Headers headers;
  std::string body;
  const std::string* header(std::string_view name) const;
};

struct ServerResponse {
  int status = 200;
  aws::Headers headers;
  std::string body;
  // Faults: close the connection without answering, or announce the full
  // Content-Length but send only the first half of the body and close.
  bool reset_connection = false;
  bool truncate_body = false;
  // Delay before answering (simulated latency).
  std::chrono::milliseconds delay{0};
};

class LocalHttpServer {
 public:
  using Handler = std::function<ServerResponse(const ServerRequest&)>;

  explicit LocalHttpServer(Handler handler);
  ~LocalHttpServer();
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Requests served so far.
  size_t request_count() const { return requests_.load(); }
  // Distinct TCP connections accepted so far.
  size_t connection_count() const { return connections_.load(); }

 private:
  void accept_loop();
  void serve(int fd);

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<size_t> requests_{0};
  std::atomic<size_t> connections_{0};
  std::thread acceptor_;
  std::mutex mutex_;
  std::vector<std::thread> workers_;
  std::vector<int> client_fds_;
};

}  // namespace posture::testing
