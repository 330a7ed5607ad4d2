// Fixture-driven cases for the storage checks: S3, Macie, RDS, EFS.
#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

constexpr const char* kAllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
constexpr const char* kAuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

constexpr const char* kTlsOnlyPolicy = R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyHttp","Effect":"Deny",
  "Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
  "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})";
constexpr const char* kTlsOnlyIfExistsPolicy = R"({"Statement":{"Effect":"Deny","Principal":{"AWS":["*"]},
  "Action":["*"],"Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":false}}}})";
constexpr const char* kTlsPartialPolicy = R"({"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject",
  "Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})";
constexpr const char* kAllowTlsPolicy =
    R"({"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
  "Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]})";
constexpr const char* kPublicReadPolicy = R"({"Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",
  "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]})";
constexpr const char* kVpcOnlyPolicy = R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
  "Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c"}}}]})";
constexpr const char* kInternetIpPolicy = R"({"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},
  "Action":"s3:PutObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}}]})";

// A bucket in `region` with every facet collected: no policy, an empty
// ACL, no Block Public Access, versioning never enabled, no access logging.
Bucket MakeBucket(std::string name, std::string region = kRegion) {
  Bucket bucket;
  bucket.arn = "arn:aws:s3:::" + name;
  bucket.name = std::move(name);
  bucket.region = std::move(region);
  bucket.policy.set(std::nullopt);
  bucket.acl.set({});
  bucket.public_access_block.set(std::nullopt);
  bucket.versioning.set({});
  bucket.logging.set({});
  return bucket;
}
Bucket WithPolicy(Bucket bucket, std::string policy) {
  bucket.policy.set(std::move(policy));
  return bucket;
}
Bucket WithGrant(Bucket bucket, std::string uri, std::string permission = "READ") {
  bucket.acl.value->push_back({"Group", std::move(uri), "", std::move(permission)});
  return bucket;
}
PublicAccessBlock Block(bool acls, bool ignore, bool policy, bool restrict) { return {acls, ignore, policy, restrict}; }
PublicAccessBlock AllOn() { return Block(true, true, true, true); }
Bucket WithBlock(Bucket bucket, PublicAccessBlock block) {
  bucket.public_access_block.set(block);
  return bucket;
}
Bucket Logged(Bucket bucket, std::string target_bucket, std::string target_prefix) {
  bucket.logging.set({std::move(target_bucket), std::move(target_prefix)});
  return bucket;
}
Bucket Versioned(Bucket bucket, std::string status, std::string mfa_delete) {
  bucket.versioning.set({std::move(status), std::move(mfa_delete)});
  return bucket;
}
CollectionError DeniedStorageCall(std::string operation, std::string region = kRegion) {
  return {"s3", std::move(operation), std::move(region), "access_denied", "AccessDenied", "Access Denied"};
}
template <typename T>
Bucket Failed(Bucket bucket, Collected<T> Bucket::*facet, std::string operation) {
  (bucket.*facet).fail(DeniedStorageCall(std::move(operation), bucket.region));
  return bucket;
}

Inventory WithBuckets(std::vector<Bucket> buckets, std::optional<PublicAccessBlock> account = std::nullopt,
                      Inventory inventory = Estate()) {
  inventory.s3.buckets.set(std::move(buckets));
  inventory.s3control.account_public_access_block.set(account);
  return inventory;
}

std::vector<CheckCase> SecureTransportCases() {
  const std::string id = "s3_bucket_secure_transport";
  return {
      {"tls_policies",
       id,
       WithBuckets({WithPolicy(MakeBucket("tls"), kTlsOnlyPolicy),
                    WithPolicy(MakeBucket("tls2"), kTlsOnlyIfExistsPolicy), MakeBucket("nopolicy"),
                    WithPolicy(MakeBucket("partial"), kTlsPartialPolicy),
                    WithPolicy(MakeBucket("allowtls"), kAllowTlsPolicy)}),
       {Pass("tls", "statement \"DenyHttp\""), Pass("tls2", "statement 1"), Fail("nopolicy", "has no bucket policy"),
        Fail("partial", "no statement denying s3:*"), Fail("allowtls", "aws:SecureTransport is false")}},
      {"tls_malformed_policy",
       id,
       WithBuckets({WithPolicy(MakeBucket("bad"), R"({"Statement":[{"Effect":"Deny","Principal":"me"}]})")}),
       {Error("bad", "could not read the bucket policy: statement 1: Principal must be \"*\" or an object")}},
      {"tls_policy_denied",
       id,
       WithBuckets({Failed(MakeBucket("locked", kOtherRegion), &Bucket::policy, "GetBucketPolicy")}),
       {Error("locked", "s3:GetBucketPolicy failed in eu-west-1 (access_denied, AccessDenied)", kOtherRegion)}},
      {"tls_listing_failed", id, Estate().fail("s3.buckets"), {Error(kAccount, "s3:ListBuckets", "global")}},
  };
}

std::vector<CheckCase> MfaDeleteCases() {
  const std::string id = "s3_bucket_mfa_delete";
  return {
      {"mfa_delete",
       id,
       WithBuckets({Versioned(MakeBucket("mfa"), "Enabled", "Enabled"), Versioned(MakeBucket("nomfa"), "Enabled", ""),
                    Versioned(MakeBucket("suspended"), "Suspended", "Disabled"), MakeBucket("unversioned")}),
       {Pass("mfa", "MFA delete enabled"), Fail("nomfa", "MFA delete is never set"),
        Fail("suspended", "versioning is Suspended but MFA delete is Disabled"),
        Pass("unversioned", "never been enabled")}},
      {"mfa_delete_denied",
       id,
       WithBuckets({Failed(MakeBucket("locked"), &Bucket::versioning, "GetBucketVersioning")}),
       {Error("locked", "s3:GetBucketVersioning failed")}},
  };
}

std::vector<CheckCase> ServerAccessLoggingCases() {
  const std::string id = "s3_bucket_server_access_logging";
  return {
      {"access_logging",
       id,
       WithBuckets({Logged(MakeBucket("logged"), "access-logs", "logged/"), MakeBucket("unlogged")}),
       {Pass("logged", "server access logging writes to s3://access-logs/logged/"),
        Fail("unlogged", "server access logging is off")}},
      {"access_logging_denied",
       id,
       WithBuckets({Failed(MakeBucket("locked"), &Bucket::logging, "GetBucketLogging"), MakeBucket("open")}),
       {Error("locked", "s3:GetBucketLogging failed"), Fail("open", "server access logging is off")}},
      {"access_logging_listing_failed", id, Estate().fail("s3.buckets"), {Error(kAccount, "s3:ListBuckets", "global")}},
  };
}

std::vector<CheckCase> PublicAccessBlockCases() {
  const std::string id = "s3_public_access_block";
  return {
      {"pab_account_on",
       id,
       WithBuckets({MakeBucket("a")}, AllOn()),
       {Pass(kAccount, "account-level S3 Block Public Access is all four on"), Pass("a", "all four")}},
      {"pab_bucket_levels",
       id,
       WithBuckets({WithBlock(MakeBucket("full"), AllOn()), MakeBucket("none"),
                    WithBlock(MakeBucket("half"), Block(false, true, true, false))},
                   Block(true, false, false, false)),
       {Fail(kAccount, "IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets off"), Pass("full", "all four"),
        Fail("none", "IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets off at both levels"),
        Fail("half", "RestrictPublicBuckets off at both levels (account: IgnorePublicAcls")}},
      {"pab_not_configured",
       id,
       WithBuckets({}),
       {Fail(kAccount, "account-level S3 Block Public Access is not configured")}},
      {"pab_account_failed",
       id,
       [] {
         Inventory inventory = WithBuckets({WithBlock(MakeBucket("full"), AllOn()), MakeBucket("none")});
         inventory.s3control.account_public_access_block.fail(
             {"s3control", "GetPublicAccessBlock", "", "access_denied", "AccessDenied", "denied"});
         return inventory;
       }(),
       {Error(kAccount, "s3control:GetPublicAccessBlock failed"), Pass("full"),
        Error("none", "s3control:GetPublicAccessBlock failed")}},
      {"pab_bucket_failed",
       id,
       WithBuckets({Failed(MakeBucket("locked"), &Bucket::public_access_block, "GetPublicAccessBlock")}),
       {Fail(kAccount), Error("locked", "s3:GetPublicAccessBlock failed")}},
  };
}

std::vector<CheckCase> NotPublicCases() {
  const std::string id = "s3_bucket_not_public";
  return {
      {"public_grants",
       id,
       WithBuckets({WithPolicy(MakeBucket("site"), kPublicReadPolicy), WithGrant(MakeBucket("acl"), kAllUsers),
                    WithGrant(MakeBucket("authed"), kAuthenticatedUsers, "WRITE"),
                    WithPolicy(MakeBucket("vpce"), kVpcOnlyPolicy), WithPolicy(MakeBucket("ipall"), kInternetIpPolicy),
                    WithPolicy(MakeBucket("private"), kTlsOnlyPolicy)}),
       {Fail("site", "bucket policy statement \"PublicRead\" allows s3:GetObject to everyone"),
        Fail("acl", "ACL grants READ to AllUsers (everyone)"),
        Fail("authed", "ACL grants WRITE to AuthenticatedUsers (any AWS account)"),
        Pass("vpce", "neither the bucket policy nor the ACL"), Fail("ipall", "allows s3:PutObject to everyone"),
        Pass("private")}},
      {"public_neutralised",
       id,
       WithBuckets(
           {WithBlock(WithPolicy(MakeBucket("policy_blocked"), kPublicReadPolicy), Block(false, false, false, true)),
            WithBlock(WithGrant(MakeBucket("acl_blocked"), kAllUsers), Block(false, true, false, false)),
            WithBlock(WithGrant(MakeBucket("acl_not_blocked"), kAllUsers), Block(true, false, true, true))}),
       {Pass("policy_blocked"), Pass("acl_blocked"), Fail("acl_not_blocked", "does not neutralise")}},
      {"public_account_blocks",
       id,
       WithBuckets({WithGrant(WithPolicy(MakeBucket("site"), kPublicReadPolicy), kAllUsers)}, AllOn()),
       {Pass("site", "Block Public Access neutralises public policies and ACLs")}},
      {"public_errors",
       id,
       WithBuckets({Failed(MakeBucket("nopolicy"), &Bucket::policy, "GetBucketPolicy"),
                    Failed(WithGrant(MakeBucket("aclpublic"), kAllUsers), &Bucket::policy, "GetBucketPolicy"),
                    Failed(WithBlock(MakeBucket("blocked"), AllOn()), &Bucket::policy, "GetBucketPolicy")}),
       {Error("nopolicy", "s3:GetBucketPolicy failed"), Fail("aclpublic", "ACL grants READ to AllUsers"),
        Pass("blocked")}},
      {"public_block_unknown",
       id,
       WithBuckets({Failed(WithPolicy(MakeBucket("site"), kPublicReadPolicy), &Bucket::public_access_block,
                           "GetPublicAccessBlock")}),
       {Error("site",
              "allows s3:GetObject to everyone (Principal \"*\"); could not evaluate: s3:GetPublicAccessBlock")}},
      {"public_listing_failed", id, Estate().fail("s3.buckets"), {Error(kAccount, "s3:ListBuckets")}},
  };
}

std::vector<CheckCase> MacieCases() {
  const std::string id = "macie_enabled";
  auto estate = [] {
    Estate estate;
    estate.add_region(kOtherRegion).add_region("us-west-2");
    estate.region(kRegion).macie.session.set({true, "ENABLED"});
    estate.region(kOtherRegion).macie.session.set({false, "PAUSED"});
    return estate;
  };
  return {
      {"macie_regions",
       id,
       WithBuckets({MakeBucket("a"), MakeBucket("b"), MakeBucket("c", kOtherRegion), MakeBucket("d", "ap-south-1")},
                   std::nullopt, estate()),
       {In(Pass(kAccount, "Amazon Macie is enabled for the region's 2 S3 buckets"), kRegion),
        In(Fail(kAccount, "Amazon Macie is status PAUSED in eu-west-1, which holds 1 S3 bucket"), kOtherRegion)}},
      {"macie_never_enabled",
       id,
       WithBuckets({MakeBucket("a")}),
       {Fail(kAccount, "Amazon Macie is not enabled in us-east-1")}},
      {"macie_no_buckets", id, WithBuckets({}), {}},
      {"macie_failed",
       id,
       WithBuckets({MakeBucket("a")}, std::nullopt, Estate().fail("macie.session")),
       {Error(kAccount, "macie2:GetMacieSession failed in us-east-1")}},
      {"macie_listing_failed", id, Estate().fail("s3.buckets"), {Error(kAccount, "s3:ListBuckets")}},
  };
}

DbInstance Db(std::string id, bool encrypted, bool auto_minor, bool is_public, bool multi_az, Tags tags = {}) {
  DbInstance db;
  db.arn = "arn:aws:rds:us-east-1:123456789012:db:" + id;
  db.id = std::move(id);
  db.engine = "postgres";
  db.storage_encrypted = encrypted;
  db.auto_minor_version_upgrade = auto_minor;
  db.publicly_accessible = is_public;
  db.multi_az = multi_az;
  db.tags = std::move(tags);
  return db;
}

Inventory WithDbs(std::vector<DbInstance> dbs) {
  Inventory inventory = Estate();
  inventory.regions.front().rds.db_instances.set(std::move(dbs));
  return inventory;
}

std::vector<CheckCase> RdsCases() {
  const Inventory dbs = WithDbs({Db("good", true, true, false, true, {{"environment", "Production"}}),
                                 Db("bad", false, false, true, false, {{"Environment", "prod"}}),
                                 Db("dev", false, false, false, false, {{"Environment", "dev"}}),
                                 Db("untagged", true, true, false, false),
                                 Db("preprod", true, true, false, false, {{"Environment", "preprod"}})});
  return {
      {"rds_encrypted",
       "rds_instance_encrypted",
       dbs,
       {Pass("good", "storage is encrypted"), Fail("bad", "storage is not encrypted"), Fail("dev"), Pass("untagged"),
        Pass("preprod")}},
      {"rds_auto_minor",
       "rds_instance_auto_minor_upgrade",
       dbs,
       {Pass("good"), Fail("bad", "automatic minor version upgrades are off"), Fail("dev"), Pass("untagged"),
        Pass("preprod")}},
      {"rds_public",
       "rds_instance_not_public",
       dbs,
       {Pass("good", "not publicly accessible"), Fail("bad", "is publicly accessible"), Pass("dev"), Pass("untagged"),
        Pass("preprod")}},
      {"rds_multi_az",
       "rds_instance_multi_az",
       dbs,
       {Pass("good", "production instance (environment=Production) is Multi-AZ"),
        Fail("bad", "production instance (Environment=prod) is not Multi-AZ")}},
      {"rds_failed",
       "rds_instance_encrypted",
       Estate().fail("rds.db_instances"),
       {Error(kAccount, "rds:DescribeDBInstances failed in us-east-1")}},
      {"rds_multi_az_failed",
       "rds_instance_multi_az",
       Estate().fail("rds.db_instances"),
       {Error(kAccount, "rds:DescribeDBInstances")}},
  };
}

std::vector<CheckCase> EfsCases() {
  auto fs = [](std::string id, bool encrypted) {
    FileSystem out;
    out.id = std::move(id);
    out.encrypted = encrypted;
    if (encrypted) out.kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/k1";
    return out;
  };
  Inventory inventory = Estate();
  inventory.regions.front().efs.file_systems.set({fs("fs-enc", true), fs("fs-plain", false)});
  return {
      {"efs_mixed",
       "efs_encrypted",
       inventory,
       {Pass("fs-enc", "encrypted at rest with arn:aws:kms"), Fail("fs-plain", "is not encrypted at rest")}},
      {"efs_failed",
       "efs_encrypted",
       Estate().fail("efs.file_systems"),
       {Error(kAccount, "efs:DescribeFileSystems failed")}},
  };
}

TEST(StorageChecksTest, EfsArnIsBuiltWhenTheApiGivesNone) {
  Inventory inventory = Estate();
  FileSystem fs;
  fs.id = "fs-1";
  inventory.regions.front().efs.file_systems.set({fs});
  const auto findings = EvaluateChecks(inventory, {FindCheck("efs_encrypted")});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].resource_arn, "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1");
}

TEST(StorageChecksTest, MultiAzUsesTheConfiguredTagAndPatterns) {
  CheckSettings settings;
  settings.environment_tag_key = "Stage";
  settings.production_patterns = {"live"};
  const Inventory inventory = WithDbs({Db("a", true, true, false, false, {{"stage", "live-eu"}}),
                                       Db("b", true, true, false, false, {{"Environment", "prod"}})});
  const auto findings = EvaluateChecks(inventory, {FindCheck("rds_instance_multi_az")}, settings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].resource_id, "a");
  EXPECT_EQ(findings[0].status, FindingStatus::kFail);
}

INSTANTIATE_TEST_SUITE_P(SecureTransport, CheckCaseTest, ::testing::ValuesIn(SecureTransportCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(MfaDelete, CheckCaseTest, ::testing::ValuesIn(MfaDeleteCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(ServerAccessLogging, CheckCaseTest, ::testing::ValuesIn(ServerAccessLoggingCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(PublicAccessBlock, CheckCaseTest, ::testing::ValuesIn(PublicAccessBlockCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(NotPublic, CheckCaseTest, ::testing::ValuesIn(NotPublicCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Macie, CheckCaseTest, ::testing::ValuesIn(MacieCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Rds, CheckCaseTest, ::testing::ValuesIn(RdsCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Efs, CheckCaseTest, ::testing::ValuesIn(EfsCases()), CaseName);

}  // namespace
}  // namespace posture::checks::testing
