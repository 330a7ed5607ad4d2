#include "collect/collectors.h"

namespace posture::collect {
namespace {

// DescribeLoadBalancers' largest page.
constexpr int kPageSize = 400;

inventory::LoadBalancer MapLoadBalancer(const aws::Json& item) {
  inventory::LoadBalancer out;
  out.arn = Text(item, "LoadBalancerArn");
  out.name = Text(item, "LoadBalancerName");
  out.type = Text(item, "Type");
  out.scheme = Text(item, "Scheme");
  out.vpc_id = Text(item, "VpcId");
  out.dns_name = Text(item, "DNSName");
  return out;
}

}  // namespace

void PlanElbv2(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants(inventory::kSectionLoadBalancers)) return;
  SubmitList(
      ctx, region.load_balancers, CallSite{"elbv2", "DescribeLoadBalancers", region.region},
      aws::Json{{"PageSize", kPageSize}}, "LoadBalancers",
      [](const aws::Json& item, std::vector<inventory::LoadBalancer>& out) { out.push_back(MapLoadBalancer(item)); });
}

}  // namespace posture::collect
