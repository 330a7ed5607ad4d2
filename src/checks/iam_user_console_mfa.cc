#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::iam_user_console_mfa {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& report = inventory.iam.credential_report;
  if (!sink.require(report, kGlobalRegion)) return;
  for (const auto& row : *report) {
    if (IsRootRow(row)) continue;  // root MFA is iam_root_mfa_enabled's question
    if (!IsConsoleUser(row)) {
      sink.pass(kGlobalRegion, row.user, row.arn, "has no console password");
    } else if (row.mfa_active.value_or(false)) {
      sink.pass(kGlobalRegion, row.user, row.arn, "has a console password and an active MFA device");
    } else {
      sink.fail(kGlobalRegion, row.user, row.arn, "has a console password but no MFA device");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_user_console_mfa",
            .title = "IAM users with a console password have MFA",
            .severity = Severity::kHigh,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::User",
            .scope = "L",
            .fails_when = "a user with a console password has no MFA",
            .risk = "A console user without MFA is one phished or reused password away from an attacker acting "
                    "with all of that user's permissions.",
            .remediation = "aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile mfa.png "
                           "--bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name <user> "
                           "--serial-number <device-arn> --authentication-code1 <code1> --authentication-code2 <code2>",
            .remediation_terraform = "# Terraform cannot enable a user's MFA device (it takes two codes from the\n"
                                     "# device): the user assigns one under Security credentials. For a user who\n"
                                     "# needs no console, delete its aws_iam_user_login_profile instead",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html",
            .reads = {POSTURE_FIELD(CredentialReportRow, user), POSTURE_FIELD(CredentialReportRow, password_enabled),
                      POSTURE_FIELD(CredentialReportRow, mfa_active)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_user_console_mfa
