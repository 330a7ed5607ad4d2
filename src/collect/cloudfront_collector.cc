// CloudFront: ListDistributions, once per account (CloudFront is global),
// every page. Each distribution summary carries its web ACL (WebACLId, a
// required member, empty when none), so WAF coverage costs no
// per-distribution call. A summary that lacks the member altogether (moto
// omits it) is completed by GetDistribution, all such calls at once.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

using Distributions = std::vector<inventory::CloudFrontDistribution>;
using Join = SectionJoin<Distributions>;

// ListDistributions' page size (a string in CloudFront's API).
constexpr const char* kMaxItems = "100";

inventory::CloudFrontDistribution MapSummary(const aws::Json& item) {
  inventory::CloudFrontDistribution out;
  out.id = Text(item, "Id");
  out.arn = Text(item, "ARN");
  out.domain_name = Text(item, "DomainName");
  out.web_acl_id = Text(item, "WebACLId");
  out.enabled = Flag(item, "Enabled");
  out.status = Text(item, "Status");
  return out;
}

// Fills the web ACL of `distribution` from its configuration.
std::optional<inventory::CollectionError> CompleteWebAcl(aws::AwsClient& client, const CallSite& site,
                                                         inventory::CloudFrontDistribution distribution, Join& join) {
  auto result = client.call(site.service, site.operation, {{"Id", distribution.id}}, site.region);
  if (!result.ok()) {
    // Deleted since it was listed: nothing left to protect.
    if (result.error().kind() == base::ErrorKind::kNotFound) return std::nullopt;
    return site.failure(result.error());
  }
  distribution.web_acl_id = Text(Member(Member(*result, "Distribution"), "DistributionConfig"), "WebACLId");
  join.update([&](Distributions& all) { all.push_back(std::move(distribution)); });
  return std::nullopt;
}

}  // namespace

void PlanCloudFront(CollectContext& ctx, inventory::CloudFrontSections& cloudfront) {
  if (!ctx.wants("cloudfront.distributions")) return;
  inventory::Collected<Distributions>& distributions = cloudfront.distributions;
  const CallSite site{"cloudfront", "ListDistributions", ""};
  SubmitStaged(
      ctx, distributions, site, [&ctx, &distributions, site]() -> std::optional<inventory::Collected<Distributions>> {
        Distributions complete, incomplete;
        auto status = ctx.client.paginate(
            site.service, site.operation, {{"MaxItems", kMaxItems}}, site.region, [&](const aws::Json& page) {
              for (const auto& item : Items(Member(page, "DistributionList"), "Items")) {
                (item.contains("WebACLId") ? complete : incomplete).push_back(MapSummary(item));
              }
              return true;
            });
        if (!status.ok()) return Failure<Distributions>(site.failure(status.error()));
        if (incomplete.empty()) return Success(std::move(complete));
        auto join =
            std::make_shared<Join>(ctx, distributions, std::move(complete), static_cast<int>(incomplete.size()));
        join->before_publish([](Distributions& all) { SortBy(all, [](const auto& d) { return d.id; }); });
        const CallSite get_site{"cloudfront", "GetDistribution", ""};
        for (auto& distribution : incomplete) {
          SubmitPart(ctx, join, get_site,
                     [&client = ctx.client, get_site, distribution = std::move(distribution)](Join& joined) {
                       return CompleteWebAcl(client, get_site, distribution, joined);
                     });
        }
        return std::nullopt;
      });
}

}  // namespace posture::collect
