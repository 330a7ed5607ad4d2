#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_root_not_used {
namespace {

struct Use {
  std::string what;  // "its password", "access key 1"
  std::string when;  // ISO 8601
  std::int64_t at = 0;
};

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& report = inventory.iam.credential_report;
  if (!sink.require(report, kGlobalRegion)) return;
  const inventory::CredentialReportRow* root = nullptr;
  for (const auto& row : *report) {
    if (IsRootRow(row)) root = &row;
  }
  if (root == nullptr) {
    sink.account_error(kGlobalRegion, "the credential report has no <root_account> row, so root usage is unknown");
    return;
  }
  std::vector<Use> uses;
  auto add = [&](std::string what, const std::string& when) {
    if (auto at = ParseTime(when)) uses.push_back({std::move(what), when, *at});
  };
  add("signed in with its password", root->password_last_used);
  for (const auto& key : AccessKeys(*root)) add("used access key " + std::to_string(key.number), key.last_used);

  const int window = sink.settings().root_usage_window_days;
  const std::int64_t now = inventory.collected_at;
  std::vector<std::string> recent;
  const Use* latest = nullptr;
  for (const auto& use : uses) {
    const std::int64_t days = DaysSince(use.at, now);
    if (days < window)
      recent.push_back(use.what + " on " + DateOf(use.when) + " (" + Count(days, "day", "days") + " ago)");
    if (latest == nullptr || use.at > latest->at) latest = &use;
  }
  const std::string arn = root->arn.empty() ? RootArn(inventory) : root->arn;
  if (!recent.empty()) {
    sink.fail(kGlobalRegion, kRootReportUser, arn,
              "the root user " + base::Join(recent, "; ") + ", within the last " + std::to_string(window) + " days");
  } else if (latest != nullptr) {
    sink.pass(kGlobalRegion, kRootReportUser, arn,
              "the root user was not used in the last " + std::to_string(window) + " days (last " + latest->what +
                  " on " + DateOf(latest->when) + ")");
  } else {
    sink.pass(kGlobalRegion, kRootReportUser, arn, "the credential report records no use of the root user");
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_root_not_used",
            .title = "The root user is not used for everyday access",
            .severity = Severity::kHigh,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .fails_when = "root password or key used in the last 90 days",
            .risk = "The root user cannot be restricted by IAM policies; every use of it exposes credentials that "
                    "give complete, unrecoverable control of the account.",
            .remediation = "aws iam create-user --user-name admin && aws iam attach-user-policy --user-name admin "
                           "--policy-arn arn:aws:iam::aws:policy/AdministratorAccess  # then sign in as that "
                           "user (or through IAM Identity Center) and stop using root",
            .remediation_terraform = "# Terraform cannot stop root sign-ins: create named administrators "
                                     "(aws_iam_user / aws_ssoadmin_account_assignment) and lock the root "
                                     "credentials away",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html",
            .reads = {POSTURE_FIELD(CredentialReportRow, user), POSTURE_FIELD(CredentialReportRow, password_last_used),
                      POSTURE_FIELD(CredentialReportRow, access_key_1_last_used),
                      POSTURE_FIELD(CredentialReportRow, access_key_2_last_used)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_root_not_used
