#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

namespace posture::checks::monitor_cmk_disable_delete {
namespace {

std::vector<nlohmann::json> Events() { return ApiCalls("kms.amazonaws.com", {"DisableKey", "ScheduleKeyDeletion"}); }

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"disabling or scheduled deletion of KMS keys", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_cmk_disable_delete",
            .title = "KMS key disabling or deletion raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when = "no metric filter on the log group of a multi-region trail matches the CIS pattern for KMS "
                          "DisableKey / ScheduleKeyDeletion, or the filter has no CloudWatch alarm, or the alarm's SNS "
                          "topic has no subscriber",
            .risk = "A disabled or deleted KMS key makes all data encrypted with it unreadable; an alarm leaves time "
                    "to cancel the deletion.",
            .remediation = CisRemediation("monitor_cmk_disable_delete").cli,
            .remediation_terraform = CisRemediation("monitor_cmk_disable_delete").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_cmk_disable_delete
