#include "aws/endpoints.h"

#include <gtest/gtest.h>

#include "aws/model.h"

namespace posture::aws {
namespace {

Endpoint Resolve(const char* service, const char* region, const EndpointOverrides& overrides = {}) {
  const ServiceModel* model = FindServiceModel(service);
  EXPECT_NE(model, nullptr) << service;
  auto endpoint = ResolveEndpoint(*model, region, overrides);
  EXPECT_TRUE(endpoint.ok()) << endpoint.error().describe();
  return endpoint.ok() ? *endpoint : Endpoint{};
}

TEST(EndpointsTest, RegionalServicesUseThePartitionSuffix) {
  auto ec2 = Resolve("ec2", "eu-west-1");
  EXPECT_EQ(ec2.url, "https://ec2.eu-west-1.amazonaws.com");
  EXPECT_EQ(ec2.signing_region, "eu-west-1");
  EXPECT_EQ(ec2.signing_name, "ec2");
  EXPECT_EQ(Resolve("ec2", "cn-north-1").url, "https://ec2.cn-north-1.amazonaws.com.cn");
  EXPECT_EQ(Resolve("ec2", "us-gov-west-1").url, "https://ec2.us-gov-west-1.amazonaws.com");
  EXPECT_EQ(Resolve("sts", "ap-south-1").url, "https://sts.ap-south-1.amazonaws.com");
}

TEST(EndpointsTest, EndpointPrefixAndSigningNameComeFromTheModel) {
  auto elb = Resolve("elbv2", "us-east-2");
  EXPECT_EQ(elb.url, "https://elasticloadbalancing.us-east-2.amazonaws.com");
  EXPECT_EQ(elb.signing_name, "elasticloadbalancing");
  auto sso_admin = Resolve("sso-admin", "us-east-1");
  EXPECT_EQ(sso_admin.url, "https://sso.us-east-1.amazonaws.com");
  EXPECT_EQ(sso_admin.signing_name, "sso");
  auto portal = Resolve("sso", "eu-central-1");
  EXPECT_EQ(portal.url, "https://portal.sso.eu-central-1.amazonaws.com");
  EXPECT_EQ(portal.signing_name, "awsssoportal");
  EXPECT_EQ(Resolve("cloudwatch", "us-east-1").url, "https://monitoring.us-east-1.amazonaws.com");
  EXPECT_EQ(Resolve("s3control", "us-east-1").signing_name, "s3");
}

TEST(EndpointsTest, GlobalServicesSignForTheirHomeRegion) {
  auto iam = Resolve("iam", "eu-west-1");
  EXPECT_EQ(iam.url, "https://iam.amazonaws.com");
  EXPECT_EQ(iam.signing_region, "us-east-1");
  auto iam_cn = Resolve("iam", "cn-northwest-1");
  EXPECT_EQ(iam_cn.url, "https://iam.cn-north-1.amazonaws.com.cn");
  EXPECT_EQ(iam_cn.signing_region, "cn-north-1");
  auto iam_gov = Resolve("iam", "us-gov-east-1");
  EXPECT_EQ(iam_gov.url, "https://iam.us-gov.amazonaws.com");
  EXPECT_EQ(iam_gov.signing_region, "us-gov-west-1");
  auto orgs = Resolve("organizations", "ap-northeast-1");
  EXPECT_EQ(orgs.url, "https://organizations.us-east-1.amazonaws.com");
  EXPECT_EQ(orgs.signing_region, "us-east-1");
  EXPECT_EQ(Resolve("cloudfront", "eu-west-3").url, "https://cloudfront.amazonaws.com");
  EXPECT_EQ(Resolve("account", "eu-west-3").url, "https://account.us-east-1.amazonaws.com");
  EXPECT_EQ(Resolve("iam", "").signing_region, "us-east-1");  // no region needed
}

TEST(EndpointsTest, CloudFrontIsNotInGovCloud) {
  auto endpoint = ResolveEndpoint(*FindServiceModel("cloudfront"), "us-gov-west-1", {});
  ASSERT_FALSE(endpoint.ok());
  EXPECT_EQ(endpoint.error().kind(), base::ErrorKind::kUnsupported);
}

TEST(EndpointsTest, OverridesWinAndUsePathStyle) {
  EndpointOverrides overrides;
  overrides.all = "http://127.0.0.1:5000/";
  overrides.per_service["iam"] = "http://127.0.0.1:6000";
  auto ec2 = Resolve("ec2", "eu-west-1", overrides);
  EXPECT_EQ(ec2.url, "http://127.0.0.1:5000");
  EXPECT_TRUE(ec2.custom);
  EXPECT_TRUE(ec2.s3_path_style);
  EXPECT_EQ(ec2.signing_region, "eu-west-1");
  auto iam = Resolve("iam", "eu-west-1", overrides);
  EXPECT_EQ(iam.url, "http://127.0.0.1:6000");
}

TEST(EndpointsTest, OverridesComeFromTheEnvironment) {
  std::string all = "AWS_ENDPOINT_URL=http://127.0.0.1:1";
  std::string sso_admin = "AWS_ENDPOINT_URL_SSO_ADMIN=http://127.0.0.1:2";
  std::string s3 = "AWS_ENDPOINT_URL_S3=http://127.0.0.1:3";
  std::string other = "HOME=/root";
  char* envp[] = {all.data(), sso_admin.data(), s3.data(), other.data(), nullptr};
  auto overrides = EndpointOverrides::FromEnvironment(envp);
  EXPECT_EQ(overrides.all, "http://127.0.0.1:1");
  EXPECT_EQ(overrides.per_service["sso-admin"], "http://127.0.0.1:2");
  EXPECT_EQ(overrides.per_service["s3"], "http://127.0.0.1:3");
  EXPECT_EQ(overrides.per_service.count("s3control"), 0u);
}

TEST(EndpointsTest, BadRegionOrUrlIsAClearError) {
  auto bad_region = ResolveEndpoint(*FindServiceModel("ec2"), "EU WEST", {});
  ASSERT_FALSE(bad_region.ok());
  EXPECT_EQ(bad_region.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_NE(bad_region.error().message().find("invalid region"), std::string::npos);

  auto no_region = ResolveEndpoint(*FindServiceModel("ec2"), "", {});
  ASSERT_FALSE(no_region.ok());
  EXPECT_NE(no_region.error().message().find("--region"), std::string::npos);

  EndpointOverrides overrides;
  overrides.all = "not a url";
  auto bad_url = ResolveEndpoint(*FindServiceModel("ec2"), "us-east-1", overrides);
  ASSERT_FALSE(bad_url.ok());
  EXPECT_NE(bad_url.error().message().find("invalid URL"), std::string::npos);
  EXPECT_NE(bad_url.error().message().find("AWS_ENDPOINT_URL"), std::string::npos);
}

TEST(EndpointsTest, PartitionsOfRegions) {
  EXPECT_EQ(PartitionOfRegion("us-east-1"), "aws");
  EXPECT_EQ(PartitionOfRegion("cn-north-1"), "aws-cn");
  EXPECT_EQ(PartitionOfRegion("us-gov-west-1"), "aws-us-gov");
  EXPECT_EQ(DnsSuffixOfPartition("aws-cn"), "amazonaws.com.cn");
}

}  // namespace
}  // namespace posture::aws
