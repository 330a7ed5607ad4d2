// ImdsProvider: the instance role's credentials from the EC2 instance
// metadata service, IMDSv2 only.
//
// A session token is obtained with PUT /latest/api/token
// (X-aws-ec2-metadata-token-ttl-seconds: 21600) and kept until shortly
// before it expires; then GET /latest/meta-data/iam/security-credentials/
// names the role and GET .../security-credentials/<role> returns
// {Code, AccessKeyId, SecretAccessKey, Token, Expiration}, both with
// X-aws-ec2-metadata-token. A 401 on a GET fetches a new token once. The
// endpoint is AWS_EC2_METADATA_SERVICE_ENDPOINT, or http://[fd00:ec2::254]
// when AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE is IPv6, or
// http://169.254.169.254. Each request has a 1 s timeout and one retry so
// a machine that is not on EC2 gives up fast.
//
// Not configured when AWS_EC2_METADATA_DISABLED=true, when the service is
// unreachable or refuses tokens, or when no role is attached; any other
// failure is an error. Wrap the provider in a RefreshingProvider.
// Thread-safe.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include "aws/clock.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/environment.h"
#include "aws/http.h"

namespace posture::aws {

class ImdsProvider final : public CredentialProvider {
 public:
  static constexpr std::string_view kDefaultEndpoint = "http://169.254.169.254";

  // `transport`, `env` and `clock` must outlive the provider.
  ImdsProvider(HttpTransport& transport, const Environment& env, Clock& clock);

  base::Result<Credentials> fetch() override;
  std::string name() const override { return "imds"; }

 private:
  std::string endpoint() const;
  base::Result<HttpResponse> send(HttpRequest request);
  base::Result<std::string> session_token(const std::string& base, bool renew);
  base::Result<HttpResponse> get(const std::string& base, const std::string& path);

  HttpTransport& transport_;
  const Environment& env_;
  Clock& clock_;
  std::mutex mutex_;
  std::string token_;
  Clock::TimePoint token_expires_{};
};

}  // namespace posture::aws
