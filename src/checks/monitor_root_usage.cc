#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

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
            .remediation = CisRemediation("monitor_root_usage").cli,
            .remediation_terraform = CisRemediation("monitor_root_usage").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_root_usage
