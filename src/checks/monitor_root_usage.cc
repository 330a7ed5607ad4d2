#include "checks/check.h"
#include "checks/cis_monitoring.h"

namespace posture::checks::monitor_root_usage {
namespace {

std::vector<nlohmann::json> Events() {
  const nlohmann::json root = {{"type", "Root"},
                               {"principalId", "123456789012"},
                               {"arn", "arn:aws:iam::123456789012:root"},
                               {"accountId", "123456789012"}};
  nlohmann::json call = ApiCall("iam.amazonaws.com", "CreateAccessKey");
  call["userIdentity"] = root;
  nlohmann::json signin = ApiCall("signin.amazonaws.com", "ConsoleLogin");
  signin["userIdentity"] = root;
  signin["eventType"] = "AwsConsoleSignIn";
  signin["additionalEventData"] = {{"MFAUsed", "Yes"}};
  signin["responseElements"] = {{"ConsoleLogin", "Success"}};
  return {call, signin};
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"use of the root user", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_root_usage",
            .title = "Root user activity raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when =
                "no metric filter on the log group of a multi-region trail matches the CIS pattern for root user "
                "activity, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "The root user can do anything and should almost never act; unnoticed root activity is a full "
                    "account compromise going unseen.",
            .remediation = "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name RootUsage "
                           "--metric-transformations metricName=RootUsage,metricNamespace=CISBenchmark,metricValue=1 "
                           "--filter-pattern '{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS "
                           "&& $.eventType != \"AwsServiceEvent\" }' && aws cloudwatch put-metric-alarm --alarm-name "
                           "RootUsage --metric-name RootUsage --namespace CISBenchmark --statistic Sum --period 300 "
                           "--threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 "
                           "--alarm-actions <sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_root_usage\" {\n  name           = "
                "\"RootUsage\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern        = \"{ "
                "$.userIdentity.type = \\\"Root\\\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "
                "\\\"AwsServiceEvent\\\" }\"\n  metric_transformation {\n    name      = \"RootUsage\"\n    namespace "
                "= \"CISBenchmark\"\n    value     = \"1\"\n  }\n}\n\nresource \"aws_cloudwatch_metric_alarm\" "
                "\"monitor_root_usage\" {\n  alarm_name          = \"RootUsage\"\n  metric_name         = "
                "\"RootUsage\"\n  namespace           = \"CISBenchmark\"\n  statistic           = \"Sum\"\n  period    "
                "          = 300\n  threshold           = 1\n  comparison_operator = "
                "\"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  alarm_actions       = "
                "[aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_root_usage
