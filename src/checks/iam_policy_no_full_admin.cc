#include "checks/check.h"
#include "checks/check_support.h"
#include "iam/policy.h"

namespace posture::checks::iam_policy_no_full_admin {
namespace {

void EvaluateDocument(FindingSink& sink, std::string_view resource_type, const std::string& id, const std::string& arn,
                      const std::string& document, const std::string& context) {
  sink.set_resource_type(resource_type);
  const iam::ParsedPolicy parsed = iam::ParsePolicy(document);
  if (!parsed.ok()) {
    sink.error(kGlobalRegion, id, arn, "could not read the policy document: " + parsed.error);
    return;
  }
  if (const auto grant = iam::FindAdminGrant(*parsed.document)) {
    sink.fail(kGlobalRegion, id, arn, context + grant->describe());
  } else {
    sink.pass(kGlobalRegion, id, arn, context + "does not grant full administrator access");
  }
}

template <typename Principal>
void EvaluateInline(FindingSink& sink, std::string_view resource_type, std::string_view kind,
                    const std::vector<Principal>& principals) {
  for (const auto& principal : principals) {
    for (const auto& policy : principal.inline_policies) {
      EvaluateDocument(sink, resource_type, principal.name + "/" + policy.name, principal.arn, policy.document,
                       "inline policy of " + std::string(kind) + " " + principal.name + ": ");
    }
  }
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& authorization = inventory.iam.authorization;
  if (!sink.require(authorization, kGlobalRegion)) return;
  // AWS-managed policies (AdministratorAccess) are out of scope, as in CIS
  // 1.16; unattached customer policies grant nothing until attached.
  for (const auto& policy : authorization->policies) {
    if (policy.aws_managed || policy.attachment_count <= 0) continue;
    EvaluateDocument(sink, "AWS::IAM::ManagedPolicy", policy.name, policy.arn, policy.default_version_document,
                     "attached to " + Count(policy.attachment_count, "entity", "entities") + "; default version ");
  }
  EvaluateInline(sink, "AWS::IAM::UserPolicy", "user", authorization->users);
  EvaluateInline(sink, "AWS::IAM::GroupPolicy", "group", authorization->groups);
  EvaluateInline(sink, "AWS::IAM::RolePolicy", "role", authorization->roles);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_policy_no_full_admin",
            .title = "No attached customer-managed or inline policy grants full administrator access",
            .severity = Severity::kHigh,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::ManagedPolicy",
            .scope = "L+C",
            .fails_when = "an attached customer-managed or inline policy allows `*` on `*`",
            .risk = "A policy allowing every action on every resource gives its holders, and anyone who steals "
                    "their credentials, complete control of the account.",
            .remediation = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document "
                           "file://least-privilege.json --set-as-default  # or aws iam put-user-policy / "
                           "put-role-policy / put-group-policy for inline policies",
            .remediation_terraform = "data \"aws_iam_policy_document\" \"least_privilege\" {\n"
                                     "  statement { # named actions on named resources, never \"*\" on \"*\"\n"
                                     "    actions   = [\"s3:GetObject\"]\n"
                                     "    resources = [\"arn:aws:s3:::example-bucket/*\"]\n"
                                     "  }\n"
                                     "}\n"
                                     "resource \"aws_iam_policy\" \"example\" { # likewise aws_iam_role_policy etc.\n"
                                     "  policy = data.aws_iam_policy_document.least_privilege.json\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
            .reads = {POSTURE_FIELD(ManagedPolicy, default_version_document),
                      POSTURE_FIELD(ManagedPolicy, attachment_count), POSTURE_FIELD(InlinePolicy, document),
                      POSTURE_FIELD(IamUser, inline_policies), POSTURE_FIELD(IamGroup, inline_policies),
                      POSTURE_FIELD(IamRole, inline_policies)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_policy_no_full_admin
