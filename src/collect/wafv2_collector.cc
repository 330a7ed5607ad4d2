// WAFv2 regional web ACLs and the resources they protect: one ListWebACLs,
// then one ListResourcesForWebACL per ACL and resource type, all at once
// (GetWebACLForResource would cost a call per resource).
#include <iterator>
#include <map>

#include "collect/collectors.h"

namespace posture::collect {
namespace {

using WebAclByResource = std::map<std::string, std::string>;
using Join = SectionJoin<WebAclByResource>;

// ListWebACLs' largest page.
constexpr int kListLimit = 100;
constexpr const char* kProtectedTypes[] = {"APPLICATION_LOAD_BALANCER", "API_GATEWAY"};

std::optional<inventory::CollectionError> ListResources(aws::AwsClient& client, const CallSite& site,
                                                        const std::string& acl_arn, const char* type, Join& join) {
  auto result =
      client.call(site.service, site.operation, {{"WebACLArn", acl_arn}, {"ResourceType", type}}, site.region);
  if (!result.ok()) return site.failure(result.error());
  join.update([&](WebAclByResource& map) {
    for (const auto& arn : Items(*result, "ResourceArns")) {
      if (arn.is_string()) map[arn.get<std::string>()] = acl_arn;
    }
  });
  return std::nullopt;
}

std::optional<inventory::Collected<WebAclByResource>> ListAclsThenResources(
    CollectContext& ctx, inventory::Collected<WebAclByResource>& section, const std::string& region) {
  const CallSite site{"wafv2", "ListWebACLs", region};
  std::vector<std::string> acl_arns;
  auto status = ForEachItem(ctx.client, site, {{"Scope", "REGIONAL"}, {"Limit", kListLimit}}, "WebACLs",
                            [&](const aws::Json& acl) {
                              std::string arn = Text(acl, "ARN");
                              if (!arn.empty()) acl_arns.push_back(std::move(arn));
                            });
  if (!status.ok()) return Failure<WebAclByResource>(site.failure(status.error()));
  if (acl_arns.empty()) return Success(WebAclByResource{});

  const int parts = static_cast<int>(acl_arns.size() * std::size(kProtectedTypes));
  auto join = std::make_shared<Join>(ctx, section, WebAclByResource{}, parts);
  const CallSite part_site{"wafv2", "ListResourcesForWebACL", region};
  for (const auto& acl_arn : acl_arns) {
    for (const char* type : kProtectedTypes) {
      SubmitPart(ctx, join, part_site, [&client = ctx.client, part_site, acl_arn, type](Join& joined) {
        return ListResources(client, part_site, acl_arn, type, joined);
      });
    }
  }
  return std::nullopt;
}

}  // namespace

void PlanWafv2(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants(inventory::kSectionWebAcls)) return;
  auto& section = region.web_acl_by_resource;
  SubmitStaged(ctx, section, CallSite{"wafv2", "ListWebACLs", region.region},
               [&ctx, &section, name = region.region] { return ListAclsThenResources(ctx, section, name); });
}

}  // namespace posture::collect
