#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

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
            .remediation = CisRemediation("monitor_console_auth_failures").cli,
            .remediation_terraform = CisRemediation("monitor_console_auth_failures").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_console_auth_failures
