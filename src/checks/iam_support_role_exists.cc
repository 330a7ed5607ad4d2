#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_support_role_exists {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& authorization = inventory.iam.authorization;
  if (!sink.require(authorization, kGlobalRegion)) return;
  const auto holders = EntitiesWithPolicy(*authorization, ":iam::aws:policy/AWSSupportAccess");
  if (holders.empty()) {
    sink.fail(kGlobalRegion, inventory.account_id, RootArn(inventory),
              "AWSSupportAccess is attached to no user, group or role, so nobody is set up to manage AWS Support "
              "cases");
  } else {
    sink.pass(kGlobalRegion, inventory.account_id, RootArn(inventory),
              "AWSSupportAccess is attached to " + base::Join(holders));
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_support_role_exists",
            .title = "A support role manages incidents with AWS Support",
            .severity = Severity::kLow,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .fails_when = "AWSSupportAccess is attached to no user, group or role",
            .risk = "Without a principal holding AWSSupportAccess, opening a case during an incident needs broader "
                    "credentials (or root) than the task requires.",
            .remediation = "aws iam create-role --role-name aws-support --assume-role-policy-document "
                           "file://trust.json && aws iam attach-role-policy --role-name aws-support --policy-arn "
                           "arn:aws:iam::aws:policy/AWSSupportAccess",
            .remediation_terraform = "resource \"aws_iam_role_policy_attachment\" \"support\" {\n"
                                     "  role       = aws_iam_role.support.name\n"
                                     "  policy_arn = \"arn:aws:iam::aws:policy/AWSSupportAccess\"\n}",
            .docs_url = "https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html",
            .reads = {POSTURE_FIELD(IamUser, attached_policy_arns), POSTURE_FIELD(IamGroup, attached_policy_arns),
                      POSTURE_FIELD(IamRole, attached_policy_arns)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_support_role_exists
