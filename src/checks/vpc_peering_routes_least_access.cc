// A route table fails when a route to a VPC peering connection covers a
// whole CIDR block of the peer VPC, or more (0.0.0.0/0 and ::/0 being the
// worst case), instead of only the subnets that need to be reached. The
// peer's blocks come from the peering (every IPv4 and IPv6 block of each
// side). Blackhole routes carry no traffic and are skipped; a route to a
// peering this scan did not list cannot be compared and is named in the
// message. Route tables without peering routes give no finding.
#include <algorithm>
#include <optional>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/cidr.h"
#include "checks/network_rules.h"

namespace posture::checks::vpc_peering_routes_least_access {
namespace {

const inventory::VpcPeering* FindPeering(const std::vector<inventory::VpcPeering>& peerings, const std::string& id) {
  for (const auto& peering : peerings) {
    if (peering.id == id) return &peering;
  }
  return nullptr;
}

// The peer side of `peering` seen from `vpc_id`: its VPC and blocks.
std::pair<std::string, std::vector<std::string>> PeerOf(const inventory::VpcPeering& peering,
                                                        const std::string& vpc_id) {
  if (vpc_id == peering.requester_vpc_id) return {peering.accepter_vpc_id, peering.accepter_cidrs};
  if (vpc_id == peering.accepter_vpc_id) return {peering.requester_vpc_id, peering.requester_cidrs};
  // A table of neither side (should not happen): judge against both.
  std::vector<std::string> both = peering.requester_cidrs;
  both.insert(both.end(), peering.accepter_cidrs.begin(), peering.accepter_cidrs.end());
  return {peering.requester_vpc_id + "/" + peering.accepter_vpc_id, both};
}

struct RouteVerdict {
  std::optional<std::string> too_wide;  // why the route is too wide
  std::optional<std::string> unknown;   // why it could not be judged
};

RouteVerdict Judge(const inventory::Route& route, const std::string& vpc_id,
                   const std::vector<inventory::VpcPeering>& peerings) {
  const std::string& pcx = route.vpc_peering_connection_id;
  const std::string& destination = route.destination();
  const std::string prefix = "routes " + destination + " to " + pcx;
  if (IsInternetCidr(destination, IpFamily::kIpv4) || IsInternetCidr(destination, IpFamily::kIpv6)) {
    return {prefix + ": every address, the widest route possible", std::nullopt};
  }
  if (route.destination_ipv4.empty() && route.destination_ipv6.empty()) {
    return {std::nullopt, prefix + " (a prefix list, not compared)"};
  }
  const auto* peering = FindPeering(peerings, pcx);
  if (peering == nullptr) return {std::nullopt, prefix + " (peering not listed in this region)"};
  const auto [peer_vpc, peer_cidrs] = PeerOf(*peering, vpc_id);
  std::string error;
  const auto parsed = ParseCidr(destination, &error);
  if (!parsed) return {std::nullopt, prefix + " (" + error + ")"};
  std::vector<std::string> covered;
  for (const auto& block : peer_cidrs) {
    const auto peer = ParseCidr(block);
    if (peer && CidrCovers(*parsed, *peer)) covered.push_back(block);
  }
  if (covered.empty()) return {};
  return {prefix + ", covering the whole of peer VPC " + peer_vpc + "'s " + base::Join(covered), std::nullopt};
}

void EvaluateTable(const inventory::Inventory& inventory, FindingSink& sink, const std::string& region,
                   const inventory::RouteTable& table, const std::vector<inventory::VpcPeering>& peerings) {
  std::vector<std::string> too_wide, unknown, narrow;
  for (const auto& route : table.routes) {
    if (route.vpc_peering_connection_id.empty() || base::EqualsIgnoreCase(route.state, "blackhole")) continue;
    const RouteVerdict verdict = Judge(route, table.vpc_id, peerings);
    if (verdict.too_wide) {
      too_wide.push_back(*verdict.too_wide);
    } else if (verdict.unknown) {
      unknown.push_back(*verdict.unknown);
    } else {
      narrow.push_back(route.destination() + " to " + route.vpc_peering_connection_id);
    }
  }
  if (too_wide.empty() && unknown.empty() && narrow.empty()) return;
  const std::string arn = ResourceArn(table.arn, inventory, "ec2", region, "route-table/" + table.id);
  const std::string could_not = unknown.empty() ? "" : "; could not compare: " + base::Join(unknown, "; ");
  if (!too_wide.empty()) {
    sink.fail(region, table.id, arn, base::Join(too_wide, "; ") + could_not);
  } else if (!narrow.empty()) {
    sink.pass(region, table.id, arn,
              "peering routes are narrower than the peer VPC: " + base::Join(narrow) + could_not);
  } else {
    sink.pass(region, table.id, arn, "no peering route covers a whole peer VPC" + could_not);
  }
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.ec2.route_tables, region.region)) continue;
    bool peerings_read = false;  // the peerings are needed only when a table routes to one
    for (const auto& table : *region.ec2.route_tables) {
      const bool routes_to_peering = std::any_of(table.routes.begin(), table.routes.end(), [](const auto& route) {
        return !route.vpc_peering_connection_id.empty();
      });
      if (!routes_to_peering) continue;
      if (!peerings_read && !sink.require(region.ec2.vpc_peerings, region.region)) break;
      peerings_read = true;
      EvaluateTable(inventory, sink, region.region, table, *region.ec2.vpc_peerings);
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "vpc_peering_routes_least_access",
            .title = "Routes to VPC peering connections reach only the subnets that need them",
            .severity = Severity::kMedium,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::RouteTable",
            .scope = "L+C",
            .fails_when = "a route to a peering connection covers the peer VPC's whole CIDR or more, instead of the "
                          "subnets that need it",
            .risk = "A route covering the whole peer VPC (or everything) lets every host in these subnets reach "
                    "every host over there, so one compromised machine can move across the peering freely.",
            .remediation = "aws ec2 delete-route --route-table-id <rtb-id> --destination-cidr-block <wide-cidr> && "
                           "aws ec2 create-route --route-table-id <rtb-id> --destination-cidr-block "
                           "<peer-subnet-cidr> --vpc-peering-connection-id <pcx-id>",
            .remediation_terraform = "resource \"aws_route\" \"to_peer_db\" {\n  route_table_id            = "
                                     "aws_route_table.app.id\n  destination_cidr_block    = \"10.1.3.0/24\"  # the "
                                     "peer subnet, not the peer VPC\n  vpc_peering_connection_id = "
                                     "aws_vpc_peering_connection.db.id\n}",
            .docs_url = "https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html",
            .reads = {POSTURE_FIELD(RouteTable, routes), POSTURE_EVERY_FIELD(VpcPeering)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::vpc_peering_routes_least_access
