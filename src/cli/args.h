// A small command-line parser: declared flags, `--flag value` and
// `--flag=value` forms, repeatable flags, positional arguments, and one-line
// usage errors. Not thread-safe (used once at start-up).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace posture::cli {

class Args {
 public:
  enum class Kind { kBool, kValue, kRepeated };

  explicit Args(std::string command) : command_(std::move(command)) {}

  // Declares a flag ("--region"); `help` is shown by usage().
  Args& flag(std::string name, Kind kind, std::string value_name, std::string help);

  // Parses argv; on failure returns false and error() says why in one line.
  bool parse(const std::vector<std::string>& argv);

  bool has(std::string_view name) const;
  // The last value of a value flag.
  std::optional<std::string> value(std::string_view name) const;
  std::string value_or(std::string_view name, std::string fallback) const;
  // Every value of a repeated flag, in order.
  std::vector<std::string> values(std::string_view name) const;
  const std::vector<std::string>& positional() const { return positional_; }
  const std::string& error() const { return error_; }
  // Flag reference for --help.
  std::string usage() const;

 private:
  struct Spec {
    Kind kind;
    std::string value_name;
    std::string help;
  };
  std::string command_;
  std::vector<std::pair<std::string, Spec>> specs_;
  std::map<std::string, std::vector<std::string>, std::less<>> seen_;
  std::vector<std::string> positional_;
  std::string error_;
};

}  // namespace posture::cli
