// The EC2 collector's field mappings and pagination, over EC2-protocol XML.
#include <gtest/gtest.h>

#include "collect/collect.h"
#include "collect/fake_aws.h"
#include "collect/fixtures.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using testing::Call;
using testing::Ec2Xml;
using testing::FakeAws;
using testing::Xml;

class Ec2CollectorTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::AnswerSmallEstate(aws_); }

  inv::RegionInventory Collect(const std::string& section) {
    CollectOptions options;
    options.regions = {"us-east-1"};
    options.sections = {section};
    auto result = CollectInventory(aws_.client(), options);
    EXPECT_TRUE(result.ok());
    EXPECT_TRUE(result->errors.empty()) << result->errors.front().message;
    return result->regions.front();
  }

  FakeAws aws_;
};

TEST_F(Ec2CollectorTest, SecurityGroupRulesAndTags) {
  auto region = Collect("ec2.security_groups");
  ASSERT_TRUE(region.ec2.security_groups.ok());
  ASSERT_EQ(region.ec2.security_groups->size(), 2u);
  const inv::SecurityGroup& web = region.ec2.security_groups->at(0);
  EXPECT_EQ(web.id, "sg-0aaa");
  EXPECT_EQ(web.name, "web");
  EXPECT_EQ(web.description, "web servers");
  EXPECT_EQ(web.vpc_id, "vpc-0prod");
  EXPECT_EQ(web.owner_id, "123456789012");
  EXPECT_EQ(web.arn, "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0aaa");
  EXPECT_EQ(web.tags, (inv::Tags{{"Environment", "prod"}, {"Name", "web"}}));
  ASSERT_EQ(web.ingress.size(), 2u);
  const auto& ssh = web.ingress[0];
  EXPECT_EQ(ssh.protocol, "tcp");
  EXPECT_EQ(ssh.from_port, 22);
  EXPECT_EQ(ssh.to_port, 22);
  EXPECT_EQ(ssh.ipv4_ranges, std::vector<std::string>{"0.0.0.0/0"});
  EXPECT_EQ(ssh.ipv6_ranges, std::vector<std::string>{"::/0"});
  EXPECT_TRUE(ssh.prefix_list_ids.empty());
  EXPECT_TRUE(ssh.group_ids.empty());
  const auto& https = web.ingress[1];
  EXPECT_EQ(https.group_ids, std::vector<std::string>{"sg-0lb"});
  EXPECT_EQ(https.prefix_list_ids, std::vector<std::string>{"pl-63a5400a"});
  EXPECT_TRUE(https.ipv4_ranges.empty());
  ASSERT_EQ(web.egress.size(), 1u);
  EXPECT_EQ(web.egress[0].protocol, "-1");
  EXPECT_EQ(web.egress[0].from_port, -1);  // absent ports: all
  EXPECT_EQ(web.egress[0].to_port, -1);

  const inv::SecurityGroup& fallback = region.ec2.security_groups->at(1);
  EXPECT_TRUE(fallback.is_default());
  EXPECT_TRUE(fallback.ingress.empty());
  // No SecurityGroupArn in the answer: built from the owner.
  EXPECT_EQ(fallback.arn, "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0def");
  EXPECT_TRUE(fallback.tags.empty());
}

TEST_F(Ec2CollectorTest, NetworkAclEntriesAndAssociations) {
  auto region = Collect("ec2.network_acls");
  ASSERT_EQ(region.ec2.network_acls->size(), 1u);
  const inv::NetworkAcl& acl = region.ec2.network_acls->front();
  EXPECT_EQ(acl.id, "acl-0abc");
  EXPECT_EQ(acl.vpc_id, "vpc-0prod");
  EXPECT_TRUE(acl.is_default);
  EXPECT_EQ(acl.subnet_ids, (std::vector<std::string>{"subnet-0a", "subnet-0b"}));
  ASSERT_EQ(acl.entries.size(), 3u);
  EXPECT_EQ(acl.entries[0].rule_number, 100);
  EXPECT_EQ(acl.entries[0].protocol, "6");
  EXPECT_TRUE(acl.entries[0].allow);
  EXPECT_FALSE(acl.entries[0].egress);
  EXPECT_EQ(acl.entries[0].ipv4_cidr, "0.0.0.0/0");
  EXPECT_EQ(acl.entries[0].from_port, 22);
  EXPECT_EQ(acl.entries[0].to_port, 22);
  EXPECT_EQ(acl.entries[1].ipv6_cidr, "::/0");
  EXPECT_EQ(acl.entries[1].from_port, -1);
  EXPECT_EQ(acl.entries[1].to_port, -1);
  EXPECT_FALSE(acl.entries[2].allow);
  EXPECT_TRUE(acl.entries[2].egress);
  EXPECT_EQ(acl.entries[2].rule_number, 32767);
}

TEST_F(Ec2CollectorTest, InstancesWithInterfacesMetadataAndProfile) {
  auto region = Collect("ec2.instances");
  ASSERT_EQ(region.ec2.instances->size(), 2u);
  const inv::Instance& pub = region.ec2.instances->at(0);
  EXPECT_EQ(pub.id, "i-0pub");
  EXPECT_EQ(pub.arn, "arn:aws:ec2:us-east-1:123456789012:instance/i-0pub");
  EXPECT_EQ(pub.state, "running");
  EXPECT_EQ(pub.vpc_id, "vpc-0prod");
  EXPECT_EQ(pub.subnet_id, "subnet-0a");
  EXPECT_EQ(pub.public_ip, "54.1.2.3");
  EXPECT_EQ(pub.group_ids, std::vector<std::string>{"sg-0aaa"});
  ASSERT_EQ(pub.interfaces.size(), 2u);
  EXPECT_EQ(pub.interfaces[0].id, "eni-01");
  EXPECT_EQ(pub.interfaces[0].group_ids, (std::vector<std::string>{"sg-0aaa", "sg-0extra"}));
  EXPECT_EQ(pub.interfaces[0].public_ip, "54.1.2.3");
  EXPECT_EQ(pub.interfaces[0].private_ip, "10.0.1.5");
  EXPECT_EQ(pub.interfaces[0].subnet_id, "subnet-0a");
  EXPECT_EQ(pub.interfaces[1].group_ids, std::vector<std::string>{"sg-0db"});
  EXPECT_EQ(pub.interfaces[1].public_ip, "");
  EXPECT_EQ(pub.http_tokens, "optional");
  EXPECT_EQ(pub.http_endpoint, "enabled");
  EXPECT_EQ(pub.instance_profile_arn, "arn:aws:iam::123456789012:instance-profile/web");
  EXPECT_EQ(pub.tags, (inv::Tags{{"Name", "bastion"}}));

  const inv::Instance& priv = region.ec2.instances->at(1);
  EXPECT_EQ(priv.state, "stopped");
  EXPECT_EQ(priv.public_ip, "");
  EXPECT_TRUE(priv.interfaces.empty());
  EXPECT_EQ(priv.http_tokens, "required");
  EXPECT_EQ(priv.instance_profile_arn, "");
}

TEST_F(Ec2CollectorTest, VpcsAndPeerings) {
  auto vpcs = Collect("ec2.vpcs");
  ASSERT_EQ(vpcs.ec2.vpcs->size(), 2u);
  EXPECT_EQ(vpcs.ec2.vpcs->at(0).id, "vpc-0prod");
  EXPECT_EQ(vpcs.ec2.vpcs->at(0).arn, "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0prod");
  EXPECT_EQ(vpcs.ec2.vpcs->at(0).cidr, "10.0.0.0/16");
  EXPECT_FALSE(vpcs.ec2.vpcs->at(0).is_default);
  EXPECT_EQ(vpcs.ec2.vpcs->at(0).tags, (inv::Tags{{"Environment", "prod"}}));
  EXPECT_TRUE(vpcs.ec2.vpcs->at(1).is_default);

  auto peerings = Collect("ec2.vpc_peerings");
  ASSERT_EQ(peerings.ec2.vpc_peerings->size(), 1u);
  const inv::VpcPeering& pcx = peerings.ec2.vpc_peerings->front();
  EXPECT_EQ(pcx.id, "pcx-0111");
  EXPECT_EQ(pcx.status, "active");
  EXPECT_EQ(pcx.requester_vpc_id, "vpc-0prod");
  EXPECT_EQ(pcx.requester_owner_id, "123456789012");
  EXPECT_EQ(pcx.requester_region, "us-east-1");
  EXPECT_EQ(pcx.requester_cidr, "10.0.0.0/16");
  EXPECT_EQ(pcx.accepter_vpc_id, "vpc-0dev");
  EXPECT_EQ(pcx.accepter_owner_id, "210987654321");
  EXPECT_EQ(pcx.accepter_region, "eu-west-1");
  EXPECT_EQ(pcx.accepter_cidr, "10.1.0.0/16");
  EXPECT_EQ(pcx.tags, (inv::Tags{{"Name", "prod-to-dev"}}));
}

TEST_F(Ec2CollectorTest, EveryPageIsCollectedWithTheLargestPageSize) {
  aws_.on("ec2", "DescribeSecurityGroups", [](const Call& call) {
    if (call.param("NextToken").empty()) {
      return Xml(Ec2Xml("DescribeSecurityGroups", "securityGroupInfo", testing::kOpenSshGroup, "page-2"));
    }
    return Xml(Ec2Xml("DescribeSecurityGroups", "securityGroupInfo", testing::kDefaultGroup));
  });
  auto region = Collect("ec2.security_groups");
  ASSERT_EQ(region.ec2.security_groups->size(), 2u);
  EXPECT_EQ(region.ec2.security_groups->at(0).id, "sg-0aaa");
  EXPECT_EQ(region.ec2.security_groups->at(1).id, "sg-0def");
  auto calls = aws_.calls();
  ASSERT_EQ(calls.size(), 3u);  // identity + two pages
  EXPECT_EQ(calls[1].param("MaxResults"), "1000");
  EXPECT_EQ(calls[1].param("NextToken"), "");
  EXPECT_EQ(calls[2].param("NextToken"), "page-2");
  EXPECT_EQ(calls[2].param("MaxResults"), "1000");
}

TEST_F(Ec2CollectorTest, FailureOnALaterPageFailsTheSection) {
  aws_.on("ec2", "DescribeVpcs", [](const Call& call) {
    if (call.param("NextToken").empty()) return Xml(Ec2Xml("DescribeVpcs", "vpcSet", testing::kVpcs, "p2"));
    return posture::testing::MakeResponse(
        403,
        "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>denied</Message></Error></Errors>"
        "<RequestID>r</RequestID></Response>");
  });
  CollectOptions options;
  options.regions = {"us-east-1"};
  options.sections = {"ec2.vpcs"};
  auto result = CollectInventory(aws_.client(), options);
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->regions.front().ec2.vpcs.ok());
  EXPECT_EQ(result->regions.front().ec2.vpcs.error->code, "UnauthorizedOperation");
  EXPECT_EQ(result->errors.size(), 1u);
}

}  // namespace
}  // namespace posture::collect
