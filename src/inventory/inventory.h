// The Inventory: everything a scan knows about one AWS account, as typed
// values. Collectors (src/collect) fill it from AWS; src/iac fills it from
// Terraform and CloudFormation; checks (src/checks) only read it.
//
// Every collected section is a Collected<T>: either the value or the
// CollectionError saying which call failed and why, so that a check whose
// data is missing reports ERROR instead of a false PASS. An Inventory is
// built on one thread (or with per-section synchronisation by the
// collector scheduler) and is immutable and freely shareable once built.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace posture::inventory {

using Tags = std::map<std::string, std::string>;

// Names of the inventory sections; checks list the ones they read and the
// scan collects only those.
inline constexpr const char* kSectionIamAccountSummary = "iam.account_summary";
inline constexpr const char* kSectionIamPasswordPolicy = "iam.password_policy";
inline constexpr const char* kSectionIamAuthorization = "iam.authorization";
inline constexpr const char* kSectionIamVirtualMfaDevices = "iam.virtual_mfa_devices";
inline constexpr const char* kSectionIamCredentialReport = "iam.credential_report";
inline constexpr const char* kSectionSecurityGroups = "ec2.security_groups";
inline constexpr const char* kSectionNetworkAcls = "ec2.network_acls";
inline constexpr const char* kSectionInstances = "ec2.instances";
inline constexpr const char* kSectionVpcs = "ec2.vpcs";
inline constexpr const char* kSectionVpcPeerings = "ec2.vpc_peerings";
inline constexpr const char* kSectionLoadBalancers = "elbv2.load_balancers";
inline constexpr const char* kSectionWebAcls = "wafv2.web_acl_by_resource";
inline constexpr const char* kSectionSecurityHub = "securityhub.state";
inline constexpr const char* kSectionSecurityHubFindings = "securityhub.findings";
inline constexpr const char* kSectionSsoInstances = "sso.instances";
// Storage: S3 (buckets are listed once for the account; the per-bucket
// sections each cost one call per bucket), Macie, RDS, EFS.
inline constexpr const char* kSectionS3Buckets = "s3.buckets";
inline constexpr const char* kSectionS3BucketPolicies = "s3.bucket_policies";
inline constexpr const char* kSectionS3BucketAcls = "s3.bucket_acls";
inline constexpr const char* kSectionS3BucketPublicAccessBlocks = "s3.bucket_public_access_blocks";
inline constexpr const char* kSectionS3BucketVersioning = "s3.bucket_versioning";
inline constexpr const char* kSectionS3AccountPublicAccessBlock = "s3control.account_public_access_block";
inline constexpr const char* kSectionMacie = "macie2.session";
inline constexpr const char* kSectionRdsInstances = "rds.db_instances";
inline constexpr const char* kSectionEfsFileSystems = "efs.file_systems";

// Why a section of the inventory is missing.
struct CollectionError {
  std::string service;    // "ec2"
  std::string operation;  // "DescribeSecurityGroups"
  std::string region;     // "" for global services
  std::string kind;       // aws::ErrorKindName: "access_denied", "throttled", ...
  std::string code;       // AWS error code, may be empty
  std::string message;    // one line, no secrets
};

template <typename T>
struct Collected {
  std::optional<T> value;
  std::optional<CollectionError> error;

  bool ok() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
  void set(T v) {
    value = std::move(v);
    error.reset();
  }
  void fail(CollectionError e) {
    value.reset();
    error = std::move(e);
  }
};

// ---- EC2 and VPC --------------------------------------------------------

// One permission of a security group (ingress or egress).
struct SecurityGroupRule {
  std::string protocol;  // "tcp", "udp", "icmp", "icmpv6", "-1" (all), or a number
  int from_port = -1;    // -1 with to_port -1: all ports (protocol "-1" or unset)
  int to_port = -1;
  std::vector<std::string> ipv4_ranges;      // "0.0.0.0/0"
  std::vector<std::string> ipv6_ranges;      // "::/0"
  std::vector<std::string> prefix_list_ids;  // "pl-..." (never "the internet")
  std::vector<std::string> group_ids;        // referenced security groups
  std::string rule_id;                       // "sgr-..." when known
};

struct SecurityGroup {
  std::string id;  // "sg-..."
  std::string name;
  std::string description;
  std::string vpc_id;
  std::string owner_id;
  std::string arn;
  std::vector<SecurityGroupRule> ingress;
  std::vector<SecurityGroupRule> egress;
  Tags tags;
  bool is_default() const { return name == "default"; }
};

struct NetworkAclEntry {
  int rule_number = 0;
  std::string protocol;  // "-1", "6" (tcp), "17" (udp), ...
  bool egress = false;
  bool allow = false;
  std::string ipv4_cidr;
  std::string ipv6_cidr;
  int from_port = -1;  // -1/-1 when the entry has no port range (all ports)
  int to_port = -1;
};

struct NetworkAcl {
  std::string id;
  std::string vpc_id;
  std::string arn;
  bool is_default = false;
  std::vector<NetworkAclEntry> entries;
  std::vector<std::string> subnet_ids;
  Tags tags;
};

struct NetworkInterface {
  std::string id;
  std::vector<std::string> group_ids;
  std::string public_ip;  // from the association (public IP or Elastic IP); empty when none
  std::string private_ip;
  std::string subnet_id;
};

struct Instance {
  std::string id;
  std::string arn;
  std::string state;  // "running", "stopped", ...
  std::string vpc_id;
  std::string subnet_id;
  std::string public_ip;               // instance-level public IP (or Elastic IP)
  std::vector<std::string> group_ids;  // instance-level list
  std::vector<NetworkInterface> interfaces;
  std::string http_tokens;    // "required" / "optional" (IMDSv2)
  std::string http_endpoint;  // "enabled" / "disabled"
  std::string instance_profile_arn;
  Tags tags;
};

struct Vpc {
  std::string id;
  std::string arn;
  std::string cidr;
  bool is_default = false;
  Tags tags;
};

struct VpcPeering {
  std::string id;
  std::string status;  // "active", "pending-acceptance", "deleted", ...
  std::string requester_vpc_id, requester_owner_id, requester_region, requester_cidr;
  std::string accepter_vpc_id, accepter_owner_id, accepter_region, accepter_cidr;
  Tags tags;
};

// ---- Load balancing and WAF --------------------------------------------

struct LoadBalancer {
  std::string arn;
  std::string name;
  std::string type;    // "application", "network", "gateway"
  std::string scheme;  // "internet-facing", "internal"
  std::string vpc_id;
  std::string dns_name;

  // An application load balancer reachable from the internet: what WAF protects.
  bool internet_facing_application() const { return type == "application" && scheme == "internet-facing"; }
};

// ---- Security Hub and Identity Center -----------------------------------

struct SecurityHubState {
  bool enabled = false;
  std::string hub_arn;
  std::vector<std::string> standards;  // enabled standards' ARNs
};

// Security Hub's findings, read on their own so that checking whether the
// hub is on costs no finding query.
struct SecurityHubFindings {
  bool hub_enabled = false;  // false: the region is not subscribed (nothing counted)
  // Active (workflow NEW/NOTIFIED, record state ACTIVE) findings by severity label.
  std::map<std::string, int> active_by_severity;
};

struct SsoInstance {
  std::string instance_arn;
  std::string identity_store_id;
  std::string region;
};

// ---- Storage: S3, Macie, RDS, EFS ---------------------------------------

// S3 Block Public Access, of an account (s3control) or of one bucket.
struct PublicAccessBlock {
  bool block_public_acls = false;
  bool ignore_public_acls = false;
  bool block_public_policy = false;
  bool restrict_public_buckets = false;

  bool all_on() const {
    return block_public_acls && ignore_public_acls && block_public_policy && restrict_public_buckets;
  }
};

// One grant of a bucket ACL.
struct AclGrant {
  std::string grantee_type;  // "CanonicalUser", "Group", "AmazonCustomerByEmail"
  std::string grantee_uri;   // for groups: "http://acs.amazonaws.com/groups/global/AllUsers"
  std::string grantee_id;    // for canonical users
  std::string permission;    // "READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL"
};

struct BucketVersioning {
  std::string status;      // "Enabled", "Suspended", or "" (never enabled)
  std::string mfa_delete;  // "Enabled", "Disabled", or "" (never set)
};

// A bucket and what its per-bucket calls returned. Each facet is its own
// Collected: a call denied on one bucket makes only that bucket ERROR. A
// facet no enabled check needs is left uncollected (no value, no error).
struct Bucket {
  std::string name;
  std::string region;  // from ListBuckets' BucketRegion or GetBucketLocation ("" -> us-east-1, "EU" -> eu-west-1)
  std::string arn;     // "arn:aws:s3:::name"
  // The policy JSON; nullopt when the bucket has none.
  Collected<std::optional<std::string>> policy;
  Collected<std::vector<AclGrant>> acl;
  // nullopt when the bucket has no Block Public Access configuration.
  Collected<std::optional<PublicAccessBlock>> public_access_block;
  Collected<BucketVersioning> versioning;
};

struct StorageInventory {
  // Buckets in the scanned regions (ListBuckets is account-wide; buckets
  // elsewhere are left out).
  Collected<std::vector<Bucket>> buckets;
  // nullopt when the account has no Block Public Access configuration.
  Collected<std::optional<PublicAccessBlock>> account_public_access_block;
};

// Macie in one region (GetMacieSession).
struct MacieStatus {
  bool enabled = false;  // status ENABLED
  std::string status;    // "ENABLED", "PAUSED", or "" when Macie was never enabled
};

struct DbInstance {
  std::string id;  // DBInstanceIdentifier
  std::string arn;
  std::string engine;
  bool storage_encrypted = false;
  bool auto_minor_version_upgrade = false;
  bool publicly_accessible = false;
  bool multi_az = false;
  Tags tags;
};

struct FileSystem {
  std::string id;  // "fs-..."
  std::string arn;
  std::string name;
  bool encrypted = false;
  std::string kms_key_id;
  Tags tags;
};

// Everything collected in one region.
struct RegionInventory {
  std::string region;
  Collected<std::vector<SecurityGroup>> security_groups;
  Collected<std::vector<NetworkAcl>> network_acls;
  Collected<std::vector<Instance>> instances;
  Collected<std::vector<Vpc>> vpcs;
  Collected<std::vector<VpcPeering>> vpc_peerings;
  Collected<std::vector<LoadBalancer>> load_balancers;
  // The WAFv2 web ACL protecting each internet-facing ALB, by ALB ARN; an
  // unprotected ALB is absent.
  Collected<std::map<std::string, std::string>> web_acl_by_resource;
  Collected<SecurityHubState> security_hub;
  Collected<SecurityHubFindings> security_hub_findings;
  Collected<std::vector<SsoInstance>> sso_instances;
  // Storage. Macie is asked only in regions holding buckets; elsewhere the
  // section is left uncollected.
  Collected<MacieStatus> macie;
  Collected<std::vector<DbInstance>> db_instances;
  Collected<std::vector<FileSystem>> file_systems;
};

// ---- IAM (global) --------------------------------------------------------

struct InlinePolicy {
  std::string name;
  std::string document;  // policy JSON, URL-decoded
};

struct ManagedPolicy {
  std::string arn;
  std::string name;
  bool aws_managed = false;  // arn:aws:iam::aws:policy/...
  int attachment_count = 0;
  std::string default_version_document;  // policy JSON, URL-decoded
};

struct IamUser {
  std::string name;
  std::string arn;
  std::string id;
  std::vector<std::string> attached_policy_arns;
  std::vector<InlinePolicy> inline_policies;
  std::vector<std::string> groups;
};

struct IamGroup {
  std::string name;
  std::string arn;
  std::vector<std::string> attached_policy_arns;
  std::vector<InlinePolicy> inline_policies;
};

struct IamRole {
  std::string name;
  std::string arn;
  std::vector<std::string> attached_policy_arns;
  std::vector<InlinePolicy> inline_policies;
  std::string assume_role_policy_document;
};

// From GetAccountAuthorizationDetails: principals with their policies.
struct AuthorizationDetails {
  std::vector<IamUser> users;
  std::vector<IamGroup> groups;
  std::vector<IamRole> roles;
  std::vector<ManagedPolicy> policies;  // customer-managed and attached AWS-managed
};

// From GetAccountSummary.
struct AccountSummary {
  bool root_access_keys_present = false;
  bool root_mfa_enabled = false;
  std::map<std::string, long> values;  // every SummaryMap entry
};

struct PasswordPolicy {
  int minimum_length = 0;
  int reuse_prevention = 0;  // 0: not set
  bool require_symbols = false, require_numbers = false, require_uppercase = false, require_lowercase = false;
  int max_age_days = 0;  // 0: passwords never expire
};

struct VirtualMfaDevice {
  std::string serial_number;
  std::string user_arn;  // "arn:aws:iam::123456789012:root" for the root user's device
};

// One row of the IAM credential report. Tri-state fields are optional:
// nullopt for "N/A", "not_supported" or "no_information".
struct CredentialReportRow {
  std::string user;  // "<root_account>" for root
  std::string arn;
  std::optional<bool> password_enabled;
  std::optional<bool> mfa_active;
  std::string password_last_used;  // ISO 8601 or empty
  std::optional<bool> access_key_1_active;
  std::optional<bool> access_key_2_active;
  std::string access_key_1_last_used, access_key_2_last_used;
  std::string access_key_1_last_rotated, access_key_2_last_rotated;
  std::string user_creation_time;
};

struct IamInventory {
  Collected<AccountSummary> account_summary;
  // The value is nullopt when the account has no password policy at all.
  Collected<std::optional<PasswordPolicy>> password_policy;
  Collected<AuthorizationDetails> authorization;
  Collected<std::vector<VirtualMfaDevice>> virtual_mfa_devices;
  Collected<std::vector<CredentialReportRow>> credential_report;
};

struct Inventory {
  std::string account_id;
  std::string partition = "aws";
  // When collection started (Unix seconds): "now" for checks about ages.
  std::int64_t collected_at = 0;
  IamInventory iam;
  StorageInventory storage;  // S3, account-wide
  std::vector<RegionInventory> regions;
  // Every failed call, in the order seen (the report's "errors" section).
  std::vector<CollectionError> errors;

  const RegionInventory* region(const std::string& name) const {
    for (const auto& r : regions) {
      if (r.region == name) return &r;
    }
    return nullptr;
  }
};

}  // namespace posture::inventory
