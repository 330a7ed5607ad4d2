// The IAM collector: account summary, password policy, authorization
// details with URL-encoded documents, MFA devices and the credential report.
#include <gtest/gtest.h>

#include <chrono>

#include "collect/collect.h"
#include "collect/credential_report.h"
#include "collect/fake_aws.h"
#include "collect/fixtures.h"
#include "collect/support.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using testing::Call;
using testing::FakeAws;
using testing::IamXml;
using testing::Xml;
using testing::XmlError;

using IamCollectorTest = testing::CollectorTest;

TEST_F(IamCollectorTest, AccountSummaryKeepsEveryValue) {
  auto inventory = Collect({"iam.account_summary"});
  ASSERT_TRUE(inventory.iam.account_summary.ok());
  EXPECT_TRUE(inventory.iam.account_summary->root_mfa_enabled);
  EXPECT_FALSE(inventory.iam.account_summary->root_access_keys_present);
  EXPECT_EQ(inventory.iam.account_summary->values,
            (std::map<std::string, long>{{"Users", 2}, {"AccountMFAEnabled", 1}, {"AccountAccessKeysPresent", 0}}));
  // Global: sent to the client's default region, reported without one.
  EXPECT_EQ(aws_.calls().back().region, "us-east-1");
}

TEST_F(IamCollectorTest, PasswordPolicyFields) {
  auto inventory = Collect({"iam.password_policy"});
  ASSERT_TRUE(inventory.iam.password_policy.ok());
  ASSERT_TRUE(inventory.iam.password_policy->has_value());
  const inv::PasswordPolicy& policy = **inventory.iam.password_policy;
  EXPECT_EQ(policy.minimum_length, 14);
  EXPECT_EQ(policy.reuse_prevention, 24);
  EXPECT_EQ(policy.max_age_days, 90);
  EXPECT_TRUE(policy.require_lowercase);
  EXPECT_FALSE(policy.require_uppercase);
  EXPECT_TRUE(policy.require_numbers);
  EXPECT_FALSE(policy.require_symbols);
}

TEST_F(IamCollectorTest, NoPasswordPolicyIsAValueNotAnError) {
  aws_.on("iam", "GetAccountPasswordPolicy",
          XmlError(404, "NoSuchEntity", "The Password Policy with domain name 123456789012 cannot be found."));
  auto inventory = Collect({"iam.password_policy"});
  ASSERT_TRUE(inventory.iam.password_policy.ok());
  EXPECT_FALSE(inventory.iam.password_policy->has_value());
  EXPECT_TRUE(inventory.errors.empty());
}

TEST_F(IamCollectorTest, AuthorizationDetailsWithDecodedDocuments) {
  auto inventory = Collect({"iam.authorization"});
  ASSERT_TRUE(inventory.iam.authorization.ok());
  const inv::AuthorizationDetails& details = *inventory.iam.authorization;

  ASSERT_EQ(details.users.size(), 1u);
  const inv::IamUser& alice = details.users[0];
  EXPECT_EQ(alice.name, "alice");
  EXPECT_EQ(alice.arn, "arn:aws:iam::123456789012:user/alice");
  EXPECT_EQ(alice.id, "AIDAALICE");
  EXPECT_EQ(alice.groups, (std::vector<std::string>{"Admins", "Readers"}));
  EXPECT_EQ(alice.attached_policy_arns, std::vector<std::string>{"arn:aws:iam::aws:policy/AdministratorAccess"});
  ASSERT_EQ(alice.inline_policies.size(), 1u);
  EXPECT_EQ(alice.inline_policies[0].name, "inline-admin");
  EXPECT_EQ(alice.inline_policies[0].document, testing::kAdminPolicy);

  ASSERT_EQ(details.groups.size(), 1u);
  EXPECT_EQ(details.groups[0].name, "Readers");
  EXPECT_EQ(details.groups[0].arn, "arn:aws:iam::123456789012:group/Readers");
  EXPECT_EQ(details.groups[0].attached_policy_arns,
            std::vector<std::string>{"arn:aws:iam::123456789012:policy/custom-admin"});
  ASSERT_EQ(details.groups[0].inline_policies.size(), 1u);
  // '+' arrives as %2B and spaces as %20: both decode exactly.
  EXPECT_EQ(details.groups[0].inline_policies[0].document, testing::kReadPolicy);

  ASSERT_EQ(details.roles.size(), 1u);
  EXPECT_EQ(details.roles[0].name, "web");
  EXPECT_EQ(details.roles[0].assume_role_policy_document, testing::kTrustPolicy);
  EXPECT_TRUE(details.roles[0].inline_policies.empty());

  // The unattached AWS-managed policy is left out.
  ASSERT_EQ(details.policies.size(), 2u);
  const inv::ManagedPolicy& custom = details.policies[0];
  EXPECT_EQ(custom.arn, "arn:aws:iam::123456789012:policy/custom-admin");
  EXPECT_EQ(custom.name, "custom-admin");
  EXPECT_FALSE(custom.aws_managed);
  EXPECT_EQ(custom.attachment_count, 1);
  EXPECT_EQ(custom.default_version_document, testing::kAdminPolicy);  // v2, the default
  EXPECT_TRUE(details.policies[1].aws_managed);
  EXPECT_EQ(details.policies[1].name, "AdministratorAccess");

  auto calls = aws_.calls();
  EXPECT_EQ(calls.back().param("MaxItems"), "1000");
  EXPECT_EQ(calls.back().param("Filter.member.1"), "User");
  EXPECT_EQ(calls.back().param("Filter.member.4"), "LocalManagedPolicy");
  EXPECT_EQ(calls.back().param("Filter.member.5"), "");  // AWS-managed documents are not fetched
}

TEST_F(IamCollectorTest, AuthorizationDetailsPagesAreMerged) {
  aws_.on("iam", "GetAccountAuthorizationDetails", [](const Call& call) {
    if (call.param("Marker").empty()) {
      return Xml(testing::AuthorizationDetailsXml(testing::UserDetails(), "marker-2"));
    }
    return Xml(testing::AuthorizationDetailsXml(testing::GroupAndRoleDetails() + testing::PolicyDetails()));
  });
  auto inventory = Collect({"iam.authorization"});
  ASSERT_TRUE(inventory.iam.authorization.ok());
  EXPECT_EQ(inventory.iam.authorization->users.size(), 1u);
  EXPECT_EQ(inventory.iam.authorization->groups.size(), 1u);
  EXPECT_EQ(inventory.iam.authorization->roles.size(), 1u);
  EXPECT_EQ(inventory.iam.authorization->policies.size(), 2u);
  EXPECT_EQ(aws_.count("iam:GetAccountAuthorizationDetails"), 2u);
  EXPECT_EQ(aws_.calls().back().param("Marker"), "marker-2");
}

TEST_F(IamCollectorTest, AManagedPolicyWithoutANameIsNamedFromItsArn) {
  std::string member = testing::PolicyMember("arn:aws:iam::123456789012:policy/team/FullAdmin", "FullAdmin", 1,
                                             testing::kAdminPolicy, testing::kAdminPolicy);
  member.replace(member.find("<PolicyName>FullAdmin</PolicyName>"),
                 std::string("<PolicyName>FullAdmin</PolicyName>").size(), "");
  aws_.on("iam", "GetAccountAuthorizationDetails",
          Xml(testing::AuthorizationDetailsXml("<Policies>" + member + "</Policies>")));
  auto inventory = Collect({"iam.authorization"});
  ASSERT_TRUE(inventory.iam.authorization.ok());
  ASSERT_EQ(inventory.iam.authorization->policies.size(), 1u);
  EXPECT_EQ(inventory.iam.authorization->policies[0].name, "FullAdmin");
}

TEST_F(IamCollectorTest, VirtualMfaDevicesIncludingRoot) {
  auto inventory = Collect({"iam.virtual_mfa_devices"});
  ASSERT_TRUE(inventory.iam.virtual_mfa_devices.ok());
  const auto& devices = *inventory.iam.virtual_mfa_devices;
  ASSERT_EQ(devices.size(), 2u);
  EXPECT_EQ(devices[0].serial_number, "arn:aws:iam::123456789012:mfa/root-account-mfa-device");
  EXPECT_EQ(devices[0].user_arn, "arn:aws:iam::123456789012:root");
  EXPECT_EQ(devices[1].user_arn, "");  // unassigned
}

TEST_F(IamCollectorTest, CredentialReportIsPolledUntilComplete) {
  aws_.on("iam", "GenerateCredentialReport", Xml(testing::GenerateReportXml("STARTED")));
  int gets = 0;
  aws_.on("iam", "GetCredentialReport", [&gets](const Call&) {
    ++gets;
    if (gets == 1) return XmlError(410, "ReportNotPresent", "Credential report not present");
    if (gets == 2) return XmlError(404, "ReportInProgress", "Credential report is being generated");
    return Xml(testing::CredentialReportXml(testing::kCredentialReportCsv));
  });
  std::vector<std::chrono::milliseconds> sleeps;
  ReportPolling polling;
  polling.sleep = [&](std::chrono::milliseconds d) { sleeps.push_back(d); };
  auto report = FetchCredentialReport(aws_.client(), polling);
  ASSERT_TRUE(report.ok()) << report.error->message;
  EXPECT_EQ(report->size(), 3u);
  EXPECT_EQ(aws_.count("iam:GenerateCredentialReport"), 1u);
  EXPECT_EQ(aws_.count("iam:GetCredentialReport"), 3u);
  using std::chrono::milliseconds;
  EXPECT_EQ(sleeps, (std::vector<milliseconds>{milliseconds(200), milliseconds(400), milliseconds(800)}));
}

TEST_F(IamCollectorTest, CompleteReportIsFetchedWithoutWaiting) {
  auto started = std::chrono::steady_clock::now();
  auto inventory = Collect({"iam.credential_report"});
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(150));
  ASSERT_TRUE(inventory.iam.credential_report.ok());
  EXPECT_EQ(aws_.count("iam:GetCredentialReport"), 1u);
}

TEST_F(IamCollectorTest, ReportNeverReadyGivesUpWithinTheBound) {
  aws_.on("iam", "GenerateCredentialReport", Xml(testing::GenerateReportXml("STARTED")));
  aws_.on("iam", "GetCredentialReport", XmlError(404, "ReportInProgress", "Credential report is being generated"));
  std::chrono::milliseconds slept{0};
  ReportPolling polling;
  polling.sleep = [&](std::chrono::milliseconds d) { slept += d; };
  auto report = FetchCredentialReport(aws_.client(), polling);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error->operation, "GetCredentialReport");
  EXPECT_EQ(report.error->kind, "service_unavailable");
  EXPECT_LE(slept, polling.max_total_sleep);
  EXPECT_GE(slept, std::chrono::milliseconds(25000));
  EXPECT_LE(aws_.count("iam:GetCredentialReport"), static_cast<size_t>(polling.max_polls));
}

TEST_F(IamCollectorTest, DeniedReportGenerationIsTheSectionsError) {
  aws_.on("iam", "GenerateCredentialReport",
          XmlError(403, "AccessDenied", "not authorized to perform: iam:GenerateCredentialReport"));
  auto inventory = Collect({"iam.credential_report", "iam.account_summary"});
  ASSERT_FALSE(inventory.iam.credential_report.ok());
  EXPECT_EQ(inventory.iam.credential_report.error->operation, "GenerateCredentialReport");
  EXPECT_EQ(inventory.iam.credential_report.error->kind, "access_denied");
  EXPECT_TRUE(inventory.iam.account_summary.ok());
  EXPECT_EQ(aws_.count("iam:GetCredentialReport"), 0u);
}

TEST(CredentialReportTest, ParsesTriStateAndUnknownValues) {
  auto rows = ParseCredentialReport(testing::kCredentialReportCsv);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  const auto& root = rows->at(0);
  EXPECT_EQ(root.user, "<root_account>");
  EXPECT_EQ(root.arn, "arn:aws:iam::123456789012:root");
  EXPECT_FALSE(root.password_enabled.has_value());  // not_supported
  EXPECT_EQ(root.mfa_active, true);
  EXPECT_EQ(root.access_key_1_active, false);
  EXPECT_EQ(root.access_key_1_last_rotated, "");  // N/A
  EXPECT_EQ(root.password_last_used, "2026-01-05T10:00:00+00:00");

  const auto& alice = rows->at(1);
  EXPECT_EQ(alice.password_enabled, true);
  EXPECT_EQ(alice.mfa_active, false);
  EXPECT_EQ(alice.password_last_used, "");  // no_information
  EXPECT_EQ(alice.access_key_1_active, true);
  EXPECT_EQ(alice.access_key_1_last_rotated, "2024-03-01T12:05:00+00:00");
  EXPECT_EQ(alice.access_key_1_last_used, "2026-01-04T08:00:00+00:00");
  EXPECT_EQ(alice.access_key_2_active, false);
  EXPECT_EQ(alice.user_creation_time, "2024-03-01T12:00:00+00:00");

  const auto& bob = rows->at(2);
  EXPECT_EQ(bob.password_enabled, false);
  EXPECT_EQ(bob.access_key_2_active, true);
  EXPECT_EQ(bob.access_key_2_last_rotated, "2025-06-01T00:00:00+00:00");
  EXPECT_EQ(bob.access_key_2_last_used, "");
}

TEST(CredentialReportTest, ColumnsAreFoundByNameAndQuotesAndCrlfAreHandled) {
  auto rows = ParseCredentialReport(
      "arn,mfa_active,user,password_enabled,extra\r\n"
      "arn:aws:iam::123456789012:user/carol,true,\"carol, the \"\"admin\"\"\",true,\"multi\nline\"\r\n"
      "arn:aws:iam::123456789012:user/dave,false,dave\r\n");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).user, "carol, the \"admin\"");
  EXPECT_EQ(rows->at(0).arn, "arn:aws:iam::123456789012:user/carol");
  EXPECT_EQ(rows->at(0).mfa_active, true);
  EXPECT_EQ(rows->at(0).password_enabled, true);
  EXPECT_FALSE(rows->at(0).access_key_1_active.has_value());  // no such column
  EXPECT_EQ(rows->at(1).user, "dave");
  EXPECT_FALSE(rows->at(1).password_enabled.has_value());  // short row
}

TEST(CredentialReportTest, RejectsAReportWithoutHeader) {
  EXPECT_FALSE(ParseCredentialReport("").ok());
  EXPECT_FALSE(ParseCredentialReport("a,b\n1,2\n").ok());
}

TEST(PolicyDocumentTest, DecodesPercentEscapesAndKeepsPlus) {
  EXPECT_EQ(DecodePolicyDocument("%7B%22Action%22%3A%20%22s3%3AGet%2A%22%2C%22Sid%22%3A%22a+b%22%7D"),
            "{\"Action\": \"s3:Get*\",\"Sid\":\"a+b\"}");
  // Already JSON (some endpoints send it decoded): left alone, '%' included.
  EXPECT_EQ(DecodePolicyDocument("{\"Sid\": \"100%25\"}"), "{\"Sid\": \"100%25\"}");
  EXPECT_EQ(DecodePolicyDocument(""), "");
}

}  // namespace
}  // namespace posture::collect
