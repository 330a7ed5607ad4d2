// EnvironmentProvider: credentials from AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (or the legacy
// AWS_SECURITY_TOKEN) and AWS_CREDENTIAL_EXPIRATION.
//
// Not configured when neither the key id nor the secret is set; an error
// when only one of them is, when the expiration is malformed, or when the
// credentials have expired. Variables are read on every fetch. Thread-safe.
#pragma once

#include <string>

#include "aws/clock.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/environment.h"

namespace posture::aws {

class EnvironmentProvider final : public CredentialProvider {
 public:
  // `env` and `clock` must outlive the provider.
  EnvironmentProvider(const Environment& env, Clock& clock) : env_(env), clock_(clock) {}

  base::Result<Credentials> fetch() override;
  std::string name() const override { return "environment"; }

 private:
  const Environment& env_;
  Clock& clock_;
};

}  // namespace posture::aws
