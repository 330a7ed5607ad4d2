#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/organization.h"

namespace posture::checks::iam_user_console_prefer_sso {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  // In an organization scan the organization's instance serves this member account.
  const bool organization_sso = OrganizationHasIdentityCenter(inventory);
  const IdentityCenterStatus sso = SummarizeIdentityCenter(inventory);
  if (!organization_sso && !RequireIdentityCenterKnown(sso, sink)) return;
  if (!organization_sso && !sso.enabled()) {
    // The finding this check looks for, console passwords *besides*
    // Identity Center, cannot exist; sso_enabled reports the missing
    // Identity Center, and counting every console user here as well would
    // report the same gap once per user.
    sink.pass(kGlobalRegion, inventory.account_id, RootArn(inventory),
              "does not apply: IAM Identity Center is not enabled, so IAM console passwords are the only way to sign "
              "in (see sso_enabled)");
    return;
  }
  const auto& report = inventory.iam.credential_report;
  if (!sink.require(report, kGlobalRegion)) return;
  for (const auto& row : *report) {
    if (IsRootRow(row)) continue;
    if (IsConsoleUser(row)) {
      sink.fail(kGlobalRegion, row.user, row.arn,
                "has a console password although IAM Identity Center is enabled; people should sign in through "
                "Identity Center");
    } else {
      sink.pass(kGlobalRegion, row.user, row.arn, "has no console password");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_user_console_prefer_sso",
            .title = "People sign in through IAM Identity Center rather than IAM user passwords",
            .severity = Severity::kMedium,
            .category = Category::kAccountAccess,
            .resource_type = "AWS::IAM::User",
            .scope = "L",
            .fails_when = "IAM users have console passwords while Identity Center is enabled",
            .risk = "IAM user passwords next to Identity Center are a second, weaker way in: long-lived, per "
                    "account, and outside the central joiner-mover-leaver process.",
            .remediation = "aws iam delete-login-profile --user-name <user>  # after giving the person an Identity "
                           "Center assignment",
            .remediation_terraform = "resource \"aws_ssoadmin_account_assignment\" \"person\" {\n"
                                     "  instance_arn       = tolist(data.aws_ssoadmin_instances.this.arns)[0]\n"
                                     "  permission_set_arn = aws_ssoadmin_permission_set.example.arn\n"
                                     "  principal_type     = \"USER\"\n"
                                     "  principal_id       = data.aws_identitystore_user.person.user_id\n"
                                     "  target_type        = \"AWS_ACCOUNT\"\n"
                                     "  target_id          = var.account_id\n"
                                     "} # then delete the IAM user's aws_iam_user_login_profile",
            .docs_url = "https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html",
            .reads = {POSTURE_FIELD(CredentialReportRow, user), POSTURE_FIELD(CredentialReportRow, password_enabled),
                      POSTURE_FIELD(IdentityCenterInstance, instance_arn)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_user_console_prefer_sso
