// Environment: the seam between posture and the process environment, and the
// client settings the AWS CLI reads from environment variables and the shared
// config file.
//
// Every credential provider and setting reads variables through an
// Environment so tests can substitute a MapEnvironment instead of calling
// setenv. An empty variable counts as unset, as in the AWS CLI. ProcessEnvironment
// reads getenv() and is thread-safe as long as nobody calls setenv();
// MapEnvironment is safe for concurrent readers once it is filled. The
// Resolve* functions are pure and thread-safe.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"

namespace posture::aws {

class SharedConfig;

class Environment {
 public:
  virtual ~Environment() = default;
  // The value of variable `name`, or nullopt when it is unset or empty.
  virtual std::optional<std::string> get(std::string_view name) const = 0;
  // The user's home directory: $HOME, or (for the real process) the
  // password database entry; nullopt when neither is known.
  virtual std::optional<std::string> home_directory() const { return get("HOME"); }
};

// The real environment of this process.
class ProcessEnvironment final : public Environment {
 public:
  std::optional<std::string> get(std::string_view name) const override;
  std::optional<std::string> home_directory() const override;
};

// A process-wide ProcessEnvironment.
const Environment& RealEnvironment();

// An environment backed by a map (tests, and callers that pin settings).
class MapEnvironment final : public Environment {
 public:
  MapEnvironment() = default;
  MapEnvironment(std::initializer_list<std::pair<const std::string, std::string>> values) : values_(values) {}

  std::optional<std::string> get(std::string_view name) const override;
  // Sets or (with nullopt) removes a variable. Not thread-safe.
  void set(std::string name, std::optional<std::string> value);

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Expands a leading "~" or "~/" to the home directory and $NAME / ${NAME}
// references to variables (unknown ones are kept as written), as the AWS
// CLI does for file paths.
std::string ExpandPath(const Environment& env, std::string_view path);

// The profile to use: `explicit_profile` (--profile) > AWS_PROFILE >
// AWS_DEFAULT_PROFILE > "default".
std::string ResolveProfileName(const Environment& env, std::string_view explicit_profile);

// True when the profile was named by the user (--profile, AWS_PROFILE or
// AWS_DEFAULT_PROFILE) rather than defaulted; an unknown named profile is
// an error, an absent "default" is not.
bool ProfileNamedExplicitly(const Environment& env, std::string_view explicit_profile);

// AWS_REGION > AWS_DEFAULT_REGION > `region` of the profile; empty when none.
std::string ResolveRegion(const Environment& env, const SharedConfig& config, std::string_view profile);

// AWS_MAX_ATTEMPTS > `max_attempts` of the profile > 3. InvalidInput when
// the value is not an integer from 1 to 100.
base::Result<int> ResolveMaxAttempts(const Environment& env, const SharedConfig& config, std::string_view profile);

// AWS_CA_BUNDLE > `ca_bundle` of the profile, with ~ expanded; empty when none.
std::string ResolveCaBundle(const Environment& env, const SharedConfig& config, std::string_view profile);

}  // namespace posture::aws
