#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::iam_user_no_direct_policies {
namespace {

// "AdministratorAccess" from "arn:aws:iam::aws:policy/AdministratorAccess".
std::string PolicyName(const std::string& arn) {
  const auto slash = arn.rfind('/');
  return slash == std::string::npos ? arn : arn.substr(slash + 1);
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& authorization = inventory.iam.authorization;
  if (!sink.require(authorization, kGlobalRegion)) return;
  for (const auto& user : authorization->users) {
    std::vector<std::string> attached, inline_names;
    for (const auto& arn : user.attached_policy_arns) attached.push_back(PolicyName(arn));
    for (const auto& policy : user.inline_policies) inline_names.push_back(policy.name);
    if (attached.empty() && inline_names.empty()) {
      sink.pass(kGlobalRegion, user.name, user.arn, "has no attached or inline policies of its own");
      continue;
    }
    std::vector<std::string> parts;
    if (!attached.empty()) {
      parts.push_back(Count(attached.size(), "attached policy", "attached policies") + " (" + base::Join(attached) +
                      ")");
    }
    if (!inline_names.empty()) {
      parts.push_back(Count(inline_names.size(), "inline policy", "inline policies") + " (" + base::Join(inline_names) +
                      ")");
    }
    sink.fail(kGlobalRegion, user.name, user.arn,
              "has " + base::Join(parts, " and ") + " directly; grant permissions through groups or roles");
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_user_no_direct_policies",
            .title = "IAM users receive permissions only through groups or roles",
            .severity = Severity::kLow,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::User",
            .scope = "L+C",
            .fails_when = "a user has attached or inline policies (permissions should come from groups/roles)",
            .risk = "Permissions attached to individual users are hard to review and tend to linger after the user "
                    "changes role, so privileges accumulate unnoticed.",
            .remediation = "aws iam add-user-to-group --user-name <user> --group-name <group> && aws iam "
                           "detach-user-policy --user-name <user> --policy-arn <arn>  # and aws iam delete-user-policy "
                           "--user-name <user> --policy-name <name> for inline policies",
            .remediation_terraform = "resource \"aws_iam_user_group_membership\" \"example\" {\n"
                                     "  user   = aws_iam_user.example.name\n"
                                     "  groups = [aws_iam_group.team.name] # the group carries the policies\n"
                                     "}\n"
                                     "# then remove its aws_iam_user_policy_attachment and aws_iam_user_policy",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html",
            .reads = {POSTURE_FIELD(IamUser, attached_policy_arns), POSTURE_FIELD(IamUser, inline_policies)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_user_no_direct_policies
