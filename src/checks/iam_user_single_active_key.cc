#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_user_single_active_key {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& report = inventory.iam.credential_report;
  if (!sink.require(report, kGlobalRegion)) return;
  for (const auto& row : *report) {
    if (IsRootRow(row)) continue;
    int active = 0;
    for (const auto& key : AccessKeys(row)) active += key.active ? 1 : 0;
    if (active > 1) {
      sink.fail(kGlobalRegion, row.user, row.arn, "has " + std::to_string(active) + " active access keys");
    } else {
      sink.pass(kGlobalRegion, row.user, row.arn, "has " + Count(active, "active access key", "active access keys"));
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_user_single_active_key",
            .title = "Each IAM user has at most one active access key",
            .severity = Severity::kMedium,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::User",
            .scope = "L",
            .fails_when = "a user has two active access keys",
            .risk = "A second active key doubles what can leak and usually means an old key was never retired "
                    "after rotation.",
            .remediation = "aws iam update-access-key --user-name <user> --access-key-id <older-key-id> --status "
                           "Inactive && aws iam delete-access-key --user-name <user> --access-key-id <older-key-id>",
            .remediation_terraform = "# keep one aws_iam_access_key per aws_iam_user; remove the other and apply",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
            .reads = {POSTURE_FIELD(CredentialReportRow, user), POSTURE_FIELD(CredentialReportRow, access_key_1_active),
                      POSTURE_FIELD(CredentialReportRow, access_key_2_active)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_user_single_active_key
