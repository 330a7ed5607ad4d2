#include "checks/network_rules.h"

#include <gtest/gtest.h>

#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

TEST(NetworkRulesTest, InternetCidrs) {
  EXPECT_TRUE(IsInternetCidr("0.0.0.0/0", IpFamily::kIpv4));
  EXPECT_TRUE(IsInternetCidr(" ::/0 ", IpFamily::kIpv6));
  EXPECT_FALSE(IsInternetCidr("::/0", IpFamily::kIpv4));
  EXPECT_FALSE(IsInternetCidr("0.0.0.0/0", IpFamily::kIpv6));
  EXPECT_FALSE(IsInternetCidr("0.0.0.0/1", IpFamily::kIpv4));
  EXPECT_FALSE(IsInternetCidr("pl-123", IpFamily::kIpv4));
}

TEST(NetworkRulesTest, NormalizesProtocols) {
  EXPECT_EQ(NormalizeProtocol("6"), "tcp");
  EXPECT_EQ(NormalizeProtocol("TCP"), "tcp");
  EXPECT_EQ(NormalizeProtocol("17"), "udp");
  EXPECT_EQ(NormalizeProtocol("all"), "-1");
  EXPECT_EQ(NormalizeProtocol("-1"), "-1");
  EXPECT_EQ(NormalizeProtocol("58"), "icmpv6");
  EXPECT_EQ(NormalizeProtocol("50"), "50");
}

TEST(NetworkRulesTest, RuleCoversPort) {
  EXPECT_TRUE(RuleCoversPort(Tcp(22), "tcp", 22));
  EXPECT_TRUE(RuleCoversPort(Tcp(0, 65535), "tcp", 3389));
  EXPECT_TRUE(RuleCoversPort(Tcp(22, 22), "6", 22));
  EXPECT_TRUE(RuleCoversPort(AllTraffic(), "tcp", 22));
  EXPECT_TRUE(RuleCoversPort(Protocol("tcp", -1, -1), "tcp", 22));  // no range: every port
  EXPECT_FALSE(RuleCoversPort(Tcp(23, 3388), "tcp", 22));
  EXPECT_FALSE(RuleCoversPort(Udp(22), "tcp", 22));
  EXPECT_FALSE(RuleCoversPort(Protocol("icmp", -1, -1), "tcp", 22));
}

TEST(NetworkRulesTest, DescribesTraffic) {
  EXPECT_EQ(DescribeTraffic(Tcp(443)), "tcp/443");
  EXPECT_EQ(DescribeTraffic(Tcp(8000, 8080)), "tcp/8000-8080");
  EXPECT_EQ(DescribeTraffic(Protocol("17", -1, -1)), "udp (all ports)");
  EXPECT_EQ(DescribeTraffic(Protocol("icmp", 8, 0)), "icmp");
  EXPECT_EQ(DescribeTraffic(AllTraffic()), "all traffic");
}

TEST(NetworkRulesTest, InternetIngressSeparatesFamiliesAndIgnoresReferences) {
  const SecurityGroup group =
      Group("sg-1", {Tcp(443).v4("0.0.0.0/0").id("sgr-a"), Tcp(22).v6("::/0").v4("10.0.0.0/8").id("sgr-b"),
                     Tcp(22).prefix_list("pl-1").group("sg-2"), Protocol("icmp", -1, -1).v4("0.0.0.0/0")});
  const auto v4 = InternetIngress(group, IpFamily::kIpv4);
  ASSERT_EQ(v4.size(), 2u);
  EXPECT_EQ(v4[0].describe(), "allows tcp/443 from 0.0.0.0/0 (rule sgr-a)");
  EXPECT_EQ(v4[1].describe(), "allows icmp from 0.0.0.0/0 (ingress rule #4)");
  const auto v6 = InternetIngressOnPorts(group, IpFamily::kIpv6, kAdminPorts);
  ASSERT_EQ(v6.size(), 1u);
  EXPECT_EQ(v6[0].tcp_ports, std::vector<int>{22});
  EXPECT_EQ(v6[0].describe(), "allows tcp/22 from ::/0 (rule sgr-b)");
  EXPECT_TRUE(InternetIngressOnPorts(group, IpFamily::kIpv4, kAdminPorts).empty());
}

TEST(NetworkRulesTest, NaclFirstMatchingEntryDecides) {
  const NetworkAcl acl = Acl("acl-1", {Entry(300, "-1", true, "0.0.0.0/0"), Entry(100, "6", false, "0.0.0.0/0", 22, 22),
                                       Entry(50, "6", true, "10.0.0.0/8", 22, 22), Entry(200, "17", true, "0.0.0.0/0"),
                                       Egress(Entry(1, "-1", true, "0.0.0.0/0"))});
  const auto* ssh = DecidingIngressEntry(acl, IpFamily::kIpv4, "tcp", 22);
  ASSERT_NE(ssh, nullptr);
  EXPECT_EQ(ssh->rule_number, 100);
  EXPECT_FALSE(ssh->allow);
  const auto* rdp = DecidingIngressEntry(acl, IpFamily::kIpv4, "tcp", 3389);
  ASSERT_NE(rdp, nullptr);
  EXPECT_EQ(rdp->rule_number, 300);
  EXPECT_EQ(DescribeNaclAllow(*rdp, IpFamily::kIpv4, "tcp", 3389),
            "allows tcp/3389 from 0.0.0.0/0 (entry 300, all traffic)");
  EXPECT_EQ(DecidingIngressEntry(acl, IpFamily::kIpv6, "tcp", 22), nullptr);  // implicit deny
}

TEST(NetworkRulesTest, InstanceGroupsAndAddresses) {
  const Instance instance = Ec2("i-1")
                                .public_ip("1.1.1.1")
                                .groups({"sg-a"})
                                .interface("eni-1", {"sg-a", "sg-b"}, "1.1.1.1")
                                .interface("eni-2", {"sg-c"}, "2.2.2.2");
  EXPECT_EQ(InstanceGroupIds(instance), (std::vector<std::string>{"sg-a", "sg-b", "sg-c"}));
  EXPECT_EQ(InstancePublicIps(instance), (std::vector<std::string>{"1.1.1.1", "2.2.2.2"}));
  EXPECT_TRUE(InstancePublicIps(Ec2("i-2").interface("eni-3", {"sg-a"})).empty());
}

}  // namespace
}  // namespace posture::checks::testing
