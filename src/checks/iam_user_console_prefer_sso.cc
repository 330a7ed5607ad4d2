#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const SsoStatus sso = SummarizeSso(inventory);
  if (!RequireSsoKnown(sso, sink)) return;
  if (!sso.enabled()) {
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

extern constinit const Check kIamUserConsolePreferSso{
    .metadata =
        {
            .id = "iam_user_console_prefer_sso",
            .title = "People sign in through IAM Identity Center rather than IAM user passwords",
            .severity = Severity::kMedium,
            .resource_type = "AWS::IAM::User",
            .scope = "L",
            .cis_3_0 = "",
            .risk = "IAM user passwords next to Identity Center are a second, weaker way in: long-lived, per "
                    "account, and outside the central joiner-mover-leaver process.",
            .remediation = "aws iam delete-login-profile --user-name <user>  # after giving the person an Identity "
                           "Center assignment",
            .needs = "iam.credential_report,sso.instances",
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks
