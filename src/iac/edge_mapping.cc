// The public edge: load balancers, WAFv2 web ACL associations, CloudFront
// distributions and API Gateway REST API stages.
#include <algorithm>

#include "iac/network_mapping.h"

namespace posture::iac::network {
namespace {

std::vector<std::string> Upper(std::vector<std::string> items) {
  for (auto& item : items) {
    std::transform(item.begin(), item.end(), item.begin(), [](unsigned char ch) { return std::toupper(ch); });
  }
  return items;
}

// The API id and stage name an API Gateway stage ARN names
// ("arn:aws:apigateway:<region>::/restapis/<api>/stages/<stage>"), or nullopt.
std::optional<std::pair<std::string, std::string>> StageOfArn(const std::string& arn) {
  const std::string apis = "/restapis/", stages = "/stages/";
  const auto api_at = arn.find(apis);
  if (api_at == std::string::npos) return std::nullopt;
  const auto stage_at = arn.find(stages, api_at + apis.size());
  if (stage_at == std::string::npos) return std::nullopt;
  return std::pair{arn.substr(api_at + apis.size(), stage_at - api_at - apis.size()),
                   arn.substr(stage_at + stages.size())};
}

}  // namespace

bool NetworkMapper::add_edge(const Resource& r, MappingContext& c) {
  const Json& v = r.values;
  const bool cfn = IsCloudFormation(r);
  if (r.type == "aws_lb" || r.type == "aws_alb" || r.type == "AWS::ElasticLoadBalancingV2::LoadBalancer") {
    PendingLoadBalancer p{r.address, r.region, {}, {}};
    // The checks name a load balancer by name and key WAF by ARN: both are the address.
    p.lb.arn = r.address;
    p.lb.name = r.address;
    const Setting<std::string> type = TextSetting(Member(v, cfn ? "Type" : "load_balancer_type"), r);
    if (type.unknown) c.mark_unknown(r.address, "LoadBalancer.type");
    p.lb.type = type.known() ? type.value : (type.unset() ? "application" : "");
    if (cfn) {
      const Setting<std::string> scheme = TextSetting(Member(v, "Scheme"), r);
      if (scheme.unknown) c.mark_unknown(r.address, "LoadBalancer.scheme");
      p.lb.scheme = scheme.known() ? scheme.value : (scheme.unset() ? "internet-facing" : "");
    } else {
      const Setting<bool> internal = BoolSetting(Member(v, "internal"), r);
      if (internal.unknown) c.mark_unknown(r.address, "LoadBalancer.scheme");
      if (!internal.unknown) p.lb.scheme = internal.known() && internal.value ? "internal" : "internet-facing";
      if (const Json* vpc = Member(v, "vpc_id")) p.vpc = *vpc;
      p.lb.dns_name = Text(Member(v, "dns_name")).value_or("");
    }
    const std::string real_arn = cfn ? "" : Text(Member(v, "arn")).value_or("");
    c.record(r, real_arn);
    load_balancers_.push_back(std::move(p));
    return true;
  }
  if (r.type == "aws_wafv2_web_acl_association" || r.type == "AWS::WAFv2::WebACLAssociation") {
    PendingAssociation p{r.address, r.region, {}, {}};
    if (const Json* resource = Member(v, cfn ? "ResourceArn" : "resource_arn")) p.resource = *resource;
    if (const Json* acl = Member(v, cfn ? "WebACLArn" : "web_acl_arn")) p.web_acl = *acl;
    associations_.push_back(std::move(p));
    return true;
  }
  if (r.type == "aws_wafv2_web_acl" || r.type == "AWS::WAFv2::WebACL") {
    // Not an inventory object, but its ARN names it in associations.
    if (!cfn) {
      if (auto arn = Text(Member(v, "arn"))) c.alias(*arn, r.address);
    }
    return true;
  }
  if (r.type == "aws_cloudfront_distribution" || r.type == "AWS::CloudFront::Distribution") {
    PendingDistribution p;
    p.address = r.address;
    p.distribution.id = r.address;
    const Json* config = cfn ? Member(v, "DistributionConfig") : &v;
    const Json* acl = config ? Member(*config, cfn ? "WebACLId" : "web_acl_id") : nullptr;
    if (acl != nullptr && acl->is_string() && acl->get_ref<const std::string&>().empty()) acl = nullptr;
    if (UnknownValue(acl) || UnknownValue(config))
      c.mark_unknown(r.address, "CloudFrontDistribution.web_acl_id");
    else if (acl != nullptr)
      p.web_acl = *acl;
    p.distribution.enabled = config ? Boolean(Member(*config, cfn ? "Enabled" : "enabled")).value_or(false) : false;
    if (!cfn) {
      p.distribution.domain_name = Text(Member(v, "domain_name")).value_or("");
      if (auto arn = Text(Member(v, "arn"))) c.alias(*arn, r.address);
    }
    c.record(r, cfn ? "" : Text(Member(v, "id")).value_or(""));
    distributions_.push_back(std::move(p));
    return true;
  }
  if (r.type == "aws_api_gateway_rest_api" || r.type == "AWS::ApiGateway::RestApi") {
    PendingRestApi api;
    api.name = Text(Member(v, cfn ? "Name" : "name")).value_or("");
    const Json* endpoint = cfn ? Member(v, "EndpointConfiguration") : Block(v, "endpoint_configuration");
    const Json* types = endpoint ? Member(*endpoint, cfn ? "Types" : "types") : nullptr;
    if (UnknownValue(types) || UnknownValue(endpoint)) api.types_unknown = true;
    for (const auto& type : RefList(types)) {
      if (type.is_string()) api.endpoint_types.push_back(type.get<std::string>());
    }
    // AWS's default endpoint type.
    if (api.endpoint_types.empty() && !api.types_unknown) api.endpoint_types = {"EDGE"};
    api.endpoint_types = Upper(std::move(api.endpoint_types));
    if (!cfn) {
      if (auto id = Text(Member(v, "id"))) c.alias(*id, r.address);
    }
    rest_apis_[r.address] = std::move(api);
    return true;
  }
  const bool deployment_stage = (r.type == "AWS::ApiGateway::Deployment" || r.type == "aws_api_gateway_deployment") &&
                                !Text(Member(v, cfn ? "StageName" : "stage_name")).value_or("").empty();
  if (r.type == "aws_api_gateway_stage" || r.type == "AWS::ApiGateway::Stage" || deployment_stage) {
    // A deployment given a stage name creates that stage.
    PendingStage p{r.address, r.region, {}, {}, {}};
    if (const Json* api = Member(v, cfn ? "RestApiId" : "rest_api_id")) p.rest_api = *api;
    p.stage_name = Text(Member(v, cfn ? "StageName" : "stage_name")).value_or("");
    if (!cfn) {
      const Json* acl = Member(v, "web_acl_arn");
      if (acl != nullptr && !Unset(acl, r) && !(acl->is_string() && acl->get_ref<const std::string&>().empty())) {
        p.web_acl = *acl;
      }
      if (auto arn = Text(Member(v, "arn"))) c.alias(*arn, r.address);
    }
    c.record(r, cfn ? "" : Text(Member(v, "id")).value_or(""));
    stages_.push_back(std::move(p));
    return true;
  }
  return false;
}

void NetworkMapper::finish_edge(MappingContext& c) {
  // Stages first: an association may name one by its ARN.
  std::vector<inventory::ApiGatewayStage> stages;
  for (auto& p : stages_) {
    inventory::ApiGatewayStage stage;
    stage.rest_api_id = c.canonical_id(p.rest_api);
    stage.stage_name = p.stage_name;
    auto api = rest_apis_.find(stage.rest_api_id);
    if (api != rest_apis_.end()) {
      stage.rest_api_name = api->second.name;
      stage.endpoint_types = api->second.endpoint_types;
      if (api->second.types_unknown) c.mark_unknown(p.address, "ApiGatewayStage.endpoint_types");
    } else {
      stage.endpoint_types = {"EDGE"};  // an API outside the run: judged as AWS's default
    }
    stage.web_acl_arn = c.canonical_id(p.web_acl);
    stages.push_back(std::move(stage));
  }
  std::map<std::string, size_t> stage_by_address, stage_by_name;  // by "<api>/<stage>"
  for (size_t i = 0; i < stages.size(); ++i) {
    stage_by_address.emplace(stages_[i].address, i);
    stage_by_name.emplace(stages[i].rest_api_id + "/" + stages[i].stage_name, i);
  }
  for (const auto& p : associations_) {
    std::string acl = c.canonical_id(p.web_acl);
    // A web ACL known only after apply is still a web ACL: the association names it.
    if (acl.empty()) acl = p.address;
    const std::string target = c.canonical_id(p.resource);
    if (target.empty()) continue;  // protects something unknown until apply
    std::optional<size_t> stage;
    if (auto it = stage_by_address.find(target); it != stage_by_address.end()) stage = it->second;
    if (const auto named = StageOfArn(target); !stage && named) {
      auto it = stage_by_name.find(c.canonical_id(named->first) + "/" + named->second);
      if (it != stage_by_name.end()) stage = it->second;
    }
    if (stage) {
      stages[*stage].web_acl_arn = acl;
    } else {
      (*c.region(p.region).wafv2.web_acl_by_resource.value)[target] = acl;
    }
  }
  for (size_t i = 0; i < stages.size(); ++i) {
    // Findings name a stage "<rest_api_id>/<stage_name>".
    c.identify(stages_[i].address, stages[i].rest_api_id + "/" + stages[i].stage_name);
  }
  for (size_t i = 0; i < stages.size(); ++i) {
    c.region(stages_[i].region).apigateway.stages.value->push_back(std::move(stages[i]));
  }
  for (auto& p : load_balancers_) {
    p.lb.vpc_id = c.canonical_id(p.vpc);
    c.region(p.region).elbv2.load_balancers.value->push_back(std::move(p.lb));
  }
  for (auto& p : distributions_) {
    p.distribution.web_acl_id = c.canonical_id(p.web_acl);
    c.inventory().cloudfront.distributions.value->push_back(std::move(p.distribution));
  }
}

}  // namespace posture::iac::network
