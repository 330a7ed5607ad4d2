// The rest-xml protocol (S3, S3 Control, CloudFront) against canned requests
// and responses shaped like AWS's and moto's.
#include <gtest/gtest.h>

#include "aws/protocols/protocol.h"
#include "protocol_test_util.h"

namespace posture::aws {
namespace {

using proto_test::AwsEndpoint;
using proto_test::CustomEndpoint;
using proto_test::HeaderOf;
using proto_test::Model;
using proto_test::Parse;
using proto_test::ParseError;
using proto_test::Response;
using proto_test::Serialize;

const Endpoint kS3 = AwsEndpoint("https://s3.us-east-1.amazonaws.com", "us-east-1", "s3");
const Endpoint kMoto = CustomEndpoint("http://127.0.0.1:5000", "s3");
const Endpoint kS3Control = AwsEndpoint("https://s3-control.us-east-1.amazonaws.com", "us-east-1", "s3");
const Endpoint kCloudFront = AwsEndpoint("https://cloudfront.amazonaws.com", "us-east-1", "cloudfront");

Endpoint PathStyle(Endpoint endpoint) {
  endpoint.s3_path_style = true;
  return endpoint;
}

// --- S3 addressing -------------------------------------------------------------

TEST(RestXmlProtocolTest, PutsTheBucketInTheHost) {
  auto request = Serialize("s3", "GetBucketPolicy", {{"Bucket", "my-bucket"}}, kS3);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "GET");
  EXPECT_EQ(request->url, "https://my-bucket.s3.us-east-1.amazonaws.com/?policy");
  EXPECT_EQ(request->body, "");
  EXPECT_TRUE(request->headers.empty());

  auto access_block =
      Serialize("s3", "GetPublicAccessBlock", {{"Bucket", "logs-123"}, {"ExpectedBucketOwner", "123456789012"}}, kS3);
  ASSERT_TRUE(access_block.ok()) << access_block.error().message();
  EXPECT_EQ(access_block->url, "https://logs-123.s3.us-east-1.amazonaws.com/?publicAccessBlock");
  EXPECT_EQ(HeaderOf(*access_block, "x-amz-expected-bucket-owner"), "123456789012");
}

TEST(RestXmlProtocolTest, PutsTheBucketInThePathWhenAsked) {
  auto path_style = Serialize("s3", "GetPublicAccessBlock", {{"Bucket", "my-bucket"}}, PathStyle(kS3));
  ASSERT_TRUE(path_style.ok()) << path_style.error().message();
  EXPECT_EQ(path_style->url, "https://s3.us-east-1.amazonaws.com/my-bucket?publicAccessBlock");

  auto custom = Serialize("s3", "GetPublicAccessBlock", {{"Bucket", "my-bucket"}}, kMoto);
  ASSERT_TRUE(custom.ok()) << custom.error().message();
  EXPECT_EQ(custom->url, "http://127.0.0.1:5000/my-bucket?publicAccessBlock");
}

TEST(RestXmlProtocolTest, UsesThePathForNamesThatAreNotHostLabels) {
  for (const char* bucket : {"my.bucket", "MyBucket", "ab", "under_score", "-dash"}) {
    auto request = Serialize("s3", "GetBucketLocation", {{"Bucket", bucket}}, kS3);
    ASSERT_TRUE(request.ok()) << request.error().message();
    EXPECT_EQ(request->url, "https://s3.us-east-1.amazonaws.com/" + std::string(bucket) + "?location") << bucket;
  }
  auto invalid = Serialize("s3", "GetBucketLocation", {{"Bucket", "no/slashes"}}, kS3);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_NE(invalid.error().message().find("invalid bucket name 'no/slashes'"), std::string::npos);
}

TEST(RestXmlProtocolTest, SerializesListBuckets) {
  auto request = Serialize("s3", "ListBuckets", Json::object(), kS3);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "GET");
  EXPECT_EQ(request->url, "https://s3.us-east-1.amazonaws.com/");

  auto paged = Serialize("s3", "ListBuckets", {{"MaxBuckets", 100}, {"ContinuationToken", "a+b/c="}}, kMoto);
  ASSERT_TRUE(paged.ok()) << paged.error().message();
  EXPECT_EQ(paged->url, "http://127.0.0.1:5000/?continuation-token=a%2Bb%2Fc%3D&max-buckets=100");
}

TEST(RestXmlProtocolTest, KeepsSlashesInGreedyLabels) {
  auto request = Serialize("s3", "PutObject",
                           {{"Bucket", "my-bucket"},
                            {"Key", "dir/sub dir/a+b.txt"},
                            {"Body", "hello"},
                            {"ContentType", "text/plain"},
                            {"Metadata", {{"owner", "sec"}}}},
                           kS3);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "PUT");
  EXPECT_EQ(request->url, "https://my-bucket.s3.us-east-1.amazonaws.com/dir/sub%20dir/a%2Bb.txt");
  EXPECT_EQ(request->body, "hello");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "text/plain");
  EXPECT_EQ(HeaderOf(*request, "x-amz-meta-owner"), "sec");
  EXPECT_EQ(HeaderOf(*request, "Content-MD5"), "<absent>");  // checksum not required

  auto path_style = Serialize("s3", "PutObject", {{"Bucket", "my.bucket"}, {"Key", "/leading"}}, kS3);
  ASSERT_TRUE(path_style.ok()) << path_style.error().message();
  EXPECT_EQ(path_style->url, "https://s3.us-east-1.amazonaws.com/my.bucket//leading");
  EXPECT_EQ(path_style->body, "");
}

// --- S3 bodies -----------------------------------------------------------------

TEST(RestXmlProtocolTest, SendsAStringPayloadWithContentMd5) {
  const std::string policy = R"({"Version":"2012-10-17","Statement":[]})";
  auto request = Serialize("s3", "PutBucketPolicy", {{"Bucket", "my-bucket"}, {"Policy", policy}}, kS3);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "PUT");
  EXPECT_EQ(request->url, "https://my-bucket.s3.us-east-1.amazonaws.com/?policy");
  EXPECT_EQ(request->body, policy);
  EXPECT_EQ(HeaderOf(*request, "Content-MD5"), "7ysbf9u2zR7hHgNqh4BIYg==");

  auto given =
      Serialize("s3", "PutBucketPolicy", {{"Bucket", "my-bucket"}, {"Policy", policy}, {"ContentMD5", "x"}}, kS3);
  ASSERT_TRUE(given.ok()) << given.error().message();
  EXPECT_EQ(HeaderOf(*given, "Content-MD5"), "x");
}

TEST(RestXmlProtocolTest, SendsAStructurePayloadAsXml) {
  auto request = Serialize("s3", "PutPublicAccessBlock",
                           {{"Bucket", "my-bucket"},
                            {"PublicAccessBlockConfiguration",
                             {{"BlockPublicAcls", true},
                              {"IgnorePublicAcls", "false"},
                              {"BlockPublicPolicy", true},
                              {"RestrictPublicBuckets", true}}}},
                           kMoto);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->url, "http://127.0.0.1:5000/my-bucket?publicAccessBlock");
  EXPECT_EQ(request->body,
            R"(<PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">)"
            "<BlockPublicAcls>true</BlockPublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>"
            "<IgnorePublicAcls>false</IgnorePublicAcls><RestrictPublicBuckets>true</RestrictPublicBuckets>"
            "</PublicAccessBlockConfiguration>");
  EXPECT_EQ(HeaderOf(*request, "Content-MD5"), "9dkbVpM0FeZPY2MM4XD+mQ==");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "<absent>");
}

TEST(RestXmlProtocolTest, CreatesBuckets) {
  auto with_region = Serialize("s3", "CreateBucket",
                               {{"Bucket", "my-bucket"},
                                {"ACL", "private"},
                                {"CreateBucketConfiguration", {{"LocationConstraint", "eu-west-1"}}}},
                               kS3);
  ASSERT_TRUE(with_region.ok()) << with_region.error().message();
  EXPECT_EQ(with_region->method, "PUT");
  EXPECT_EQ(with_region->url, "https://my-bucket.s3.us-east-1.amazonaws.com/");
  EXPECT_EQ(with_region->body, R"(<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">)"
                               "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>");
  EXPECT_EQ(HeaderOf(*with_region, "x-amz-acl"), "private");

  auto plain = Serialize("s3", "CreateBucket", {{"Bucket", "my-bucket"}}, kMoto);
  ASSERT_TRUE(plain.ok()) << plain.error().message();
  EXPECT_EQ(plain->url, "http://127.0.0.1:5000/my-bucket");
  EXPECT_EQ(plain->body, "");
}

TEST(RestXmlProtocolTest, WritesListsNamespacesAndAttributes) {
  auto request =
      Serialize("s3", "PutBucketAcl",
                {{"Bucket", "my-bucket"},
                 {"AccessControlPolicy",
                  {{"Owner", {{"ID", "abc"}}},
                   {"Grants",
                    {{{"Grantee", {{"Type", "CanonicalUser"}, {"ID", "abc"}}}, {"Permission", "FULL_CONTROL"}},
                     {{"Grantee", {{"Type", "Group"}, {"URI", "http://acs.amazonaws.com/groups/global/AllUsers"}}},
                      {"Permission", "READ"}}}}}}},
                kS3);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(
      request->body,
      R"(<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><AccessControlList>)"
      R"(<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">)"
      R"(<ID>abc</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>)"
      R"(<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">)"
      R"(<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>)"
      R"(</AccessControlList><Owner><ID>abc</ID></Owner></AccessControlPolicy>)");
  EXPECT_NE(HeaderOf(*request, "Content-MD5"), "<absent>");

  auto escaped = Serialize("s3", "PutBucketVersioning",
                           {{"Bucket", "b-1"}, {"VersioningConfiguration", {{"Status", "<&\">"}}}}, kMoto);
  ASSERT_TRUE(escaped.ok()) << escaped.error().message();
  EXPECT_EQ(
      escaped->body,
      R"(<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>&lt;&amp;"&gt;</Status>)"
      R"(</VersioningConfiguration>)");
}

// --- S3 Control and CloudFront requests ------------------------------------------

TEST(RestXmlProtocolTest, PrefixesTheS3ControlHostWithTheAccount) {
  auto request = Serialize("s3control", "GetPublicAccessBlock", {{"AccountId", "123456789012"}}, kS3Control);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "GET");
  EXPECT_EQ(request->url,
            "https://123456789012.s3-control.us-east-1.amazonaws.com/v20180820/configuration/publicAccessBlock");
  EXPECT_EQ(HeaderOf(*request, "x-amz-account-id"), "123456789012");

  auto custom = Serialize("s3control", "GetPublicAccessBlock", {{"AccountId", "123456789012"}},
                          CustomEndpoint("http://127.0.0.1:5000", "s3"));
  ASSERT_TRUE(custom.ok()) << custom.error().message();
  EXPECT_EQ(custom->url, "http://127.0.0.1:5000/v20180820/configuration/publicAccessBlock");
  EXPECT_EQ(HeaderOf(*custom, "x-amz-account-id"), "123456789012");

  auto bad = Serialize("s3control", "GetPublicAccessBlock", {{"AccountId", "1234/evil.com#"}}, kS3Control);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind(), base::ErrorKind::kInvalidInput);

  auto missing = Serialize("s3control", "GetPublicAccessBlock", Json::object(), kS3Control);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message(), "GetPublicAccessBlock: missing required parameter 'AccountId'");
}

TEST(RestXmlProtocolTest, WritesTheS3ControlNamespace) {
  auto request =
      Serialize("s3control", "PutPublicAccessBlock",
                {{"AccountId", "123456789012"},
                 {"PublicAccessBlockConfiguration", {{"BlockPublicAcls", true}, {"RestrictPublicBuckets", false}}}},
                kS3Control);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "PUT");
  EXPECT_EQ(request->body,
            R"(<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">)"
            "<BlockPublicAcls>true</BlockPublicAcls><RestrictPublicBuckets>false</RestrictPublicBuckets>"
            "</PublicAccessBlockConfiguration>");
}

TEST(RestXmlProtocolTest, SerializesCloudFrontRequests) {
  auto list = Serialize("cloudfront", "ListDistributions", {{"MaxItems", "10"}, {"Marker", "E2"}}, kCloudFront);
  ASSERT_TRUE(list.ok()) << list.error().message();
  EXPECT_EQ(list->method, "GET");
  EXPECT_EQ(list->url, "https://cloudfront.amazonaws.com/2020-05-31/distribution?Marker=E2&MaxItems=10");

  auto get = Serialize("cloudfront", "GetDistribution", {{"Id", "E2QWRUHAPOMQZL"}}, kCloudFront);
  ASSERT_TRUE(get.ok()) << get.error().message();
  EXPECT_EQ(get->url, "https://cloudfront.amazonaws.com/2020-05-31/distribution/E2QWRUHAPOMQZL");
}

// --- responses -------------------------------------------------------------------

TEST(RestXmlProtocolTest, ParsesListBuckets) {
  auto many =
      Parse("s3", "ListBuckets",
            Response(200,
                     R"(<?xml version="1.0" encoding="utf-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Buckets><Bucket><Name>bucket-one</Name>)"
                     R"(<CreationDate>2026-11-30T15:10:47.000Z</CreationDate></Bucket><Bucket><Name>bucket-eu</Name>)"
                     R"(<CreationDate>2026-11-30T15:10:47.250Z</CreationDate><BucketRegion>eu-west-1</BucketRegion>)"
                     R"(</Bucket></Buckets><Owner><DisplayName>webfile</DisplayName>)"
                     R"(<ID>bcaf1ffd86f41161ca5fb16fd081034f</ID></Owner>)"
                     R"(<ContinuationToken>next</ContinuationToken></ListAllMyBucketsResult>)",
                     {{"x-amz-request-id", "r1"}}));
  ASSERT_TRUE(many.ok()) << many.error().message();
  EXPECT_EQ(
      *many,
      Json({{"Buckets",
             {{{"Name", "bucket-one"}, {"CreationDate", "2026-11-30T15:10:47Z"}},
              {{"Name", "bucket-eu"}, {"CreationDate", "2026-11-30T15:10:47.250Z"}, {"BucketRegion", "eu-west-1"}}}},
            {"Owner", {{"DisplayName", "webfile"}, {"ID", "bcaf1ffd86f41161ca5fb16fd081034f"}}},
            {"ContinuationToken", "next"}}));

  auto one = Parse("s3", "ListBuckets",
                   Response(200,
                            "<ListAllMyBucketsResult><Buckets><Bucket><Name>solo</Name></Bucket></Buckets>"
                            "</ListAllMyBucketsResult>"));
  ASSERT_TRUE(one.ok()) << one.error().message();
  EXPECT_EQ(*one, Json({{"Buckets", {{{"Name", "solo"}}}}}));

  auto none =
      Parse("s3", "ListBuckets",
            Response(200, "<ListAllMyBucketsResult><Buckets/><Owner><ID>x</ID></Owner></ListAllMyBucketsResult>"));
  ASSERT_TRUE(none.ok()) << none.error().message();
  EXPECT_EQ(*none, Json({{"Buckets", Json::array()}, {"Owner", {{"ID", "x"}}}}));
}

TEST(RestXmlProtocolTest, ParsesGetBucketLocation) {
  auto us_east_1 = Parse("s3", "GetBucketLocation", Response(200, R"(<?xml version="1.0" encoding="utf-8"?>
<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>)"));
  ASSERT_TRUE(us_east_1.ok()) << us_east_1.error().message();
  EXPECT_EQ(*us_east_1, Json({{"LocationConstraint", ""}}));

  auto eu_west_1 =
      Parse("s3", "GetBucketLocation",
            Response(200, R"(<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1)"
                          R"(</LocationConstraint>)"));
  ASSERT_TRUE(eu_west_1.ok()) << eu_west_1.error().message();
  EXPECT_EQ(*eu_west_1, Json({{"LocationConstraint", "eu-west-1"}}));

  auto legacy = Parse("s3", "GetBucketLocation", Response(200, "<LocationConstraint>EU</LocationConstraint>"));
  ASSERT_TRUE(legacy.ok()) << legacy.error().message();
  EXPECT_EQ(*legacy, Json({{"LocationConstraint", "EU"}}));

  auto wrong = Parse("s3", "GetBucketLocation", Response(200, "<Other>x</Other>"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().kind(), base::ErrorKind::kParse);
}

TEST(RestXmlProtocolTest, ParsesPayloads) {
  const std::string policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*"}]})";
  auto bucket_policy = Parse("s3", "GetBucketPolicy", Response(200, policy));
  ASSERT_TRUE(bucket_policy.ok()) << bucket_policy.error().message();
  EXPECT_EQ(*bucket_policy, Json({{"Policy", policy}}));

  auto access_block = Parse("s3", "GetPublicAccessBlock", Response(200, R"(<?xml version="1.0" encoding="UTF-8"?>
<PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <BlockPublicAcls>true</BlockPublicAcls>
  <IgnorePublicAcls>false</IgnorePublicAcls>
  <BlockPublicPolicy>TRUE</BlockPublicPolicy>
  <RestrictPublicBuckets>false</RestrictPublicBuckets>
</PublicAccessBlockConfiguration>)"));
  ASSERT_TRUE(access_block.ok()) << access_block.error().message();
  EXPECT_EQ(*access_block, Json({{"PublicAccessBlockConfiguration",
                                  {{"BlockPublicAcls", true},
                                   {"IgnorePublicAcls", false},
                                   {"BlockPublicPolicy", true},
                                   {"RestrictPublicBuckets", false}}}}));

  auto status =
      Parse("s3", "GetBucketPolicyStatus", Response(200, "<PolicyStatus><IsPublic>true</IsPublic></PolicyStatus>"));
  ASSERT_TRUE(status.ok()) << status.error().message();
  EXPECT_EQ(*status, Json({{"PolicyStatus", {{"IsPublic", true}}}}));
}

TEST(RestXmlProtocolTest, ParsesFlattenedLists) {
  auto one =
      Parse("s3", "GetBucketEncryption",
            Response(200, R"(<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">)"
                          R"(<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>)"
                          R"(<KMSMasterKeyID>arn:aws:kms:us-east-1:1:key/k</KMSMasterKeyID>)"
                          R"(</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule>)"
                          R"(</ServerSideEncryptionConfiguration>)"));
  ASSERT_TRUE(one.ok()) << one.error().message();
  EXPECT_EQ(*one, Json({{"ServerSideEncryptionConfiguration",
                         {{"Rules",
                           {{{"ApplyServerSideEncryptionByDefault",
                              {{"SSEAlgorithm", "aws:kms"}, {"KMSMasterKeyID", "arn:aws:kms:us-east-1:1:key/k"}}},
                             {"BucketKeyEnabled", true}}}}}}}));

  auto two = Parse("s3", "GetBucketEncryption",
                   Response(200,
                            "<ServerSideEncryptionConfiguration><Rule><BucketKeyEnabled>false</BucketKeyEnabled></Rule>"
                            "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                            "</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>"));
  ASSERT_TRUE(two.ok()) << two.error().message();
  ASSERT_EQ((*two)["ServerSideEncryptionConfiguration"]["Rules"].size(), 2u);
  EXPECT_EQ(
      (*two)["ServerSideEncryptionConfiguration"]["Rules"][1]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"],
      "AES256");
}

TEST(RestXmlProtocolTest, ParsesAttributesAndRenamedMembers) {
  auto acl = Parse("s3", "GetBucketAcl", Response(200, R"(<?xml version="1.0" encoding="UTF-8"?>
<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f</ID></Owner>
<AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">
<ID>75aa57f09aa0c8caeab4f8c24e99d10f</ID><DisplayName>owner</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>
<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>
</AccessControlList></AccessControlPolicy>)"));
  ASSERT_TRUE(acl.ok()) << acl.error().message();
  EXPECT_EQ(
      *acl,
      Json({{"Owner", {{"ID", "75aa57f09aa0c8caeab4f8c24e99d10f"}}},
            {"Grants",
             {{{"Grantee",
                {{"Type", "CanonicalUser"}, {"ID", "75aa57f09aa0c8caeab4f8c24e99d10f"}, {"DisplayName", "owner"}}},
               {"Permission", "FULL_CONTROL"}},
              {{"Grantee", {{"Type", "Group"}, {"URI", "http://acs.amazonaws.com/groups/global/AllUsers"}}},
               {"Permission", "READ"}}}}}));

  auto versioning = Parse("s3", "GetBucketVersioning",
                          Response(200,
                                   "<VersioningConfiguration><Status>Enabled</Status><MfaDelete>Disabled</MfaDelete>"
                                   "</VersioningConfiguration>"));
  ASSERT_TRUE(versioning.ok()) << versioning.error().message();
  EXPECT_EQ(*versioning, Json({{"Status", "Enabled"}, {"MFADelete", "Disabled"}}));

  auto never = Parse("s3", "GetBucketVersioning",
                     Response(200, R"(<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>)"));
  ASSERT_TRUE(never.ok()) << never.error().message();
  EXPECT_EQ(*never, Json::object());
}

TEST(RestXmlProtocolTest, ParsesHeaderMembers) {
  auto put = Parse("s3", "PutObject",
                   Response(200, "",
                            {{"ETag", "\"5d41402abc4b2a76b9719d911017c592\""},
                             {"x-amz-server-side-encryption", "AES256"},
                             {"x-amz-server-side-encryption-bucket-key-enabled", "false"}}));
  ASSERT_TRUE(put.ok()) << put.error().message();
  EXPECT_EQ(*put, Json({{"ETag", "\"5d41402abc4b2a76b9719d911017c592\""},
                        {"ServerSideEncryption", "AES256"},
                        {"BucketKeyEnabled", false}}));
}

TEST(RestXmlProtocolTest, ParsesS3ControlAndCloudFront) {
  auto access_block = Parse(
      "s3control", "GetPublicAccessBlock",
      Response(200, R"(<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">)"
                    "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>"
                    "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>"
                    "</PublicAccessBlockConfiguration>"));
  ASSERT_TRUE(access_block.ok()) << access_block.error().message();
  EXPECT_EQ((*access_block)["PublicAccessBlockConfiguration"]["RestrictPublicBuckets"], true);

  auto empty = Parse("cloudfront", "ListDistributions",
                     Response(200, R"(<?xml version="1.0" encoding="utf-8"?>
<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems>)"
                                   R"(<IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>)"));
  ASSERT_TRUE(empty.ok()) << empty.error().message();
  EXPECT_EQ(*empty,
            Json({{"DistributionList", {{"Marker", ""}, {"MaxItems", 100}, {"IsTruncated", false}, {"Quantity", 0}}}}));

  auto one = Parse(
      "cloudfront", "ListDistributions",
      Response(200, R"(<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">)"
                    "<Marker></Marker><NextMarker>E3</NextMarker><MaxItems>1</MaxItems><IsTruncated>true</IsTruncated>"
                    "<Quantity>1</Quantity><Items><DistributionSummary><Id>EDFDVBD6EXAMPLE</Id>"
                    "<ARN>arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE</ARN>"
                    "<Status>Deployed</Status><LastModifiedTime>2024-05-01T12:00:00.5Z</LastModifiedTime>"
                    "<DomainName>d111111abcdef8.cloudfront.net</DomainName>"
                    "<Aliases><Quantity>2</Quantity><Items><CNAME>www.example.com</CNAME><CNAME>example.com</CNAME>"
                    "</Items></Aliases><Enabled>true</Enabled><WebACLId></WebACLId>"
                    "<ViewerCertificate><MinimumProtocolVersion>TLSv1</MinimumProtocolVersion></ViewerCertificate>"
                    "</DistributionSummary></Items></DistributionList>"));
  ASSERT_TRUE(one.ok()) << one.error().message();
  const Json& list = (*one)["DistributionList"];
  EXPECT_EQ(list["NextMarker"], "E3");
  EXPECT_EQ(list["IsTruncated"], true);
  ASSERT_EQ(list["Items"].size(), 1u);
  const Json& summary = list["Items"][0];
  EXPECT_EQ(summary["Id"], "EDFDVBD6EXAMPLE");
  EXPECT_EQ(summary["LastModifiedTime"], "2024-05-01T12:00:00.500Z");
  EXPECT_EQ(summary["Aliases"], Json({{"Quantity", 2}, {"Items", {"www.example.com", "example.com"}}}));
  EXPECT_EQ(summary["WebACLId"], "");
  EXPECT_EQ(summary["ViewerCertificate"], Json({{"MinimumProtocolVersion", "TLSv1"}}));

  auto distribution = Parse(
      "cloudfront", "GetDistribution",
      Response(200, "<Distribution><Id>E1</Id><Status>Deployed</Status></Distribution>", {{"ETag", "E2QWRUHEXAMPLE"}}));
  ASSERT_TRUE(distribution.ok()) << distribution.error().message();
  EXPECT_EQ(*distribution,
            Json({{"ETag", "E2QWRUHEXAMPLE"}, {"Distribution", {{"Id", "E1"}, {"Status", "Deployed"}}}}));
}

TEST(RestXmlProtocolTest, OperationsWithoutOutputOrBodyAreEmpty) {
  auto put_policy = Parse("s3", "PutBucketPolicy", Response(204, ""));
  ASSERT_TRUE(put_policy.ok()) << put_policy.error().message();
  EXPECT_EQ(*put_policy, Json::object());

  auto no_body = Parse("s3", "GetPublicAccessBlock", Response(200, ""));
  ASSERT_TRUE(no_body.ok()) << no_body.error().message();
  EXPECT_EQ(*no_body, Json::object());
}

TEST(RestXmlProtocolTest, MalformedResponsesAreParseErrors) {
  auto truncated = Parse("s3", "ListBuckets",
                         Response(200, "<ListAllMyBucketsResult><Buckets><Bucket><Name>bucket-one</Name></Buck"));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().kind(), base::ErrorKind::kParse);
  EXPECT_TRUE(truncated.error().message().starts_with("s3:ListBuckets: malformed XML in response"))
      << truncated.error().message();

  auto html = Parse("s3", "ListBuckets", Response(200, "<HTML><BODY>Sign in to the Wi-Fi</BODY></HTML>"));
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().kind(), base::ErrorKind::kParse);
  EXPECT_EQ(html.error().message(),
            "s3:ListBuckets: an HTML page instead of XML: <HTML><BODY>Sign in to the Wi-Fi</BODY></HTML>");

  auto bad_bool_is_false =
      Parse("s3", "GetBucketPolicyStatus", Response(200, "<PolicyStatus><IsPublic>maybe</IsPublic></PolicyStatus>"));
  ASSERT_TRUE(bad_bool_is_false.ok());  // botocore: anything but "true" is false
  EXPECT_EQ((*bad_bool_is_false)["PolicyStatus"]["IsPublic"], false);

  auto bad_number = Parse("cloudfront", "ListDistributions",
                          Response(200, "<DistributionList><Quantity>lots</Quantity></DistributionList>"));
  ASSERT_FALSE(bad_number.ok());
  EXPECT_EQ(bad_number.error().message(),
            "cloudfront:ListDistributions: unexpected value in <Quantity>: \"lots\" is not a valid integer");
}

// --- errors ------------------------------------------------------------------------

TEST(RestXmlProtocolTest, ParsesS3Errors) {
  const base::Error no_policy = ParseError(
      "s3", "GetBucketPolicy",
      Response(404,
               R"(<?xml version="1.0" encoding="utf-8"?>
<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message><BucketName>bucket-one</BucketName>)"
               R"(<RequestId>jH2SMSnY0BJO</RequestId><HostId>9Gjjt1m+cjU4OPvX9O9/8RuvnG41MRb</HostId></Error>)",
               {{"x-amz-request-id", "header-id"}}));
  EXPECT_EQ(no_policy.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(no_policy.code(), "NoSuchBucketPolicy");
  EXPECT_EQ(no_policy.message(), "The bucket policy does not exist");
  EXPECT_EQ(no_policy.request_id(), "jH2SMSnY0BJO");
  EXPECT_EQ(no_policy.http_status(), 404);

  const base::Error denied = ParseError("s3", "GetBucketAcl",
                                        Response(403,
                                                 "<Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
                                                 "<RequestId>R1</RequestId></Error>"));
  EXPECT_EQ(denied.kind(), base::ErrorKind::kAccessDenied);

  const base::Error slow_down =
      ParseError("s3", "ListBuckets",
                 Response(503,
                          "<Error><Code>SlowDown</Code><Message>Please reduce your request rate."
                          "</Message></Error>"));
  EXPECT_EQ(slow_down.kind(), base::ErrorKind::kThrottled);
  EXPECT_EQ(slow_down.code(), "SlowDown");

  const base::Error no_config = ParseError(
      "s3", "GetBucketEncryption",
      Response(404,
               "<Error><Code>ServerSideEncryptionConfigurationNotFoundError</Code><Message>The server side encryption "
               "configuration was not found</Message></Error>"));
  EXPECT_EQ(no_config.kind(), base::ErrorKind::kNotFound);

  const base::Error bad_key =
      ParseError("s3", "ListBuckets",
                 Response(403,
                          "<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you "
                          "provided does not exist in our records.</Message></Error>"));
  EXPECT_EQ(bad_key.kind(), base::ErrorKind::kCredentials);
}

TEST(RestXmlProtocolTest, EmptyErrorBodiesUseTheStatus) {
  // What S3 answers to HEAD requests, and moto to some GETs.
  const base::Error not_found = ParseError(
      "s3", "GetBucketLocation", Response(404, "", {{"x-amz-request-id", "4442587FB7D0A2F9"}, {"x-amz-id-2", "host"}}));
  EXPECT_EQ(not_found.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(not_found.code(), "404");
  EXPECT_EQ(not_found.message(), "HTTP 404 Not Found");
  EXPECT_EQ(not_found.request_id(), "4442587FB7D0A2F9");

  const base::Error forbidden = ParseError("s3", "GetBucketLocation", Response(403, ""));
  EXPECT_EQ(forbidden.kind(), base::ErrorKind::kAccessDenied);
  EXPECT_EQ(forbidden.code(), "403");

  const base::Error unavailable =
      ParseError("s3", "ListBuckets", Response(503, "<html><body>Service Unavailable</body></html>"));
  EXPECT_EQ(unavailable.kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(unavailable.message(), "HTTP 503 Service Unavailable");
}

TEST(RestXmlProtocolTest, NamesTheBucketRegionOnRedirects) {
  const base::Error redirect = ParseError(
      "s3", "GetBucketPolicy",
      Response(
          301,
          "<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed "
          "using the specified endpoint.</Message><Endpoint>my-bucket.s3.eu-west-1.amazonaws.com</Endpoint>"
          "<Bucket>my-bucket</Bucket><RequestId>R2</RequestId></Error>",
          {{"x-amz-bucket-region", "eu-west-1"}}));
  EXPECT_EQ(redirect.kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(redirect.code(), "PermanentRedirect");
  EXPECT_EQ(redirect.message(),
            "The bucket you are attempting to access must be addressed using the specified endpoint. "
            "(the bucket is in eu-west-1)");
  EXPECT_EQ(redirect.request_id(), "R2");
  EXPECT_EQ(redirect.http_status(), 301);
}

TEST(RestXmlProtocolTest, ParsesErrorResponseBodies) {
  // moto's S3 Control answer before PutPublicAccessBlock.
  const base::Error s3control = ParseError(
      "s3control", "GetPublicAccessBlock",
      Response(404,
               R"(<?xml version="1.0" encoding="utf-8"?>
<ErrorResponse xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Error><Type>Sender</Type>)"
               R"(<Code>NoSuchPublicAccessBlockConfiguration</Code><Message>The public access block configuration was )"
               R"(not found</Message></Error><RequestId>9YPrL1ke</RequestId></ErrorResponse>)"));
  EXPECT_EQ(s3control.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(s3control.code(), "NoSuchPublicAccessBlockConfiguration");
  EXPECT_EQ(s3control.request_id(), "9YPrL1ke");

  const base::Error cloudfront = ParseError(
      "cloudfront", "ListDistributions",
      Response(403, R"(<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">)"
                    R"(<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/x is not )"
                    R"(authorized to perform: cloudfront:ListDistributions</Message></Error>)"
                    R"(<RequestId>b2b3c1b4-example</RequestId></ErrorResponse>)"));
  EXPECT_EQ(cloudfront.kind(), base::ErrorKind::kAccessDenied);
  EXPECT_EQ(cloudfront.code(), "AccessDenied");
  EXPECT_EQ(cloudfront.request_id(), "b2b3c1b4-example");

  const base::Error truncated =
      ParseError("cloudfront", "ListDistributions", Response(400, "<ErrorResponse><Error><Co"));
  EXPECT_EQ(truncated.kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(truncated.code(), "400");
}

}  // namespace
}  // namespace posture::aws
