#include "iam/policy.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "base/strings.h"

namespace posture::iam {
namespace {

using Json = nlohmann::json;

// Reads a string-or-array-of-strings element; returns false (with `error`)
// when it has another shape.
bool ReadStringList(const Json& statement, const char* key, std::vector<std::string>& out, bool& present,
                    std::string& error) {
  const auto it = statement.find(key);
  present = it != statement.end();
  if (!present) return true;
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
    return true;
  }
  if (it->is_array()) {
    for (const auto& item : *it) {
      if (!item.is_string()) {
        error = std::string(key) + " must contain only strings";
        return false;
      }
      out.push_back(item.get<std::string>());
    }
    return true;
  }
  error = std::string(key) + " must be a string or an array of strings";
  return false;
}

// A `Principal` / `NotPrincipal` element: "*" or {"AWS": "*" | [...], ...}.
bool ReadPrincipal(const Json& statement, const char* key, std::map<std::string, std::vector<std::string>>& out,
                   bool& present, std::string& error) {
  const auto it = statement.find(key);
  present = it != statement.end();
  if (!present) return true;
  if (it->is_string()) {
    if (base::Trim(it->get<std::string>()) != "*") {
      error = std::string(key) + " must be \"*\" or an object such as {\"AWS\": \"...\"}";
      return false;
    }
    out["AWS"].push_back("*");
    return true;
  }
  if (!it->is_object()) {
    error = std::string(key) + " must be \"*\" or an object such as {\"AWS\": \"...\"}";
    return false;
  }
  for (const auto& [kind, values] : it->items()) {
    bool listed = false;
    std::vector<std::string>& list = out[kind];
    if (!ReadStringList(*it, kind.c_str(), list, listed, error)) {
      error = std::string(key) + "." + error;
      return false;
    }
  }
  return true;
}

// One condition value as text: strings as they are, booleans and numbers
// as JSON writes them.
bool ConditionValue(const Json& value, std::string& out) {
  if (value.is_string()) {
    out = value.get<std::string>();
    return true;
  }
  if (value.is_boolean() || value.is_number()) {
    out = value.dump();
    return true;
  }
  return false;
}

bool ReadConditions(const Json& statement, std::vector<Condition>& out, std::string& error) {
  const auto it = statement.find("Condition");
  if (it == statement.end()) return true;
  if (!it->is_object()) {
    error = "Condition must be an object of operators";
    return false;
  }
  for (const auto& [op, keys] : it->items()) {
    if (!keys.is_object()) {
      error = "Condition operator " + op + " must map condition keys to values";
      return false;
    }
    for (const auto& [key, values] : keys.items()) {
      Condition condition{op, key, {}};
      const bool list = values.is_array();
      const size_t count = list ? values.size() : 1;
      for (size_t i = 0; i < count; ++i) {
        std::string text;
        if (!ConditionValue(list ? values[i] : values, text)) {
          error = "Condition " + op + " " + key + " must have string, boolean or number values";
          return false;
        }
        condition.values.push_back(std::move(text));
      }
      out.push_back(std::move(condition));
    }
  }
  return true;
}

bool ReadStatement(const Json& json, size_t index, Statement& statement, std::string& error) {
  const std::string where = "statement " + std::to_string(index + 1) + ": ";
  if (!json.is_object()) {
    error = where + "must be a JSON object";
    return false;
  }
  if (auto sid = json.find("Sid"); sid != json.end() && sid->is_string()) statement.sid = sid->get<std::string>();
  const auto effect = json.find("Effect");
  if (effect == json.end() || !effect->is_string()) {
    error = where + "Effect must be \"Allow\" or \"Deny\"";
    return false;
  }
  const std::string effect_text = effect->get<std::string>();
  // IAM itself only accepts the exact spellings; other producers (IaC) are
  // read leniently so that a sloppy "allow" is not mistaken for a Deny.
  statement.allow = base::EqualsIgnoreCase(effect_text, "Allow");
  if (!statement.allow && !base::EqualsIgnoreCase(effect_text, "Deny")) {
    error = where + "Effect must be \"Allow\" or \"Deny\", not \"" + effect_text + "\"";
    return false;
  }
  bool present = false;
  std::string element_error;
  if (!ReadStringList(json, "Action", statement.actions, present, element_error) ||
      !ReadStringList(json, "NotAction", statement.not_actions, statement.has_not_action, element_error) ||
      !ReadStringList(json, "Resource", statement.resources, present, element_error) ||
      !ReadStringList(json, "NotResource", statement.not_resources, statement.has_not_resource, element_error)) {
    error = where + element_error;
    return false;
  }
  statement.has_condition = json.contains("Condition");
  if (!ReadPrincipal(json, "Principal", statement.principals, statement.has_principal, element_error) ||
      !ReadPrincipal(json, "NotPrincipal", statement.not_principals, statement.has_not_principal, element_error) ||
      !ReadConditions(json, statement.conditions, element_error)) {
    error = where + element_error;
    return false;
  }
  return true;
}

bool IsWildcardResource(std::string_view pattern) { return base::Trim(pattern) == "*"; }

bool AnyOf(const std::vector<std::string>& values, bool (*predicate)(std::string_view)) {
  for (const auto& value : values) {
    if (predicate(value)) return true;
  }
  return false;
}

std::string JoinList(const std::vector<std::string>& values) {
  if (values.empty()) return "nothing";
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += ", ";
    out += value;
  }
  return out;
}

}  // namespace

ParsedPolicy ParsePolicy(std::string_view text) {
  ParsedPolicy result;
  Json json;
  try {
    json = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // e.what() reads "[json.exception.parse_error.101] parse error at line 1, column 9: ...".
    std::string what = e.what();
    if (const auto bracket = what.find("] "); what.starts_with("[json.exception") && bracket != std::string::npos) {
      what = what.substr(bracket + 2);
    }
    result.error = "malformed policy JSON: " + what;
    return result;
  }
  if (!json.is_object()) {
    result.error = "policy document must be a JSON object";
    return result;
  }
  PolicyDocument document;
  if (auto version = json.find("Version"); version != json.end() && version->is_string()) {
    document.version = version->get<std::string>();
  }
  const auto statements = json.find("Statement");
  if (statements == json.end()) {
    result.error = "policy document has no Statement";
    return result;
  }
  const bool single = statements->is_object();
  if (!single && !statements->is_array()) {
    result.error = "Statement must be an object or an array of objects";
    return result;
  }
  const size_t count = single ? 1 : statements->size();
  for (size_t i = 0; i < count; ++i) {
    Statement statement;
    if (!ReadStatement(single ? *statements : (*statements)[i], i, statement, result.error)) return result;
    document.statements.push_back(std::move(statement));
  }
  result.document = std::move(document);
  return result;
}

bool IsWildcardAction(std::string_view pattern) {
  const auto trimmed = base::Trim(pattern);
  return trimmed == "*" || trimmed == "*:*";
}

bool AllowsFullAdmin(const PolicyDocument& document) {
  const auto grant = FindAdminGrant(document);
  return grant && grant->kind == AdminGrant::Kind::kFullAdmin;
}

std::optional<AdminGrant> FindAdminGrant(const PolicyDocument& document) {
  std::optional<AdminGrant> nearly_all;
  for (size_t i = 0; i < document.statements.size(); ++i) {
    const Statement& s = document.statements[i];
    if (!s.allow) continue;
    AdminGrant grant{.kind = AdminGrant::Kind::kFullAdmin,
                     .statement_index = i,
                     .sid = s.sid,
                     .conditional = s.has_condition,
                     .exceptions = {}};
    const bool all_actions = !s.has_not_action && AnyOf(s.actions, IsWildcardAction);
    const bool all_resources = !s.has_not_resource && AnyOf(s.resources, IsWildcardResource);
    if (all_actions && all_resources) return grant;
    if (nearly_all) continue;
    if (s.has_not_action && all_resources) {
      grant.kind = AdminGrant::Kind::kNotAction;
      grant.exceptions = s.not_actions;
      nearly_all = grant;
    } else if (all_actions && s.has_not_resource) {
      grant.kind = AdminGrant::Kind::kNotResource;
      grant.exceptions = s.not_resources;
      nearly_all = grant;
    }
  }
  return nearly_all;
}

bool ActionMatches(std::string_view pattern, std::string_view action) {
  pattern = base::Trim(pattern);
  // Iterative glob match with backtracking on the last '*'.
  size_t p = 0, a = 0, star = std::string_view::npos, resume = 0;
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  };
  while (a < action.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || same(pattern[p], action[a]))) {
      ++p;
      ++a;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = a;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      a = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {
bool AnyMatches(const std::vector<std::string>& patterns, std::string_view action) {
  for (const auto& pattern : patterns) {
    if (ActionMatches(pattern, action)) return true;
  }
  return false;
}
}  // namespace

bool StatementAllows(const Statement& statement, std::string_view action) {
  if (!statement.allow) return false;
  if (statement.has_not_action) return !AnyMatches(statement.not_actions, action);
  return AnyMatches(statement.actions, action);
}

bool StatementDeniesEverywhere(const Statement& statement, std::string_view action) {
  if (statement.allow || statement.has_condition || statement.has_not_resource) return false;
  if (!AnyOf(statement.resources, IsWildcardResource)) return false;
  if (statement.has_not_action) return !AnyMatches(statement.not_actions, action);
  return AnyMatches(statement.actions, action);
}

std::string AdminGrant::describe() const {
  std::string text;
  switch (kind) {
    case Kind::kFullAdmin:
      text = "allows every action on every resource";
      break;
    case Kind::kNotAction:
      text = "allows every action except " + JoinList(exceptions) +
             " on every resource (an Allow with NotAction grants nearly everything)";
      break;
    case Kind::kNotResource:
      text = "allows every action on every resource except " + JoinList(exceptions) +
             " (an Allow with NotResource grants nearly everything)";
      break;
  }
  text += sid.empty() ? " (statement " + std::to_string(statement_index + 1) + ")" : " (statement \"" + sid + "\")";
  if (conditional) text += ", subject to a Condition";
  return text;
}

}  // namespace posture::iam
