// CloudWatch Logs filter patterns for JSON log events, as metric filters on
// CloudTrail log groups use them:
//
//   { ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }
//
// A pattern is one `{ ... }` expression of conditions joined by && and ||
// (&& binds tighter), grouped with parentheses. A condition names a field
// with a selector ($.a.b, $.list[0]) and compares it: = and != with a
// quoted or unquoted value where * is a wildcard, numeric <, <=, >, >=,
// IS TRUE / IS FALSE / IS NULL, EXISTS and NOT EXISTS.
//
// Matching follows CloudWatch Logs: a comparison needs the field to be
// present (an absent field matches only NOT EXISTS), strings compare
// case-sensitively, a number compares numerically with a numeric value.
// Space-delimited and term patterns ("ERROR", [ip, user, ...]) and regular
// expression values (%...%) are not JSON conditions: Parse reports them as
// unsupported. Immutable after parsing; thread-safe.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace posture::checks {

class FilterPattern {
 public:
  struct Node;

  // The parsed pattern, or nullopt with `error` saying what is wrong and at
  // which character ("expected ')' at 31").
  static std::optional<FilterPattern> Parse(std::string_view text, std::string* error);

  // Whether a log event (a CloudTrail record) matches the pattern.
  bool matches(const nlohmann::json& event) const;

 private:
  explicit FilterPattern(std::shared_ptr<const Node> root) : root_(std::move(root)) {}
  std::shared_ptr<const Node> root_;
};

}  // namespace posture::checks
