// CurlTransport: the real HttpTransport, on libcurl's multi interface.
//
// One event-loop thread drives every transfer, so hundreds of requests can be
// in flight without a thread each; connections are kept alive and reused per
// host (HTTP/2 multiplexing where the server offers it). TLS peers are
// verified unless told otherwise; AWS_CA_BUNDLE / ca_bundle choose the CA
// file. Proxies come from HTTPS_PROXY/https_proxy, HTTP_PROXY/http_proxy,
// ALL_PROXY and NO_PROXY/no_proxy. At most `max_in_flight` transfers run at
// once (more wait in a queue) and at most `max_per_host` connections are
// opened to one host. send() is thread-safe; callbacks run on the loop
// thread and must not block.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "aws/http.h"

namespace posture::aws {

struct CurlTransportOptions {
  int max_in_flight = 128;
  int max_per_host = 64;
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  // A transfer that receives nothing for this long fails (read timeout).
  std::chrono::milliseconds read_timeout{std::chrono::seconds(30)};
  // Whole-request default when the request sets none.
  std::chrono::milliseconds request_timeout{std::chrono::seconds(120)};
  std::string ca_bundle;  // PEM file; empty: the system store
  bool verify_tls = true;
};

class CurlTransport final : public HttpTransport {
 public:
  explicit CurlTransport(CurlTransportOptions options = {});
  ~CurlTransport() override;  // waits for in-flight transfers to be cancelled
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  void send(HttpRequest request, Callback done) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace posture::aws
