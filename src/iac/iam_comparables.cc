// Comparables of inventory.iam (mapping.h): what the IAM checks read,
// with documents as parsed JSON (so whitespace and key order never differ)
// and references to other principals and policies passed through the IdMap.
#include <algorithm>

#include "iac/mapping.h"

namespace posture::iac {
namespace {

// A scalar as IAM reads it: 3600 and "3600", true and "true" are the same.
std::string ScalarText(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// "x" and ["x"] are the same list to IAM, in any order.
nlohmann::json SortedList(const nlohmann::json& value) {
  std::vector<std::string> items;
  if (value.is_array()) {
    for (const auto& item : value) items.push_back(ScalarText(item));
  } else {
    items.push_back(ScalarText(value));
  }
  std::sort(items.begin(), items.end());
  return items;
}

// The statement in one spelling of the many IAM accepts, so that a template's
// YAML, a plan's jsonencode and live AWS agree when IAM would.
nlohmann::json CanonicalStatement(nlohmann::json statement) {
  if (!statement.is_object()) return statement;
  for (const char* key : {"Action", "NotAction", "Resource", "NotResource"}) {
    if (statement.contains(key)) statement[key] = SortedList(statement[key]);
  }
  for (const char* key : {"Principal", "NotPrincipal"}) {
    if (!statement.contains(key) || !statement[key].is_object()) continue;
    for (auto& [type, values] : statement[key].items()) values = SortedList(values);
  }
  if (statement.contains("Condition") && statement["Condition"].is_object()) {
    for (auto& [op, tests] : statement["Condition"].items()) {
      if (!tests.is_object()) continue;
      for (auto& [condition_key, values] : tests.items()) values = SortedList(values);
    }
  }
  return statement;
}

nlohmann::json DocumentValue(const std::string& text) {
  if (text.empty()) return nullptr;
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return text;
  if (!parsed.is_object() || !parsed.contains("Statement")) return parsed;
  nlohmann::json& statements = parsed["Statement"];
  if (statements.is_object()) statements = nlohmann::json::array({statements});
  for (auto& statement : statements) statement = CanonicalStatement(statement);
  return parsed;
}

nlohmann::json MappedIds(const std::vector<std::string>& list, const IdMap& ids) {
  std::vector<std::string> mapped;
  for (const auto& id : list) mapped.push_back(ids(id));
  std::sort(mapped.begin(), mapped.end());
  mapped.erase(std::unique(mapped.begin(), mapped.end()), mapped.end());
  return mapped;
}

nlohmann::json Inlines(const std::vector<inventory::InlinePolicy>& policies) {
  std::vector<const inventory::InlinePolicy*> sorted;
  for (const auto& policy : policies) sorted.push_back(&policy);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  nlohmann::json out = nlohmann::json::array();
  for (const auto* policy : sorted)
    out.push_back({{"name", policy->name}, {"document", DocumentValue(policy->document)}});
  return out;
}

template <typename Principal>
nlohmann::json PrincipalAttributes(const Principal& principal, const IdMap& ids) {
  return {{"attached_policy_arns", MappedIds(principal.attached_policy_arns, ids)},
          {"inline_policies", Inlines(principal.inline_policies)}};
}

}  // namespace

void AppendIamComparables(const inventory::Inventory& inventory, const IdMap& ids, std::vector<ComparableObject>& out) {
  const auto& authorization = inventory.iam.authorization;
  if (authorization.ok()) {
    for (const auto& user : authorization->users) {
      nlohmann::json attributes = PrincipalAttributes(user, ids);
      attributes["groups"] = MappedIds(user.groups, ids);
      out.push_back({"AWS::IAM::User", ids(user.name), "", std::move(attributes)});
    }
    for (const auto& group : authorization->groups) {
      out.push_back({"AWS::IAM::Group", ids(group.name), "", PrincipalAttributes(group, ids)});
    }
    for (const auto& role : authorization->roles) {
      nlohmann::json attributes = PrincipalAttributes(role, ids);
      attributes["assume_role_policy_document"] = DocumentValue(role.assume_role_policy_document);
      out.push_back({"AWS::IAM::Role", ids(role.name), "", std::move(attributes)});
    }
    // AWS-managed policies are AWS's, not the account's: a live scan leaves
    // them out, and their attachments show on the principals.
    for (const auto& policy : authorization->policies) {
      if (policy.aws_managed) continue;
      out.push_back({"AWS::IAM::ManagedPolicy",
                     ids(policy.name),
                     "",
                     {{"attachment_count", policy.attachment_count},
                      {"default_version_document", DocumentValue(policy.default_version_document)}}});
    }
  }
  const auto& password = inventory.iam.password_policy;
  if (password.ok() && password->has_value()) {
    const inventory::PasswordPolicy& p = **password;
    out.push_back({"AWS::IAM::AccountPasswordPolicy",
                   "account",
                   "",
                   {{"minimum_length", p.minimum_length},
                    {"reuse_prevention", p.reuse_prevention},
                    {"require_symbols", p.require_symbols},
                    {"require_numbers", p.require_numbers},
                    {"require_uppercase", p.require_uppercase},
                    {"require_lowercase", p.require_lowercase},
                    {"max_age_days", p.max_age_days}}});
  }
}

}  // namespace posture::iac
