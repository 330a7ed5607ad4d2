#include "cli/iac_findings.h"

#include <map>

#include "inventory/sections.h"

namespace posture::cli {
namespace {

namespace inv = inventory;

// For findings about an account-level setting (no resource of their own in
// the inventory): the IaC types that declare it.
const std::map<std::string_view, std::vector<std::string_view>>& AccountLevelTypes() {
  static const std::map<std::string_view, std::vector<std::string_view>> kTypes = {
      {"iam_password_policy_min_length", {"aws_iam_account_password_policy"}},
      {"iam_password_policy_reuse", {"aws_iam_account_password_policy"}},
      {"ec2_ebs_default_encryption", {"aws_ebs_encryption_by_default"}},
      {"guardduty_enabled", {"aws_guardduty_detector", "AWS::GuardDuty::Detector"}},
      {"cloudtrail_multi_region", {"aws_cloudtrail", "AWS::CloudTrail::Trail"}},
      {"s3_public_access_block", {"aws_s3_account_public_access_block"}},
  };
  return kTypes;
}

// For each account-level check, the first resource of the files declaring
// its setting: one pass over the resources, not one per finding.
std::map<std::string_view, const iac::ResourceInfo*> AccountLevelResources(const iac::IacInventory& iac) {
  std::map<std::string_view, const iac::ResourceInfo*> out;
  for (const auto& [address, info] : iac.resources) {
    for (const auto& [check_id, types] : AccountLevelTypes()) {
      if (out.count(check_id)) continue;
      for (std::string_view type : types) {
        if (info.type == type) out.emplace(check_id, &info);
      }
    }
  }
  return out;
}
bool Reads(std::string_view check_id, const std::string& field) {
  for (std::string_view read : FieldsReadBy(check_id)) {
    if (read == field) return true;
    // "Struct.*" reads every field of the struct.
    if (read.size() > 2 && read.substr(read.size() - 2) == ".*" &&
        field.compare(0, read.size() - 1, read.substr(0, read.size() - 1)) == 0)
      return true;
  }
  return false;
}

}  // namespace

bool SectionPresent(const inventory::Inventory& inventory, std::string_view name) {
  const inventory::Section* section = inventory::FindSection(name);
  return section != nullptr && section->present(inventory);
}

std::vector<const checks::Check*> ChecksForCode(const inventory::Inventory& inventory,
                                                const std::vector<const checks::Check*>& candidates) {
  std::vector<const checks::Check*> out;
  for (const checks::Check* check : candidates) {
    if (check->metadata.scope != "L+C") continue;
    bool present = true;
    for (const std::string& section : checks::SectionsRead(check->metadata)) {
      if (!SectionPresent(inventory, section)) present = false;
    }
    if (present) out.push_back(check);
  }
  return out;
}

void AnnotateCodeFindings(const iac::IacInventory& iac, std::vector<checks::Finding>& findings) {
  // A verdict about the account itself that no resource of the files
  // declares (account-level Block Public Access when the code manages only
  // buckets) judges what the code does not manage: it is left out.
  const auto account_level = AccountLevelResources(iac);
  auto resource_of = [&](const checks::Finding& f) -> const iac::ResourceInfo* {
    if (const auto* info = iac::FindResource(iac, f.resource_id)) return info;
    if (const auto* info = iac::FindResource(iac, f.resource_arn)) return info;
    auto it = account_level.find(f.check_id);
    return it == account_level.end() ? nullptr : it->second;
  };
  std::erase_if(findings,
                [&](const checks::Finding& f) { return f.resource_id == iac.inventory.account_id && !resource_of(f); });
  for (auto& finding : findings) {
    const iac::ResourceInfo* info = resource_of(finding);
    if (!info) continue;
    finding.location = checks::FindingLocation{.file = info->location.file,
                                               .line = info->location.line,
                                               .address = info->address,
                                               .module_source = info->location.module_source};
    if (finding.resource_id.empty() || finding.resource_id == iac.inventory.account_id) {
      finding.resource_id = info->address;
    }
    for (const auto& suppression : info->suppressions) {
      if (suppression.check_id == finding.check_id) {
        finding.muted = true;
        finding.mute_reason = suppression.reason.empty() ? "suppressed in code (no reason given)" : suppression.reason;
      }
    }
    if (finding.status == checks::Status::kError) continue;
    std::string unknown;
    for (const auto& field : info->unknown_fields) {
      if (!Reads(finding.check_id, field)) continue;
      unknown += (unknown.empty() ? "" : ", ") + field;
    }
    if (!unknown.empty()) {
      finding.status = checks::Status::kError;
      finding.message = "unknown until apply: " + unknown + " (the check needs it; was: " + finding.message + ")";
    }
  }
}

const std::vector<std::string_view>& FieldsReadBy(std::string_view check_id) {
  // Kept beside the checks' `needs`: the fields of those sections each
  // check's verdict depends on. A field listed here that a mapper marks
  // unknown turns that check's verdict on the resource into ERROR.
  static const std::map<std::string_view, std::vector<std::string_view>> kFields = {
      {"iam_password_policy_min_length", {"PasswordPolicy.minimum_length"}},
      {"iam_password_policy_reuse", {"PasswordPolicy.reuse_prevention"}},
      {"iam_user_no_direct_policies", {"IamUser.attached_policy_arns", "IamUser.inline_policies"}},
      {"iam_policy_no_full_admin",
       {"ManagedPolicy.default_version_document", "ManagedPolicy.attachment_count", "InlinePolicy.document",
        "IamUser.inline_policies", "IamGroup.inline_policies", "IamRole.inline_policies"}},
      {"iam_policy_no_service_wildcard",
       {"ManagedPolicy.default_version_document", "ManagedPolicy.attachment_count", "InlinePolicy.document",
        "IamUser.inline_policies", "IamGroup.inline_policies", "IamRole.inline_policies"}},
      {"iam_no_privilege_escalation", {"ManagedPolicy.*", "InlinePolicy.*", "IamUser.*", "IamGroup.*", "IamRole.*"}},
      {"iam_role_trust_restricted", {"IamRole.assume_role_policy_document"}},
      {"ec2_instance_profile_attached", {"Instance.instance_profile_arn", "Instance.state"}},
      {"s3_bucket_secure_transport", {"Bucket.policy"}},
      {"s3_public_access_block", {"Bucket.public_access_block", "S3ControlSections.account_public_access_block"}},
      {"s3_bucket_not_public", {"Bucket.policy", "Bucket.acl", "Bucket.public_access_block"}},
      {"ec2_ebs_default_encryption", {"EbsDefaultEncryption.enabled"}},
      {"rds_instance_encrypted", {"DbInstance.storage_encrypted"}},
      {"rds_instance_auto_minor_upgrade", {"DbInstance.auto_minor_version_upgrade"}},
      {"rds_instance_not_public", {"DbInstance.publicly_accessible"}},
      {"rds_instance_multi_az", {"DbInstance.multi_az", "DbInstance.tags"}},
      {"efs_encrypted", {"FileSystem.encrypted"}},
      {"cloudtrail_multi_region", {"Trail.multi_region", "Trail.logging", "Trail.selectors"}},
      {"cloudtrail_log_validation", {"Trail.log_file_validation"}},
      {"cloudtrail_bucket_access_logging", {"Trail.s3_bucket", "Trail.bucket_logging"}},
      {"cloudtrail_kms_encrypted", {"Trail.kms_key_id"}},
      {"kms_key_rotation", {"KmsKey.rotation_enabled"}},
      {"vpc_flow_logs_enabled", {"FlowLog.resource_id"}},
      {"guardduty_enabled", {"GuardDutyDetector.status"}},
      {"ec2_nacl_no_admin_ports_from_internet", {"NetworkAcl.entries"}},
      {"ec2_sg_no_admin_ports_from_internet_ipv4", {"SecurityGroup.ingress"}},
      {"ec2_sg_no_admin_ports_from_internet_ipv6", {"SecurityGroup.ingress"}},
      {"ec2_sg_no_open_sensitive_ports", {"SecurityGroup.ingress"}},
      {"ec2_default_sg_restricts_all", {"SecurityGroup.ingress", "SecurityGroup.egress"}},
      {"ec2_imdsv2_required", {"Instance.http_tokens", "Instance.http_endpoint"}},
      {"vpc_peering_routes_least_access", {"RouteTable.routes", "VpcPeering.*"}},
      {"ec2_ebs_volume_encrypted", {"Volume.encrypted"}},
      {"ec2_cifs_not_exposed", {"SecurityGroup.ingress", "NetworkAcl.entries"}},
      {"ec2_instance_not_directly_public", {"Instance.public_ip", "Instance.group_ids", "Instance.interfaces"}},
      {"elbv2_internet_facing_waf", {"LoadBalancer.scheme", "LoadBalancer.type", "Wafv2Sections.web_acl_by_resource"}},
      {"cloudfront_waf", {"CloudFrontDistribution.web_acl_id"}},
      {"apigateway_stage_waf", {"ApiGatewayStage.web_acl_arn", "ApiGatewayStage.endpoint_types"}},
      {"vpc_environment_isolation", {"VpcPeering.status", "Vpc.tags"}},
  };
  static const std::vector<std::string_view> kNone;
  auto it = kFields.find(check_id);
  return it == kFields.end() ? kNone : it->second;
}

}  // namespace posture::cli
