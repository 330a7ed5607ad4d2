#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::iam_password_policy_reuse {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& policy = inventory.iam.password_policy;
  if (!sink.require(policy, kGlobalRegion)) return;
  const std::string& account = inventory.account_id;
  if (!policy->has_value()) {
    sink.fail(kGlobalRegion, account, RootArn(inventory),
              "the account has no password policy, so IAM users may "
              "reuse old passwords");
    return;
  }
  const int remembered = (*policy)->reuse_prevention;
  const int minimum = sink.settings().password_reuse_prevention;  // CIS 1.9: 24
  if (remembered >= minimum) {
    sink.pass(kGlobalRegion, account, RootArn(inventory),
              "the password policy prevents reuse of the last " + std::to_string(remembered) + " passwords");
    return;
  }
  const std::string text =
      remembered == 0 ? "the password policy does not prevent password reuse"
                      : "the password policy remembers only " + std::to_string(remembered) + " previous passwords";
  sink.fail(kGlobalRegion, account, RootArn(inventory), text + "; it should remember " + std::to_string(minimum));
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_password_policy_reuse",
            .title = "The IAM password policy prevents reuse of the last 24 passwords",
            .severity = Severity::kMedium,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L+C",
            .fails_when = "no policy, or it remembers < 24 passwords",
            .risk = "Users who cycle back to old passwords keep credentials alive that may already have leaked.",
            .remediation = "aws iam update-account-password-policy --password-reuse-prevention 24 "
                           "--minimum-password-length 14  # the call replaces the whole policy: repeat its other "
                           "settings",
            .remediation_terraform = "# Owns the whole policy: arguments left out revert to their defaults\n"
                                     "resource \"aws_iam_account_password_policy\" \"strict\" {\n"
                                     "  minimum_password_length   = 14\n"
                                     "  password_reuse_prevention = 24\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
            .reads = {POSTURE_FIELD(PasswordPolicy, reuse_prevention)},
            .declared_in_code_by = "aws_iam_account_password_policy",
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_password_policy_reuse
