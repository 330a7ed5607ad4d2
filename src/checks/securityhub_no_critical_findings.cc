#include <array>

#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::securityhub_no_critical_findings {
namespace {

constexpr std::array<std::string_view, 5> kLabels = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"};

int CountOf(const std::map<std::string, int>& counts, std::string_view label) {
  int total = 0;
  for (const auto& [key, count] : counts) {
    if (base::EqualsIgnoreCase(key, label)) total += count;
  }
  return total;
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    const auto& findings = region.securityhub.findings;
    if (!sink.require(findings, region.region)) continue;
    if (!findings->hub_enabled) continue;  // securityhub_enabled reports the region
    const std::string arn = ResourceArn("", inventory, "securityhub", region.region, "hub/default");
    std::vector<std::string> counts;
    for (const auto label : kLabels) {
      if (const int count = CountOf(findings->active_by_severity, label); count > 0) {
        counts.push_back(std::to_string(count) + " " + std::string(label));
      }
    }
    const int urgent =
        CountOf(findings->active_by_severity, "CRITICAL") + CountOf(findings->active_by_severity, "HIGH");
    // The collector may count only the severities this check is about.
    const std::string breakdown = counts.empty() ? "" : " (active findings: " + base::Join(counts) + ")";
    if (urgent > 0) {
      sink.fail(region.region, inventory.account_id, arn,
                Count(urgent, "active CRITICAL or HIGH finding", "active CRITICAL or HIGH findings") + breakdown);
    } else {
      sink.pass(region.region, inventory.account_id, arn, "no active CRITICAL or HIGH findings" + breakdown);
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "securityhub_no_critical_findings",
            .title = "Security Hub holds no active critical or high findings",
            .severity = Severity::kHigh,
            .category = Category::kMonitoring,
            .resource_type = "AWS::SecurityHub::Hub",
            .scope = "L",
            .fails_when = "Security Hub holds active CRITICAL or HIGH findings (message gives counts by severity)",
            .risk = "Active critical and high findings are known, exploitable weaknesses that nobody has fixed or "
                    "accepted; attackers look for exactly these.",
            .remediation = "aws securityhub get-findings --filters '{\"SeverityLabel\":[{\"Value\":\"CRITICAL\","
                           "\"Comparison\":\"EQUALS\"},{\"Value\":\"HIGH\",\"Comparison\":\"EQUALS\"}],"
                           "\"RecordState\":[{\"Value\":\"ACTIVE\",\"Comparison\":\"EQUALS\"}]}'  # fix or suppress "
                           "each with a reason",
            .remediation_terraform = "# Findings are not Terraform resources: fix the resource each one names\n"
                                     "# (often in its own Terraform), or suppress it with a reason\n"
                                     "# (aws securityhub batch-update-findings)",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings.html",
            .reads = {POSTURE_FIELD(SecurityHubFindings, hub_enabled),
                      POSTURE_FIELD(SecurityHubFindings, active_by_severity)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::securityhub_no_critical_findings
