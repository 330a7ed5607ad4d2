#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

namespace posture::checks::monitor_cloudtrail_changes {
namespace {

std::vector<nlohmann::json> Events() {
  return ApiCalls("cloudtrail.amazonaws.com",
                  {"CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"});
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"CloudTrail configuration changes", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_cloudtrail_changes",
            .title = "CloudTrail configuration changes raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when = "no metric filter on the log group of a multi-region trail matches the CIS pattern for trail "
                          "create/update/delete/stop, or the filter has no CloudWatch alarm, or the alarm's SNS topic "
                          "has no subscriber",
            .risk = "Stopping or changing a trail is how an attacker blinds the audit log before acting; an alarm "
                    "catches it when it happens.",
            .remediation = CisRemediation("monitor_cloudtrail_changes").cli,
            .remediation_terraform = CisRemediation("monitor_cloudtrail_changes").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_cloudtrail_changes
