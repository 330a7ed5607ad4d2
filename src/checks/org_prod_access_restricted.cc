#include <algorithm>
#include <map>
#include <utility>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/organization.h"

namespace posture::checks::org_prod_access_restricted {
namespace {

// One principal holding administrator permission sets in an account.
struct Holder {
  std::string description;        // "user alice"
  std::vector<std::string> sets;  // the administrator permission sets' names
};

// The principals holding administrator permission sets in one account.
struct AdminHolders {
  std::map<std::pair<std::string, std::string>, Holder> principals;  // by (type, id)
  size_t users = 0;
  size_t groups = 0;

  // "group Admins (Admin, Ops); user alice (Admin)".
  std::string describe() const {
    std::vector<std::string> described;
    for (const auto& [key, holder] : principals)
      described.push_back(holder.description + " (" + base::Join(holder.sets) + ")");
    return base::Join(described, "; ");
  }
};

// The administrator permission sets: ARN -> name.
std::map<std::string, std::string> AdminSets(const inventory::IdentityCenter& identity_center) {
  std::map<std::string, std::string> admin_sets;
  for (const auto& set : identity_center.permission_sets) {
    if (ClassifyPermissionSet(set).admin) admin_sets[set.arn] = set.name.empty() ? set.arn : set.name;
  }
  return admin_sets;
}

AdminHolders HoldersIn(const std::string& account_id, const inventory::IdentityCenter& identity_center,
                       const std::map<std::string, std::string>& admin_sets) {
  AdminHolders holders;
  for (const auto& assignment : identity_center.assignments) {
    if (assignment.account_id != account_id) continue;
    const auto set = admin_sets.find(assignment.permission_set_arn);
    if (set == admin_sets.end()) continue;
    auto [it, added] = holders.principals.try_emplace({assignment.principal_type, assignment.principal_id},
                                                      Holder{DescribePrincipal(assignment), {}});
    auto& sets = it->second.sets;
    if (std::find(sets.begin(), sets.end(), set->second) == sets.end()) sets.push_back(set->second);
    if (added) (assignment.principal_type == "USER" ? holders.users : holders.groups) += 1;
  }
  return holders;
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& structure = inventory.organizations.structure;
  const auto& identity_center = inventory.organizations.identity_center;
  const bool have_structure = RequireOrganizationSection(structure, sink);
  const bool have_identity_center = RequireOrganizationSection(identity_center, sink);
  if (!have_structure || !have_identity_center) return;
  const int max_groups = sink.settings().production_admin_principals_max;
  const auto admin_sets = AdminSets(*identity_center);
  sink.set_resource_type("AWS::Organizations::Account");
  ForEachProductionAccount(inventory, *structure, sink, [&](const ProductionAccount& production) {
    const auto& [account, arn, about] = production;
    const AdminHolders holders = HoldersIn(account.id, *identity_center, admin_sets);
    const std::string limit = "at most " + Count(static_cast<size_t>(max_groups), "group", "groups") + " allowed";
    if (holders.principals.empty()) {
      sink.pass(kGlobalRegion, account.id, arn, about + "no administrator access is assigned");
      return;
    }
    std::vector<std::string> problems;
    if (holders.users > 0) {
      problems.push_back(Count(holders.users, "user holds", "users hold") +
                         " administrator access directly instead of through a group");
    }
    if (holders.groups > static_cast<size_t>(max_groups)) {
      problems.push_back(Count(holders.groups, "group holds", "groups hold") + " administrator access, " + limit);
    }
    if (problems.empty()) {
      sink.pass(kGlobalRegion, account.id, arn,
                about + "administrator access is held by " + Count(holders.groups, "group", "groups") + " (" + limit +
                    "): " + holders.describe());
    } else {
      sink.fail(kGlobalRegion, account.id, arn, about + base::Join(problems, " and ") + ": " + holders.describe());
    }
  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "org_prod_access_restricted",
            .title = "Administrator access to production accounts is held by few groups and no individual users",
            .severity = Severity::kHigh,
            .category = Category::kAccountAccess,
            .resource_type = "AWS::Organizations::Account",
            .scope = "L",
            .fails_when =
                "a production account (by OU name, account tag or name pattern, configurable) has administrator "
                "permission sets assigned to more than the allowed principals (default 2 groups)",
            .risk = "Every principal holding administrator access to a production account can change or delete "
                    "production and its data; individual users and many groups make that access hard to review and "
                    "easy to steal.",
            .remediation = "aws sso-admin delete-account-assignment --instance-arn <instance-arn> --target-id "
                           "<prod-account-id> --target-type AWS_ACCOUNT --permission-set-arn <admin-set-arn> "
                           "--principal-type USER --principal-id <user-id>  # keep administrator access to "
                           "production for at most the allowed groups",
            .remediation_terraform = "resource \"aws_ssoadmin_account_assignment\" \"prod_admins\" {\n"
                                     "  # one assignment per allowed group; no USER assignments of admin sets\n"
                                     "  instance_arn       = tolist(data.aws_ssoadmin_instances.this.arns)[0]\n"
                                     "  permission_set_arn = aws_ssoadmin_permission_set.admin.arn\n"
                                     "  principal_type     = \"GROUP\"\n"
                                     "  principal_id       = aws_identitystore_group.prod_admins.group_id\n"
                                     "  target_type        = \"AWS_ACCOUNT\"\n"
                                     "  target_id          = var.prod_account_id\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/singlesignon/latest/userguide/manage-your-accounts.html",
            .reads = {POSTURE_EVERY_FIELD(OrgAccount), POSTURE_EVERY_FIELD(OrganizationalUnit),
                      POSTURE_EVERY_FIELD(PermissionSet), POSTURE_EVERY_FIELD(AccountAssignment)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::org_prod_access_restricted
