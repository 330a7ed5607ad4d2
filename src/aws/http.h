// HTTP requests and responses, and the transport seam.
//
// HttpTransport is the boundary between posture and the network: the real
// one is CurlTransport (curl_transport.h); tests use a fake that replays
// canned responses and injects faults. Transports are thread-safe: send()
// may be called from any thread, concurrently.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"

namespace posture::aws {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive ASCII comparison of header names.
bool HeaderNameEquals(std::string_view a, std::string_view b);

struct HttpRequest {
  std::string method = "GET";
  // Absolute URL; path and query are already percent-encoded as they go on the wire.
  std::string url;
  Headers headers;
  std::string body;
  // Whole-request timeout; zero means the transport's default.
  std::chrono::milliseconds timeout{0};

  // The value of the first header named `name` (any case), or nullptr.
  const std::string* header(std::string_view name) const;
  // Replaces every header named `name` (any case) by one with `value`.
  void set_header(std::string_view name, std::string value);
};

struct HttpResponse {
  int status = 0;
  Headers headers;  // names as received
  std::string body;

  const std::string* header(std::string_view name) const;
};

class HttpTransport {
 public:
  using Callback = std::function<void(base::Result<HttpResponse>)>;
  virtual ~HttpTransport() = default;

  // Sends `request`; `done` runs exactly once, possibly on another thread,
  // with the response (any status) or a kNetwork error when no complete
  // response arrived (refused, reset, timed out, truncated body, TLS error).
  virtual void send(HttpRequest request, Callback done) = 0;

  // Sends and waits for the outcome.
  base::Result<HttpResponse> send_sync(HttpRequest request);
};

}  // namespace posture::aws
