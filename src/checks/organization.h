// What the organization checks derive from the organization's data: an
// account's place in the OU tree, the service control policies that reach
// it, whether it is a production account, and whether an Identity Center
// permission set grants administrator access. Pure functions over the
// inventory: thread-safe. Pointers returned point into the arguments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/settings.h"
#include "inventory/inventory.h"
#include "inventory/organization.h"

namespace posture::checks {

// ---- The OU tree -------------------------------------------------------------

// FindAccount, FindUnit, AncestorIds and OuPath: inventory/organization.h.

// ---- Service control policies ------------------------------------------------

// Where a policy is attached: the account, an OU or the root.
struct ScpTarget {
  std::string id;
  std::string name;  // the account's or OU's name; the id when unknown
};

// A policy that applies to an account, with every place on the account's
// path (root first, the account last) it is attached to.
struct AppliedScp {
  const inventory::ServiceControlPolicy* policy = nullptr;
  std::vector<ScpTarget> attached_to;

  // "DenyLeave (attached to Root, Prod)".
  std::string describe() const;
};

// The AWS-managed policy that allows everything (p-FullAWSAccess).
bool IsFullAwsAccess(const inventory::ServiceControlPolicy& policy);

// The policies attached to the account itself, to any OU on its path or to
// the root, in the order of `scps`. Whether SCPs are enabled at all is
// Organization::scps_enabled, not considered here.
std::vector<AppliedScp> EffectiveScps(const inventory::Organization& org,
                                      const std::vector<inventory::ServiceControlPolicy>& scps,
                                      std::string_view account_id);
// The result points into `scps`: a temporary list would leave it dangling.
std::vector<AppliedScp> EffectiveScps(const inventory::Organization& org,
                                      std::vector<inventory::ServiceControlPolicy>&& scps,
                                      std::string_view account_id) = delete;
// The effective policies that restrict something: all but FullAWSAccess.
std::vector<AppliedScp> Guardrails(const std::vector<AppliedScp>& effective);

// The account's ARN as the organization gives it, else built from the
// management account and organization ids.
std::string AccountArn(const inventory::Inventory& inventory, const inventory::Organization& org,
                       const inventory::OrgAccount& account);

// ---- Production accounts -----------------------------------------------------

// Whether an account *name* names production: CheckSettings::is_production
// holds for the whole name (so the exclusions such as "preprod" or
// "non-prod" still win) and one of its words is a production pattern or
// the word "production" (when is_production("production")). Words are split
// at every character that is not a letter or digit and where a lower-case
// letter is followed by an upper-case one; trailing digits are ignored
// ("prod2"). So "shop-prod", "ShopProd", "prod-eu" and "shop-production" are
// production, while "product-analytics" and "shopprod" are not: account
// names are free text where "prod" is often part of another word. OU names
// and environment tag values keep the plain is_production substring rule.
bool IsProductionAccountName(const CheckSettings& settings, std::string_view name);

// Why the account is a production account, or nullopt when it is not:
// "OU Prod", "tag Environment=production" or "account name shop-prod"
// (the first that matches, in that order; every OU on its path counts).
std::optional<std::string> ProductionEvidence(const CheckSettings& settings, const inventory::Organization& org,
                                              const inventory::OrgAccount& account);

// One ACTIVE production account of the organization, as the organization
// checks report on it.
struct ProductionAccount {
  const inventory::OrgAccount& account;
  std::string arn;
  std::string about;  // "production account shop (OU Prod, OU path Root/Prod): "
};
// Calls `each` for every ACTIVE production account, with the sink's
// account set to it (and reset after).
template <typename Each>
void ForEachProductionAccount(const inventory::Inventory& inventory, const inventory::Organization& org,
                              FindingSink& sink, Each each) {
  for (const auto& account : org.accounts) {
    if (account.status != "ACTIVE") continue;
    const auto evidence = ProductionEvidence(sink.settings(), org, account);
    if (!evidence) continue;
    sink.set_account(account.id);
    each(ProductionAccount{
        account, AccountArn(inventory, org, account),
        "production account " + account.name + " (" + *evidence + ", OU path " + OuPath(org, account.id) + "): "});
  }
  sink.set_account("");
}

// ---- Identity Center ---------------------------------------------------------

// Whether a permission set gives administrator access.
struct AdminAccess {
  bool admin = false;
  // When admin: "managed policy AdministratorAccess" or "inline policy allows
  // every action on every resource (...)".
  std::string grant;
  // When the set would grant admin but a permissions boundary limits it:
  // "permissions boundary /Boundaries/Limit limits it". Then admin is false.
  std::string limited_by;
  // The inline policy could not be read (admin is then false).
  std::string error;
};

// True for arn:<partition>:iam::aws:policy/AdministratorAccess.
bool IsAdministratorAccessArn(std::string_view arn);

// A permission set is admin when it carries the AWS-managed
// AdministratorAccess policy or its inline policy grants administrator
// access (iam::FindAdminGrant, as iam_policy_no_full_admin judges), unless
// a permissions boundary other than AdministratorAccess is set. References
// to customer-managed policies name a policy each member account defines
// for itself, which the management account cannot read: they are not
// counted as admin.
AdminAccess ClassifyPermissionSet(const inventory::PermissionSet& permission_set);

// "user alice@example.com" or "group Admins" (the principal id when its
// name was not resolved).
std::string DescribePrincipal(const inventory::AccountAssignment& assignment);

// True when the account's organization has an Identity Center instance
// (organization scans tell each member account through its membership).
bool OrganizationHasIdentityCenter(const inventory::Inventory& inventory);

// ---- Sections only the organization's manager collects ---------------------

// True when `section` was collected. When it failed, emits the ERROR
// finding (FindingSink::require) and returns false; when it was never
// collected (a member account's own scan) returns false silently.
template <typename T>
bool RequireOrganizationSection(const inventory::Collected<T>& section, FindingSink& sink) {
  if (section.ok()) return true;
  if (section.error) sink.require(section, kGlobalRegion);
  return false;
}

}  // namespace posture::checks
