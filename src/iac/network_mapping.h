// Private to src/iac: the network domain mapper (EC2/VPC, EBS and the
// public edge), split by what it maps:
//   network_mapping.cc         dispatch, shared value readers, finish()
//   security_group_mapping.cc  security groups, their rule resources, NACLs
//   instance_mapping.cc        instances, launch templates, subnets, Elastic IPs, EBS
//   vpc_mapping.cc             VPCs and their extra blocks, peering, flow logs, route tables
//   edge_mapping.cc            load balancers, WAF associations, CloudFront, API Gateway
//   network_comparables.cc     AppendNetworkComparables
//
// add() keeps compact values: strings, numbers, and reference values (a
// marker or a real id) as small JSON scalars, resolved with canonical_id()
// in finish(). Not thread-safe (one mapper per run).
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iac/mapping.h"
#include "iac/values.h"

namespace posture::iac::network {

// ---- Reading values ------------------------------------------------------

// Member, Block, Setting, IsCloudFormation: values.h.
// Terraform computes many optional attributes when the configuration leaves
// them out, and a plan shows those as unknown without a reference: such a
// value means "not configured", like an absent one. True for absent/null,
// and for a reference-less unknown in a Terraform plan.
bool Unset(const Json* value, const Resource& resource);
// Unknown until apply (a marker that is not a reference).
bool UnknownValue(const Json* value);
std::optional<std::string> Text(const Json* value);  // strings and numbers
std::optional<int> Integer(const Json* value);       // numbers and numeric strings
std::optional<bool> Boolean(const Json* value);      // booleans and "true"/"false"
inventory::Tags ReadTags(const Json* tags);          // Terraform map or CloudFormation [{Key, Value}]

// A reference value (a marker or a real id/ARN/name), kept until finish().
// Null when the resource leaves it out.
using Ref = Json;
// Reference-like items of a list value (a lone marker counts as one item).
std::vector<Ref> RefList(const Json* value);

// Unset also for "", how Terraform state shows an unset optional value.
Setting<std::string> TextSetting(const Json* value, const Resource& resource);
Setting<bool> BoolSetting(const Json* value, const Resource& resource);

// "tcp", "udp", "icmp", "icmpv6", "-1" (all), or the number, as
// DescribeSecurityGroups shows a protocol given by name or number.
std::string SecurityGroupProtocol(const std::string& protocol);
// "6", "17", "1", "58", "-1", or the number, as DescribeNetworkAcls shows it.
std::string NetworkAclProtocol(const std::string& protocol);

// Pending objects by address, for the joins in finish() (pointers into `items`).
template <typename Items, typename T = typename Items::value_type>
std::map<std::string, T*> ByAddress(Items& items) {
  std::map<std::string, T*> index;
  for (auto& item : items) index.emplace(item.address, &item);
  return index;
}

// ---- Pending objects -------------------------------------------------------

// One security group rule as written: references resolved in finish().
struct PendingRule {
  std::string protocol;  // normalised
  int from_port = -1, to_port = -1;
  std::vector<Ref> ipv4, ipv6, prefix_lists, groups;
  bool self = false;  // the group itself is a source
  bool unknown = false;
  std::string rule_id;
};

struct PendingGroup {
  std::string address, region;
  inventory::SecurityGroup group;
  Ref vpc;
  std::vector<PendingRule> ingress, egress;
  bool ingress_unknown = false, egress_unknown = false;
};

// A rule resource (aws_security_group_rule, aws_vpc_security_group_*_rule,
// AWS::EC2::SecurityGroupIngress/Egress), joined into its group.
struct PendingRuleResource {
  Ref group;
  bool egress = false;
  PendingRule rule;
};

struct PendingAcl {
  std::string address, region;
  inventory::NetworkAcl acl;
  Ref vpc;
  std::vector<Ref> subnets;
  bool entries_unknown = false;
};

struct PendingAclEntry {
  Ref acl;
  inventory::NetworkAclEntry entry;
  bool unknown = false;
};

// What an instance or a launch template says about the instance.
struct InstanceSettings {
  Setting<std::string> http_tokens, http_endpoint;
  Setting<bool> public_ip;
  Setting<std::vector<Ref>> groups;
  Setting<std::vector<Ref>> group_names;  // by name (default VPC), or references
  Setting<Ref> profile;
  Ref subnet;
};

struct PendingInstance {
  std::string address, region, real_public_ip;
  inventory::Instance instance;
  InstanceSettings settings;
  Ref template_id;
  std::string template_name;
};

struct PendingTemplate {
  std::string address, name;
  InstanceSettings settings;
};

struct PendingSubnet {
  Ref vpc;
  Setting<bool> map_public_ip;
};

struct PendingVolume {
  std::string address, region;
  inventory::Volume volume;
  Setting<bool> encrypted;
  Ref kms_key;
};

struct PendingVpc {
  std::string address, region;
  inventory::Vpc vpc;
};

struct PendingPeering {
  std::string address, region;
  inventory::VpcPeering peering;
  Ref requester, accepter;
};

struct PendingFlowLog {
  std::string address, region;
  inventory::FlowLog flow_log;
  Ref resource;
};

struct PendingRoute {
  Ref table;  // null for routes written inside their table
  inventory::Route route;
  Ref destination_ipv4, destination_ipv6;
  std::map<std::string, Ref> targets;  // Route member name -> value
  bool unknown = false;
};

struct PendingRouteTable {
  std::string address, region;
  inventory::RouteTable table;
  Ref vpc;
  std::vector<PendingRoute> routes;
  bool routes_unknown = false;
};

struct PendingLoadBalancer {
  std::string address, region;
  inventory::LoadBalancer lb;
  Ref vpc;
};

struct PendingAssociation {
  std::string address, region;
  Ref resource, web_acl;
};

struct PendingDistribution {
  std::string address;
  inventory::CloudFrontDistribution distribution;
  Ref web_acl;
  bool web_acl_unknown = false;
};

struct PendingRestApi {
  std::string name;
  std::vector<std::string> endpoint_types;
  bool types_unknown = false;
};

struct PendingStage {
  std::string address, region;
  Ref rest_api;
  std::string stage_name;
  Ref web_acl;
};

// ---- The mapper --------------------------------------------------------------

class NetworkMapper : public DomainMapper {
 public:
  bool add(const Resource& resource, MappingContext& context) override;
  void finish(MappingContext& context) override;

 private:
  // security_group_mapping.cc
  bool add_security_group(const Resource& r, MappingContext& c);
  bool add_network_acl(const Resource& r, MappingContext& c);
  void finish_security_groups(MappingContext& c);
  void finish_network_acls(MappingContext& c);
  // instance_mapping.cc
  bool add_instance(const Resource& r, MappingContext& c);
  bool add_volume(const Resource& r, MappingContext& c);
  void finish_instances(MappingContext& c);
  void finish_volumes(MappingContext& c);
  // vpc_mapping.cc
  bool add_vpc(const Resource& r, MappingContext& c);
  void finish_vpcs(MappingContext& c);
  // edge_mapping.cc
  bool add_edge(const Resource& r, MappingContext& c);
  void finish_edge(MappingContext& c);

  // A reference that names a CIDR: a literal, or a VPC of the run's cidr_block.
  std::optional<std::string> resolve_cidr(const Ref& value) const;

  bool any_ = false;
  std::vector<std::string> regions_;

  std::deque<PendingGroup> groups_;
  std::deque<PendingRuleResource> rule_resources_;
  std::deque<PendingAcl> acls_;
  std::deque<PendingAclEntry> acl_entries_;
  std::deque<PendingInstance> instances_;
  std::deque<PendingTemplate> templates_;
  std::map<std::string, PendingSubnet> subnets_;          // by address
  std::vector<std::pair<Ref, std::string>> elastic_ips_;  // instance, public IP when known
  std::deque<PendingVolume> volumes_;
  std::vector<std::pair<Ref, Ref>> attachments_;  // volume, instance
  // aws_ebs_encryption_by_default, by region: the setting and its address.
  std::map<std::string, std::pair<Setting<bool>, std::string>> ebs_defaults_;
  std::deque<PendingVpc> vpcs_;
  std::map<std::string, std::string> vpc_cidrs_;              // address -> primary block, built first in finish()
  std::vector<std::pair<Ref, std::string>> secondary_cidrs_;  // VPC, IPv4 block
  std::deque<PendingPeering> peerings_;
  std::vector<Ref> accepted_peerings_;  // peerings an accepter resource accepts
  std::deque<PendingFlowLog> flow_logs_;
  std::deque<PendingRouteTable> route_tables_;
  std::deque<PendingRoute> route_resources_;
  std::deque<PendingLoadBalancer> load_balancers_;
  std::deque<PendingAssociation> associations_;
  std::deque<PendingDistribution> distributions_;
  std::map<std::string, PendingRestApi> rest_apis_;  // by address
  std::deque<PendingStage> stages_;
};

}  // namespace posture::iac::network
