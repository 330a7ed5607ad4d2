// The storage part of the demo estate: S3 buckets (public and private),
// RDS instances and EFS file systems, vulnerable and fixed side by side.
#include <string>

#include "demo/estate.h"
#include "demo/setup_calls.h"

namespace posture::demo {
namespace {

using aws::Json;

constexpr const char* kPublicBucket = "posture-demo-public-site";
constexpr const char* kPrivateBucket = "posture-demo-private-data";
constexpr const char* kEuBucket = "posture-demo-eu-logs";

std::string PublicReadPolicy(const std::string& bucket) {
  return R"({"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",)"
         R"("Action":"s3:GetObject","Resource":"arn:aws:s3:::)" +
         bucket + R"(/*"}]})";
}

std::string TlsOnlyPolicy(const std::string& bucket) {
  return R"({"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*",)"
         R"("Action":"s3:*","Resource":["arn:aws:s3:::)" +
         bucket + R"(","arn:aws:s3:::)" + bucket + R"(/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})";
}

Json DbInstance(const std::string& id, bool fixed) {
  return {{"DBInstanceIdentifier", id},
          {"DBInstanceClass", "db.t3.micro"},
          {"Engine", "postgres"},
          {"AllocatedStorage", 20},
          {"MasterUsername", "demo"},
          {"MasterUserPassword", "demo-password-1"},
          {"StorageEncrypted", fixed},
          {"AutoMinorVersionUpgrade", fixed},
          {"PubliclyAccessible", !fixed},
          {"MultiAZ", fixed},
          {"Tags", Json::array({{{"Key", "Environment"}, {"Value", "prod"}}})}};
}

}  // namespace

base::Status BuildStorage(aws::AwsClient& client) {
  SetupCalls calls(client);
  const std::string us = "us-east-1";
  const std::string eu = "eu-west-1";
  // A public website bucket: public-read ACL and policy, no TLS-only policy, versioned without MFA delete.
  calls.call("s3", "CreateBucket", {{"Bucket", kPublicBucket}}, us);
  calls.call("s3", "PutBucketAcl", {{"Bucket", kPublicBucket}, {"ACL", "public-read"}}, us);
  calls.call("s3", "PutBucketPolicy", {{"Bucket", kPublicBucket}, {"Policy", PublicReadPolicy(kPublicBucket)}}, us);
  calls.call("s3", "PutBucketVersioning",
             {{"Bucket", kPublicBucket}, {"VersioningConfiguration", {{"Status", "Enabled"}}}}, us);
  // A private bucket done right: TLS only, every Block Public Access setting on.
  calls.call("s3", "CreateBucket", {{"Bucket", kPrivateBucket}}, us);
  calls.call("s3", "PutBucketPolicy", {{"Bucket", kPrivateBucket}, {"Policy", TlsOnlyPolicy(kPrivateBucket)}}, us);
  calls.call("s3", "PutPublicAccessBlock",
             {{"Bucket", kPrivateBucket},
              {"PublicAccessBlockConfiguration",
               {{"BlockPublicAcls", true},
                {"IgnorePublicAcls", true},
                {"BlockPublicPolicy", true},
                {"RestrictPublicBuckets", true}}}},
             us);
  // A log bucket in eu-west-1, where Macie is paused.
  calls.call("s3", "CreateBucket", {{"Bucket", kEuBucket}, {"CreateBucketConfiguration", {{"LocationConstraint", eu}}}},
             eu);
  calls.call("macie2", "EnableMacie", {{"status", "PAUSED"}}, eu);
  // Production databases: one exposed and unencrypted, one done right.
  calls.call("rds", "CreateDBInstance", DbInstance("demo-orders", false), us);
  calls.call("rds", "CreateDBInstance", DbInstance("demo-billing", true), us);
  // File systems with and without encryption.
  calls.call("efs", "CreateFileSystem", {{"CreationToken", "demo-plain"}, {"Encrypted", false}}, us);
  calls.call("efs", "CreateFileSystem", {{"CreationToken", "demo-encrypted"}, {"Encrypted", true}}, us);
  return calls.status();
}

}  // namespace posture::demo
