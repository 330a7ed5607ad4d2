#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::accessanalyzer_enabled {
namespace {

bool IsExternalAccessAnalyzer(const inventory::AccessAnalyzer& analyzer) {
  return analyzer.type == "ACCOUNT" || analyzer.type == "ORGANIZATION";
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.accessanalyzer.analyzers, region.region)) continue;
    const std::string arn = RegionalArn(inventory, "access-analyzer", region.region, "analyzer");
    std::vector<std::string> active, other;
    for (const auto& analyzer : *region.accessanalyzer.analyzers) {
      const std::string text = analyzer.name + " (" + analyzer.type + ", " + analyzer.status + ")";
      (IsExternalAccessAnalyzer(analyzer) && analyzer.status == "ACTIVE" ? active : other).push_back(text);
    }
    if (!active.empty()) {
      sink.pass(region.region, inventory.account_id, arn, "active IAM Access Analyzer: " + base::Join(active));
    } else if (other.empty()) {
      sink.fail(region.region, inventory.account_id, arn, "no IAM Access Analyzer in " + region.region);
    } else {
      sink.fail(
          region.region, inventory.account_id, arn,
          "no active account or organization analyzer in " + region.region + " (found: " + base::Join(other) + ")");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "accessanalyzer_enabled",
            .title = "IAM Access Analyzer is enabled in every region",
            .severity = Severity::kLow,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .fails_when = "a region has no active IAM Access Analyzer",
            .risk = "Without Access Analyzer, resources shared with other accounts or the public (buckets, keys, "
                    "roles, queues) go unnoticed in that region.",
            .remediation = "aws accessanalyzer create-analyzer --analyzer-name account-analyzer --type ACCOUNT "
                           "--region <region>",
            .remediation_terraform = "resource \"aws_accessanalyzer_analyzer\" \"account\" {\n"
                                     "  analyzer_name = \"account-analyzer\"\n  type          = \"ACCOUNT\"\n}",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html",
            .reads = {POSTURE_FIELD(AccessAnalyzer, type), POSTURE_FIELD(AccessAnalyzer, status)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::accessanalyzer_enabled
