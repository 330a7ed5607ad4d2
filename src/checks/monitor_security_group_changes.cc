#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

namespace posture::checks::monitor_security_group_changes {
namespace {

std::vector<nlohmann::json> Events() {
  return ApiCalls("ec2.amazonaws.com",
                  {"AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
                   "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"});
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"security group changes", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_security_group_changes",
            .title = "Security group changes raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when =
                "no metric filter on the log group of a multi-region trail matches the CIS pattern for security group "
                "changes, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "A security group change can open a port to the internet; an alarm makes such changes visible when "
                    "they happen.",
            .remediation = CisRemediation("monitor_security_group_changes").cli,
            .remediation_terraform = CisRemediation("monitor_security_group_changes").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_security_group_changes
