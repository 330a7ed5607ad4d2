#include "checks/check.h"
#include "checks/cis_monitoring.h"

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
            .remediation =
                "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name UnauthorizedApiCalls "
                "--metric-transformations metricName=UnauthorizedApiCalls,metricNamespace=CISBenchmark,metricValue=1 "
                "--filter-pattern '{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") "
                "}' && aws cloudwatch put-metric-alarm --alarm-name UnauthorizedApiCalls --metric-name "
                "UnauthorizedApiCalls --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 "
                "--comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions "
                "<sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_unauthorized_api_calls\" {\n  name           "
                "= \"UnauthorizedApiCalls\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern    "
                "    = \"{ ($.errorCode = \\\"*UnauthorizedOperation\\\") || ($.errorCode = \\\"AccessDenied*\\\") "
                "}\"\n  metric_transformation {\n    name      = \"UnauthorizedApiCalls\"\n    namespace = "
                "\"CISBenchmark\"\n    value     = \"1\"\n  }\n}\n\nresource \"aws_cloudwatch_metric_alarm\" "
                "\"monitor_unauthorized_api_calls\" {\n  alarm_name          = \"UnauthorizedApiCalls\"\n  metric_name "
                "        = \"UnauthorizedApiCalls\"\n  namespace           = \"CISBenchmark\"\n  statistic           = "
                "\"Sum\"\n  period              = 300\n  threshold           = 1\n  comparison_operator = "
                "\"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  alarm_actions       = "
                "[aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_unauthorized_api_calls
