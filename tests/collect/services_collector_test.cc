// ELBv2, WAFv2, Security Hub and Identity Center collectors.
#include <gtest/gtest.h>

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

using ServicesCollectorTest = testing::CollectorTest;

TEST_F(ServicesCollectorTest, LoadBalancersAcrossPages) {
  aws_.on("elasticloadbalancing", "DescribeLoadBalancers", [](const Call& call) {
    if (call.param("Marker").empty()) {
      return Xml(testing::LoadBalancersXml(testing::LoadBalancerMember("web", "internet-facing"), "next-1"));
    }
    return Xml(testing::LoadBalancersXml(testing::LoadBalancerMember("nlb", "internal", "network")));
  });
  auto inventory = Collect({"elbv2.load_balancers"});
  const auto& lbs = inventory.regions.front().elbv2.load_balancers;
  ASSERT_TRUE(lbs.ok());
  ASSERT_EQ(lbs->size(), 2u);
  EXPECT_EQ(lbs->at(0).arn,
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188");
  EXPECT_EQ(lbs->at(0).name, "web");
  EXPECT_EQ(lbs->at(0).type, "application");
  EXPECT_EQ(lbs->at(0).scheme, "internet-facing");
  EXPECT_EQ(lbs->at(0).vpc_id, "vpc-0prod");
  EXPECT_EQ(lbs->at(0).dns_name, "web-1234567890.us-east-1.elb.amazonaws.com");
  EXPECT_EQ(lbs->at(1).type, "network");
  EXPECT_EQ(lbs->at(1).scheme, "internal");
  auto calls = aws_.calls();
  EXPECT_EQ(calls[1].param("PageSize"), "400");
  EXPECT_EQ(calls[2].param("Marker"), "next-1");
}

constexpr const char* kAclArn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/main/a1b2";

std::string AlbArn(const std::string& name) {
  return "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/" + name + "/50dc6c495c0c9188";
}

TEST_F(ServicesCollectorTest, WebAclsAreLookedUpForInternetFacingAlbsOnly) {
  aws_.on("elasticloadbalancing", "DescribeLoadBalancers",
          Xml(testing::LoadBalancersXml(testing::LoadBalancerMember("web", "internet-facing") +
                                        testing::LoadBalancerMember("shop", "internet-facing") +
                                        testing::LoadBalancerMember("api", "internal") +
                                        testing::LoadBalancerMember("tcp", "internet-facing", "network"))));
  auto inventory = Collect({"wafv2.web_acl_by_resource", "elbv2.load_balancers"});
  const auto& map = inventory.regions.front().wafv2.web_acl_by_resource;
  ASSERT_TRUE(map.ok()) << map.error->message;
  // "shop" has no web ACL: it is absent from the map.
  EXPECT_EQ(*map, (std::map<std::string, std::string>{{AlbArn("web"), kAclArn}}));
  EXPECT_EQ(aws_.count("wafv2:ListWebACLs"), 1u);
  EXPECT_EQ(aws_.count("wafv2:GetWebACLForResource"), 2u);  // web and shop; not internal, not network
  EXPECT_EQ(aws_.count("elasticloadbalancing:DescribeLoadBalancers"), 1u);
  for (const auto& call : aws_.calls()) {
    if (call.operation == "ListWebACLs") {
      EXPECT_EQ(call.json.value("Scope", ""), "REGIONAL");
    }
  }
}

TEST_F(ServicesCollectorTest, TheWafSectionAloneStillListsLoadBalancersOnce) {
  auto inventory = Collect({"wafv2.web_acl_by_resource"});
  ASSERT_TRUE(inventory.regions.front().wafv2.web_acl_by_resource.ok());
  EXPECT_EQ(inventory.regions.front().wafv2.web_acl_by_resource->size(), 1u);
  EXPECT_EQ(aws_.count("elasticloadbalancing:DescribeLoadBalancers"), 1u);
}

TEST_F(ServicesCollectorTest, NoWebAclsMeansAnEmptyMapAndNoLookups) {
  aws_.on("wafv2", "ListWebACLs", JsonReply({{"WebACLs", aws::Json::array()}}));
  auto inventory = Collect({"wafv2.web_acl_by_resource", "elbv2.load_balancers"});
  ASSERT_TRUE(inventory.regions.front().wafv2.web_acl_by_resource.ok());
  EXPECT_TRUE(inventory.regions.front().wafv2.web_acl_by_resource->empty());
  EXPECT_EQ(aws_.count("wafv2:GetWebACLForResource"), 0u);
}

TEST_F(ServicesCollectorTest, NoInternetFacingAlbMeansNoLookups) {
  aws_.on("elasticloadbalancing", "DescribeLoadBalancers",
          Xml(testing::LoadBalancersXml(testing::LoadBalancerMember("api", "internal"))));
  auto inventory = Collect({"wafv2.web_acl_by_resource", "elbv2.load_balancers"});
  ASSERT_TRUE(inventory.regions.front().wafv2.web_acl_by_resource.ok());
  EXPECT_TRUE(inventory.regions.front().wafv2.web_acl_by_resource->empty());
  EXPECT_EQ(aws_.count("wafv2:GetWebACLForResource"), 0u);
}

TEST_F(ServicesCollectorTest, ALoadBalancerDeletedSinceListingIsSkipped) {
  aws_.on("wafv2", "GetWebACLForResource",
          JsonError(400, "WAFNonexistentItemException", "AWS WAF couldn't perform the operation"));
  auto inventory = Collect({"wafv2.web_acl_by_resource", "elbv2.load_balancers"});
  ASSERT_TRUE(inventory.regions.front().wafv2.web_acl_by_resource.ok());
  EXPECT_TRUE(inventory.regions.front().wafv2.web_acl_by_resource->empty());
  EXPECT_TRUE(inventory.errors.empty());
}

TEST_F(ServicesCollectorTest, ADeniedLookupFailsTheWebAclSection) {
  aws_.on("wafv2", "GetWebACLForResource",
          JsonError(400, "AccessDeniedException", "not authorized to perform wafv2:GetWebACLForResource"));
  auto inventory = Collect({"wafv2.web_acl_by_resource", "elbv2.load_balancers"});
  const auto& region = inventory.regions.front();
  ASSERT_FALSE(region.wafv2.web_acl_by_resource.ok());
  EXPECT_EQ(region.wafv2.web_acl_by_resource.error->operation, "GetWebACLForResource");
  EXPECT_EQ(region.wafv2.web_acl_by_resource.error->kind, "access_denied");
  EXPECT_TRUE(region.elbv2.load_balancers.ok());
  EXPECT_EQ(inventory.errors.size(), 1u);
}

TEST_F(ServicesCollectorTest, ADeniedWebAclListFailsOnlyTheWafSection) {
  aws_.on("wafv2", "ListWebACLs", JsonError(400, "AccessDeniedException", "not authorized"));
  auto inventory = Collect({"wafv2.web_acl_by_resource", "elbv2.load_balancers"});
  const auto& region = inventory.regions.front();
  ASSERT_FALSE(region.wafv2.web_acl_by_resource.ok());
  EXPECT_EQ(region.wafv2.web_acl_by_resource.error->operation, "ListWebACLs");
  EXPECT_TRUE(region.elbv2.load_balancers.ok());
  EXPECT_EQ(aws_.count("wafv2:GetWebACLForResource"), 0u);
  EXPECT_EQ(inventory.errors.size(), 1u);
}

TEST_F(ServicesCollectorTest, AFailedLoadBalancerListFailsBothSectionsButIsLoggedOnce) {
  aws_.on("elasticloadbalancing", "DescribeLoadBalancers", testing::XmlError(403, "AccessDenied", "denied"));
  auto inventory = Collect({"wafv2.web_acl_by_resource", "elbv2.load_balancers"});
  const auto& region = inventory.regions.front();
  ASSERT_FALSE(region.elbv2.load_balancers.ok());
  ASSERT_FALSE(region.wafv2.web_acl_by_resource.ok());
  EXPECT_EQ(region.wafv2.web_acl_by_resource.error->operation, "DescribeLoadBalancers");
  EXPECT_EQ(inventory.errors.size(), 1u);
}

TEST_F(ServicesCollectorTest, SecurityHubStateAndStandardsWithoutFindings) {
  auto inventory = Collect({"securityhub.hub"});
  const auto& hub = inventory.regions.front().securityhub.hub;
  ASSERT_TRUE(hub.ok());
  EXPECT_TRUE(hub->enabled);
  EXPECT_EQ(hub->hub_arn, "arn:aws:securityhub:us-east-1:123456789012:hub/default");
  EXPECT_EQ(hub->standards,
            std::vector<std::string>{"arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0"});
  EXPECT_FALSE(inventory.regions.front().securityhub.findings.ok());  // not asked for
  EXPECT_EQ(aws_.count("securityhub:GetFindings"), 0u);
}

TEST_F(ServicesCollectorTest, SecurityHubActiveFindingsCountedBySeverity) {
  aws_.on("securityhub", "GetFindings", [](const Call& call) {
    if (!call.json.contains("NextToken")) {
      return JsonReply(
          {{"NextToken", "t2"}, {"Findings", {testing::Finding("f-1", "CRITICAL"), testing::Finding("f-2", "HIGH")}}});
    }
    // A server that ignores the filters: archived, resolved and low findings do not count.
    return JsonReply(
        {{"Findings",
          {testing::Finding("f-3", "HIGH", "ACTIVE", "NOTIFIED"), testing::Finding("f-4", "CRITICAL", "ARCHIVED"),
           testing::Finding("f-5", "HIGH", "ACTIVE", "RESOLVED"), testing::Finding("f-6", "LOW")}}});
  });
  auto inventory = Collect({"securityhub.findings"});
  const auto& findings = inventory.regions.front().securityhub.findings;
  ASSERT_TRUE(findings.ok());
  EXPECT_TRUE(findings->hub_enabled);
  EXPECT_EQ(findings->active_by_severity, (std::map<std::string, int>{{"CRITICAL", 1}, {"HIGH", 2}}));

  for (const auto& call : aws_.calls()) {
    if (call.operation != "GetFindings") continue;
    EXPECT_EQ(call.json["MaxResults"], 100);
    const aws::Json& filters = call.json["Filters"];
    EXPECT_EQ(filters["RecordState"], aws::Json::parse(R"([{"Value":"ACTIVE","Comparison":"EQUALS"}])"));
    EXPECT_EQ(filters["WorkflowStatus"].size(), 2u);
    EXPECT_EQ(filters["SeverityLabel"], aws::Json::parse(R"([{"Value":"CRITICAL","Comparison":"EQUALS"},
                                                             {"Value":"HIGH","Comparison":"EQUALS"}])"));
  }
  EXPECT_EQ(aws_.count("securityhub:GetFindings"), 2u);
  EXPECT_EQ(aws_.count("securityhub:DescribeHub"), 0u);
}

TEST_F(ServicesCollectorTest, SecurityHubNotSubscribedIsDisabledNotAnError) {
  const auto not_subscribed =
      JsonError(401, "InvalidAccessException", "Account 123456789012 is not subscribed to AWS Security Hub");
  aws_.on("securityhub", "DescribeHub", not_subscribed);
  aws_.on("securityhub", "GetFindings", not_subscribed);
  auto inventory = Collect({"securityhub.hub", "securityhub.findings"});
  const auto& region = inventory.regions.front();
  ASSERT_TRUE(region.securityhub.hub.ok());
  EXPECT_FALSE(region.securityhub.hub->enabled);
  ASSERT_TRUE(region.securityhub.findings.ok());
  EXPECT_FALSE(region.securityhub.findings->hub_enabled);
  EXPECT_TRUE(inventory.errors.empty());
  EXPECT_EQ(aws_.count("securityhub:GetEnabledStandards"), 0u);
}

TEST_F(ServicesCollectorTest, SecurityHubDeniedIsAnError) {
  aws_.on("securityhub", "DescribeHub", JsonError(403, "AccessDeniedException", "not authorized"));
  auto inventory = Collect({"securityhub.hub"});
  const auto& hub = inventory.regions.front().securityhub.hub;
  ASSERT_FALSE(hub.ok());
  EXPECT_EQ(hub.error->kind, "access_denied");
  EXPECT_EQ(inventory.errors.size(), 1u);
}

TEST_F(ServicesCollectorTest, StandardsFailureIsLoggedButFindingsFailureFailsItsSection) {
  aws_.on("securityhub", "GetEnabledStandards",
          posture::testing::MakeResponse(404, "<!doctype html><html>Not Found</html>"));
  auto inventory = Collect({"securityhub.hub"});
  const auto& hub = inventory.regions.front().securityhub.hub;
  ASSERT_TRUE(hub.ok());
  EXPECT_TRUE(hub->enabled);
  EXPECT_TRUE(hub->standards.empty());
  ASSERT_EQ(inventory.errors.size(), 1u);
  EXPECT_EQ(inventory.errors[0].operation, "GetEnabledStandards");

  aws_.on("securityhub", "GetFindings", JsonError(429, "TooManyRequestsException", "Rate exceeded"));
  auto throttled = Collect({"securityhub.hub", "securityhub.findings"});
  const auto& region = throttled.regions.front();
  EXPECT_TRUE(region.securityhub.hub.ok());
  ASSERT_FALSE(region.securityhub.findings.ok());
  EXPECT_EQ(region.securityhub.findings.error->operation, "GetFindings");
  EXPECT_EQ(region.securityhub.findings.error->kind, "throttled");
}

TEST_F(ServicesCollectorTest, SsoInstancesPerRegion) {
  aws_.on("sso", "ListInstances", [](const Call& call) {
    if (call.region != "eu-west-1") return JsonReply({{"Instances", aws::Json::array()}});
    return JsonReply({{"Instances",
                       {{{"InstanceArn", "arn:aws:sso:::instance/ssoins-7223e8b5c06a1a3f"},
                         {"IdentityStoreId", "d-9067642ac7"},
                         {"OwnerAccountId", "123456789012"},
                         {"Status", "ACTIVE"}}}}});
  });
  auto inventory = Collect({"identity_center.instances"}, {"us-east-1", "eu-west-1"});
  ASSERT_TRUE(inventory.region("us-east-1")->identity_center.instances.ok());
  EXPECT_TRUE(inventory.region("us-east-1")->identity_center.instances->empty());
  const auto& eu = inventory.region("eu-west-1")->identity_center.instances;
  ASSERT_TRUE(eu.ok());
  ASSERT_EQ(eu->size(), 1u);
  EXPECT_EQ(eu->front().instance_arn, "arn:aws:sso:::instance/ssoins-7223e8b5c06a1a3f");
  EXPECT_EQ(eu->front().identity_store_id, "d-9067642ac7");
  EXPECT_EQ(eu->front().region, "eu-west-1");
}

TEST_F(ServicesCollectorTest, SsoDeniedIsAnErrorButServiceMissingIsEmpty) {
  aws_.on("sso", "ListInstances", [](const Call& call) {
    if (call.region == "us-east-1") return JsonError(400, "AccessDeniedException", "not authorized");
    return posture::testing::MakeResponse(404, "<!doctype html><html>Not Found</html>");
  });
  auto inventory = Collect({"identity_center.instances"}, {"us-east-1", "me-central-1"});
  ASSERT_FALSE(inventory.region("us-east-1")->identity_center.instances.ok());
  EXPECT_EQ(inventory.region("us-east-1")->identity_center.instances.error->kind, "access_denied");
  ASSERT_TRUE(inventory.region("me-central-1")->identity_center.instances.ok());
  EXPECT_TRUE(inventory.region("me-central-1")->identity_center.instances->empty());
  EXPECT_EQ(inventory.errors.size(), 1u);
}

}  // namespace
}  // namespace posture::collect
