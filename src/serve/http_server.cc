#include "serve/http_server.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace posture::serve {
namespace {

constexpr int kListenBacklog = 64;

void SendAll(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

Response PlainError(int status, const std::string& message) {
  Response response;
  response.status = status;
  response.body = message + "\n";
  return response;
}

}  // namespace

base::Result<std::unique_ptr<HttpServer>> HttpServer::Start(const ListenAddress& address, Handler handler) {
  std::string shown = (address.host.find(':') != std::string::npos ? "[" + address.host + "]" : address.host) + ":" +
                      std::to_string(address.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string port = std::to_string(address.port);
  int rc = ::getaddrinfo(address.host.empty() ? nullptr : address.host.c_str(), port.c_str(), &hints, &found);
  if (rc != 0) return base::Error::Network("cannot listen on " + shown + ": " + ::gai_strerror(rc));
  std::string failure = "no address";
  int fd = -1;
  for (addrinfo* ai = found; ai; ai = ai->ai_next) {
    fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (::bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(fd, kListenBacklog) == 0) break;
    failure = std::strerror(errno);
    ::close(fd);
    fd = -1;
  }
  ::freeaddrinfo(found);
  if (fd < 0) return base::Error::Network("cannot listen on " + shown + ": " + failure);
  sockaddr_storage bound{};
  socklen_t length = sizeof(bound);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  int bound_port = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                               : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  std::unique_ptr<HttpServer> server(new HttpServer(fd, bound_port, std::move(handler)));
  if (::pipe2(server->wake_pipe_, O_CLOEXEC) != 0) return base::Error::Internal("cannot create a pipe");
  server->acceptor_ = std::thread([s = server.get()] { s->accept_loop(); });
  return server;
}

HttpServer::HttpServer(int listen_fd, int port, Handler handler)
    : listen_fd_(listen_fd), port_(port), handler_(std::move(handler)) {}

HttpServer::~HttpServer() {
  stop();
  for (int fd : wake_pipe_) {
    if (fd >= 0) ::close(fd);
  }
}

void HttpServer::stop() {
  if (stopping_.exchange(true)) {
    if (acceptor_.joinable() && acceptor_.get_id() != std::this_thread::get_id()) acceptor_.join();
    return;
  }
  if (wake_pipe_[1] >= 0) {
    char byte = 1;
    [[maybe_unused]] auto n = ::write(wake_pipe_[1], &byte, 1);
  }
  if (acceptor_.joinable()) acceptor_.join();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  listen_fd_ = -1;
  for (auto& worker : workers_) worker.thread.join();
  workers_.clear();
}

void HttpServer::accept_loop() {
  while (!stopping_) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents || stopping_) return;
    if (!(fds[0].revents & POLLIN)) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::erase_if(workers_, [](Worker& worker) {
      if (!worker.done->load()) return false;
      worker.thread.join();
      return true;
    });
    if (workers_.size() >= static_cast<size_t>(kMaxConnections)) {
      SendAll(fd, SerializeResponse(PlainError(503, "too many connections"), false));
      ::close(fd);
      continue;
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    workers_.push_back({std::thread([this, fd, done] {
                          serve_connection(fd);
                          ::close(fd);
                          *done = true;
                        }),
                        done});
  }
}

void HttpServer::serve_connection(int fd) {
  std::string received;
  auto deadline = std::chrono::steady_clock::now() + kReadTimeout;
  size_t head_end = std::string::npos;
  while (true) {
    if ((head_end = received.find("\r\n\r\n")) != std::string::npos) break;
    if ((head_end = received.find("\n\n")) != std::string::npos) break;
    if (received.size() > kMaxRequestHead) {
      SendAll(fd, SerializeResponse(PlainError(431, "request head over 8 KiB"), false));
      return;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      SendAll(fd, SerializeResponse(PlainError(408, "request head not received in time"), false));
      return;
    }
    pollfd fds[2] = {{fd, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) return;
    if (fds[1].revents) return;  // shutting down
    if (!fds[0].revents) continue;
    char buffer[4096];
    ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (!received.empty()) SendAll(fd, SerializeResponse(PlainError(400, "incomplete request head"), false));
      return;
    }
    received.append(buffer, static_cast<size_t>(n));
  }
  ParsedHead parsed = ParseRequestHead(std::string_view(received).substr(0, head_end));
  if (parsed.error_status) {
    SendAll(fd, SerializeResponse(PlainError(parsed.error_status, parsed.error), false));
    return;
  }
  Response response;
  try {
    response = handler_(parsed.request);
  } catch (const std::exception&) {
    response = PlainError(500, "internal error");
  }
  SendAll(fd, SerializeResponse(response, parsed.request.method == "HEAD"));
  ::shutdown(fd, SHUT_WR);
}

}  // namespace posture::serve
