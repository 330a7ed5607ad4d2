#include "checks/network_rules.h"

#include <algorithm>

#include "checks/check_support.h"

namespace posture::checks {
namespace {

bool PortInRange(int from, int to, int port) {
  // -1/-1 (or an unset range) means every port.
  if (from < 0 && to < 0) return true;
  return from <= port && port <= to;
}

const std::vector<std::string>& Ranges(const inventory::SecurityGroupRule& rule, IpFamily family) {
  return family == IpFamily::kIpv4 ? rule.ipv4_ranges : rule.ipv6_ranges;
}

bool AdmitsInternet(const inventory::SecurityGroupRule& rule, IpFamily family) {
  const auto& ranges = Ranges(rule, family);
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const std::string& cidr) { return IsInternetCidr(cidr, family); });
}

bool HasPorts(const std::string& protocol) { return protocol == "tcp" || protocol == "udp"; }

std::string PortText(std::string_view protocol, int port) { return std::string(protocol) + "/" + std::to_string(port); }

}  // namespace

std::string_view InternetCidr(IpFamily family) { return family == IpFamily::kIpv4 ? "0.0.0.0/0" : "::/0"; }

bool IsInternetCidr(std::string_view cidr, IpFamily family) { return base::Trim(cidr) == InternetCidr(family); }

std::string NormalizeProtocol(std::string_view protocol) {
  const auto p = base::Trim(protocol);
  if (p == "-1" || base::EqualsIgnoreCase(p, "all")) return "-1";
  if (p == "6" || base::EqualsIgnoreCase(p, "tcp")) return "tcp";
  if (p == "17" || base::EqualsIgnoreCase(p, "udp")) return "udp";
  if (p == "1" || base::EqualsIgnoreCase(p, "icmp")) return "icmp";
  if (p == "58" || base::EqualsIgnoreCase(p, "icmpv6")) return "icmpv6";
  return std::string(p);
}

bool IsAllTraffic(const inventory::SecurityGroupRule& rule) { return NormalizeProtocol(rule.protocol) == "-1"; }

bool RuleCoversPort(const inventory::SecurityGroupRule& rule, std::string_view protocol, int port) {
  if (IsAllTraffic(rule)) return true;
  if (NormalizeProtocol(rule.protocol) != NormalizeProtocol(protocol)) return false;
  return PortInRange(rule.from_port, rule.to_port, port);
}

std::string DescribeTraffic(const inventory::SecurityGroupRule& rule) {
  const std::string protocol = NormalizeProtocol(rule.protocol);
  if (protocol == "-1") return "all traffic";
  if (!HasPorts(protocol)) return protocol;
  if (rule.from_port < 0 && rule.to_port < 0) return protocol + " (all ports)";
  if (rule.from_port == rule.to_port) return PortText(protocol, rule.from_port);
  return protocol + "/" + std::to_string(rule.from_port) + "-" + std::to_string(rule.to_port);
}

std::string RuleExposure::describe() const {
  std::string text = "allows ";
  if (IsAllTraffic(*rule)) {
    text += "all traffic";
  } else if (tcp_ports.empty()) {
    text += DescribeTraffic(*rule);
  } else {
    std::vector<std::string> ports;
    for (int port : tcp_ports) ports.push_back(PortText("tcp", port));
    text += base::Join(ports);
  }
  text += " from " + source + " (";
  text += rule->rule_id.empty() ? "ingress rule #" + std::to_string(rule_index + 1) : "rule " + rule->rule_id;
  // Name the rule's own range when it is wider than the ports it is reported for.
  const bool single_port = tcp_ports.size() == 1 && rule->from_port == tcp_ports[0] && rule->to_port == tcp_ports[0];
  if (!tcp_ports.empty() && !single_port && !IsAllTraffic(*rule)) text += ", " + DescribeTraffic(*rule);
  return text + ")";
}

std::vector<RuleExposure> InternetIngress(const inventory::SecurityGroup& group, IpFamily family) {
  std::vector<RuleExposure> exposures;
  for (size_t i = 0; i < group.ingress.size(); ++i) {
    const auto& rule = group.ingress[i];
    if (!AdmitsInternet(rule, family)) continue;
    exposures.push_back({.rule = &rule, .rule_index = i, .source = std::string(InternetCidr(family)), .tcp_ports = {}});
  }
  return exposures;
}

std::vector<RuleExposure> InternetIngressOnPorts(const inventory::SecurityGroup& group, IpFamily family,
                                                 std::span<const int> tcp_ports) {
  std::vector<RuleExposure> exposures;
  for (RuleExposure& exposure : InternetIngress(group, family)) {
    for (int port : tcp_ports) {
      if (RuleCoversPort(*exposure.rule, "tcp", port)) exposure.tcp_ports.push_back(port);
    }
    if (!exposure.tcp_ports.empty()) exposures.push_back(std::move(exposure));
  }
  return exposures;
}

const inventory::NetworkAclEntry* DecidingIngressEntry(const inventory::NetworkAcl& acl, IpFamily family,
                                                       std::string_view protocol, int port) {
  std::vector<const inventory::NetworkAclEntry*> ingress;
  for (const auto& entry : acl.entries) {
    if (!entry.egress) ingress.push_back(&entry);
  }
  std::stable_sort(ingress.begin(), ingress.end(),
                   [](const auto* a, const auto* b) { return a->rule_number < b->rule_number; });
  const std::string wanted = NormalizeProtocol(protocol);
  for (const auto* entry : ingress) {
    const std::string& cidr = family == IpFamily::kIpv4 ? entry->ipv4_cidr : entry->ipv6_cidr;
    if (!IsInternetCidr(cidr, family)) continue;
    const std::string entry_protocol = NormalizeProtocol(entry->protocol);
    if (entry_protocol != "-1" && entry_protocol != wanted) continue;
    if (entry_protocol != "-1" && HasPorts(entry_protocol) && !PortInRange(entry->from_port, entry->to_port, port)) {
      continue;
    }
    return entry;
  }
  return nullptr;
}

std::vector<std::string> NaclInternetTcpAllows(const inventory::NetworkAcl& acl, std::span<const int> tcp_ports) {
  std::vector<std::string> reasons;
  for (IpFamily family : kIpFamilies) {
    for (int port : tcp_ports) {
      const auto* entry = DecidingIngressEntry(acl, family, "tcp", port);
      if (entry != nullptr && entry->allow) reasons.push_back(DescribeNaclAllow(*entry, family, "tcp", port));
    }
  }
  return reasons;
}

std::string DescribeNaclAllow(const inventory::NetworkAclEntry& entry, IpFamily family, std::string_view protocol,
                              int port) {
  std::string text = "allows " + PortText(NormalizeProtocol(protocol), port) + " from " +
                     std::string(InternetCidr(family)) + " (entry " + std::to_string(entry.rule_number);
  if (NormalizeProtocol(entry.protocol) == "-1") text += ", all traffic";
  return text + ")";
}

namespace {
void AddUnique(std::vector<std::string>& items, const std::string& item) {
  if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}
}  // namespace

std::vector<std::string> InstanceGroupIds(const inventory::Instance& instance) {
  std::vector<std::string> ids;
  for (const auto& id : instance.group_ids) AddUnique(ids, id);
  for (const auto& interface : instance.interfaces) {
    for (const auto& id : interface.group_ids) AddUnique(ids, id);
  }
  return ids;
}

std::vector<std::string> InstancePublicIps(const inventory::Instance& instance) {
  std::vector<std::string> ips;
  AddUnique(ips, instance.public_ip);
  for (const auto& interface : instance.interfaces) AddUnique(ips, interface.public_ip);
  return ips;
}

InstanceExposure ExposureOf(const inventory::Instance& instance, const std::vector<inventory::SecurityGroup>& groups) {
  InstanceExposure exposure;
  for (const auto& group_id : InstanceGroupIds(instance)) {
    const auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.id == group_id; });
    if (group == groups.end()) {
      exposure.unknown_groups.push_back(group_id);
      continue;
    }
    for (IpFamily family : kIpFamilies) {
      for (const auto& rule : InternetIngressOnPorts(*group, family, kAdminPorts)) {
        exposure.admin.push_back(group_id + " " + rule.describe());
        exposure.admin_ports.insert(exposure.admin_ports.end(), rule.tcp_ports.begin(), rule.tcp_ports.end());
      }
      for (const auto& rule : InternetIngress(*group, family)) exposure.any.push_back(group_id + " " + rule.describe());
    }
  }
  std::sort(exposure.admin_ports.begin(), exposure.admin_ports.end());
  exposure.admin_ports.erase(std::unique(exposure.admin_ports.begin(), exposure.admin_ports.end()),
                             exposure.admin_ports.end());
  return exposure;
}

std::string SecurityGroupArn(const inventory::Inventory& inventory, std::string_view region,
                             const inventory::SecurityGroup& group) {
  return ResourceArn(group.arn, inventory, "ec2", region, "security-group/" + group.id);
}

void ReportGroupExposures(const inventory::Inventory& inventory, FindingSink& sink, std::string_view region,
                          const inventory::SecurityGroup& group, const std::vector<RuleExposure>& exposures,
                          std::string pass_message) {
  const std::string arn = SecurityGroupArn(inventory, region, group);
  if (exposures.empty()) {
    sink.pass(region, group.id, arn, std::move(pass_message));
    return;
  }
  std::vector<std::string> reasons;
  for (const auto& exposure : exposures) reasons.push_back(exposure.describe());
  sink.fail(region, group.id, arn, base::Join(reasons, "; "));
}

}  // namespace posture::checks
