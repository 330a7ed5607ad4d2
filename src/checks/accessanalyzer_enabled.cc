#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks {
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

extern constinit const Check kAccessanalyzerEnabled{
    .metadata =
        {
            .id = "accessanalyzer_enabled",
            .title = "IAM Access Analyzer is enabled in every region",
            .severity = Severity::kLow,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .cis_3_0 = "1.20",
            .risk = "Without Access Analyzer, resources shared with other accounts or the public (buckets, keys, "
                    "roles, queues) go unnoticed in that region.",
            .remediation = "aws accessanalyzer create-analyzer --analyzer-name account-analyzer --type ACCOUNT "
                           "--region <region>",
            .remediation_terraform = "resource \"aws_accessanalyzer_analyzer\" \"account\" {\n"
                                     "  analyzer_name = \"account-analyzer\"\n  type          = \"ACCOUNT\"\n}",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html",
            .needs = "accessanalyzer.analyzers",
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks
