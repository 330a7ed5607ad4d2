// The registry: every check, listed once. A check missing here does not
// run; tests/checks/registry_test.cc proves the list, the check files and
// the catalog (docs/checks.md) agree. The order is the order findings are
// reported in; the catalog groups the same checks by category.
#include "checks/check.h"

// X(id) for every check: src/checks/<id>.cc defines posture::checks::<id>::kCheck.
#define POSTURE_ALL_CHECKS(X)                 \
  X(iam_root_access_keys_absent)              \
  X(iam_root_mfa_enabled)                     \
  X(iam_root_hardware_mfa)                    \
  X(iam_root_not_used)                        \
  X(iam_password_policy_min_length)           \
  X(iam_password_policy_reuse)                \
  X(iam_user_console_mfa)                     \
  X(iam_user_no_setup_access_keys)            \
  X(iam_user_unused_credentials)              \
  X(iam_user_single_active_key)               \
  X(iam_user_access_key_rotated)              \
  X(iam_user_no_direct_policies)              \
  X(iam_policy_no_full_admin)                 \
  X(iam_support_role_exists)                  \
  X(iam_server_cert_not_expired)              \
  X(accessanalyzer_enabled)                   \
  X(iam_cloudshell_full_access_restricted)    \
  X(account_security_contact)                 \
  X(ec2_instance_profile_attached)            \
  X(iam_federation_in_use)                    \
  X(iam_no_privilege_escalation)              \
  X(iam_policy_no_service_wildcard)           \
  X(iam_role_trust_restricted)                \
  X(s3_bucket_secure_transport)               \
  X(s3_bucket_mfa_delete)                     \
  X(s3_bucket_server_access_logging)          \
  X(s3_public_access_block)                   \
  X(s3_bucket_not_public)                     \
  X(macie_enabled)                            \
  X(ec2_ebs_default_encryption)               \
  X(rds_instance_encrypted)                   \
  X(rds_instance_auto_minor_upgrade)          \
  X(rds_instance_not_public)                  \
  X(rds_instance_multi_az)                    \
  X(efs_encrypted)                            \
  X(cloudtrail_multi_region)                  \
  X(cloudtrail_log_validation)                \
  X(config_recorder_enabled)                  \
  X(cloudtrail_bucket_access_logging)         \
  X(cloudtrail_kms_encrypted)                 \
  X(cloudtrail_cloudwatch_logs_enabled)       \
  X(kms_key_rotation)                         \
  X(vpc_flow_logs_enabled)                    \
  X(s3_object_write_logging)                  \
  X(s3_object_read_logging)                   \
  X(monitor_unauthorized_api_calls)           \
  X(monitor_console_signin_no_mfa)            \
  X(monitor_root_usage)                       \
  X(monitor_iam_policy_changes)               \
  X(monitor_cloudtrail_changes)               \
  X(monitor_console_auth_failures)            \
  X(monitor_cmk_disable_delete)               \
  X(monitor_s3_policy_changes)                \
  X(monitor_config_changes)                   \
  X(monitor_security_group_changes)           \
  X(monitor_nacl_changes)                     \
  X(monitor_network_gateway_changes)          \
  X(monitor_route_table_changes)              \
  X(monitor_vpc_changes)                      \
  X(monitor_organizations_changes)            \
  X(securityhub_enabled)                      \
  X(securityhub_no_critical_findings)         \
  X(guardduty_enabled)                        \
  X(ec2_nacl_no_admin_ports_from_internet)    \
  X(ec2_sg_no_admin_ports_from_internet_ipv4) \
  X(ec2_sg_no_admin_ports_from_internet_ipv6) \
  X(ec2_default_sg_restricts_all)             \
  X(ec2_imdsv2_required)                      \
  X(ec2_sg_no_open_sensitive_ports)           \
  X(vpc_peering_routes_least_access)          \
  X(ec2_ebs_volume_encrypted)                 \
  X(ec2_cifs_not_exposed)                     \
  X(ec2_instance_not_directly_public)         \
  X(elbv2_internet_facing_waf)                \
  X(cloudfront_waf)                           \
  X(apigateway_stage_waf)                     \
  X(vpc_environment_isolation)                \
  X(vpc_egress_inspected)                     \
  X(sso_enabled)                              \
  X(iam_user_console_prefer_sso)              \
  X(sso_admin_assigned_to_groups)             \
  X(org_prod_access_restricted)               \
  X(org_scp_guardrails)

namespace posture::checks {

#define POSTURE_DECLARE_CHECK(id) \
  namespace id {                  \
  extern const Check kCheck;      \
  }
POSTURE_ALL_CHECKS(POSTURE_DECLARE_CHECK)
#undef POSTURE_DECLARE_CHECK

const std::vector<Check>& AllChecks() {
#define POSTURE_LIST_CHECK(id) id::kCheck,
  static const std::vector<Check> kChecks = {POSTURE_ALL_CHECKS(POSTURE_LIST_CHECK)};
#undef POSTURE_LIST_CHECK
  return kChecks;
}

}  // namespace posture::checks
