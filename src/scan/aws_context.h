// AwsContext: what every command needs to talk to AWS, built once from the
// command line and the environment the way the AWS CLI does: the HTTP
// transport, the default credential chain (or --profile), the region, retry
// settings and endpoint overrides. Create() fails with a one-line error
// (malformed config file, unknown profile, bad region or endpoint URL).
// The client is thread-safe; the context itself is created on one thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "aws/client.h"
#include "aws/credentials/environment.h"
#include "aws/curl_transport.h"

namespace posture::scan {

struct AwsFlags {
  std::string profile;       // --profile
  std::string region;        // --region (first one when a list)
  std::string endpoint_url;  // --endpoint-url
  double rate_limit = 0;     // --rate-limit: requests per second per account and region; 0 none
};

class AwsContext {
 public:
  static base::Result<std::unique_ptr<AwsContext>> Create(const AwsFlags& flags, const aws::Environment& env);

  aws::AwsClient& client() { return *client_; }
  const std::string& region() const { return region_; }
  aws::HttpTransport& transport() { return *transport_; }

  // A client for another account: credentials of `role_arn` assumed with
  // this context's credentials (renewed before they expire), the same
  // transport, endpoints, retries and rate limit. The role is assumed on
  // the first call. Thread-safe.
  std::unique_ptr<aws::AwsClient> assume_role_client(const std::string& role_arn, const std::string& external_id);

  // Adds an observer of every AWS call made by this context's clients (the
  // main one and each assume_role_client), after those added before. Call
  // before the first request; observers run on the calling threads.
  void add_call_observer(std::function<void(const aws::CallRecord&)> observer);

 private:
  AwsContext() = default;
  const aws::Environment* env_ = nullptr;
  aws::ClientOptions options_;
  std::shared_ptr<aws::CredentialProvider> credentials_;
  std::unique_ptr<aws::CurlTransport> transport_;
  std::unique_ptr<aws::AwsClient> client_;
  std::string region_;
  std::shared_ptr<std::vector<std::function<void(const aws::CallRecord&)>>> call_observers_;
};

}  // namespace posture::scan
