// A small HTTP/1.1 server for `posture serve`: GET/HEAD of a handful of
// read-only endpoints on POSIX sockets, one short-lived connection per
// request (Connection: close), no request bodies.
//
// Requests are parsed by http_message.h. HttpServer accepts on one thread
// and serves each connection on its own thread (at most kMaxConnections at
// once; more are answered 503). A client has kReadTimeout to send its request head.
// Handlers run on connection threads and must be thread-safe. stop() is
// idempotent and may be called from any thread but a handler's.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/error.h"
#include "serve/http_message.h"

namespace posture::serve {

class HttpServer {
 public:
  using Handler = std::function<Response(const Request&)>;
  static constexpr int kMaxConnections = 32;
  static constexpr std::chrono::seconds kReadTimeout{5};

  // Binds and listens (SO_REUSEADDR); fails with a kNetwork error naming the
  // address when it cannot (in use, permission, unknown host).
  static base::Result<std::unique_ptr<HttpServer>> Start(const ListenAddress& address, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The port bound (useful with port 0).
  int port() const { return port_; }
  // Stops accepting and waits for connections being served (each ends
  // within kReadTimeout plus its handler's time).
  void stop();

 private:
  HttpServer(int listen_fd, int port, Handler handler);
  void accept_loop();
  void serve_connection(int fd);

  int listen_fd_;
  int port_;
  Handler handler_;
  int wake_pipe_[2] = {-1, -1};
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  // Connection threads; the acceptor joins finished ones, stop() the rest.
  struct Worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
  };
  std::vector<Worker> workers_;  // acceptor thread only, then stop()
};

}  // namespace posture::serve
