#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_user_access_key_rotated {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& report = inventory.iam.credential_report;
  if (!sink.require(report, kGlobalRegion)) return;
  const int max_age = sink.settings().access_key_max_age_days;
  for (const auto& row : *report) {
    if (IsRootRow(row)) continue;
    std::vector<std::string> old_keys, fresh_keys;
    for (const auto& key : AccessKeys(row)) {
      if (!key.active) continue;
      const std::string name = "access key " + std::to_string(key.number);
      const auto rotated = ParseTime(key.last_rotated);
      if (!rotated) {
        old_keys.push_back(name + " (creation date unknown)");
        continue;
      }
      const std::int64_t age = DaysSince(*rotated, inventory.collected_at);
      (age > max_age ? old_keys : fresh_keys)
          .push_back(name + " created " + DateOf(key.last_rotated) + " (" + Count(age, "day", "days") + " old)");
    }
    if (!old_keys.empty()) {
      sink.fail(kGlobalRegion, row.user, row.arn,
                base::Join(old_keys, "; ") + ": older than " + std::to_string(max_age) + " days");
    } else if (fresh_keys.empty()) {
      sink.pass(kGlobalRegion, row.user, row.arn, "has no active access key");
    } else {
      sink.pass(kGlobalRegion, row.user, row.arn, base::Join(fresh_keys, "; "));
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_user_access_key_rotated",
            .title = "Active access keys are rotated every 90 days",
            .severity = Severity::kMedium,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::User",
            .scope = "L",
            .fails_when = "an active key is older than 90 days",
            .risk = "The longer a key lives the more places it is copied to; an old key that leaked long ago still "
                    "works until it is rotated.",
            .remediation = "aws iam create-access-key --user-name <user>  # switch clients to the new key, then: aws "
                           "iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive",
            .remediation_terraform = "# replace the key: terraform apply -replace=aws_iam_access_key.<name> (and "
                                     "update its consumers)",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                        "id_credentials_access-keys.html#Using_RotateAccessKey",
            .reads = {POSTURE_FIELD(CredentialReportRow, user), POSTURE_FIELD(CredentialReportRow, access_key_1_active),
                      POSTURE_FIELD(CredentialReportRow, access_key_2_active),
                      POSTURE_FIELD(CredentialReportRow, access_key_1_last_rotated),
                      POSTURE_FIELD(CredentialReportRow, access_key_2_last_rotated)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_user_access_key_rotated
