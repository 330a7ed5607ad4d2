#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::iam_root_mfa_enabled {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& summary = inventory.iam.account_summary;
  if (!sink.require(summary, kGlobalRegion)) return;
  if (summary->root_mfa_enabled) {
    sink.pass(kGlobalRegion, kRootReportUser, RootArn(inventory), "the root user has MFA enabled");
  } else {
    sink.fail(kGlobalRegion, kRootReportUser, RootArn(inventory), "the root user has no MFA device");
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_root_mfa_enabled",
            .title = "The root user has MFA enabled",
            .severity = Severity::kCritical,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .fails_when = "the root user has no MFA",
            .risk = "Without MFA, the root user's password alone gives full, unrestrictable control of the account, "
                    "including closing it.",
            .remediation = "Sign in as the root user and assign an MFA device under Security credentials (the CLI "
                           "equivalent, aws iam enable-mfa-device, would need root access keys, which must not exist)",
            .remediation_terraform = "# Terraform cannot manage the root user's MFA: sign in as root and assign\n"
                                     "# an MFA device under Security credentials",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html",
            .reads = {POSTURE_FIELD(IamAccountSummary, root_mfa_enabled)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_root_mfa_enabled
