#include "checks/check.h"
#include "checks/cis_monitoring.h"

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
            .remediation =
                "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name CmkDisableDelete "
                "--metric-transformations metricName=CmkDisableDelete,metricNamespace=CISBenchmark,metricValue=1 "
                "--filter-pattern '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || "
                "($.eventName = ScheduleKeyDeletion)) }' && aws cloudwatch put-metric-alarm --alarm-name "
                "CmkDisableDelete --metric-name CmkDisableDelete --namespace CISBenchmark --statistic Sum --period 300 "
                "--threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 "
                "--alarm-actions <sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_cmk_disable_delete\" {\n  name           = "
                "\"CmkDisableDelete\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern        = "
                "\"{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = "
                "ScheduleKeyDeletion)) }\"\n  metric_transformation {\n    name      = \"CmkDisableDelete\"\n    "
                "namespace = \"CISBenchmark\"\n    value     = \"1\"\n  }\n}\n\nresource "
                "\"aws_cloudwatch_metric_alarm\" \"monitor_cmk_disable_delete\" {\n  alarm_name          = "
                "\"CmkDisableDelete\"\n  metric_name         = \"CmkDisableDelete\"\n  namespace           = "
                "\"CISBenchmark\"\n  statistic           = \"Sum\"\n  period              = 300\n  threshold           "
                "= 1\n  comparison_operator = \"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  "
                "alarm_actions       = [aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_cmk_disable_delete
