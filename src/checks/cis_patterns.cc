#include "checks/cis_patterns.h"

#include <utility>

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

}  // namespace

std::string_view CisRecommendedPattern(std::string_view check_id) {
  for (const auto& [id, pattern] : kPatterns) {
    if (id == check_id) return pattern;
  }
  return {};
}

}  // namespace posture::checks
