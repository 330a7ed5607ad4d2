#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::iam_root_access_keys_absent {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& summary = inventory.iam.account_summary;
  if (!sink.require(summary, kGlobalRegion)) return;
  if (summary->root_access_keys_present) {
    sink.fail(kGlobalRegion, kRootReportUser, RootArn(inventory), "the root user has an access key");
  } else {
    sink.pass(kGlobalRegion, kRootReportUser, RootArn(inventory), "the root user has no access keys");
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_root_access_keys_absent",
            .title = "The root user has no access keys",
            .severity = Severity::kCritical,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .fails_when = "the root user has an access key",
            .risk = "A root access key has unrestricted, unscoped power over the account and cannot be limited by "
                    "IAM policies; if it leaks, the whole account is lost.",
            .remediation = "aws iam delete-access-key --access-key-id <root-key-id>  # run with the root key itself, "
                           "or delete it under Security credentials while signed in as root",
            .remediation_terraform = "# Terraform cannot manage the root user's access keys: sign in as root and\n"
                                     "# delete them under Security credentials",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html",
            .reads = {POSTURE_FIELD(IamAccountSummary, root_access_keys_present)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_root_access_keys_absent
