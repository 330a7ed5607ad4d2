// The config file: what a team tunes once for every scan (thresholds, the
// environment tag, how production is recognised, extra sensitive ports,
// disabled checks). YAML, e.g. posture.yaml:
//
//   checks:
//     disabled: [iam_support_role_exists]
//     extra_sensitive_ports: [8080, 9092]
//   thresholds:
//     password_min_length: 16
//     password_reuse_prevention: 24
//     access_key_max_age_days: 90
//     credential_unused_days: 45
//     root_usage_window_days: 90
//   environment:
//     tag_key: Environment
//   production:
//     patterns: [prod, live]
//     exclude_patterns: [nonprod, preprod]
//
// Where it is found: --config PATH, else $POSTURE_CONFIG, else ./posture.yaml,
// else $XDG_CONFIG_HOME/posture/config.yaml (~/.config/posture/config.yaml);
// no file means the catalog defaults. Unknown keys and wrong types are
// errors naming the file and line, so a typo never silently falls back.
#pragma once

#include <optional>
#include <string>

#include "aws/credentials/environment.h"
#include "base/error.h"
#include "checks/settings.h"

namespace posture::scan {

struct Config {
  std::string path;  // the file read, "" when none (defaults)
  checks::CheckSettings settings;
};

// Parses YAML `text` read from `path` (for messages).
base::Result<Config> ParseConfig(const std::string& text, const std::string& path);
// The config path to use (see above), or "" when there is none.
std::string FindConfigPath(const std::optional<std::string>& flag, const aws::Environment& env);
// Reads and parses the config at FindConfigPath; defaults when there is none.
// A --config or $POSTURE_CONFIG naming a missing file is an error.
base::Result<Config> LoadConfig(const std::optional<std::string>& flag, const aws::Environment& env);

}  // namespace posture::scan
