#include "checks/cis_patterns.h"

#include <utility>
#include <vector>

namespace posture::checks {
namespace {

constexpr std::pair<std::string_view, std::string_view> kPatterns[] = {
    {"monitor_unauthorized_api_calls",
     R"({($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && )"
     R"(($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket")})"},
    {"monitor_console_signin_no_mfa",
     R"({ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && )"
     R"(($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") })"},
    {"monitor_root_usage",
     R"({ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" })"},
    {"monitor_iam_policy_changes",
     R"({($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||)"
     R"(($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||)"
     R"(($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||)"
     R"(($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||)"
     R"(($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||)"
     R"(($.eventName=DetachGroupPolicy)})"},
    {"monitor_cloudtrail_changes",
     R"({ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || )"
     R"(($.eventName = StartLogging) || ($.eventName = StopLogging) })"},
    {"monitor_console_auth_failures",
     R"({ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") })"},
    {"monitor_cmk_disable_delete",
     R"({($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) })"},
    {"monitor_s3_policy_changes",
     R"({ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || )"
     R"(($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || )"
     R"(($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) )"
     R"(|| ($.eventName = DeleteBucketReplication)) })"},
    {"monitor_config_changes",
     R"({ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||)"
     R"(($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) })"},
    {"monitor_security_group_changes",
     R"({ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || )"
     R"(($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || )"
     R"(($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) })"},
    {"monitor_nacl_changes",
     R"({ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) )"
     R"(|| ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || )"
     R"(($.eventName = ReplaceNetworkAclAssociation) })"},
    {"monitor_network_gateway_changes",
     R"({ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || )"
     R"(($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || )"
     R"(($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) })"},
    {"monitor_route_table_changes",
     R"({($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || )"
     R"(($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || )"
     R"(($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) })"},
    {"monitor_vpc_changes",
     R"({ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || )"
     R"(($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || )"
     R"(($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || )"
     R"(($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || )"
     R"(($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) })"},
    {"monitor_organizations_changes",
     R"({ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || )"
     R"(($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") )"
     R"(|| ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") )"
     R"(|| ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || )"
     R"(($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || )"
     R"(($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || )"
     R"(($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || )"
     R"(($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) })"},
};

// "monitor_s3_policy_changes" -> "S3PolicyChanges".
std::string MetricName(std::string_view check_id) {
  std::string name;
  bool upper = true;
  for (char c : check_id.substr(std::string_view("monitor_").size())) {
    if (c == '_') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

// A Terraform string literal.
std::string TerraformString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

CisMonitorRemediation Build(std::string_view check_id, std::string_view pattern) {
  const std::string name = MetricName(check_id);
  const std::string id(check_id);
  CisMonitorRemediation fix;
  fix.cli = "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name " + name +
            " --metric-transformations metricName=" + name +
            ",metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '" + std::string(pattern) +
            "' && aws cloudwatch put-metric-alarm --alarm-name " + name + " --metric-name " + name +
            " --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator "
            "GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions <sns-topic-arn>";
  fix.terraform = "resource \"aws_cloudwatch_log_metric_filter\" \"" + id + "\" {\n  name           = \"" + name +
                  "\"\n  log_group_name = aws_cloudwatch_log_group.cloudtrail.name\n  pattern        = " +
                  TerraformString(pattern) + "\n  metric_transformation {\n    name      = \"" + name +
                  "\"\n    namespace = \"CISBenchmark\"\n    value     = \"1\"\n  }\n}\n\n"
                  "resource \"aws_cloudwatch_metric_alarm\" \"" +
                  id + "\" {\n  alarm_name          = \"" + name + "\"\n  metric_name         = \"" + name +
                  "\"\n  namespace           = \"CISBenchmark\"\n  statistic           = \"Sum\"\n"
                  "  period              = 300\n  threshold           = 1\n"
                  "  comparison_operator = \"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n"
                  "  alarm_actions       = [aws_sns_topic.security_alerts.arn]\n}";
  return fix;
}

}  // namespace

const CisMonitorRemediation& CisRemediation(std::string_view check_id) {
  static const std::vector<std::pair<std::string_view, CisMonitorRemediation>> kFixes = [] {
    std::vector<std::pair<std::string_view, CisMonitorRemediation>> fixes;
    for (const auto& [id, pattern] : kPatterns) fixes.emplace_back(id, Build(id, pattern));
    return fixes;
  }();
  static const CisMonitorRemediation kNone;
  for (const auto& [id, fix] : kFixes) {
    if (id == check_id) return fix;
  }
  return kNone;
}

std::string_view CisRecommendedPattern(std::string_view check_id) {
  for (const auto& [id, pattern] : kPatterns) {
    if (id == check_id) return pattern;
  }
  return {};
}

}  // namespace posture::checks
