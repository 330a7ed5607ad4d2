#include "checks/check.h"
#include "checks/cis_monitoring.h"

namespace posture::checks::monitor_console_signin_no_mfa {
namespace {

std::vector<nlohmann::json> Events() {
  nlohmann::json event = ApiCall("signin.amazonaws.com", "ConsoleLogin");
  event["eventType"] = "AwsConsoleSignIn";
  event["additionalEventData"] = {
      {"LoginTo", "https://console.aws.amazon.com/console/home"}, {"MobileVersion", "No"}, {"MFAUsed", "No"}};
  event["responseElements"] = {{"ConsoleLogin", "Success"}};
  return {event};
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"console sign-ins without MFA", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_console_signin_no_mfa",
            .title = "Console sign-ins without MFA raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when =
                "no metric filter on the log group of a multi-region trail matches the CIS pattern for ConsoleLogin "
                "without MFA, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "A console sign-in without MFA means a password alone opened the console; without an alarm a "
                    "phished password is used unnoticed.",
            .remediation =
                "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name ConsoleSigninNoMfa "
                "--metric-transformations metricName=ConsoleSigninNoMfa,metricNamespace=CISBenchmark,metricValue=1 "
                "--filter-pattern '{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }' "
                "&& aws cloudwatch put-metric-alarm --alarm-name ConsoleSigninNoMfa --metric-name ConsoleSigninNoMfa "
                "--namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator "
                "GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions <sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_console_signin_no_mfa\" {\n  name           = "
                "\"ConsoleSigninNoMfa\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern        "
                "= \"{ ($.eventName = \\\"ConsoleLogin\\\") && ($.additionalEventData.MFAUsed != \\\"Yes\\\") }\"\n  "
                "metric_transformation {\n    name      = \"ConsoleSigninNoMfa\"\n    namespace = \"CISBenchmark\"\n   "
                " value     = \"1\"\n  }\n}\n\nresource \"aws_cloudwatch_metric_alarm\" "
                "\"monitor_console_signin_no_mfa\" {\n  alarm_name          = \"ConsoleSigninNoMfa\"\n  metric_name    "
                "     = \"ConsoleSigninNoMfa\"\n  namespace           = \"CISBenchmark\"\n  statistic           = "
                "\"Sum\"\n  period              = 300\n  threshold           = 1\n  comparison_operator = "
                "\"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  alarm_actions       = "
                "[aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_console_signin_no_mfa
