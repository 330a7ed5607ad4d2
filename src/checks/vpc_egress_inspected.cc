// One finding per region: internet-facing routes (0.0.0.0/0 or ::/0 to an
// internet gateway) with no AWS Network Firewall in the region fail. The
// firewall listing is needed only when such routes exist. Whether each
// firewall actually sits in the path of each VPC's egress is not judged:
// that needs the firewall's subnets and every route, beyond the catalog's
// region-level question.
#include <algorithm>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/network_rules.h"

namespace posture::checks::vpc_egress_inspected {
namespace {

bool IsInternetGatewayRoute(const inventory::Route& route) {
  if (!route.gateway_id.starts_with("igw-") || base::EqualsIgnoreCase(route.state, "blackhole")) return false;
  return IsInternetCidr(route.destination_ipv4, IpFamily::kIpv4) ||
         IsInternetCidr(route.destination_ipv6, IpFamily::kIpv6);
}

// "rtb-1 (vpc-1): 0.0.0.0/0 to igw-1" for each route table with such a route.
std::vector<std::string> InternetRoutes(const std::vector<inventory::RouteTable>& tables) {
  std::vector<std::string> out;
  for (const auto& table : tables) {
    std::vector<std::string> routes;
    for (const auto& route : table.routes) {
      if (IsInternetGatewayRoute(route)) routes.push_back(route.destination() + " to " + route.gateway_id);
    }
    if (!routes.empty()) out.push_back(table.id + " (" + table.vpc_id + "): " + base::Join(routes));
  }
  return out;
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  sink.set_resource_type(kAccountResourceType);
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.ec2.route_tables, region.region)) continue;
    const std::vector<std::string> routes = InternetRoutes(*region.ec2.route_tables);
    if (routes.empty()) {
      sink.pass(region.region, inventory.account_id, RootArn(inventory),
                "no route table in " + region.region + " sends 0.0.0.0/0 or ::/0 to an internet gateway");
      continue;
    }
    if (!sink.require(region.network_firewall.firewalls, region.region)) continue;
    const auto& firewalls = *region.network_firewall.firewalls;
    if (firewalls.empty()) {
      sink.fail(region.region, inventory.account_id, RootArn(inventory),
                Count(routes.size(), "route table sends", "route tables send") +
                    " internet traffic to an internet gateway but " + region.region +
                    " has no AWS Network Firewall: " + base::Join(routes, "; "));
      continue;
    }
    std::vector<std::string> names;
    for (const auto& firewall : firewalls) names.push_back(firewall.name.empty() ? firewall.arn : firewall.name);
    sink.pass(region.region, inventory.account_id, RootArn(inventory),
              "AWS Network Firewall present (" + base::Join(names) + ") for " +
                  Count(routes.size(), "internet-facing route table", "internet-facing route tables"));
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "vpc_egress_inspected",
            .title = "Internet-facing VPC traffic passes an AWS Network Firewall",
            .severity = Severity::kMedium,
            .category = Category::kEdge,
            .resource_type = "AWS::::Account",
            .scope = "L",
            .fails_when = "a region has internet-facing VPC routes (0.0.0.0/0 to an internet gateway) but no AWS "
                          "Network Firewall",
            .risk = "Without an inspection point, a compromised workload can reach command-and-control servers or "
                    "exfiltrate data to any address on the internet unnoticed and unblocked.",
            .remediation = "aws network-firewall create-firewall --firewall-name egress --firewall-policy-arn "
                           "<policy-arn> --vpc-id <vpc-id> --subnet-mappings SubnetId=<firewall-subnet-id>  # then "
                           "route the subnets' 0.0.0.0/0 through the firewall endpoint",
            .remediation_terraform = "resource \"aws_networkfirewall_firewall\" \"egress\" {\n  name                "
                                     "= \"egress\"\n  firewall_policy_arn = aws_networkfirewall_firewall_policy.egress."
                                     "arn\n  vpc_id              = aws_vpc.main.id\n  subnet_mapping {\n    subnet_id "
                                     "= aws_subnet.firewall.id\n  }\n}",
            .docs_url = "https://docs.aws.amazon.com/network-firewall/latest/developerguide/what-is-aws-network-"
                        "firewall.html",
            .reads = {POSTURE_FIELD(RouteTable, routes), POSTURE_FIELD(NetworkFirewall, arn)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::vpc_egress_inspected
