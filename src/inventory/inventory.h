// The Inventory: everything a scan knows about one AWS account, as typed
// values. Collectors (src/collect) fill it from AWS; src/iac fills it from
// Terraform and CloudFormation; checks (src/checks) only read it.
//
// The inventory is grouped by service, and every group member is a section
// (a Collected<T>, collected.h) named "<group>.<member>": inventory.iam
// .password_policy is "iam.password_policy", region.ec2.security_groups is
// "ec2.security_groups". sections.h lists every section once (its service,
// operations and scope); a section added here needs its row there. Items of
// some sections carry per-resource facets of their own (Bucket::policy,
// Trail::logging: "s3.buckets.policy", "cloudtrail.trails.logging").
//
// An Inventory is built on one thread (or with per-section synchronisation
// by the collector scheduler) and is immutable and freely shareable once
// built.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inventory/collected.h"

namespace posture::inventory {

using Tags = std::map<std::string, std::string>;

// ---- EC2 and VPC ----------------------------------------------------------------

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
  // Every IPv4 and IPv6 block of each side (CidrBlockSet, Ipv6CidrBlockSet;
  // the primary block first).
  std::vector<std::string> requester_cidrs, accepter_cidrs;
};

struct Volume {
  std::string id;  // "vol-..."
  std::string arn;
  std::string state;  // "creating", "available", "in-use", "deleting", "deleted", "error"
  bool encrypted = false;
  std::string kms_key_id;
  int size_gib = 0;
  std::vector<std::string> attached_instance_ids;
  Tags tags;
};

// GetEbsEncryptionByDefault of one region.
struct EbsDefaultEncryption {
  bool enabled = false;
};

struct FlowLog {
  std::string id;                // "fl-..."
  std::string resource_id;       // the VPC, subnet or network interface it watches
  std::string traffic_type;      // "ACCEPT", "REJECT", "ALL"
  std::string status;            // FlowLogStatus: "ACTIVE"
  std::string deliver_status;    // DeliverLogsStatus: "SUCCESS", "FAILED"
  std::string destination_type;  // "cloud-watch-logs", "s3", "kinesis-data-firehose"
  std::string destination;       // log group name or destination ARN
};

struct Route {
  std::string destination_ipv4;  // "0.0.0.0/0"
  std::string destination_ipv6;  // "::/0"
  std::string destination_prefix_list_id;
  // The target: exactly one of these is usually set.
  std::string gateway_id;  // "igw-...", "vgw-...", "local", a VPC endpoint
  std::string egress_only_gateway_id;
  std::string nat_gateway_id;
  std::string transit_gateway_id;
  std::string vpc_peering_connection_id;  // "pcx-..."
  std::string instance_id;
  std::string network_interface_id;
  std::string state;  // "active", "blackhole"
  std::string origin;

  // "0.0.0.0/0", "::/0" or the prefix list: whichever is set.
  const std::string& destination() const {
    if (!destination_ipv4.empty()) return destination_ipv4;
    if (!destination_ipv6.empty()) return destination_ipv6;
    return destination_prefix_list_id;
  }
};

struct RouteTable {
  std::string id;  // "rtb-..."
  std::string vpc_id;
  std::string owner_id;
  std::string arn;
  bool main = false;  // the VPC's main route table
  std::vector<std::string> subnet_ids;
  std::vector<Route> routes;
  Tags tags;
};

struct Ec2Sections {
  Collected<std::vector<SecurityGroup>> security_groups;
  Collected<std::vector<NetworkAcl>> network_acls;
  Collected<std::vector<Instance>> instances;
  Collected<std::vector<Vpc>> vpcs;
  Collected<std::vector<VpcPeering>> vpc_peerings;
  Collected<std::vector<Volume>> volumes;
  Collected<EbsDefaultEncryption> ebs_default_encryption;
  Collected<std::vector<FlowLog>> flow_logs;
  Collected<std::vector<RouteTable>> route_tables;
};

// ---- Load balancing, WAF and the public edge ------------------------------------

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

struct Elbv2Sections {
  Collected<std::vector<LoadBalancer>> load_balancers;
};

struct Wafv2Sections {
  // The WAFv2 web ACL protecting each internet-facing ALB, by ALB ARN; an
  // unprotected ALB is absent.
  Collected<std::map<std::string, std::string>> web_acl_by_resource;
};

struct CloudFrontDistribution {
  std::string id;
  std::string arn;
  std::string domain_name;
  std::string web_acl_id;  // WAFv2 web ACL ARN or classic WAF id; empty: none
  bool enabled = false;
  std::string status;
};

// CloudFront is global: its distributions are listed once per account.
struct CloudFrontSections {
  Collected<std::vector<CloudFrontDistribution>> distributions;
};

// One stage of an API Gateway REST API.
struct ApiGatewayStage {
  std::string rest_api_id;
  std::string rest_api_name;
  std::vector<std::string> endpoint_types;  // "EDGE", "REGIONAL", "PRIVATE"
  std::string stage_name;
  std::string arn;          // arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>
  std::string web_acl_arn;  // empty: none

  // Reachable from the internet: an edge-optimized or regional endpoint.
  bool is_public() const {
    for (const auto& type : endpoint_types) {
      if (type == "EDGE" || type == "REGIONAL") return true;
    }
    return endpoint_types.empty();  // AWS's default endpoint type is EDGE
  }
};

struct ApiGatewaySections {
  // Stages of public (EDGE or REGIONAL) REST APIs only: private APIs cost no call.
  Collected<std::vector<ApiGatewayStage>> stages;
};

struct NetworkFirewall {
  std::string name;
  std::string arn;
};

struct NetworkFirewallSections {
  Collected<std::vector<NetworkFirewall>> firewalls;
};

// ---- Security Hub, IAM Identity Center, IAM Access Analyzer ---------------------

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

struct SecurityHubSections {
  Collected<SecurityHubState> hub;
  Collected<SecurityHubFindings> findings;
};

struct IdentityCenterInstance {
  std::string instance_arn;
  std::string identity_store_id;
  std::string region;
};

// The IAM Identity Center instances of one region (sso-admin ListInstances).
struct IdentityCenterSections {
  Collected<std::vector<IdentityCenterInstance>> instances;
};

struct AccessAnalyzer {
  std::string arn;
  std::string name;
  std::string type;    // "ACCOUNT", "ORGANIZATION", "ACCOUNT_UNUSED_ACCESS", ...
  std::string status;  // "ACTIVE", "CREATING", "DISABLED", "FAILED"
};

struct AccessAnalyzerSections {
  Collected<std::vector<AccessAnalyzer>> analyzers;
};

// ---- Logging and monitoring: CloudTrail, CloudWatch, Config, KMS, GuardDuty -----

// A classic event selector (GetEventSelectors' EventSelectors).
struct TrailDataResource {
  std::string type;                 // "AWS::S3::Object"
  std::vector<std::string> values;  // "arn:aws:s3" (all buckets), "arn:aws:s3:::bucket/"
};

struct EventSelector {
  std::string read_write_type = "All";  // "All", "ReadOnly", "WriteOnly"
  bool include_management_events = true;
  std::vector<TrailDataResource> data_resources;
  std::vector<std::string> exclude_management_event_sources;
};

// One field condition of an advanced event selector.
struct FieldSelector {
  std::string field;  // "eventCategory", "readOnly", "resources.type", ...
  std::vector<std::string> equals, not_equals, starts_with, not_starts_with, ends_with, not_ends_with;
};

struct AdvancedEventSelector {
  std::string name;
  std::vector<FieldSelector> fields;
};

// A trail records the events of either list: AWS returns one or the other.
struct TrailSelectors {
  std::vector<EventSelector> event_selectors;
  std::vector<AdvancedEventSelector> advanced;
};

// Where a trail's S3 bucket sends its server access logs.
struct BucketLogging {
  std::string bucket;
  std::string region;         // from GetBucketLocation
  std::string target_bucket;  // empty: access logging off
};

struct MetricFilter {
  std::string name;
  std::string log_group;
  std::string pattern;
  std::string metric_name;  // of the first metric transformation
  std::string metric_namespace;
};

struct MetricAlarm {
  std::string name;
  std::string arn;
  std::string metric_name;
  std::string metric_namespace;
  std::vector<std::string> alarm_actions;  // ARNs (SNS topics, ...)
};

// What alerts on a trail's CloudWatch Logs log group: its metric filters,
// the alarms on their metrics and, per SNS topic those alarms notify, the
// number of confirmed subscriptions.
struct TrailMonitoring {
  std::string log_group_name;
  std::string region;  // the log group's region
  std::vector<MetricFilter> filters;
  std::vector<MetricAlarm> alarms;                // only alarms on a filter's metric
  std::map<std::string, int> confirmed_by_topic;  // topic ARN -> confirmed subscriptions
};

// A trail, collected once: in its home region (see cloudtrail_collector.cc).
// The per-trail parts are collected only when a check needs them; a part
// neither set nor failed was not asked for or does not apply (monitoring:
// only multi-region trails with a log group).
struct Trail {
  std::string name;
  std::string arn;
  std::string home_region;
  bool multi_region = false;
  bool organization_trail = false;
  bool log_file_validation = false;
  std::string s3_bucket;
  std::string kms_key_id;     // empty: SSE-S3 only
  std::string log_group_arn;  // CloudWatchLogsLogGroupArn, empty when none
  Collected<bool> logging;    // GetTrailStatus IsLogging
  Collected<TrailSelectors> selectors;
  Collected<BucketLogging> bucket_logging;
  Collected<TrailMonitoring> monitoring;
};

struct CloudTrailSections {
  Collected<std::vector<Trail>> trails;  // trails collected in this region (see Trail)
};

struct ConfigRecorder {
  std::string name;
  bool all_supported = false;
  bool include_global_resource_types = false;
  bool recording = false;   // DescribeConfigurationRecorderStatus
  std::string last_status;  // "SUCCESS", "FAILURE", "PENDING", ""
};

struct ConfigSections {
  Collected<std::vector<ConfigRecorder>> recorders;
};

// An enabled customer-managed symmetric KMS key: the keys whose rotation
// CIS asks about (AWS-managed, asymmetric, HMAC and disabled keys are left out).
struct KmsKey {
  std::string id;
  std::string arn;
  bool rotation_enabled = false;
};

struct KmsSections {
  Collected<std::vector<KmsKey>> keys;
};

struct GuardDutyDetector {
  std::string id;
  std::string status;  // "ENABLED", "DISABLED"
};

struct GuardDutySections {
  Collected<std::vector<GuardDutyDetector>> detectors;
};

// ---- Storage: S3, Macie, RDS, EFS -----------------------------------------------

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

// A bucket's server access logging (GetBucketLogging).
struct ServerAccessLogging {
  std::string target_bucket;  // empty: access logging off
  std::string target_prefix;
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
  Collected<ServerAccessLogging> logging;
};

struct S3Sections {
  // Buckets in the scanned regions (ListBuckets is account-wide; buckets
  // elsewhere are left out).
  Collected<std::vector<Bucket>> buckets;
};

struct S3ControlSections {
  // nullopt when the account has no Block Public Access configuration.
  Collected<std::optional<PublicAccessBlock>> account_public_access_block;
};

// Macie in one region (GetMacieSession).
struct MacieStatus {
  bool enabled = false;  // status ENABLED
  std::string status;    // "ENABLED", "PAUSED", or "" when Macie was never enabled
};

// Macie is asked only in regions holding buckets; elsewhere the section is
// left uncollected.
struct MacieSections {
  Collected<MacieStatus> session;
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

struct RdsSections {
  Collected<std::vector<DbInstance>> db_instances;
};

struct FileSystem {
  std::string id;  // "fs-..."
  std::string arn;
  std::string name;
  bool encrypted = false;
  std::string kms_key_id;
  Tags tags;
};

struct EfsSections {
  Collected<std::vector<FileSystem>> file_systems;
};

// ---- IAM and the account (global) -----------------------------------------------

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
struct IamAccountSummary {
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
  std::string password_last_changed;  // ISO 8601 or empty
};

// From ListServerCertificates.
struct ServerCertificate {
  std::string name;
  std::string arn;
  std::string expiration;  // ISO 8601, as AWS sends it
};

// SAML and OpenID Connect identity providers (ListSAMLProviders,
// ListOpenIDConnectProviders): their ARNs.
struct IdentityProviders {
  std::vector<std::string> saml;
  std::vector<std::string> oidc;
};

// The account's SECURITY alternate contact (account:GetAlternateContact).
struct AlternateContact {
  std::string name;
  std::string email;
  std::string phone;
  std::string title;
};

struct IamSections {
  Collected<IamAccountSummary> account_summary;
  // The value is nullopt when the account has no password policy at all.
  Collected<std::optional<PasswordPolicy>> password_policy;
  Collected<AuthorizationDetails> authorization;
  Collected<std::vector<VirtualMfaDevice>> virtual_mfa_devices;
  Collected<std::vector<CredentialReportRow>> credential_report;
  Collected<std::vector<ServerCertificate>> server_certificates;
  Collected<IdentityProviders> identity_providers;
};

struct AccountSections {
  // nullopt: no SECURITY contact is registered.
  Collected<std::optional<AlternateContact>> security_contact;
};

// ---- AWS Organizations and IAM Identity Center ----------------------------------

// Collected from the account that manages the organization (the management
// account or a delegated administrator); a member account's own scan leaves
// these uncollected.

// The root or an organizational unit.
struct OrganizationalUnit {
  std::string id;         // "r-ab12" for the root, "ou-ab12-cdef3456" for an OU
  std::string name;       // "Root" for the root
  std::string parent_id;  // "" for the root
};

struct OrgAccount {
  std::string id;
  std::string arn;
  std::string name;
  std::string email;
  std::string status;     // "ACTIVE", "SUSPENDED" or "PENDING_CLOSURE"
  std::string parent_id;  // the root or OU holding the account directly
  Tags tags;
};

struct Organization {
  std::string id;  // "o-abcdef1234"
  std::string arn;
  std::string management_account_id;
  std::string root_id;
  bool scps_enabled = false;              // SERVICE_CONTROL_POLICY is enabled on the root
  std::vector<OrganizationalUnit> units;  // the root and every OU
  std::vector<OrgAccount> accounts;       // every account, whatever its status
};

struct ServiceControlPolicy {
  std::string id;  // "p-FullAWSAccess"
  std::string arn;
  std::string name;
  bool aws_managed = false;             // FullAWSAccess
  std::vector<std::string> target_ids;  // the roots, OUs and accounts it is attached to
};

// A permission set's permissions boundary: an AWS managed policy or a
// customer managed policy (by path and name, which every account resolves).
struct PermissionsBoundary {
  std::string managed_policy_arn;
  std::string customer_policy_name;  // "/path/Name"
};

struct PermissionSet {
  std::string arn;
  std::string name;
  std::string instance_arn;
  std::vector<std::string> managed_policy_arns;
  std::string inline_policy;                           // policy JSON; "" when none
  std::vector<std::string> customer_managed_policies;  // "/path/Name"
  std::optional<PermissionsBoundary> boundary;
};

// One principal given one permission set in one account.
struct AccountAssignment {
  std::string account_id;
  std::string permission_set_arn;
  std::string principal_type;  // "USER" or "GROUP"
  std::string principal_id;
  std::string principal_name;  // UserName or DisplayName from the identity store; "" when unresolved
};

struct IdentityCenter {
  std::vector<PermissionSet> permission_sets;
  std::vector<AccountAssignment> assignments;
};

struct OrganizationsSections {
  Collected<Organization> structure;                  // the OU tree and accounts
  Collected<std::vector<ServiceControlPolicy>> scps;  // service control policies and their targets
  // Identity Center permission sets, account assignments and principal names.
  Collected<IdentityCenter> identity_center;
};

// In an organization scan, a member account's place in the organization.
struct OrgMembership {
  std::string organization_id;
  std::string account_name;
  std::string ou_path;  // "Root/Workloads/Prod"
  Tags account_tags;
  // The organization's Identity Center instances (in the management
  // account), which serve every member account.
  std::vector<IdentityCenterInstance> identity_center_instances;
};

// ---- The inventory --------------------------------------------------------------

// Everything collected in one region.
struct RegionInventory {
  std::string region;
  Ec2Sections ec2;
  Elbv2Sections elbv2;
  Wafv2Sections wafv2;
  ApiGatewaySections apigateway;
  NetworkFirewallSections network_firewall;
  SecurityHubSections securityhub;
  IdentityCenterSections identity_center;
  AccessAnalyzerSections accessanalyzer;
  CloudTrailSections cloudtrail;
  ConfigSections config;
  KmsSections kms;
  GuardDutySections guardduty;
  MacieSections macie;
  RdsSections rds;
  EfsSections efs;
};

struct Inventory {
  std::string account_id;
  std::string partition = "aws";
  // When collection started (Unix seconds): "now" for checks about ages.
  std::int64_t collected_at = 0;
  // Account-wide sections.
  IamSections iam;
  AccountSections account;
  S3Sections s3;
  S3ControlSections s3control;
  CloudFrontSections cloudfront;
  // The organization this account manages (management account or delegated
  // administrator); uncollected elsewhere.
  OrganizationsSections organizations;
  std::vector<RegionInventory> regions;
  // Set in organization scans only.
  std::optional<OrgMembership> membership;
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
