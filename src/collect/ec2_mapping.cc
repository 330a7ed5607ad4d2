#include "collect/ec2_mapping.h"

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
  return out;
}

}  // namespace posture::collect
