#include "aws/credentials/sso_provider.h"

#include "base/hash.h"

namespace posture::aws {
namespace {

std::string DefaultCacheDirectory(const Environment& env) {
  return env.home_directory().value_or("~") + "/.aws/sso/cache";
}

}  // namespace

SsoProvider::SsoProvider(const ProviderContext& context, SsoOptions options)
    : clock_(*context.clock),
      options_(std::move(options)),
      client_(*context.transport, std::make_shared<StaticCredentialProvider>(Credentials{}),
              ProviderClientOptions(context, options_.sso_region, true), *context.clock) {
  if (options_.cache_directory.empty()) options_.cache_directory = DefaultCacheDirectory(*context.env);
}

std::string SsoProvider::token_path() const {
  const std::string& key = options_.session_name.empty() ? options_.start_url : options_.session_name;
  return options_.cache_directory + "/" + base::Sha1Hex(key) + ".json";
}

base::Result<std::string> SsoProvider::read_token(const std::string& context) const {
  std::string login = "run `aws sso login --profile " + options_.profile + "`";
  std::string path = token_path();
  auto content = ReadFileIfExists(path);
  if (!content.ok()) return base::Error::Credentials(context + ": " + content.error().message());
  if (!content->has_value())
    return base::Error::Credentials(context + ": no cached SSO token (" + path + "); " + login);
  auto document = ParseJsonQuietly(**content);
  if (!document || !document->is_object()) {
    return base::Error::Credentials(context + ": the SSO token cache " + path + " is not JSON; " + login);
  }
  auto token = document->find("accessToken");
  auto expires = document->find("expiresAt");
  if (token == document->end() || !token->is_string() || token->get<std::string>().empty() ||
      expires == document->end() || !expires->is_string()) {
    return base::Error::Credentials(context + ": the SSO token cache " + path + " lacks accessToken or expiresAt; " +
                                    login);
  }
  auto expires_at = ParseExpiration(expires->get<std::string>());
  if (!expires_at) {
    return base::Error::Credentials(context + ": the SSO token cache " + path + " has a malformed expiresAt; " + login);
  }
  if (*expires_at <= clock_.now()) return base::Error::Credentials("SSO session expired; " + login);
  return token->get<std::string>();
}

base::Result<Credentials> SsoProvider::fetch() {
  std::string context = name();
  auto token = read_token(context);
  if (!token.ok()) return std::move(token.error());
  Json input = {{"roleName", options_.role_name}, {"accountId", options_.account_id}, {"accessToken", *token}};
  auto output = client_.call("sso", "GetRoleCredentials", input, options_.sso_region);
  if (!output.ok()) {
    const base::Error& error = output.error();
    if (error.code() == "UnauthorizedException") {
      return base::Error::Credentials("SSO session expired or was revoked; run `aws sso login --profile " +
                                      options_.profile + "`")
          .with_code(error.code());
    }
    base::Error out = AsCredentialsError(error, context + ": sso:GetRoleCredentials for role " + options_.role_name +
                                                    " in account " + options_.account_id);
    if (out.message().find(*token) != std::string::npos) {
      return base::Error::Credentials(context + ": sso:GetRoleCredentials failed").with_code(error.code());
    }
    return out;
  }
  auto member = output->find("roleCredentials");
  if (member == output->end()) return base::Error::Credentials(context + ": the SSO response has no roleCredentials");
  CredentialFields fields{"accessKeyId", "secretAccessKey", "sessionToken", "expiration"};
  auto credentials = CredentialsFromJson(*member, fields, context);
  if (!credentials.ok()) return credentials;
  credentials->source = name();
  return credentials;
}

}  // namespace posture::aws
