// The policy model: action patterns, Principal and Condition keys, the
// escalation catalog and the date reader the IAM checks share, including
// malformed input.
#include <gtest/gtest.h>

#include "checks/iam_support.h"
#include "iam/aws_managed.h"
#include "iam/escalation.h"
#include "iam/policy.h"

namespace posture {
namespace {

TEST(ActionPatternTest, MatchesWildcardsCaseInsensitively) {
  EXPECT_TRUE(iam::ActionMatches("iam:*", "iam:CreatePolicyVersion"));
  EXPECT_TRUE(iam::ActionMatches("IAM:createpolicy*", "iam:CreatePolicyVersion"));
  EXPECT_TRUE(iam::ActionMatches("iam:Put*Policy", "iam:PutRolePolicy"));
  EXPECT_TRUE(iam::ActionMatches("iam:?ttachUserPolicy", "iam:AttachUserPolicy"));
  EXPECT_TRUE(iam::ActionMatches("*", "ec2:RunInstances"));
  EXPECT_FALSE(iam::ActionMatches("iam:Put*Policy", "iam:PutUserPermissionsBoundary"));
  EXPECT_FALSE(iam::ActionMatches("iam:Get*", "iam:CreateAccessKey"));
  EXPECT_FALSE(iam::ActionMatches("", "iam:CreateAccessKey"));
}

TEST(PrincipalTest, ReadsEveryShape) {
  const auto parsed = iam::ParsePolicy(R"({"Statement":[
    {"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"},
    {"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:root"],
      "Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole",
      "Condition":{"StringEquals":{"sts:ExternalId":"x","aws:PrincipalOrgID":"o-1"}}},
    {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*"}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  const auto& s = parsed.document->statements;
  ASSERT_EQ(s.size(), 3u);
  using Principals = std::map<std::string, std::vector<std::string>>;
  EXPECT_EQ(s[0].principals, (Principals{{"AWS", {"*"}}}));
  EXPECT_EQ(s[1].principals, (Principals{{"AWS", {"111122223333", "arn:aws:iam::444455556666:root"}},
                                         {"Service", {"ec2.amazonaws.com"}}}));
  ASSERT_EQ(s[1].conditions.size(), 2u);
  EXPECT_EQ(s[1].conditions[0].key, "aws:PrincipalOrgID");
  EXPECT_EQ(s[1].conditions[1].key, "sts:ExternalId");
  EXPECT_TRUE(s[2].has_not_principal);
  EXPECT_TRUE(s[2].principals.empty());
}

TEST(PrincipalTest, MalformedPrincipalIsAClearError) {
  auto parsed = iam::ParsePolicy(R"({"Statement":{"Effect":"Allow","Principal":["*"],"Action":"x"}})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error, "statement 1: Principal must be \"*\" or an object such as {\"AWS\": \"...\"}");
  parsed = iam::ParsePolicy(R"({"Statement":{"Effect":"Allow","Principal":{"AWS":[1]},"Action":"x"}})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error, "statement 1: Principal.AWS must contain only strings");
  parsed = iam::ParsePolicy(R"({"Statement":{"Effect":"Allow","Principal":{"Service":{}},"Action":"x"}})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error, "statement 1: Principal.Service must be a string or an array of strings");
}

TEST(EscalationTest, NeedsEveryActionOfAPathAndHonoursDenies) {
  const auto pass_only = iam::ParsePolicy(R"({"Statement":{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}})");
  const auto run = iam::ParsePolicy(R"({"Statement":{"Effect":"Allow","Action":"ec2:Run*","Resource":"*"}})");
  const auto deny_run =
      iam::ParsePolicy(R"({"Statement":{"Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}})");
  ASSERT_TRUE(pass_only.ok() && run.ok() && deny_run.ok());
  EXPECT_TRUE(iam::FindEscalationPaths({{"p", &*pass_only.document}}).empty());
  const auto paths = iam::FindEscalationPaths({{"p", &*pass_only.document}, {"r", &*run.document}});
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(paths[0].name, "iam:PassRole with ec2:RunInstances");
  EXPECT_EQ(paths[0].granted_by, (std::vector<std::string>{"p", "r"}));
  EXPECT_TRUE(iam::FindEscalationPaths({{"p", &*pass_only.document}, {"r", &*run.document}, {"d", &*deny_run.document}})
                  .empty());
}

TEST(EscalationTest, NotActionGrantsEverythingElse) {
  const auto power_user = iam::ParsePolicy(*iam::KnownAwsManagedPolicy("PowerUserAccess"));
  ASSERT_TRUE(power_user.ok()) << power_user.error;
  // PowerUserAccess excludes iam:*, so none of the IAM paths open.
  EXPECT_TRUE(iam::FindEscalationPaths({{"pu", &*power_user.document}}).empty());
  const auto admin = iam::ParsePolicy(*iam::KnownAwsManagedPolicy("AdministratorAccess"));
  ASSERT_TRUE(admin.ok());
  EXPECT_EQ(iam::FindEscalationPaths({{"a", &*admin.document}}).size(), 16u);  // every catalogued path
}

TEST(AwsManagedTest, NamesAndKnownDocuments) {
  EXPECT_EQ(iam::AwsManagedPolicyName("arn:aws:iam::aws:policy/AWSSupportAccess"), "AWSSupportAccess");
  EXPECT_EQ(iam::AwsManagedPolicyName("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"), "ViewOnlyAccess");
  EXPECT_EQ(iam::AwsManagedPolicyName("arn:aws:iam::123456789012:policy/Mine"), "");
  for (const char* name : {"AdministratorAccess", "IAMFullAccess", "PowerUserAccess", "AmazonS3FullAccess",
                           "AWSKeyManagementServicePowerUser", "AWSSupportAccess", "AWSCloudShellFullAccess"}) {
    const auto document = iam::KnownAwsManagedPolicy(name);
    ASSERT_TRUE(document.has_value()) << name;
    EXPECT_TRUE(iam::ParsePolicy(*document).ok()) << name;
  }
  EXPECT_FALSE(iam::KnownAwsManagedPolicy("AmazonSQSFullAccess").has_value());
}

TEST(ParseTimeTest, ReadsTheReportsFormats) {
  EXPECT_EQ(checks::ParseTime("2026-06-01T00:00:00+00:00"), 1780272000);
  EXPECT_EQ(checks::ParseTime("2026-06-01T00:00:00Z"), 1780272000);
  EXPECT_EQ(checks::ParseTime("2026-06-01T02:00:00+02:00"), 1780272000);
  EXPECT_EQ(checks::ParseTime("2026-06-01T00:00:00.123Z"), 1780272000);
  EXPECT_EQ(checks::ParseTime("2026-06-01"), 1780272000);
  EXPECT_EQ(checks::ParseTime("1970-01-01T00:00:00Z"), 0);
}

TEST(ParseTimeTest, RejectsMalformedText) {
  for (const char* text : {"", "N/A", "no_information", "not_supported", "2026-13-01", "2026-06-01T", "2026-06-01X",
                           "2026-06-01T00:00:00+", "2026/06/01", "2026-06-01T00:00:00Zjunk"}) {
    EXPECT_FALSE(checks::ParseTime(text).has_value()) << text;
  }
}

TEST(ParseTimeTest, DayCounts) {
  EXPECT_EQ(checks::DaysBetween(0, 86400 * 3 - 1), 2);
  EXPECT_EQ(checks::DaysBetween(86400 * 3, 0), -3);
  EXPECT_EQ(checks::DaysSince(86400 * 3, 0), 0);
  EXPECT_EQ(checks::DateOf("2026-06-01T00:00:00Z"), "2026-06-01");
}

}  // namespace
}  // namespace posture
