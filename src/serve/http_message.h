// HTTP/1.1 messages for `posture serve`'s server (http_server.h): the
// request head parser, the response bytes and --listen addresses. Pure
// functions, separate from the socket code so malformed input is testable:
// ParseRequestHead turns the bytes before the blank line into a request or
// a status to answer (400 malformed, 431 head too large, 505 not HTTP/1.x).
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "aws/http.h"
#include "base/error.h"

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
[[nodiscard]] base::Result<ListenAddress> ParseListenAddress(std::string_view text);
}  // namespace posture::serve
