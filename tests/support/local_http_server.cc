#include "support/local_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <sstream>
#include <stdexcept>

namespace posture::testing {
namespace {

constexpr size_t kMaxHeaderBytes = 64 * 1024;

bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

const std::string* ServerRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (aws::HeaderNameEquals(key, name)) return &value;
  }
  return nullptr;
}

LocalHttpServer::LocalHttpServer(Handler handler) : handler_(std::move(handler)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket failed");
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || ::listen(listen_fd_, 512) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("bind/listen on 127.0.0.1 failed");
  }
  socklen_t len = sizeof(addr);
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

LocalHttpServer::~LocalHttpServer() {
  stopping_ = true;
  ::shutdown(listen_fd_, SHUT_RDWR);
  ::close(listen_fd_);
  acceptor_.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(mutex_);
    for (int fd : client_fds_) ::shutdown(fd, SHUT_RDWR);
    workers.swap(workers_);
  }
  for (auto& worker : workers) worker.join();
}

void LocalHttpServer::accept_loop() {
  while (!stopping_) {
    pollfd pfd{listen_fd_, POLLIN, 0};
    if (::poll(&pfd, 1, 100) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    ++connections_;
    std::lock_guard lock(mutex_);
    client_fds_.push_back(fd);
    workers_.emplace_back([this, fd] { serve(fd); });
  }
}

void LocalHttpServer::serve(int fd) {
  std::string buffer;
  char chunk[16384];
  bool keep_open = true;
  while (keep_open && !stopping_) {
    size_t header_end;
    while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
      if (buffer.size() > kMaxHeaderBytes) {
        keep_open = false;
        break;
      }
      ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
      if (n <= 0) {
        keep_open = false;
        break;
      }
      buffer.append(chunk, static_cast<size_t>(n));
    }
    if (!keep_open) break;

    ServerRequest request;
    std::istringstream head(buffer.substr(0, header_end));
    std::string line;
    std::getline(head, line);
    std::istringstream request_line(line);
    std::string version;
    request_line >> request.method >> request.target >> version;
    size_t content_length = 0;
    bool close_after = false;
    while (std::getline(head, line)) {
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      std::string value = Trim(std::string_view(line).substr(colon + 1));
      if (aws::HeaderNameEquals(name, "content-length")) content_length = std::stoul(value);
      if (aws::HeaderNameEquals(name, "connection") && value == "close") close_after = true;
      request.headers.emplace_back(std::move(name), std::move(value));
    }
    buffer.erase(0, header_end + 4);
    while (buffer.size() < content_length) {
      ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
      if (n <= 0) {
        keep_open = false;
        break;
      }
      buffer.append(chunk, static_cast<size_t>(n));
    }
    if (!keep_open) break;
    request.body = buffer.substr(0, content_length);
    buffer.erase(0, content_length);

    ++requests_;
    ServerResponse response = handler_(request);
    if (response.delay.count() > 0) std::this_thread::sleep_for(response.delay);
    if (response.reset_connection) {
      linger hard{1, 0};  // RST instead of FIN
      ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
      break;
    }
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + Reason(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    if (close_after || response.truncate_body) out += "Connection: close\r\n";
    out += "\r\n";
    out += response.truncate_body ? response.body.substr(0, response.body.size() / 2) : response.body;
    if (!SendAll(fd, out) || close_after || response.truncate_body) break;
  }
  std::lock_guard lock(mutex_);
  std::erase(client_fds_, fd);
  ::close(fd);
}

}  // namespace posture::testing
