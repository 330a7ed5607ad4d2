#include <algorithm>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"
#include "iam/escalation.h"

namespace posture::checks::iam_no_privilege_escalation {
namespace {

// Beyond this many paths (a wildcard grant) only their names are listed.
constexpr size_t kExplainedPaths = 3;

std::string DescribePaths(const std::vector<iam::EscalationPath>& paths) {
  std::vector<std::string> parts;
  if (paths.size() > kExplainedPaths) {
    std::vector<std::string> names, granted_by;
    for (const auto& path : paths) {
      names.push_back(path.name);
      for (const auto& label : path.granted_by) {
        if (std::find(granted_by.begin(), granted_by.end(), label) == granted_by.end()) granted_by.push_back(label);
      }
    }
    return base::Join(names) + " (granted by " + base::Join(granted_by) + ")";
  }
  for (const auto& path : paths) {
    parts.push_back(path.name + ": " + path.explanation + " (granted by " + base::Join(path.granted_by) + ")");
  }
  return base::Join(parts, "; ");
}

void EvaluatePrincipal(FindingSink& sink, std::string_view kind, const std::string& name, const std::string& arn,
                       const PrincipalPolicies& held) {
  std::vector<iam::LabelledPolicy> labelled;
  for (const auto& policy : held.policies) {
    if (!policy.parsed.ok()) {
      sink.error(kGlobalRegion, name, arn, "could not read " + policy.label + ": " + policy.parsed.error);
      return;
    }
    labelled.push_back({policy.label, &*policy.parsed.document});
  }
  const auto paths = iam::FindEscalationPaths(labelled);
  std::string unknown;
  if (!held.unknown.empty()) {
    unknown = " (not evaluated: AWS-managed " + base::Join(held.unknown) + ", whose documents are not collected)";
  }
  if (!paths.empty()) {
    sink.fail(kGlobalRegion, name, arn,
              std::string(kind) + " " + name + " can escalate its privileges through " +
                  Count(paths.size(), "path", "paths") + ": " + DescribePaths(paths) + unknown);
  } else {
    sink.pass(kGlobalRegion, name, arn,
              std::string(kind) + " " + name + " has no known privilege escalation path" + unknown);
  }
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& authorization = inventory.iam.authorization;
  if (!sink.require(authorization, kGlobalRegion)) return;
  sink.set_resource_type("AWS::IAM::User");
  for (const auto& user : authorization->users) {
    EvaluatePrincipal(sink, "user", user.name, user.arn, PoliciesOfUser(*authorization, user));
  }
  sink.set_resource_type("AWS::IAM::Role");
  for (const auto& role : authorization->roles) {
    EvaluatePrincipal(sink, "role", role.name, role.arn, PoliciesOfRole(*authorization, role));
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_no_privilege_escalation",
            .title = "No principal can escalate its own privileges",
            .severity = Severity::kHigh,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::User",
            .scope = "L+C",
            .fails_when =
                "a principal's effective policies allow a known escalation path (e.g. iam:CreatePolicyVersion; "
                "iam:PassRole with ec2:RunInstances or lambda:CreateFunction; iam:Attach*/Put*Policy; "
                "iam:CreateAccessKey/CreateLoginProfile/UpdateLoginProfile on others; iam:UpdateAssumeRolePolicy)",
            .risk = "A principal that can rewrite or attach policies, pass a stronger role to a service, or take "
                    "over other users' credentials can make itself administrator; its real privilege is the "
                    "account's.",
            .remediation = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document "
                           "file://without-escalation.json --set-as-default  # remove the escalation actions, or "
                           "scope iam:PassRole to specific roles",
            .remediation_terraform = "# in the aws_iam_policy document, drop the escalation actions (iam:Attach*, "
                                     "iam:Put*Policy, iam:CreatePolicyVersion, ...) and restrict iam:PassRole\n"
                                     "# resources to the roles the principal must pass",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
            .reads = {POSTURE_EVERY_FIELD(ManagedPolicy), POSTURE_EVERY_FIELD(InlinePolicy),
                      POSTURE_EVERY_FIELD(IamUser), POSTURE_EVERY_FIELD(IamGroup), POSTURE_EVERY_FIELD(IamRole)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_no_privilege_escalation
