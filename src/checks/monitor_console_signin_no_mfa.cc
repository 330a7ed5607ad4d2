#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

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
            .remediation = CisRemediation("monitor_console_signin_no_mfa").cli,
            .remediation_terraform = CisRemediation("monitor_console_signin_no_mfa").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_console_signin_no_mfa
