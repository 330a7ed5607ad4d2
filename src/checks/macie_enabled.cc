#include <map>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/s3_support.h"

namespace posture::checks::macie_enabled {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  if (!RequireBuckets(inventory, sink)) return;
  std::map<std::string, size_t> buckets_by_region;
  for (const auto& bucket : *inventory.s3.buckets) {
    if (!bucket.region.empty()) ++buckets_by_region[bucket.region];
  }
  for (const auto& region : inventory.regions) {
    const auto count = buckets_by_region.find(region.region);
    if (count == buckets_by_region.end()) continue;  // no bucket: nothing for Macie to watch
    if (!sink.require(region.macie.session, region.region)) continue;
    const std::string arn = RegionalArn(inventory, "macie2", region.region, "session");
    const std::string buckets = Count(count->second, "S3 bucket", "S3 buckets");
    if (region.macie.session->enabled) {
      sink.pass(region.region, inventory.account_id, arn, "Amazon Macie is enabled for the region's " + buckets);
    } else {
      const std::string status =
          region.macie.session->status.empty() ? "not enabled" : "status " + region.macie.session->status;
      sink.fail(region.region, inventory.account_id, arn,
                "Amazon Macie is " + status + " in " + region.region + ", which holds " + buckets);
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "macie_enabled",
            .title = "Amazon Macie is enabled in regions holding S3 buckets",
            .severity = Severity::kLow,
            .category = Category::kStorage,
            .resource_type = "AWS::::Account",
            .scope = "L",
            .fails_when = "Amazon Macie is not enabled in a region that has S3 buckets",
            .risk = "Without Macie, sensitive data (credentials, personal data) stored in S3 goes undiscovered "
                    "and unmonitored.",
            .remediation = "aws macie2 enable-macie --region <region>",
            .remediation_terraform = "resource \"aws_macie2_account\" \"this\" {\n"
                                     "  finding_publishing_frequency = \"FIFTEEN_MINUTES\"\n"
                                     "  status                       = \"ENABLED\"\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/macie/latest/user/getting-started.html",
            .reads = {POSTURE_FIELD(Bucket, region), POSTURE_FIELD(MacieStatus, enabled),
                      POSTURE_FIELD(MacieStatus, status)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::macie_enabled
