#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace posture::report {
namespace {

checks::Finding SarifFinding(std::string check_id, checks::FindingStatus status, checks::Severity severity,
                             std::string address, std::string file, int line) {
  checks::Finding f;
  f.check_id = std::move(check_id);
  f.status = status;
  f.severity = severity;
  f.region = "us-east-1";
  f.resource_type = "AWS::EC2::SecurityGroup";
  f.resource_id = address;
  f.message = "allows tcp/22 from 0.0.0.0/0";
  f.location = checks::FindingLocation{.file = std::move(file), .line = line, .address = address, .module_source = ""};
  return f;
}

ScanResult SarifSample() {
  ScanResult result;
  result.source = "iac";
  result.started_at = "2026-11-30T15:00:00Z";
  result.finished_at = "2026-11-30T15:00:01Z";
  result.findings = {
      SarifFinding("ec2_sg_no_admin_ports_from_internet_ipv4", checks::FindingStatus::kFail, checks::Severity::kHigh,
                   "WebSG", "./stacks/web.yaml", 12),
      SarifFinding("ec2_sg_no_admin_ports_from_internet_ipv4", checks::FindingStatus::kPass, checks::Severity::kHigh,
                   "DbSG", "stacks/web.yaml", 30),
      SarifFinding("ec2_imdsv2_required", checks::FindingStatus::kError, checks::Severity::kMedium, "aws_instance.web",
                   "plan.json", 0),
      SarifFinding("ec2_sg_no_open_sensitive_ports", checks::FindingStatus::kFail, checks::Severity::kHigh,
                   "module.net.aws_security_group.db", "plan.json", 0),
  };
  result.findings[3].muted = true;
  result.findings[3].mute_reason = "bastion network only";
  return result;
}

TEST(SarifReport, IsSarif210WithRulesAndResults) {
  auto sarif = nlohmann::json::parse(RenderSarif(SarifSample(), {}));
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "posture");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2u);  // one per check with a FAIL; PASS and ERROR make no rule
  EXPECT_EQ(rules[0]["id"], "ec2_sg_no_admin_ports_from_internet_ipv4");
  EXPECT_EQ(rules[0]["name"], "Ec2SgNoAdminPortsFromInternetIpv4");
  EXPECT_EQ(rules[0]["properties"]["security-severity"], "8.0");
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
  EXPECT_FALSE(rules[0]["help"]["text"].get<std::string>().empty());
  EXPECT_TRUE(rules[0]["helpUri"].get<std::string>().starts_with("https://docs.aws.amazon.com/"));

  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["ruleIndex"], 0);
  const auto& physical = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"]["uri"], "stacks/web.yaml");  // repository-relative, no ./
  EXPECT_EQ(physical["region"]["startLine"], 12);
  EXPECT_EQ(results[0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "WebSG");
  EXPECT_FALSE(results[0]["partialFingerprints"]["postureFinding/v1"].get<std::string>().empty());

  // Plan JSON has no lines: a location without a region.
  EXPECT_FALSE(results[1]["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_EQ(results[1]["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(results[1]["suppressions"][0]["justification"], "bastion network only");

  // The ERROR is a notification, not an alert.
  const auto& notifications = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notifications.size(), 1u);
  EXPECT_EQ(notifications[0]["associatedRule"]["id"], "ec2_imdsv2_required");
}

TEST(SarifReport, JsonCarriesLocationAndMuteReason) {
  auto json = nlohmann::json::parse(RenderJson(SarifSample(), {}));
  const auto& f = json["findings"][0];
  EXPECT_EQ(f["location"]["file"], "./stacks/web.yaml");
  EXPECT_EQ(f["location"]["line"], 12);
  EXPECT_EQ(f["location"]["address"], "WebSG");
  EXPECT_FALSE(json["findings"][2]["location"].contains("line"));
  EXPECT_EQ(json["findings"][3]["mute_reason"], "bastion network only");
  EXPECT_TRUE(json["findings"][3]["muted"].get<bool>());
}

TEST(SarifReport, IsRegisteredAsAFormat) {
  ASSERT_NE(FindReporter("sarif"), nullptr);
  auto table = RenderTable(SarifSample(), {});
  EXPECT_NE(table.find("stacks/web.yaml:12"), std::string::npos);
  EXPECT_NE(table.find("muted: bastion network only"), std::string::npos);
}

}  // namespace
}  // namespace posture::report
