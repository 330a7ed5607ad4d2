// Inventory fixtures and the data-driven runner for check tests.
//
// A CheckCase is an inventory built with the helpers below and the
// findings one check must produce from it, in order. Cases are listed per
// area (network_checks_test.cc, ...) and run by the one TEST_P in
// check_runner_test.cc.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "checks/check.h"
#include "inventory/inventory.h"

namespace posture::checks::testing {

using namespace posture::inventory;  // NOLINT: fixtures name many inventory types

inline constexpr const char* kAccount = "123456789012";
inline constexpr const char* kRegion = "us-east-1";
inline constexpr const char* kOtherRegion = "eu-west-1";
inline constexpr const char* kRoot = "<root_account>";  // the credential report's root user

// ---- Security group rules -------------------------------------------------

class RuleBuilder {
 public:
  RuleBuilder(std::string protocol, int from, int to) {
    rule_.protocol = std::move(protocol);
    rule_.from_port = from;
    rule_.to_port = to;
  }
  RuleBuilder& v4(std::string cidr) {
    rule_.ipv4_ranges.push_back(std::move(cidr));
    return *this;
  }
  RuleBuilder& v6(std::string cidr) {
    rule_.ipv6_ranges.push_back(std::move(cidr));
    return *this;
  }
  RuleBuilder& prefix_list(std::string id) {
    rule_.prefix_list_ids.push_back(std::move(id));
    return *this;
  }
  RuleBuilder& group(std::string id) {
    rule_.group_ids.push_back(std::move(id));
    return *this;
  }
  RuleBuilder& id(std::string id) {
    rule_.rule_id = std::move(id);
    return *this;
  }
  operator SecurityGroupRule() const { return rule_; }  // NOLINT: implicit by design

 private:
  SecurityGroupRule rule_;
};

inline RuleBuilder Tcp(int port) { return {"tcp", port, port}; }
inline RuleBuilder Tcp(int from, int to) { return {"tcp", from, to}; }
inline RuleBuilder Udp(int port) { return {"udp", port, port}; }
inline RuleBuilder AllTraffic() { return {"-1", -1, -1}; }
inline RuleBuilder Protocol(std::string protocol, int from, int to) { return {std::move(protocol), from, to}; }

inline SecurityGroup Group(std::string id, std::vector<SecurityGroupRule> ingress,
                           std::vector<SecurityGroupRule> egress = {}, std::string name = "") {
  SecurityGroup group;
  group.id = std::move(id);
  group.name = name.empty() ? group.id + "-name" : std::move(name);
  group.vpc_id = "vpc-1";
  group.owner_id = kAccount;
  group.ingress = std::move(ingress);
  group.egress = std::move(egress);
  return group;
}

// ---- Network ACLs -----------------------------------------------------------

// An ingress entry; a CIDR containing ':' is IPv6. from/to -1: all ports.
inline NetworkAclEntry Entry(int number, std::string protocol, bool allow, const std::string& cidr, int from = -1,
                             int to = -1) {
  NetworkAclEntry entry;
  entry.rule_number = number;
  entry.protocol = std::move(protocol);
  entry.allow = allow;
  (cidr.find(':') == std::string::npos ? entry.ipv4_cidr : entry.ipv6_cidr) = cidr;
  entry.from_port = from;
  entry.to_port = to;
  return entry;
}
inline NetworkAclEntry Egress(NetworkAclEntry entry) {
  entry.egress = true;
  return entry;
}
inline NetworkAcl Acl(std::string id, std::vector<NetworkAclEntry> entries) {
  NetworkAcl acl;
  acl.id = std::move(id);
  acl.vpc_id = "vpc-1";
  acl.entries = std::move(entries);
  return acl;
}

// ---- Instances ----------------------------------------------------------------

class InstanceBuilder {
 public:
  explicit InstanceBuilder(std::string id) {
    instance_.id = std::move(id);
    instance_.state = "running";
    instance_.vpc_id = "vpc-1";
    instance_.http_tokens = "required";
    instance_.http_endpoint = "enabled";
  }
  InstanceBuilder& state(std::string state) {
    instance_.state = std::move(state);
    return *this;
  }
  InstanceBuilder& public_ip(std::string ip) {
    instance_.public_ip = std::move(ip);
    return *this;
  }
  InstanceBuilder& groups(std::vector<std::string> ids) {
    instance_.group_ids = std::move(ids);
    return *this;
  }
  InstanceBuilder& interface(std::string id, std::vector<std::string> groups, std::string public_ip = "") {
    NetworkInterface eni;
    eni.id = std::move(id);
    eni.group_ids = std::move(groups);
    eni.public_ip = std::move(public_ip);
    instance_.interfaces.push_back(std::move(eni));
    return *this;
  }
  InstanceBuilder& tokens(std::string tokens) {
    instance_.http_tokens = std::move(tokens);
    return *this;
  }
  InstanceBuilder& endpoint(std::string endpoint) {
    instance_.http_endpoint = std::move(endpoint);
    return *this;
  }
  operator Instance() const { return instance_; }  // NOLINT: implicit by design

 private:
  Instance instance_;
};
inline InstanceBuilder Ec2(std::string id) { return InstanceBuilder(std::move(id)); }

// ---- VPCs -------------------------------------------------------------------------

inline Vpc MakeVpc(std::string id, Tags tags = {}) {
  Vpc vpc;
  vpc.id = std::move(id);
  vpc.cidr = "10.0.0.0/16";
  vpc.tags = std::move(tags);
  return vpc;
}
// An active peering between two VPCs of this account in kRegion unless told otherwise.
inline VpcPeering Peering(std::string id, std::string requester, std::string accepter, std::string status = "active") {
  VpcPeering peering;
  peering.id = std::move(id);
  peering.status = std::move(status);
  peering.requester_vpc_id = std::move(requester);
  peering.requester_owner_id = kAccount;
  peering.requester_region = kRegion;
  peering.accepter_vpc_id = std::move(accepter);
  peering.accepter_owner_id = kAccount;
  peering.accepter_region = kRegion;
  return peering;
}

// ---- Load balancers, Security Hub, Identity Center --------------------------------

inline LoadBalancer Alb(std::string name, std::string scheme = "internet-facing", std::string type = "application") {
  LoadBalancer lb;
  lb.arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/" + name + "/1";
  lb.name = std::move(name);
  lb.type = std::move(type);
  lb.scheme = std::move(scheme);
  lb.dns_name = lb.name + ".elb.amazonaws.com";
  return lb;
}

inline SecurityHubState Hub(bool enabled, std::vector<std::string> standards = {}) {
  SecurityHubState hub;
  hub.enabled = enabled;
  if (enabled) hub.hub_arn = "arn:aws:securityhub:us-east-1:123456789012:hub/default";
  hub.standards = std::move(standards);
  return hub;
}

inline SecurityHubFindings HubFindings(bool hub_enabled, std::map<std::string, int> by_severity = {}) {
  return SecurityHubFindings{hub_enabled, std::move(by_severity)};
}

inline IdentityCenterInstance Sso(std::string region = kRegion) {
  return IdentityCenterInstance{"arn:aws:sso:::instance/ssoins-1", "d-1", std::move(region)};
}

// ---- IAM --------------------------------------------------------------------------

inline IamAccountSummary Summary(bool root_keys, bool root_mfa) {
  IamAccountSummary summary;
  summary.root_access_keys_present = root_keys;
  summary.root_mfa_enabled = root_mfa;
  return summary;
}

inline PasswordPolicy Passwords(int minimum_length, int reuse_prevention) {
  PasswordPolicy policy;
  policy.minimum_length = minimum_length;
  policy.reuse_prevention = reuse_prevention;
  return policy;
}

// A credential report row; std::nullopt for "N/A".
inline CredentialReportRow Row(std::string user, std::optional<bool> password_enabled, bool mfa_active) {
  CredentialReportRow row;
  row.arn = user == "<root_account>" ? "arn:aws:iam::123456789012:root" : "arn:aws:iam::123456789012:user/" + user;
  row.user = std::move(user);
  row.password_enabled = password_enabled;
  row.mfa_active = mfa_active;
  return row;
}

inline VirtualMfaDevice MfaDevice(std::string serial, std::string user_arn) {
  return {std::move(serial), std::move(user_arn)};
}

inline IamUser User(std::string name, std::vector<std::string> attached = {},
                    std::vector<InlinePolicy> inline_policies = {}) {
  IamUser user;
  user.arn = "arn:aws:iam::123456789012:user/" + name;
  user.name = std::move(name);
  user.attached_policy_arns = std::move(attached);
  user.inline_policies = std::move(inline_policies);
  return user;
}
inline IamGroup GroupPrincipal(std::string name, std::vector<InlinePolicy> inline_policies) {
  IamGroup group;
  group.arn = "arn:aws:iam::123456789012:group/" + name;
  group.name = std::move(name);
  group.inline_policies = std::move(inline_policies);
  return group;
}
inline IamRole Role(std::string name, std::vector<InlinePolicy> inline_policies) {
  IamRole role;
  role.arn = "arn:aws:iam::123456789012:role/" + name;
  role.name = std::move(name);
  role.inline_policies = std::move(inline_policies);
  return role;
}
inline ManagedPolicy CustomerPolicy(std::string name, int attachments, std::string document) {
  ManagedPolicy policy;
  policy.arn = "arn:aws:iam::123456789012:policy/" + name;
  policy.name = std::move(name);
  policy.attachment_count = attachments;
  policy.default_version_document = std::move(document);
  return policy;
}
inline ManagedPolicy AwsPolicy(std::string name, int attachments, std::string document) {
  ManagedPolicy policy = CustomerPolicy(std::move(name), attachments, std::move(document));
  policy.arn = "arn:aws:iam::aws:policy/" + policy.name;
  policy.aws_managed = true;
  return policy;
}

// ---- AWS Organizations and IAM Identity Center -------------------------------------

inline OrganizationalUnit Ou(std::string id, std::string name, std::string parent_id) {
  return {std::move(id), std::move(name), std::move(parent_id)};
}
inline OrgAccount Member(std::string id, std::string name, std::string parent_id, Tags tags = {},
                         std::string status = "ACTIVE") {
  OrgAccount account;
  account.arn = "arn:aws:organizations::123456789012:account/o-test/" + id;
  account.id = std::move(id);
  account.name = std::move(name);
  account.email = account.name + "@example.com";
  account.status = std::move(status);
  account.parent_id = std::move(parent_id);
  account.tags = std::move(tags);
  return account;
}
// An organization managed by kAccount whose root is "r-root", with SCPs enabled.
inline Organization Org(std::vector<OrganizationalUnit> ous, std::vector<OrgAccount> accounts) {
  Organization org;
  org.id = "o-test";
  org.arn = "arn:aws:organizations::123456789012:organization/o-test";
  org.management_account_id = kAccount;
  org.root_id = "r-root";
  org.scps_enabled = true;
  org.units.push_back(Ou("r-root", "Root", ""));
  for (auto& ou : ous) org.units.push_back(std::move(ou));
  org.accounts = std::move(accounts);
  return org;
}
inline ServiceControlPolicy Scp(std::string id, std::string name, std::vector<std::string> targets) {
  ServiceControlPolicy policy;
  policy.arn = "arn:aws:organizations::123456789012:policy/o-test/service_control_policy/" + id;
  policy.id = std::move(id);
  policy.name = std::move(name);
  policy.target_ids = std::move(targets);
  return policy;
}
inline ServiceControlPolicy FullAwsAccess(std::vector<std::string> targets) {
  ServiceControlPolicy policy = Scp("p-FullAWSAccess", "FullAWSAccess", std::move(targets));
  policy.arn = "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess";
  policy.aws_managed = true;
  return policy;
}
inline constexpr const char* kAdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";
inline PermissionSet PermSet(std::string name, std::vector<std::string> managed = {}, std::string inline_policy = "") {
  PermissionSet set;
  set.arn = "arn:aws:sso:::permissionSet/ssoins-1/ps-" + name;
  set.name = std::move(name);
  set.instance_arn = "arn:aws:sso:::instance/ssoins-1";
  set.managed_policy_arns = std::move(managed);
  set.inline_policy = std::move(inline_policy);
  return set;
}
// principal_type "USER" or "GROUP"; the principal's id is "id-" + name.
inline AccountAssignment Assign(std::string account_id, const PermissionSet& set, std::string principal_type,
                                std::string principal_name) {
  AccountAssignment assignment;
  assignment.account_id = std::move(account_id);
  assignment.permission_set_arn = set.arn;
  assignment.principal_type = std::move(principal_type);
  assignment.principal_id = "id-" + principal_name;
  assignment.principal_name = std::move(principal_name);
  return assignment;
}

// ---- The inventory --------------------------------------------------------------

// An account with kRegion, every section collected and empty (no password
// policy, no Security Hub). Setters fill sections; fail() replaces one with
// the collection error its AWS call would leave.
class Estate {
 public:
  Estate();

  Estate& add_region(const std::string& name);
  RegionInventory& region(const std::string& name = kRegion);

  Estate& groups(std::vector<SecurityGroup> groups, const std::string& region = kRegion);
  Estate& acls(std::vector<NetworkAcl> acls, const std::string& region = kRegion);
  Estate& instances(std::vector<Instance> instances, const std::string& region = kRegion);
  Estate& vpcs(std::vector<Vpc> vpcs, const std::string& region = kRegion);
  Estate& peerings(std::vector<VpcPeering> peerings, const std::string& region = kRegion);
  Estate& load_balancers(std::vector<LoadBalancer> lbs, const std::string& region = kRegion);
  Estate& web_acls(std::map<std::string, std::string> by_resource, const std::string& region = kRegion);
  Estate& security_hub(SecurityHubState hub, const std::string& region = kRegion);
  Estate& security_hub_findings(SecurityHubFindings findings, const std::string& region = kRegion);
  Estate& sso(std::vector<IdentityCenterInstance> instances, const std::string& region = kRegion);
  Estate& volumes(std::vector<Volume> volumes, const std::string& region = kRegion);
  Estate& ebs_default_encryption(bool enabled, const std::string& region = kRegion);
  Estate& flow_logs(std::vector<FlowLog> flow_logs, const std::string& region = kRegion);
  Estate& route_tables(std::vector<RouteTable> tables, const std::string& region = kRegion);
  Estate& api_stages(std::vector<ApiGatewayStage> stages, const std::string& region = kRegion);
  Estate& firewalls(std::vector<NetworkFirewall> firewalls, const std::string& region = kRegion);
  Estate& distributions(std::vector<CloudFrontDistribution> distributions);

  Estate& summary(IamAccountSummary summary);
  Estate& password_policy(std::optional<PasswordPolicy> policy);
  Estate& users(std::vector<IamUser> users);
  Estate& iam_groups(std::vector<IamGroup> groups);
  Estate& roles(std::vector<IamRole> roles);
  Estate& policies(std::vector<ManagedPolicy> policies);
  Estate& mfa_devices(std::vector<VirtualMfaDevice> devices);
  Estate& report(std::vector<CredentialReportRow> rows);
  Estate& now(std::int64_t unix_seconds);
  Estate& server_certificates(std::vector<ServerCertificate> certificates);
  Estate& identity_providers(IdentityProviders providers);
  Estate& security_contact(std::optional<AlternateContact> contact);
  Estate& analyzers(std::vector<AccessAnalyzer> analyzers, const std::string& region = kRegion);
  // Organizations and Identity Center: uncollected unless set.
  Estate& organization(Organization organization);
  Estate& scps(std::vector<ServiceControlPolicy> scps);
  Estate& identity_center(IdentityCenter identity_center);
  Estate& membership(OrgMembership membership);

  // Marks `section` (a name from inventory/sections.h) as failed with
  // access_denied, in `region` for regional sections.
  Estate& fail(std::string_view section, const std::string& region = kRegion);

  operator Inventory() const { return inventory_; }  // NOLINT: implicit by design
  const Inventory& get() const { return inventory_; }

 private:
  Inventory inventory_;
};

// One expected finding. severity: the check's own unless given; region:
// not compared when empty.
struct Expected {
  std::string resource_id;
  FindingStatus status = FindingStatus::kPass;
  std::string message_fragment;
  std::optional<Severity> severity = std::nullopt;
  std::string region = "";
  std::string absent_fragment = "";  // must not appear in the message
  std::string account_id = "";       // the finding's account when not kAccount
};

struct CheckCase {
  std::string name;  // a gtest name: letters, digits, underscores
  std::string check_id;
  Inventory inventory;
  std::vector<Expected> expected;
};

// Shorthands for Expected.
inline Expected Make(FindingStatus status, std::string resource, std::string fragment) {
  Expected expected;
  expected.resource_id = std::move(resource);
  expected.status = status;
  expected.message_fragment = std::move(fragment);
  return expected;
}
inline Expected Pass(std::string resource, std::string fragment = "") {
  return Make(FindingStatus::kPass, std::move(resource), std::move(fragment));
}
inline Expected Fail(std::string resource, std::string fragment = "", std::optional<Severity> severity = std::nullopt) {
  Expected expected = Make(FindingStatus::kFail, std::move(resource), std::move(fragment));
  expected.severity = severity;
  return expected;
}
inline Expected Error(std::string resource, std::string fragment = "", std::string region = "") {
  Expected expected = Make(FindingStatus::kError, std::move(resource), std::move(fragment));
  expected.region = std::move(region);
  return expected;
}
inline Expected In(Expected expected, std::string region) {
  expected.region = std::move(region);
  return expected;
}
inline Expected Without(Expected expected, std::string fragment) {
  expected.absent_fragment = std::move(fragment);
  return expected;
}
// A finding about another account (organization checks report on member accounts).
inline Expected About(Expected expected, std::string account_id) {
  expected.account_id = std::move(account_id);
  return expected;
}

inline void PrintTo(const CheckCase& c, std::ostream* os) { *os << c.check_id << "/" << c.name; }
inline std::string CaseName(const ::testing::TestParamInfo<CheckCase>& info) { return info.param.name; }

class CheckCaseTest : public ::testing::TestWithParam<CheckCase> {};

}  // namespace posture::checks::testing
