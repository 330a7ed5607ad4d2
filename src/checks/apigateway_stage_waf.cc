#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::apigateway_stage_waf {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(inventory, sink, &inventory::RegionInventory::apigateway, &inventory::ApiGatewaySections::stages,
                  [&](const inventory::RegionInventory& region, const inventory::ApiGatewayStage& stage) {
                    if (!stage.is_public()) return;
                    const std::string id = stage.rest_api_id + "/" + stage.stage_name;
                    const std::string arn = stage.arn.empty()
                                                ? "arn:" + inventory.partition + ":apigateway:" + region.region +
                                                      "::/restapis/" + stage.rest_api_id + "/stages/" + stage.stage_name
                                                : stage.arn;
                    const std::string api = "stage " + stage.stage_name + " of " +
                                            (stage.endpoint_types.empty() ? "EDGE" : base::Join(stage.endpoint_types)) +
                                            " REST API " +
                                            (stage.rest_api_name.empty() ? stage.rest_api_id : stage.rest_api_name);
                    if (stage.web_acl_arn.empty()) {
                      sink.fail(region.region, id, arn, api + " has no AWS WAF web ACL");
                    } else {
                      sink.pass(region.region, id, arn, api + " is protected by web ACL " + stage.web_acl_arn);
                    }
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "apigateway_stage_waf",
            .title = "Public API Gateway REST API stages are protected by AWS WAF",
            .severity = Severity::kMedium,
            .category = Category::kEdge,
            .resource_type = "AWS::ApiGateway::Stage",
            .scope = "L+C",
            .fails_when = "a public REST API stage has no web ACL",
            .risk = "A public API stage without a web ACL receives injection, credential-stuffing and flood "
                    "traffic directly, with no rate limit or managed rule in front of the backend.",
            .remediation = "aws wafv2 associate-web-acl --web-acl-arn <regional-web-acl-arn> --resource-arn "
                           "arn:aws:apigateway:<region>::/restapis/<api-id>/stages/<stage>",
            .remediation_terraform = "resource \"aws_wafv2_web_acl_association\" \"api\" {\n  resource_arn = "
                                     "aws_api_gateway_stage.prod.arn\n  web_acl_arn  = aws_wafv2_web_acl.api.arn\n}",
            .docs_url = "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-"
                        "waf.html",
            .reads = {POSTURE_FIELD(ApiGatewayStage, web_acl_arn), POSTURE_FIELD(ApiGatewayStage, endpoint_types)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::apigateway_stage_waf
