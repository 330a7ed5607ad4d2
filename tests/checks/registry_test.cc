// The registry and the catalog (../shared/CHECKS.md) agree: every
// registered check is in the catalog with the same severity, CIS 3.0
// control and scope, and its metadata is complete.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "checks/check.h"

namespace posture::checks {
namespace {

// The checks of issue 3 ("the first real scan").
const std::vector<std::string> kIssue3Ids = {
    "ec2_sg_no_admin_ports_from_internet_ipv4",
    "ec2_sg_no_admin_ports_from_internet_ipv6",
    "ec2_sg_no_open_sensitive_ports",
    "ec2_default_sg_restricts_all",
    "ec2_nacl_no_admin_ports_from_internet",
    "ec2_imdsv2_required",
    "ec2_instance_not_directly_public",
    "vpc_environment_isolation",
    "iam_root_access_keys_absent",
    "iam_root_mfa_enabled",
    "iam_root_hardware_mfa",
    "iam_password_policy_min_length",
    "iam_password_policy_reuse",
    "iam_user_console_mfa",
    "iam_user_no_direct_policies",
    "iam_policy_no_full_admin",
    "elbv2_internet_facing_waf",
    "securityhub_enabled",
    "securityhub_no_critical_findings",
    "sso_enabled",
    "iam_user_console_prefer_sso",
    // Issue 4: network and edge.
    "ec2_ebs_default_encryption",
    "ec2_ebs_volume_encrypted",
    "vpc_flow_logs_enabled",
    "vpc_peering_routes_least_access",
    "ec2_cifs_not_exposed",
    "ec2_instance_profile_attached",
    "cloudfront_waf",
    "apigateway_stage_waf",
    "vpc_egress_inspected",
    // Issue 4: storage.
    "s3_bucket_secure_transport",
    "s3_bucket_mfa_delete",
    "s3_public_access_block",
    "s3_bucket_not_public",
    "macie_enabled",
    "rds_instance_encrypted",
    "rds_instance_auto_minor_upgrade",
    "rds_instance_not_public",
    "rds_instance_multi_az",
    "efs_encrypted",
};

// The Identity checks of issue 4.
const std::vector<std::string> kIssue4IdentityIds = {
    "iam_root_not_used",
    "iam_user_no_setup_access_keys",
    "iam_user_unused_credentials",
    "iam_user_single_active_key",
    "iam_user_access_key_rotated",
    "iam_support_role_exists",
    "iam_server_cert_not_expired",
    "accessanalyzer_enabled",
    "iam_cloudshell_full_access_restricted",
    "account_security_contact",
    "iam_federation_in_use",
    "iam_no_privilege_escalation",
    "iam_policy_no_service_wildcard",
    "iam_role_trust_restricted",
};

// The checks of issue 4's logging and monitoring part.
const std::vector<std::string> kIssue4LoggingIds = {
    "cloudtrail_multi_region",
    "cloudtrail_log_validation",
    "config_recorder_enabled",
    "cloudtrail_bucket_access_logging",
    "cloudtrail_kms_encrypted",
    "kms_key_rotation",
    "s3_object_write_logging",
    "s3_object_read_logging",
    "monitor_unauthorized_api_calls",
    "monitor_console_signin_no_mfa",
    "monitor_root_usage",
    "monitor_iam_policy_changes",
    "monitor_cloudtrail_changes",
    "monitor_console_auth_failures",
    "monitor_cmk_disable_delete",
    "monitor_s3_policy_changes",
    "monitor_config_changes",
    "monitor_security_group_changes",
    "monitor_nacl_changes",
    "monitor_network_gateway_changes",
    "monitor_route_table_changes",
    "monitor_vpc_changes",
    "monitor_organizations_changes",
    "guardduty_enabled",
};

// The organization checks of issue 5 (CHECKS.md section 7).
const std::vector<std::string> kIssue5OrganizationIds = {
    "sso_admin_assigned_to_groups",
    "org_prod_access_restricted",
    "org_scp_guardrails",
};

struct CatalogEntry {
  std::string severity, cis, scope;
  int order = 0;  // position in the catalog
};

std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  std::getline(stream, cell, '|');  // before the first bar
  while (std::getline(stream, cell, '|')) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  return cells;
}

std::string NoneToEmpty(std::string cis) { return cis == "—" ? "" : cis; }

// "id | sev | CIS | Scope | FAIL when" rows of the check tables, and the
// CIS 3.0 column of the framework mapping table ("check | CIS 3.0 | ...").
struct Catalog {
  std::map<std::string, CatalogEntry> checks;
  std::map<std::string, std::string> cis_3_0_mapping;
};

Catalog ReadCatalog() {
  Catalog catalog;
  std::ifstream file(POSTURE_CHECKS_MD);
  EXPECT_TRUE(file) << "cannot read " << POSTURE_CHECKS_MD;
  const std::set<std::string> severities = {"critical", "high", "medium", "low", "info"};
  std::string line;
  while (std::getline(file, line)) {
    if (!line.starts_with("| ")) continue;
    const auto cells = Cells(line);
    if (cells.size() >= 5 && severities.count(cells[1])) {
      catalog.checks[cells[0]] = {cells[1], NoneToEmpty(cells[2]), cells[3], static_cast<int>(catalog.checks.size())};
    } else if (cells.size() == 3 && cells[0].starts_with("monitor_")) {
      // The CIS 4.1-4.15 table: "id | CIS | event", severity low, live only.
      catalog.checks[cells[0]] = {"low", cells[1], "L", static_cast<int>(catalog.checks.size())};
    } else if (cells.size() == 4 && cells[0].find(' ') == std::string::npos && cells[0] != "check") {
      std::string cis = cells[1];
      if (const auto manual = cis.find(" (manual)"); manual != std::string::npos) cis.erase(manual);
      catalog.cis_3_0_mapping[cells[0]] = NoneToEmpty(cis);
    }
  }
  return catalog;
}

TEST(RegistryTest, CatalogIsReadable) {
  const Catalog catalog = ReadCatalog();
  EXPECT_GT(catalog.checks.size(), 60u);
  ASSERT_TRUE(catalog.checks.count("iam_root_mfa_enabled"));
  EXPECT_EQ(catalog.checks.at("iam_root_mfa_enabled").cis, "1.5");
  EXPECT_EQ(catalog.cis_3_0_mapping.at("ec2_nacl_no_admin_ports_from_internet"), "5.1");
}

TEST(RegistryTest, IdsAreUnique) {
  std::set<std::string_view> ids;
  for (const auto& check : AllChecks()) EXPECT_TRUE(ids.insert(check.metadata.id).second) << check.metadata.id;
}

TEST(RegistryTest, EveryCheckIsInTheCatalogWithTheSameMetadata) {
  const Catalog catalog = ReadCatalog();
  int previous = -1;
  for (const auto& check : AllChecks()) {
    const std::string id(check.metadata.id);
    SCOPED_TRACE(id);
    const auto it = catalog.checks.find(id);
    ASSERT_NE(it, catalog.checks.end()) << "not in CHECKS.md";
    EXPECT_EQ(SeverityName(check.metadata.severity), it->second.severity);
    EXPECT_EQ(check.metadata.cis_3_0, it->second.cis);
    EXPECT_EQ(check.metadata.scope, it->second.scope);
    if (const auto mapped = catalog.cis_3_0_mapping.find(id); mapped != catalog.cis_3_0_mapping.end()) {
      EXPECT_EQ(check.metadata.cis_3_0, mapped->second) << "framework mapping table";
    }
    EXPECT_GT(it->second.order, previous) << "AllChecks() is not in catalog order";
    previous = it->second.order;
  }
}

TEST(RegistryTest, ChecksOfTheFirstScanAreRegistered) {
  for (const auto& id : kIssue3Ids) EXPECT_NE(FindCheck(id), nullptr) << id;
  EXPECT_EQ(FindCheck("no_such_check"), nullptr);
}

TEST(RegistryTest, IdentityChecksOfIssue4AreRegistered) {
  for (const auto& id : kIssue4IdentityIds) EXPECT_NE(FindCheck(id), nullptr) << id;
}

TEST(RegistryTest, LoggingAndMonitoringChecksAreRegistered) {
  for (const auto& id : kIssue4LoggingIds) {
    const Check* check = FindCheck(id);
    ASSERT_NE(check, nullptr) << id;
    EXPECT_FALSE(check->metadata.remediation_terraform.empty()) << id;
    EXPECT_TRUE(check->metadata.docs_url.starts_with("https://docs.aws.amazon.com/")) << id;
  }
}

TEST(RegistryTest, OrganizationChecksAreRegistered) {
  for (const auto& id : kIssue5OrganizationIds) EXPECT_NE(FindCheck(id), nullptr) << id;
}

TEST(RegistryTest, MetadataIsComplete) {
  const auto& known = KnownSections();
  for (const auto& check : AllChecks()) {
    const auto& m = check.metadata;
    SCOPED_TRACE(std::string(m.id));
    EXPECT_NE(check.evaluate, nullptr);
    EXPECT_FALSE(m.title.empty());
    EXPECT_TRUE(m.resource_type.starts_with("AWS::")) << m.resource_type;
    EXPECT_TRUE(m.scope == "L" || m.scope == "L+C") << m.scope;
    EXPECT_GT(m.risk.size(), 40u);
    EXPECT_FALSE(m.remediation.empty());
    const auto needs = SplitNeeds(m.needs);
    EXPECT_FALSE(needs.empty());
    for (const auto section : needs) {
      EXPECT_NE(std::find(known.begin(), known.end(), section), known.end()) << "unknown section " << section;
    }
  }
}

// Every finding can point its reader at a fix by CLI or by Terraform, and at
// the AWS documentation of the setting.
TEST(RegistryTest, EveryCheckExplainsRiskAndRemediation) {
  for (const auto& check : AllChecks()) {
    const auto& m = check.metadata;
    SCOPED_TRACE(std::string(m.id));
    EXPECT_FALSE(m.risk.empty());
    EXPECT_FALSE(m.remediation.empty());
    EXPECT_FALSE(m.remediation_terraform.empty());
    EXPECT_TRUE(m.docs_url.starts_with("https://docs.aws.amazon.com/")) << m.docs_url;
  }
}

}  // namespace
}  // namespace posture::checks
