#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

namespace posture::checks::monitor_unauthorized_api_calls {
namespace {

std::vector<nlohmann::json> Events() {
  auto denied = [](std::string_view source, std::string_view name, std::string_view code) {
    nlohmann::json event = ApiCall(source, name);
    event["errorCode"] = code;
    event["errorMessage"] = "You are not authorized to perform this operation.";
    return event;
  };
  return {denied("ec2.amazonaws.com", "RunInstances", "Client.UnauthorizedOperation"),
          denied("s3.amazonaws.com", "GetObject", "AccessDenied"),
          denied("kms.amazonaws.com", "ListKeys", "AccessDeniedException")};
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"unauthorized API calls", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_unauthorized_api_calls",
            .title = "Unauthorized API calls raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when = "no metric filter on the log group of a multi-region trail matches the CIS pattern for "
                          "UnauthorizedOperation / AccessDenied*, or the filter has no CloudWatch alarm, or the "
                          "alarm's SNS topic has no subscriber",
            .risk = "Repeated unauthorized calls are often the first sign of stolen credentials probing what they may "
                    "do; without an alarm nobody notices.",
            .remediation = CisRemediation("monitor_unauthorized_api_calls").cli,
            .remediation_terraform = CisRemediation("monitor_unauthorized_api_calls").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_unauthorized_api_calls
