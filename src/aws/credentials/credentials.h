// Credentials and the provider interface.
//
// A CredentialProvider produces AWS credentials from one source (environment,
// a profile, a web identity token, a container endpoint, instance metadata,
// ...). The default chain and its order live in credentials/chain.h.
// Providers are thread-safe: fetch() may be called from many threads.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "base/error.h"

namespace posture::aws {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty for long-term keys
  // When temporary credentials stop working; empty for long-term keys.
  std::optional<std::chrono::system_clock::time_point> expiration;
  // Which provider produced them, e.g. "environment" or "profile dev (assume role)".
  // Safe to log; never holds secret material.
  std::string source;

  bool empty() const { return access_key_id.empty() || secret_access_key.empty(); }
  // True when the credentials expire at or before `now + margin`.
  bool expires_within(std::chrono::system_clock::time_point now, std::chrono::seconds margin) const {
    return expiration && *expiration <= now + margin;
  }
};

class CredentialProvider {
 public:
  virtual ~CredentialProvider() = default;
  // Returns credentials, or kCredentials (this source has none / failed)
  // with a one-line message naming the source and what to fix.
  virtual base::Result<Credentials> fetch() = 0;
  // A short name for messages: "environment", "imds", "profile dev".
  virtual std::string name() const = 0;
};

// A provider that always returns the same credentials (tests, and
// credentials handed over by another component).
class StaticCredentialProvider final : public CredentialProvider {
 public:
  explicit StaticCredentialProvider(Credentials credentials) : credentials_(std::move(credentials)) {}
  base::Result<Credentials> fetch() override { return credentials_; }
  std::string name() const override { return credentials_.source.empty() ? "static" : credentials_.source; }

 private:
  Credentials credentials_;
};

}  // namespace posture::aws
