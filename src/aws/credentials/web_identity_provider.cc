#include "aws/credentials/web_identity_provider.h"

#include "aws/credentials/assume_role_provider.h"

namespace posture::aws {

base::Result<std::optional<WebIdentityOptions>> WebIdentityOptionsFromEnvironment(const Environment& env) {
  auto token_file = env.get("AWS_WEB_IDENTITY_TOKEN_FILE");
  if (!token_file) return std::optional<WebIdentityOptions>();
  auto role_arn = env.get("AWS_ROLE_ARN");
  if (!role_arn) {
    return base::Error::Credentials(
        "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not; set both");
  }
  WebIdentityOptions options;
  options.token_file = *token_file;
  options.role_arn = *role_arn;
  options.role_session_name = env.get("AWS_ROLE_SESSION_NAME").value_or("");
  options.label = "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)";
  return std::optional<WebIdentityOptions>(std::move(options));
}

WebIdentityProvider::WebIdentityProvider(const ProviderContext& context, WebIdentityOptions options)
    : clock_(*context.clock),
      region_(context.sts_region()),
      options_(std::move(options)),
      client_(*context.transport, std::make_shared<StaticCredentialProvider>(Credentials{}),
              ProviderClientOptions(context, context.sts_region(), true), *context.clock) {}

base::Result<Credentials> WebIdentityProvider::fetch() {
  std::string context = options_.label + ": assuming role " + options_.role_arn;
  auto token = ReadFileIfExists(options_.token_file);
  if (!token.ok()) return base::Error::Credentials(context + ": " + token.error().message());
  if (!token->has_value()) {
    return base::Error::Credentials(context + ": the token file " + options_.token_file + " does not exist");
  }
  std::string web_identity_token = TrimTrailingWhitespace(std::move(**token));
  if (web_identity_token.empty()) {
    return base::Error::Credentials(context + ": the token file " + options_.token_file + " is empty");
  }
  Json input = {{"RoleArn", options_.role_arn}, {"WebIdentityToken", web_identity_token}};
  input["RoleSessionName"] = options_.role_session_name.empty() ? "posture-" + std::to_string(EpochMillis(clock_.now()))
                                                                : options_.role_session_name;
  if (options_.duration_seconds) input["DurationSeconds"] = *options_.duration_seconds;
  auto output = client_.call("sts", "AssumeRoleWithWebIdentity", input, region_);
  if (!output.ok()) {
    base::Error error = AsCredentialsError(output.error(), context);
    if (error.message().find(web_identity_token) != std::string::npos) {
      return base::Error::Credentials(context + ": STS rejected the request").with_code(output.error().code());
    }
    return error;
  }
  auto credentials = CredentialsFromStsOutput(*output, context);
  if (!credentials.ok()) return credentials;
  credentials->source = name();
  return credentials;
}

}  // namespace posture::aws
