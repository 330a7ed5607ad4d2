#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::cloudfront_waf {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& distributions = inventory.cloudfront.distributions;
  if (!sink.require(distributions, kGlobalRegion)) return;
  for (const auto& distribution : *distributions) {
    const std::string arn =
        distribution.arn.empty()
            ? "arn:" + inventory.partition + ":cloudfront::" + inventory.account_id + ":distribution/" + distribution.id
            : distribution.arn;
    const std::string name = distribution.domain_name.empty() ? "" : " (" + distribution.domain_name + ")";
    if (distribution.web_acl_id.empty()) {
      sink.fail(
          kGlobalRegion, distribution.id, arn,
          std::string(distribution.enabled ? "" : "disabled ") + "distribution" + name + " has no AWS WAF web ACL");
    } else {
      sink.pass(kGlobalRegion, distribution.id, arn, "protected by web ACL " + distribution.web_acl_id);
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "cloudfront_waf",
            .title = "CloudFront distributions are protected by AWS WAF",
            .severity = Severity::kMedium,
            .category = Category::kEdge,
            .resource_type = "AWS::CloudFront::Distribution",
            .scope = "L+C",
            .fails_when = "a CloudFront distribution has no web ACL",
            .risk = "Without a web ACL, injection, known-exploit and bot traffic passes the edge to the origin "
                    "unfiltered, and there is no place to block an attack quickly.",
            .remediation = "aws cloudfront get-distribution-config --id <distribution-id> > config.json  # set "
                           "WebACLId to a CLOUDFRONT-scope WAFv2 web ACL ARN, then: aws cloudfront "
                           "update-distribution --id <distribution-id> --if-match <etag> --distribution-config "
                           "file://config.json",
            .remediation_terraform = "resource \"aws_cloudfront_distribution\" \"site\" {\n  # ...\n  web_acl_id = "
                                     "aws_wafv2_web_acl.edge.arn  # scope = \"CLOUDFRONT\", in us-east-1\n}",
            .docs_url = "https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
            .reads = {POSTURE_FIELD(CloudFrontDistribution, web_acl_id)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::cloudfront_waf
