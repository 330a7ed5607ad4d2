#include "checks/s3_object_logging.h"

#include "checks/check_support.h"
#include "checks/trail_support.h"

namespace posture::checks {

void EvaluateS3ObjectLogging(S3Access access, const inventory::Inventory& inventory, FindingSink& sink) {
  const std::string kind = access == S3Access::kRead ? "read" : "write";
  bool incomplete = false;
  bool found = false;
  std::vector<std::string> reasons;
  for (const TrailRef& ref : CollectedTrails(inventory, sink, incomplete)) {
    const auto& trail = *ref.trail;
    const std::string& region = ref.region->region;
    if (!sink.require(trail.selectors, region)) {
      incomplete = true;
      continue;
    }
    const EventCoverage s3 = S3ObjectEvents(*trail.selectors);
    const bool records = access == S3Access::kRead ? s3.read : s3.write;
    if (!records) {
      std::string why = "trail " + trail.name + " records no S3 object " + kind + " events for all buckets";
      if (!s3.gaps.empty()) why += " (" + base::Join(s3.gaps, "; ") + ")";
      reasons.push_back(why);
      continue;
    }
    if (!trail.multi_region) {
      reasons.push_back("trail " + trail.name + " records them but only in " + region);
      continue;
    }
    if (!sink.require(trail.logging, region)) {
      incomplete = true;
      continue;
    }
    if (!*trail.logging) {
      reasons.push_back("trail " + trail.name + " records them but is not logging");
      continue;
    }
    found = true;
    sink.pass(region, trail.name, trail.arn,
              "multi-region trail " + trail.name + " records S3 object " + kind + " events for all buckets");
  }
  if (found || incomplete) return;
  sink.fail(kGlobalRegion, inventory.account_id, RootArn(inventory),
            "no logging multi-region trail records S3 object-level " + kind + " events for all buckets" +
                (reasons.empty() ? std::string(": the account has no trail") : ": " + base::Join(reasons, "; ")));
}

}  // namespace posture::checks
