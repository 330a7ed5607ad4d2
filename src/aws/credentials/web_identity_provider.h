// WebIdentityProvider: temporary credentials from
// sts:AssumeRoleWithWebIdentity with an OIDC token read from a file (EKS
// IRSA, GitHub Actions, ...).
//
// Configured by AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN (+
// AWS_ROLE_SESSION_NAME), or by a profile's web_identity_token_file +
// role_arn. The call is unsigned; the token file is read again on every
// fetch because the platform rotates it. Errors never contain the token.
// Wrap the provider in a RefreshingProvider. Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "aws/client.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/environment.h"
#include "aws/credentials/provider_support.h"

namespace posture::aws {

struct WebIdentityOptions {
  std::string token_file;
  std::string role_arn;
  std::string role_session_name;  // empty: "posture-<epoch millis>"
  std::optional<int> duration_seconds;
  std::string label = "web identity";  // names the provider in messages
};

// The options in AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN and
// AWS_ROLE_SESSION_NAME: nullopt when AWS_WEB_IDENTITY_TOKEN_FILE is unset,
// kCredentials when it is set without AWS_ROLE_ARN.
base::Result<std::optional<WebIdentityOptions>> WebIdentityOptionsFromEnvironment(const Environment& env);

class WebIdentityProvider final : public CredentialProvider {
 public:
  // `context.transport` and `context.clock` must be set and outlive the provider.
  WebIdentityProvider(const ProviderContext& context, WebIdentityOptions options);

  base::Result<Credentials> fetch() override;
  std::string name() const override { return options_.label; }

 private:
  Clock& clock_;
  std::string region_;
  WebIdentityOptions options_;
  AwsClient client_;
};

}  // namespace posture::aws
