// ContainerProvider: credentials from the ECS task / EKS Pod Identity
// credential endpoint.
//
// AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is appended to http://169.254.170.2
// (the base is a constructor parameter for tests); otherwise
// AWS_CONTAINER_CREDENTIALS_FULL_URI is used when it is https or an http URL
// to a loopback host or to the ECS/EKS addresses 169.254.170.2,
// 169.254.170.23 and fd00:ec2::23. The Authorization header comes from the
// file named by AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read on every fetch:
// EKS rotates it) or else AWS_CONTAINER_AUTHORIZATION_TOKEN. The response is
// {AccessKeyId, SecretAccessKey, Token, Expiration}. Not configured when
// neither URI variable is set; network errors and 5xx are retried (3
// attempts, 1 s timeout each). Wrap the provider in a RefreshingProvider.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "aws/clock.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/environment.h"
#include "aws/http.h"

namespace posture::aws {

// True when `url` may serve container credentials (see above).
bool IsAllowedContainerUrl(std::string_view url);

class ContainerProvider final : public CredentialProvider {
 public:
  static constexpr std::string_view kDefaultBase = "http://169.254.170.2";

  // `transport`, `env` and `clock` must outlive the provider.
  ContainerProvider(HttpTransport& transport, const Environment& env, Clock& clock,
                    std::string relative_base = std::string(kDefaultBase));

  base::Result<Credentials> fetch() override;
  std::string name() const override { return "container"; }

 private:
  base::Result<std::string> authorization() const;

  HttpTransport& transport_;
  const Environment& env_;
  Clock& clock_;
  std::string relative_base_;
};

}  // namespace posture::aws
