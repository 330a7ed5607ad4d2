#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_user_unused_credentials {
namespace {

// How long ago a credential was last used, or when never used, issued:
// "password last used 2025-01-02 (300 days ago)". nullopt when recent.
std::optional<std::string> Stale(const std::string& what, const std::string& last_used, const std::string& issued,
                                 std::int64_t now, int threshold) {
  const bool used = !last_used.empty();
  const std::string& reference = used ? last_used : issued;
  const auto at = ParseTime(reference);
  if (!at) return std::nullopt;  // nothing to measure from
  const std::int64_t days = DaysSince(*at, now);
  if (days < threshold) return std::nullopt;
  return what + (used ? " last used " : " never used since ") + DateOf(reference) + " (" + Count(days, "day", "days") +
         " ago)";
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& report = inventory.iam.credential_report;
  if (!sink.require(report, kGlobalRegion)) return;
  const int threshold = sink.settings().credential_unused_days;
  const std::int64_t now = inventory.collected_at;
  for (const auto& row : *report) {
    if (IsRootRow(row)) continue;
    std::vector<std::string> stale;
    int credentials = 0;
    if (IsConsoleUser(row)) {
      ++credentials;
      const std::string& issued =
          row.password_last_changed.empty() ? row.user_creation_time : row.password_last_changed;
      if (auto s = Stale("console password", row.password_last_used, issued, now, threshold)) stale.push_back(*s);
    }
    for (const auto& key : AccessKeys(row)) {
      if (!key.active) continue;
      ++credentials;
      const std::string& issued = key.last_rotated.empty() ? row.user_creation_time : key.last_rotated;
      if (auto s = Stale("access key " + std::to_string(key.number), key.last_used, issued, now, threshold)) {
        stale.push_back(*s);
      }
    }
    if (!stale.empty()) {
      sink.fail(kGlobalRegion, row.user, row.arn,
                base::Join(stale, "; ") + ": unused for " + std::to_string(threshold) + " days or more");
    } else if (credentials == 0) {
      sink.pass(kGlobalRegion, row.user, row.arn, "has no console password and no active access key");
    } else {
      sink.pass(kGlobalRegion, row.user, row.arn,
                "no credential has gone unused for " + std::to_string(threshold) + " days or more");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_user_unused_credentials",
            .title = "Credentials unused for 45 days or more are disabled",
            .severity = Severity::kMedium,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::User",
            .scope = "L",
            .fails_when = "a password or active key unused for 45+ days",
            .risk = "Passwords and keys nobody uses are nobody's to notice when they are stolen; removing them "
                    "shrinks what an attacker can find and use.",
            .remediation = "aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive "
                           "&& aws iam delete-login-profile --user-name <user>",
            .remediation_terraform = "# remove the unused aws_iam_access_key / aws_iam_user_login_profile resources "
                                     "(or set status = \"Inactive\" on the key) and apply",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html",
            .reads = {POSTURE_EVERY_FIELD(CredentialReportRow)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_user_unused_credentials
