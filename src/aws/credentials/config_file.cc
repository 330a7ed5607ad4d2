#include "aws/credentials/config_file.h"

#include <utility>

#include "aws/credentials/provider_support.h"
#include "base/strings.h"

namespace posture::aws {
namespace {

// Blanks inside a line (lines are split at '\n').
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Drops a comment that starts with # or ; after whitespace.
std::string_view StripInlineComment(std::string_view text) {
  for (size_t i = 1; i < text.size(); ++i) {
    if ((text[i] == '#' || text[i] == ';') && IsBlank(text[i - 1])) return base::Trim(text.substr(0, i));
  }
  return base::Trim(text);
}

// The name inside "[profile NAME]" the way the CLI's shlex split reads it:
// optionally quoted, nullopt when it is several words.
std::optional<std::string> SingleWord(std::string_view text) {
  text = base::Trim(text);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front()) {
    return std::string(text.substr(1, text.size() - 2));
  }
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (IsBlank(c)) return std::nullopt;
  }
  return std::string(text);
}

struct PendingKey {
  std::string key;
  int line = 0;
  size_t indent = 0;
  std::string value;
  std::vector<std::pair<int, std::string>> continuation;
};

class IniParser {
 public:
  explicit IniParser(std::string_view file_name) : file_name_(file_name) {}

  base::Result<std::vector<IniSection>> parse(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    int line_number = 0;
    while (!text.empty() || line_number == 0) {
      size_t newline = text.find('\n');
      std::string_view line = text.substr(0, newline);
      text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
      ++line_number;
      if (auto status = parse_line(line, line_number); !status.ok()) return std::move(status.error());
      if (text.empty()) break;
    }
    if (auto status = finish_key(); !status.ok()) return std::move(status.error());
    return std::move(sections_);
  }

 private:
  base::Error failure(int line, const std::string& what) const {
    return base::Error::InvalidInput(file_name_ + ":" + std::to_string(line) + ": " + what);
  }

  base::Status parse_line(std::string_view line, int number) {
    size_t indent = 0;
    while (indent < line.size() && IsBlank(line[indent])) ++indent;
    std::string_view stripped = base::Trim(line);
    if (stripped.empty() || stripped.front() == '#' || stripped.front() == ';') return base::Ok{};
    if (pending_ && indent > pending_->indent) {
      std::string_view content = StripInlineComment(stripped);
      if (!content.empty()) pending_->continuation.emplace_back(number, std::string(content));
      return base::Ok{};
    }
    if (auto status = finish_key(); !status.ok()) return status;
    if (stripped.front() == '[') return start_section(stripped, number);
    size_t delimiter = stripped.find_first_of("=:");
    if (delimiter == std::string_view::npos) {
      return failure(number, "expected a [section] header, 'key = value' or an indented continuation line");
    }
    std::string_view key = base::Trim(stripped.substr(0, delimiter));
    if (key.empty()) return failure(number, "missing key name before '" + std::string(1, stripped[delimiter]) + "'");
    if (sections_.empty()) return failure(number, "'key = value' before any [section] header");
    IniSection& section = sections_.back();
    if (section.values.contains(key) || section.nested.contains(key)) {
      return failure(number, "duplicate key in section [" + section.name + "]");
    }
    pending_ = PendingKey{
        std::string(key), number, indent, std::string(StripInlineComment(stripped.substr(delimiter + 1))), {}};
    return base::Ok{};
  }

  base::Status start_section(std::string_view stripped, int number) {
    std::string_view header = StripInlineComment(stripped);
    if (header.size() < 2 || header.back() != ']') return failure(number, "section header does not end with ']'");
    std::string name(base::Trim(header.substr(1, header.size() - 2)));
    if (name.empty()) return failure(number, "empty section name '[]'");
    for (const auto& section : sections_) {
      if (section.name == name) {
        return failure(number, "duplicate section [" + name + "] (first at line " + std::to_string(section.line) + ")");
      }
    }
    sections_.push_back(IniSection{name, number, {}, {}});
    return base::Ok{};
  }

  base::Status finish_key() {
    if (!pending_) return base::Ok{};
    PendingKey key = std::move(*pending_);
    pending_.reset();
    IniSection& section = sections_.back();
    if (key.value.empty() && !key.continuation.empty()) {
      ConfigValues nested;
      for (const auto& [number, content] : key.continuation) {
        size_t equals = content.find('=');
        if (equals == std::string::npos) {
          return failure(number, "expected 'key = value' in the nested section of a key in [" + section.name + "]");
        }
        std::string_view name = base::Trim(std::string_view(content).substr(0, equals));
        if (name.empty()) return failure(number, "missing key name before '='");
        nested[std::string(name)] = std::string(base::Trim(std::string_view(content).substr(equals + 1)));
      }
      section.nested[key.key] = std::move(nested);
      return base::Ok{};
    }
    std::string value = key.value;
    for (const auto& [number, content] : key.continuation) value += "\n" + content;
    section.values[key.key] = std::move(value);
    return base::Ok{};
  }

  std::string file_name_;
  std::vector<IniSection> sections_;
  std::optional<PendingKey> pending_;
};

base::Result<std::vector<IniSection>> LoadIniFile(const std::string& path) {
  auto content = ReadFileIfExists(path);
  if (!content.ok()) return std::move(content.error());
  if (!content->has_value()) return std::vector<IniSection>{};
  return ParseIni(**content, path);
}

std::string DefaultPath(const Environment& env, std::string_view file) {
  std::string home = env.home_directory().value_or("~");
  return home + "/.aws/" + std::string(file);
}

std::string Label(const Environment& env, const std::string& path, std::string_view file) {
  return path == DefaultPath(env, file) ? "~/.aws/" + std::string(file) : path;
}

}  // namespace

base::Result<std::vector<IniSection>> ParseIni(std::string_view text, std::string_view file_name) {
  return IniParser(file_name).parse(text);
}

void SharedConfig::add_config_file(const std::vector<IniSection>& sections) {
  for (const auto& section : sections) {
    std::string_view name = section.name;
    if (name == "default") {
      profiles_[std::string(name)] = Profile{section.values, section.nested};
    } else if (name.starts_with("profile") && name.size() > 7 && IsBlank(name[7])) {
      if (auto profile = SingleWord(name.substr(7))) profiles_[*profile] = Profile{section.values, section.nested};
    } else if (name.starts_with("sso-session") && name.size() > 11 && IsBlank(name[11])) {
      if (auto session = SingleWord(name.substr(11))) sso_sessions_[*session] = section.values;
    }
  }
}

void SharedConfig::add_credentials_file(const std::vector<IniSection>& sections) {
  for (const auto& section : sections) {
    Profile& profile = profiles_[section.name];
    for (const auto& [key, value] : section.values) {
      profile.nested.erase(key);
      profile.values[key] = value;
    }
    for (const auto& [key, values] : section.nested) {
      profile.values.erase(key);
      profile.nested[key] = values;
    }
  }
}

std::optional<std::string> SharedConfig::get(std::string_view profile, std::string_view key) const {
  auto found = profiles_.find(profile);
  if (found == profiles_.end()) return std::nullopt;
  auto value = found->second.values.find(key);
  if (value == found->second.values.end()) return std::nullopt;
  return value->second;
}

std::optional<std::string> SharedConfig::get_nested(std::string_view profile, std::string_view key,
                                                    std::string_view subkey) const {
  auto found = profiles_.find(profile);
  if (found == profiles_.end()) return std::nullopt;
  auto nested = found->second.nested.find(key);
  if (nested == found->second.nested.end()) return std::nullopt;
  auto value = nested->second.find(subkey);
  if (value == nested->second.end()) return std::nullopt;
  return value->second;
}

bool SharedConfig::has_profile(std::string_view name) const { return profiles_.contains(name); }

const ConfigValues* SharedConfig::profile(std::string_view name) const {
  auto found = profiles_.find(name);
  return found == profiles_.end() ? nullptr : &found->second.values;
}

std::vector<std::string> SharedConfig::profile_names() const {
  std::vector<std::string> names;
  for (const auto& [name, profile] : profiles_) names.push_back(name);
  return names;
}

const ConfigValues* SharedConfig::sso_session(std::string_view name) const {
  auto found = sso_sessions_.find(name);
  return found == sso_sessions_.end() ? nullptr : &found->second;
}

void SharedConfig::set_file_labels(std::string config_label, std::string credentials_label) {
  config_label_ = std::move(config_label);
  credentials_label_ = std::move(credentials_label);
}

std::string ConfigFilePath(const Environment& env) {
  if (auto path = env.get("AWS_CONFIG_FILE")) return ExpandPath(env, *path);
  return DefaultPath(env, "config");
}

std::string CredentialsFilePath(const Environment& env) {
  if (auto path = env.get("AWS_SHARED_CREDENTIALS_FILE")) return ExpandPath(env, *path);
  return DefaultPath(env, "credentials");
}

base::Result<SharedConfig> LoadSharedConfig(const Environment& env) {
  std::string config_path = ConfigFilePath(env);
  std::string credentials_path = CredentialsFilePath(env);
  auto config = LoadSharedConfigFiles(config_path, credentials_path);
  if (!config.ok()) return config;
  config->set_file_labels(Label(env, config_path, "config"), Label(env, credentials_path, "credentials"));
  return config;
}

base::Result<SharedConfig> LoadSharedConfigFiles(const std::string& config_path, const std::string& credentials_path) {
  auto config_sections = LoadIniFile(config_path);
  if (!config_sections.ok()) return std::move(config_sections.error());
  auto credentials_sections = LoadIniFile(credentials_path);
  if (!credentials_sections.ok()) return std::move(credentials_sections.error());
  SharedConfig config;
  config.add_config_file(*config_sections);
  config.add_credentials_file(*credentials_sections);
  config.set_file_labels(config_path, credentials_path);
  return config;
}

}  // namespace posture::aws
