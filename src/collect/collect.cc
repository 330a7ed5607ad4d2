#include "collect/collect.h"

#include <algorithm>
#include <chrono>

#include "aws/endpoints.h"
#include "collect/collectors.h"

namespace posture::collect {
namespace {

// ELBv2 and WAFv2 meet in the per-ALB web ACL lookup.
void PlanElbv2AndWafv2(CollectContext& ctx, inventory::RegionInventory& region) {
  PlanElbv2(ctx, region, PlanWafv2(ctx, region));
}

// Every regional collector, run for each region.
using RegionalPlan = void (*)(CollectContext&, inventory::RegionInventory&);
constexpr RegionalPlan kRegionalCollectors[] = {
    PlanEc2,    PlanElbv2AndWafv2, PlanApiGateway, PlanNetworkFirewall, PlanSecurityHub, PlanIdentityCenterInstances,
    PlanAccessAnalyzer, PlanConfig,   PlanKms,        PlanGuardDuty,       PlanRds,         PlanEfs};

// "aws" from "arn:aws:sts::123456789012:assumed-role/...".
std::string PartitionOf(const std::string& arn, std::string_view fallback_region) {
  if (arn.starts_with("arn:")) {
    const size_t end = arn.find(':', 4);
    if (end != std::string::npos && end > 4) return arn.substr(4, end - 4);
  }
  return std::string(aws::PartitionOfRegion(fallback_region));
}

}  // namespace

base::Result<CallerIdentity> IdentifyCaller(aws::AwsClient& client) {
  auto identity = client.call("sts", "GetCallerIdentity");
  if (!identity.ok()) return std::move(identity.error());
  CallerIdentity caller{Text(*identity, "Account"), PartitionOf(Text(*identity, "Arn"), client.options().region)};
  if (caller.account_id.empty()) return base::Error::Parse("sts:GetCallerIdentity: the answer names no account");
  return caller;
}

inventory::Inventory NewInventory(const std::string& account_id, const std::string& partition,
                                  const std::vector<std::string>& regions) {
  inventory::Inventory inventory;
  inventory.collected_at =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  inventory.account_id = account_id;
  inventory.partition = partition;
  for (const auto& name : regions) {
    if (std::none_of(inventory.regions.begin(), inventory.regions.end(),
                     [&](const auto& region) { return region.region == name; })) {
      inventory.regions.emplace_back().region = name;
    }
  }
  return inventory;
}

void PlanInventory(CollectContext& ctx, inventory::Inventory& inventory) {
  // The account-wide collectors. Identity Center reports the organization's
  // accounts it needs to the organization collector.
  PlanIam(ctx, inventory.iam);
  PlanAccount(ctx, inventory.account);
  PlanCloudFront(ctx, inventory.cloudfront);
  PlanS3(ctx, inventory);
  PlanCloudTrail(ctx, inventory.regions);
  PlanOrganization(ctx, inventory.organizations,
                   PlanIdentityCenter(ctx, inventory.regions, inventory.organizations.identity_center));
  for (auto& region : inventory.regions) {
    for (RegionalPlan plan : kRegionalCollectors) plan(ctx, region);
  }
}

base::Result<inventory::Inventory> CollectInventory(aws::AwsClient& client, const CollectOptions& options) {
  auto caller = IdentifyCaller(client);
  if (!caller.ok()) return std::move(caller.error());
  inventory::Inventory inventory = NewInventory(caller->account_id, caller->partition, options.regions);
  ErrorLog errors;
  {
    telemetry::AccountSpan account_span(inventory.account_id);
    telemetry::ScopeGuard account_scope(account_span.scope());
    TaskPool pool(options.concurrency, options.progress);
    CollectContext ctx{client, pool, errors, options.sections, inventory.account_id, inventory.partition};
    ctx.account_span = account_span.context();
    PlanInventory(ctx, inventory);
    pool.wait();
  }
  inventory.errors = errors.take();
  return inventory;
}

}  // namespace posture::collect
