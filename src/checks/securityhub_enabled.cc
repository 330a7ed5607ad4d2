#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::securityhub_enabled {
namespace {

// "cis-aws-foundations-benchmark v1.4.0" from
// "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0"
// (older ARNs say "ruleset/" instead of "standards/").
std::string StandardName(const std::string& arn) {
  std::string name = arn;
  for (const std::string_view marker : {":standards/", ":ruleset/"}) {
    if (const auto at = arn.find(marker); at != std::string::npos) name = arn.substr(at + marker.size());
  }
  if (const auto version = name.find("/v/"); version != std::string::npos) name.replace(version, 3, " v");
  return name;
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    const auto& hub = region.securityhub.hub;
    if (!sink.require(hub, region.region)) continue;
    const std::string arn = ResourceArn(hub->hub_arn, inventory, "securityhub", region.region, "hub/default");
    if (!hub->enabled) {
      sink.fail(region.region, inventory.account_id, arn, "Security Hub is not enabled in " + region.region);
      continue;
    }
    std::vector<std::string> standards;
    for (const auto& standard : hub->standards) standards.push_back(StandardName(standard));
    sink.pass(region.region, inventory.account_id, arn,
              standards.empty() ? "Security Hub is enabled, but no security standard is enabled"
                                : "Security Hub is enabled with standards: " + base::Join(standards));
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "securityhub_enabled",
            .title = "Security Hub is enabled in every region",
            .severity = Severity::kMedium,
            .category = Category::kMonitoring,
            .resource_type = "AWS::SecurityHub::Hub",
            .scope = "L",
            .fails_when = "Security Hub is not enabled in a region (report enabled standards on PASS)",
            .risk = "Without Security Hub there is no continuous, central view of findings from AWS services and "
                    "security standards in the region, so misconfigurations go unnoticed.",
            .remediation = "aws securityhub enable-security-hub --enable-default-standards --region <region>",
            .remediation_terraform = "# In every region: one aws provider alias per region\n"
                                     "resource \"aws_securityhub_account\" \"main\" {\n"
                                     "  enable_default_standards = true\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html",
            .reads = {POSTURE_FIELD(SecurityHubState, enabled), POSTURE_FIELD(SecurityHubState, standards)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::securityhub_enabled
