// ProfileProvider: the credentials a named profile of the shared config and
// credentials files describes, resolved the way the AWS CLI resolves them.
//
// A profile yields, in this order of precedence:
//   1. role_arn + web_identity_token_file: sts:AssumeRoleWithWebIdentity;
//   2. role_arn with source_profile or credential_source (Environment,
//      Ec2InstanceMetadata, EcsContainer): sts:AssumeRole with the source's
//      credentials, plus external_id, role_session_name and
//      duration_seconds. Source profiles chain; a source profile that holds
//      static keys uses them even when it also has a role_arn (so a profile
//      may name itself as its source); any other cycle is an error. A
//      profile with mfa_serial is refused: posture cannot prompt for a code;
//   3. sso_session (with its [sso-session] section) or the legacy
//      sso_start_url + sso_region, with sso_account_id + sso_role_name:
//      the token cached by `aws sso login`;
//   4. aws_access_key_id + aws_secret_access_key (+ aws_session_token);
//   5. credential_process.
// A profile with none of these is "not configured"; so is an absent profile
// unless the user named it (then it is an error). Misconfiguration is a
// kCredentials error naming the profile and the key to fix.
//
// The profile is resolved on the first fetch; the temporary credentials of
// each step are cached and refreshed by RefreshingProviders. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "aws/credentials/config_file.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/provider_support.h"

namespace posture::aws {

// Builds the providers for `profile` (which must exist in `config`).
// NotConfigured when the profile holds no credential settings.
base::Result<std::shared_ptr<CredentialProvider>> ResolveProfileCredentials(const std::string& profile,
                                                                            const SharedConfig& config,
                                                                            const ProviderContext& context);

class ProfileProvider final : public CredentialProvider {
 public:
  // `named_explicitly`: the user chose this profile (--profile, AWS_PROFILE),
  // so its absence is an error rather than "not configured". The context's
  // pointers must outlive the provider.
  ProfileProvider(std::string profile, std::shared_ptr<const SharedConfig> config, ProviderContext context,
                  bool named_explicitly);

  base::Result<Credentials> fetch() override;
  std::string name() const override { return "profile " + profile_; }

 private:
  std::string profile_;
  std::shared_ptr<const SharedConfig> config_;
  ProviderContext context_;
  bool named_explicitly_;
  std::mutex mutex_;
  std::optional<base::Result<std::shared_ptr<CredentialProvider>>> resolved_;
};

// kCredentials "profile 'x' not found in ~/.aws/config or ~/.aws/credentials".
base::Error ProfileNotFound(const std::string& profile, const SharedConfig& config);

}  // namespace posture::aws
