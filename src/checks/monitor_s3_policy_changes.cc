#include "checks/check.h"
#include "checks/cis_monitoring.h"

namespace posture::checks::monitor_s3_policy_changes {
namespace {

std::vector<nlohmann::json> Events() {
  return ApiCalls("s3.amazonaws.com",
                  {"PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
                   "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"});
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"S3 bucket policy and ACL changes", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_s3_policy_changes",
            .title = "S3 bucket policy changes raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when =
                "no metric filter on the log group of a multi-region trail matches the CIS pattern for bucket "
                "policy/ACL changes, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "A changed bucket policy or ACL can expose data publicly within seconds; an alarm shortens the "
                    "time it stays open.",
            .remediation =
                "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name S3PolicyChanges "
                "--metric-transformations metricName=S3PolicyChanges,metricNamespace=CISBenchmark,metricValue=1 "
                "--filter-pattern '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || "
                "($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = "
                "PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || "
                "($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = "
                "DeleteBucketReplication)) }' && aws cloudwatch put-metric-alarm --alarm-name S3PolicyChanges "
                "--metric-name S3PolicyChanges --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 "
                "--comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions "
                "<sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_s3_policy_changes\" {\n  name           = "
                "\"S3PolicyChanges\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern        = "
                "\"{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = "
                "PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || "
                "($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = "
                "DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = "
                "DeleteBucketReplication)) }\"\n  metric_transformation {\n    name      = \"S3PolicyChanges\"\n    "
                "namespace = \"CISBenchmark\"\n    value     = \"1\"\n  }\n}\n\nresource "
                "\"aws_cloudwatch_metric_alarm\" \"monitor_s3_policy_changes\" {\n  alarm_name          = "
                "\"S3PolicyChanges\"\n  metric_name         = \"S3PolicyChanges\"\n  namespace           = "
                "\"CISBenchmark\"\n  statistic           = \"Sum\"\n  period              = 300\n  threshold           "
                "= 1\n  comparison_operator = \"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  "
                "alarm_actions       = [aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_s3_policy_changes
