#include "aws/credentials/environment.h"

#include <pwd.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <vector>

#include "aws/credentials/config_file.h"

namespace posture::aws {
namespace {

constexpr int kDefaultMaxAttempts = 3;
constexpr int kMaxMaxAttempts = 100;
constexpr size_t kPasswdBufferSize = 16384;

bool IsNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

std::optional<int> ParseAttempts(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < 1 || value > kMaxMaxAttempts) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::string> ProcessEnvironment::get(std::string_view name) const {
  std::string key(name);
  const char* value = std::getenv(key.c_str());
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

std::optional<std::string> ProcessEnvironment::home_directory() const {
  if (auto home = get("HOME")) return home;
  struct passwd entry {};
  struct passwd* found = nullptr;
  std::vector<char> buffer(kPasswdBufferSize);
  if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found || !found->pw_dir) {
    return std::nullopt;
  }
  return std::string(found->pw_dir);
}

const Environment& RealEnvironment() {
  static const ProcessEnvironment environment;
  return environment;
}

std::optional<std::string> MapEnvironment::get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

void MapEnvironment::set(std::string name, std::optional<std::string> value) {
  if (!value) {
    values_.erase(name);
    return;
  }
  values_[std::move(name)] = std::move(*value);
}

std::string ExpandPath(const Environment& env, std::string_view path) {
  std::string out;
  if (path == "~" || path.starts_with("~/")) {
    if (auto home = env.home_directory()) {
      out = *home;
      path.remove_prefix(1);
    }
  }
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '$' || i + 1 >= path.size()) {
      out += path[i];
      continue;
    }
    size_t start = i + 1;
    bool braced = path[start] == '{';
    if (braced) ++start;
    size_t end = start;
    while (end < path.size() && IsNameChar(path[end])) ++end;
    if (end == start || (braced && (end >= path.size() || path[end] != '}'))) {
      out += path[i];
      continue;
    }
    std::string_view name = path.substr(start, end - start);
    size_t last = braced ? end : end - 1;
    if (auto value = env.get(name)) {
      out += *value;
    } else {
      out += path.substr(i, last - i + 1);
    }
    i = last;
  }
  return out;
}

std::string ResolveProfileName(const Environment& env, std::string_view explicit_profile) {
  if (!explicit_profile.empty()) return std::string(explicit_profile);
  if (auto profile = env.get("AWS_PROFILE")) return *profile;
  if (auto profile = env.get("AWS_DEFAULT_PROFILE")) return *profile;
  return "default";
}

bool ProfileNamedExplicitly(const Environment& env, std::string_view explicit_profile) {
  return !explicit_profile.empty() || env.get("AWS_PROFILE") || env.get("AWS_DEFAULT_PROFILE");
}

std::string ResolveRegion(const Environment& env, const SharedConfig& config, std::string_view profile) {
  if (auto region = env.get("AWS_REGION")) return *region;
  if (auto region = env.get("AWS_DEFAULT_REGION")) return *region;
  if (auto region = config.get(profile, "region")) return *region;
  return {};
}

base::Result<int> ResolveMaxAttempts(const Environment& env, const SharedConfig& config, std::string_view profile) {
  std::string origin = "AWS_MAX_ATTEMPTS";
  std::optional<std::string> text = env.get("AWS_MAX_ATTEMPTS");
  if (!text) {
    text = config.get(profile, "max_attempts");
    origin = "max_attempts in profile '" + std::string(profile) + "'";
  }
  if (!text) return kDefaultMaxAttempts;
  auto value = ParseAttempts(*text);
  if (!value) {
    return base::Error::InvalidInput(origin + " is '" + *text + "'; expected an integer from 1 to " +
                                     std::to_string(kMaxMaxAttempts));
  }
  return *value;
}

std::string ResolveCaBundle(const Environment& env, const SharedConfig& config, std::string_view profile) {
  if (auto bundle = env.get("AWS_CA_BUNDLE")) return ExpandPath(env, *bundle);
  if (auto bundle = config.get(profile, "ca_bundle")) return ExpandPath(env, *bundle);
  return {};
}

}  // namespace posture::aws
