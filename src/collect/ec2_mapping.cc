#include "collect/ec2_mapping.h"

#include <algorithm>

#include "aws/json.h"
#include "collect/support.h"

namespace posture::collect {
namespace {

constexpr int kAllPorts = -1;

std::string OwnerOr(const aws::Json& resource, const ResourceScope& scope) {
  std::string owner = Text(resource, "OwnerId");
  return owner.empty() ? scope.account_id : owner;
}

std::string Ec2Arn(const ResourceScope& scope, const std::string& account, const std::string& resource) {
  return Arn(scope.partition, "ec2", scope.region, account, resource);
}

std::vector<inventory::SecurityGroupRule> MapPermissions(const aws::Json& permissions) {
  std::vector<inventory::SecurityGroupRule> rules;
  if (!permissions.is_array()) return rules;
  for (const auto& permission : permissions) {
    inventory::SecurityGroupRule rule;
    rule.protocol = Text(permission, "IpProtocol");
    rule.from_port = Int(permission, "FromPort", kAllPorts);
    rule.to_port = Int(permission, "ToPort", kAllPorts);
    rule.ipv4_ranges = TextOfEach(Member(permission, "IpRanges"), "CidrIp");
    rule.ipv6_ranges = TextOfEach(Member(permission, "Ipv6Ranges"), "CidrIpv6");
    rule.prefix_list_ids = TextOfEach(Member(permission, "PrefixListIds"), "PrefixListId");
    rule.group_ids = TextOfEach(Member(permission, "UserIdGroupPairs"), "GroupId");
    rules.push_back(std::move(rule));
  }
  return rules;
}

inventory::NetworkInterface MapInterface(const aws::Json& interface) {
  inventory::NetworkInterface out;
  out.id = Text(interface, "NetworkInterfaceId");
  out.group_ids = TextOfEach(Member(interface, "Groups"), "GroupId");
  out.public_ip = Text(Member(interface, "Association"), "PublicIp");
  out.private_ip = Text(interface, "PrivateIpAddress");
  out.subnet_id = Text(interface, "SubnetId");
  return out;
}

// The IPv4 and IPv6 blocks of one side of a peering, primary first, without duplicates.
std::vector<std::string> PeerCidrs(const aws::Json& side) {
  std::vector<std::string> cidrs;
  auto add = [&](const std::string& cidr) {
    if (!cidr.empty() && std::find(cidrs.begin(), cidrs.end(), cidr) == cidrs.end()) cidrs.push_back(cidr);
  };
  add(Text(side, "CidrBlock"));
  for (const auto& cidr : TextOfEach(Member(side, "CidrBlockSet"), "CidrBlock")) add(cidr);
  for (const auto& cidr : TextOfEach(Member(side, "Ipv6CidrBlockSet"), "Ipv6CidrBlock")) add(cidr);
  return cidrs;
}

}  // namespace

inventory::SecurityGroup MapSecurityGroup(const aws::Json& group, const ResourceScope& scope) {
  inventory::SecurityGroup out;
  out.id = Text(group, "GroupId");
  out.name = Text(group, "GroupName");
  out.description = Text(group, "Description");
  out.vpc_id = Text(group, "VpcId");
  out.owner_id = OwnerOr(group, scope);
  out.arn = Text(group, "SecurityGroupArn");
  if (out.arn.empty()) out.arn = Ec2Arn(scope, out.owner_id, "security-group/" + out.id);
  out.ingress = MapPermissions(Member(group, "IpPermissions"));
  out.egress = MapPermissions(Member(group, "IpPermissionsEgress"));
  out.tags = ParseTags(group);
  return out;
}

inventory::NetworkAcl MapNetworkAcl(const aws::Json& acl, const ResourceScope& scope) {
  inventory::NetworkAcl out;
  out.id = Text(acl, "NetworkAclId");
  out.vpc_id = Text(acl, "VpcId");
  out.arn = Ec2Arn(scope, OwnerOr(acl, scope), "network-acl/" + out.id);
  out.is_default = Flag(acl, "IsDefault");
  for (const auto& entry : Items(acl, "Entries")) {
    inventory::NetworkAclEntry mapped;
    mapped.rule_number = Int(entry, "RuleNumber");
    mapped.protocol = Text(entry, "Protocol");
    mapped.egress = Flag(entry, "Egress");
    mapped.allow = Text(entry, "RuleAction") == "allow";
    mapped.ipv4_cidr = Text(entry, "CidrBlock");
    mapped.ipv6_cidr = Text(entry, "Ipv6CidrBlock");
    const aws::Json& range = Member(entry, "PortRange");
    mapped.from_port = Int(range, "From", kAllPorts);
    mapped.to_port = Int(range, "To", kAllPorts);
    out.entries.push_back(std::move(mapped));
  }
  out.subnet_ids = TextOfEach(Member(acl, "Associations"), "SubnetId");
  out.tags = ParseTags(acl);
  return out;
}

void AddReservationInstances(const aws::Json& reservation, const ResourceScope& scope,
                             std::vector<inventory::Instance>& out) {
  for (const auto& instance : Items(reservation, "Instances")) {
    inventory::Instance mapped;
    mapped.id = Text(instance, "InstanceId");
    mapped.arn = Ec2Arn(scope, scope.account_id, "instance/" + mapped.id);
    mapped.state = Text(Member(instance, "State"), "Name");
    mapped.vpc_id = Text(instance, "VpcId");
    mapped.subnet_id = Text(instance, "SubnetId");
    mapped.public_ip = Text(instance, "PublicIpAddress");
    mapped.group_ids = TextOfEach(Member(instance, "SecurityGroups"), "GroupId");
    for (const auto& interface : Items(instance, "NetworkInterfaces")) {
      mapped.interfaces.push_back(MapInterface(interface));
    }
    const aws::Json& metadata = Member(instance, "MetadataOptions");
    mapped.http_tokens = Text(metadata, "HttpTokens");
    mapped.http_endpoint = Text(metadata, "HttpEndpoint");
    mapped.instance_profile_arn = Text(Member(instance, "IamInstanceProfile"), "Arn");
    mapped.tags = ParseTags(instance);
    out.push_back(std::move(mapped));
  }
}

inventory::Vpc MapVpc(const aws::Json& vpc, const ResourceScope& scope) {
  inventory::Vpc out;
  out.id = Text(vpc, "VpcId");
  out.arn = Ec2Arn(scope, OwnerOr(vpc, scope), "vpc/" + out.id);
  out.cidr = Text(vpc, "CidrBlock");
  out.is_default = Flag(vpc, "IsDefault");
  out.tags = ParseTags(vpc);
  return out;
}

inventory::VpcPeering MapVpcPeering(const aws::Json& peering) {
  inventory::VpcPeering out;
  out.id = Text(peering, "VpcPeeringConnectionId");
  out.status = Text(Member(peering, "Status"), "Code");
  const aws::Json& requester = Member(peering, "RequesterVpcInfo");
  out.requester_vpc_id = Text(requester, "VpcId");
  out.requester_owner_id = Text(requester, "OwnerId");
  out.requester_region = Text(requester, "Region");
  out.requester_cidr = Text(requester, "CidrBlock");
  const aws::Json& accepter = Member(peering, "AccepterVpcInfo");
  out.accepter_vpc_id = Text(accepter, "VpcId");
  out.accepter_owner_id = Text(accepter, "OwnerId");
  out.accepter_region = Text(accepter, "Region");
  out.accepter_cidr = Text(accepter, "CidrBlock");
  out.tags = ParseTags(peering);
  out.requester_cidrs = PeerCidrs(requester);
  out.accepter_cidrs = PeerCidrs(accepter);
  return out;
}

inventory::Volume MapVolume(const aws::Json& volume, const ResourceScope& scope) {
  inventory::Volume out;
  out.id = Text(volume, "VolumeId");
  out.arn = Ec2Arn(scope, scope.account_id, "volume/" + out.id);
  out.state = Text(volume, "State");
  out.encrypted = Flag(volume, "Encrypted");
  out.kms_key_id = Text(volume, "KmsKeyId");
  out.size_gib = Int(volume, "Size");
  out.attached_instance_ids = TextOfEach(Member(volume, "Attachments"), "InstanceId");
  out.tags = ParseTags(volume);
  return out;
}

inventory::FlowLog MapFlowLog(const aws::Json& flow_log) {
  inventory::FlowLog out;
  out.id = Text(flow_log, "FlowLogId");
  out.resource_id = Text(flow_log, "ResourceId");
  out.traffic_type = Text(flow_log, "TrafficType");
  out.status = Text(flow_log, "FlowLogStatus");
  out.deliver_status = Text(flow_log, "DeliverLogsStatus");
  out.destination_type = Text(flow_log, "LogDestinationType");
  out.destination = Text(flow_log, "LogGroupName");
  if (out.destination.empty()) out.destination = Text(flow_log, "LogDestination");
  return out;
}

inventory::RouteTable MapRouteTable(const aws::Json& table, const ResourceScope& scope) {
  inventory::RouteTable out;
  out.id = Text(table, "RouteTableId");
  out.vpc_id = Text(table, "VpcId");
  out.owner_id = OwnerOr(table, scope);
  out.arn = Ec2Arn(scope, out.owner_id, "route-table/" + out.id);
  for (const auto& association : Items(table, "Associations")) {
    if (Flag(association, "Main")) out.main = true;
    const std::string subnet = Text(association, "SubnetId");
    if (!subnet.empty()) out.subnet_ids.push_back(subnet);
  }
  for (const auto& route : Items(table, "Routes")) {
    inventory::Route mapped;
    mapped.destination_ipv4 = Text(route, "DestinationCidrBlock");
    mapped.destination_ipv6 = Text(route, "DestinationIpv6CidrBlock");
    mapped.destination_prefix_list_id = Text(route, "DestinationPrefixListId");
    mapped.gateway_id = Text(route, "GatewayId");
    mapped.egress_only_gateway_id = Text(route, "EgressOnlyInternetGatewayId");
    mapped.nat_gateway_id = Text(route, "NatGatewayId");
    mapped.transit_gateway_id = Text(route, "TransitGatewayId");
    mapped.vpc_peering_connection_id = Text(route, "VpcPeeringConnectionId");
    mapped.instance_id = Text(route, "InstanceId");
    mapped.network_interface_id = Text(route, "NetworkInterfaceId");
    mapped.state = Text(route, "State");
    mapped.origin = Text(route, "Origin");
    out.routes.push_back(std::move(mapped));
  }
  out.tags = ParseTags(table);
  return out;
}

}  // namespace posture::collect
