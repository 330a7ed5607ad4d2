// Security groups (with their separate rule resources) and network ACLs
// (with their entries).
#include <algorithm>

#include "iac/network_mapping.h"

namespace posture::iac::network {
namespace {

constexpr int kAllPorts = -1;

void AddAll(std::vector<Ref>& out, const Json* value, bool& unknown) {
  if (value == nullptr) return;
  if (UnknownValue(value)) {
    unknown = true;
    return;
  }
  for (auto& item : RefList(value)) out.push_back(std::move(item));
}

// The port range AWS shows: all ports for "all traffic".
void SetPorts(PendingRule& rule, const Json* from, const Json* to) {
  if (UnknownValue(from) || UnknownValue(to)) rule.unknown = true;
  rule.from_port = Integer(from).value_or(kAllPorts);
  rule.to_port = Integer(to).value_or(kAllPorts);
  if (rule.protocol == "-1") rule.from_port = rule.to_port = kAllPorts;
}

void SetProtocol(PendingRule& rule, const Json* protocol) {
  if (UnknownValue(protocol)) rule.unknown = true;
  rule.protocol = SecurityGroupProtocol(Text(protocol).value_or("-1"));
}

// A Terraform ingress/egress block of aws_security_group, or an
// aws_security_group_rule.
PendingRule TerraformRule(const Json& block) {
  PendingRule rule;
  SetProtocol(rule, Member(block, "protocol"));
  SetPorts(rule, Member(block, "from_port"), Member(block, "to_port"));
  AddAll(rule.ipv4, Member(block, "cidr_blocks"), rule.unknown);
  AddAll(rule.ipv6, Member(block, "ipv6_cidr_blocks"), rule.unknown);
  AddAll(rule.prefix_lists, Member(block, "prefix_list_ids"), rule.unknown);
  AddAll(rule.groups, Member(block, "security_groups"), rule.unknown);
  // Computed when not configured: unknown without a reference in a plan means unset.
  if (const Json* source = Member(block, "source_security_group_id"); !UnknownValue(source)) {
    AddAll(rule.groups, source, rule.unknown);
  }
  const Json* self = Member(block, "self");
  if (UnknownValue(self)) rule.unknown = true;
  rule.self = Boolean(self).value_or(false);
  return rule;
}

// aws_vpc_security_group_ingress_rule / _egress_rule.
PendingRule VpcRule(const Json& values) {
  PendingRule rule;
  SetProtocol(rule, Member(values, "ip_protocol"));
  SetPorts(rule, Member(values, "from_port"), Member(values, "to_port"));
  AddAll(rule.ipv4, Member(values, "cidr_ipv4"), rule.unknown);
  AddAll(rule.ipv6, Member(values, "cidr_ipv6"), rule.unknown);
  AddAll(rule.prefix_lists, Member(values, "prefix_list_id"), rule.unknown);
  AddAll(rule.groups, Member(values, "referenced_security_group_id"), rule.unknown);
  rule.rule_id = Text(Member(values, "security_group_rule_id")).value_or("");
  return rule;
}

// One entry of SecurityGroupIngress/SecurityGroupEgress, or an
// AWS::EC2::SecurityGroupIngress/Egress resource.
PendingRule CloudFormationRule(const Json& entry) {
  PendingRule rule;
  SetProtocol(rule, Member(entry, "IpProtocol"));
  SetPorts(rule, Member(entry, "FromPort"), Member(entry, "ToPort"));
  AddAll(rule.ipv4, Member(entry, "CidrIp"), rule.unknown);
  AddAll(rule.ipv6, Member(entry, "CidrIpv6"), rule.unknown);
  AddAll(rule.prefix_lists, Member(entry, "SourcePrefixListId"), rule.unknown);
  AddAll(rule.prefix_lists, Member(entry, "DestinationPrefixListId"), rule.unknown);
  AddAll(rule.groups, Member(entry, "SourceSecurityGroupId"), rule.unknown);
  AddAll(rule.groups, Member(entry, "DestinationSecurityGroupId"), rule.unknown);
  return rule;
}

// The rules of one direction of a group: false when the list is unknown.
bool ReadRules(const Json* list, const Resource& resource, std::vector<PendingRule>& out) {
  if (Unset(list, resource)) return true;
  if (!list->is_array()) return false;
  const bool cfn = IsCloudFormation(resource);
  for (const auto& item : *list) {
    if (IsUnknown(item)) return false;
    out.push_back(cfn ? CloudFormationRule(item) : TerraformRule(item));
  }
  return true;
}

// AWS gives every new VPC security group this egress rule; CloudFormation
// keeps it unless SecurityGroupEgress is given.
PendingRule AllowAllEgress() {
  PendingRule rule;
  rule.protocol = "-1";
  rule.ipv4.push_back("0.0.0.0/0");
  return rule;
}

}  // namespace

bool NetworkMapper::add_security_group(const Resource& r, MappingContext& c) {
  const Json& v = r.values;
  if (r.type == "aws_security_group" || r.type == "aws_default_security_group" || r.type == "AWS::EC2::SecurityGroup") {
    PendingGroup g;
    g.address = r.address;
    g.region = r.region;
    g.group.id = r.address;
    const bool cfn = IsCloudFormation(r);
    g.group.name =
        r.type == "aws_default_security_group" ? "default" : Text(Member(v, cfn ? "GroupName" : "name")).value_or("");
    g.group.description = Text(Member(v, cfn ? "GroupDescription" : "description")).value_or("");
    if (const Json* vpc = Member(v, cfn ? "VpcId" : "vpc_id")) g.vpc = *vpc;
    g.group.tags = ReadTags(Member(v, cfn ? "Tags" : "tags"));
    g.ingress_unknown = !ReadRules(Member(v, cfn ? "SecurityGroupIngress" : "ingress"), r, g.ingress);
    const Json* egress = Member(v, cfn ? "SecurityGroupEgress" : "egress");
    if (cfn && egress == nullptr) {
      g.egress.push_back(AllowAllEgress());
    } else {
      // Terraform removes AWS's default egress rule: no egress blocks, no egress.
      g.egress_unknown = !ReadRules(egress, r, g.egress);
    }
    if (!cfn) {
      if (auto arn = Text(Member(v, "arn"))) c.alias(*arn, r.address);
    }
    c.record(r, cfn ? "" : Text(Member(v, "id")).value_or(""));
    if (g.ingress_unknown) c.mark_unknown(r.address, "SecurityGroup.ingress");
    if (g.egress_unknown) c.mark_unknown(r.address, "SecurityGroup.egress");
    groups_.push_back(std::move(g));
    return true;
  }
  if (r.type == "aws_security_group_rule") {
    PendingRuleResource rule{Member(v, "security_group_id") ? *Member(v, "security_group_id") : Json(),
                             Text(Member(v, "type")).value_or("ingress") == "egress", TerraformRule(v)};
    rule_resources_.push_back(std::move(rule));
    return true;
  }
  if (r.type == "aws_vpc_security_group_ingress_rule" || r.type == "aws_vpc_security_group_egress_rule") {
    PendingRuleResource rule{Member(v, "security_group_id") ? *Member(v, "security_group_id") : Json(),
                             r.type == "aws_vpc_security_group_egress_rule", VpcRule(v)};
    rule_resources_.push_back(std::move(rule));
    return true;
  }
  if (r.type == "AWS::EC2::SecurityGroupIngress" || r.type == "AWS::EC2::SecurityGroupEgress") {
    const Json* group = Member(v, "GroupId");
    if (group == nullptr) group = Member(v, "GroupName");  // default VPC groups by name
    PendingRuleResource rule{group ? *group : Json(), r.type == "AWS::EC2::SecurityGroupEgress", CloudFormationRule(v)};
    rule_resources_.push_back(std::move(rule));
    return true;
  }
  return false;
}

void NetworkMapper::finish_security_groups(MappingContext& c) {
  const auto by_address = ByAddress(groups_);
  std::map<std::string, PendingGroup*> by_name;  // CloudFormation GroupName of a group of the run
  for (auto& g : groups_) {
    if (!g.group.name.empty()) by_name.emplace(g.group.name, &g);
  }
  auto find_group = [&](const std::string& id) -> PendingGroup* {
    if (auto it = by_address.find(id); it != by_address.end()) return it->second;
    auto it = by_name.find(id);
    return it == by_name.end() ? nullptr : it->second;
  };
  for (auto& resource : rule_resources_) {
    PendingGroup* group = find_group(c.canonical_id(resource.group));
    // A rule of a group outside the run cannot be judged with its group.
    if (group == nullptr) continue;
    (resource.egress ? group->egress : group->ingress).push_back(std::move(resource.rule));
  }
  for (auto& g : groups_) {
    g.group.vpc_id = c.canonical_id(g.vpc);
    auto resolve = [&](std::vector<PendingRule>& rules, const char* field) {
      std::vector<inventory::SecurityGroupRule> out;
      bool unknown = false;
      for (auto& pending : rules) {
        inventory::SecurityGroupRule rule;
        rule.protocol = pending.protocol;
        rule.from_port = pending.from_port;
        rule.to_port = pending.to_port;
        rule.rule_id = pending.rule_id;
        unknown = unknown || pending.unknown;
        auto cidrs = [&](const std::vector<Ref>& refs, std::vector<std::string>& into) {
          for (const auto& ref : refs) {
            if (auto cidr = resolve_cidr(ref)) {
              into.push_back(*cidr);
            } else {
              unknown = true;
            }
          }
        };
        cidrs(pending.ipv4, rule.ipv4_ranges);
        cidrs(pending.ipv6, rule.ipv6_ranges);
        for (const auto& ref : pending.prefix_lists) {
          std::string id = c.canonical_id(ref);
          if (id.empty())
            unknown = true;
          else
            rule.prefix_list_ids.push_back(std::move(id));
        }
        for (const auto& ref : pending.groups) {
          std::string id = c.canonical_id(ref);
          if (id.empty())
            unknown = true;
          else
            rule.group_ids.push_back(std::move(id));
        }
        if (pending.self) rule.group_ids.push_back(g.address);
        out.push_back(std::move(rule));
      }
      if (unknown) c.mark_unknown(g.address, field);
      return out;
    };
    g.group.ingress = resolve(g.ingress, "SecurityGroup.ingress");
    g.group.egress = resolve(g.egress, "SecurityGroup.egress");
    c.region(g.region).ec2.security_groups.value->push_back(std::move(g.group));
  }
}

// ---- Network ACLs ------------------------------------------------------------

namespace {

PendingAclEntry ReadAclEntry(const Json& v, bool cfn, std::optional<bool> egress) {
  PendingAclEntry e;
  const Json* number = Member(v, cfn ? "RuleNumber" : (Member(v, "rule_no") ? "rule_no" : "rule_number"));
  const Json* protocol = Member(v, cfn ? "Protocol" : "protocol");
  const Json* action = Member(v, cfn ? "RuleAction" : (Member(v, "action") ? "action" : "rule_action"));
  const Json* ipv4 = Member(v, cfn ? "CidrBlock" : "cidr_block");
  const Json* ipv6 = Member(v, cfn ? "Ipv6CidrBlock" : "ipv6_cidr_block");
  const Json* range = cfn ? Member(v, "PortRange") : &v;
  const Json* from = range ? Member(*range, cfn ? "From" : "from_port") : nullptr;
  const Json* to = range ? Member(*range, cfn ? "To" : "to_port") : nullptr;
  const Json* direction = Member(v, cfn ? "Egress" : "egress");
  for (const Json* field : {number, protocol, action, ipv4, ipv6, range, from, to, direction}) {
    if (UnknownValue(field)) e.unknown = true;
  }
  e.entry.rule_number = Integer(number).value_or(0);
  e.entry.protocol = NetworkAclProtocol(Text(protocol).value_or("-1"));
  std::string verdict = Text(action).value_or("");
  std::transform(verdict.begin(), verdict.end(), verdict.begin(), [](unsigned char ch) { return std::tolower(ch); });
  e.entry.allow = verdict == "allow";
  e.entry.egress = egress ? *egress : Boolean(direction).value_or(false);
  e.entry.ipv4_cidr = Text(ipv4).value_or("");
  e.entry.ipv6_cidr = Text(ipv6).value_or("");
  // DescribeNetworkAcls shows a port range for tcp and udp only.
  if (e.entry.protocol == "6" || e.entry.protocol == "17") {
    e.entry.from_port = Integer(from).value_or(-1);
    e.entry.to_port = Integer(to).value_or(-1);
  }
  return e;
}

}  // namespace

bool NetworkMapper::add_network_acl(const Resource& r, MappingContext& c) {
  const Json& v = r.values;
  if (r.type == "aws_network_acl" || r.type == "aws_default_network_acl" || r.type == "AWS::EC2::NetworkAcl") {
    const bool cfn = IsCloudFormation(r);
    PendingAcl a;
    a.address = r.address;
    a.region = r.region;
    a.acl.id = r.address;
    a.acl.is_default = r.type == "aws_default_network_acl";
    if (const Json* vpc = Member(v, cfn ? "VpcId" : "vpc_id")) a.vpc = *vpc;
    a.subnets = RefList(Member(v, "subnet_ids"));
    a.acl.tags = ReadTags(Member(v, cfn ? "Tags" : "tags"));
    for (const auto& [key, egress] : {std::pair{"ingress", false}, std::pair{"egress", true}}) {
      const Json* list = cfn ? nullptr : Member(v, key);
      if (Unset(list, r)) continue;
      if (!list->is_array()) {
        a.entries_unknown = true;
        continue;
      }
      for (const auto& block : *list) {
        PendingAclEntry entry = ReadAclEntry(block, false, egress);
        a.entries_unknown = a.entries_unknown || entry.unknown;
        a.acl.entries.push_back(entry.entry);
      }
    }
    if (!cfn) {
      if (auto arn = Text(Member(v, "arn"))) c.alias(*arn, r.address);
    }
    std::string real_id = cfn ? "" : Text(Member(v, "id")).value_or("");
    if (r.type == "aws_default_network_acl") {
      if (auto id = Text(Member(v, "default_network_acl_id"))) c.alias(*id, r.address);
    }
    c.record(r, real_id);
    acls_.push_back(std::move(a));
    return true;
  }
  if (r.type == "aws_network_acl_rule" || r.type == "AWS::EC2::NetworkAclEntry") {
    const bool cfn = IsCloudFormation(r);
    PendingAclEntry entry = ReadAclEntry(v, cfn, std::nullopt);
    if (const Json* acl = Member(v, cfn ? "NetworkAclId" : "network_acl_id")) entry.acl = *acl;
    acl_entries_.push_back(std::move(entry));
    return true;
  }
  return false;
}

void NetworkMapper::finish_network_acls(MappingContext& c) {
  const auto by_address = ByAddress(acls_);
  for (auto& pending : acl_entries_) {
    auto it = by_address.find(c.canonical_id(pending.acl));
    if (it == by_address.end()) continue;  // an ACL outside the run
    it->second->acl.entries.push_back(pending.entry);
    it->second->entries_unknown = it->second->entries_unknown || pending.unknown;
  }
  for (auto& a : acls_) {
    a.acl.vpc_id = c.canonical_id(a.vpc);
    for (const auto& subnet : a.subnets) {
      if (std::string id = c.canonical_id(subnet); !id.empty()) a.acl.subnet_ids.push_back(id);
    }
    if (a.entries_unknown) c.mark_unknown(a.address, "NetworkAcl.entries");
    c.region(a.region).ec2.network_acls.value->push_back(std::move(a.acl));
  }
}

}  // namespace posture::iac::network
