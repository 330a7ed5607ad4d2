#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::iam_password_policy_min_length {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& policy = inventory.iam.password_policy;
  if (!sink.require(policy, kGlobalRegion)) return;
  const std::string& account = inventory.account_id;
  if (!policy->has_value()) {
    sink.fail(kGlobalRegion, account, RootArn(inventory),
              "the account has no password policy, so IAM passwords "
              "may be as short as 8 characters");
    return;
  }
  const int length = (*policy)->minimum_length;
  const int minimum = sink.settings().password_min_length;  // CIS 1.8: 14
  const std::string text = "the password policy requires at least " + std::to_string(length) + " characters";
  if (length < minimum) {
    sink.fail(kGlobalRegion, account, RootArn(inventory),
              text + "; it should require " + std::to_string(minimum) + " or more");
  } else {
    sink.pass(kGlobalRegion, account, RootArn(inventory), text);
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_password_policy_min_length",
            .title = "The IAM password policy requires at least 14 characters",
            .severity = Severity::kMedium,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L+C",
            .fails_when = "no password policy, or minimum length < 14",
            .risk = "Short passwords fall to guessing and credential-stuffing attacks against the console sign-in.",
            .remediation = "aws iam update-account-password-policy --minimum-password-length 14 "
                           "--password-reuse-prevention 24  # the call replaces the whole policy: repeat its other "
                           "settings",
            .remediation_terraform = "# Owns the whole policy: arguments left out revert to their defaults\n"
                                     "resource \"aws_iam_account_password_policy\" \"strict\" {\n"
                                     "  minimum_password_length   = 14\n"
                                     "  password_reuse_prevention = 24\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
            .reads = {POSTURE_FIELD(PasswordPolicy, minimum_length)},
            .declared_in_code_by = "aws_iam_account_password_policy",
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_password_policy_min_length
