#include "serve/http_server.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

namespace posture::serve {
namespace {

constexpr int kListenBacklog = 64;
constexpr int kMaxPort = 65535;

bool IsTokenChar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

ParsedHead Reject(int status, std::string why) {
  ParsedHead out;
  out.error_status = status;
  out.error = std::move(why);
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

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

const std::string* Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (aws::HeaderNameEquals(key, name)) return &value;
  }
  return nullptr;
}

ParsedHead ParseRequestHead(std::string_view head) {
  if (head.size() > kMaxRequestHead) return Reject(431, "request head over 8 KiB");
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= head.size()) {
    size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  if (!head.empty() && head.back() == '\n') lines.pop_back();
  if (lines.empty() || lines[0].empty()) return Reject(400, "empty request line");

  std::string_view request_line = lines[0];
  size_t first = request_line.find(' ');
  size_t second = first == std::string_view::npos ? first : request_line.find(' ', first + 1);
  if (second == std::string_view::npos || request_line.find(' ', second + 1) != std::string_view::npos) {
    return Reject(400, "the request line is not METHOD TARGET VERSION");
  }
  std::string_view method = request_line.substr(0, first);
  std::string_view target = request_line.substr(first + 1, second - first - 1);
  std::string_view version = request_line.substr(second + 1);
  if (!IsToken(method)) return Reject(400, "malformed method");
  if (target.empty() || target.front() != '/') return Reject(400, "the target must be a path starting with /");
  for (char c : target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return Reject(400, "control character in the target");
  }
  if (!version.starts_with("HTTP/")) return Reject(400, "malformed HTTP version");
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return Reject(505, "only HTTP/1.0 and HTTP/1.1 are served");

  ParsedHead out;
  out.request.method = std::string(method);
  out.request.target = std::string(target);
  size_t question = target.find('?');
  out.request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) out.request.query = std::string(target.substr(question + 1));
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.empty()) return Reject(400, "blank line inside the header block");
    if (line.front() == ' ' || line.front() == '\t') return Reject(400, "folded header lines are not accepted");
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Reject(400, "header line without a colon");
    std::string_view name = line.substr(0, colon);
    if (!IsToken(name)) return Reject(400, "malformed header name");
    std::string_view value = Trim(line.substr(colon + 1));
    for (char c : value) {
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
        return Reject(400, "control character in a header value");
      }
    }
    if (out.request.headers.size() >= kMaxHeaders) return Reject(431, "more than 100 headers");
    out.request.headers.emplace_back(std::string(name), std::string(value));
  }
  if (version == "HTTP/1.1" && !out.request.header("Host")) return Reject(400, "HTTP/1.1 request without Host");
  return out;
}

std::string SerializeResponse(const Response& response, bool head_only) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + Reason(response.status) + "\r\n";
  out += "Content-Type: " + response.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  out += "Connection: close\r\n";
  for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
  out += "\r\n";
  if (!head_only) out += response.body;
  return out;
}

aws::Result<ListenAddress> ParseListenAddress(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return aws::Error::InvalidInput("--listen '" + std::string(text) + "': " + why +
                                    " (write HOST:PORT, e.g. 127.0.0.1:9464, [::1]:9464 or :9464)");
  };
  ListenAddress out;
  std::string_view port;
  if (text.starts_with("[")) {
    size_t close = text.find(']');
    if (close == std::string_view::npos) return bad("unclosed [ of an IPv6 address");
    out.host = std::string(text.substr(1, close - 1));
    if (text.substr(close + 1, 1) != ":") return bad("no port");
    port = text.substr(close + 2);
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) return bad("no port");
    out.host = std::string(text.substr(0, colon));
    if (out.host.find(':') != std::string::npos) return bad("an IPv6 address needs brackets");
    port = text.substr(colon + 1);
  }
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos) {
    return bad("the port must be a number");
  }
  out.port = std::stoi(std::string(port));
  if (out.port > kMaxPort) return bad("the port must be at most 65535");
  return out;
}

aws::Result<std::unique_ptr<HttpServer>> HttpServer::Start(const ListenAddress& address, Handler handler) {
  std::string shown = (address.host.find(':') != std::string::npos ? "[" + address.host + "]" : address.host) + ":" +
                      std::to_string(address.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string port = std::to_string(address.port);
  int rc = ::getaddrinfo(address.host.empty() ? nullptr : address.host.c_str(), port.c_str(), &hints, &found);
  if (rc != 0) return aws::Error::Network("cannot listen on " + shown + ": " + ::gai_strerror(rc));
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
  if (fd < 0) return aws::Error::Network("cannot listen on " + shown + ": " + failure);
  sockaddr_storage bound{};
  socklen_t length = sizeof(bound);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  int bound_port = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                               : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  std::unique_ptr<HttpServer> server(new HttpServer(fd, bound_port, std::move(handler)));
  if (::pipe2(server->wake_pipe_, O_CLOEXEC) != 0) return aws::Error::Internal("cannot create a pipe");
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
