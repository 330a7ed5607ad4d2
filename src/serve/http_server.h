// A small HTTP/1.1 server for `posture serve`: GET/HEAD of a handful of
// read-only endpoints on POSIX sockets, one short-lived connection per
// request (Connection: close), no request bodies.
//
// ParseRequestHead turns the bytes before the blank line into a request or
// a status to answer (400 malformed, 431 head too large, 505 not HTTP/1.x);
// it is a pure function, separate from the socket code so it can be tested
// on malformed input. HttpServer accepts on one thread and serves each
// connection on its own thread (at most kMaxConnections at once; more are
// answered 503). A client has kReadTimeout to send its request head.
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

#include "aws/error.h"
#include "aws/http.h"

namespace posture::serve {

struct Request {
  std::string method;  // "GET"
  std::string target;  // as sent: "/metrics?x=1"
  std::string path;    // "/metrics"
  std::string query;   // "x=1"
  aws::Headers headers;
  const std::string* header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  aws::Headers headers;  // extra headers (Allow, Retry-After)
};

inline constexpr size_t kMaxRequestHead = 8192;
inline constexpr size_t kMaxHeaders = 100;

// The outcome of parsing a request head: a request, or the status (and
// one-line reason) to answer instead.
struct ParsedHead {
  Request request;
  int error_status = 0;  // 0: `request` is valid
  std::string error;
};
// `head` holds the request line and headers, lines ending in CRLF (a bare
// LF is accepted), without the final blank line.
ParsedHead ParseRequestHead(std::string_view head);

// The bytes of a whole response (status line, Content-Type, Content-Length,
// Connection: close, extra headers, body unless `head_only`).
std::string SerializeResponse(const Response& response, bool head_only);

// "127.0.0.1:9464", "[::1]:9464", "localhost:9464", ":9464" (every interface).
struct ListenAddress {
  std::string host;  // "" for every interface
  int port = 0;
};
// kInvalidInput with a one-line message for a missing or bad port.
[[nodiscard]] aws::Result<ListenAddress> ParseListenAddress(std::string_view text);

class HttpServer {
 public:
  using Handler = std::function<Response(const Request&)>;
  static constexpr int kMaxConnections = 32;
  static constexpr std::chrono::seconds kReadTimeout{5};

  // Binds and listens (SO_REUSEADDR); fails with a kNetwork error naming the
  // address when it cannot (in use, permission, unknown host).
  static aws::Result<std::unique_ptr<HttpServer>> Start(const ListenAddress& address, Handler handler);
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
