// Which WAFv2 web ACL protects each internet-facing application load
// balancer. ListWebACLs runs alongside DescribeLoadBalancers; once both are
// in, a region without regional web ACLs is finished (nothing can be
// protected), otherwise one GetWebACLForResource per internet-facing ALB
// runs, all at once. Internal and non-application load balancers cost no
// call.
#include <mutex>

#include "collect/collectors.h"

namespace posture::collect {

namespace {

using WebAclByResource = std::map<std::string, std::string>;
using Join = SectionJoin<WebAclByResource>;

// ListWebACLs' largest page; one ACL is enough to know the region has some.
constexpr int kListLimit = 1;

std::optional<inventory::CollectionError> LookUp(aws::AwsClient& client, const CallSite& site,
                                                 const std::string& lb_arn, Join& join) {
  auto result = client.call(site.service, site.operation, {{"ResourceArn", lb_arn}}, site.region);
  if (!result.ok()) {
    // The load balancer was deleted since it was listed: nothing to protect.
    if (result.error().kind() == base::ErrorKind::kNotFound) return std::nullopt;
    return site.failure(result.error());
  }
  const std::string acl_arn = result->contains("WebACL") ? Text((*result)["WebACL"], "ARN") : "";
  if (!acl_arn.empty()) join.update([&](WebAclByResource& map) { map[lb_arn] = acl_arn; });
  return std::nullopt;
}

}  // namespace

WebAclLookup::WebAclLookup(CollectContext& ctx, inventory::RegionInventory& region) : ctx_(ctx), region_(region) {}

void WebAclLookup::acls_listed(std::optional<inventory::CollectionError> error, bool any) {
  std::unique_lock lock(mutex_);
  acl_error_ = std::move(error);
  any_acl_ = any;
  acls_known_ = true;
  start_when_ready(lock);
}

void WebAclLookup::load_balancers_listed(std::optional<inventory::CollectionError> error,
                                         std::vector<std::string> internet_facing) {
  std::unique_lock lock(mutex_);
  lb_error_ = std::move(error);
  internet_facing_ = std::move(internet_facing);
  lbs_known_ = true;
  start_when_ready(lock);
}

void WebAclLookup::start_when_ready(std::unique_lock<std::mutex>& lock) {
  if (!acls_known_ || !lbs_known_) return;
  lock.unlock();
  auto& section = region_.wafv2.web_acl_by_resource;
  if (acl_error_) return ctx_.store(section, Failure<WebAclByResource>(std::move(*acl_error_)));
  // The load balancer section already logged its own failure.
  if (lb_error_) {
    section = Failure<WebAclByResource>(std::move(*lb_error_));
    return;
  }
  if (!any_acl_ || internet_facing_.empty()) return ctx_.store(section, Success(WebAclByResource{}));
  auto join = std::make_shared<Join>(ctx_, section, WebAclByResource{}, static_cast<int>(internet_facing_.size()));
  const CallSite site{"wafv2", "GetWebACLForResource", region_.region};
  for (auto& lb_arn : internet_facing_) {
    SubmitPart(ctx_, join, site, [&client = ctx_.client, site, lb_arn = std::move(lb_arn)](Join& joined) {
      return LookUp(client, site, lb_arn, joined);
    });
  }
}

std::shared_ptr<WebAclLookup> PlanWafv2(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants("wafv2.web_acl_by_resource")) return nullptr;
  auto lookup = std::make_shared<WebAclLookup>(ctx, region);
  const CallSite site{"wafv2", "ListWebACLs", region.region};
  ctx.pool.submit([&ctx, site, lookup] {
    bool any = false;
    std::optional<inventory::CollectionError> failure;
    auto error = RunCatching(site, [&] {
      // One page is enough: the question is only whether any ACL exists.
      auto page =
          ctx.client.call(site.service, site.operation, {{"Scope", "REGIONAL"}, {"Limit", kListLimit}}, site.region);
      if (!page.ok()) {
        failure = site.failure(page.error());
        return;
      }
      any = !Items(*page, "WebACLs").empty();
    });
    lookup->acls_listed(error ? std::move(error) : std::move(failure), any);
  });
  return lookup;
}

}  // namespace posture::collect
