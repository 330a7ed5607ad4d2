#include "report/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace posture::report {
namespace {

checks::Finding MakeFinding(std::string check_id, checks::FindingStatus status, checks::Severity severity,
                            std::string resource, std::string message) {
  checks::Finding f;
  f.check_id = std::move(check_id);
  f.status = status;
  f.severity = severity;
  f.account_id = "123456789012";
  f.region = "us-east-1";
  f.resource_type = "AWS::EC2::SecurityGroup";
  f.resource_id = std::move(resource);
  f.resource_arn = "arn:aws:ec2:us-east-1:123456789012:security-group/" + f.resource_id;
  f.message = std::move(message);
  f.compliance = {{"cis-3.0", {"5.2"}}};
  return f;
}

ScanResult Sample() {
  ScanResult result;
  result.started_at = "2026-11-30T15:00:00Z";
  result.finished_at = "2026-11-30T15:00:01Z";
  result.accounts = {"123456789012"};
  result.regions = {"us-east-1"};
  result.checks_run = 2;
  result.api_requests = 17;
  result.duration_seconds = 0.42;
  result.findings = {
      MakeFinding("ec2_sg_no_admin_ports_from_internet_ipv4", checks::FindingStatus::kFail, checks::Severity::kHigh,
                  "sg-open", "allows tcp/22 from 0.0.0.0/0"),
      MakeFinding("ec2_sg_no_admin_ports_from_internet_ipv4", checks::FindingStatus::kPass, checks::Severity::kHigh,
                  "sg-closed", "no admin port open to 0.0.0.0/0"),
      MakeFinding("ec2_instance_not_directly_public", checks::FindingStatus::kFail, checks::Severity::kCritical, "i-1",
                  "public IP 54.0.0.1 and sg-open admits tcp/22 from 0.0.0.0/0"),
  };
  result.errors = {{"securityhub", "DescribeHub", "eu-west-1", "access_denied", "AccessDeniedException", "denied"}};
  return result;
}

TEST(JsonReport, FollowsTheContract) {
  auto json = nlohmann::json::parse(RenderJson(Sample(), {}));
  EXPECT_EQ(json["tool"]["name"], "posture");
  EXPECT_EQ(json["scan"]["accounts"][0], "123456789012");
  EXPECT_EQ(json["scan"]["source"], "live");
  ASSERT_EQ(json["findings"].size(), 3u);
  const auto& f = json["findings"][0];
  for (const char* key : {"check_id", "status", "severity", "muted", "account_id", "region", "resource_type",
                          "resource_id", "resource_arn", "message", "compliance", "location"}) {
    EXPECT_TRUE(f.contains(key)) << key;
  }
  EXPECT_EQ(f["status"], "FAIL");
  EXPECT_EQ(f["severity"], "high");
  EXPECT_EQ(f["compliance"]["cis-3.0"][0], "5.2");
  EXPECT_TRUE(f["location"].is_null());
  EXPECT_EQ(json["errors"][0]["code"], "AccessDeniedException");
  EXPECT_EQ(json["errors"][0]["operation"], "DescribeHub");
}

TEST(JsonReport, InvalidUtf8InMessagesIsReplacedNotThrown) {
  auto result = Sample();
  result.findings[0].message = "bad \xff byte";
  auto json = nlohmann::json::parse(RenderJson(result, {}));
  EXPECT_NE(json["findings"][0]["message"].get<std::string>().find("bad"), std::string::npos);
}

TEST(TableReport, GroupsBySeverityThenCheckWithSummary) {
  std::string table = RenderTable(Sample(), {});
  auto critical = table.find("CRITICAL");
  auto high = table.find("HIGH");
  ASSERT_NE(critical, std::string::npos);
  ASSERT_NE(high, std::string::npos);
  EXPECT_LT(critical, high);
  EXPECT_NE(table.find("allows tcp/22 from 0.0.0.0/0"), std::string::npos);
  EXPECT_EQ(table.find("sg-closed"), std::string::npos);  // passing resources are not listed
  EXPECT_NE(table.find("DescribeHub"), std::string::npos);
  EXPECT_NE(table.find("2 checks, 3 resources evaluated"), std::string::npos) << table;
  EXPECT_NE(table.find("17 API requests"), std::string::npos);
  EXPECT_EQ(table.find("\033["), std::string::npos);
}

// Two accounts of an organization: one scanned, one whose role was denied.
ScanResult OrganizationSample() {
  ScanResult result = Sample();
  result.organization_id = "o-abc123";
  result.accounts = {"123456789012"};
  for (auto& f : result.findings) {
    f.account_name = "web";
    f.ou_path = "Root/Prod";
    f.account_tags = {{"Environment", "production"}};
  }
  auto denied = MakeFinding("iam_password_policy_min_length", checks::FindingStatus::kError, checks::Severity::kMedium,
                            "222233334444", "account not scanned (failed): AccessDenied");
  denied.account_id = "222233334444";
  result.findings.push_back(denied);
  result.errors[0].account_id = "123456789012";
  result.account_summaries = {{"123456789012", "web", "Root/Prod", {{"Environment", "production"}}, "scanned", "", 40},
                              {"222233334444", "sandbox", "Root/Dev", {}, "failed", "sts:AssumeRole: AccessDenied", 1}};
  return result;
}

TEST(JsonReport, OrganizationScansHaveAnAccountsSectionAndAccountDetails) {
  auto json = nlohmann::json::parse(RenderJson(OrganizationSample(), {}));
  EXPECT_EQ(json["organization"]["id"], "o-abc123");
  ASSERT_EQ(json["accounts"].size(), 2u);
  const auto& web = json["accounts"][0];
  EXPECT_EQ(web["name"], "web");
  EXPECT_EQ(web["ou_path"], "Root/Prod");
  EXPECT_EQ(web["status"], "scanned");
  EXPECT_TRUE(web["reason"].is_null());
  EXPECT_EQ(web["findings"]["fail"]["critical"], 1);
  EXPECT_EQ(web["findings"]["fail"]["high"], 1);
  EXPECT_EQ(web["findings"]["pass"], 1);
  const auto& sandbox = json["accounts"][1];
  EXPECT_EQ(sandbox["status"], "failed");
  EXPECT_EQ(sandbox["reason"], "sts:AssumeRole: AccessDenied");
  EXPECT_EQ(sandbox["findings"]["error"], 1);
  EXPECT_EQ(json["findings"][0]["account_name"], "web");
  EXPECT_EQ(json["findings"][0]["ou_path"], "Root/Prod");
  EXPECT_EQ(json["findings"][0]["account_tags"]["Environment"], "production");
  EXPECT_EQ(json["errors"][0]["account_id"], "123456789012");
}

TEST(JsonReport, SingleAccountScansKeepTheirShape) {
  auto json = nlohmann::json::parse(RenderJson(Sample(), {}));
  EXPECT_FALSE(json.contains("accounts"));
  EXPECT_FALSE(json.contains("organization"));
  EXPECT_FALSE(json["findings"][0].contains("account_name"));
  EXPECT_FALSE(json["errors"][0].contains("account_id"));
}

TEST(TableReport, OrganizationScansSummariseEachAccount) {
  std::string table = RenderTable(OrganizationSample(), {});
  EXPECT_NE(table.find("organization o-abc123, 2 accounts"), std::string::npos) << table;
  EXPECT_NE(table.find("Accounts (organization o-abc123"), std::string::npos) << table;
  auto web = table.find("123456789012  web");
  ASSERT_NE(web, std::string::npos) << table;
  EXPECT_NE(table.find("    1     1     0     0     0  scanned", web), std::string::npos) << table;
  EXPECT_NE(table.find("failed: sts:AssumeRole: AccessDenied"), std::string::npos) << table;
  // The unscanned account's per-check ERRORs are summarised, not listed.
  EXPECT_EQ(table.find("account not scanned"), std::string::npos) << table;
}

TEST(TableReport, ColourOnlyWhenAsked) {
  RenderOptions options;
  options.color = true;
  EXPECT_NE(RenderTable(Sample(), options).find("\033["), std::string::npos);
  options.show_passed = true;
  EXPECT_NE(RenderTable(Sample(), options).find("sg-closed"), std::string::npos);
}

TEST(Reporters, RegistryKnowsTableAndJson) {
  ASSERT_NE(FindReporter("table"), nullptr);
  ASSERT_NE(FindReporter("json"), nullptr);
  EXPECT_EQ(FindReporter("xml"), nullptr);
}

}  // namespace
}  // namespace posture::report
