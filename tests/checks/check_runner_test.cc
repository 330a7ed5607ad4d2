// The generic runner for CheckCase lists, and the Estate fixture builder.
#include <sstream>

#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

struct SectionCall {
  std::string_view section, service, operation;
};
constexpr SectionCall kSectionCalls[] = {
    {kSectionIamAccountSummary, "iam", "GetAccountSummary"},
    {kSectionIamPasswordPolicy, "iam", "GetAccountPasswordPolicy"},
    {kSectionIamAuthorization, "iam", "GetAccountAuthorizationDetails"},
    {kSectionIamVirtualMfaDevices, "iam", "ListVirtualMFADevices"},
    {kSectionIamCredentialReport, "iam", "GetCredentialReport"},
    {kSectionSecurityGroups, "ec2", "DescribeSecurityGroups"},
    {kSectionNetworkAcls, "ec2", "DescribeNetworkAcls"},
    {kSectionInstances, "ec2", "DescribeInstances"},
    {kSectionVpcs, "ec2", "DescribeVpcs"},
    {kSectionVpcPeerings, "ec2", "DescribeVpcPeeringConnections"},
    {kSectionLoadBalancers, "elasticloadbalancing", "DescribeLoadBalancers"},
    {kSectionWebAcls, "wafv2", "GetWebACLForResource"},
    {kSectionSecurityHub, "securityhub", "DescribeHub"},
    {kSectionSecurityHubFindings, "securityhub", "GetFindings"},
    {kSectionSsoInstances, "sso", "ListInstances"},
    {kSectionIamServerCertificates, "iam", "ListServerCertificates"},
    {kSectionIamIdentityProviders, "iam", "ListSAMLProviders"},
    {kSectionAccessAnalyzers, "access-analyzer", "ListAnalyzers"},
    {kSectionSecurityContact, "account", "GetAlternateContact"},
    // Logging and monitoring
    {kSectionTrails, "cloudtrail", "DescribeTrails"},
    {kSectionConfigRecorders, "config", "DescribeConfigurationRecorders"},
    {kSectionKmsKeys, "kms", "ListKeys"},
    {kSectionGuardDuty, "guardduty", "ListDetectors"},
    // Issue 4: EC2/VPC storage and routing, and the public edge.
    {kSectionVolumes, "ec2", "DescribeVolumes"},
    {kSectionEbsDefaultEncryption, "ec2", "GetEbsEncryptionByDefault"},
    {kSectionFlowLogs, "ec2", "DescribeFlowLogs"},
    {kSectionRouteTables, "ec2", "DescribeRouteTables"},
    {kSectionCloudFrontDistributions, "cloudfront", "ListDistributions"},
    {kSectionApiGatewayStages, "apigateway", "GetRestApis"},
    {kSectionNetworkFirewalls, "network-firewall", "ListFirewalls"},
    {kSectionS3Buckets, "s3", "ListBuckets"},
    {kSectionS3AccountPublicAccessBlock, "s3control", "GetPublicAccessBlock"},
    {kSectionMacie, "macie2", "GetMacieSession"},
    {kSectionRdsInstances, "rds", "DescribeDBInstances"},
    {kSectionEfsFileSystems, "efs", "DescribeFileSystems"},
    // Organizations and Identity Center (issue 5): global.
    {kSectionOrganization, "organizations", "DescribeOrganization"},
    {kSectionScps, "organizations", "ListPolicies"},
    {kSectionSsoPermissionSets, "sso", "ListPermissionSets"},
};

RegionInventory EmptyRegion(const std::string& name) {
  RegionInventory region;
  region.region = name;
  region.security_groups.set({});
  region.network_acls.set({});
  region.instances.set({});
  region.vpcs.set({});
  region.vpc_peerings.set({});
  region.load_balancers.set({});
  region.web_acl_by_resource.set({});
  region.security_hub.set(Hub(false));
  region.security_hub_findings.set(HubFindings(false));
  region.sso_instances.set({});
  region.access_analyzers.set({});
  region.trails.set({});
  region.config_recorders.set({});
  region.kms_keys.set({});
  region.guardduty_detectors.set({});
  region.volumes.set({});
  region.ebs_default_encryption.set(EbsDefaultEncryption{true});
  region.flow_logs.set({});
  region.route_tables.set({});
  region.api_gateway_stages.set({});
  region.network_firewalls.set({});
  region.macie.set({});
  region.db_instances.set({});
  region.file_systems.set({});
  return region;
}

std::string Dump(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const auto& f : findings) {
    out << "  " << StatusName(f.status) << " " << SeverityName(f.severity) << " [" << f.region << "] " << f.resource_id
        << ": " << f.message << "\n";
  }
  return out.str();
}

}  // namespace

Estate::Estate() {
  inventory_.account_id = kAccount;
  inventory_.iam.account_summary.set(Summary(false, true));
  inventory_.iam.password_policy.set(std::nullopt);
  inventory_.iam.authorization.set({});
  inventory_.iam.virtual_mfa_devices.set({});
  // Every real credential report has the root user's row (here: never used, no keys).
  inventory_.iam.credential_report.set({Row("<root_account>", std::nullopt, true)});
  inventory_.iam.server_certificates.set({});
  inventory_.iam.identity_providers.set({});
  inventory_.iam.security_contact.set(std::nullopt);
  inventory_.cloudfront_distributions.set({});
  inventory_.storage.buckets.set({});
  inventory_.storage.account_public_access_block.set(std::nullopt);
  inventory_.regions.push_back(EmptyRegion(kRegion));
}

Estate& Estate::volumes(std::vector<Volume> v, const std::string& r) {
  region(r).volumes.set(std::move(v));
  return *this;
}
Estate& Estate::ebs_default_encryption(bool enabled, const std::string& r) {
  region(r).ebs_default_encryption.set(EbsDefaultEncryption{enabled});
  return *this;
}
Estate& Estate::flow_logs(std::vector<FlowLog> v, const std::string& r) {
  region(r).flow_logs.set(std::move(v));
  return *this;
}
Estate& Estate::route_tables(std::vector<RouteTable> v, const std::string& r) {
  region(r).route_tables.set(std::move(v));
  return *this;
}
Estate& Estate::api_stages(std::vector<ApiGatewayStage> v, const std::string& r) {
  region(r).api_gateway_stages.set(std::move(v));
  return *this;
}
Estate& Estate::firewalls(std::vector<NetworkFirewall> v, const std::string& r) {
  region(r).network_firewalls.set(std::move(v));
  return *this;
}
Estate& Estate::distributions(std::vector<CloudFrontDistribution> v) {
  inventory_.cloudfront_distributions.set(std::move(v));
  return *this;
}

Estate& Estate::add_region(const std::string& name) {
  inventory_.regions.push_back(EmptyRegion(name));
  return *this;
}

RegionInventory& Estate::region(const std::string& name) {
  for (auto& region : inventory_.regions) {
    if (region.region == name) return region;
  }
  ADD_FAILURE() << "fixture has no region " << name;
  return inventory_.regions.front();
}

Estate& Estate::groups(std::vector<SecurityGroup> v, const std::string& r) {
  region(r).security_groups.set(std::move(v));
  return *this;
}
Estate& Estate::acls(std::vector<NetworkAcl> v, const std::string& r) {
  region(r).network_acls.set(std::move(v));
  return *this;
}
Estate& Estate::instances(std::vector<Instance> v, const std::string& r) {
  region(r).instances.set(std::move(v));
  return *this;
}
Estate& Estate::vpcs(std::vector<Vpc> v, const std::string& r) {
  region(r).vpcs.set(std::move(v));
  return *this;
}
Estate& Estate::peerings(std::vector<VpcPeering> v, const std::string& r) {
  region(r).vpc_peerings.set(std::move(v));
  return *this;
}
Estate& Estate::load_balancers(std::vector<LoadBalancer> v, const std::string& r) {
  region(r).load_balancers.set(std::move(v));
  return *this;
}
Estate& Estate::web_acls(std::map<std::string, std::string> v, const std::string& r) {
  region(r).web_acl_by_resource.set(std::move(v));
  return *this;
}
Estate& Estate::security_hub(SecurityHubState v, const std::string& r) {
  region(r).security_hub.set(std::move(v));
  return *this;
}
Estate& Estate::security_hub_findings(SecurityHubFindings v, const std::string& r) {
  region(r).security_hub_findings.set(std::move(v));
  return *this;
}
Estate& Estate::sso(std::vector<SsoInstance> v, const std::string& r) {
  region(r).sso_instances.set(std::move(v));
  return *this;
}

Estate& Estate::summary(AccountSummary v) {
  inventory_.iam.account_summary.set(std::move(v));
  return *this;
}
Estate& Estate::password_policy(std::optional<PasswordPolicy> v) {
  inventory_.iam.password_policy.set(std::move(v));
  return *this;
}
Estate& Estate::users(std::vector<IamUser> v) {
  inventory_.iam.authorization.value->users = std::move(v);
  return *this;
}
Estate& Estate::iam_groups(std::vector<IamGroup> v) {
  inventory_.iam.authorization.value->groups = std::move(v);
  return *this;
}
Estate& Estate::roles(std::vector<IamRole> v) {
  inventory_.iam.authorization.value->roles = std::move(v);
  return *this;
}
Estate& Estate::policies(std::vector<ManagedPolicy> v) {
  inventory_.iam.authorization.value->policies = std::move(v);
  return *this;
}
Estate& Estate::mfa_devices(std::vector<VirtualMfaDevice> v) {
  inventory_.iam.virtual_mfa_devices.set(std::move(v));
  return *this;
}
Estate& Estate::report(std::vector<CredentialReportRow> v) {
  inventory_.iam.credential_report.set(std::move(v));
  return *this;
}

Estate& Estate::now(std::int64_t v) {
  inventory_.collected_at = v;
  return *this;
}
Estate& Estate::server_certificates(std::vector<ServerCertificate> v) {
  inventory_.iam.server_certificates.set(std::move(v));
  return *this;
}
Estate& Estate::identity_providers(IdentityProviders v) {
  inventory_.iam.identity_providers.set(std::move(v));
  return *this;
}
Estate& Estate::security_contact(std::optional<AlternateContact> v) {
  inventory_.iam.security_contact.set(std::move(v));
  return *this;
}
Estate& Estate::analyzers(std::vector<AccessAnalyzer> v, const std::string& r) {
  region(r).access_analyzers.set(std::move(v));
  return *this;
}

Estate& Estate::organization(Organization v) {
  inventory_.organization.structure.set(std::move(v));
  return *this;
}
Estate& Estate::scps(std::vector<ServiceControlPolicy> v) {
  inventory_.organization.scps.set(std::move(v));
  return *this;
}
Estate& Estate::identity_center(IdentityCenter v) {
  inventory_.organization.identity_center.set(std::move(v));
  return *this;
}
Estate& Estate::membership(OrgMembership v) {
  inventory_.membership = std::move(v);
  return *this;
}

Estate& Estate::fail(std::string_view section, const std::string& region_name) {
  const SectionCall* call = nullptr;
  for (const auto& candidate : kSectionCalls) {
    if (candidate.section == section) call = &candidate;
  }
  if (call == nullptr) {
    ADD_FAILURE() << "unknown section " << section;
    return *this;
  }
  const bool global = section.starts_with("iam.") || section.starts_with("account.");
  CollectionError error{std::string(call->service),
                        std::string(call->operation),
                        global ? "" : region_name,
                        "access_denied",
                        "AccessDenied",
                        "not authorized to perform this operation"};
  inventory_.errors.push_back(error);
  auto& iam = inventory_.iam;
  if (section == kSectionIamAccountSummary) iam.account_summary.fail(error);
  if (section == kSectionIamPasswordPolicy) iam.password_policy.fail(error);
  if (section == kSectionIamAuthorization) iam.authorization.fail(error);
  if (section == kSectionIamVirtualMfaDevices) iam.virtual_mfa_devices.fail(error);
  if (section == kSectionIamCredentialReport) iam.credential_report.fail(error);
  if (section == kSectionIamServerCertificates) iam.server_certificates.fail(error);
  if (section == kSectionIamIdentityProviders) iam.identity_providers.fail(error);
  if (section == kSectionSecurityContact) iam.security_contact.fail(error);
  if (section == kSectionCloudFrontDistributions) {  // global: no region
    error.region.clear();
    inventory_.errors.back().region.clear();
    inventory_.cloudfront_distributions.fail(error);
    return *this;
  }
  if (section == kSectionOrganization || section == kSectionScps || section == kSectionSsoPermissionSets) {
    error.region.clear();  // global
    inventory_.errors.back().region.clear();
    auto& org = inventory_.organization;
    if (section == kSectionOrganization) org.structure.fail(error);
    if (section == kSectionScps) org.scps.fail(error);
    if (section == kSectionSsoPermissionSets) org.identity_center.fail(error);
    return *this;
  }
  if (section == kSectionS3Buckets) inventory_.storage.buckets.fail(error);
  if (section == kSectionS3AccountPublicAccessBlock) inventory_.storage.account_public_access_block.fail(error);
  if (global) return *this;
  auto& r = region(region_name);
  if (section == kSectionSecurityGroups) r.security_groups.fail(error);
  if (section == kSectionNetworkAcls) r.network_acls.fail(error);
  if (section == kSectionInstances) r.instances.fail(error);
  if (section == kSectionVpcs) r.vpcs.fail(error);
  if (section == kSectionVpcPeerings) r.vpc_peerings.fail(error);
  if (section == kSectionLoadBalancers) r.load_balancers.fail(error);
  if (section == kSectionWebAcls) r.web_acl_by_resource.fail(error);
  if (section == kSectionSecurityHub) r.security_hub.fail(error);
  if (section == kSectionSecurityHubFindings) r.security_hub_findings.fail(error);
  if (section == kSectionSsoInstances) r.sso_instances.fail(error);
  if (section == kSectionAccessAnalyzers) r.access_analyzers.fail(error);
  if (section == kSectionTrails) r.trails.fail(error);
  if (section == kSectionConfigRecorders) r.config_recorders.fail(error);
  if (section == kSectionKmsKeys) r.kms_keys.fail(error);
  if (section == kSectionGuardDuty) r.guardduty_detectors.fail(error);
  if (section == kSectionVolumes) r.volumes.fail(error);
  if (section == kSectionEbsDefaultEncryption) r.ebs_default_encryption.fail(error);
  if (section == kSectionFlowLogs) r.flow_logs.fail(error);
  if (section == kSectionRouteTables) r.route_tables.fail(error);
  if (section == kSectionApiGatewayStages) r.api_gateway_stages.fail(error);
  if (section == kSectionNetworkFirewalls) r.network_firewalls.fail(error);
  if (section == kSectionMacie) r.macie.fail(error);
  if (section == kSectionRdsInstances) r.db_instances.fail(error);
  if (section == kSectionEfsFileSystems) r.file_systems.fail(error);
  return *this;
}

TEST_P(CheckCaseTest, ProducesExpectedFindings) {
  const CheckCase& c = GetParam();
  const Check* check = FindCheck(c.check_id);
  ASSERT_NE(check, nullptr) << c.check_id << " is not registered";
  const auto findings = EvaluateChecks(c.inventory, {check});
  ASSERT_EQ(findings.size(), c.expected.size()) << "findings:\n" << Dump(findings);
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const Expected& e = c.expected[i];
    SCOPED_TRACE("finding " + std::to_string(i) + "\n" + Dump(findings));
    EXPECT_EQ(f.check_id, c.check_id);
    EXPECT_EQ(f.account_id, e.account_id.empty() ? std::string(kAccount) : e.account_id);
    EXPECT_EQ(f.resource_id, e.resource_id);
    EXPECT_EQ(StatusName(f.status), std::string(StatusName(e.status)));
    EXPECT_NE(f.message.find(e.message_fragment), std::string::npos) << "want \"" << e.message_fragment << "\"";
    if (!e.absent_fragment.empty()) {
      EXPECT_EQ(f.message.find(e.absent_fragment), std::string::npos);
    }
    EXPECT_EQ(SeverityName(f.severity), std::string(SeverityName(e.severity.value_or(check->metadata.severity))));
    if (!e.region.empty()) {
      EXPECT_EQ(f.region, e.region);
    }
    EXPECT_FALSE(f.region.empty());
    EXPECT_FALSE(f.resource_type.empty());
    if (f.status != Status::kError) {
      EXPECT_FALSE(f.resource_arn.empty());
    }
  }
}

}  // namespace posture::checks::testing
