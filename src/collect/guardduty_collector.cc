// GuardDuty: the region's detectors (ListDetectors; none when GuardDuty was
// never enabled, which is a value) and each one's status (GetDetector; a
// region has at most one detector, so these run in sequence).
#include "collect/collectors.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using Detectors = std::vector<inv::GuardDutyDetector>;

constexpr int kMaxResults = 50;

inv::Collected<Detectors> ReadDetectors(aws::AwsClient& client, const CallSite& site) {
  std::vector<std::string> ids;
  auto status = ForEachItem(client, site, {{"MaxResults", kMaxResults}}, "DetectorIds", [&](const aws::Json& id) {
    if (id.is_string()) ids.push_back(id.get<std::string>());
  });
  if (!status.ok()) return Failure<Detectors>(site.failure(status.error()));
  Detectors detectors;
  const CallSite get{"guardduty", "GetDetector", site.region};
  for (const auto& id : ids) {
    auto detector = client.call(get.service, get.operation, {{"DetectorId", id}}, get.region);
    if (!detector.ok()) {
      if (detector.error().kind() == base::ErrorKind::kNotFound) continue;  // deleted since listed
      return Failure<Detectors>(get.failure(detector.error()));
    }
    detectors.push_back({id, Text(*detector, "Status")});
  }
  return Success(std::move(detectors));
}

}  // namespace

void PlanGuardDuty(CollectContext& ctx, inv::RegionInventory& region) {
  if (!ctx.wants("guardduty.detectors")) return;
  const CallSite site{"guardduty", "ListDetectors", region.region};
  SubmitSection(ctx, region.guardduty.detectors, site,
                [&client = ctx.client, site] { return ReadDetectors(client, site); });
}

}  // namespace posture::collect
