#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_cloudshell_full_access_restricted {
namespace {

constexpr std::string_view kPolicySuffix = ":iam::aws:policy/AWSCloudShellFullAccess";

template <typename Principal>
void Report(FindingSink& sink, std::string_view type, std::string_view kind, const std::vector<Principal>& principals) {
  sink.set_resource_type(type);
  for (const auto& principal : principals) {
    for (const auto& arn : principal.attached_policy_arns) {
      if (!arn.ends_with(kPolicySuffix)) continue;
      sink.fail(kGlobalRegion, principal.name, principal.arn,
                std::string(kind) + " " + principal.name +
                    " has AWSCloudShellFullAccess attached, which allows uploading and downloading files to and "
                    "from CloudShell (a path for data exfiltration)");
    }
  }
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& authorization = inventory.iam.authorization;
  if (!sink.require(authorization, kGlobalRegion)) return;
  if (EntitiesWithPolicy(*authorization, kPolicySuffix).empty()) {
    sink.set_resource_type(kAccountResourceType);
    sink.pass(kGlobalRegion, inventory.account_id, RootArn(inventory),
              "AWSCloudShellFullAccess is attached to no user, group or role");
    return;
  }
  Report(sink, "AWS::IAM::User", "user", authorization->users);
  Report(sink, "AWS::IAM::Group", "group", authorization->groups);
  Report(sink, "AWS::IAM::Role", "role", authorization->roles);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_cloudshell_full_access_restricted",
            .title = "AWSCloudShellFullAccess is attached to no entity",
            .severity = Severity::kMedium,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::User",
            .scope = "L",
            .fails_when = "AWSCloudShellFullAccess is attached to any entity",
            .risk = "CloudShell full access lets its holders move files in and out of a shell with their AWS "
                    "credentials, bypassing the controls that watch other data paths.",
            .remediation = "aws iam detach-user-policy --user-name <user> --policy-arn "
                           "arn:aws:iam::aws:policy/AWSCloudShellFullAccess  # or detach-group-policy / "
                           "detach-role-policy",
            .remediation_terraform = "# remove the aws_iam_*_policy_attachment whose policy_arn is "
                                     "arn:aws:iam::aws:policy/AWSCloudShellFullAccess and apply",
            .docs_url = "https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html",
            .reads = {POSTURE_FIELD(IamUser, attached_policy_arns), POSTURE_FIELD(IamGroup, attached_policy_arns),
                      POSTURE_FIELD(IamRole, attached_policy_arns)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_cloudshell_full_access_restricted
