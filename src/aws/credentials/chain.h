// The default credential chain: where posture finds AWS credentials when
// the user does not hand them over explicitly, in the order of the AWS SDKs.
//
// MakeDefaultCredentialChain tries, in this order:
//   1. Environment variables: AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY
//      (+ AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION); see
//      environment_provider.h. Skipped when --profile names a profile
//      (ChainOptions::profile), as the AWS CLI skips it; AWS_PROFILE does
//      not skip it.
//   2. Web identity from the environment: AWS_WEB_IDENTITY_TOKEN_FILE +
//      AWS_ROLE_ARN (+ AWS_ROLE_SESSION_NAME) -> sts:AssumeRoleWithWebIdentity;
//      see web_identity_provider.h.
//   3. The shared config/credentials profile: --profile > AWS_PROFILE >
//      AWS_DEFAULT_PROFILE > "default", resolved with role_arn /
//      source_profile / credential_source chains, web identity, SSO, static
//      keys and credential_process; see profile_provider.h. A profile the
//      user named must exist: MakeDefaultCredentialChain fails otherwise
//      instead of falling through. A profile that exists but holds no
//      credential settings (only a region, say) falls through, as in the CLI.
//   4. The ECS/EKS container endpoint: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
//      or AWS_CONTAINER_CREDENTIALS_FULL_URI; see container_provider.h.
//   5. EC2 instance metadata (IMDSv2) unless AWS_EC2_METADATA_DISABLED=true;
//      see imds_provider.h.
// A step whose source is not configured (IsNotConfigured) passes to the
// next one. A configured source that fails (a credential_process that exits
// non-zero, an AssumeRole that is denied, a half-set environment) stops the
// chain with its error: falling through would silently scan with other
// credentials. When no step is configured the error is
// kNoCredentialsMessage. Temporary credentials (steps 2-5) are cached and
// refreshed before they expire (refreshing_provider.h).
//
// The chain remembers the step that answered and asks it directly from
// then on. CredentialChain is thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/clock.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/environment.h"
#include "aws/endpoints.h"
#include "aws/http.h"

namespace posture::aws {

inline constexpr std::string_view kNoCredentialsMessage =
    "no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, use --profile, or run on a machine "
    "with an instance role";

// Tries providers in order as described above.
class CredentialChain final : public CredentialProvider {
 public:
  explicit CredentialChain(std::vector<std::shared_ptr<CredentialProvider>> providers);

  base::Result<Credentials> fetch() override;
  // "chain" until a step has answered, then that step's name.
  std::string name() const override;

  const std::vector<std::shared_ptr<CredentialProvider>>& providers() const { return providers_; }

 private:
  std::vector<std::shared_ptr<CredentialProvider>> providers_;
  mutable std::mutex mutex_;
  std::optional<size_t> selected_;
};

struct ChainOptions {
  HttpTransport* transport = nullptr;  // required; must outlive the chain
  Clock* clock = nullptr;              // nullptr: SystemClock()
  const Environment* env = nullptr;    // nullptr: RealEnvironment(); must outlive the chain
  std::string profile;                 // --profile; empty: AWS_PROFILE, AWS_DEFAULT_PROFILE or "default"
  std::string region;                  // --region, for STS; empty: AWS_REGION, ..., profile region, us-east-1
  EndpointOverrides endpoints;
};

// Reads the shared config files and builds the chain. Errors:
// InvalidInput for a malformed config file ("file:line: ..."), kCredentials
// for a named profile that does not exist, InvalidInput without a transport.
base::Result<std::shared_ptr<CredentialProvider>> MakeDefaultCredentialChain(const ChainOptions& options);

}  // namespace posture::aws
