#include "aws/credentials/environment_provider.h"

#include "aws/credentials/provider_support.h"

namespace posture::aws {

base::Result<Credentials> EnvironmentProvider::fetch() {
  auto key_id = env_.get("AWS_ACCESS_KEY_ID");
  auto secret = env_.get("AWS_SECRET_ACCESS_KEY");
  if (!key_id && !secret) return NotConfigured("environment: AWS_ACCESS_KEY_ID is not set");
  if (!secret) {
    return base::Error::Credentials("environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both");
  }
  if (!key_id) {
    return base::Error::Credentials("environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; set both");
  }
  Credentials credentials;
  credentials.access_key_id = *key_id;
  credentials.secret_access_key = *secret;
  credentials.session_token = env_.get("AWS_SESSION_TOKEN").value_or(env_.get("AWS_SECURITY_TOKEN").value_or(""));
  credentials.source = "environment";
  if (auto expiration = env_.get("AWS_CREDENTIAL_EXPIRATION")) {
    credentials.expiration = ParseExpiration(*expiration);
    if (!credentials.expiration) {
      return base::Error::Credentials("environment: AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 timestamp");
    }
    if (*credentials.expiration <= clock_.now()) {
      return base::Error::Credentials("environment: the credentials in AWS_ACCESS_KEY_ID expired at " +
                                      FormatExpiration(*credentials.expiration) +
                                      " (AWS_CREDENTIAL_EXPIRATION); refresh them");
    }
  }
  return credentials;
}

}  // namespace posture::aws
