// S3 (with Macie), RDS and EFS collectors over canned AWS answers.
#include <gtest/gtest.h>

#include <algorithm>

#include "collect/collect.h"
#include "collect/fake_aws.h"
#include "collect/fixtures.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using testing::Call;
using testing::FakeAws;
using testing::JsonError;
using testing::JsonReply;
using testing::Xml;

constexpr const char* kS3Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

std::string BucketsXml(const std::vector<std::pair<std::string, std::string>>& buckets) {
  std::string body = std::string("<ListAllMyBucketsResult xmlns=\"") + kS3Ns +
                     "\"><Owner><ID>bcaf1ffd86f41161ca5fb16fd081034f</ID></Owner><Buckets>";
  for (const auto& [name, region] : buckets) {
    body += "<Bucket><Name>" + name + "</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate>";
    if (!region.empty()) body += "<BucketRegion>" + region + "</BucketRegion>";
    body += "</Bucket>";
  }
  return body + "</Buckets></ListAllMyBucketsResult>";
}

aws::HttpResponse S3Error(int status, const std::string& code, const std::string& message) {
  return posture::testing::MakeResponse(status,
                                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code +
                                            "</Code><Message>" + message +
                                            "</Message><RequestId>req-s3</RequestId></Error>",
                                        {{"Content-Type", "application/xml"}});
}

std::string BlockXml(bool acls, bool ignore, bool policy, bool restrict) {
  auto b = [](bool on) { return on ? "true" : "false"; };
  return std::string("<PublicAccessBlockConfiguration xmlns=\"") + kS3Ns + "\"><BlockPublicAcls>" + b(acls) +
         "</BlockPublicAcls><IgnorePublicAcls>" + b(ignore) + "</IgnorePublicAcls><BlockPublicPolicy>" + b(policy) +
         "</BlockPublicPolicy><RestrictPublicBuckets>" + b(restrict) +
         "</RestrictPublicBuckets>"
         "</PublicAccessBlockConfiguration>";
}

// The bucket a virtual-hosted S3 request names: "logs" from https://logs.s3.eu-west-1.amazonaws.com/?acl.
std::string BucketOf(const Call& call) {
  const size_t start = call.url.find("://") + 3;
  return call.url.substr(start, call.url.find(".s3.") - start);
}

constexpr const char* kPublicPolicy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"}]})";

// Three buckets: "site" (us-east-1), "logs" (EU = eu-west-1), "far" (ap-south-1, not scanned).
void AnswerBuckets(FakeAws& aws) {
  aws.on("s3", "ListBuckets", Xml(BucketsXml({{"site", ""}, {"logs", ""}, {"far", ""}})));
  aws.on("s3", "GetBucketLocation", [](const Call& call) {
    const std::string bucket = BucketOf(call);
    const std::string where = bucket == "logs" ? "EU" : bucket == "far" ? "ap-south-1" : "";
    return Xml(std::string("<LocationConstraint xmlns=\"") + kS3Ns + "\">" + where + "</LocationConstraint>");
  });
  aws.on("s3", "GetBucketPolicy", [](const Call& call) {
    if (BucketOf(call) == "site") return posture::testing::MakeResponse(200, kPublicPolicy, {});
    return S3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
  });
  aws.on("s3", "GetBucketAcl", [](const Call& call) {
    std::string grants =
        "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
        "<ID>owner-id</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>";
    if (BucketOf(call) == "site") {
      grants +=
          "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\">"
          "<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>";
    }
    return Xml(std::string("<AccessControlPolicy xmlns=\"") + kS3Ns + "\"><Owner><ID>owner-id</ID></Owner>" +
               "<AccessControlList>" + grants + "</AccessControlList></AccessControlPolicy>");
  });
  aws.on("s3", "GetPublicAccessBlock", [](const Call& call) {
    if (BucketOf(call) == "logs") return Xml(BlockXml(true, true, true, false));
    return S3Error(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
  });
  aws.on("s3", "GetBucketVersioning", [](const Call& call) {
    if (BucketOf(call) == "logs") {
      return Xml(std::string("<VersioningConfiguration xmlns=\"") + kS3Ns +
                 "\"><Status>Enabled</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>");
    }
    return Xml(std::string("<VersioningConfiguration xmlns=\"") + kS3Ns + "\"/>");
  });
  aws.on("s3", "GetBucketLogging", [](const Call& call) {
    if (BucketOf(call) == "site") {
      return Xml(std::string("<BucketLoggingStatus xmlns=\"") + kS3Ns +
                 "\"><LoggingEnabled><TargetBucket>logs</TargetBucket><TargetPrefix>site/</TargetPrefix>"
                 "</LoggingEnabled></BucketLoggingStatus>");
    }
    return Xml(std::string("<BucketLoggingStatus xmlns=\"") + kS3Ns + "\"/>");
  });
  aws.on("s3control", "GetPublicAccessBlock", Xml(BlockXml(true, true, true, true)));
  aws.on("macie2", "GetMacieSession",
         JsonReply({{"status", "ENABLED"}, {"findingPublishingFrequency", "FIFTEEN_MINUTES"}}));
}

const std::set<std::string> kS3Sections = {"s3.buckets",
                                           "s3.buckets.policy",
                                           "s3.buckets.acl",
                                           "s3.buckets.versioning",
                                           "s3.buckets.logging",
                                           "s3.buckets.public_access_block",
                                           "s3control.account_public_access_block",
                                           "macie.session"};

class StorageCollectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    aws_.on("sts", "GetCallerIdentity", Xml(testing::CallerIdentityXml()));
    AnswerBuckets(aws_);
  }

  inv::Inventory Collect(std::set<std::string> sections,
                         std::vector<std::string> regions = {"us-east-1", "eu-west-1", "us-west-2"}) {
    CollectOptions options;
    options.regions = std::move(regions);
    options.sections = std::move(sections);
    options.concurrency = 8;
    auto result = CollectInventory(aws_.client(), options);
    EXPECT_TRUE(result.ok());
    return std::move(*result);
  }

  FakeAws aws_;
};

const inv::Bucket* Find(const inv::Inventory& inventory, const std::string& name) {
  for (const auto& bucket : *inventory.s3.buckets) {
    if (bucket.name == name) return &bucket;
  }
  return nullptr;
}

TEST_F(StorageCollectorTest, MapsBucketsAndTheirFacetsInTheirRegions) {
  const auto inventory = Collect(kS3Sections);
  EXPECT_TRUE(inventory.errors.empty()) << inventory.errors.front().operation << ": "
                                        << inventory.errors.front().message;
  ASSERT_TRUE(inventory.s3.buckets.ok());
  ASSERT_EQ(inventory.s3.buckets->size(), 2u);  // "far" is outside the scanned regions
  const inv::Bucket* site = Find(inventory, "site");
  const inv::Bucket* logs = Find(inventory, "logs");
  ASSERT_TRUE(site && logs);
  EXPECT_EQ(site->region, "us-east-1");
  EXPECT_EQ(site->arn, "arn:aws:s3:::site");
  EXPECT_EQ(logs->region, "eu-west-1");
  ASSERT_TRUE(site->policy.ok() && site->policy->has_value());
  EXPECT_EQ(**site->policy, kPublicPolicy);
  ASSERT_TRUE(logs->policy.ok());
  EXPECT_FALSE(logs->policy->has_value());
  ASSERT_TRUE(site->acl.ok());
  ASSERT_EQ(site->acl->size(), 2u);
  EXPECT_EQ(site->acl->at(0).grantee_type, "CanonicalUser");
  EXPECT_EQ(site->acl->at(0).grantee_id, "owner-id");
  EXPECT_EQ(site->acl->at(1).grantee_type, "Group");
  EXPECT_EQ(site->acl->at(1).grantee_uri, "http://acs.amazonaws.com/groups/global/AllUsers");
  EXPECT_EQ(site->acl->at(1).permission, "READ");
  ASSERT_TRUE(site->public_access_block.ok());
  EXPECT_FALSE(site->public_access_block->has_value());
  ASSERT_TRUE(logs->public_access_block.ok() && logs->public_access_block->has_value());
  EXPECT_TRUE((*logs->public_access_block)->ignore_public_acls);
  EXPECT_FALSE((*logs->public_access_block)->restrict_public_buckets);
  ASSERT_TRUE(logs->versioning.ok());
  EXPECT_EQ(logs->versioning->status, "Enabled");
  EXPECT_EQ(logs->versioning->mfa_delete, "Disabled");
  EXPECT_EQ(site->versioning->status, "");
  ASSERT_TRUE(site->logging.ok() && logs->logging.ok());
  EXPECT_EQ(site->logging->target_bucket, "logs");
  EXPECT_EQ(site->logging->target_prefix, "site/");
  EXPECT_EQ(logs->logging->target_bucket, "");
  ASSERT_TRUE(inventory.s3control.account_public_access_block.ok());
  EXPECT_TRUE((*inventory.s3control.account_public_access_block)->all_on());

  // One listing (with a page size, so S3 names regions), one location per bucket, facets in the bucket's region.
  const auto list = aws_.calls_of("s3:ListBuckets");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].param("max-buckets"), "10000");
  EXPECT_EQ(aws_.calls_of("s3:GetBucketLocation").size(), 3u);
  for (const char* key : {"s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetPublicAccessBlock", "s3:GetBucketVersioning",
                          "s3:GetBucketLogging"}) {
    const auto calls = aws_.calls_of(key);
    ASSERT_EQ(calls.size(), 2u) << key;
    for (const auto& call : calls) {
      EXPECT_EQ(call.region, BucketOf(call) == "logs" ? "eu-west-1" : "us-east-1") << key;
      EXPECT_NE(call.url.find(".s3." + call.region + ".amazonaws.com/"), std::string::npos) << call.url;
    }
  }
  // The account's Block Public Access names the account in the host.
  const auto control = aws_.calls_of("s3control:GetPublicAccessBlock");
  ASSERT_EQ(control.size(), 1u);
  EXPECT_NE(control[0].url.find("https://123456789012.s3-control."), std::string::npos) << control[0].url;
  // Macie only where buckets are.
  std::set<std::string> macie_regions;
  for (const auto& call : aws_.calls_of("macie2:GetMacieSession")) macie_regions.insert(call.region);
  EXPECT_EQ(macie_regions, (std::set<std::string>{"us-east-1", "eu-west-1"}));
  EXPECT_TRUE(inventory.region("us-east-1")->macie.session.ok());
  EXPECT_TRUE(inventory.region("us-east-1")->macie.session->enabled);
  EXPECT_FALSE(inventory.region("us-west-2")->macie.session.ok());
  EXPECT_FALSE(inventory.region("us-west-2")->macie.session.error.has_value());
}

TEST_F(StorageCollectorTest, RegionsNamedByListBucketsNeedNoLocationCall) {
  aws_.on("s3", "ListBuckets", Xml(BucketsXml({{"site", "us-east-1"}, {"logs", "eu-west-1"}})));
  const auto inventory = Collect({"s3.buckets.versioning"});
  ASSERT_TRUE(inventory.s3.buckets.ok());
  EXPECT_EQ(inventory.s3.buckets->size(), 2u);
  EXPECT_EQ(aws_.count("s3:GetBucketLocation"), 0u);
  EXPECT_EQ(aws_.count("s3:GetBucketVersioning"), 2u);
  EXPECT_EQ(Find(inventory, "logs")->region, "eu-west-1");
}

TEST_F(StorageCollectorTest, OnlyTheRequestedFacetsAreCalled) {
  const auto inventory = Collect({"s3.buckets"});
  auto keys = aws_.keys();
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"s3:GetBucketLocation", "s3:GetBucketLocation", "s3:GetBucketLocation",
                                            "s3:ListBuckets", "sts:GetCallerIdentity"}));
  const inv::Bucket* site = Find(inventory, "site");
  ASSERT_NE(site, nullptr);
  EXPECT_FALSE(site->policy.ok());
  EXPECT_FALSE(site->policy.error.has_value());
}

TEST_F(StorageCollectorTest, ADeniedBucketCallFailsOnlyThatBucketsFacet) {
  aws_.on("s3", "GetBucketPolicy", [](const Call& call) {
    if (BucketOf(call) == "logs") return S3Error(403, "AccessDenied", "Access Denied");
    return posture::testing::MakeResponse(200, kPublicPolicy, {});
  });
  aws_.on("s3", "GetBucketLocation", [](const Call& call) {
    if (BucketOf(call) == "far") return S3Error(403, "AccessDenied", "Access Denied");
    return Xml(std::string("<LocationConstraint xmlns=\"") + kS3Ns + "\">" +
               (BucketOf(call) == "logs" ? "eu-west-1" : "") + "</LocationConstraint>");
  });
  const auto inventory = Collect({"s3.buckets.policy", "macie.session"});
  ASSERT_TRUE(inventory.s3.buckets.ok());
  ASSERT_EQ(inventory.s3.buckets->size(), 3u);
  EXPECT_TRUE(Find(inventory, "site")->policy.ok());
  const inv::Bucket* logs = Find(inventory, "logs");
  ASSERT_FALSE(logs->policy.ok());
  EXPECT_EQ(logs->policy.error->operation, "GetBucketPolicy");
  EXPECT_EQ(logs->policy.error->region, "eu-west-1");
  EXPECT_EQ(logs->policy.error->kind, "access_denied");
  // The bucket whose region is unknown is kept, its facets failed with the location error.
  const inv::Bucket* far = Find(inventory, "far");
  EXPECT_EQ(far->region, "");
  ASSERT_FALSE(far->policy.ok());
  EXPECT_EQ(far->policy.error->operation, "GetBucketLocation");
  EXPECT_EQ(inventory.errors.size(), 2u);
  EXPECT_EQ(aws_.count("s3:GetBucketPolicy"), 2u);
}

TEST_F(StorageCollectorTest, ABucketDeletedSinceTheListingIsDropped) {
  aws_.on("s3", "GetBucketLocation", [](const Call& call) {
    if (BucketOf(call) == "logs") return S3Error(404, "NoSuchBucket", "The specified bucket does not exist");
    return Xml(std::string("<LocationConstraint xmlns=\"") + kS3Ns + "\"/>");
  });
  const auto inventory = Collect({"s3.buckets.acl"});
  ASSERT_TRUE(inventory.s3.buckets.ok());
  EXPECT_EQ(inventory.s3.buckets->size(), 2u);
  EXPECT_EQ(Find(inventory, "logs"), nullptr);
  EXPECT_TRUE(inventory.errors.empty());
  EXPECT_EQ(aws_.count("s3:GetBucketAcl"), 2u);
}

TEST_F(StorageCollectorTest, NoAccountBlockIsAValueAndADenialAnError) {
  aws_.on("s3control", "GetPublicAccessBlock",
          S3Error(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"));
  auto inventory = Collect({"s3control.account_public_access_block"});
  ASSERT_TRUE(inventory.s3control.account_public_access_block.ok());
  EXPECT_FALSE(inventory.s3control.account_public_access_block->has_value());
  EXPECT_EQ(aws_.count("s3:ListBuckets"), 0u);

  aws_.on("s3control", "GetPublicAccessBlock", S3Error(403, "AccessDenied", "Access Denied"));
  inventory = Collect({"s3control.account_public_access_block"});
  ASSERT_FALSE(inventory.s3control.account_public_access_block.ok());
  EXPECT_EQ(inventory.s3control.account_public_access_block.error->service, "s3control");
  EXPECT_EQ(inventory.s3control.account_public_access_block.error->code, "AccessDenied");
}

TEST_F(StorageCollectorTest, MacieNotEnabledIsAValueOtherErrorsFail) {
  aws_.on("macie2", "GetMacieSession", [](const Call& call) {
    if (call.region == "us-east-1") {
      return JsonError(403, "AccessDeniedException", "Macie is not enabled.");
    }
    return JsonError(403, "AccessDeniedException", "User is not authorized to perform: macie2:GetMacieSession");
  });
  const auto inventory = Collect({"macie.session"});
  const auto& us = inventory.region("us-east-1")->macie.session;
  ASSERT_TRUE(us.ok());
  EXPECT_FALSE(us->enabled);
  EXPECT_EQ(us->status, "");
  const auto& eu = inventory.region("eu-west-1")->macie.session;
  ASSERT_FALSE(eu.ok());
  EXPECT_EQ(eu.error->operation, "GetMacieSession");
  EXPECT_EQ(eu.error->region, "eu-west-1");
}

TEST_F(StorageCollectorTest, MacieStatusPausedIsNotEnabled) {
  aws_.on("macie2", "GetMacieSession", JsonReply({{"status", "PAUSED"}}));
  const auto inventory = Collect({"macie.session"}, {"us-east-1"});
  ASSERT_TRUE(inventory.region("us-east-1")->macie.session.ok());
  EXPECT_FALSE(inventory.region("us-east-1")->macie.session->enabled);
  EXPECT_EQ(inventory.region("us-east-1")->macie.session->status, "PAUSED");
}

TEST_F(StorageCollectorTest, AFailedListingFailsBucketsAndMacie) {
  aws_.on("s3", "ListBuckets", S3Error(403, "AccessDenied", "Access Denied"));
  const auto inventory = Collect({"s3.buckets.policy", "macie.session"}, {"us-east-1"});
  ASSERT_FALSE(inventory.s3.buckets.ok());
  EXPECT_EQ(inventory.s3.buckets.error->operation, "ListBuckets");
  ASSERT_FALSE(inventory.region("us-east-1")->macie.session.ok());
  EXPECT_EQ(inventory.region("us-east-1")->macie.session.error->operation, "ListBuckets");
  EXPECT_EQ(aws_.count("macie2:GetMacieSession"), 0u);
  EXPECT_EQ(inventory.errors.size(), 1u);
}

TEST_F(StorageCollectorTest, NoBucketsMeansNoMacieCall) {
  aws_.on("s3", "ListBuckets", Xml(BucketsXml({})));
  const auto inventory = Collect({"macie.session"});
  ASSERT_TRUE(inventory.s3.buckets.ok());
  EXPECT_TRUE(inventory.s3.buckets->empty());
  EXPECT_EQ(aws_.count("macie2:GetMacieSession"), 0u);
}

std::string RdsXml(const std::string& instances, const std::string& marker = "") {
  std::string result = "<DBInstances>" + instances + "</DBInstances>";
  if (!marker.empty()) result += "<Marker>" + marker + "</Marker>";
  return testing::QueryXml("DescribeDBInstances", result, "http://rds.amazonaws.com/doc/2014-10-31/");
}

TEST_F(StorageCollectorTest, RdsInstancesAcrossPages) {
  aws_.on("rds", "DescribeDBInstances", [](const Call& call) {
    if (call.param("Marker").empty()) {
      return Xml(
          RdsXml("<DBInstance><DBInstanceIdentifier>orders</DBInstanceIdentifier><Engine>postgres</Engine>"
                 "<DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:orders</DBInstanceArn>"
                 "<StorageEncrypted>true</StorageEncrypted><AutoMinorVersionUpgrade>false</AutoMinorVersionUpgrade>"
                 "<PubliclyAccessible>true</PubliclyAccessible><MultiAZ>false</MultiAZ>"
                 "<TagList><Tag><Key>Environment</Key><Value>prod</Value></Tag></TagList></DBInstance>",
                 "m-1"));
    }
    return Xml(
        RdsXml("<DBInstance><DBInstanceIdentifier>dev</DBInstanceIdentifier><MultiAZ>true</MultiAZ>"
               "<AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade></DBInstance>"));
  });
  const auto inventory = Collect({"rds.db_instances"}, {"us-east-1"});
  const auto& dbs = inventory.regions.front().rds.db_instances;
  ASSERT_TRUE(dbs.ok());
  ASSERT_EQ(dbs->size(), 2u);
  const auto& orders = dbs->at(0);
  EXPECT_EQ(orders.id, "orders");
  EXPECT_EQ(orders.arn, "arn:aws:rds:us-east-1:123456789012:db:orders");
  EXPECT_EQ(orders.engine, "postgres");
  EXPECT_TRUE(orders.storage_encrypted);
  EXPECT_FALSE(orders.auto_minor_version_upgrade);
  EXPECT_TRUE(orders.publicly_accessible);
  EXPECT_FALSE(orders.multi_az);
  EXPECT_EQ(orders.tags.at("Environment"), "prod");
  EXPECT_TRUE(dbs->at(1).multi_az);
  EXPECT_FALSE(dbs->at(1).storage_encrypted);
  const auto calls = aws_.calls_of("rds:DescribeDBInstances");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].param("MaxRecords"), "100");
  EXPECT_EQ(calls[1].param("Marker"), "m-1");
}

TEST_F(StorageCollectorTest, RdsDeniedFailsTheRegion) {
  aws_.on("rds", "DescribeDBInstances", testing::XmlError(403, "AccessDenied", "not authorized"));
  const auto inventory = Collect({"rds.db_instances"}, {"us-east-1"});
  ASSERT_FALSE(inventory.regions.front().rds.db_instances.ok());
  EXPECT_EQ(inventory.regions.front().rds.db_instances.error->operation, "DescribeDBInstances");
  EXPECT_EQ(inventory.regions.front().rds.db_instances.error->region, "us-east-1");
}

TEST_F(StorageCollectorTest, EfsFileSystems) {
  aws_.on("elasticfilesystem", "DescribeFileSystems", [](const Call& call) {
    if (call.param("Marker").empty()) {
      return JsonReply({{"FileSystems",
                         {{{"FileSystemId", "fs-1"},
                           {"FileSystemArn", "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1"},
                           {"Name", "shared"},
                           {"Encrypted", true},
                           {"KmsKeyId", "arn:aws:kms:us-east-1:123456789012:key/k1"},
                           {"Tags", {{{"Key", "Environment"}, {"Value", "prod"}}}}}}},
                        {"NextMarker", "n-1"}});
    }
    return JsonReply({{"FileSystems", {{{"FileSystemId", "fs-2"}, {"Encrypted", false}}}}});
  });
  const auto inventory = Collect({"efs.file_systems"}, {"us-east-1"});
  const auto& fss = inventory.regions.front().efs.file_systems;
  ASSERT_TRUE(fss.ok());
  ASSERT_EQ(fss->size(), 2u);
  EXPECT_EQ(fss->at(0).id, "fs-1");
  EXPECT_EQ(fss->at(0).name, "shared");
  EXPECT_TRUE(fss->at(0).encrypted);
  EXPECT_EQ(fss->at(0).kms_key_id, "arn:aws:kms:us-east-1:123456789012:key/k1");
  EXPECT_EQ(fss->at(0).tags.at("Environment"), "prod");
  EXPECT_FALSE(fss->at(1).encrypted);
  const auto calls = aws_.calls_of("elasticfilesystem:DescribeFileSystems");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].param("MaxItems"), "100");
  EXPECT_EQ(calls[1].param("Marker"), "n-1");
}

TEST_F(StorageCollectorTest, EfsDeniedFailsTheRegion) {
  aws_.on("elasticfilesystem", "DescribeFileSystems", JsonError(403, "AccessDeniedException", "not authorized"));
  const auto inventory = Collect({"efs.file_systems"}, {"us-east-1"});
  ASSERT_FALSE(inventory.regions.front().efs.file_systems.ok());
  EXPECT_EQ(inventory.regions.front().efs.file_systems.error->service, "efs");
}

}  // namespace
}  // namespace posture::collect
