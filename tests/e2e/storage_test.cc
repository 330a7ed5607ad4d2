// The storage checks end to end: buckets, Macie, RDS and EFS created in
// moto with `posture api`, then `posture scan --checks ...` over them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/moto.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;

constexpr const char* kStorageChecks =
    "s3_bucket_secure_transport,s3_bucket_mfa_delete,s3_public_access_block,s3_bucket_not_public,macie_enabled,"
    "rds_instance_encrypted,rds_instance_auto_minor_upgrade,rds_instance_not_public,rds_instance_multi_az,"
    "efs_encrypted";

// status of each finding of `check_id`, by resource id.
std::string MessageOf(const Json& report, const std::string& check_id, const std::string& resource) {
  for (const auto& f : report["findings"]) {
    if (f["check_id"] == check_id && f["resource_id"] == resource) return f["message"];
  }
  return "";
}

Json DbInstance(const std::string& id, bool fixed, const std::string& environment) {
  return {{"DBInstanceIdentifier", id},
          {"DBInstanceClass", "db.t3.micro"},
          {"Engine", "postgres"},
          {"AllocatedStorage", 20},
          {"MasterUsername", "admin1"},
          {"MasterUserPassword", "password-123"},
          {"StorageEncrypted", fixed},
          {"AutoMinorVersionUpgrade", fixed},
          {"PubliclyAccessible", !fixed},
          {"MultiAZ", fixed},
          {"Tags", {{{"Key", "Environment"}, {"Value", environment}}}}};
}

Json BuildAndScan(std::map<std::string, std::string> env) {
  const std::string tls_policy =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyHttp","Effect":"Deny","Principal":"*","Action":"s3:*",)"
      R"("Resource":["arn:aws:s3:::tls-only","arn:aws:s3:::tls-only/*"],)"
      R"("Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})";
  const std::string public_policy =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",)"
      R"("Action":"s3:GetObject","Resource":"arn:aws:s3:::public-site/*"}]})";
  Api({"s3", "CreateBucket", "--param", "Bucket=public-site"}, env);
  Api({"s3", "PutBucketAcl", "--param", "Bucket=public-site", "--param", "ACL=public-read"}, env);
  Api({"s3", "PutBucketPolicy", "--input", Json{{"Bucket", "public-site"}, {"Policy", public_policy}}.dump()}, env);
  Api({"s3", "PutBucketVersioning", "--input",
       Json{{"Bucket", "public-site"}, {"VersioningConfiguration", {{"Status", "Enabled"}}}}.dump()},
      env);
  Api({"s3", "CreateBucket", "--param", "Bucket=tls-only"}, env);
  Api({"s3", "PutBucketPolicy", "--input", Json{{"Bucket", "tls-only"}, {"Policy", tls_policy}}.dump()}, env);
  Api({"s3", "PutPublicAccessBlock", "--input",
       Json{{"Bucket", "tls-only"},
            {"PublicAccessBlockConfiguration",
             {{"BlockPublicAcls", true},
              {"IgnorePublicAcls", true},
              {"BlockPublicPolicy", true},
              {"RestrictPublicBuckets", true}}}}
           .dump()},
      env);
  Api({"s3", "CreateBucket", "--region", "eu-west-1", "--input",
       Json{{"Bucket", "eu-logs"}, {"CreateBucketConfiguration", {{"LocationConstraint", "eu-west-1"}}}}.dump()},
      env);
  Api({"s3", "CreateBucket", "--region", "ap-south-1", "--input",
       Json{{"Bucket", "not-scanned"}, {"CreateBucketConfiguration", {{"LocationConstraint", "ap-south-1"}}}}.dump()},
      env);
  Api({"macie2", "EnableMacie", "--region", "eu-west-1", "--param", "status=PAUSED"}, env);
  Api({"rds", "CreateDBInstance", "--input", DbInstance("orders", false, "prod").dump()}, env);
  Api({"rds", "CreateDBInstance", "--input", DbInstance("billing", true, "production").dump()}, env);
  Api({"rds", "CreateDBInstance", "--input", DbInstance("scratch", false, "dev").dump()}, env);
  Api({"efs", "CreateFileSystem", "--param", "CreationToken=plain"}, env);
  Api({"efs", "CreateFileSystem", "--input", Json{{"CreationToken", "sealed"}, {"Encrypted", true}}.dump()}, env);

  auto result =
      RunPosture({"scan", "--region", "us-east-1,eu-west-1", "--checks", kStorageChecks, "--format", "json"}, env);
  EXPECT_EQ(result.exit_code, 3) << result.err;
  auto report = Json::parse(result.out, nullptr, false);
  EXPECT_FALSE(report.is_discarded()) << result.out.substr(0, 500) << result.err;
  return report;
}

TEST(Storage, S3ChecksOverBucketsInTwoRegions) {
  POSTURE_REQUIRE_MOTO();
  const Json report = BuildAndScan(MotoEnv());
  if (report.is_discarded()) return;
  using Map = std::map<std::string, std::string>;
  EXPECT_EQ(Statuses(report, "s3_bucket_secure_transport"),
            (Map{{"public-site", "FAIL"}, {"tls-only", "PASS"}, {"eu-logs", "FAIL"}}));
  EXPECT_EQ(Statuses(report, "s3_bucket_not_public"),
            (Map{{"public-site", "FAIL"}, {"tls-only", "PASS"}, {"eu-logs", "PASS"}}));
  const std::string why = MessageOf(report, "s3_bucket_not_public", "public-site");
  EXPECT_NE(why.find("statement \"PublicRead\" allows s3:GetObject to everyone"), std::string::npos) << why;
  EXPECT_NE(why.find("ACL grants READ to AllUsers"), std::string::npos) << why;
  // moto keeps no MFA delete state: a versioned bucket fails, the others were never versioned.
  EXPECT_EQ(Statuses(report, "s3_bucket_mfa_delete"),
            (Map{{"public-site", "FAIL"}, {"tls-only", "PASS"}, {"eu-logs", "PASS"}}));
  EXPECT_EQ(Statuses(report, "s3_public_access_block"),
            (Map{{"123456789012", "FAIL"}, {"public-site", "FAIL"}, {"tls-only", "PASS"}, {"eu-logs", "FAIL"}}));
  // moto enables Macie in every region by default; eu-west-1 was paused.
  std::map<std::string, std::string> macie;
  for (const auto& f : report["findings"]) {
    if (f["check_id"] == "macie_enabled") macie[f["region"].get<std::string>()] = f["status"];
  }
  EXPECT_EQ(macie, (Map{{"us-east-1", "PASS"}, {"eu-west-1", "FAIL"}}));
  for (const auto& f : report["findings"]) {
    if (f["check_id"].get<std::string>().starts_with("s3_bucket") && f["resource_id"] == "public-site") {
      EXPECT_EQ(f["region"], "us-east-1");
      EXPECT_EQ(f["resource_arn"], "arn:aws:s3:::public-site");
    }
    if (f["resource_id"] == "eu-logs") {
      EXPECT_EQ(f["region"], "eu-west-1");
    }
  }
}

TEST(Storage, RdsAndEfsChecks) {
  POSTURE_REQUIRE_MOTO();
  const Json report = BuildAndScan(MotoEnv());
  if (report.is_discarded()) return;
  using Map = std::map<std::string, std::string>;
  EXPECT_EQ(Statuses(report, "rds_instance_encrypted"),
            (Map{{"orders", "FAIL"}, {"billing", "PASS"}, {"scratch", "FAIL"}}));
  EXPECT_EQ(Statuses(report, "rds_instance_auto_minor_upgrade"),
            (Map{{"orders", "FAIL"}, {"billing", "PASS"}, {"scratch", "FAIL"}}));
  EXPECT_EQ(Statuses(report, "rds_instance_not_public"),
            (Map{{"orders", "FAIL"}, {"billing", "PASS"}, {"scratch", "FAIL"}}));
  EXPECT_EQ(Statuses(report, "rds_instance_multi_az"), (Map{{"orders", "FAIL"}, {"billing", "PASS"}}));
  std::map<bool, int> efs;  // encrypted? -> count
  for (const auto& f : report["findings"]) {
    if (f["check_id"] == "efs_encrypted") ++efs[f["status"] == "PASS"];
  }
  EXPECT_EQ(efs, (std::map<bool, int>{{false, 1}, {true, 1}}));
}

TEST(Storage, AccountBlockPublicAccessTurnsEveryBucketGreen) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  Api({"s3", "CreateBucket", "--param", "Bucket=open"}, env);
  Api({"s3", "PutBucketAcl", "--param", "Bucket=open", "--param", "ACL=public-read"}, env);
  auto put = RunPosture({"api", "s3control", "PutPublicAccessBlock", "--input",
                         Json{{"AccountId", "123456789012"},
                              {"PublicAccessBlockConfiguration",
                               {{"BlockPublicAcls", true},
                                {"IgnorePublicAcls", true},
                                {"BlockPublicPolicy", true},
                                {"RestrictPublicBuckets", true}}}}
                             .dump()},
                        env);
  ASSERT_EQ(put.exit_code, 0) << put.err;
  auto result = RunPosture(
      {"scan", "--region", "us-east-1", "--checks", "s3_public_access_block,s3_bucket_not_public", "--format", "json"},
      env);
  ASSERT_EQ(result.exit_code, 0) << result.err << result.out;
  auto report = Json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  using Map = std::map<std::string, std::string>;
  EXPECT_EQ(Statuses(report, "s3_public_access_block"), (Map{{"123456789012", "PASS"}, {"open", "PASS"}}));
  EXPECT_EQ(Statuses(report, "s3_bucket_not_public"), (Map{{"open", "PASS"}}));
}

}  // namespace
}  // namespace posture::e2e
