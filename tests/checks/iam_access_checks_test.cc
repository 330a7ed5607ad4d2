// Fixture-driven cases for the IAM access checks: credential
// report ages, attached AWS-managed policies, server certificates, Access
// Analyzer, the security contact, federation, privilege escalation,
// service wildcards and role trust.
#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

constexpr std::int64_t kNow = 1780272000;                     // 2026-06-01T00:00:00Z
constexpr const char* kRecent = "2026-05-20T10:00:00+00:00";  // 11 days before kNow
constexpr const char* kOld = "2025-12-01T00:00:00+00:00";     // 182 days before kNow

CredentialReportRow RootRow(std::string password_last_used, std::string key_last_used = "") {
  CredentialReportRow row = Row(kRoot, std::nullopt, true);
  row.password_last_used = std::move(password_last_used);
  row.access_key_1_last_used = std::move(key_last_used);
  return row;
}

// A user created at `created` with optional keys: (active, last_rotated, last_used).
struct Key {
  bool active = true;
  std::string rotated;
  std::string used;
};
CredentialReportRow UserRow(std::string name, std::string created, std::optional<Key> key1 = std::nullopt,
                            std::optional<Key> key2 = std::nullopt) {
  CredentialReportRow row = Row(std::move(name), false, false);
  row.user_creation_time = std::move(created);
  if (key1) {
    row.access_key_1_active = key1->active;
    row.access_key_1_last_rotated = key1->rotated;
    row.access_key_1_last_used = key1->used;
  }
  if (key2) {
    row.access_key_2_active = key2->active;
    row.access_key_2_last_rotated = key2->rotated;
    row.access_key_2_last_used = key2->used;
  }
  return row;
}
CredentialReportRow ConsoleRow(std::string name, std::string created, std::string last_used,
                               std::string last_changed = "") {
  CredentialReportRow row = UserRow(std::move(name), std::move(created));
  row.password_enabled = true;
  row.password_last_used = std::move(last_used);
  row.password_last_changed = std::move(last_changed);
  return row;
}

std::vector<CheckCase> RootUsageCases() {
  const std::string id = "iam_root_not_used";
  return {
      {"root_used_recently",
       id,
       Estate().now(kNow).report({RootRow(kRecent)}),
       {In(Fail(kRoot, "signed in with its password on 2026-05-20 (11 days ago), within the last 90 days"), "global")}},
      {"root_key_used_recently",
       id,
       Estate().now(kNow).report({RootRow(kOld, kRecent)}),
       {Fail(kRoot, "used access key 1 on 2026-05-20")}},
      {"root_used_long_ago",
       id,
       Estate().now(kNow).report({RootRow(kOld)}),
       {Pass(kRoot, "not used in the last 90 days (last signed in with its password on 2025-12-01)")}},
      {"root_never_used", id, Estate().now(kNow).report({RootRow("")}), {Pass(kRoot, "records no use")}},
      {"root_row_missing",
       id,
       Estate().now(kNow).report({UserRow("alice", kOld)}),
       {Error(kAccount, "no <root_account> row")}},
      {"root_report_failed", id, Estate().fail("iam.credential_report"), {Error(kAccount, "GetCredentialReport")}},
  };
}

std::vector<CheckCase> SetupKeyCases() {
  const std::string id = "iam_user_no_setup_access_keys";
  return {
      {"setup_keys",
       id,
       Estate().now(kNow).report({
           RootRow(kOld),
           UserRow("setup", "2025-12-01T00:00:00+00:00", Key{true, "2025-12-01T00:00:30+00:00", ""}),
           UserRow("used", "2025-12-01T00:00:00+00:00", Key{true, "2025-12-01T00:00:10+00:00", kRecent}),
           UserRow("later", "2025-12-01T00:00:00+00:00", Key{true, "2026-01-15T00:00:00+00:00", ""}),
           UserRow("inactive", "2025-12-01T00:00:00+00:00", Key{false, "2025-12-01T00:00:10+00:00", ""}),
           UserRow("setup-two", "2025-12-01T00:00:00+00:00", Key{true, "2025-12-01T00:00:20+00:00", ""},
                   Key{true, "2025-12-01T00:00:40+00:00", ""}),
       }),
       {Fail("setup", "access key 1 was created with the user on 2025-12-01 and has never been used"),
        Pass("used", "1 active access key was created after the user or has been used"), Pass("later"),
        Pass("inactive", "has no active access key"),
        Fail("setup-two",
             "access key 1 and access key 2 were created with the user on 2025-12-01 and have never been "
             "used")}},
      {"setup_report_failed", id, Estate().fail("iam.credential_report"), {Error(kAccount, "GetCredentialReport")}},
  };
}

std::vector<CheckCase> UnusedCredentialCases() {
  const std::string id = "iam_user_unused_credentials";
  return {
      {"unused",
       id,
       Estate().now(kNow).report({
           ConsoleRow("stale-password", kOld, kOld),
           ConsoleRow("never-signed-in", kOld, "", kOld),
           ConsoleRow("active", kOld, kRecent),
           UserRow("stale-key", kOld, Key{true, kOld, ""}),
           UserRow("fresh-key", kRecent, Key{true, kRecent, ""}),
           UserRow("nothing", kOld),
       }),
       {Fail("stale-password", "console password last used 2025-12-01 (182 days ago): unused for 45 days or more"),
        Fail("never-signed-in", "console password never used since 2025-12-01"), Pass("active"),
        Fail("stale-key", "access key 1 never used since 2025-12-01"),
        Pass("fresh-key", "no credential has gone unused for 45 days or more"),
        Pass("nothing", "no console password and no active access key")}},
      {"unused_report_failed",
       id,
       Estate().fail("iam.credential_report"),
       {Error(kAccount, "GetCredentialReport")}},
  };
}

std::vector<CheckCase> KeyCases() {
  return {
      {"two_active_keys",
       "iam_user_single_active_key",
       Estate().now(kNow).report({RootRow(""), UserRow("two", kOld, Key{true, kOld, ""}, Key{true, kRecent, ""}),
                                  UserRow("one", kOld, Key{true, kOld, ""}, Key{false, kOld, ""})}),
       {Fail("two", "has 2 active access keys"), Pass("one", "has 1 active access key")}},
      {"single_key_report_failed",
       "iam_user_single_active_key",
       Estate().fail("iam.credential_report"),
       {Error(kAccount, "GetCredentialReport")}},

      {"key_age",
       "iam_user_access_key_rotated",
       Estate().now(kNow).report({UserRow("old", kOld, Key{true, kOld, kRecent}),
                                  UserRow("new", kOld, Key{true, kRecent, ""}),
                                  UserRow("old-inactive", kOld, Key{false, kOld, ""})}),
       {Fail("old", "access key 1 created 2025-12-01 (182 days old): older than 90 days"),
        Pass("new", "access key 1 created 2026-05-20 (11 days old)"), Pass("old-inactive", "no active access key")}},
      {"key_age_report_failed",
       "iam_user_access_key_rotated",
       Estate().fail("iam.credential_report"),
       {Error(kAccount, "GetCredentialReport")}},
  };
}

IamUser UserWithGroups(std::string name, std::vector<std::string> attached, std::vector<std::string> groups) {
  IamUser user = User(std::move(name), std::move(attached));
  user.groups = std::move(groups);
  return user;
}
IamGroup AttachedGroup(std::string name, std::vector<std::string> attached) {
  IamGroup group = GroupPrincipal(std::move(name), {});
  group.attached_policy_arns = std::move(attached);
  return group;
}
IamRole TrustRole(std::string name, std::string trust, std::vector<std::string> attached = {}) {
  IamRole role = Role(std::move(name), {});
  role.assume_role_policy_document = std::move(trust);
  role.attached_policy_arns = std::move(attached);
  return role;
}

constexpr const char* kSupport = "arn:aws:iam::aws:policy/AWSSupportAccess";
constexpr const char* kCloudShell = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";

std::vector<CheckCase> AttachedPolicyCases() {
  return {
      {"support_role",
       "iam_support_role_exists",
       Estate().roles({TrustRole("support", "{}", {kSupport})}),
       {In(Pass(kAccount, "AWSSupportAccess is attached to role support"), "global")}},
      {"support_group",
       "iam_support_role_exists",
       Estate().iam_groups({AttachedGroup("helpdesk", {kSupport})}),
       {Pass(kAccount, "group helpdesk")}},
      {"no_support_role",
       "iam_support_role_exists",
       Estate().users({User("alice", {kCloudShell})}),
       {Fail(kAccount, "AWSSupportAccess is attached to no user, group or role")}},
      {"support_failed", "iam_support_role_exists", Estate().fail("iam.authorization"), {Error(kAccount)}},

      {"cloudshell_attached",
       "iam_cloudshell_full_access_restricted",
       Estate().users({User("alice", {kCloudShell}), User("bob")}).iam_groups({AttachedGroup("devs", {kCloudShell})}),
       {Fail("alice", "user alice has AWSCloudShellFullAccess attached"), Fail("devs", "group devs")}},
      {"cloudshell_not_attached",
       "iam_cloudshell_full_access_restricted",
       Estate().users({User("bob", {kSupport})}),
       {Pass(kAccount, "AWSCloudShellFullAccess is attached to no user, group or role")}},
      {"cloudshell_failed",
       "iam_cloudshell_full_access_restricted",
       Estate().fail("iam.authorization"),
       {Error(kAccount, "GetAccountAuthorizationDetails")}},
  };
}

ServerCertificate Cert(std::string name, std::string expiration) {
  return {name, "arn:aws:iam::123456789012:server-certificate/" + name, std::move(expiration)};
}
AccessAnalyzer Analyzer(std::string type, std::string status) {
  return {"arn:aws:access-analyzer:us-east-1:123456789012:analyzer/a", "a", std::move(type), std::move(status)};
}

std::vector<CheckCase> AccountCases() {
  return {
      {"certificates",
       "iam_server_cert_not_expired",
       Estate().now(kNow).server_certificates(
           {Cert("expired", "2026-05-20T00:00:00Z"), Cert("valid", "2027-06-01T00:00:00Z"), Cert("odd", "soon")}),
       {Fail("expired", "expired on 2026-05-20 (12 days ago)"), Pass("valid", "valid until 2027-06-01 (365 days left)"),
        Error("odd", "could not be read")}},
      {"certificates_failed",
       "iam_server_cert_not_expired",
       Estate().fail("iam.server_certificates"),
       {Error(kAccount, "iam:ListServerCertificates")}},

      {"analyzers",
       "accessanalyzer_enabled",
       Estate()
           .add_region(kOtherRegion)
           .add_region("ap-south-1")
           .analyzers({Analyzer("ACCOUNT", "ACTIVE")})
           .analyzers({Analyzer("ACCOUNT_UNUSED_ACCESS", "ACTIVE"), Analyzer("ORGANIZATION", "CREATING")},
                      kOtherRegion),
       {In(Pass(kAccount, "active IAM Access Analyzer: a (ACCOUNT, ACTIVE)"), kRegion),
        In(Fail(kAccount, "no active account or organization analyzer in eu-west-1"), kOtherRegion),
        In(Fail(kAccount, "no IAM Access Analyzer in ap-south-1"), "ap-south-1")}},
      {"analyzers_failed",
       "accessanalyzer_enabled",
       Estate()
           .add_region(kOtherRegion)
           .analyzers({Analyzer("ORGANIZATION", "ACTIVE")})
           .fail("accessanalyzer.analyzers", kOtherRegion),
       {In(Pass(kAccount), kRegion), Error(kAccount, "ListAnalyzers", kOtherRegion)}},

      {"security_contact_missing",
       "account_security_contact",
       Estate(),
       {In(Fail(kAccount, "no SECURITY alternate contact is registered"), "global")}},
      {"security_contact_set",
       "account_security_contact",
       Estate().security_contact(AlternateContact{"Sec Team", "sec@example.com", "+1", "CISO"}),
       {Pass(kAccount, "the SECURITY contact is Sec Team <sec@example.com>")}},
      {"security_contact_failed",
       "account_security_contact",
       Estate().fail("account.security_contact"),
       {Error(kAccount, "account:GetAlternateContact")}},

      {"federation_sso",
       "iam_federation_in_use",
       Estate().sso({Sso()}).fail("iam.identity_providers"),
       {Pass(kAccount, "IAM Identity Center (arn:aws:sso:::instance/ssoins-1 (us-east-1))")}},
      {"federation_saml",
       "iam_federation_in_use",
       Estate().identity_providers({{"arn:aws:iam::123456789012:saml-provider/corp"}, {}}),
       {Pass(kAccount, "SAML providers arn:aws:iam::123456789012:saml-provider/corp")}},
      {"federation_none",
       "iam_federation_in_use",
       Estate(),
       {Fail(kAccount, "no IAM Identity Center instance and no SAML or OIDC identity provider")}},
      {"federation_providers_failed",
       "iam_federation_in_use",
       Estate().fail("iam.identity_providers"),
       {Error(kAccount, "iam:ListSAMLProviders")}},
      {"federation_sso_failed",
       "iam_federation_in_use",
       Estate().fail("identity_center.instances"),
       {Error(kAccount, "sso-admin:ListInstances")}},
  };
}

std::string Allow(const std::string& actions, const std::string& resource = "\"*\"") {
  return R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":)" + actions + R"(,"Resource":)" +
         resource + "}]}";
}

std::vector<CheckCase> EscalationCases() {
  const std::string id = "iam_no_privilege_escalation";
  const ManagedPolicy pass_and_run = CustomerPolicy("launcher", 1, Allow(R"(["iam:PassRole","ec2:RunInstances"])"));
  const ManagedPolicy read_only = CustomerPolicy("reader", 1, Allow(R"(["s3:Get*","ec2:Describe*"])"));
  return {
      {"escalation_paths",
       id,
       Estate()
           .policies({pass_and_run, read_only})
           .iam_groups({AttachedGroup("ops", {pass_and_run.arn})})
           .users({UserWithGroups("op", {}, {"ops"}), User("reader", {read_only.arn}),
                   User("writer", {}, {InlinePolicy{"w", Allow(R"("iam:Put*Policy")")}}),
                   User("self-keys", {},
                        {InlinePolicy{"k",
                                      Allow(R"("iam:CreateAccessKey")", R"("arn:aws:iam::*:user/${aws:username}")")}}),
                   User("iam-admin", {"arn:aws:iam::aws:policy/IAMFullAccess"}),
                   User("mystery", {"arn:aws:iam::aws:policy/AmazonSQSFullAccess"})})
           .roles({TrustRole("runner", "{}", {pass_and_run.arn})}),
       {Fail("op",
             "user op can escalate its privileges through 1 path: iam:PassRole with ec2:RunInstances: it can launch "
             "an instance with a more privileged role and use that role's credentials (granted by managed policy "
             "launcher via group ops)"),
        Pass("reader", "user reader has no known privilege escalation path"),
        Fail("writer",
             "iam:PutUserPolicy: it can write an inline policy granting anything to a user (granted by "
             "inline policy w)"),
        Pass("self-keys", "no known privilege escalation path"),
        Fail("iam-admin",
             "through 13 paths: iam:CreatePolicyVersion, iam:SetDefaultPolicyVersion, iam:AttachUserPolicy, "),
        Pass("mystery", "not evaluated: AWS-managed arn:aws:iam::aws:policy/AmazonSQSFullAccess"),
        Fail("runner", "role runner can escalate")}},
      {"escalation_denied",
       id,
       Estate().users(
           {User("fenced", {},
                 {InlinePolicy{"a", Allow(R"("iam:*")")},
                  InlinePolicy{"d", R"({"Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]})"}})}),
       {Pass("fenced", "no known privilege escalation path")}},
      {"escalation_bad_policy",
       id,
       Estate().users({User("broken", {}, {InlinePolicy{"b", "{not json"}})}),
       {Error("broken", "could not read inline policy b: malformed policy JSON")}},
      {"escalation_failed",
       id,
       Estate().fail("iam.authorization"),
       {Error(kAccount, "GetAccountAuthorizationDetails")}},
  };
}

std::vector<CheckCase> ServiceWildcardCases() {
  const std::string id = "iam_policy_no_service_wildcard";
  return {
      {"service_wildcards",
       id,
       Estate()
           .policies({CustomerPolicy("kms-all", 2, Allow(R"(["kms:*","logs:*"])")),
                      CustomerPolicy("scoped-s3", 1, Allow(R"("s3:*")", R"("arn:aws:s3:::logs/*")")),
                      CustomerPolicy("admin", 1, Allow(R"("*")")), CustomerPolicy("unused", 0, Allow(R"("iam:*")"))})
           .users({User("bob", {"arn:aws:iam::aws:policy/AmazonS3FullAccess"},
                        {InlinePolicy{"sts", Allow(R"("STS:*")")}})}),
       {Fail("kms-all", "attached to 2 entities; default version allows kms:* (statement 1) on every resource"),
        Pass("scoped-s3", "grants no iam:*, kms:*, sts:* or s3:* on every resource"),
        Pass("admin", "its \"*\" (every action) grant is reported by iam_policy_no_full_admin"),
        Fail("AmazonS3FullAccess", "AWS-managed, attached; allows s3:*"),
        Fail("bob/sts", "inline policy of user bob allows sts:*")}},
      {"service_wildcard_failed", id, Estate().fail("iam.authorization"), {Error(kAccount)}},
  };
}

std::string Trust(const std::string& principal, const std::string& condition = "") {
  std::string statement = R"({"Effect":"Allow","Principal":)" + principal + R"(,"Action":"sts:AssumeRole")";
  if (!condition.empty()) statement += R"(,"Condition":)" + condition;
  return R"({"Version":"2012-10-17","Statement":[)" + statement + "}]}";
}

std::vector<CheckCase> TrustCases() {
  const std::string id = "iam_role_trust_restricted";
  return {
      {"trust",
       id,
       Estate().roles({
           TrustRole("ec2", Trust(R"({"Service":"ec2.amazonaws.com"})")),
           TrustRole("same-account", Trust(R"({"AWS":"arn:aws:iam::123456789012:root"})")),
           TrustRole("anyone", Trust(R"({"AWS":"*"})")),
           TrustRole("star", Trust(R"("*")")),
           TrustRole("org-wide", Trust(R"("*")", R"({"StringEquals":{"aws:PrincipalOrgID":"o-abc"}})")),
           TrustRole("vendor", Trust(R"({"AWS":"arn:aws:iam::999988887777:root"})")),
           TrustRole("vendor-guarded",
                     Trust(R"({"AWS":["999988887777"]})", R"({"StringEquals":{"sts:ExternalId":"x-1"}})")),
           TrustRole("bad", "[]"),
       }),
       {Pass("ec2", "trust policy admits only this account"), Pass("same-account"),
        Fail("anyone", "trust policy allows any AWS principal (\"*\") to assume it"), Fail("star", "any AWS principal"),
        Pass("org-wide"),
        Fail("vendor",
             "arn:aws:iam::999988887777:root (account 999988887777) without sts:ExternalId or an "
             "organization condition"),
        Pass("vendor-guarded"), Error("bad", "could not read the trust policy")}},
      {"trust_failed", id, Estate().fail("iam.authorization"), {Error(kAccount)}},
  };
}

INSTANTIATE_TEST_SUITE_P(RootUsage, CheckCaseTest, ::testing::ValuesIn(RootUsageCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(SetupKeys, CheckCaseTest, ::testing::ValuesIn(SetupKeyCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(UnusedCredentials, CheckCaseTest, ::testing::ValuesIn(UnusedCredentialCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(AccessKeys, CheckCaseTest, ::testing::ValuesIn(KeyCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(AttachedPolicies, CheckCaseTest, ::testing::ValuesIn(AttachedPolicyCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(AccountSettings, CheckCaseTest, ::testing::ValuesIn(AccountCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Escalation, CheckCaseTest, ::testing::ValuesIn(EscalationCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(ServiceWildcard, CheckCaseTest, ::testing::ValuesIn(ServiceWildcardCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Trust, CheckCaseTest, ::testing::ValuesIn(TrustCases()), CaseName);

}  // namespace
}  // namespace posture::checks::testing
