// AWS Network Firewall: ListFirewalls per region, every page. The listing
// names each firewall; whether a region has any is what the egress check
// needs, so no DescribeFirewall call is made.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

using Firewalls = std::vector<inventory::NetworkFirewall>;

// ListFirewalls' largest page.
constexpr int kMaxResults = 100;

}  // namespace

void PlanNetworkFirewall(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants("network_firewall.firewalls")) return;
  SubmitList(ctx, region.network_firewall.firewalls, CallSite{"network-firewall", "ListFirewalls", region.region},
             {{"MaxResults", kMaxResults}}, "Firewalls", [](const aws::Json& item, Firewalls& out) {
               out.push_back({Text(item, "FirewallName"), Text(item, "FirewallArn")});
             });
}

}  // namespace posture::collect
