// AssumeRoleProvider: temporary credentials from sts:AssumeRole, signed with
// the credentials of a source provider.
//
// STS is called at its regional endpoint in the context's region (us-east-1
// when none), honouring endpoint overrides. The session name defaults to
// "posture-<epoch millis>" at each call. Errors are kCredentials naming the
// role and the source, with STS's error code. Wrap the provider in a
// RefreshingProvider: every fetch calls STS. Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "aws/client.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/provider_support.h"

namespace posture::aws {

struct AssumeRoleOptions {
  std::string role_arn;
  std::string role_session_name;  // empty: "posture-<epoch millis>"
  std::string external_id;        // empty: none
  std::optional<int> duration_seconds;
  std::string label = "assume role";  // names the provider in messages: "profile dev"
};

class AssumeRoleProvider final : public CredentialProvider {
 public:
  // `context.transport` and `context.clock` must be set and outlive the provider.
  AssumeRoleProvider(const ProviderContext& context, std::shared_ptr<CredentialProvider> source,
                     AssumeRoleOptions options);

  base::Result<Credentials> fetch() override;
  std::string name() const override { return options_.label + " (assume role)"; }

 private:
  Clock& clock_;
  std::string region_;
  AssumeRoleOptions options_;
  AwsClient client_;
};

// Reads the Credentials member of an AssumeRole* output.
base::Result<Credentials> CredentialsFromStsOutput(const Json& output, const std::string& context);

}  // namespace posture::aws
