// The AWS shared config and credentials files, read as the AWS CLI reads them.
//
// ~/.aws/config (AWS_CONFIG_FILE) holds [default], [profile NAME] and
// [sso-session NAME] sections; ~/.aws/credentials (AWS_SHARED_CREDENTIALS_FILE)
// holds [NAME] sections, each a profile. Lines are `key = value` (or
// `key: value`); lines starting with # or ; are comments, and so is the rest
// of a line after whitespace followed by # or ;. A line indented deeper than
// its key continues that key's value; when the key's own value is empty the
// indented lines are a nested sub-section of `key = value` pairs (the
// `s3 =` style). Keys keep the case they are written in. When both files
// define a profile, the credentials file wins for keys present in both.
// A missing file is not an error; malformed content is InvalidInput with
// "file:line: what is wrong", never quoting the line (it may hold a secret).
//
// A SharedConfig is built by one thread (LoadSharedConfig); once built it is
// only read, and concurrent reads are safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/credentials/environment.h"
#include "base/error.h"

namespace posture::aws {

using ConfigValues = std::map<std::string, std::string, std::less<>>;

// One [section] of an INI file.
struct IniSection {
  std::string name;  // between the brackets, trimmed: "profile dev"
  int line = 0;      // 1-based line of the header
  ConfigValues values;
  // Nested sub-sections: "s3" -> {"max_concurrent_requests": "10"}.
  std::map<std::string, ConfigValues, std::less<>> nested;
};

// Parses INI text; `file_name` only labels errors.
base::Result<std::vector<IniSection>> ParseIni(std::string_view text, std::string_view file_name);

class SharedConfig {
 public:
  SharedConfig() = default;

  // Adds the sections of a config file ([default], [profile x],
  // [sso-session x]; other sections are ignored as the CLI ignores them).
  // When a profile appears twice ([default] and [profile default]), the
  // later section replaces the earlier one.
  void add_config_file(const std::vector<IniSection>& sections);
  // Adds the sections of a credentials file ([x] is profile x); its keys
  // override the same keys from the config file. Call after add_config_file.
  void add_credentials_file(const std::vector<IniSection>& sections);

  // The value of `key` in `profile`, or nullopt.
  std::optional<std::string> get(std::string_view profile, std::string_view key) const;
  // The value of `subkey` in the nested sub-section `key` of `profile`.
  std::optional<std::string> get_nested(std::string_view profile, std::string_view key, std::string_view subkey) const;
  bool has_profile(std::string_view name) const;
  // All keys of a profile, or nullptr when there is no such profile.
  const ConfigValues* profile(std::string_view name) const;
  std::vector<std::string> profile_names() const;

  // The [sso-session name] section, or nullptr.
  const ConfigValues* sso_session(std::string_view name) const;

  // Where the files were looked for, for messages: "~/.aws/config" when the
  // path is the default one under the home directory.
  const std::string& config_file_label() const { return config_label_; }
  const std::string& credentials_file_label() const { return credentials_label_; }
  void set_file_labels(std::string config_label, std::string credentials_label);

 private:
  struct Profile {
    ConfigValues values;
    std::map<std::string, ConfigValues, std::less<>> nested;
  };
  std::map<std::string, Profile, std::less<>> profiles_;
  std::map<std::string, ConfigValues, std::less<>> sso_sessions_;
  std::string config_label_ = "~/.aws/config";
  std::string credentials_label_ = "~/.aws/credentials";
};

// AWS_CONFIG_FILE or ~/.aws/config, expanded.
std::string ConfigFilePath(const Environment& env);
// AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, expanded.
std::string CredentialsFilePath(const Environment& env);

// Reads and merges both files from the paths `env` selects.
base::Result<SharedConfig> LoadSharedConfig(const Environment& env);
// Reads and merges the two files at the given paths (either may be absent).
base::Result<SharedConfig> LoadSharedConfigFiles(const std::string& config_path, const std::string& credentials_path);

}  // namespace posture::aws
