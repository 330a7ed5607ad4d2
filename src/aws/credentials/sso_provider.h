// SsoProvider: role credentials from IAM Identity Center (AWS SSO) using the
// access token that `aws sso login` cached.
//
// The token is read on every fetch from <cache>/<sha1 hex>.json, where the
// hash is of the sso-session name ([sso-session NAME] profiles) or of the
// start URL (legacy profiles); then sso:GetRoleCredentials is called,
// unsigned, in the SSO region. posture never starts a login or refreshes
// the token itself: a missing or expired token is a kCredentials error
// telling the user to run `aws sso login`. Errors never contain the token.
// Wrap the provider in a RefreshingProvider. Thread-safe.
#pragma once

#include <string>

#include "aws/client.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/provider_support.h"

namespace posture::aws {

struct SsoOptions {
  std::string profile;       // for messages: "aws sso login --profile <profile>"
  std::string session_name;  // [sso-session NAME]; empty for the legacy form
  std::string start_url;
  std::string sso_region;
  std::string account_id;
  std::string role_name;
  std::string cache_directory;  // empty: ~/.aws/sso/cache
};

class SsoProvider final : public CredentialProvider {
 public:
  // `context.transport`, `context.clock` and `context.env` must be set and
  // outlive the provider.
  SsoProvider(const ProviderContext& context, SsoOptions options);

  base::Result<Credentials> fetch() override;
  std::string name() const override { return "profile " + options_.profile + " (sso)"; }

  // The cache file holding the token for these options.
  std::string token_path() const;

 private:
  base::Result<std::string> read_token(const std::string& context) const;

  Clock& clock_;
  SsoOptions options_;
  AwsClient client_;
};

}  // namespace posture::aws
