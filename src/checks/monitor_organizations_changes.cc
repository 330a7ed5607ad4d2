#include "checks/check.h"
#include "checks/cis_monitoring.h"

namespace posture::checks::monitor_organizations_changes {
namespace {

std::vector<nlohmann::json> Events() {
  return ApiCalls("organizations.amazonaws.com",
                  {"AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy",
                   "DeclineHandshake", "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy",
                   "DisablePolicyType", "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization",
                   "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit"});
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"AWS Organizations changes", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_organizations_changes",
            .title = "AWS Organizations changes raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when =
                "no metric filter on the log group of a multi-region trail matches the CIS pattern for Organizations "
                "changes, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "Organizations changes can remove guardrail SCPs or move accounts out of the organization; an "
                    "alarm makes them visible.",
            .remediation =
                "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name OrganizationsChanges "
                "--metric-transformations metricName=OrganizationsChanges,metricNamespace=CISBenchmark,metricValue=1 "
                "--filter-pattern '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = AcceptHandshake) "
                "|| ($.eventName = AttachPolicy) || ($.eventName = CreateAccount) || ($.eventName = "
                "CreateOrganizationalUnit) || ($.eventName = CreatePolicy) || ($.eventName = DeclineHandshake) || "
                "($.eventName = DeleteOrganization) || ($.eventName = DeleteOrganizationalUnit) || ($.eventName = "
                "DeletePolicy) || ($.eventName = DetachPolicy) || ($.eventName = DisablePolicyType) || ($.eventName = "
                "EnablePolicyType) || ($.eventName = InviteAccountToOrganization) || ($.eventName = LeaveOrganization) "
                "|| ($.eventName = MoveAccount) || ($.eventName = RemoveAccountFromOrganization) || ($.eventName = "
                "UpdatePolicy) || ($.eventName = UpdateOrganizationalUnit)) }' && aws cloudwatch put-metric-alarm "
                "--alarm-name OrganizationsChanges --metric-name OrganizationsChanges --namespace CISBenchmark "
                "--statistic Sum --period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold "
                "--evaluation-periods 1 --alarm-actions <sns-topic-arn>",
            .remediation_terraform =
                "resource \"aws_cloudwatch_log_metric_filter\" \"monitor_organizations_changes\" {\n  name           = "
                "\"OrganizationsChanges\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern      "
                "  = \"{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = AcceptHandshake) || "
                "($.eventName = AttachPolicy) || ($.eventName = CreateAccount) || ($.eventName = "
                "CreateOrganizationalUnit) || ($.eventName = CreatePolicy) || ($.eventName = DeclineHandshake) || "
                "($.eventName = DeleteOrganization) || ($.eventName = DeleteOrganizationalUnit) || ($.eventName = "
                "DeletePolicy) || ($.eventName = DetachPolicy) || ($.eventName = DisablePolicyType) || ($.eventName = "
                "EnablePolicyType) || ($.eventName = InviteAccountToOrganization) || ($.eventName = LeaveOrganization) "
                "|| ($.eventName = MoveAccount) || ($.eventName = RemoveAccountFromOrganization) || ($.eventName = "
                "UpdatePolicy) || ($.eventName = UpdateOrganizationalUnit)) }\"\n  metric_transformation {\n    name   "
                "   = \"OrganizationsChanges\"\n    namespace = \"CISBenchmark\"\n    value     = \"1\"\n  "
                "}\n}\n\nresource \"aws_cloudwatch_metric_alarm\" \"monitor_organizations_changes\" {\n  alarm_name    "
                "      = \"OrganizationsChanges\"\n  metric_name         = \"OrganizationsChanges\"\n  namespace       "
                "    = \"CISBenchmark\"\n  statistic           = \"Sum\"\n  period              = 300\n  threshold     "
                "      = 1\n  comparison_operator = \"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n  "
                "alarm_actions       = [aws_sns_topic.security_alerts.arn]\n}",
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_organizations_changes
