#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::elbv2_internet_facing_waf {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.elbv2.load_balancers, region.region)) continue;
    bool web_acls_read = false;  // the WAF section is needed only when there is something to protect
    for (const auto& lb : *region.elbv2.load_balancers) {
      if (!lb.internet_facing_application()) continue;
      if (!web_acls_read && !sink.require(region.wafv2.web_acl_by_resource, region.region)) break;
      web_acls_read = true;
      const auto& acls = *region.wafv2.web_acl_by_resource;
      if (const auto it = acls.find(lb.arn); it != acls.end() && !it->second.empty()) {
        sink.pass(region.region, lb.name, lb.arn, "protected by WAFv2 web ACL " + it->second);
      } else {
        const std::string dns = lb.dns_name.empty() ? "" : " (" + lb.dns_name + ")";
        sink.fail(region.region, lb.name, lb.arn,
                  "internet-facing application load balancer" + dns + " has no WAFv2 web ACL");
      }
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "elbv2_internet_facing_waf",
            .title = "Internet-facing application load balancers are protected by AWS WAF",
            .severity = Severity::kHigh,
            .category = Category::kEdge,
            .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
            .scope = "L+C",
            .fails_when = "an internet-facing application load balancer has no WAFv2 web ACL",
            .risk = "Without a web ACL, injection, known-exploit and bot traffic reaches the application unfiltered, "
                    "and there is no place to block an attack quickly.",
            .remediation = "aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn <load-balancer-arn>",
            .remediation_terraform = "resource \"aws_wafv2_web_acl_association\" \"alb\" {\n"
                                     "  resource_arn = aws_lb.example.arn\n"
                                     "  web_acl_arn  = aws_wafv2_web_acl.example.arn # scope = \"REGIONAL\"\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html",
            .reads = {POSTURE_FIELD(LoadBalancer, scheme), POSTURE_FIELD(LoadBalancer, type),
                      POSTURE_FIELD(Wafv2Sections, web_acl_by_resource)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::elbv2_internet_facing_waf
