#include "checks/check.h"
#include "checks/cis_monitoring.h"

namespace posture::checks::monitor_nacl_changes {
namespace {

std::vector<nlohmann::json> Events() {
  return ApiCalls("ec2.amazonaws.com",
                  {"CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry",
                   "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"});
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"network ACL changes", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_nacl_changes",
            .title = "Network ACL changes raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when = "no metric filter on the log group of a multi-region trail matches the CIS pattern for NACL "
                          "changes, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "Network ACL changes can open whole subnets to the internet; an alarm makes them visible when they "
                    "happen.",
            .remediation = "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name NaclChanges "
                           "--metric-transformations metricName=NaclChanges,metricNamespace=CISBenchmark,metricValue=1 "
                           "--filter-pattern '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = "
                           "CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = "
                           "DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = "
                           "ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation)) }' && aws "
                           "cloudwatch put-metric-alarm --alarm-name NaclChanges --metric-name NaclChanges --namespace "
                           "CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator "
                           "GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions <sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_nacl_changes\" {\n  name           = "
                "\"NaclChanges\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern        = \"{ "
                "($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateNetworkAcl) || ($.eventName = "
                "CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) "
                "|| ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation)) }\"\n  "
                "metric_transformation {\n    name      = \"NaclChanges\"\n    namespace = \"CISBenchmark\"\n    value "
                "    = \"1\"\n  }\n}\n\nresource \"aws_cloudwatch_metric_alarm\" \"monitor_nacl_changes\" {\n  "
                "alarm_name          = \"NaclChanges\"\n  metric_name         = \"NaclChanges\"\n  namespace           "
                "= \"CISBenchmark\"\n  statistic           = \"Sum\"\n  period              = 300\n  threshold         "
                "  = 1\n  comparison_operator = \"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  "
                "alarm_actions       = [aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_nacl_changes
