#include "inventory/sections.h"

#include <algorithm>

namespace posture::inventory {
namespace {

template <typename T>
bool IsSet(const Collected<T>& section) {
  return section.ok() || section.error.has_value();
}

// Accessors of a section `Group::Member` of the inventory (global) or of
// each region; of a facet `Facet` of the items of such a section.
template <auto Group, auto Member>
struct Global {
  static bool present(const Inventory& inventory) { return IsSet((inventory.*Group).*Member); }
  static void fail(Inventory& inventory, const CollectionError& error) { ((inventory.*Group).*Member).fail(error); }
  static void set_empty(Inventory& inventory) { ((inventory.*Group).*Member).set({}); }
};

template <auto Group, auto Member>
struct Regional {
  static bool present(const Inventory& inventory) {
    return std::any_of(inventory.regions.begin(), inventory.regions.end(),
                       [](const RegionInventory& region) { return IsSet((region.*Group).*Member); });
  }
  static void fail(Inventory& inventory, const CollectionError& error) {
    for (auto& region : inventory.regions) {
      if (region.region == error.region) ((region.*Group).*Member).fail(error);
    }
  }
  static void set_empty(Inventory& inventory) {
    for (auto& region : inventory.regions) ((region.*Group).*Member).set({});
  }
};

template <typename Parent, auto Facet>
struct FacetOf {
  static bool present(const Inventory& inventory) { return Parent::present(inventory); }
  static void fail(Inventory& inventory, const CollectionError& error) {
    Parent::for_each_item(inventory, error.region, [&](auto& item) { (item.*Facet).fail(error); });
  }
  static void set_empty(Inventory&) {}
};

// A global list section whose items carry facets.
template <auto Group, auto Member>
struct GlobalItems : Global<Group, Member> {
  template <typename Fn>
  static void for_each_item(Inventory& inventory, const std::string&, Fn&& fn) {
    auto& section = (inventory.*Group).*Member;
    if (!section.ok()) return;
    for (auto& item : *section.value) fn(item);
  }
};

// A regional list section whose items carry facets; `region` "" means every region.
template <auto Group, auto Member>
struct RegionalItems : Regional<Group, Member> {
  template <typename Fn>
  static void for_each_item(Inventory& inventory, const std::string& region_name, Fn&& fn) {
    for (auto& region : inventory.regions) {
      if (!region_name.empty() && region.region != region_name) continue;
      auto& section = (region.*Group).*Member;
      if (!section.ok()) continue;
      for (auto& item : *section.value) fn(item);
    }
  }
};

template <typename Access>
Section Row(std::string_view name, SectionScope scope, std::string_view service, std::string_view operations,
            std::string_view provides, std::string_view parent = {}) {
  return Section{
      name, scope, service, operations, provides, parent, &Access::present, &Access::fail, &Access::set_empty};
}

}  // namespace

// The section's name is its place in the inventory, spelled once.
#define POSTURE_GLOBAL(group, member, ...) \
  Row<Global<&Inventory::group, &decltype(Inventory::group)::member>>(#group "." #member, __VA_ARGS__)
#define POSTURE_REGIONAL(group, member, ...) \
  Row<Regional<&RegionInventory::group, &decltype(RegionInventory::group)::member>>(#group "." #member, __VA_ARGS__)
#define POSTURE_GLOBAL_FACET(group, member, Item, facet, service, operations)                           \
  Row<FacetOf<GlobalItems<&Inventory::group, &decltype(Inventory::group)::member>, &Item::facet>>(      \
      #group "." #member "." #facet, SectionScope::kPerResource, service, operations, #Item "." #facet, \
      #group "." #member)
#define POSTURE_REGIONAL_FACET(group, member, Item, facet, service, operations)                                  \
  Row<FacetOf<RegionalItems<&RegionInventory::group, &decltype(RegionInventory::group)::member>, &Item::facet>>( \
      #group "." #member "." #facet, SectionScope::kPerResource, service, operations, #Item "." #facet,          \
      #group "." #member)

const std::vector<Section>& AllSections() {
  using enum SectionScope;
  // clang-format off
  static const std::vector<Section> kSections = {
      // IAM and the account
      POSTURE_GLOBAL(iam, account_summary, kGlobal, "iam", "GetAccountSummary", "IamAccountSummary"),
      POSTURE_GLOBAL(iam, password_policy, kGlobal, "iam", "GetAccountPasswordPolicy", "PasswordPolicy"),
      POSTURE_GLOBAL(iam, authorization, kGlobal, "iam", "GetAccountAuthorizationDetails",
                     "AuthorizationDetails, IamUser, IamGroup, IamRole, ManagedPolicy, InlinePolicy"),
      POSTURE_GLOBAL(iam, virtual_mfa_devices, kGlobal, "iam", "ListVirtualMFADevices", "VirtualMfaDevice"),
      POSTURE_GLOBAL(iam, credential_report, kGlobal, "iam", "GetCredentialReport, GenerateCredentialReport",
                     "CredentialReportRow"),
      POSTURE_GLOBAL(iam, server_certificates, kGlobal, "iam", "ListServerCertificates", "ServerCertificate"),
      POSTURE_GLOBAL(iam, identity_providers, kGlobal, "iam", "ListSAMLProviders, ListOpenIDConnectProviders",
                     "IdentityProviders"),
      POSTURE_GLOBAL(account, security_contact, kGlobal, "account", "GetAlternateContact", "AlternateContact"),
      // S3 (account-wide) and its per-bucket facets
      POSTURE_GLOBAL(s3, buckets, kGlobal, "s3", "ListBuckets, GetBucketLocation", "Bucket"),
      POSTURE_GLOBAL_FACET(s3, buckets, Bucket, policy, "s3", "GetBucketPolicy"),
      POSTURE_GLOBAL_FACET(s3, buckets, Bucket, acl, "s3", "GetBucketAcl"),
      POSTURE_GLOBAL_FACET(s3, buckets, Bucket, public_access_block, "s3", "GetPublicAccessBlock"),
      POSTURE_GLOBAL_FACET(s3, buckets, Bucket, versioning, "s3", "GetBucketVersioning"),
      POSTURE_GLOBAL_FACET(s3, buckets, Bucket, logging, "s3", "GetBucketLogging"),
      POSTURE_GLOBAL(s3control, account_public_access_block, kGlobal, "s3control", "GetPublicAccessBlock",
                     "S3ControlSections"),
      POSTURE_GLOBAL(cloudfront, distributions, kGlobal, "cloudfront", "ListDistributions, GetDistribution",
                     "CloudFrontDistribution"),
      // AWS Organizations and IAM Identity Center, from the management side
      POSTURE_GLOBAL(organizations, structure, kOrganization, "organizations",
                     "DescribeOrganization, ListRoots, ListOrganizationalUnitsForParent, ListAccounts",
                     "Organization, OrganizationalUnit, OrgAccount"),
      POSTURE_GLOBAL(organizations, scps, kOrganization, "organizations", "ListPolicies, ListTargetsForPolicy",
                     "ServiceControlPolicy"),
      POSTURE_GLOBAL(organizations, identity_center, kOrganization, "sso-admin",
                     "ListPermissionSets, DescribePermissionSet, ListAccountAssignments",
                     "IdentityCenter, PermissionSet, PermissionsBoundary, AccountAssignment"),
      // EC2 and VPC
      POSTURE_REGIONAL(ec2, security_groups, kRegional, "ec2", "DescribeSecurityGroups",
                       "SecurityGroup, SecurityGroupRule"),
      POSTURE_REGIONAL(ec2, network_acls, kRegional, "ec2", "DescribeNetworkAcls", "NetworkAcl, NetworkAclEntry"),
      POSTURE_REGIONAL(ec2, instances, kRegional, "ec2", "DescribeInstances", "Instance, NetworkInterface"),
      POSTURE_REGIONAL(ec2, vpcs, kRegional, "ec2", "DescribeVpcs", "Vpc"),
      POSTURE_REGIONAL(ec2, vpc_peerings, kRegional, "ec2", "DescribeVpcPeeringConnections", "VpcPeering"),
      POSTURE_REGIONAL(ec2, volumes, kRegional, "ec2", "DescribeVolumes", "Volume"),
      POSTURE_REGIONAL(ec2, ebs_default_encryption, kRegional, "ec2", "GetEbsEncryptionByDefault",
                       "EbsDefaultEncryption"),
      POSTURE_REGIONAL(ec2, flow_logs, kRegional, "ec2", "DescribeFlowLogs", "FlowLog"),
      POSTURE_REGIONAL(ec2, route_tables, kRegional, "ec2", "DescribeRouteTables", "RouteTable, Route"),
      // Load balancing, WAF and the public edge
      POSTURE_REGIONAL(elbv2, load_balancers, kRegional, "elbv2", "DescribeLoadBalancers", "LoadBalancer"),
      POSTURE_REGIONAL(wafv2, web_acl_by_resource, kRegional, "wafv2", "ListWebACLs, GetWebACLForResource",
                       "Wafv2Sections"),
      POSTURE_REGIONAL(apigateway, stages, kRegional, "apigateway", "GetRestApis, GetStages", "ApiGatewayStage"),
      POSTURE_REGIONAL(network_firewall, firewalls, kRegional, "network-firewall", "ListFirewalls",
                       "NetworkFirewall"),
      // Security Hub, IAM Identity Center, IAM Access Analyzer
      POSTURE_REGIONAL(securityhub, hub, kRegional, "securityhub", "DescribeHub, GetEnabledStandards",
                       "SecurityHubState"),
      POSTURE_REGIONAL(securityhub, findings, kRegional, "securityhub", "GetFindings", "SecurityHubFindings"),
      POSTURE_REGIONAL(identity_center, instances, kRegional, "sso-admin", "ListInstances",
                       "IdentityCenterInstance"),
      POSTURE_REGIONAL(accessanalyzer, analyzers, kRegional, "accessanalyzer", "ListAnalyzers", "AccessAnalyzer"),
      // Logging and monitoring
      POSTURE_REGIONAL(cloudtrail, trails, kRegional, "cloudtrail", "DescribeTrails", "Trail"),
      POSTURE_REGIONAL_FACET(cloudtrail, trails, Trail, logging, "cloudtrail", "GetTrailStatus"),
      POSTURE_REGIONAL_FACET(cloudtrail, trails, Trail, selectors, "cloudtrail", "GetEventSelectors"),
      POSTURE_REGIONAL_FACET(cloudtrail, trails, Trail, bucket_logging, "s3", "GetBucketLogging, GetBucketLocation"),
      POSTURE_REGIONAL_FACET(cloudtrail, trails, Trail, monitoring, "logs",
                             "DescribeMetricFilters, DescribeAlarms, ListSubscriptionsByTopic"),
      POSTURE_REGIONAL(config, recorders, kRegional, "config",
                       "DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus", "ConfigRecorder"),
      POSTURE_REGIONAL(kms, keys, kRegional, "kms", "ListKeys, DescribeKey, GetKeyRotationStatus, ListAliases",
                       "KmsKey"),
      POSTURE_REGIONAL(guardduty, detectors, kRegional, "guardduty", "ListDetectors, GetDetector",
                       "GuardDutyDetector"),
      // Storage
      POSTURE_REGIONAL(macie, session, kRegional, "macie2", "GetMacieSession", "MacieStatus"),
      POSTURE_REGIONAL(rds, db_instances, kRegional, "rds", "DescribeDBInstances", "DbInstance"),
      POSTURE_REGIONAL(efs, file_systems, kRegional, "efs", "DescribeFileSystems", "FileSystem"),
  };
  // clang-format on
  return kSections;
}

#undef POSTURE_GLOBAL
#undef POSTURE_REGIONAL
#undef POSTURE_GLOBAL_FACET
#undef POSTURE_REGIONAL_FACET

const char* SectionScopeName(SectionScope scope) {
  switch (scope) {
    case SectionScope::kGlobal:
      return "global";
    case SectionScope::kRegional:
      return "regional";
    case SectionScope::kPerResource:
      return "per resource";
    case SectionScope::kOrganization:
      return "organization";
  }
  return "global";
}

std::string_view Section::operation() const { return operations.substr(0, operations.find(',')); }

const Section* FindSection(std::string_view name) {
  for (const auto& section : AllSections()) {
    if (section.name == name) return &section;
  }
  return nullptr;
}

namespace {

// True when the comma-separated `list` holds `item`.
bool Lists(std::string_view list, std::string_view item) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view entry = list.substr(0, comma);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    if (entry == item) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

const Section* SectionOfField(std::string_view field) {
  const auto dot = field.find('.');
  if (dot == std::string_view::npos) return nullptr;
  for (const auto& section : AllSections()) {
    if (section.scope == SectionScope::kPerResource && Lists(section.provides, field)) return &section;
  }
  const std::string_view type = field.substr(0, dot);
  for (const auto& section : AllSections()) {
    if (section.scope != SectionScope::kPerResource && Lists(section.provides, type)) return &section;
  }
  return nullptr;
}

}  // namespace posture::inventory
