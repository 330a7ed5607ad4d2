#include "checks/check.h"
#include "checks/cis_monitoring.h"

namespace posture::checks::monitor_console_auth_failures {
namespace {

std::vector<nlohmann::json> Events() {
  nlohmann::json event = ApiCall("signin.amazonaws.com", "ConsoleLogin");
  event["eventType"] = "AwsConsoleSignIn";
  event["errorMessage"] = "Failed authentication";
  event["additionalEventData"] = {{"MFAUsed", "No"}};
  event["responseElements"] = {{"ConsoleLogin", "Failure"}};
  return {event};
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"failed console sign-ins", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_console_auth_failures",
            .title = "Failed console sign-ins raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when =
                "no metric filter on the log group of a multi-region trail matches the CIS pattern for failed console "
                "logins, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "Bursts of failed console sign-ins reveal password guessing; without an alarm brute-force attempts "
                    "go unnoticed.",
            .remediation =
                "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name ConsoleAuthFailures "
                "--metric-transformations metricName=ConsoleAuthFailures,metricNamespace=CISBenchmark,metricValue=1 "
                "--filter-pattern '{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }' "
                "&& aws cloudwatch put-metric-alarm --alarm-name ConsoleAuthFailures --metric-name ConsoleAuthFailures "
                "--namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator "
                "GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions <sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_console_auth_failures\" {\n  name           = "
                "\"ConsoleAuthFailures\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern       "
                " = \"{ ($.eventName = ConsoleLogin) && ($.errorMessage = \\\"Failed authentication\\\") }\"\n  "
                "metric_transformation {\n    name      = \"ConsoleAuthFailures\"\n    namespace = \"CISBenchmark\"\n  "
                "  value     = \"1\"\n  }\n}\n\nresource \"aws_cloudwatch_metric_alarm\" "
                "\"monitor_console_auth_failures\" {\n  alarm_name          = \"ConsoleAuthFailures\"\n  metric_name   "
                "      = \"ConsoleAuthFailures\"\n  namespace           = \"CISBenchmark\"\n  statistic           = "
                "\"Sum\"\n  period              = 300\n  threshold           = 1\n  comparison_operator = "
                "\"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  alarm_actions       = "
                "[aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_console_auth_failures
