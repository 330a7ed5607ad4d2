#include "iam/bucket_policy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace posture::iam {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Condition keys (lower case) whose fixed values narrow a statement to
// known callers, as S3's own "is public" evaluation counts them.
constexpr std::array<std::string_view, 14> kRestrictingKeys = {
    "aws:sourceip",          "aws:sourcevpc",
    "aws:sourcevpce",        "aws:sourcearn",
    "aws:sourceaccount",     "aws:sourceowner",
    "aws:sourceorgid",       "aws:sourceorgpaths",
    "aws:principalorgid",    "aws:principalaccount",
    "aws:principalarn",      "aws:userid",
    "s3:dataaccesspointarn", "s3:dataaccesspointaccount",
};

bool IsEveryoneCidr(std::string_view cidr) {
  cidr = Trimmed(cidr);
  return cidr == "0.0.0.0/0" || cidr == "::/0";
}

// A condition that limits who can use the statement. Negated operators
// ("StringNotEquals", "NotIpAddress") exclude a few callers and admit the
// rest, and a value containing a wildcard matches anyone.
bool Restricts(const Condition& condition) {
  const std::string key = Lower(condition.key);
  if (std::find(kRestrictingKeys.begin(), kRestrictingKeys.end(), key) == kRestrictingKeys.end()) return false;
  const std::string op = Lower(condition.op);
  if (op.find("not") != std::string::npos || condition.values.empty()) return false;
  for (const auto& value : condition.values) {
    if (value.find('*') != std::string::npos || value.find('?') != std::string::npos) return false;
    if (key == "aws:sourceip" && IsEveryoneCidr(value)) return false;
  }
  return true;
}

bool CoversAllS3Actions(const Statement& statement) {
  if (statement.has_not_action) return false;
  return std::any_of(statement.actions.begin(), statement.actions.end(), [](const std::string& action) {
    const std::string a = Lower(Trimmed(action));
    return a == "*" || a == "s3:*";
  });
}

bool IsInsecureTransportCondition(const Condition& condition) {
  const std::string op = Lower(condition.op);
  if (op != "bool" && op != "boolifexists") return false;
  if (Lower(condition.key) != "aws:securetransport") return false;
  return condition.values.size() == 1 && Lower(Trimmed(condition.values.front())) == "false";
}

std::string Name(const Statement& statement, size_t index) {
  return statement.sid.empty() ? "statement " + std::to_string(index + 1) : "statement \"" + statement.sid + "\"";
}

std::string Actions(const Statement& statement) {
  if (statement.has_not_action) {
    std::string out = "every action except";
    for (const auto& action : statement.not_actions) out += " " + action;
    return out;
  }
  std::string out;
  for (const auto& action : statement.actions) out += (out.empty() ? "" : ", ") + action;
  return out.empty() ? "no action" : out;
}

}  // namespace

bool NamesEveryone(const Statement& statement) {
  const auto it = statement.principals.find("AWS");
  if (it == statement.principals.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [](const std::string& principal) { return Trimmed(principal) == "*"; });
}

std::optional<std::string> FindSecureTransportDeny(const PolicyDocument& document) {
  for (size_t i = 0; i < document.statements.size(); ++i) {
    const Statement& s = document.statements[i];
    if (s.allow || !NamesEveryone(s) || !CoversAllS3Actions(s)) continue;
    if (std::any_of(s.conditions.begin(), s.conditions.end(), IsInsecureTransportCondition)) return Name(s, i);
  }
  return std::nullopt;
}

std::optional<std::string> FindPublicGrant(const PolicyDocument& document) {
  for (size_t i = 0; i < document.statements.size(); ++i) {
    const Statement& s = document.statements[i];
    if (!s.allow || !(NamesEveryone(s) || s.has_not_principal)) continue;
    if (std::any_of(s.conditions.begin(), s.conditions.end(), Restricts)) continue;
    std::string text = Name(s, i) + " allows " + Actions(s) + " to " +
                       (s.has_not_principal ? "everyone but the NotPrincipal" : "everyone (Principal \"*\")");
    if (s.has_condition) text += ", and its conditions do not limit who";
    return text;
  }
  return std::nullopt;
}

}  // namespace posture::iam
