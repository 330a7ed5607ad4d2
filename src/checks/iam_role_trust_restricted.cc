#include <algorithm>
#include <cctype>

#include "checks/check.h"
#include "checks/check_support.h"
#include "iam/policy.h"

namespace posture::checks::iam_role_trust_restricted {
namespace {

// Whether the statement's Condition tests one of `keys` (lower-case), under any operator.
bool HasKey(const iam::Statement& s, std::initializer_list<std::string_view> keys) {
  return std::any_of(s.conditions.begin(), s.conditions.end(), [&](const iam::Condition& condition) {
    return std::any_of(keys.begin(), keys.end(),
                       [&](std::string_view key) { return base::EqualsIgnoreCase(condition.key, key); });
  });
}

// The account of an AWS principal: "123456789012" or the one in its ARN; "" when none.
std::string AccountOf(std::string_view principal) {
  if (principal.size() == 12 && std::all_of(principal.begin(), principal.end(),
                                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
    return std::string(principal);
  }
  if (!principal.starts_with("arn:")) return {};
  size_t at = 0;
  for (int field = 0; field < 4; ++field) {
    at = principal.find(':', at);
    if (at == std::string_view::npos) return {};
    ++at;
  }
  const size_t end = principal.find(':', at);
  return std::string(principal.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
}

// Why statement `s` lets outsiders assume the role ("" when it does not).
std::vector<std::string> Problems(const iam::Statement& s, const std::string& account) {
  std::vector<std::string> out;
  if (!s.allow) return out;
  const bool org = HasKey(s, {"aws:principalorgid", "aws:principalorgpaths"});
  const bool restricted_anyone = org || HasKey(s, {"aws:principalaccount", "aws:sourceaccount", "aws:sourceorgid"});
  const bool external_id = HasKey(s, {"sts:externalid"});
  if (s.has_not_principal) out.push_back("NotPrincipal (everyone except the listed principals)");
  // Service and Federated principals are AWS services or identity providers.
  const auto aws = s.principals.find("AWS");
  if (aws == s.principals.end()) return out;
  for (const auto& value : aws->second) {
    if (value == "*") {
      if (!restricted_anyone) out.push_back("any AWS principal (\"*\")");
      continue;
    }
    const std::string other = AccountOf(value);
    if (other.empty() || other == account) continue;
    if (!external_id && !org) {
      out.push_back(value + " (account " + other + ") without sts:ExternalId or an organization condition");
    }
  }
  return out;
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& authorization = inventory.iam.authorization;
  if (!sink.require(authorization, kGlobalRegion)) return;
  for (const auto& role : authorization->roles) {
    const iam::ParsedPolicy parsed = iam::ParsePolicy(role.assume_role_policy_document);
    if (!parsed.ok()) {
      sink.error(kGlobalRegion, role.name, role.arn, "could not read the trust policy: " + parsed.error);
      continue;
    }
    std::vector<std::string> problems;
    for (const auto& statement : parsed.document->statements) {
      for (auto& problem : Problems(statement, inventory.account_id)) problems.push_back(std::move(problem));
    }
    if (problems.empty()) {
      sink.pass(kGlobalRegion, role.name, role.arn,
                "trust policy admits only this account, AWS services, identity providers or conditioned partners");
    } else {
      sink.fail(kGlobalRegion, role.name, role.arn,
                "trust policy allows " + base::Join(problems, "; ") + " to assume it");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_role_trust_restricted",
            .title = "Role trust policies admit no one outside the account without a guard",
            .severity = Severity::kHigh,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::Role",
            .scope = "L+C",
            .fails_when =
                "a role trust policy allows `*`, or another account without an `sts:ExternalId` or org condition",
            .risk = "A role anyone can assume, or that another account can assume without an external ID "
                    "(confused deputy) or an organization condition, hands its permissions to outsiders.",
            .remediation = "aws iam update-assume-role-policy --role-name <role> --policy-document "
                           "file://trust-with-external-id.json",
            .remediation_terraform = "# in assume_role_policy, name the exact principal and add\n"
                                     "# condition { test = \"StringEquals\" variable = \"sts:ExternalId\" values = "
                                     "[var.external_id] }",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
            .reads = {POSTURE_FIELD(IamRole, assume_role_policy_document)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_role_trust_restricted
