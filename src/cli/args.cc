#include "cli/args.h"

#include <algorithm>

namespace posture::cli {

Args& Args::flag(std::string name, Kind kind, std::string value_name, std::string help) {
  specs_.emplace_back(std::move(name), Spec{kind, std::move(value_name), std::move(help)});
  return *this;
}

bool Args::parse(const std::vector<std::string>& argv) {
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (!only_positional && arg == "--") {
      only_positional = true;
      continue;
    }
    if (only_positional || !arg.starts_with("--")) {
      if (!only_positional && arg.size() > 1 && arg[0] == '-' && arg != "-") {
        error_ = command_ + ": unknown flag " + arg + " (see posture " + command_ + " --help)";
        return false;
      }
      positional_.push_back(arg);
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    auto spec = std::find_if(specs_.begin(), specs_.end(), [&](const auto& s) { return s.first == name; });
    if (spec == specs_.end()) {
      error_ = command_ + ": unknown flag " + name + " (see posture " + command_ + " --help)";
      return false;
    }
    if (spec->second.kind == Kind::kBool) {
      if (inline_value) {
        error_ = command_ + ": flag " + name + " takes no value";
        return false;
      }
      seen_[name].push_back("true");
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= argv.size()) {
        error_ = command_ + ": flag " + name + " needs a value (" + spec->second.value_name + ")";
        return false;
      }
      inline_value = argv[++i];
    }
    seen_[name].push_back(*inline_value);
  }
  return true;
}

bool Args::has(std::string_view name) const { return seen_.find(name) != seen_.end(); }

std::optional<std::string> Args::value(std::string_view name) const {
  auto it = seen_.find(name);
  if (it == seen_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::string Args::value_or(std::string_view name, std::string fallback) const {
  auto v = value(name);
  return v ? *v : std::move(fallback);
}

std::vector<std::string> Args::values(std::string_view name) const {
  auto it = seen_.find(name);
  return it == seen_.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::usage() const {
  std::string out;
  for (const auto& [name, spec] : specs_) {
    std::string left = "  " + name + (spec.kind == Kind::kBool ? "" : " " + spec.value_name);
    if (left.size() < 28) left.resize(28, ' ');
    out += left + " " + spec.help + "\n";
  }
  return out;
}

}  // namespace posture::cli
