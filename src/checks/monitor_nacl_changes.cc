#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

namespace posture::checks::monitor_nacl_changes {
namespace {

std::vector<nlohmann::json> Events() {
  return ApiCalls("ec2.amazonaws.com",
                  {"CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry",
                   "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"});
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"network ACL changes", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_nacl_changes",
            .title = "Network ACL changes raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when = "no metric filter on the log group of a multi-region trail matches the CIS pattern for NACL "
                          "changes, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "Network ACL changes can open whole subnets to the internet; an alarm makes them visible when they "
                    "happen.",
            .remediation = CisRemediation("monitor_nacl_changes").cli,
            .remediation_terraform = CisRemediation("monitor_nacl_changes").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_nacl_changes
