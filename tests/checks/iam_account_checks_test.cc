// Fixture-driven cases for the IAM checks of the account: the root user,
// the password policy, console users' MFA, direct and full-admin policies.
#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

constexpr const char* kRootArn = "arn:aws:iam::123456789012:root";

std::vector<CheckCase> RootCases() {
  return {
      {"root_keys_absent",
       "iam_root_access_keys_absent",
       Estate().summary(Summary(false, true)),
       {In(Pass(kRoot, "the root user has no access keys"), "global")}},
      {"root_keys_present",
       "iam_root_access_keys_absent",
       Estate().summary(Summary(true, true)),
       {Fail(kRoot, "the root user has an access key")}},
      {"root_keys_summary_failed",
       "iam_root_access_keys_absent",
       Estate().fail("iam.account_summary"),
       {Error(kAccount, "iam:GetAccountSummary failed (access_denied", "global")}},

      {"root_mfa_on", "iam_root_mfa_enabled", Estate().summary(Summary(false, true)), {Pass(kRoot, "has MFA")}},
      {"root_mfa_off",
       "iam_root_mfa_enabled",
       Estate().summary(Summary(false, false)),
       {Fail(kRoot, "the root user has no MFA device")}},
      {"root_mfa_summary_failed",
       "iam_root_mfa_enabled",
       Estate().fail("iam.account_summary"),
       {Error(kAccount, "GetAccountSummary")}},

      {"hardware_mfa",
       "iam_root_hardware_mfa",
       Estate()
           .summary(Summary(false, true))
           .mfa_devices({MfaDevice("arn:aws:iam::123456789012:mfa/alice", "arn:aws:iam::123456789012:user/alice")}),
       {Pass(kRoot, "hardware device")}},
      {"virtual_root_mfa",
       "iam_root_hardware_mfa",
       Estate()
           .summary(Summary(false, true))
           .mfa_devices({MfaDevice("arn:aws:iam::123456789012:mfa/root-account-mfa-device", kRootArn)}),
       {Fail(kRoot, "virtual device (arn:aws:iam::123456789012:mfa/root-account-mfa-device)")}},
      {"virtual_root_mfa_by_user_arn",
       "iam_root_hardware_mfa",
       Estate().summary(Summary(false, true)).mfa_devices({MfaDevice("arn:aws:iam::123456789012:mfa/phone", kRootArn)}),
       {Fail(kRoot, "virtual device")}},
      {"unassigned_root_named_device",
       "iam_root_hardware_mfa",
       Estate()
           .summary(Summary(false, true))
           .mfa_devices({MfaDevice("arn:aws:iam::123456789012:mfa/root-account-mfa-device", "")}),
       {Pass(kRoot, "hardware device")}},
      {"no_root_mfa_at_all",
       "iam_root_hardware_mfa",
       Estate().summary(Summary(false, false)),
       {Fail(kRoot, "no MFA device at all")}},
      {"no_root_mfa_devices_unreadable",
       "iam_root_hardware_mfa",
       Estate().summary(Summary(false, false)).fail("iam.virtual_mfa_devices"),
       {Fail(kRoot, "no MFA device at all")}},
      {"hardware_mfa_devices_failed",
       "iam_root_hardware_mfa",
       Estate().summary(Summary(false, true)).fail("iam.virtual_mfa_devices"),
       {Error(kAccount, "iam:ListVirtualMFADevices")}},
      {"hardware_mfa_summary_failed",
       "iam_root_hardware_mfa",
       Estate().fail("iam.account_summary"),
       {Error(kAccount, "GetAccountSummary")}},
  };
}

std::vector<CheckCase> PasswordPolicyCases() {
  return {
      {"min_length_no_policy",
       "iam_password_policy_min_length",
       Estate().password_policy(std::nullopt),
       {In(Fail(kAccount, "the account has no password policy"), "global")}},
      {"min_length_short",
       "iam_password_policy_min_length",
       Estate().password_policy(Passwords(8, 24)),
       {Fail(kAccount, "requires at least 8 characters; it should require 14 or more")}},
      {"min_length_13",
       "iam_password_policy_min_length",
       Estate().password_policy(Passwords(13, 24)),
       {Fail(kAccount, "at least 13")}},
      {"min_length_14",
       "iam_password_policy_min_length",
       Estate().password_policy(Passwords(14, 0)),
       {Pass(kAccount, "requires at least 14 characters")}},
      {"min_length_failed",
       "iam_password_policy_min_length",
       Estate().fail("iam.password_policy"),
       {Error(kAccount, "GetAccountPasswordPolicy")}},

      {"reuse_no_policy",
       "iam_password_policy_reuse",
       Estate().password_policy(std::nullopt),
       {Fail(kAccount, "no password policy")}},
      {"reuse_unset",
       "iam_password_policy_reuse",
       Estate().password_policy(Passwords(14, 0)),
       {Fail(kAccount, "does not prevent password reuse")}},
      {"reuse_5",
       "iam_password_policy_reuse",
       Estate().password_policy(Passwords(14, 5)),
       {Fail(kAccount, "remembers only 5 previous passwords; it should remember 24")}},
      {"reuse_24",
       "iam_password_policy_reuse",
       Estate().password_policy(Passwords(8, 24)),
       {Pass(kAccount, "prevents reuse of the last 24 passwords")}},
      {"reuse_failed",
       "iam_password_policy_reuse",
       Estate().fail("iam.password_policy"),
       {Error(kAccount, "GetAccountPasswordPolicy")}},
  };
}

std::vector<CheckCase> ConsoleMfaCases() {
  const std::string id = "iam_user_console_mfa";
  return {
      {"console_users",
       id,
       Estate().report({Row("alice", true, false), Row("bob", true, true), Row("svc", false, false),
                        Row("legacy", std::nullopt, false)}),
       {Fail("alice", "has a console password but no MFA device"), Pass("bob", "an active MFA device"),
        Pass("svc", "has no console password"), Pass("legacy", "has no console password")}},
      {"console_root_row_skipped",
       id,
       Estate().report({Row("<root_account>", std::nullopt, false), Row("bob", true, true)}),
       {Pass("bob")}},
      {"console_no_root_row", id, Estate().report({Row("alice", true, false)}), {Fail("alice")}},
      {"console_report_failed",
       id,
       Estate().fail("iam.credential_report"),
       {Error(kAccount, "GetCredentialReport")}},
  };
}

std::vector<CheckCase> DirectPolicyCases() {
  const std::string id = "iam_user_no_direct_policies";
  return {
      {"direct_policies",
       id,
       Estate().users({User("alice", {"arn:aws:iam::aws:policy/AdministratorAccess"}),
                       User("bob", {}, {InlinePolicy{"s3-read", "{}"}, InlinePolicy{"logs", "{}"}}),
                       User("carol", {"arn:aws:iam::123456789012:policy/x"}, {InlinePolicy{"y", "{}"}}), User("dave")}),
       {Fail("alice", "has 1 attached policy (AdministratorAccess) directly"),
        Fail("bob", "has 2 inline policies (s3-read, logs) directly"),
        Fail("carol", "1 attached policy (x) and 1 inline policy (y)"),
        Pass("dave", "no attached or inline policies")}},
      {"direct_policies_failed",
       id,
       Estate().fail("iam.authorization"),
       {Error(kAccount, "GetAccountAuthorizationDetails")}},
  };
}

constexpr const char* kAdmin = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";
constexpr const char* kAdminList =
    R"({"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
                     {"Sid":"Everything","Effect":"Allow","Action":["s3:*","*:*"],"Resource":["arn:aws:s3:::b","*"]}]})";
constexpr const char* kNotAction =
    R"({"Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]})";
constexpr const char* kLimited = R"({"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},
                                                 {"Effect":"Deny","Action":"*","Resource":"*"}]})";

std::vector<CheckCase> FullAdminCases() {
  const std::string id = "iam_policy_no_full_admin";
  return {
      {"admin_customer_policies",
       id,
       Estate().policies({CustomerPolicy("Admin", 2, kAdmin), CustomerPolicy("Unattached", 0, kAdmin),
                          AwsPolicy("AdministratorAccess", 5, kAdmin), CustomerPolicy("ListAdmin", 1, kAdminList),
                          CustomerPolicy("NotActionAdmin", 1, kNotAction), CustomerPolicy("S3Only", 1, kLimited)}),
       {Fail("Admin", "attached to 2 entities; default version allows every action on every resource (statement 1)"),
        Fail("ListAdmin", "allows every action on every resource (statement \"Everything\")"),
        Fail("NotActionAdmin",
             "allows every action except iam:*, organizations:* on every resource (an Allow with "
             "NotAction grants nearly everything)"),
        Pass("S3Only", "does not grant full administrator access")}},
      {"admin_inline_policies",
       id,
       Estate()
           .users({User("alice", {}, {InlinePolicy{"god", kAdmin}, InlinePolicy{"s3", kLimited}})})
           .iam_groups({GroupPrincipal("ops", {InlinePolicy{"ops-admin", kAdminList}})})
           .roles({Role("deployer", {InlinePolicy{"deploy", kNotAction}})}),
       {Fail("alice/god", "inline policy of user alice: allows every action on every resource"), Pass("alice/s3"),
        Fail("ops/ops-admin", "inline policy of group ops"),
        Fail("deployer/deploy", "inline policy of role deployer: allows every action except")}},
      {"admin_malformed_document",
       id,
       Estate().policies({CustomerPolicy("Broken", 1, R"({"Statement": [)")}),
       {Error("Broken", "could not read the policy document: malformed policy JSON")}},
      {"admin_authorization_failed",
       id,
       Estate().fail("iam.authorization"),
       {Error(kAccount, "GetAccountAuthorizationDetails")}},
  };
}

INSTANTIATE_TEST_SUITE_P(Root, CheckCaseTest, ::testing::ValuesIn(RootCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(PasswordPolicy, CheckCaseTest, ::testing::ValuesIn(PasswordPolicyCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(ConsoleMfa, CheckCaseTest, ::testing::ValuesIn(ConsoleMfaCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(DirectPolicies, CheckCaseTest, ::testing::ValuesIn(DirectPolicyCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(FullAdmin, CheckCaseTest, ::testing::ValuesIn(FullAdminCases()), CaseName);

}  // namespace
}  // namespace posture::checks::testing
