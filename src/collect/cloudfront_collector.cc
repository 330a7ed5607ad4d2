// CloudFront: ListDistributions, once per account (CloudFront is global),
// every page. Each distribution summary carries its web ACL, so WAF
// coverage costs no per-distribution call.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

using Distributions = std::vector<inventory::CloudFrontDistribution>;

// ListDistributions' page size (a string in CloudFront's API).
constexpr const char* kMaxItems = "100";

inventory::Collected<Distributions> ListDistributions(aws::AwsClient& client, const CallSite& site) {
  Distributions distributions;
  auto status =
      client.paginate(site.service, site.operation, {{"MaxItems", kMaxItems}}, site.region, [&](const aws::Json& page) {
        for (const auto& item : Items(Member(page, "DistributionList"), "Items")) {
          inventory::CloudFrontDistribution out;
          out.id = Text(item, "Id");
          out.arn = Text(item, "ARN");
          out.domain_name = Text(item, "DomainName");
          out.web_acl_id = Text(item, "WebACLId");
          out.enabled = Flag(item, "Enabled");
          out.status = Text(item, "Status");
          distributions.push_back(std::move(out));
        }
        return true;
      });
  if (!status.ok()) return Failure<Distributions>(site.failure(status.error()));
  return Success(std::move(distributions));
}

}  // namespace

void PlanCloudFront(CollectContext& ctx, inventory::Collected<Distributions>& distributions) {
  if (!ctx.wants(inventory::kSectionCloudFrontDistributions)) return;
  const CallSite site{"cloudfront", "ListDistributions", ""};
  SubmitSection(ctx, distributions, site, [&client = ctx.client, site] { return ListDistributions(client, site); });
}

}  // namespace posture::collect
