// The network and edge collectors: EC2 volumes, EBS default encryption, flow logs
// and route tables; peering CIDR blocks; CloudFront distributions (global);
// API Gateway stages of public APIs; Network Firewall firewalls.
#include <gtest/gtest.h>

#include <algorithm>

#include "collect/collect.h"
#include "collect/fake_aws.h"
#include "collect/fixtures.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using testing::Call;
using testing::Ec2Xml;
using testing::FakeAws;
using testing::JsonError;
using testing::JsonReply;
using testing::Xml;

using NetworkEdgeCollectorTest = testing::CollectorTest;

TEST_F(NetworkEdgeCollectorTest, VolumesWithTheirLargestPage) {
  auto inventory = Collect({"ec2.volumes"});
  const auto& volumes = inventory.regions.front().ec2.volumes;
  ASSERT_TRUE(volumes.ok()) << volumes.error->message;
  ASSERT_EQ(volumes->size(), 2u);
  const inv::Volume& enc = volumes->at(0);
  EXPECT_EQ(enc.id, "vol-0enc");
  EXPECT_EQ(enc.arn, "arn:aws:ec2:us-east-1:123456789012:volume/vol-0enc");
  EXPECT_EQ(enc.state, "in-use");
  EXPECT_TRUE(enc.encrypted);
  EXPECT_EQ(enc.kms_key_id, "arn:aws:kms:us-east-1:123456789012:key/k-1");
  EXPECT_EQ(enc.size_gib, 8);
  EXPECT_EQ(enc.attached_instance_ids, std::vector<std::string>{"i-0pub"});
  EXPECT_EQ(enc.tags, (inv::Tags{{"Name", "root"}}));
  EXPECT_FALSE(volumes->at(1).encrypted);
  EXPECT_TRUE(volumes->at(1).attached_instance_ids.empty());
  const auto calls = aws_.calls_of("ec2:DescribeVolumes");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].param("MaxResults"), "500");
}

TEST_F(NetworkEdgeCollectorTest, EbsDefaultEncryptionOnAndOff) {
  auto on = Collect({"ec2.ebs_default_encryption"});
  ASSERT_TRUE(on.regions.front().ec2.ebs_default_encryption.ok());
  EXPECT_TRUE(on.regions.front().ec2.ebs_default_encryption->enabled);
  aws_.on(
      "ec2", "GetEbsEncryptionByDefault",
      Xml("<GetEbsEncryptionByDefaultResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r"
          "</requestId><ebsEncryptionByDefault>false</ebsEncryptionByDefault></GetEbsEncryptionByDefaultResponse>"));
  auto off = Collect({"ec2.ebs_default_encryption"}, {"us-east-1", "eu-west-1"});
  for (const auto& region : off.regions) {
    ASSERT_TRUE(region.ec2.ebs_default_encryption.ok());
    EXPECT_FALSE(region.ec2.ebs_default_encryption->enabled);
  }
  EXPECT_EQ(aws_.count("ec2:GetEbsEncryptionByDefault"), 3u);  // one per region and scan
}

TEST_F(NetworkEdgeCollectorTest, DeniedEbsDefaultEncryptionFailsOnlyThatSection) {
  aws_.on("ec2", "GetEbsEncryptionByDefault",
          posture::testing::MakeResponse(403,
                                         "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>denied"
                                         "</Message></Error></Errors><RequestID>r</RequestID></Response>"));
  auto inventory = Collect({"ec2.ebs_default_encryption", "ec2.volumes"});
  const auto& region = inventory.regions.front();
  ASSERT_FALSE(region.ec2.ebs_default_encryption.ok());
  EXPECT_EQ(region.ec2.ebs_default_encryption.error->operation, "GetEbsEncryptionByDefault");
  EXPECT_EQ(region.ec2.ebs_default_encryption.error->code, "UnauthorizedOperation");
  EXPECT_EQ(region.ec2.ebs_default_encryption.error->region, "us-east-1");
  EXPECT_TRUE(region.ec2.volumes.ok());
  ASSERT_EQ(inventory.errors.size(), 1u);
}

TEST_F(NetworkEdgeCollectorTest, FlowLogs) {
  auto inventory = Collect({"ec2.flow_logs"});
  const auto& flow_logs = inventory.regions.front().ec2.flow_logs;
  ASSERT_TRUE(flow_logs.ok());
  ASSERT_EQ(flow_logs->size(), 2u);
  const inv::FlowLog& all = flow_logs->at(0);
  EXPECT_EQ(all.id, "fl-0all");
  EXPECT_EQ(all.resource_id, "vpc-0prod");
  EXPECT_EQ(all.traffic_type, "ALL");
  EXPECT_EQ(all.status, "ACTIVE");
  EXPECT_EQ(all.deliver_status, "SUCCESS");
  EXPECT_EQ(all.destination_type, "cloud-watch-logs");
  EXPECT_EQ(all.destination, "vpc-flow");
  EXPECT_EQ(flow_logs->at(1).destination, "arn:aws:s3:::flow-bucket");  // no log group: the destination ARN
  EXPECT_EQ(aws_.calls_of("ec2:DescribeFlowLogs").at(0).param("MaxResults"), "1000");
}

TEST_F(NetworkEdgeCollectorTest, RouteTablesRoutesAndAssociationsAcrossPages) {
  aws_.on("ec2", "DescribeRouteTables", [](const Call& call) {
    if (call.param("NextToken").empty()) {
      return Xml(Ec2Xml("DescribeRouteTables", "routeTableSet", testing::kRouteTables, "rt-2"));
    }
    return Xml(Ec2Xml("DescribeRouteTables", "routeTableSet",
                      "<item><routeTableId>rtb-0priv</routeTableId><vpcId>vpc-0prod</vpcId><routeSet/>"
                      "<associationSet/></item>"));
  });
  auto inventory = Collect({"ec2.route_tables"});
  const auto& tables = inventory.regions.front().ec2.route_tables;
  ASSERT_TRUE(tables.ok());
  ASSERT_EQ(tables->size(), 2u);
  const inv::RouteTable& pub = tables->at(0);
  EXPECT_EQ(pub.id, "rtb-0pub");
  EXPECT_EQ(pub.vpc_id, "vpc-0prod");
  EXPECT_EQ(pub.arn, "arn:aws:ec2:us-east-1:123456789012:route-table/rtb-0pub");
  EXPECT_TRUE(pub.main);
  EXPECT_EQ(pub.subnet_ids, std::vector<std::string>{"subnet-0a"});
  EXPECT_EQ(pub.tags, (inv::Tags{{"Name", "public"}}));
  ASSERT_EQ(pub.routes.size(), 4u);
  EXPECT_EQ(pub.routes[0].gateway_id, "local");
  EXPECT_EQ(pub.routes[1].destination_ipv4, "0.0.0.0/0");
  EXPECT_EQ(pub.routes[1].gateway_id, "igw-0abc");
  EXPECT_EQ(pub.routes[1].origin, "CreateRoute");
  EXPECT_EQ(pub.routes[2].destination_ipv6, "::/0");
  EXPECT_EQ(pub.routes[2].destination(), "::/0");
  EXPECT_EQ(pub.routes[2].egress_only_gateway_id, "eigw-01");
  EXPECT_EQ(pub.routes[3].vpc_peering_connection_id, "pcx-0111");
  EXPECT_EQ(pub.routes[3].state, "blackhole");
  EXPECT_FALSE(tables->at(1).main);
  const auto calls = aws_.calls_of("ec2:DescribeRouteTables");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].param("MaxResults"), "100");  // DescribeRouteTables accepts at most 100
  EXPECT_EQ(calls[1].param("NextToken"), "rt-2");
}

TEST_F(NetworkEdgeCollectorTest, PeeringsCarryEveryCidrBlockOfBothSides) {
  aws_.on("ec2", "DescribeVpcPeeringConnections",
          Xml(Ec2Xml("DescribeVpcPeeringConnections", "vpcPeeringConnectionSet",
                     R"(<item><vpcPeeringConnectionId>pcx-1</vpcPeeringConnectionId>
  <requesterVpcInfo><ownerId>123456789012</ownerId><vpcId>vpc-1</vpcId><cidrBlock>10.0.0.0/16</cidrBlock>
    <cidrBlockSet><item><cidrBlock>10.0.0.0/16</cidrBlock></item><item><cidrBlock>10.5.0.0/16</cidrBlock></item>
    </cidrBlockSet><region>us-east-1</region></requesterVpcInfo>
  <accepterVpcInfo><ownerId>123456789012</ownerId><vpcId>vpc-2</vpcId><cidrBlock>10.1.0.0/16</cidrBlock>
    <ipv6CidrBlockSet><item><ipv6CidrBlock>2600:1f18::/56</ipv6CidrBlock></item></ipv6CidrBlockSet>
    <region>us-east-1</region></accepterVpcInfo>
  <status><code>active</code></status></item>)")));
  auto inventory = Collect({"ec2.vpc_peerings"});
  const auto& peerings = inventory.regions.front().ec2.vpc_peerings;
  ASSERT_TRUE(peerings.ok());
  ASSERT_EQ(peerings->size(), 1u);
  EXPECT_EQ(peerings->front().requester_cidrs, (std::vector<std::string>{"10.0.0.0/16", "10.5.0.0/16"}));
  EXPECT_EQ(peerings->front().accepter_cidrs, (std::vector<std::string>{"10.1.0.0/16", "2600:1f18::/56"}));
}

TEST_F(NetworkEdgeCollectorTest, CloudFrontIsListedOnceForAllRegionsAcrossPages) {
  aws_.on("cloudfront", "ListDistributions", [](const Call& call) {
    if (call.param("Marker").empty()) {
      return testing::CloudFrontXml(testing::DistributionListXml(
          testing::DistributionSummary("E1", "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1"), "E1"));
    }
    return testing::CloudFrontXml(testing::DistributionListXml(testing::DistributionSummary("E2", "")));
  });
  auto inventory = Collect({"cloudfront.distributions"}, {"us-east-1", "eu-west-1"});
  const auto& distributions = inventory.cloudfront.distributions;
  ASSERT_TRUE(distributions.ok()) << distributions.error->message;
  ASSERT_EQ(distributions->size(), 2u);
  const inv::CloudFrontDistribution& e1 = distributions->at(0);
  EXPECT_EQ(e1.id, "E1");
  EXPECT_EQ(e1.arn, "arn:aws:cloudfront::123456789012:distribution/E1");
  EXPECT_EQ(e1.domain_name, "E1.cloudfront.net");
  EXPECT_EQ(e1.web_acl_id, "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1");
  EXPECT_TRUE(e1.enabled);
  EXPECT_EQ(e1.status, "Deployed");
  EXPECT_EQ(distributions->at(1).web_acl_id, "");
  const auto calls = aws_.calls_of("cloudfront:ListDistributions");
  ASSERT_EQ(calls.size(), 2u);              // two pages, not one listing per region
  EXPECT_EQ(calls[0].region, "us-east-1");  // the global endpoint's signing region
  EXPECT_EQ(calls[0].param("MaxItems"), "100");
  EXPECT_EQ(calls[1].param("Marker"), "E1");
}

TEST_F(NetworkEdgeCollectorTest, CloudFrontSummaryWithoutWebAclMemberIsCompletedByGetDistribution) {
  // moto's summaries lack WebACLId (AWS always sends it, empty when none).
  std::string summaries = testing::DistributionSummary("E1", "") + testing::DistributionSummary("E2", "");
  const std::string no_member = "<WebACLId></WebACLId>";
  summaries.erase(summaries.find(no_member), no_member.size());
  aws_.on("cloudfront", "ListDistributions", testing::CloudFrontXml(testing::DistributionListXml(summaries)));
  aws_.on("cloudfront", "GetDistribution", [](const Call& call) {
    return testing::CloudFrontXml(
        "<?xml version=\"1.0\"?><Distribution xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>" +
        call.param("Id") + "</Id><DistributionConfig><CallerReference>r</CallerReference><WebACLId>acl-of-" +
        call.param("Id") + "</WebACLId><Enabled>true</Enabled></DistributionConfig></Distribution>");
  });
  auto inventory = Collect({"cloudfront.distributions"});
  const auto& distributions = inventory.cloudfront.distributions;
  ASSERT_TRUE(distributions.ok()) << distributions.error->message;
  ASSERT_EQ(distributions->size(), 2u);
  auto calls = aws_.calls_of("cloudfront:GetDistribution");
  ASSERT_EQ(calls.size(), 1u);  // only E1 lacked the member
  EXPECT_EQ(calls[0].param("Id"), "E1");
  for (const auto& d : *distributions) EXPECT_EQ(d.web_acl_id, d.id == "E1" ? "acl-of-E1" : "") << d.id;
}

TEST_F(NetworkEdgeCollectorTest, CloudFrontFailureIsAGlobalSectionError) {
  aws_.on("cloudfront", "ListDistributions",
          posture::testing::MakeResponse(403,
                                         "<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                                         "<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>denied</Message>"
                                         "</Error><RequestId>r</RequestId></ErrorResponse>",
                                         {{"Content-Type", "text/xml"}}));
  auto inventory = Collect({"cloudfront.distributions"});
  ASSERT_FALSE(inventory.cloudfront.distributions.ok());
  EXPECT_EQ(inventory.cloudfront.distributions.error->code, "AccessDenied");
  EXPECT_EQ(inventory.cloudfront.distributions.error->region, "");
  ASSERT_EQ(inventory.errors.size(), 1u);
}

TEST_F(NetworkEdgeCollectorTest, ApiStagesAreReadForPublicApisOnly) {
  aws_.on("apigateway", "GetRestApis",
          JsonReply({{"item",
                      {testing::RestApi("api1", "REGIONAL"), testing::RestApi("edge1", "EDGE"),
                       testing::RestApi("priv1", "PRIVATE")}}}));
  aws_.on("apigateway", "GetStages", [](const Call& call) {
    if (call.param("restApiId") == "edge1") return JsonReply({{"item", {testing::ApiStage("v1", "")}}});
    return JsonReply({{"item",
                       {testing::ApiStage("prod", "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1"),
                        testing::ApiStage("dev", "")}}});
  });
  auto inventory = Collect({"apigateway.stages"});
  const auto& section = inventory.regions.front().apigateway.stages;
  ASSERT_TRUE(section.ok()) << section.error->message;
  auto stages = *section;
  std::sort(stages.begin(), stages.end(),
            [](const auto& a, const auto& b) { return a.arn < b.arn; });  // parts finish in any order
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(stages[0].arn, "arn:aws:apigateway:us-east-1::/restapis/api1/stages/dev");
  EXPECT_EQ(stages[0].web_acl_arn, "");
  EXPECT_EQ(stages[1].arn, "arn:aws:apigateway:us-east-1::/restapis/api1/stages/prod");
  EXPECT_EQ(stages[1].rest_api_id, "api1");
  EXPECT_EQ(stages[1].rest_api_name, "api1-api");
  EXPECT_EQ(stages[1].stage_name, "prod");
  EXPECT_EQ(stages[1].endpoint_types, std::vector<std::string>{"REGIONAL"});
  EXPECT_EQ(stages[1].web_acl_arn, "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1");
  EXPECT_EQ(stages[2].endpoint_types, std::vector<std::string>{"EDGE"});
  const auto lists = aws_.calls_of("apigateway:GetRestApis");
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0].param("limit"), "500");
  std::vector<std::string> asked;
  for (const auto& call : aws_.calls_of("apigateway:GetStages")) asked.push_back(call.param("restApiId"));
  std::sort(asked.begin(), asked.end());
  EXPECT_EQ(asked, (std::vector<std::string>{"api1", "edge1"}));  // never the private API
}

TEST_F(NetworkEdgeCollectorTest, ApiListingPagesAndNoPublicApiMeansNoStageCall) {
  aws_.on("apigateway", "GetRestApis", [](const Call& call) {
    if (call.param("position").empty()) {
      return JsonReply({{"item", {testing::RestApi("priv1", "PRIVATE")}}, {"position", "p2"}});
    }
    return JsonReply({{"item", {testing::RestApi("priv2", "PRIVATE")}}});
  });
  auto inventory = Collect({"apigateway.stages"});
  const auto& section = inventory.regions.front().apigateway.stages;
  ASSERT_TRUE(section.ok());
  EXPECT_TRUE(section->empty());
  const auto lists = aws_.calls_of("apigateway:GetRestApis");
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[1].param("position"), "p2");
  EXPECT_EQ(aws_.count("apigateway:GetStages"), 0u);
}

TEST_F(NetworkEdgeCollectorTest, ApiStageFailureFailsTheSectionButADeletedApiDoesNot) {
  aws_.on("apigateway", "GetRestApis",
          JsonReply({{"item", {testing::RestApi("api1", "REGIONAL"), testing::RestApi("gone", "EDGE")}}}));
  aws_.on("apigateway", "GetStages", [](const Call& call) {
    if (call.param("restApiId") == "gone") return JsonError(404, "NotFoundException", "Invalid API identifier");
    return JsonReply({{"item", {testing::ApiStage("prod", "")}}});
  });
  auto ok = Collect({"apigateway.stages"});
  ASSERT_TRUE(ok.regions.front().apigateway.stages.ok());
  EXPECT_EQ(ok.regions.front().apigateway.stages->size(), 1u);

  aws_.on("apigateway", "GetStages", JsonError(403, "AccessDeniedException", "not allowed"));
  auto denied = Collect({"apigateway.stages"});
  const auto& section = denied.regions.front().apigateway.stages;
  ASSERT_FALSE(section.ok());
  EXPECT_EQ(section.error->operation, "GetStages");
  EXPECT_EQ(section.error->code, "AccessDeniedException");
  EXPECT_FALSE(denied.errors.empty());
}

TEST_F(NetworkEdgeCollectorTest, ApiListingFailureFailsTheSection) {
  aws_.on("apigateway", "GetRestApis", JsonError(403, "AccessDeniedException", "not allowed"));
  auto inventory = Collect({"apigateway.stages"});
  const auto& section = inventory.regions.front().apigateway.stages;
  ASSERT_FALSE(section.ok());
  EXPECT_EQ(section.error->operation, "GetRestApis");
  EXPECT_EQ(aws_.count("apigateway:GetStages"), 0u);
}

TEST_F(NetworkEdgeCollectorTest, NetworkFirewallsAcrossPages) {
  aws_.on("network-firewall", "ListFirewalls", [](const Call& call) {
    if (!call.json.contains("NextToken")) {
      return JsonReply({{"Firewalls",
                         {{{"FirewallName", "egress"},
                           {"FirewallArn", "arn:aws:network-firewall:us-east-1:123456789012:firewall/egress"}}}},
                        {"NextToken", "n2"}});
    }
    return JsonReply({{"Firewalls",
                       {{{"FirewallName", "ingress"},
                         {"FirewallArn", "arn:aws:network-firewall:us-east-1:123456789012:firewall/ingress"}}}}});
  });
  auto inventory = Collect({"network_firewall.firewalls"});
  const auto& firewalls = inventory.regions.front().network_firewall.firewalls;
  ASSERT_TRUE(firewalls.ok()) << firewalls.error->message;
  ASSERT_EQ(firewalls->size(), 2u);
  EXPECT_EQ(firewalls->at(0).name, "egress");
  EXPECT_EQ(firewalls->at(0).arn, "arn:aws:network-firewall:us-east-1:123456789012:firewall/egress");
  EXPECT_EQ(firewalls->at(1).name, "ingress");
  const auto calls = aws_.calls_of("network-firewall:ListFirewalls");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].json.value("MaxResults", 0), 100);
  EXPECT_EQ(calls[1].json.value("NextToken", ""), "n2");
}

TEST_F(NetworkEdgeCollectorTest, NetworkFirewallUnavailableIsASectionError) {
  aws_.on("network-firewall", "ListFirewalls", JsonError(400, "UnknownOperationException", "unsupported"));
  auto inventory = Collect({"network_firewall.firewalls"});
  const auto& firewalls = inventory.regions.front().network_firewall.firewalls;
  ASSERT_FALSE(firewalls.ok());
  EXPECT_EQ(firewalls.error->service, "network-firewall");
  EXPECT_EQ(firewalls.error->operation, "ListFirewalls");
}

TEST_F(NetworkEdgeCollectorTest, NewSectionsCostNoCallWhenNotAsked) {
  auto none = Collect({"ec2.security_groups"});
  for (const char* key :
       {"ec2:DescribeVolumes", "ec2:GetEbsEncryptionByDefault", "ec2:DescribeFlowLogs", "ec2:DescribeRouteTables",
        "cloudfront:ListDistributions", "apigateway:GetRestApis", "network-firewall:ListFirewalls"}) {
    EXPECT_EQ(aws_.count(key), 0u) << key;
  }
}

}  // namespace
}  // namespace posture::collect
