// AwsClient: calls any modelled AWS operation, signed, retried and paginated.
//
// A client combines a transport, a credential provider, endpoint resolution,
// the wire protocols and the retry policy. It is thread-safe: one client
// serves every collector thread; each call blocks its calling thread while
// the transport multiplexes all in-flight requests.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aws/clock.h"
#include "aws/credentials/credentials.h"
#include "aws/endpoints.h"
#include "aws/http.h"
#include "aws/json.h"
#include "aws/retry.h"
#include "base/error.h"

namespace posture::aws {

struct ClientOptions {
  std::string region;  // used when a call names no region
  EndpointOverrides endpoints;
  RetryOptions retry;
  // Send requests unsigned (AssumeRoleWithWebIdentity, SSO portal).
  bool anonymous = false;
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
  // Most requests per second in any one region (every attempt counts); 0: no limit.
  double max_requests_per_second = 0;
};

// What the client tells its observer after each call (all attempts).
struct CallRecord {
  std::string service;
  std::string operation;
  std::string region;
  int http_status = 0;  // of the last attempt; 0 if none completed
  int attempts = 0;
  std::chrono::milliseconds duration{0};
  std::string request_id;
  std::string error_code;              // empty on success
  const base::Error* error = nullptr;  // valid during the callback only
  // Attempts the service answered with a throttling error.
  int throttles = 0;
  // Wall-clock time the call began.
  std::chrono::system_clock::time_point started{};
};

class AwsClient {
 public:
  using PageCallback = std::function<bool(const Json& page)>;  // return false to stop

  AwsClient(HttpTransport& transport, std::shared_ptr<CredentialProvider> credentials, ClientOptions options,
            Clock& clock = SystemClock());

  // Calls `operation` of `service` (botocore names) in `region` (empty: the
  // default region) with `input` in the operation's input shape. Returns
  // the parsed output, or the typed error after the retry policy gave up.
  base::Result<Json> call(std::string_view service, std::string_view operation, const Json& input = Json::object(),
                          std::string_view region = {});

  // Calls every page of a paginated operation, passing each to `page`.
  // Operations without a paginator are called once.
  base::Status paginate(std::string_view service, std::string_view operation, const Json& input,
                        std::string_view region, const PageCallback& page);

  // Calls every page and returns the first page with each result key's
  // list holding the items of all pages (and no continuation token).
  base::Result<Json> call_all(std::string_view service, std::string_view operation, const Json& input = Json::object(),
                              std::string_view region = {});

  // Observer for logs, metrics and traces; set before the first call.
  void set_observer(std::function<void(const CallRecord&)> observer) { observer_ = std::move(observer); }
  // Adds a further observer, called after set_observer's (logs and traces,
  // metrics: each subsystem adds its own); before the first call.
  void add_observer(std::function<void(const CallRecord&)> observer) { observers_.push_back(std::move(observer)); }

  // HTTP requests sent so far (every attempt counts).
  uint64_t requests_sent() const { return requests_sent_.load(); }
  const ClientOptions& options() const { return options_; }
  CredentialProvider& credentials() { return *credentials_; }

 private:
  base::Result<Json> call_once(std::string_view service, std::string_view operation, const Json& input,
                               std::string_view region, CallRecord& record);

  HttpTransport& transport_;
  std::shared_ptr<CredentialProvider> credentials_;
  ClientOptions options_;
  Clock& clock_;
  RetryStrategy retry_;
  std::unique_ptr<RegionRateLimit> rate_limit_;  // null: no limit
  std::function<void(const CallRecord&)> observer_;
  std::vector<std::function<void(const CallRecord&)>> observers_;
  std::atomic<uint64_t> requests_sent_{0};
  // Server time minus local time, learned from a clock-skew error.
  std::atomic<int64_t> clock_skew_ms_{0};
};

}  // namespace posture::aws
