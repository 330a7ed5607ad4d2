#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::guardduty_enabled {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.guardduty.detectors, region.region)) continue;
    const auto& detectors = *region.guardduty.detectors;
    const inventory::GuardDutyDetector* enabled = nullptr;
    std::vector<std::string> others;
    for (const auto& detector : detectors) {
      if (detector.status == "ENABLED") {
        if (enabled == nullptr) enabled = &detector;
      } else {
        others.push_back(detector.id + " (" + (detector.status.empty() ? "status unknown" : detector.status) + ")");
      }
    }
    if (enabled != nullptr) {
      sink.pass(region.region, enabled->id,
                RegionalArn(inventory, "guardduty", region.region, "detector/" + enabled->id),
                "GuardDuty detector " + enabled->id + " is enabled");
    } else if (!others.empty()) {
      const auto& first = detectors.front();
      sink.fail(region.region, first.id, RegionalArn(inventory, "guardduty", region.region, "detector/" + first.id),
                "no enabled GuardDuty detector in " + region.region + ": " + base::Join(others));
    } else {
      sink.fail(region.region, inventory.account_id, RegionalArn(inventory, "guardduty", region.region, "detector"),
                "GuardDuty is not enabled in " + region.region + " (no detector)");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "guardduty_enabled",
            .title = "GuardDuty is enabled in every region",
            .severity = Severity::kMedium,
            .category = Category::kMonitoring,
            .resource_type = "AWS::GuardDuty::Detector",
            .scope = "L+C",
            .fails_when = "a region has no enabled GuardDuty detector",
            .risk = "Without GuardDuty nothing watches the region's CloudTrail, VPC flow and DNS activity for "
                    "compromised credentials, crypto-mining or reconnaissance.",
            .remediation = "aws guardduty create-detector --enable --region <region>",
            .remediation_terraform = "resource \"aws_guardduty_detector\" \"main\" {\n  enable = true\n}",
            .docs_url = "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html",
            .reads = {POSTURE_FIELD(GuardDutyDetector, status)},
            .declared_in_code_by = "aws_guardduty_detector, AWS::GuardDuty::Detector",
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::guardduty_enabled
