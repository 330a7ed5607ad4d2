// VPCs, peering connections, flow logs, route tables and routes.
#include <algorithm>
#include <array>
#include <set>

#include "iac/network_mapping.h"

namespace posture::iac::network {
namespace {

// A route's target attributes: Terraform name, CloudFormation name, Route member.
struct TargetName {
  const char* terraform;
  const char* cloudformation;
  const char* member;
};
constexpr std::array<TargetName, 10> kTargets = {{
    {"gateway_id", "GatewayId", "gateway_id"},
    {"vpc_endpoint_id", "VpcEndpointId", "gateway_id"},  // DescribeRouteTables shows endpoints as gateways
    {"egress_only_gateway_id", "EgressOnlyInternetGatewayId", "egress_only_gateway_id"},
    {"nat_gateway_id", "NatGatewayId", "nat_gateway_id"},
    {"transit_gateway_id", "TransitGatewayId", "transit_gateway_id"},
    {"vpc_peering_connection_id", "VpcPeeringConnectionId", "vpc_peering_connection_id"},
    {"instance_id", "InstanceId", "instance_id"},
    {"network_interface_id", "NetworkInterfaceId", "network_interface_id"},
    {"local_gateway_id", "LocalGatewayId", "gateway_id"},
    {"carrier_gateway_id", "CarrierGatewayId", "gateway_id"},
}};

// A non-empty value, or nullptr.
const Json* Given(const Json& values, std::string_view key) {
  const Json* value = Member(values, key);
  if (value != nullptr && value->is_string() && value->get_ref<const std::string&>().empty()) return nullptr;
  return value;
}

// A route block of aws_route_table (`inline_block`), an aws_route, or an AWS::EC2::Route.
PendingRoute ReadRoute(const Json& v, const Resource& r, bool inline_block) {
  const bool cfn = IsCloudFormation(r);
  PendingRoute route;
  const char* ipv4 = cfn ? "DestinationCidrBlock" : (inline_block ? "cidr_block" : "destination_cidr_block");
  const char* ipv6 =
      cfn ? "DestinationIpv6CidrBlock" : (inline_block ? "ipv6_cidr_block" : "destination_ipv6_cidr_block");
  if (const Json* value = Given(v, ipv4)) route.destination_ipv4 = *value;
  if (const Json* value = Given(v, ipv6)) route.destination_ipv6 = *value;
  const Json* prefix = Given(v, cfn ? "DestinationPrefixListId" : "destination_prefix_list_id");
  if (UnknownValue(prefix)) route.unknown = true;
  route.route.destination_prefix_list_id = Text(prefix).value_or("");
  for (const auto& target : kTargets) {
    const Json* value = Given(v, cfn ? target.cloudformation : target.terraform);
    // Terraform computes the targets it is not given (instance_id, network_interface_id).
    if (Unset(value, r)) continue;
    if (UnknownValue(value))
      route.unknown = true;
    else
      route.targets[target.member] = *value;
  }
  return route;
}

void SetTarget(inventory::Route& route, const std::string& member, std::string id) {
  if (member == "gateway_id")
    route.gateway_id = std::move(id);
  else if (member == "egress_only_gateway_id")
    route.egress_only_gateway_id = std::move(id);
  else if (member == "nat_gateway_id")
    route.nat_gateway_id = std::move(id);
  else if (member == "transit_gateway_id")
    route.transit_gateway_id = std::move(id);
  else if (member == "vpc_peering_connection_id")
    route.vpc_peering_connection_id = std::move(id);
  else if (member == "instance_id")
    route.instance_id = std::move(id);
  else if (member == "network_interface_id")
    route.network_interface_id = std::move(id);
}

std::string RealId(const Resource& r) { return IsCloudFormation(r) ? "" : Text(Member(r.values, "id")).value_or(""); }

void AliasArn(const Resource& r, MappingContext& c) {
  if (auto arn = Text(Member(r.values, "arn")); arn && !IsCloudFormation(r)) c.alias(*arn, r.address);
}

}  // namespace

bool NetworkMapper::add_vpc(const Resource& r, MappingContext& c) {
  const Json& v = r.values;
  const bool cfn = IsCloudFormation(r);
  if (r.type == "aws_vpc" || r.type == "aws_default_vpc" || r.type == "AWS::EC2::VPC") {
    PendingVpc p{r.address, r.region, {}};
    p.vpc.id = r.address;
    p.vpc.is_default = r.type == "aws_default_vpc";
    const Json* cidr = Member(v, cfn ? "CidrBlock" : "cidr_block");
    if (UnknownValue(cidr)) c.mark_unknown(r.address, "Vpc.cidr");
    p.vpc.cidr = Text(cidr).value_or("");
    p.vpc.tags = ReadTags(Member(v, cfn ? "Tags" : "tags"));
    AliasArn(r, c);
    c.record(r, RealId(r));
    vpcs_.push_back(std::move(p));
    return true;
  }
  if (r.type == "aws_vpc_ipv4_cidr_block_association" || r.type == "AWS::EC2::VPCCidrBlock") {
    const Json* vpc = Member(v, cfn ? "VpcId" : "vpc_id");
    auto cidr = Text(Member(v, cfn ? "CidrBlock" : "cidr_block"));
    if (vpc != nullptr && cidr) secondary_cidrs_.emplace_back(*vpc, *cidr);
    return true;
  }
  if (r.type == "aws_vpc_peering_connection" || r.type == "AWS::EC2::VPCPeeringConnection") {
    PendingPeering p{r.address, r.region, {}, {}, {}};
    p.peering.id = r.address;
    if (const Json* vpc = Member(v, cfn ? "VpcId" : "vpc_id")) p.requester = *vpc;
    if (const Json* vpc = Member(v, cfn ? "PeerVpcId" : "peer_vpc_id")) p.accepter = *vpc;
    const std::optional<std::string> owner = Text(Member(v, cfn ? "PeerOwnerId" : "peer_owner_id"));
    p.peering.accepter_owner_id = owner.value_or("");
    p.peering.accepter_region = Text(Member(v, cfn ? "PeerRegion" : "peer_region")).value_or("");
    p.peering.tags = ReadTags(Member(v, cfn ? "Tags" : "tags"));
    if (cfn) {
      // CloudFormation accepts a same-account peering itself, and a
      // cross-account one when given the peer's role.
      const bool same_account = !owner || owner->empty();
      p.peering.status = same_account || Member(v, "PeerRoleArn") ? "active" : "pending-acceptance";
    } else if (auto status = Text(Member(v, "accept_status")); status && !status->empty()) {
      p.peering.status = *status;
    } else {
      const Setting<bool> auto_accept = BoolSetting(Member(v, "auto_accept"), r);
      if (auto_accept.unknown) c.mark_unknown(r.address, "VpcPeering.status");
      p.peering.status = auto_accept.known() && auto_accept.value ? "active" : "pending-acceptance";
    }
    c.record(r, RealId(r));
    peerings_.push_back(std::move(p));
    return true;
  }
  if (r.type == "aws_vpc_peering_connection_accepter") {
    if (Boolean(Member(v, "auto_accept")).value_or(false)) {
      if (const Json* peering = Member(v, "vpc_peering_connection_id")) accepted_peerings_.push_back(*peering);
    }
    return true;
  }
  if (r.type == "aws_flow_log" || r.type == "AWS::EC2::FlowLog") {
    PendingFlowLog p{r.address, r.region, {}, {}};
    p.flow_log.id = r.address;
    if (cfn) {
      if (const Json* resource = Member(v, "ResourceId")) p.resource = *resource;
    } else {
      for (const char* key : {"vpc_id", "subnet_id", "eni_id", "transit_gateway_id", "transit_gateway_attachment_id"}) {
        if (const Json* resource = Given(v, key)) {
          p.resource = *resource;
          break;
        }
      }
    }
    if (UnknownValue(&p.resource)) c.mark_unknown(r.address, "FlowLog.resource_id");
    const Json* traffic = Member(v, cfn ? "TrafficType" : "traffic_type");
    if (UnknownValue(traffic)) c.mark_unknown(r.address, "FlowLog.traffic_type");
    p.flow_log.traffic_type = Text(traffic).value_or("");
    // Both default to CloudWatch Logs.
    p.flow_log.destination_type =
        Text(Member(v, cfn ? "LogDestinationType" : "log_destination_type")).value_or("cloud-watch-logs");
    if (p.flow_log.destination_type.empty()) p.flow_log.destination_type = "cloud-watch-logs";
    auto group = Text(Given(v, cfn ? "LogGroupName" : "log_group_name"));
    p.flow_log.destination = group ? *group : Text(Given(v, cfn ? "LogDestination" : "log_destination")).value_or("");
    AliasArn(r, c);
    c.record(r, RealId(r));
    flow_logs_.push_back(std::move(p));
    return true;
  }
  if (r.type == "aws_route_table" || r.type == "aws_default_route_table" || r.type == "AWS::EC2::RouteTable") {
    PendingRouteTable p{r.address, r.region, {}, {}, {}, false};
    p.table.id = r.address;
    p.table.main = r.type == "aws_default_route_table";
    if (const Json* vpc = Member(v, cfn ? "VpcId" : "vpc_id")) p.vpc = *vpc;
    p.table.tags = ReadTags(Member(v, cfn ? "Tags" : "tags"));
    const Json* routes = cfn ? nullptr : Member(v, "route");
    if (!Unset(routes, r)) {
      if (!routes->is_array()) {
        p.routes_unknown = true;
      } else {
        for (const auto& block : *routes) p.routes.push_back(ReadRoute(block, r, true));
      }
    }
    if (r.type == "aws_default_route_table") {
      if (auto id = Text(Member(v, "default_route_table_id"))) c.alias(*id, r.address);
    }
    AliasArn(r, c);
    c.record(r, RealId(r));
    route_tables_.push_back(std::move(p));
    return true;
  }
  if (r.type == "aws_route" || r.type == "AWS::EC2::Route") {
    PendingRoute route = ReadRoute(v, r, false);
    if (const Json* table = Member(v, cfn ? "RouteTableId" : "route_table_id")) route.table = *table;
    route_resources_.push_back(std::move(route));
    return true;
  }
  return false;
}

void NetworkMapper::finish_vpcs(MappingContext& c) {
  auto cidr_of = [&](const std::string& vpc_id) -> std::string {
    auto it = vpc_cidrs_.find(vpc_id);
    return it == vpc_cidrs_.end() ? "" : it->second;
  };
  std::map<std::string, std::vector<std::string>> secondary;  // VPC -> its other blocks
  for (const auto& [vpc, cidr] : secondary_cidrs_) secondary[c.canonical_id(vpc)].push_back(cidr);
  std::set<std::string> accepted;
  for (const auto& peering : accepted_peerings_) accepted.insert(c.canonical_id(peering));
  for (auto& p : peerings_) {
    p.peering.requester_vpc_id = c.canonical_id(p.requester);
    p.peering.accepter_vpc_id = c.canonical_id(p.accepter);
    p.peering.requester_cidr = cidr_of(p.peering.requester_vpc_id);
    p.peering.accepter_cidr = cidr_of(p.peering.accepter_vpc_id);
    // Every block of each side, the primary first, as DescribeVpcPeeringConnections lists them.
    auto blocks = [&](const std::string& vpc_id, const std::string& primary) {
      std::vector<std::string> out;
      if (!primary.empty()) out.push_back(primary);
      if (auto it = secondary.find(vpc_id); !vpc_id.empty() && it != secondary.end()) {
        out.insert(out.end(), it->second.begin(), it->second.end());
      }
      return out;
    };
    p.peering.requester_cidrs = blocks(p.peering.requester_vpc_id, p.peering.requester_cidr);
    p.peering.accepter_cidrs = blocks(p.peering.accepter_vpc_id, p.peering.accepter_cidr);
    if (accepted.count(p.address) > 0) p.peering.status = "active";
    c.region(p.region).ec2.vpc_peerings.value->push_back(std::move(p.peering));
  }
  for (const auto& p : vpcs_) c.region(p.region).ec2.vpcs.value->push_back(p.vpc);
  for (auto& p : flow_logs_) {
    p.flow_log.resource_id = c.canonical_id(p.resource);
    c.region(p.region).ec2.flow_logs.value->push_back(std::move(p.flow_log));
  }
  const auto tables = ByAddress(route_tables_);
  for (auto& route : route_resources_) {
    auto table = tables.find(c.canonical_id(route.table));
    if (table != tables.end()) table->second->routes.push_back(std::move(route));  // else: a table outside the run
  }
  for (auto& t : route_tables_) {
    t.table.vpc_id = c.canonical_id(t.vpc);
    bool unknown = t.routes_unknown;
    for (auto& pending : t.routes) {
      inventory::Route route = pending.route;
      unknown = unknown || pending.unknown;
      for (auto [ref, into] : {std::pair{&pending.destination_ipv4, &route.destination_ipv4},
                               std::pair{&pending.destination_ipv6, &route.destination_ipv6}}) {
        if (ref->is_null()) continue;
        if (auto cidr = resolve_cidr(*ref))
          *into = *cidr;
        else
          unknown = true;
      }
      for (const auto& [member, ref] : pending.targets) SetTarget(route, member, c.canonical_id(ref));
      t.table.routes.push_back(std::move(route));
    }
    if (unknown) c.mark_unknown(t.address, "RouteTable.routes");
    c.region(t.region).ec2.route_tables.value->push_back(std::move(t.table));
  }
}

}  // namespace posture::iac::network
