#include <cstdlib>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_user_no_setup_access_keys {
namespace {

// A key rotated this close to the user's creation was created with the user.
constexpr std::int64_t kSetupToleranceSeconds = 300;

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& report = inventory.iam.credential_report;
  if (!sink.require(report, kGlobalRegion)) return;
  for (const auto& row : *report) {
    if (IsRootRow(row)) continue;
    const auto created = ParseTime(row.user_creation_time);
    std::vector<std::string> setup_keys;
    int active = 0;
    for (const auto& key : AccessKeys(row)) {
      if (!key.active) continue;
      ++active;
      const auto rotated = ParseTime(key.last_rotated);
      if (!created || !rotated || !key.last_used.empty()) continue;
      if (std::llabs(*rotated - *created) <= kSetupToleranceSeconds) {
        setup_keys.push_back("access key " + std::to_string(key.number));
      }
    }
    if (!setup_keys.empty()) {
      sink.fail(kGlobalRegion, row.user, row.arn,
                base::Join(setup_keys, " and ") + (setup_keys.size() > 1 ? " were" : " was") +
                    " created with the user on " + DateOf(row.user_creation_time) + " and " +
                    (setup_keys.size() > 1 ? "have" : "has") + " never been used");
    } else if (active == 0) {
      sink.pass(kGlobalRegion, row.user, row.arn, "has no active access key");
    } else {
      sink.pass(kGlobalRegion, row.user, row.arn,
                "its " + Count(active, "active access key was", "active access keys were") +
                    " created after the user or has been used");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_user_no_setup_access_keys",
            .title = "No access key created with its user and never used",
            .severity = Severity::kLow,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::User",
            .scope = "L",
            .fails_when = "an active key was created with the user and never used",
            .risk = "Keys created by default at user setup are often never needed; an unused long-lived key is a "
                    "credential that can leak without anyone noticing.",
            .remediation = "aws iam delete-access-key --user-name <user> --access-key-id <key-id>",
            .remediation_terraform = "# remove the aws_iam_access_key resource created with the user, then apply",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
            .reads = {POSTURE_FIELD(CredentialReportRow, user), POSTURE_FIELD(CredentialReportRow, user_creation_time),
                      POSTURE_FIELD(CredentialReportRow, access_key_1_active),
                      POSTURE_FIELD(CredentialReportRow, access_key_2_active),
                      POSTURE_FIELD(CredentialReportRow, access_key_1_last_rotated),
                      POSTURE_FIELD(CredentialReportRow, access_key_2_last_rotated),
                      POSTURE_FIELD(CredentialReportRow, access_key_1_last_used),
                      POSTURE_FIELD(CredentialReportRow, access_key_2_last_used)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_user_no_setup_access_keys
