// The storage and logging mapper: Resource values as each reader gives them
// (Terraform plan with unknown/reference markers, state with real names,
// CloudFormation with Reference markers) into the inventory, joins of the
// split S3 resources, unknown marking, equal comparables, and the real
// checks' PASS and FAIL on the result.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "checks/check.h"
#include "iac/mapping.h"
#include "mapping_builders.h"

namespace posture::iac {
namespace {

using checks::FindingStatus;
using nlohmann::json;

// The findings of one check, by resource id: "PASS", "FAIL" or "ERROR" (several joined by ",").
std::map<std::string, std::string> StorageRun(const inventory::Inventory& inventory, const char* check_id) {
  const checks::Check* check = checks::FindCheck(check_id);
  EXPECT_NE(check, nullptr) << check_id;
  std::map<std::string, std::string> out;
  if (check == nullptr) return out;
  for (const auto& finding : checks::EvaluateChecks(inventory, {check})) {
    std::string& status = out[finding.resource_id];
    if (!status.empty()) status += ",";
    status += checks::StatusName(finding.status);
  }
  return out;
}

const ResourceInfo& StorageInfo(const IacInventory& iac, const std::string& id) {
  const ResourceInfo* info = FindResource(iac, id);
  EXPECT_NE(info, nullptr) << id;
  static const ResourceInfo kNone;
  return info == nullptr ? kNone : *info;
}

const inventory::Bucket* StorageBucket(const IacInventory& iac, const std::string& name) {
  if (!iac.inventory.s3.buckets.ok()) return nullptr;
  for (const auto& bucket : *iac.inventory.s3.buckets) {
    if (bucket.name == name) return &bucket;
  }
  return nullptr;
}

// Comparables with every spelling of one resource replaced by its label.
std::vector<json> StorageComparables(const IacInventory& iac, const std::map<std::string, std::string>& labels) {
  std::vector<json> out;
  for (const auto& object : Comparables(iac.inventory, [&](const std::string& id) {
         auto it = labels.find(id);
         return it == labels.end() ? id : it->second;
       })) {
    out.push_back(
        {{"type", object.type}, {"id", object.id}, {"region", object.region}, {"attributes", object.attributes}});
  }
  std::sort(out.begin(), out.end(), [](const json& a, const json& b) { return a.dump() < b.dump(); });
  return out;
}

// ---- S3 ---------------------------------------------------------------------

const char* kStorageTlsPolicy =
    R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*",)"
    R"("Action":"s3:*","Resource":["arn:aws:s3:::posture-logs","arn:aws:s3:::posture-logs/*"],)"
    R"("Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})";

json StorageTlsPolicyObject(json bucket_arn) {
  json policy = json::parse(kStorageTlsPolicy);
  policy["Statement"][0]["Resource"] = json::array({std::move(bucket_arn), "arn:aws:s3:::posture-logs/*"});
  return policy;
}

std::vector<Resource> StorageSplitPlan() {
  const json ref = AfterApplyReference("aws_s3_bucket.logs");
  // The provider's computed placeholders of a new bucket: not set by the configuration.
  return {MakeResource("aws_s3_bucket.logs", "aws_s3_bucket",
                       {{"bucket", "posture-logs"},
                        {"id", Unknown("known after apply")},
                        {"arn", Unknown("known after apply")},
                        {"policy", Unknown("known after apply")},
                        {"grant", Unknown("known after apply")},
                        {"versioning", Unknown("known after apply")},
                        {"logging", Unknown("known after apply")},
                        {"acl", nullptr}}),
          MakeResource("aws_s3_bucket_public_access_block.logs", "aws_s3_bucket_public_access_block",
                       {{"bucket", ref},
                        {"block_public_acls", true},
                        {"ignore_public_acls", true},
                        {"block_public_policy", true},
                        {"restrict_public_buckets", false}}),
          MakeResource("aws_s3_bucket_policy.logs", "aws_s3_bucket_policy",
                       {{"bucket", ref}, {"policy", kStorageTlsPolicy}}),
          MakeResource("aws_s3_bucket_versioning.logs", "aws_s3_bucket_versioning",
                       {{"bucket", ref}, {"versioning_configuration", json::array({{{"status", "Enabled"}}})}})};
}

std::vector<Resource> StorageSplitState() {
  // State: the bucket by its real name, the policy as AWS normalised it (other key order, spacing).
  const json policy = json::parse(kStorageTlsPolicy);
  return {
      StateResource("aws_s3_bucket.logs", "aws_s3_bucket",
                    {{"bucket", "posture-logs"},
                     {"id", "posture-logs"},
                     {"arn", "arn:aws:s3:::posture-logs"},
                     {"policy", policy.dump(2)},
                     {"grant", json::array({{{"id", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
                                             {"type", "CanonicalUser"},
                                             {"uri", ""},
                                             {"permissions", {"FULL_CONTROL"}}}})},
                     {"versioning", json::array({{{"enabled", true}, {"mfa_delete", false}}})},
                     {"logging", json::array()}}),
      StateResource("aws_s3_bucket_public_access_block.logs", "aws_s3_bucket_public_access_block",
                    {{"bucket", "posture-logs"},
                     {"id", "posture-logs"},
                     {"block_public_acls", true},
                     {"ignore_public_acls", true},
                     {"block_public_policy", true},
                     {"restrict_public_buckets", false}}),
      StateResource("aws_s3_bucket_policy.logs", "aws_s3_bucket_policy",
                    {{"bucket", "posture-logs"}, {"id", "posture-logs"}, {"policy", policy.dump()}}),
      StateResource("aws_s3_bucket_versioning.logs", "aws_s3_bucket_versioning",
                    {{"bucket", "posture-logs"},
                     {"id", "posture-logs"},
                     {"versioning_configuration", json::array({{{"status", "Enabled"}, {"mfa_delete", nullptr}}})}})};
}

std::vector<Resource> StorageSplitTemplate() {
  return {TemplateResource("LogsBucket", "AWS::S3::Bucket",
                           {{"BucketName", "posture-logs"},
                            {"PublicAccessBlockConfiguration",
                             {{"BlockPublicAcls", true},
                              {"IgnorePublicAcls", true},
                              {"BlockPublicPolicy", true},
                              {"RestrictPublicBuckets", false}}},
                            {"VersioningConfiguration", {{"Status", "Enabled"}}}}),
          TemplateResource("LogsBucketPolicy", "AWS::S3::BucketPolicy",
                           {{"Bucket", Reference("LogsBucket")},
                            {"PolicyDocument", StorageTlsPolicyObject(Reference("LogsBucket", "Arn"))}})};
}

const std::map<std::string, std::string> kStorageSplitLabels = {
    {"aws_s3_bucket.logs", "logs"}, {"LogsBucket", "logs"}, {"posture-logs", "logs"}};

void StorageExpectSplitBucket(const IacInventory& iac) {
  const inventory::Bucket* bucket = StorageBucket(iac, "posture-logs");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->arn, "arn:aws:s3:::posture-logs");
  EXPECT_EQ(bucket->region, "us-east-1");
  ASSERT_TRUE(bucket->policy.ok());
  ASSERT_TRUE(bucket->policy->has_value());
  EXPECT_EQ(json::parse(**bucket->policy), json::parse(kStorageTlsPolicy));
  ASSERT_TRUE(bucket->public_access_block.ok());
  ASSERT_TRUE(bucket->public_access_block->has_value());
  EXPECT_TRUE((*bucket->public_access_block)->block_public_policy);
  EXPECT_FALSE((*bucket->public_access_block)->restrict_public_buckets);
  ASSERT_TRUE(bucket->versioning.ok());
  EXPECT_EQ(bucket->versioning->status, "Enabled");
  ASSERT_TRUE(bucket->acl.ok());
  ASSERT_EQ(bucket->acl->size(), 1u);
  EXPECT_EQ(bucket->acl->front().permission, "FULL_CONTROL");
  EXPECT_TRUE(StorageInfo(iac, "posture-logs").unknown_fields.empty());
  ASSERT_TRUE(iac.inventory.s3control.account_public_access_block.ok());
  EXPECT_FALSE(iac.inventory.s3control.account_public_access_block->has_value());
}

TEST(IacStorageMappingTest, SplitBucketJoinsByReferenceFromAPlan) {
  const IacInventory iac = BuildInventory(StorageSplitPlan());
  StorageExpectSplitBucket(iac);
  EXPECT_EQ(iac.address_of.at("posture-logs"), "aws_s3_bucket.logs");
  EXPECT_EQ(iac.inventory.s3.buckets->size(), 1u);  // split resources make no bucket of their own
  EXPECT_TRUE(iac.unsupported.empty());
}

TEST(IacStorageMappingTest, SplitBucketJoinsByNameFromState) {
  const IacInventory iac = BuildInventory(StorageSplitState());
  StorageExpectSplitBucket(iac);
  EXPECT_EQ(StorageInfo(iac, "posture-logs").real_id, "posture-logs");
}

TEST(IacStorageMappingTest, SplitBucketFromATemplateResolvesTheBucketArnInItsPolicy) {
  const IacInventory iac = BuildInventory(StorageSplitTemplate());
  StorageExpectSplitBucket(iac);
  EXPECT_EQ(iac.address_of.at("posture-logs"), "LogsBucket");
}

TEST(IacStorageMappingTest, SplitBucketComparablesAgreeAcrossPlanStateAndTemplate) {
  const auto plan = StorageComparables(BuildInventory(StorageSplitPlan()), kStorageSplitLabels);
  const auto state = StorageComparables(BuildInventory(StorageSplitState()), kStorageSplitLabels);
  const auto cfn = StorageComparables(BuildInventory(StorageSplitTemplate()), kStorageSplitLabels);
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0]["id"], "logs");
  EXPECT_EQ(plan, state);
  EXPECT_EQ(plan, cfn);
}

TEST(IacStorageMappingTest, SplitBucketChecksPassAndFail) {
  const IacInventory iac = BuildInventory(StorageSplitPlan());
  EXPECT_EQ(StorageRun(iac.inventory, "s3_bucket_secure_transport")["posture-logs"], "PASS");
  // RestrictPublicBuckets is off and no account block is declared.
  EXPECT_EQ(StorageRun(iac.inventory, "s3_public_access_block")["posture-logs"], "FAIL");
  EXPECT_EQ(StorageRun(iac.inventory, "s3_bucket_not_public")["posture-logs"], "PASS");
}

TEST(IacStorageMappingTest, BareBucketGetsTheAwsDefaults) {
  const IacInventory iac = BuildInventory({MakeResource(
      "aws_s3_bucket.bare", "aws_s3_bucket", {{"bucket", "posture-bare"}, {"policy", Unknown("known after apply")}})});
  const inventory::Bucket* bucket = StorageBucket(iac, "posture-bare");
  ASSERT_NE(bucket, nullptr);
  ASSERT_TRUE(bucket->policy.ok());
  EXPECT_FALSE(bucket->policy->has_value());
  ASSERT_TRUE(bucket->public_access_block.ok());
  ASSERT_TRUE(bucket->public_access_block->has_value());
  EXPECT_TRUE((*bucket->public_access_block)->all_on());  // the April 2023 default
  ASSERT_TRUE(bucket->versioning.ok());
  EXPECT_EQ(bucket->versioning->status, "");
  EXPECT_EQ(StorageRun(iac.inventory, "s3_bucket_secure_transport")["posture-bare"], "FAIL");
  EXPECT_EQ(StorageRun(iac.inventory, "s3_public_access_block")["posture-bare"], "PASS");
  EXPECT_EQ(StorageRun(iac.inventory, "s3_bucket_not_public")["posture-bare"], "PASS");
}

TEST(IacStorageMappingTest, UnknownPolicyAndNameAreMarked) {
  const IacInventory iac = BuildInventory(
      {MakeResource("aws_s3_bucket.data", "aws_s3_bucket",
                    {{"bucket", Unknown("known after apply")}, {"bucket_prefix", "data-"}}),
       MakeResource("aws_s3_bucket_policy.data", "aws_s3_bucket_policy",
                    {{"bucket", AfterApplyReference("aws_s3_bucket.data")},
                     {"policy", AfterApplyReference("aws_s3_bucket.data", "arn")}}),
       MakeResource("aws_s3_bucket_public_access_block.data", "aws_s3_bucket_public_access_block",
                    {{"bucket", AfterApplyReference("aws_s3_bucket.data")}, {"block_public_acls", Unknown("var")}})});
  const inventory::Bucket* bucket = StorageBucket(iac, "aws_s3_bucket.data");  // no name yet: the address
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->arn, "");
  EXPECT_FALSE(bucket->policy.ok());
  EXPECT_FALSE(bucket->policy.error.has_value());
  EXPECT_FALSE(bucket->public_access_block.ok());
  EXPECT_TRUE(bucket->acl.ok());
  EXPECT_TRUE(MarkedUnknown(iac, "aws_s3_bucket.data", "Bucket.policy"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_s3_bucket.data", "Bucket.public_access_block"));
  EXPECT_FALSE(MarkedUnknown(iac, "aws_s3_bucket.data", "Bucket.acl"));
  EXPECT_EQ(StorageRun(iac.inventory, "s3_bucket_secure_transport")["aws_s3_bucket.data"], "ERROR");
}

TEST(IacStorageMappingTest, TemplatePolicyWithAnOpaqueUnknownIsUnknown) {
  json document = StorageTlsPolicyObject("arn:aws:s3:::posture-logs");
  document["Statement"][0]["Resource"][1] = Unknown("Fn::Sub");
  const IacInventory iac =
      BuildInventory({TemplateResource("LogsBucket", "AWS::S3::Bucket", {{"BucketName", "posture-logs"}}),
                      TemplateResource("LogsPolicy", "AWS::S3::BucketPolicy",
                                       {{"Bucket", "posture-logs"}, {"PolicyDocument", document}})});
  EXPECT_TRUE(MarkedUnknown(iac, "posture-logs", "Bucket.policy"));
  EXPECT_FALSE(StorageBucket(iac, "posture-logs")->policy.ok());

  const IacInventory unknown_settings =
      BuildInventory({TemplateResource("Other", "AWS::S3::Bucket",
                                       {{"VersioningConfiguration", Unknown("Fn::If")},
                                        {"PublicAccessBlockConfiguration", Unknown("Fn::If")},
                                        {"AccessControl", Unknown("!ImportValue")}})});
  EXPECT_TRUE(MarkedUnknown(unknown_settings, "Other", "Bucket.versioning"));
  EXPECT_TRUE(MarkedUnknown(unknown_settings, "Other", "Bucket.public_access_block"));
  EXPECT_TRUE(MarkedUnknown(unknown_settings, "Other", "Bucket.acl"));
  EXPECT_EQ(StorageRun(unknown_settings.inventory, "s3_bucket_not_public")["Other"], "ERROR");
}

// ---- ACLs ---------------------------------------------------------------------

json StorageOpenBlock(json bucket) {
  return {{"bucket", std::move(bucket)},
          {"block_public_acls", false},
          {"ignore_public_acls", false},
          {"block_public_policy", false},
          {"restrict_public_buckets", false}};
}

std::vector<std::string> StorageGroupGrants(const inventory::Bucket& bucket) {
  std::vector<std::string> out;
  for (const auto& grant : *bucket.acl) {
    if (grant.grantee_type == "Group")
      out.push_back(grant.grantee_uri.substr(grant.grantee_uri.rfind('/') + 1) + ":" + grant.permission);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(IacStorageMappingTest, CannedAclsBecomeTheGrantsAwsCreates) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"private", {}},
      {"public-read", {"AllUsers:READ"}},
      {"public-read-write", {"AllUsers:READ", "AllUsers:WRITE"}},
      {"authenticated-read", {"AuthenticatedUsers:READ"}},
      {"log-delivery-write", {"LogDelivery:READ_ACP", "LogDelivery:WRITE"}}};
  for (const auto& [canned, groups] : cases) {
    const IacInventory iac = BuildInventory({MakeResource("aws_s3_bucket.b", "aws_s3_bucket", {{"bucket", "b"}}),
                                             MakeResource("aws_s3_bucket_acl.b", "aws_s3_bucket_acl",
                                                          {{"bucket", AfterApplyReference("aws_s3_bucket.b")},
                                                           {"acl", canned},
                                                           {"access_control_policy", Unknown("known after apply")}})});
    const inventory::Bucket* bucket = StorageBucket(iac, "b");
    ASSERT_NE(bucket, nullptr);
    ASSERT_TRUE(bucket->acl.ok()) << canned;
    EXPECT_EQ(StorageGroupGrants(*bucket), groups) << canned;
    EXPECT_EQ(bucket->acl->front().permission, "FULL_CONTROL") << canned;  // the owner's own grant
  }
}

TEST(IacStorageMappingTest, PublicAclFailsUnlessBlockPublicAccessIgnoresIt) {
  auto resources = [](bool open_block) {
    std::vector<Resource> out = {MakeResource("aws_s3_bucket.site", "aws_s3_bucket", {{"bucket", "posture-site"}}),
                                 MakeResource("aws_s3_bucket_acl.site", "aws_s3_bucket_acl",
                                              {{"bucket", "posture-site"}, {"acl", "public-read"}})};
    if (open_block) {
      out.push_back(MakeResource("aws_s3_bucket_public_access_block.site", "aws_s3_bucket_public_access_block",
                                 StorageOpenBlock(AfterApplyReference("aws_s3_bucket.site"))));
    }
    return out;
  };
  EXPECT_EQ(StorageRun(BuildInventory(resources(true)).inventory, "s3_bucket_not_public")["posture-site"], "FAIL");
  EXPECT_EQ(StorageRun(BuildInventory(resources(false)).inventory, "s3_bucket_not_public")["posture-site"], "PASS");
}

TEST(IacStorageMappingTest, AclFromStateAccessControlPolicyLegacyInlineAndTemplateAgree) {
  const json owner = {{"id", "79a59df9"}, {"type", "CanonicalUser"}, {"uri", nullptr}};
  const json all_users = {
      {"id", nullptr}, {"type", "Group"}, {"uri", "http://acs.amazonaws.com/groups/global/AllUsers"}};
  const IacInventory state = BuildInventory(
      {StateResource("aws_s3_bucket.site", "aws_s3_bucket", {{"bucket", "posture-site"}, {"id", "posture-site"}}),
       StateResource(
           "aws_s3_bucket_acl.site", "aws_s3_bucket_acl",
           {{"bucket", "posture-site"},
            {"acl", nullptr},
            {"access_control_policy",
             json::array({{{"grant", json::array({{{"grantee", json::array({owner})}, {"permission", "FULL_CONTROL"}},
                                                  {{"grantee", json::array({all_users})}, {"permission", "READ"}}})},
                           {"owner", json::array({{{"id", "79a59df9"}}})}}})}})});
  const IacInventory legacy = BuildInventory(
      {MakeResource("aws_s3_bucket.site", "aws_s3_bucket", {{"bucket", "posture-site"}, {"acl", "public-read"}})});
  const IacInventory grants = BuildInventory({StateResource(
      "aws_s3_bucket.site", "aws_s3_bucket",
      {{"bucket", "posture-site"},
       {"grant",
        json::array({{{"id", "79a59df9"}, {"type", "CanonicalUser"}, {"uri", ""}, {"permissions", {"FULL_CONTROL"}}},
                     {{"id", ""},
                      {"type", "Group"},
                      {"uri", "http://acs.amazonaws.com/groups/global/AllUsers"},
                      {"permissions", {"READ"}}}})}})});
  const IacInventory cfn = BuildInventory(
      {TemplateResource("Site", "AWS::S3::Bucket", {{"BucketName", "posture-site"}, {"AccessControl", "PublicRead"}})});
  const std::map<std::string, std::string> labels = {
      {"aws_s3_bucket.site", "site"}, {"Site", "site"}, {"posture-site", "site"}};
  const auto expected = StorageComparables(state, labels);
  EXPECT_EQ(expected[0]["attributes"]["acl"].size(), 2u);
  EXPECT_EQ(StorageComparables(legacy, labels), expected);
  EXPECT_EQ(StorageComparables(grants, labels), expected);
  EXPECT_EQ(StorageComparables(cfn, labels), expected);
}

TEST(IacStorageMappingTest, AccountBlockIsSetOnlyFromTheFileOrAsNotConfigured) {
  const IacInventory declared =
      BuildInventory({MakeResource("aws_s3_bucket.site", "aws_s3_bucket", {{"bucket", "posture-site"}}),
                      MakeResource("aws_s3_bucket_public_access_block.site", "aws_s3_bucket_public_access_block",
                                   StorageOpenBlock("posture-site")),
                      MakeResource("aws_s3_bucket_acl.site", "aws_s3_bucket_acl",
                                   {{"bucket", "posture-site"}, {"acl", "public-read"}}),
                      MakeResource("aws_s3_account_public_access_block.this", "aws_s3_account_public_access_block",
                                   {{"block_public_acls", true},
                                    {"ignore_public_acls", true},
                                    {"block_public_policy", true},
                                    {"restrict_public_buckets", true}})});
  const auto& account = declared.inventory.s3control.account_public_access_block;
  ASSERT_TRUE(account.ok());
  ASSERT_TRUE(account->has_value());
  EXPECT_TRUE((*account)->all_on());
  // The account's block neutralises the bucket's public ACL.
  EXPECT_EQ(StorageRun(declared.inventory, "s3_bucket_not_public")["posture-site"], "PASS");
  EXPECT_EQ(StorageRun(declared.inventory, "s3_public_access_block")["posture-site"], "PASS");

  const IacInventory bucket_only =
      BuildInventory({MakeResource("aws_s3_bucket.site", "aws_s3_bucket", {{"bucket", "posture-site"}})});
  ASSERT_TRUE(bucket_only.inventory.s3control.account_public_access_block.ok());
  EXPECT_FALSE(bucket_only.inventory.s3control.account_public_access_block->has_value());

  // No bucket: the account's block judges nothing and stays uncollected.
  const IacInventory none = BuildInventory({MakeResource("aws_db_instance.db", "aws_db_instance", json::object())});
  EXPECT_FALSE(none.inventory.s3control.account_public_access_block.ok());
  ASSERT_TRUE(none.inventory.s3.buckets.ok());
  EXPECT_TRUE(none.inventory.s3.buckets->empty());
}

TEST(IacStorageMappingTest, SplitResourceOfABucketOutsideTheRunMakesNoBucket) {
  const IacInventory iac = BuildInventory({MakeResource("aws_s3_bucket_policy.other", "aws_s3_bucket_policy",
                                                        {{"bucket", "someone-elses"}, {"policy", "{}"}})});
  ASSERT_TRUE(iac.inventory.s3.buckets.ok());
  EXPECT_TRUE(iac.inventory.s3.buckets->empty());
  EXPECT_TRUE(iac.unsupported.empty());
}

TEST(IacStorageMappingTest, SplitResourceJoinsItsBucketEvenWhenAnotherResourceSharesTheName) {
  const IacInventory iac = BuildInventory(
      {StateResource("aws_db_instance.app", "aws_db_instance", {{"identifier", "posture-app"}}),
       StateResource("aws_s3_bucket.app", "aws_s3_bucket", {{"bucket", "posture-app"}, {"id", "posture-app"}}),
       StateResource("aws_s3_bucket_policy.app", "aws_s3_bucket_policy",
                     {{"bucket", "posture-app"}, {"policy", kStorageTlsPolicy}})});
  const inventory::Bucket* bucket = StorageBucket(iac, "posture-app");
  ASSERT_NE(bucket, nullptr);
  ASSERT_TRUE(bucket->policy.ok());
  EXPECT_TRUE(bucket->policy->has_value());
}

// ---- RDS and EFS ------------------------------------------------------------------

TEST(IacStorageMappingTest, DbInstanceDefaultsAndChecksFromAPlan) {
  const IacInventory iac = BuildInventory({MakeResource("aws_db_instance.main", "aws_db_instance",
                                                        {{"identifier", "posture-main"},
                                                         {"engine", "postgres"},
                                                         {"multi_az", Unknown("known after apply")},
                                                         {"storage_encrypted", Unknown("known after apply")},
                                                         {"tags", {{"Environment", "prod"}}}})});
  const auto& region = iac.inventory.regions.at(0);
  ASSERT_TRUE(region.rds.db_instances.ok());
  ASSERT_EQ(region.rds.db_instances->size(), 1u);
  const auto& db = region.rds.db_instances->front();
  EXPECT_EQ(db.id, "aws_db_instance.main");
  EXPECT_EQ(db.engine, "postgres");
  EXPECT_FALSE(db.storage_encrypted);
  EXPECT_TRUE(db.auto_minor_version_upgrade);
  EXPECT_FALSE(db.publicly_accessible);
  EXPECT_FALSE(db.multi_az);
  EXPECT_TRUE(StorageInfo(iac, "aws_db_instance.main").unknown_fields.empty());
  EXPECT_EQ(StorageInfo(iac, "aws_db_instance.main").real_id, "posture-main");
  EXPECT_EQ(StorageRun(iac.inventory, "rds_instance_encrypted")["aws_db_instance.main"], "FAIL");
  EXPECT_EQ(StorageRun(iac.inventory, "rds_instance_auto_minor_upgrade")["aws_db_instance.main"], "PASS");
  EXPECT_EQ(StorageRun(iac.inventory, "rds_instance_not_public")["aws_db_instance.main"], "PASS");
  EXPECT_EQ(StorageRun(iac.inventory, "rds_instance_multi_az")["aws_db_instance.main"], "FAIL");
  // Trails and GuardDuty are not declared: their sections stay uncollected.
  EXPECT_FALSE(region.cloudtrail.trails.ok());
  EXPECT_FALSE(region.guardduty.detectors.ok());
  EXPECT_TRUE(region.kms.keys.ok());
  EXPECT_TRUE(region.efs.file_systems.ok());
}

TEST(IacStorageMappingTest, DbInstanceOppositeSettingsFlipEveryCheck) {
  const IacInventory iac =
      BuildInventory({TemplateResource("Db", "AWS::RDS::DBInstance",
                                       {{"Engine", "mysql"},
                                        {"StorageEncrypted", "true"},
                                        {"AutoMinorVersionUpgrade", false},
                                        {"PubliclyAccessible", true},
                                        {"MultiAZ", true},
                                        {"Tags", json::array({{{"Key", "Environment"}, {"Value", "prod"}}})}})});
  EXPECT_EQ(StorageRun(iac.inventory, "rds_instance_encrypted")["Db"], "PASS");
  EXPECT_EQ(StorageRun(iac.inventory, "rds_instance_auto_minor_upgrade")["Db"], "FAIL");
  EXPECT_EQ(StorageRun(iac.inventory, "rds_instance_not_public")["Db"], "FAIL");
  EXPECT_EQ(StorageRun(iac.inventory, "rds_instance_multi_az")["Db"], "PASS");
}

TEST(IacStorageMappingTest, DbInstanceUnknownsAreMarked) {
  const IacInventory iac = BuildInventory(
      {MakeResource("aws_db_instance.a", "aws_db_instance",
                    {{"storage_encrypted", AfterApplyReference("aws_kms_key.k", "enabled")},
                     {"publicly_accessible", Unknown("known after apply")}}),
       MakeResource("aws_db_instance.replica", "aws_db_instance", {{"replicate_source_db", "source-db"}}),
       TemplateResource("CfnDb", "AWS::RDS::DBInstance", {{"Engine", "mysql"}})});
  EXPECT_TRUE(MarkedUnknown(iac, "aws_db_instance.a", "DbInstance.storage_encrypted"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_db_instance.a", "DbInstance.publicly_accessible"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_db_instance.replica", "DbInstance.storage_encrypted"));
  // CloudFormation leaves PubliclyAccessible to the subnets' VPC.
  EXPECT_TRUE(MarkedUnknown(iac, "CfnDb", "DbInstance.publicly_accessible"));
  EXPECT_FALSE(MarkedUnknown(iac, "CfnDb", "DbInstance.storage_encrypted"));
}

TEST(IacStorageMappingTest, DbInstanceComparablesAgreeAcrossPlanStateAndTemplate) {
  const json tags = {{"Environment", "prod"}};
  const IacInventory plan = BuildInventory({MakeResource("aws_db_instance.main", "aws_db_instance",
                                                         {{"identifier", "posture-main"},
                                                          {"engine", "postgres"},
                                                          {"storage_encrypted", true},
                                                          {"multi_az", true},
                                                          {"publicly_accessible", false},
                                                          {"tags", tags},
                                                          {"tags_all", Unknown("known after apply")}})});
  const IacInventory state =
      BuildInventory({StateResource("aws_db_instance.main", "aws_db_instance",
                                    {{"identifier", "posture-main"},
                                     {"engine", "postgres"},
                                     {"storage_encrypted", true},
                                     {"multi_az", true},
                                     {"publicly_accessible", false},
                                     {"auto_minor_version_upgrade", true},
                                     {"tags", tags},
                                     {"tags_all", tags},
                                     {"arn", "arn:aws:rds:us-east-1:123456789012:db:posture-main"}})});
  const IacInventory cfn =
      BuildInventory({TemplateResource("MainDb", "AWS::RDS::DBInstance",
                                       {{"DBInstanceIdentifier", "posture-main"},
                                        {"Engine", "postgres"},
                                        {"StorageEncrypted", true},
                                        {"MultiAZ", true},
                                        {"PubliclyAccessible", false},
                                        {"Tags", json::array({{{"Key", "Environment"}, {"Value", "prod"}}})}})});
  const std::map<std::string, std::string> labels = {{"aws_db_instance.main", "db"}, {"MainDb", "db"}};
  const auto expected = StorageComparables(plan, labels);
  EXPECT_EQ(expected.size(), 1u);
  EXPECT_EQ(StorageComparables(state, labels), expected);
  EXPECT_EQ(StorageComparables(cfn, labels), expected);
}

TEST(IacStorageMappingTest, FileSystemEncryptionFromEachReader) {
  const IacInventory plan = BuildInventory(
      {MakeResource("aws_efs_file_system.plain", "aws_efs_file_system", {{"encrypted", Unknown("known after apply")}}),
       MakeResource("aws_efs_file_system.sealed", "aws_efs_file_system",
                    {{"encrypted", true},
                     {"kms_key_id", AfterApplyReference("aws_kms_key.efs", "arn")},
                     {"tags", {{"Name", "sealed"}}}})});
  EXPECT_EQ(StorageRun(plan.inventory, "efs_encrypted")["aws_efs_file_system.plain"], "FAIL");
  EXPECT_EQ(StorageRun(plan.inventory, "efs_encrypted")["aws_efs_file_system.sealed"], "PASS");
  const auto& systems = *plan.inventory.regions.at(0).efs.file_systems;
  ASSERT_EQ(systems.size(), 2u);
  EXPECT_EQ(systems[1].kms_key_id, "aws_kms_key.efs");
  EXPECT_EQ(systems[1].name, "sealed");

  const IacInventory unknown =
      BuildInventory({TemplateResource("Fs", "AWS::EFS::FileSystem", {{"Encrypted", Unknown("!ImportValue")}})});
  EXPECT_TRUE(MarkedUnknown(unknown, "Fs", "FileSystem.encrypted"));

  const IacInventory state = BuildInventory(
      {StateResource("aws_efs_file_system.sealed", "aws_efs_file_system",
                     {{"id", "fs-0123456789abcdef0"},
                      {"encrypted", true},
                      {"kms_key_id", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
                      {"tags", {{"Name", "sealed"}}}})});
  const IacInventory cfn =
      BuildInventory({TemplateResource("SealedFs", "AWS::EFS::FileSystem",
                                       {{"Encrypted", true},
                                        {"KmsKeyId", Reference("EfsKey", "Arn")},
                                        {"FileSystemTags", json::array({{{"Key", "Name"}, {"Value", "sealed"}}})}})});
  const std::map<std::string, std::string> labels = {
      {"aws_efs_file_system.sealed", "fs"},
      {"SealedFs", "fs"},
      {"fs-0123456789abcdef0", "fs"},
      {"aws_kms_key.efs", "key"},
      {"EfsKey", "key"},
      {"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "key"}};
  EXPECT_EQ(StorageComparables(state, labels), StorageComparables(cfn, labels));
  EXPECT_EQ(StorageInfo(state, "aws_efs_file_system.sealed").real_id, "fs-0123456789abcdef0");
}

// ---- CloudTrail -------------------------------------------------------------------

std::vector<Resource> StorageTrailPlan(bool good) {
  std::vector<Resource> out = {
      MakeResource("aws_s3_bucket.trail", "aws_s3_bucket", {{"bucket", "posture-trail"}}),
      MakeResource("aws_s3_bucket.access", "aws_s3_bucket", {{"bucket", "posture-access"}}),
      MakeResource("aws_cloudtrail.main", "aws_cloudtrail",
                   {{"name", "main"},
                    {"s3_bucket_name", AfterApplyReference("aws_s3_bucket.trail")},
                    {"is_multi_region_trail", good},
                    {"enable_log_file_validation", good},
                    {"kms_key_id", good ? AfterApplyReference("aws_kms_key.trail", "arn") : json(nullptr)},
                    {"event_selector", json::array()},
                    {"advanced_event_selector", json::array()}})};
  if (good) {
    out.push_back(MakeResource("aws_s3_bucket_logging.trail", "aws_s3_bucket_logging",
                               {{"bucket", AfterApplyReference("aws_s3_bucket.trail")},
                                {"target_bucket", AfterApplyReference("aws_s3_bucket.access")},
                                {"target_prefix", "trail/"}}));
  }
  return out;
}

const inventory::Trail& StorageTrail(const IacInventory& iac) {
  for (const auto& region : iac.inventory.regions) {
    if (region.cloudtrail.trails.ok() && !region.cloudtrail.trails->empty()) return region.cloudtrail.trails->front();
  }
  static const inventory::Trail kNone;
  ADD_FAILURE() << "no trail";
  return kNone;
}

TEST(IacStorageMappingTest, TrailWithItsBucketPassesEveryTrailCheck) {
  const IacInventory iac = BuildInventory(StorageTrailPlan(true));
  const inventory::Trail& trail = StorageTrail(iac);
  EXPECT_EQ(trail.name, "aws_cloudtrail.main");
  EXPECT_EQ(trail.s3_bucket, "posture-trail");
  EXPECT_EQ(trail.kms_key_id, "aws_kms_key.trail");
  ASSERT_TRUE(trail.logging.ok());
  EXPECT_TRUE(*trail.logging);
  ASSERT_TRUE(trail.selectors.ok());
  ASSERT_EQ(trail.selectors->event_selectors.size(), 1u);  // AWS's default selector
  EXPECT_EQ(trail.selectors->event_selectors[0].read_write_type, "All");
  ASSERT_TRUE(trail.bucket_logging.ok());
  EXPECT_EQ(trail.bucket_logging->target_bucket, "posture-access");
  EXPECT_FALSE(trail.monitoring.ok());
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_multi_region")["aws_cloudtrail.main"], "PASS");
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_log_validation")["aws_cloudtrail.main"], "PASS");
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_kms_encrypted")["aws_cloudtrail.main"], "PASS");
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_bucket_access_logging")["posture-trail"], "PASS");
}

TEST(IacStorageMappingTest, TrailWithoutTheSettingsFailsEveryTrailCheck) {
  const IacInventory iac = BuildInventory(StorageTrailPlan(false));
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_multi_region")[""], "FAIL");  // the account
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_log_validation")["aws_cloudtrail.main"], "FAIL");
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_kms_encrypted")["aws_cloudtrail.main"], "FAIL");
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_bucket_access_logging")["posture-trail"], "FAIL");
}

TEST(IacStorageMappingTest, TrailSelectorsLoggingAndOutsideBucket) {
  const IacInventory iac = BuildInventory({TemplateResource(
      "Trail", "AWS::CloudTrail::Trail",
      {{"S3BucketName", "bucket-elsewhere"},
       {"IsLogging", false},
       {"IsMultiRegionTrail", true},
       {"EventSelectors", json::array({{{"ReadWriteType", "WriteOnly"}, {"IncludeManagementEvents", true}}})}})});
  const inventory::Trail& trail = StorageTrail(iac);
  EXPECT_EQ(trail.s3_bucket, "bucket-elsewhere");
  EXPECT_FALSE(trail.bucket_logging.ok());
  EXPECT_TRUE(MarkedUnknown(iac, "Trail", "Trail.bucket_logging"));
  EXPECT_EQ(trail.selectors->event_selectors.at(0).read_write_type, "WriteOnly");
  EXPECT_EQ(StorageRun(iac.inventory, "cloudtrail_multi_region")[""], "FAIL");

  const IacInventory advanced = BuildInventory({MakeResource(
      "aws_cloudtrail.adv", "aws_cloudtrail",
      {{"is_multi_region_trail", true},
       {"s3_bucket_name", Unknown("known after apply")},
       {"enable_logging", Unknown("known after apply")},
       {"advanced_event_selector",
        json::array(
            {{{"name", "mgmt"},
              {"field_selector", json::array({{{"field", "eventCategory"}, {"equals", {"Management"}}}})}}})}})});
  const inventory::Trail& adv = StorageTrail(advanced);
  ASSERT_TRUE(adv.selectors.ok());
  ASSERT_EQ(adv.selectors->advanced.size(), 1u);
  EXPECT_TRUE(adv.selectors->event_selectors.empty());
  EXPECT_EQ(adv.selectors->advanced[0].fields.at(0).equals, std::vector<std::string>{"Management"});
  EXPECT_FALSE(adv.logging.ok());
  EXPECT_TRUE(MarkedUnknown(advanced, "aws_cloudtrail.adv", "Trail.logging"));
  EXPECT_TRUE(MarkedUnknown(advanced, "aws_cloudtrail.adv", "Trail.bucket_logging"));
  EXPECT_TRUE(MarkedUnknown(advanced, "aws_cloudtrail.adv", "Trail.s3_bucket"));

  const IacInventory data_refs = BuildInventory({MakeResource(
      "aws_cloudtrail.data", "aws_cloudtrail",
      {{"event_selector",
        json::array({{{"data_resource",
                       json::array({{{"type", "AWS::S3::Object"}, {"values", json::array({Unknown("x")})}}})}}})}})});
  EXPECT_TRUE(MarkedUnknown(data_refs, "aws_cloudtrail.data", "Trail.selectors"));
}

TEST(IacStorageMappingTest, TrailComparablesAgreeAcrossPlanStateAndTemplate) {
  const IacInventory plan = BuildInventory(StorageTrailPlan(true));
  const std::string key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  const IacInventory state = BuildInventory(
      {StateResource("aws_s3_bucket.trail", "aws_s3_bucket", {{"bucket", "posture-trail"}, {"id", "posture-trail"}}),
       StateResource("aws_s3_bucket.access", "aws_s3_bucket", {{"bucket", "posture-access"}, {"id", "posture-access"}}),
       StateResource("aws_s3_bucket_logging.trail", "aws_s3_bucket_logging",
                     {{"bucket", "posture-trail"}, {"target_bucket", "posture-access"}, {"target_prefix", "trail/"}}),
       StateResource(
           "aws_kms_key.trail", "aws_kms_key",
           {{"arn", key_arn}, {"key_id", "1234abcd-12ab-34cd-56ef-1234567890ab"}, {"enable_key_rotation", true}}),
       StateResource("aws_cloudtrail.main", "aws_cloudtrail",
                     {{"name", "main"},
                      {"arn", "arn:aws:cloudtrail:us-east-1:123456789012:trail/main"},
                      {"s3_bucket_name", "posture-trail"},
                      {"is_multi_region_trail", true},
                      {"enable_log_file_validation", true},
                      {"kms_key_id", key_arn},
                      {"enable_logging", true},
                      {"event_selector", json::array({{{"read_write_type", "All"},
                                                       {"include_management_events", true},
                                                       {"data_resource", json::array()},
                                                       {"exclude_management_event_sources", json::array()}}})}})});
  const IacInventory cfn = BuildInventory(
      {TemplateResource("TrailBucket", "AWS::S3::Bucket",
                        {{"BucketName", "posture-trail"},
                         {"LoggingConfiguration",
                          {{"DestinationBucketName", Reference("AccessBucket")}, {"LogFilePrefix", "trail/"}}}}),
       TemplateResource("AccessBucket", "AWS::S3::Bucket", {{"BucketName", "posture-access"}}),
       TemplateResource("TrailKey", "AWS::KMS::Key", {{"EnableKeyRotation", true}}),
       TemplateResource("Trail", "AWS::CloudTrail::Trail",
                        {{"TrailName", "main"},
                         {"S3BucketName", Reference("TrailBucket")},
                         {"IsMultiRegionTrail", true},
                         {"EnableLogFileValidation", true},
                         {"KMSKeyId", Reference("TrailKey", "Arn")},
                         {"IsLogging", true}})});
  const std::map<std::string, std::string> labels = {
      {"aws_cloudtrail.main", "trail"},    {"Trail", "trail"},           {"posture-trail", "trail-bucket"},
      {"posture-access", "access-bucket"}, {"aws_kms_key.trail", "key"}, {"TrailKey", "key"}};
  auto only_trails = [](std::vector<json> all) {
    std::erase_if(all, [](const json& object) { return object["type"] != "AWS::CloudTrail::Trail"; });
    return all;
  };
  const auto expected = only_trails(StorageComparables(plan, labels));
  ASSERT_EQ(expected.size(), 1u);
  EXPECT_EQ(expected[0]["attributes"]["bucket_logging"]["target_bucket"], "access-bucket");
  EXPECT_EQ(only_trails(StorageComparables(state, labels)), expected);
  EXPECT_EQ(only_trails(StorageComparables(cfn, labels)), expected);
}

// ---- KMS and GuardDuty -------------------------------------------------------------

TEST(IacStorageMappingTest, OnlyEnabledSymmetricKeysAreInventoried) {
  const IacInventory iac = BuildInventory(
      {MakeResource("aws_kms_key.rotating", "aws_kms_key", {{"enable_key_rotation", true}}),
       MakeResource("aws_kms_key.static", "aws_kms_key", {{"customer_master_key_spec", "SYMMETRIC_DEFAULT"}}),
       MakeResource("aws_kms_key.signing", "aws_kms_key",
                    {{"customer_master_key_spec", "RSA_2048"}, {"key_usage", "SIGN_VERIFY"}}),
       MakeResource("aws_kms_key.off", "aws_kms_key", {{"is_enabled", false}}),
       TemplateResource("HmacKey", "AWS::KMS::Key", {{"KeySpec", "HMAC_256"}, {"KeyUsage", "GENERATE_VERIFY_MAC"}}),
       TemplateResource("Imported", "AWS::KMS::Key", {{"Origin", "EXTERNAL"}}),
       TemplateResource("CfnKey", "AWS::KMS::Key", {{"EnableKeyRotation", Unknown("no default")}})});
  const auto& keys = *iac.inventory.regions.at(0).kms.keys;
  std::vector<std::string> ids;
  for (const auto& key : keys) ids.push_back(key.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"CfnKey", "aws_kms_key.rotating", "aws_kms_key.static"}));
  auto findings = StorageRun(iac.inventory, "kms_key_rotation");
  EXPECT_EQ(findings["aws_kms_key.rotating"], "PASS");
  EXPECT_EQ(findings["aws_kms_key.static"], "FAIL");
  EXPECT_TRUE(MarkedUnknown(iac, "CfnKey", "KmsKey.rotation_enabled"));
  EXPECT_TRUE(iac.unsupported.empty());
}

TEST(IacStorageMappingTest, GuardDutyDetectorsOnlyWhereDeclared) {
  Resource west = MakeResource("aws_guardduty_detector.west", "aws_guardduty_detector", {{"enable", false}});
  west.region = "us-west-2";
  const IacInventory iac =
      BuildInventory({MakeResource("aws_guardduty_detector.main", "aws_guardduty_detector", json::object()),
                      std::move(west), MakeResource("aws_db_instance.db", "aws_db_instance", json::object())});
  const inventory::RegionInventory* east = iac.inventory.region("us-east-1");
  const inventory::RegionInventory* west_region = iac.inventory.region("us-west-2");
  ASSERT_NE(east, nullptr);
  ASSERT_NE(west_region, nullptr);
  ASSERT_TRUE(east->guardduty.detectors.ok());
  EXPECT_EQ(east->guardduty.detectors->at(0).status, "ENABLED");
  EXPECT_EQ(west_region->guardduty.detectors->at(0).status, "DISABLED");
  auto findings = StorageRun(iac.inventory, "guardduty_enabled");
  EXPECT_EQ(findings["aws_guardduty_detector.main"], "PASS");
  EXPECT_EQ(findings["aws_guardduty_detector.west"], "FAIL");

  const IacInventory cfn =
      BuildInventory({TemplateResource("Detector", "AWS::GuardDuty::Detector", {{"Enable", Unknown("param")}})});
  EXPECT_TRUE(MarkedUnknown(cfn, "Detector", "GuardDutyDetector.status"));
  const IacInventory none = BuildInventory({MakeResource("aws_kms_key.k", "aws_kms_key", json::object())});
  EXPECT_FALSE(none.inventory.regions.at(0).guardduty.detectors.ok());
  EXPECT_FALSE(none.inventory.regions.at(0).cloudtrail.trails.ok());
}

TEST(IacStorageMappingTest, KeyAndDetectorComparablesAgreeAcrossPlanStateAndTemplate) {
  const std::string key_id = "5678efgh-12ab-34cd-56ef-1234567890ab";
  const std::string detector_id = "12abc34d567e8fa901bc2d34e56789f0";
  const IacInventory plan = BuildInventory({MakeResource("aws_kms_key.data", "aws_kms_key",
                                                         {{"enable_key_rotation", true},
                                                          {"key_id", Unknown("known after apply")},
                                                          {"arn", Unknown("known after apply")}}),
                                            MakeResource("aws_guardduty_detector.main", "aws_guardduty_detector",
                                                         {{"enable", true}, {"id", Unknown("known after apply")}})});
  const IacInventory state = BuildInventory({StateResource("aws_kms_key.data", "aws_kms_key",
                                                           {{"enable_key_rotation", true},
                                                            {"key_id", key_id},
                                                            {"id", key_id},
                                                            {"arn", "arn:aws:kms:us-east-1:123456789012:key/" + key_id},
                                                            {"customer_master_key_spec", "SYMMETRIC_DEFAULT"},
                                                            {"is_enabled", true},
                                                            {"key_usage", "ENCRYPT_DECRYPT"}}),
                                             StateResource("aws_guardduty_detector.main", "aws_guardduty_detector",
                                                           {{"enable", true}, {"id", detector_id}})});
  const IacInventory cfn =
      BuildInventory({TemplateResource("DataKey", "AWS::KMS::Key", {{"EnableKeyRotation", true}}),
                      TemplateResource("Detector", "AWS::GuardDuty::Detector", {{"Enable", true}})});
  const std::map<std::string, std::string> labels = {{"aws_kms_key.data", "key"},
                                                     {"DataKey", "key"},
                                                     {"aws_guardduty_detector.main", "detector"},
                                                     {"Detector", "detector"}};
  const auto expected = StorageComparables(plan, labels);
  ASSERT_EQ(expected.size(), 2u);
  EXPECT_EQ(StorageComparables(state, labels), expected);
  EXPECT_EQ(StorageComparables(cfn, labels), expected);
  EXPECT_EQ(StorageInfo(state, "aws_kms_key.data").real_id, key_id);
  EXPECT_EQ(StorageInfo(state, "aws_guardduty_detector.main").real_id, detector_id);
}

TEST(IacStorageMappingTest, OtherTypesAreLeftToOtherMappers) {
  const IacInventory iac = BuildInventory({MakeResource("aws_sqs_queue.q", "aws_sqs_queue", json::object())});
  EXPECT_EQ(iac.unsupported.at("aws_sqs_queue"), 1);
  EXPECT_FALSE(iac.inventory.s3.buckets.ok());
}

}  // namespace
}  // namespace posture::iac
