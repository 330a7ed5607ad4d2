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

using LoadBalancers = std::vector<inventory::LoadBalancer>;

inventory::Collected<LoadBalancers> ListLoadBalancers(aws::AwsClient& client, const CallSite& site) {
  LoadBalancers list;
  auto status = ForEachItem(client, site, aws::Json{{"PageSize", kPageSize}}, "LoadBalancers",
                            [&](const aws::Json& item) { list.push_back(MapLoadBalancer(item)); });
  if (!status.ok()) return Failure<LoadBalancers>(site.failure(status.error()));
  return Success(std::move(list));
}

}  // namespace

void PlanElbv2(CollectContext& ctx, inventory::RegionInventory& region, std::shared_ptr<WebAclLookup> web_acls) {
  if (!ctx.wants("elbv2.load_balancers") && !web_acls) return;
  const CallSite site{"elbv2", "DescribeLoadBalancers", region.region};
  SubmitSection(ctx, region.elbv2.load_balancers, site, [&client = ctx.client, site, web_acls] {
    auto list = [&] { return ListLoadBalancers(client, site); };
    auto outcome = Guarded<LoadBalancers>(site, list);
    if (web_acls) {
      std::vector<std::string> internet_facing;
      if (outcome.ok()) {
        for (const auto& lb : *outcome) {
          if (lb.internet_facing_application()) internet_facing.push_back(lb.arn);
        }
      }
      web_acls->load_balancers_listed(outcome.error, std::move(internet_facing));
    }
    return outcome;
  });
}

}  // namespace posture::collect
