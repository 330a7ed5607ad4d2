#include "checks/check.h"
#include "checks/cis_monitoring.h"

namespace posture::checks::monitor_iam_policy_changes {
namespace {

std::vector<nlohmann::json> Events() {
  return ApiCalls(
      "iam.amazonaws.com",
      {"DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
       "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy",
       "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy"});
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"IAM policy changes", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_iam_policy_changes",
            .title = "IAM policy changes raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when =
                "no metric filter on the log group of a multi-region trail matches the CIS pattern for IAM policy "
                "changes, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "Changed IAM policies can silently grant an attacker or an insider more privilege; an alarm makes "
                    "every change visible.",
            .remediation =
                "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name IamPolicyChanges "
                "--metric-transformations metricName=IamPolicyChanges,metricNamespace=CISBenchmark,metricValue=1 "
                "--filter-pattern '{ ($.eventSource = iam.amazonaws.com) && (($.eventName = DeleteGroupPolicy) || "
                "($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = "
                "PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = "
                "CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName "
                "= DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || "
                "($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = "
                "AttachGroupPolicy) || ($.eventName = DetachGroupPolicy)) }' && aws cloudwatch put-metric-alarm "
                "--alarm-name IamPolicyChanges --metric-name IamPolicyChanges --namespace CISBenchmark --statistic Sum "
                "--period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 "
                "--alarm-actions <sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_iam_policy_changes\" {\n  name           = "
                "\"IamPolicyChanges\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern        = "
                "\"{ ($.eventSource = iam.amazonaws.com) && (($.eventName = DeleteGroupPolicy) || ($.eventName = "
                "DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || "
                "($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || "
                "($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = "
                "DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || "
                "($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = "
                "AttachGroupPolicy) || ($.eventName = DetachGroupPolicy)) }\"\n  metric_transformation {\n    name     "
                " = \"IamPolicyChanges\"\n    namespace = \"CISBenchmark\"\n    value     = \"1\"\n  }\n}\n\nresource "
                "\"aws_cloudwatch_metric_alarm\" \"monitor_iam_policy_changes\" {\n  alarm_name          = "
                "\"IamPolicyChanges\"\n  metric_name         = \"IamPolicyChanges\"\n  namespace           = "
                "\"CISBenchmark\"\n  statistic           = \"Sum\"\n  period              = 300\n  threshold           "
                "= 1\n  comparison_operator = \"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  "
                "alarm_actions       = [aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_iam_policy_changes
