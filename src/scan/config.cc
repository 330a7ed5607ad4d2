#include "scan/config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "checks/check.h"

namespace posture::scan {
namespace {

// A config problem, already phrased "<file>:<line>: <what>".
struct ConfigError {
  std::string message;
};

class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& what) const {
    const auto mark = node.Mark();
    const std::string line = mark.line >= 0 ? ":" + std::to_string(mark.line + 1) : "";
    throw ConfigError{path_ + line + ": " + what};
  }

  // The mapping `node`, with every key checked against `known`.
  void expect_map(const YAML::Node& node, const std::string& where, const std::set<std::string>& known) const {
    if (!node.IsMap()) fail(node, "'" + where + "' must be a mapping of keys to values");
    for (const auto& entry : node) {
      const std::string key = entry.first.as<std::string>();
      if (known.count(key)) continue;
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      fail(entry.first, "unknown key '" + key + "'" + (where.empty() ? "" : " under '" + where + "'") +
                            " (expected one of: " + list + ")");
    }
  }

  int whole_number(const YAML::Node& node, const std::string& name, int min, int max) const {
    int value = 0;
    if (!node.IsScalar() || !YAML::convert<int>::decode(node, value) || value < min || value > max) {
      fail(node, "'" + name + "' must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return value;
  }

  std::string text(const YAML::Node& node, const std::string& name) const {
    if (!node.IsScalar() || node.Scalar().empty()) fail(node, "'" + name + "' must be a non-empty string");
    return node.Scalar();
  }

  std::vector<std::string> texts(const YAML::Node& node, const std::string& name) const {
    if (!node.IsSequence()) fail(node, "'" + name + "' must be a list of strings");
    std::vector<std::string> out;
    for (const auto& item : node) out.push_back(text(item, name + " entry"));
    return out;
  }

 private:
  std::string path_;
};

void ReadChecks(const Reader& reader, const YAML::Node& node, checks::CheckSettings& settings) {
  reader.expect_map(node, "checks", {"disabled", "extra_sensitive_ports"});
  if (const auto disabled = node["disabled"]) {
    if (!disabled.IsSequence()) reader.fail(disabled, "'checks.disabled' must be a list of check ids");
    for (const auto& item : disabled) {
      const std::string id = reader.text(item, "checks.disabled entry");
      if (!checks::FindCheck(id))
        reader.fail(item, "unknown check '" + id + "' in checks.disabled (see posture checks)");
      settings.disabled_checks.insert(id);
    }
  }
  if (const auto ports = node["extra_sensitive_ports"]) {
    if (!ports.IsSequence()) reader.fail(ports, "'checks.extra_sensitive_ports' must be a list of port numbers");
    for (const auto& port : ports) {
      settings.extra_sensitive_ports.push_back(
          reader.whole_number(port, "checks.extra_sensitive_ports entry", 0, 65535));
    }
  }
}

void ReadThresholds(const Reader& reader, const YAML::Node& node, checks::CheckSettings& settings) {
  struct Threshold {
    const char* key;
    int checks::CheckSettings::*field;
    int min, max;
  };
  static constexpr Threshold kThresholds[] = {
      {"password_min_length", &checks::CheckSettings::password_min_length, 6, 128},
      {"password_reuse_prevention", &checks::CheckSettings::password_reuse_prevention, 1, 24},
      {"access_key_max_age_days", &checks::CheckSettings::access_key_max_age_days, 1, 3650},
      {"credential_unused_days", &checks::CheckSettings::credential_unused_days, 1, 3650},
      {"root_usage_window_days", &checks::CheckSettings::root_usage_window_days, 1, 3650},
      {"production_admin_principals_max", &checks::CheckSettings::production_admin_principals_max, 0, 100},
  };
  std::set<std::string> known;
  for (const auto& t : kThresholds) known.insert(t.key);
  reader.expect_map(node, "thresholds", known);
  for (const auto& t : kThresholds) {
    if (const auto value = node[t.key]) {
      settings.*t.field = reader.whole_number(value, std::string("thresholds.") + t.key, t.min, t.max);
    }
  }
}

Config Parse(const std::string& text, const std::string& path) {
  Reader reader(path);
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    const std::string line = e.mark.line >= 0 ? ":" + std::to_string(e.mark.line + 1) : "";
    throw ConfigError{path + line + ": not valid YAML: " + e.msg};
  }
  Config config;
  config.path = path;
  if (root.IsNull()) return config;  // an empty file: the defaults
  reader.expect_map(root, "", {"checks", "thresholds", "environment", "production"});
  if (const auto node = root["checks"]) ReadChecks(reader, node, config.settings);
  if (const auto node = root["thresholds"]) ReadThresholds(reader, node, config.settings);
  if (const auto node = root["environment"]) {
    reader.expect_map(node, "environment", {"tag_key"});
    if (const auto key = node["tag_key"]) config.settings.environment_tag_key = reader.text(key, "environment.tag_key");
  }
  if (const auto node = root["production"]) {
    reader.expect_map(node, "production", {"patterns", "exclude_patterns"});
    if (const auto patterns = node["patterns"]) {
      config.settings.production_patterns = reader.texts(patterns, "production.patterns");
      if (config.settings.production_patterns.empty()) {
        reader.fail(patterns, "'production.patterns' must name at least one pattern");
      }
    }
    if (const auto exclude = node["exclude_patterns"]) {
      config.settings.non_production_patterns = reader.texts(exclude, "production.exclude_patterns");
    }
  }
  return config;
}

}  // namespace

base::Result<Config> ParseConfig(const std::string& text, const std::string& path) {
  try {
    return Parse(text, path);
  } catch (const ConfigError& e) {
    return base::Error::InvalidInput("config " + e.message);
  } catch (const YAML::Exception& e) {
    return base::Error::InvalidInput("config " + path + ": " + e.msg);
  }
}

std::string FindConfigPath(const std::optional<std::string>& flag, const aws::Environment& env) {
  if (flag) return *flag;
  if (auto path = env.get("POSTURE_CONFIG")) return *path;
  std::error_code ignored;
  if (std::filesystem::exists("posture.yaml", ignored)) return "posture.yaml";
  std::string base;
  if (auto xdg = env.get("XDG_CONFIG_HOME")) {
    base = *xdg;
  } else if (auto home = env.home_directory()) {
    base = *home + "/.config";
  }
  if (!base.empty() && std::filesystem::exists(base + "/posture/config.yaml", ignored)) {
    return base + "/posture/config.yaml";
  }
  return "";
}

base::Result<Config> LoadConfig(const std::optional<std::string>& flag, const aws::Environment& env) {
  const std::string path = FindConfigPath(flag, env);
  if (path.empty()) return Config{};
  std::ifstream file(path);
  if (!file) return base::Error::InvalidInput("config " + path + ": cannot read the file");
  std::stringstream text;
  text << file.rdbuf();
  return ParseConfig(text.str(), path);
}

}  // namespace posture::scan
