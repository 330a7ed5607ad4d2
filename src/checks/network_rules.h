// What security-group rules and network ACLs let in from the internet.
//
// "The internet" is 0.0.0.0/0 (IPv4) or ::/0 (IPv6); prefix lists and
// references to other security groups never are. A security-group rule
// admits a port when its protocol is "-1" (all traffic) or matches and its
// range covers the port. A network ACL is evaluated as AWS does: ingress
// entries in ascending rule-number order, the first one matching the
// traffic decides allow or deny, and no match means deny. Pure functions:
// thread-safe. Returned pointers point into the arguments.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "inventory/inventory.h"

namespace posture::checks {

enum class IpFamily { kIpv4, kIpv6 };
inline constexpr std::array<IpFamily, 2> kIpFamilies = {IpFamily::kIpv4, IpFamily::kIpv6};

// Remote administration ports (tcp): SSH and RDP.
inline constexpr std::array<int, 2> kAdminPorts = {22, 3389};
// Database, cache and search ports (tcp): MSSQL, Oracle, MySQL, PostgreSQL,
// Redis, Elasticsearch/OpenSearch, Memcached, MongoDB.
inline constexpr std::array<int, 8> kSensitivePorts = {1433, 1521, 3306, 5432, 6379, 9200, 11211, 27017};

// "0.0.0.0/0" or "::/0".
std::string_view InternetCidr(IpFamily family);
bool IsInternetCidr(std::string_view cidr, IpFamily family);

// "tcp", "udp", "icmp", "icmpv6", "-1" (all) for the names and numbers AWS
// and IaC use ("6", "TCP", "all", ...); other protocol numbers unchanged.
std::string NormalizeProtocol(std::string_view protocol);
bool IsAllTraffic(const inventory::SecurityGroupRule& rule);
// The rule admits `protocol` ("tcp") traffic to `port`.
bool RuleCoversPort(const inventory::SecurityGroupRule& rule, std::string_view protocol, int port);

// One ingress rule of a security group admitting internet traffic.
struct RuleExposure {
  const inventory::SecurityGroupRule* rule = nullptr;
  size_t rule_index = 0;       // position among the group's ingress rules
  std::string source;          // "0.0.0.0/0" or "::/0"
  std::vector<int> tcp_ports;  // the asked-for tcp ports it admits (empty when none were asked)

  // "allows tcp/22 from 0.0.0.0/0 (rule sgr-1)", "allows all traffic from
  // ::/0 (rule sgr-2)", "allows tcp/22 from 0.0.0.0/0 (rule sgr-3, tcp/0-1024)".
  std::string describe() const;
};

// "tcp/22", "tcp/8000-8080", "udp (all ports)", "icmp", "all traffic".
std::string DescribeTraffic(const inventory::SecurityGroupRule& rule);

// Every ingress rule admitting internet traffic of `family`, whatever the
// protocol or port.
std::vector<RuleExposure> InternetIngress(const inventory::SecurityGroup& group, IpFamily family);
// The ingress rules admitting internet traffic of `family` to at least one
// of `tcp_ports`, each with the ports it admits.
std::vector<RuleExposure> InternetIngressOnPorts(const inventory::SecurityGroup& group, IpFamily family,
                                                 std::span<const int> tcp_ports);

// The ingress entry of `acl` that decides internet traffic of `family` to
// `protocol`/`port`: the lowest-numbered entry whose CIDR is the internet
// and whose protocol and port range match. nullptr when none matches (the
// implicit deny).
const inventory::NetworkAclEntry* DecidingIngressEntry(const inventory::NetworkAcl& acl, IpFamily family,
                                                       std::string_view protocol, int port);
// "allows tcp/22 from 0.0.0.0/0 (entry 100)".
std::string DescribeNaclAllow(const inventory::NetworkAclEntry& entry, IpFamily family, std::string_view protocol,
                              int port);
// Why `acl` admits internet traffic (IPv4 and IPv6) to any of `tcp_ports`:
// one DescribeNaclAllow line per family and port allowed; empty when none is.
std::vector<std::string> NaclInternetTcpAllows(const inventory::NetworkAcl& acl, std::span<const int> tcp_ports);

// An instance's security groups: the instance-level list and every network
// interface's groups, without duplicates, in that order.
std::vector<std::string> InstanceGroupIds(const inventory::Instance& instance);
// Its public addresses (public IP or Elastic IP, instance-level or on any interface), without duplicates.
std::vector<std::string> InstancePublicIps(const inventory::Instance& instance);

// What an instance's security groups let in from the internet (IPv4 and IPv6).
struct InstanceExposure {
  std::vector<std::string> admin;           // "sg-1 allows tcp/22 from 0.0.0.0/0 (rule sgr-1)"
  std::vector<int> admin_ports;             // the admin ports reachable, ascending
  std::vector<std::string> any;             // every internet-admitting rule, described likewise
  std::vector<std::string> unknown_groups;  // its group ids missing from `groups`
};
// `groups`: the security groups of the instance's region.
InstanceExposure ExposureOf(const inventory::Instance& instance, const std::vector<inventory::SecurityGroup>& groups);

// The group's ARN as collected, else built from its id.
std::string SecurityGroupArn(const inventory::Inventory& inventory, std::string_view region,
                             const inventory::SecurityGroup& group);

// One finding for `group`: FAIL listing `exposures` when there are any,
// else PASS with `pass_message`.
void ReportGroupExposures(const inventory::Inventory& inventory, FindingSink& sink, std::string_view region,
                          const inventory::SecurityGroup& group, const std::vector<RuleExposure>& exposures,
                          std::string pass_message);

}  // namespace posture::checks
