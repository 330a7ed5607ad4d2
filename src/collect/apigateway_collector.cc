// API Gateway REST API stages: GetRestApis (every page), then one GetStages
// per public API (endpoint type EDGE or REGIONAL), all at once. Private
// APIs are not reachable from the internet and cost no call. A stage
// carries the WAF web ACL protecting it (webAclArn).
#include "collect/collectors.h"

namespace posture::collect {
namespace {

using Stages = std::vector<inventory::ApiGatewayStage>;
using Join = SectionJoin<Stages>;

// GetRestApis' largest page.
constexpr int kRestApiLimit = 500;

struct RestApi {
  std::string id;
  std::string name;
  std::vector<std::string> endpoint_types;
};

std::vector<std::string> EndpointTypes(const aws::Json& api) {
  std::vector<std::string> types;
  for (const auto& type : Items(Member(api, "endpointConfiguration"), "types")) {
    if (type.is_string()) types.push_back(type.get<std::string>());
  }
  return types;
}

bool IsPublic(const RestApi& api) {
  inventory::ApiGatewayStage stage;
  stage.endpoint_types = api.endpoint_types;
  return stage.is_public();
}

std::string StageArn(const CollectContext& ctx, const std::string& region, const std::string& api,
                     const std::string& stage) {
  return "arn:" + ctx.partition + ":apigateway:" + region + "::/restapis/" + api + "/stages/" + stage;
}

std::optional<inventory::CollectionError> ReadStages(CollectContext& ctx, const CallSite& site, const RestApi& api,
                                                     Join& join) {
  auto result = ctx.client.call(site.service, site.operation, {{"restApiId", api.id}}, site.region);
  if (!result.ok()) {
    // The API was deleted since it was listed: it has no stages to protect.
    if (result.error().kind() == base::ErrorKind::kNotFound) return std::nullopt;
    return site.failure(result.error());
  }
  Stages stages;
  for (const auto& item : Items(*result, "item")) {
    inventory::ApiGatewayStage stage;
    stage.rest_api_id = api.id;
    stage.rest_api_name = api.name;
    stage.endpoint_types = api.endpoint_types;
    stage.stage_name = Text(item, "stageName");
    stage.arn = StageArn(ctx, site.region, api.id, stage.stage_name);
    stage.web_acl_arn = Text(item, "webAclArn");
    stages.push_back(std::move(stage));
  }
  join.update([&](Stages& all) {
    for (auto& stage : stages) all.push_back(std::move(stage));
  });
  return std::nullopt;
}

}  // namespace

void PlanApiGateway(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants("apigateway.stages")) return;
  const CallSite list_site{"apigateway", "GetRestApis", region.region};
  auto& section = region.apigateway.stages;
  SubmitStaged(ctx, section, list_site, [&ctx, &section, list_site]() -> std::optional<inventory::Collected<Stages>> {
    std::vector<RestApi> apis;
    auto status = ForEachItem(ctx.client, list_site, {{"limit", kRestApiLimit}}, "items", [&](const aws::Json& item) {
      RestApi api{Text(item, "id"), Text(item, "name"), EndpointTypes(item)};
      if (IsPublic(api)) apis.push_back(std::move(api));
    });
    if (!status.ok()) return Failure<Stages>(list_site.failure(status.error()));
    if (apis.empty()) return Success(Stages{});
    auto join = std::make_shared<Join>(ctx, section, Stages{}, static_cast<int>(apis.size()));
    join->before_publish([](Stages& all) {
      SortBy(all, [](const auto& stage) { return std::make_pair(stage.rest_api_id, stage.stage_name); });
    });
    const CallSite stages_site{"apigateway", "GetStages", list_site.region};
    for (auto& api : apis) {
      SubmitPart(ctx, join, stages_site, [&ctx, stages_site, api = std::move(api)](Join& joined) {
        return ReadStages(ctx, stages_site, api, joined);
      });
    }
    return std::nullopt;
  });
}

}  // namespace posture::collect
