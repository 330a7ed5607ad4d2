// The generic runner for CheckCase lists, and the Estate fixture builder.
#include <sstream>

#include "checks/check_fixtures.h"
#include "inventory/sections.h"

namespace posture::checks::testing {
namespace {

// Every section of `region` collected and empty; EBS encryption by default on.
void CollectRegionEmpty(Inventory& inventory, const std::string& name) {
  RegionInventory& region = inventory.regions.emplace_back();
  region.region = name;
  Inventory only;
  only.regions.push_back(std::move(region));
  for (const auto& section : AllSections()) {
    if (section.scope == SectionScope::kRegional) section.set_empty(only);
  }
  only.regions.front().ec2.ebs_default_encryption.set(EbsDefaultEncryption{true});
  inventory.regions.back() = std::move(only.regions.front());
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
  // Every account-wide section collected and empty; the organization's stay
  // uncollected unless a case sets them.
  for (const auto& section : AllSections()) {
    if (section.scope == SectionScope::kGlobal) section.set_empty(inventory_);
  }
  inventory_.iam.account_summary.set(Summary(false, true));
  // Every real credential report has the root user's row (here: never used, no keys).
  inventory_.iam.credential_report.set({Row("<root_account>", std::nullopt, true)});
  CollectRegionEmpty(inventory_, kRegion);
}

Estate& Estate::volumes(std::vector<Volume> v, const std::string& r) {
  region(r).ec2.volumes.set(std::move(v));
  return *this;
}
Estate& Estate::ebs_default_encryption(bool enabled, const std::string& r) {
  region(r).ec2.ebs_default_encryption.set(EbsDefaultEncryption{enabled});
  return *this;
}
Estate& Estate::flow_logs(std::vector<FlowLog> v, const std::string& r) {
  region(r).ec2.flow_logs.set(std::move(v));
  return *this;
}
Estate& Estate::route_tables(std::vector<RouteTable> v, const std::string& r) {
  region(r).ec2.route_tables.set(std::move(v));
  return *this;
}
Estate& Estate::api_stages(std::vector<ApiGatewayStage> v, const std::string& r) {
  region(r).apigateway.stages.set(std::move(v));
  return *this;
}
Estate& Estate::firewalls(std::vector<NetworkFirewall> v, const std::string& r) {
  region(r).network_firewall.firewalls.set(std::move(v));
  return *this;
}
Estate& Estate::distributions(std::vector<CloudFrontDistribution> v) {
  inventory_.cloudfront.distributions.set(std::move(v));
  return *this;
}

Estate& Estate::add_region(const std::string& name) {
  CollectRegionEmpty(inventory_, name);
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
  region(r).ec2.security_groups.set(std::move(v));
  return *this;
}
Estate& Estate::acls(std::vector<NetworkAcl> v, const std::string& r) {
  region(r).ec2.network_acls.set(std::move(v));
  return *this;
}
Estate& Estate::instances(std::vector<Instance> v, const std::string& r) {
  region(r).ec2.instances.set(std::move(v));
  return *this;
}
Estate& Estate::vpcs(std::vector<Vpc> v, const std::string& r) {
  region(r).ec2.vpcs.set(std::move(v));
  return *this;
}
Estate& Estate::peerings(std::vector<VpcPeering> v, const std::string& r) {
  region(r).ec2.vpc_peerings.set(std::move(v));
  return *this;
}
Estate& Estate::load_balancers(std::vector<LoadBalancer> v, const std::string& r) {
  region(r).elbv2.load_balancers.set(std::move(v));
  return *this;
}
Estate& Estate::web_acls(std::map<std::string, std::string> v, const std::string& r) {
  region(r).wafv2.web_acl_by_resource.set(std::move(v));
  return *this;
}
Estate& Estate::security_hub(SecurityHubState v, const std::string& r) {
  region(r).securityhub.hub.set(std::move(v));
  return *this;
}
Estate& Estate::security_hub_findings(SecurityHubFindings v, const std::string& r) {
  region(r).securityhub.findings.set(std::move(v));
  return *this;
}
Estate& Estate::sso(std::vector<IdentityCenterInstance> v, const std::string& r) {
  region(r).identity_center.instances.set(std::move(v));
  return *this;
}

Estate& Estate::summary(IamAccountSummary v) {
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
  inventory_.account.security_contact.set(std::move(v));
  return *this;
}
Estate& Estate::analyzers(std::vector<AccessAnalyzer> v, const std::string& r) {
  region(r).accessanalyzer.analyzers.set(std::move(v));
  return *this;
}

Estate& Estate::organization(Organization v) {
  inventory_.organizations.structure.set(std::move(v));
  return *this;
}
Estate& Estate::scps(std::vector<ServiceControlPolicy> v) {
  inventory_.organizations.scps.set(std::move(v));
  return *this;
}
Estate& Estate::identity_center(IdentityCenter v) {
  inventory_.organizations.identity_center.set(std::move(v));
  return *this;
}
Estate& Estate::membership(OrgMembership v) {
  inventory_.membership = std::move(v);
  return *this;
}

Estate& Estate::fail(std::string_view name, const std::string& region_name) {
  const Section* section = FindSection(name);
  if (section == nullptr) {
    ADD_FAILURE() << "unknown section " << name;
    return *this;
  }
  const bool regional =
      section->scope == SectionScope::kRegional ||
      (section->scope == SectionScope::kPerResource && FindSection(section->parent)->scope == SectionScope::kRegional);
  CollectionError error{std::string(section->service),
                        std::string(section->operation()),
                        regional ? region_name : "",
                        "access_denied",
                        "AccessDenied",
                        "not authorized to perform this operation"};
  inventory_.errors.push_back(error);
  section->fail(inventory_, error);
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
    if (f.status != FindingStatus::kError) {
      EXPECT_FALSE(f.resource_arn.empty());
    }
  }
}

}  // namespace posture::checks::testing
