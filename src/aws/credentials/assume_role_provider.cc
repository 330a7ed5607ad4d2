#include "aws/credentials/assume_role_provider.h"

namespace posture::aws {

base::Result<Credentials> CredentialsFromStsOutput(const Json& output, const std::string& context) {
  auto member = output.find("Credentials");
  if (member == output.end()) return base::Error::Credentials(context + ": the STS response has no Credentials");
  CredentialFields fields;
  fields.session_token = "SessionToken";
  return CredentialsFromJson(*member, fields, context);
}

AssumeRoleProvider::AssumeRoleProvider(const ProviderContext& context, std::shared_ptr<CredentialProvider> source,
                                       AssumeRoleOptions options)
    : clock_(*context.clock),
      region_(context.sts_region()),
      options_(std::move(options)),
      client_(*context.transport, std::move(source), ProviderClientOptions(context, context.sts_region(), false),
              *context.clock) {
  if (context.observer) client_.add_observer(context.observer);
}

base::Result<Credentials> AssumeRoleProvider::fetch() {
  std::string context = options_.label + ": assuming role " + options_.role_arn;
  Json input = {{"RoleArn", options_.role_arn}};
  input["RoleSessionName"] = options_.role_session_name.empty() ? "posture-" + std::to_string(EpochMillis(clock_.now()))
                                                                : options_.role_session_name;
  if (!options_.external_id.empty()) input["ExternalId"] = options_.external_id;
  if (options_.duration_seconds) input["DurationSeconds"] = *options_.duration_seconds;
  auto output = client_.call("sts", "AssumeRole", input, region_);
  if (!output.ok()) return AsCredentialsError(output.error(), context);
  auto credentials = CredentialsFromStsOutput(*output, context);
  if (!credentials.ok()) return credentials;
  credentials->source = name();
  return credentials;
}

}  // namespace posture::aws
