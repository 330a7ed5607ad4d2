// IAM Identity Center: sso-admin ListInstances in every region. The
// instance lives in one region, so an empty list elsewhere is normal; a
// region where the service is not offered cannot hold one either, so
// "unavailable here" answers read as an empty list. Errors that hide an
// answer (denied, throttled, network, ...) fail the section. When the
// Identity Center permission sets are asked for, identity_center_collector.cc
// lists the instances instead: one call per region serves both sections.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

using Instances = std::vector<inventory::SsoInstance>;

// ListInstances' largest page.
constexpr int kMaxResults = 100;

bool NotOfferedHere(const base::Error& error) {
  switch (error.kind()) {
    case base::ErrorKind::kServiceUnavailable:
    case base::ErrorKind::kUnsupported:
    case base::ErrorKind::kNotFound:
      return true;
    default:
      return false;
  }
}

}  // namespace

inventory::Collected<Instances> ListSsoInstances(aws::AwsClient& client, const CallSite& site) {
  Instances instances;
  auto status = ForEachItem(client, site, {{"MaxResults", kMaxResults}}, "Instances", [&](const aws::Json& item) {
    instances.push_back({Text(item, "InstanceArn"), Text(item, "IdentityStoreId"), site.region});
  });
  if (status.ok()) return Success(std::move(instances));
  if (NotOfferedHere(status.error())) return Success(Instances{});
  return Failure<Instances>(site.failure(status.error()));
}

void PlanSso(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants(inventory::kSectionSsoInstances)) return;
  // PlanIdentityCenter lists the instances of every region then, this section too.
  if (ctx.wants(inventory::kSectionSsoPermissionSets)) return;
  const CallSite site{"sso-admin", "ListInstances", region.region};
  SubmitSection(ctx, region.sso_instances, site,
                [&client = ctx.client, site] { return ListSsoInstances(client, site); });
}

}  // namespace posture::collect
