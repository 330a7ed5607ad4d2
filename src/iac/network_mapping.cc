#include "iac/network_mapping.h"

#include <algorithm>
#include <cctype>

namespace posture::iac {
namespace network {

bool UnknownValue(const Json* value) { return value != nullptr && IsOpaqueUnknown(*value); }

bool Unset(const Json* value, const Resource& resource) {
  if (value == nullptr || value->is_null()) return true;
  return resource.format == SourceFormat::kTerraformPlan && UnknownValue(value);
}

std::optional<std::string> Text(const Json* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number_integer()) return std::to_string(value->get<long long>());
  if (value->is_number()) return value->dump();
  if (value->is_boolean()) return value->get<bool>() ? "true" : "false";
  return std::nullopt;
}

std::optional<int> Integer(const Json* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_number()) return value->get<int>();
  if (!value->is_string()) return std::nullopt;
  const std::string& text = value->get_ref<const std::string&>();
  if (text.empty()) return std::nullopt;
  std::size_t i = text[0] == '-' ? 1 : 0;
  if (i == text.size()) return std::nullopt;
  for (std::size_t j = i; j < text.size(); ++j) {
    if (!std::isdigit(static_cast<unsigned char>(text[j]))) return std::nullopt;
  }
  return std::stoi(text);
}

std::optional<bool> Boolean(const Json* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_boolean()) return value->get<bool>();
  if (!value->is_string()) return std::nullopt;
  std::string text = value->get<std::string>();
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;
}

inventory::Tags ReadTags(const Json* tags) {
  inventory::Tags out;
  if (tags == nullptr) return out;
  if (tags->is_object() && !IsUnknown(*tags)) {
    for (const auto& [key, value] : tags->items()) {
      if (auto text = Text(&value)) out[key] = *text;
    }
  } else if (tags->is_array()) {
    for (const auto& tag : *tags) {
      auto key = Text(Member(tag, "Key"));
      auto value = Text(Member(tag, "Value"));
      if (key && value) out[*key] = *value;
    }
  }
  return out;
}

std::vector<Ref> RefList(const Json* value) {
  std::vector<Ref> out;
  if (value == nullptr) return out;
  if (value->is_array()) {
    for (const auto& item : *value) {
      if (!item.is_null()) out.push_back(item);
    }
  } else {
    out.push_back(*value);
  }
  return out;
}

namespace {
bool EmptyText(const Json* value) { return value->is_string() && value->get_ref<const std::string&>().empty(); }
}  // namespace

// An empty string is how Terraform state shows an unset optional value.
Setting<std::string> TextSetting(const Json* value, const Resource& resource) {
  if (Unset(value, resource) || EmptyText(value)) return {};
  if (auto text = Text(value)) return Setting<std::string>::Known(*text);
  return Setting<std::string>::Unknown();
}

Setting<bool> BoolSetting(const Json* value, const Resource& resource) {
  if (Unset(value, resource) || EmptyText(value)) return {};
  if (auto flag = Boolean(value)) return Setting<bool>::Known(*flag);
  return Setting<bool>::Unknown();
}

namespace {
std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return text;
}
}  // namespace

std::string SecurityGroupProtocol(const std::string& protocol) {
  const std::string p = Lower(protocol);
  if (p == "-1" || p == "all") return "-1";
  if (p == "6" || p == "tcp") return "tcp";
  if (p == "17" || p == "udp") return "udp";
  if (p == "1" || p == "icmp") return "icmp";
  if (p == "58" || p == "icmpv6") return "icmpv6";
  return p;
}

std::string NetworkAclProtocol(const std::string& protocol) {
  const std::string p = SecurityGroupProtocol(protocol);
  if (p == "tcp") return "6";
  if (p == "udp") return "17";
  if (p == "icmp") return "1";
  if (p == "icmpv6") return "58";
  return p;
}

bool NetworkMapper::add(const Resource& resource, MappingContext& context) {
  const bool taken = add_security_group(resource, context) || add_network_acl(resource, context) ||
                     add_instance(resource, context) || add_volume(resource, context) || add_vpc(resource, context) ||
                     add_edge(resource, context);
  if (taken) {
    any_ = true;
    if (std::find(regions_.begin(), regions_.end(), resource.region) == regions_.end()) {
      regions_.push_back(resource.region);
    }
  }
  return taken;
}

std::optional<std::string> NetworkMapper::resolve_cidr(const Ref& value) const {
  if (value.is_string()) return value.get<std::string>();
  const std::string* address = ReferencedAddress(value);
  if (address == nullptr) return std::nullopt;
  auto vpc = vpc_cidrs_.find(*address);
  if (vpc == vpc_cidrs_.end() || vpc->second.empty()) return std::nullopt;
  return vpc->second;
}

void NetworkMapper::finish(MappingContext& context) {
  if (!any_) return;
  // Every region holding a network resource gets every per-resource section
  // (possibly empty), so that "no flow log" or "no web ACL" is a finding.
  for (const auto& name : regions_) {
    auto& region = context.region(name);
    region.ec2.security_groups.set({});
    region.ec2.network_acls.set({});
    region.ec2.instances.set({});
    region.ec2.vpcs.set({});
    region.ec2.vpc_peerings.set({});
    region.ec2.volumes.set({});
    region.ec2.flow_logs.set({});
    region.ec2.route_tables.set({});
    region.elbv2.load_balancers.set({});
    region.wafv2.web_acl_by_resource.set({});
    region.apigateway.stages.set({});
  }
  context.inventory().cloudfront.distributions.set({});
  for (const auto& vpc : vpcs_) vpc_cidrs_.emplace(vpc.address, vpc.vpc.cidr);
  finish_vpcs(context);       // first: peerings and routes read the VPCs' CIDRs
  finish_instances(context);  // before the groups move out: instances may name them
  finish_security_groups(context);
  finish_network_acls(context);
  finish_volumes(context);
  finish_edge(context);
}

}  // namespace network

std::unique_ptr<DomainMapper> NewNetworkMapper() { return std::make_unique<network::NetworkMapper>(); }

}  // namespace posture::iac
