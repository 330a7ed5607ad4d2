#include <set>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/organization.h"

namespace posture::checks::sso_admin_assigned_to_groups {
namespace {

void EvaluateSet(const inventory::PermissionSet& set, const std::vector<inventory::AccountAssignment>& assignments,
                 FindingSink& sink) {
  const AdminAccess access = ClassifyPermissionSet(set);
  const std::string& id = set.name.empty() ? set.arn : set.name;
  if (!access.error.empty()) {
    sink.error(kGlobalRegion, id, set.arn, "permission set " + id + ": " + access.error);
    return;
  }
  if (!access.limited_by.empty()) {
    sink.pass(kGlobalRegion, id, set.arn,
              "permission set " + id + " has " + access.grant + " but its " + access.limited_by +
                  ", so it is not treated as administrator access");
    return;
  }
  if (!access.admin) return;
  std::set<std::string> groups;
  bool assigned_to_user = false;
  for (const auto& assignment : assignments) {
    if (assignment.permission_set_arn != set.arn) continue;
    if (assignment.principal_type == "USER") {
      assigned_to_user = true;
      sink.fail(kGlobalRegion, id, set.arn,
                "administrator permission set " + id + " (" + access.grant + ") is assigned directly to " +
                    DescribePrincipal(assignment) + " in account " + assignment.account_id +
                    "; assign it to a group instead");
    } else {
      groups.insert(DescribePrincipal(assignment));
    }
  }
  if (assigned_to_user) return;
  if (groups.empty()) {
    sink.pass(kGlobalRegion, id, set.arn, "administrator permission set " + id + " is not assigned to anyone");
    return;
  }
  sink.pass(kGlobalRegion, id, set.arn,
            "administrator permission set " + id +
                " is assigned only to groups: " + base::Join(std::vector<std::string>(groups.begin(), groups.end())));
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& identity_center = inventory.organizations.identity_center;
  if (!RequireOrganizationSection(identity_center, sink)) return;
  for (const auto& set : identity_center->permission_sets) EvaluateSet(set, identity_center->assignments, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "sso_admin_assigned_to_groups",
            .title = "Administrator permission sets are assigned to groups, not to individual users",
            .severity = Severity::kMedium,
            .category = Category::kAccountAccess,
            .resource_type = "AWS::SSO::PermissionSet",
            .scope = "L",
            .fails_when = "a permission set with administrator access is assigned to a user rather than a group",
            .risk = "Administrator access granted user by user escapes the group membership reviews and the "
                    "joiner-mover-leaver process, so it piles up and outlives people's need for it.",
            .remediation = "aws sso-admin delete-account-assignment --instance-arn <instance-arn> --target-id "
                           "<account-id> --target-type AWS_ACCOUNT --permission-set-arn <permission-set-arn> "
                           "--principal-type USER --principal-id <user-id>  # after create-account-assignment "
                           "--principal-type GROUP for the user's group",
            .remediation_terraform = "resource \"aws_ssoadmin_account_assignment\" \"admins\" {\n"
                                     "  instance_arn       = tolist(data.aws_ssoadmin_instances.this.arns)[0]\n"
                                     "  permission_set_arn = aws_ssoadmin_permission_set.admin.arn\n"
                                     "  principal_type     = \"GROUP\" # never \"USER\" for administrator access\n"
                                     "  principal_id       = aws_identitystore_group.admins.group_id\n"
                                     "  target_type        = \"AWS_ACCOUNT\"\n"
                                     "  target_id          = var.account_id\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html",
            .reads = {POSTURE_EVERY_FIELD(PermissionSet), POSTURE_FIELD(AccountAssignment, principal_type),
                      POSTURE_FIELD(AccountAssignment, permission_set_arn)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::sso_admin_assigned_to_groups
