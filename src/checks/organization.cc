#include "checks/organization.h"

#include <algorithm>
#include <cctype>

#include "iam/policy.h"

namespace posture::checks {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool IsLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// "ShopProd-eu2" -> {"Shop", "Prod", "eu"}.
std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  const auto flush = [&] {
    while (!current.empty() && IsDigit(current.back())) current.pop_back();
    if (!current.empty()) words.push_back(current);
    current.clear();
  };
  for (char c : name) {
    if (!IsAlnum(c)) {
      flush();
      continue;
    }
    if (IsUpper(c) && !current.empty() && IsLower(current.back())) flush();
    current += c;
  }
  flush();
  return words;
}

std::string DescribeBoundary(const inventory::PermissionsBoundary& boundary) {
  return "permissions boundary " +
         (boundary.managed_policy_arn.empty() ? boundary.customer_policy_name : boundary.managed_policy_arn);
}

}  // namespace

std::string AccountArn(const inventory::Inventory& inventory, const inventory::Organization& org,
                       const inventory::OrgAccount& account) {
  if (!account.arn.empty()) return account.arn;
  const std::string& management = org.management_account_id.empty() ? inventory.account_id : org.management_account_id;
  return "arn:" + inventory.partition + ":organizations::" + management + ":account/" + org.id + "/" + account.id;
}

std::string AppliedScp::describe() const {
  std::vector<std::string> names;
  for (const auto& target : attached_to) names.push_back(target.name);
  const std::string& name = policy->name.empty() ? policy->id : policy->name;
  return name + " (attached to " + base::Join(names) + ")";
}

bool IsFullAwsAccess(const inventory::ServiceControlPolicy& policy) {
  return policy.id == "p-FullAWSAccess" || (policy.aws_managed && policy.name == "FullAWSAccess");
}

std::vector<AppliedScp> EffectiveScps(const inventory::Organization& org,
                                      const std::vector<inventory::ServiceControlPolicy>& scps,
                                      std::string_view account_id) {
  auto path = inventory::AncestorIds(org, account_id);
  std::reverse(path.begin(), path.end());  // root first
  std::vector<AppliedScp> applied;
  for (const auto& policy : scps) {
    AppliedScp scp{&policy, {}};
    for (const auto& id : path) {
      if (std::find(policy.target_ids.begin(), policy.target_ids.end(), id) != policy.target_ids.end()) {
        scp.attached_to.push_back({id, inventory::NodeName(org, id)});
      }
    }
    if (!scp.attached_to.empty()) applied.push_back(std::move(scp));
  }
  return applied;
}

std::vector<AppliedScp> Guardrails(const std::vector<AppliedScp>& effective) {
  std::vector<AppliedScp> guardrails;
  for (const auto& scp : effective) {
    if (!IsFullAwsAccess(*scp.policy)) guardrails.push_back(scp);
  }
  return guardrails;
}

bool IsProductionAccountName(const CheckSettings& settings, std::string_view name) {
  if (!settings.is_production(name)) return false;
  for (const auto& pattern : settings.production_patterns) {
    // A pattern that is not one word ("prd-") can never equal a word: it
    // keeps the substring rule.
    const bool one_word = std::all_of(pattern.begin(), pattern.end(), IsAlnum);
    if (!pattern.empty() && !one_word && base::ContainsIgnoreCase(name, pattern)) return true;
  }
  const bool production_word = settings.is_production("production");
  for (const auto& word : Words(name)) {
    if (production_word && base::EqualsIgnoreCase(word, "production")) return true;
    for (const auto& pattern : settings.production_patterns) {
      if (!pattern.empty() && base::EqualsIgnoreCase(word, pattern)) return true;
    }
  }
  return false;
}

std::optional<std::string> ProductionEvidence(const CheckSettings& settings, const inventory::Organization& org,
                                              const inventory::OrgAccount& account) {
  for (const auto& id : inventory::AncestorIds(org, account.id)) {
    const auto* unit = inventory::FindUnit(org, id);
    if (unit != nullptr && settings.is_production(unit->name)) return "OU " + unit->name;
  }
  if (const auto* tag = EnvironmentTag(account.tags, settings.environment_tag_key)) {
    if (settings.is_production(tag->second)) return "tag " + tag->first + "=" + tag->second;
  }
  if (IsProductionAccountName(settings, account.name)) return "account name " + account.name;
  return std::nullopt;
}

bool IsAdministratorAccessArn(std::string_view arn) {
  constexpr std::string_view kPrefix = "arn:";
  constexpr std::string_view kRest = ":iam::aws:policy/AdministratorAccess";
  if (!arn.starts_with(kPrefix) || !arn.ends_with(kRest)) return false;
  const auto partition = arn.substr(kPrefix.size(), arn.size() - kPrefix.size() - kRest.size());
  return !partition.empty() && partition.find(':') == std::string_view::npos;
}

AdminAccess ClassifyPermissionSet(const inventory::PermissionSet& permission_set) {
  AdminAccess access;
  for (const auto& arn : permission_set.managed_policy_arns) {
    if (IsAdministratorAccessArn(arn)) {
      access.grant = "managed policy AdministratorAccess";
      break;
    }
  }
  if (access.grant.empty() && !permission_set.inline_policy.empty()) {
    const iam::ParsedPolicy parsed = iam::ParsePolicy(permission_set.inline_policy);
    if (!parsed.ok()) {
      access.error = "could not read the inline policy: " + parsed.error;
      return access;
    }
    if (const auto grant = iam::FindAdminGrant(*parsed.document)) access.grant = "inline policy " + grant->describe();
  }
  if (access.grant.empty()) return access;
  const auto& boundary = permission_set.boundary;
  const bool limited =
      boundary && (!boundary->customer_policy_name.empty() ||
                   (!boundary->managed_policy_arn.empty() && !IsAdministratorAccessArn(boundary->managed_policy_arn)));
  if (limited) {
    access.limited_by = DescribeBoundary(*boundary) + " limits it";
  } else {
    access.admin = true;
  }
  return access;
}

std::string DescribePrincipal(const inventory::AccountAssignment& assignment) {
  std::string kind = assignment.principal_type;
  std::transform(kind.begin(), kind.end(), kind.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (kind.empty()) kind = "principal";
  return kind + " " + (assignment.principal_name.empty() ? assignment.principal_id : assignment.principal_name);
}

bool OrganizationHasIdentityCenter(const inventory::Inventory& inventory) {
  return inventory.membership && !inventory.membership->identity_center_instances.empty();
}

}  // namespace posture::checks
