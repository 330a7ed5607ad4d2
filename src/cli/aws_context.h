// AwsContext: what every command needs to talk to AWS, built once from the
// command line and the environment the way the AWS CLI does: the HTTP
// transport, the default credential chain (or --profile), the region, retry
// settings and endpoint overrides. Create() fails with a one-line error
// (malformed config file, unknown profile, bad region or endpoint URL).
// The client is thread-safe; the context itself is created on one thread.
#pragma once

#include <memory>
#include <string>

#include "aws/client.h"
#include "aws/credentials/environment.h"
#include "aws/curl_transport.h"

namespace posture::cli {

struct AwsFlags {
  std::string profile;       // --profile
  std::string region;        // --region (first one when a list)
  std::string endpoint_url;  // --endpoint-url
};

class AwsContext {
 public:
  static aws::Result<std::unique_ptr<AwsContext>> Create(const AwsFlags& flags, const aws::Environment& env);

  aws::AwsClient& client() { return *client_; }
  const std::string& region() const { return region_; }
  aws::HttpTransport& transport() { return *transport_; }

 private:
  AwsContext() = default;
  std::unique_ptr<aws::CurlTransport> transport_;
  std::unique_ptr<aws::AwsClient> client_;
  std::string region_;
};

}  // namespace posture::cli
