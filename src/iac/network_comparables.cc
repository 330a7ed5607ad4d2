// The network domain's comparable attributes (mapping.h): what the checks
// read, in a form that does not depend on how the file or AWS spelled it.
#include <algorithm>
#include <array>
#include <set>
#include <tuple>

#include "iac/network_mapping.h"

namespace posture::iac {
namespace {

using Json = nlohmann::json;

// NACL rule numbers AWS reserves for the implicit deny-all entries.
constexpr int kImplicitDenyRuleNumber = 32767;

Json Sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return Json(items);
}

std::vector<std::string> Mapped(const std::vector<std::string>& ids, const IdMap& map) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(map(id));
  return out;
}

std::string MapOrEmpty(const std::string& id, const IdMap& map) { return id.empty() ? "" : map(id); }

// AWS merges the permissions of one protocol and port range into one; so do we.
Json Rules(const std::vector<inventory::SecurityGroupRule>& rules, const IdMap& ids) {
  using Key = std::tuple<std::string, int, int>;
  std::map<Key, std::array<std::set<std::string>, 4>> merged;
  for (const auto& rule : rules) {
    auto& sets = merged[{network::SecurityGroupProtocol(rule.protocol), rule.from_port, rule.to_port}];
    sets[0].insert(rule.ipv4_ranges.begin(), rule.ipv4_ranges.end());
    sets[1].insert(rule.ipv6_ranges.begin(), rule.ipv6_ranges.end());
    for (const auto& id : rule.prefix_list_ids) sets[2].insert(ids(id));
    for (const auto& id : rule.group_ids) sets[3].insert(ids(id));
  }
  Json out = Json::array();
  for (const auto& [key, sets] : merged) {
    out.push_back({{"protocol", std::get<0>(key)},
                   {"from_port", std::get<1>(key)},
                   {"to_port", std::get<2>(key)},
                   {"ipv4", sets[0]},
                   {"ipv6", sets[1]},
                   {"prefix_lists", sets[2]},
                   {"groups", sets[3]}});
  }
  return out;
}

Json Entries(const std::vector<inventory::NetworkAclEntry>& entries) {
  std::vector<const inventory::NetworkAclEntry*> kept;
  for (const auto& entry : entries) {
    if (entry.rule_number < kImplicitDenyRuleNumber) kept.push_back(&entry);
  }
  std::sort(kept.begin(), kept.end(), [](const auto* a, const auto* b) {
    return std::tie(a->egress, a->rule_number) < std::tie(b->egress, b->rule_number);
  });
  Json out = Json::array();
  for (const auto* entry : kept) {
    const std::string protocol = network::NetworkAclProtocol(entry->protocol);
    const bool ports = protocol == "6" || protocol == "17";
    out.push_back({{"rule_number", entry->rule_number},
                   {"egress", entry->egress},
                   {"allow", entry->allow},
                   {"protocol", protocol},
                   {"ipv4", entry->ipv4_cidr},
                   {"ipv6", entry->ipv6_cidr},
                   {"from_port", ports ? entry->from_port : -1},
                   {"to_port", ports ? entry->to_port : -1}});
  }
  return out;
}

Json Routes(const std::vector<inventory::Route>& routes, const IdMap& ids) {
  std::vector<Json> out;
  for (const auto& route : routes) {
    if (route.gateway_id == "local") continue;  // every table's own VPC route, never written in code
    Json item = Json::object();
    auto put = [&](const char* key, const std::string& value, bool is_id) {
      if (!value.empty()) item[key] = is_id ? ids(value) : value;
    };
    put("destination_ipv4", route.destination_ipv4, false);
    put("destination_ipv6", route.destination_ipv6, false);
    put("destination_prefix_list_id", route.destination_prefix_list_id, true);
    put("gateway_id", route.gateway_id, true);
    put("egress_only_gateway_id", route.egress_only_gateway_id, true);
    put("nat_gateway_id", route.nat_gateway_id, true);
    put("transit_gateway_id", route.transit_gateway_id, true);
    put("vpc_peering_connection_id", route.vpc_peering_connection_id, true);
    put("instance_id", route.instance_id, true);
    put("network_interface_id", route.network_interface_id, true);
    out.push_back(std::move(item));
  }
  // A route written in its table and again as a route resource (state after a refresh) is one route.
  std::sort(out.begin(), out.end(), [](const Json& a, const Json& b) { return a.dump() < b.dump(); });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return Json(out);
}

void AppendRegion(const inventory::RegionInventory& region, const IdMap& ids, std::vector<ComparableObject>& out) {
  auto add = [&](const char* type, const std::string& id, Json attributes) {
    out.push_back({type, ids(id), region.region, std::move(attributes)});
  };
  if (region.ec2.security_groups.ok()) {
    for (const auto& g : *region.ec2.security_groups) {
      add("AWS::EC2::SecurityGroup", g.id,
          {{"is_default", g.is_default()},
           {"vpc_id", MapOrEmpty(g.vpc_id, ids)},
           {"ingress", Rules(g.ingress, ids)},
           {"egress", Rules(g.egress, ids)}});
    }
  }
  if (region.ec2.network_acls.ok()) {
    for (const auto& a : *region.ec2.network_acls) {
      add("AWS::EC2::NetworkAcl", a.id,
          {{"is_default", a.is_default}, {"vpc_id", MapOrEmpty(a.vpc_id, ids)}, {"entries", Entries(a.entries)}});
    }
  }
  if (region.ec2.instances.ok()) {
    for (const auto& i : *region.ec2.instances) {
      std::vector<std::string> groups = i.group_ids;
      bool public_ip = !i.public_ip.empty();
      for (const auto& interface : i.interfaces) {
        groups.insert(groups.end(), interface.group_ids.begin(), interface.group_ids.end());
        public_ip = public_ip || !interface.public_ip.empty();
      }
      add("AWS::EC2::Instance", i.id,
          {{"http_tokens", i.http_tokens},
           {"http_endpoint", i.http_endpoint},
           {"public_ip", public_ip},
           {"security_groups", Sorted(Mapped(groups, ids))},
           {"instance_profile", MapOrEmpty(i.instance_profile_arn, ids)},
           {"subnet_id", MapOrEmpty(i.subnet_id, ids)}});
    }
  }
  if (region.ec2.vpcs.ok()) {
    for (const auto& v : *region.ec2.vpcs) {
      add("AWS::EC2::VPC", v.id, {{"cidr", v.cidr}, {"is_default", v.is_default}, {"tags", v.tags}});
    }
  }
  if (region.ec2.vpc_peerings.ok()) {
    for (const auto& p : *region.ec2.vpc_peerings) {
      add("AWS::EC2::VPCPeeringConnection", p.id,
          {{"status", p.status},
           {"requester_vpc_id", MapOrEmpty(p.requester_vpc_id, ids)},
           {"accepter_vpc_id", MapOrEmpty(p.accepter_vpc_id, ids)},
           {"requester_cidr", p.requester_cidr},
           {"accepter_cidr", p.accepter_cidr}});
    }
  }
  if (region.ec2.volumes.ok()) {
    for (const auto& v : *region.ec2.volumes) {
      add("AWS::EC2::Volume", v.id, {{"encrypted", v.encrypted}, {"size_gib", v.size_gib}});
    }
  }
  if (region.ec2.ebs_default_encryption.ok()) {
    out.push_back({"AWS::EC2::EBSEncryptionByDefault",
                   region.region,
                   region.region,
                   {{"enabled", region.ec2.ebs_default_encryption->enabled}}});
  }
  if (region.ec2.flow_logs.ok()) {
    for (const auto& f : *region.ec2.flow_logs) {
      add("AWS::EC2::FlowLog", f.id,
          {{"resource_id", MapOrEmpty(f.resource_id, ids)},
           {"traffic_type", f.traffic_type},
           {"destination_type", f.destination_type}});
    }
  }
  if (region.ec2.route_tables.ok()) {
    for (const auto& t : *region.ec2.route_tables) {
      add("AWS::EC2::RouteTable", t.id, {{"vpc_id", MapOrEmpty(t.vpc_id, ids)}, {"routes", Routes(t.routes, ids)}});
    }
  }
  if (region.elbv2.load_balancers.ok()) {
    for (const auto& lb : *region.elbv2.load_balancers) {
      std::string acl;
      if (region.wafv2.web_acl_by_resource.ok()) {
        if (auto it = region.wafv2.web_acl_by_resource->find(lb.arn); it != region.wafv2.web_acl_by_resource->end()) {
          acl = MapOrEmpty(it->second, ids);
        }
      }
      add("AWS::ElasticLoadBalancingV2::LoadBalancer", lb.arn,
          {{"type", lb.type}, {"scheme", lb.scheme}, {"web_acl", acl}});
    }
  }
  if (region.apigateway.stages.ok()) {
    for (const auto& s : *region.apigateway.stages) {
      // Live scans list public APIs' stages only; compare those.
      if (!s.is_public()) continue;
      std::vector<std::string> types = s.endpoint_types;
      if (types.empty()) types = {"EDGE"};
      out.push_back({"AWS::ApiGateway::Stage", ids(s.rest_api_id) + "/" + s.stage_name, region.region,
                     Json{{"endpoint_types", Sorted(types)}, {"web_acl_arn", MapOrEmpty(s.web_acl_arn, ids)}}});
    }
  }
}

}  // namespace

void AppendNetworkComparables(const inventory::Inventory& inventory, const IdMap& ids,
                              std::vector<ComparableObject>& out) {
  for (const auto& region : inventory.regions) AppendRegion(region, ids, out);
  if (inventory.cloudfront.distributions.ok()) {
    for (const auto& d : *inventory.cloudfront.distributions) {
      out.push_back({"AWS::CloudFront::Distribution", ids(d.id), "",
                     Json{{"enabled", d.enabled}, {"web_acl_id", MapOrEmpty(d.web_acl_id, ids)}}});
    }
  }
}

}  // namespace posture::iac
