// FindingSink, names and EvaluateChecks.
#include "checks/check.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

TEST(CheckTest, SeverityAndStatusNames) {
  for (Severity s : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    EXPECT_EQ(ParseSeverity(SeverityName(s)), s);
  }
  EXPECT_EQ(ParseSeverity("HIGH"), Severity::kHigh);
  EXPECT_EQ(ParseSeverity("informational"), Severity::kInfo);
  EXPECT_EQ(ParseSeverity("severe"), std::nullopt);
  EXPECT_GT(SeverityRank(Severity::kCritical), SeverityRank(Severity::kHigh));
  EXPECT_GT(SeverityRank(Severity::kLow), SeverityRank(Severity::kInfo));
  EXPECT_STREQ(StatusName(FindingStatus::kError), "ERROR");
  EXPECT_EQ(ParseStatus("fail"), FindingStatus::kFail);
  EXPECT_EQ(ParseStatus("PASS"), FindingStatus::kPass);
  EXPECT_EQ(ParseStatus("maybe"), std::nullopt);
}

constexpr CheckMetadata kMetadata{
    .id = "test_check",
    .title = "Test",
    .severity = Severity::kMedium,
    .category = Category::kNetwork,
    .resource_type = "AWS::Test::Thing",
    .scope = "L+C",
    .fails_when = "the thing is bad",
    .risk = "",
    .remediation = "",
    .remediation_terraform = "",
    .docs_url = "",
    .reads = {POSTURE_FIELD(Volume, encrypted), POSTURE_FIELD(Trail, logging), POSTURE_EVERY_FIELD(IamUser)},
    .declared_in_code_by = "aws_thing, AWS::Test::Thing,"};

TEST(CheckTest, FieldsReadAndTheirSections) {
  EXPECT_EQ(FieldsReadBy(kMetadata), (std::vector<std::string_view>{"Volume.encrypted", "Trail.logging", "IamUser.*"}));
  // A facet (Trail.logging) brings the section listing its items.
  EXPECT_EQ(SectionsRead(kMetadata), (std::set<std::string>{"cloudtrail.trails", "cloudtrail.trails.logging",
                                                            "ec2.volumes", "iam.authorization"}));
  EXPECT_EQ(DeclaringTypes(kMetadata), (std::vector<std::string_view>{"aws_thing", "AWS::Test::Thing"}));
  EXPECT_TRUE(DeclaringTypes(CheckMetadata{}).empty());
  EXPECT_STREQ(CategoryTitle(Category::kEdge), "Public edge and segmentation");
}

TEST(CheckTest, SinkFillsFindings) {
  const Inventory inventory = Estate().get();
  std::vector<Finding> out;
  FindingSink sink(kMetadata, inventory, out);
  sink.pass("us-east-1", "thing-1", "arn:thing-1", "fine");
  sink.fail("us-east-1", "thing-2", "arn:thing-2", "bad", Severity::kCritical);
  sink.set_resource_type("AWS::Test::Other");
  sink.error("global", "thing-3", "arn:thing-3", "broken");
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].check_id, "test_check");
  EXPECT_EQ(out[0].status, FindingStatus::kPass);
  EXPECT_EQ(out[0].severity, Severity::kMedium);
  EXPECT_EQ(out[0].account_id, kAccount);
  EXPECT_EQ(out[0].resource_type, "AWS::Test::Thing");
  EXPECT_EQ(out[0].resource_arn, "arn:thing-1");
  EXPECT_TRUE(out[0].compliance.empty());  // "test_check" is in no framework
  EXPECT_EQ(out[1].severity, Severity::kCritical);
  EXPECT_EQ(out[2].status, FindingStatus::kError);
  EXPECT_EQ(out[2].resource_type, "AWS::Test::Other");
  EXPECT_EQ(out[2].resource_arn, "arn:thing-3");
  EXPECT_EQ(out[2].message, "broken");
}

TEST(CheckTest, ComplianceComesFromTheFrameworks) {
  CheckMetadata metadata = kMetadata;
  metadata.id = "iam_user_console_mfa";
  const Inventory inventory = Estate().get();
  std::vector<Finding> out;
  FindingSink sink(metadata, inventory, out);
  sink.pass("global", "x", "arn:x", "ok");
  // CIS 5.0 dropped 1.3 (security questions), so its numbering is one lower.
  EXPECT_EQ(out.at(0).compliance, (std::map<std::string, std::vector<std::string>>{
                                      {"cis-3.0", {"1.10"}}, {"cis-4.0", {"1.10"}}, {"cis-5.0", {"1.9"}}}));
}

TEST(CheckTest, RequireNamesTheFailedCall) {
  const Inventory inventory = Estate().fail("ec2.security_groups").get();
  std::vector<Finding> out;
  FindingSink sink(kMetadata, inventory, out);
  EXPECT_FALSE(sink.require(inventory.regions[0].ec2.security_groups, "us-east-1"));
  EXPECT_TRUE(sink.require(inventory.regions[0].ec2.instances, "us-east-1"));
  Collected<int> never_collected;
  EXPECT_FALSE(sink.require(never_collected, "us-east-1"));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].status, FindingStatus::kError);
  EXPECT_EQ(out[0].resource_id, kAccount);
  // The resource of a section-level ERROR is the account itself, never blank.
  EXPECT_EQ(out[0].resource_arn, "arn:aws:iam::" + std::string(kAccount) + ":root");
  EXPECT_EQ(out[0].resource_type, "AWS::::Account");
  EXPECT_EQ(out[1].resource_arn, out[0].resource_arn);
  EXPECT_EQ(out[0].message,
            "could not evaluate: ec2:DescribeSecurityGroups failed in us-east-1 (access_denied, AccessDenied): not "
            "authorized to perform this operation");
  EXPECT_EQ(out[1].message, "the data this check needs was not collected");
}

void Throws(const Inventory&, FindingSink& sink) {
  sink.pass("global", "before", "arn:before", "emitted before the bug");
  throw std::runtime_error("boom");
}

TEST(CheckTest, EvaluateChecksContainsExceptions) {
  const Check throwing{kMetadata, &Throws};
  const auto findings = EvaluateChecks(Estate().get(), {&throwing, FindCheck("iam_root_mfa_enabled")});
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].status, FindingStatus::kPass);
  EXPECT_EQ(findings[1].status, FindingStatus::kError);
  EXPECT_EQ(findings[1].message, "internal error in this check: boom");
  EXPECT_EQ(findings[2].check_id, "iam_root_mfa_enabled");
}

TEST(CheckTest, EveryCheckRunsOnAnEmptyAccount) {
  std::vector<const Check*> all;
  for (const auto& check : AllChecks()) all.push_back(&check);
  for (const auto& finding : EvaluateChecks(Estate().get(), all)) {
    EXPECT_NE(finding.status, FindingStatus::kError) << finding.check_id << ": " << finding.message;
  }
  Inventory nothing;  // no section collected at all: every check says ERROR, none crashes or passes
  nothing.account_id = kAccount;
  nothing.regions.emplace_back().region = kRegion;
  // Except the organization checks: only the organization's manager collects
  // their sections, so in a member account's scan they have nothing to say.
  const std::set<std::string> organization_checks = {"sso_admin_assigned_to_groups", "org_prod_access_restricted",
                                                     "org_scp_guardrails"};
  std::set<std::string> reported;
  for (const auto& finding : EvaluateChecks(nothing, all)) {
    EXPECT_EQ(finding.status, FindingStatus::kError) << finding.check_id << ": " << finding.message;
    EXPECT_FALSE(organization_checks.count(finding.check_id)) << finding.check_id << ": " << finding.message;
    reported.insert(finding.check_id);
  }
  EXPECT_EQ(reported.size() + organization_checks.size(), all.size())
      << "a check without its data must say ERROR, not stay silent";
}

}  // namespace
}  // namespace posture::checks::testing
