// Fixture-driven cases for the security group, network ACL, instance and
// VPC checks.
#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

constexpr Severity kCritical = Severity::kCritical;

std::vector<CheckCase> SgAdminIpv4Cases() {
  const std::string id = "ec2_sg_no_admin_ports_from_internet_ipv4";
  return {
      {"v4_closed",
       id,
       Estate().groups({Group("sg-1", {Tcp(443).v4("0.0.0.0/0"), Tcp(22).v4("10.0.0.0/8")})}),
       {Pass("sg-1", "no rule allows tcp/22 or tcp/3389 from 0.0.0.0/0")}},
      {"v4_ssh_open",
       id,
       Estate().groups({Group("sg-1", {Tcp(22).v4("0.0.0.0/0").id("sgr-1")})}),
       {Fail("sg-1", "allows tcp/22 from 0.0.0.0/0 (rule sgr-1)")}},
      {"v4_rdp_open",
       id,
       Estate().groups({Group("sg-1", {Tcp(3389).v4("0.0.0.0/0").id("sgr-2")})}),
       {Fail("sg-1", "allows tcp/3389 from 0.0.0.0/0 (rule sgr-2)")}},
      {"v4_range_covers_22",
       id,
       Estate().groups({Group("sg-1", {Tcp(0, 1024).v4("0.0.0.0/0").id("sgr-3")})}),
       {Fail("sg-1", "allows tcp/22 from 0.0.0.0/0 (rule sgr-3, tcp/0-1024)")}},
      {"v4_range_covers_both",
       id,
       Estate().groups({Group("sg-1", {Tcp(20, 4000).v4("0.0.0.0/0").id("sgr-4")})}),
       {Fail("sg-1", "allows tcp/22, tcp/3389 from 0.0.0.0/0")}},
      {"v4_range_between_admin_ports",
       id,
       Estate().groups({Group("sg-1", {Tcp(23, 3388).v4("0.0.0.0/0")})}),
       {Pass("sg-1")}},
      {"v4_all_protocols",
       id,
       Estate().groups({Group("sg-1", {AllTraffic().v4("0.0.0.0/0").id("sgr-5")})}),
       {Fail("sg-1", "allows all traffic from 0.0.0.0/0 (rule sgr-5)")}},
      {"v4_protocol_number_6",
       id,
       Estate().groups({Group("sg-1", {Protocol("6", 22, 22).v4("0.0.0.0/0")})}),
       {Fail("sg-1", "allows tcp/22 from 0.0.0.0/0 (ingress rule #1)")}},
      {"v4_udp_22_is_not_admin", id, Estate().groups({Group("sg-1", {Udp(22).v4("0.0.0.0/0")})}), {Pass("sg-1")}},
      {"v4_prefix_list_and_group_reference",
       id,
       Estate().groups({Group("sg-1", {Tcp(22).prefix_list("pl-123"), Tcp(3389).group("sg-2")})}),
       {Pass("sg-1")}},
      {"v4_ignores_ipv6", id, Estate().groups({Group("sg-1", {Tcp(22).v6("::/0")})}), {Pass("sg-1")}},
      {"v4_ignores_egress", id, Estate().groups({Group("sg-1", {}, {AllTraffic().v4("0.0.0.0/0")})}), {Pass("sg-1")}},
      {"v4_one_finding_per_group",
       id,
       Estate().groups({Group("sg-1", {Tcp(22).v4("0.0.0.0/0").id("sgr-1"), Tcp(3389).v4("0.0.0.0/0").id("sgr-2")}),
                        Group("sg-2", {})}),
       {Fail("sg-1", "allows tcp/22 from 0.0.0.0/0 (rule sgr-1); allows tcp/3389 from 0.0.0.0/0 (rule sgr-2)"),
        Pass("sg-2")}},
      {"v4_collection_failed",
       id,
       Estate().fail("ec2.security_groups"),
       {Error(kAccount, "ec2:DescribeSecurityGroups failed in us-east-1 (access_denied, AccessDenied)", kRegion)}},
      {"v4_one_region_failed",
       id,
       Estate().add_region(kOtherRegion).groups({Group("sg-1", {})}).fail("ec2.security_groups", kOtherRegion),
       {In(Pass("sg-1"), kRegion), Error(kAccount, "DescribeSecurityGroups", kOtherRegion)}},
  };
}

std::vector<CheckCase> SgAdminIpv6Cases() {
  const std::string id = "ec2_sg_no_admin_ports_from_internet_ipv6";
  return {
      {"v6_ssh_open",
       id,
       Estate().groups({Group("sg-1", {Tcp(22).v6("::/0").id("sgr-1")})}),
       {Fail("sg-1", "allows tcp/22 from ::/0 (rule sgr-1)")}},
      {"v6_all_protocols",
       id,
       Estate().groups({Group("sg-1", {AllTraffic().v6("::/0")})}),
       {Fail("sg-1", "allows all traffic from ::/0")}},
      {"v6_ignores_ipv4",
       id,
       Estate().groups({Group("sg-1", {Tcp(22).v4("0.0.0.0/0")})}),
       {Pass("sg-1", "no rule allows tcp/22 or tcp/3389 from ::/0")}},
      {"v6_narrow_range", id, Estate().groups({Group("sg-1", {Tcp(3389).v6("2001:db8::/32")})}), {Pass("sg-1")}},
      {"v6_collection_failed", id, Estate().fail("ec2.security_groups"), {Error(kAccount, "DescribeSecurityGroups")}},
  };
}

std::vector<CheckCase> SensitivePortCases() {
  const std::string id = "ec2_sg_no_open_sensitive_ports";
  return {
      {"sensitive_closed",
       id,
       Estate().groups({Group("sg-1", {Tcp(443).v4("0.0.0.0/0"), Tcp(5432).prefix_list("pl-1"),
                                       Tcp(3306).group("sg-app"), Udp(6379).v4("0.0.0.0/0")})}),
       {Pass("sg-1", "no rule allows all traffic")}},
      {"sensitive_mysql_v4",
       id,
       Estate().groups({Group("sg-1", {Tcp(3306).v4("0.0.0.0/0").id("sgr-1")})}),
       {Fail("sg-1", "allows tcp/3306 from 0.0.0.0/0 (rule sgr-1)")}},
      {"sensitive_mongo_v6",
       id,
       Estate().groups({Group("sg-1", {Tcp(27017).v6("::/0").id("sgr-2")})}),
       {Fail("sg-1", "allows tcp/27017 from ::/0 (rule sgr-2)")}},
      {"sensitive_all_traffic_both_families",
       id,
       Estate().groups({Group("sg-1", {AllTraffic().v4("0.0.0.0/0").v6("::/0").id("sgr-3")})}),
       {Fail("sg-1", "allows all traffic from 0.0.0.0/0 (rule sgr-3); allows all traffic from ::/0 (rule sgr-3)")}},
      {"sensitive_wide_range",
       id,
       Estate().groups({Group("sg-1", {Tcp(1000, 6000).v4("0.0.0.0/0")})}),
       {Fail("sg-1", "allows tcp/1433, tcp/1521, tcp/3306, tcp/5432 from 0.0.0.0/0")}},
      {"sensitive_collection_failed",
       id,
       Estate().fail("ec2.security_groups"),
       {Error(kAccount, "DescribeSecurityGroups")}},
  };
}

std::vector<CheckCase> DefaultSgCases() {
  const std::string id = "ec2_default_sg_restricts_all";
  return {
      {"default_sg_empty",
       id,
       Estate().groups({Group("sg-d", {}, {}, "default"), Group("sg-open", {AllTraffic().v4("0.0.0.0/0")})}),
       {Pass("sg-d", "the default security group of vpc-1 has no rules")}},
      {"default_sg_aws_defaults",
       id,
       Estate().groups({Group("sg-d", {AllTraffic().group("sg-d")}, {AllTraffic().v4("0.0.0.0/0")}, "default")}),
       {Fail("sg-d", "has 1 inbound rule and 1 outbound rule; it should have none")}},
      {"default_sg_egress_only",
       id,
       Estate().groups({Group("sg-d", {}, {AllTraffic().v4("0.0.0.0/0"), AllTraffic().v6("::/0")}, "default")}),
       {Fail("sg-d", "0 inbound rules and 2 outbound rules")}},
      {"default_sg_collection_failed",
       id,
       Estate().fail("ec2.security_groups"),
       {Error(kAccount, "DescribeSecurityGroups")}},
  };
}

std::vector<CheckCase> NaclCases() {
  const std::string id = "ec2_nacl_no_admin_ports_from_internet";
  return {
      {"nacl_aws_default_allows_all",
       id,
       Estate().acls({Acl("acl-1", {Entry(100, "-1", true, "0.0.0.0/0"), Entry(32767, "-1", false, "0.0.0.0/0")})}),
       {Fail("acl-1", "allows tcp/22 from 0.0.0.0/0 (entry 100, all traffic); allows tcp/3389 from 0.0.0.0/0")}},
      {"nacl_deny_before_allow",
       id,
       Estate().acls({Acl("acl-1", {Entry(100, "-1", true, "0.0.0.0/0"), Entry(90, "6", false, "0.0.0.0/0", 22, 22)})}),
       {Without(Fail("acl-1", "allows tcp/3389 from 0.0.0.0/0 (entry 100"), "tcp/22")}},
      {"nacl_lower_allow_wins_over_deny",
       id,
       Estate().acls(
           {Acl("acl-1", {Entry(200, "-1", false, "0.0.0.0/0"), Entry(100, "6", true, "0.0.0.0/0", 22, 22)})}),
       {Without(Fail("acl-1", "allows tcp/22 from 0.0.0.0/0 (entry 100)"), "3389")}},
      {"nacl_deny_range_first",
       id,
       Estate().acls(
           {Acl("acl-1", {Entry(200, "-1", true, "0.0.0.0/0"), Entry(100, "6", false, "0.0.0.0/0", 0, 65535)})}),
       {Pass("acl-1", "denies tcp/22 and tcp/3389")}},
      {"nacl_allow_only_private_source",
       id,
       Estate().acls({Acl("acl-1", {Entry(100, "-1", true, "10.0.0.0/8")})}),
       {Pass("acl-1")}},
      {"nacl_udp_entry_does_not_match_tcp",
       id,
       Estate().acls({Acl("acl-1", {Entry(100, "17", true, "0.0.0.0/0", 0, 65535)})}),
       {Pass("acl-1")}},
      {"nacl_tcp_range",
       id,
       Estate().acls({Acl("acl-1", {Entry(100, "6", true, "0.0.0.0/0", 1, 1023)})}),
       {Without(Fail("acl-1", "allows tcp/22 from 0.0.0.0/0 (entry 100)"), "3389")}},
      {"nacl_ipv6",
       id,
       Estate().acls({Acl("acl-1", {Entry(100, "-1", false, "0.0.0.0/0"), Entry(101, "-1", true, "::/0")})}),
       {Without(Fail("acl-1", "allows tcp/22 from ::/0 (entry 101"), "0.0.0.0/0")}},
      {"nacl_egress_ignored",
       id,
       Estate().acls({Acl("acl-1", {Egress(Entry(100, "-1", true, "0.0.0.0/0"))})}),
       {Pass("acl-1")}},
      {"nacl_collection_failed", id, Estate().fail("ec2.network_acls"), {Error(kAccount, "ec2:DescribeNetworkAcls")}},
  };
}

std::vector<CheckCase> ImdsCases() {
  const std::string id = "ec2_imdsv2_required";
  return {
      {"imds_required", id, Estate().instances({Ec2("i-1")}), {Pass("i-1", "requires IMDSv2")}},
      {"imds_optional_running",
       id,
       Estate().instances({Ec2("i-1").tokens("optional")}),
       {Fail("i-1", "does not require IMDSv2 (http_tokens is optional)")}},
      {"imds_optional_stopped",
       id,
       Estate().instances({Ec2("i-1").tokens("optional").state("stopped")}),
       {Fail("i-1", "http_tokens is optional")}},
      {"imds_terminated_skipped",
       id,
       Estate().instances({Ec2("i-1").tokens("optional").state("terminated"), Ec2("i-2")}),
       {Pass("i-2")}},
      {"imds_endpoint_disabled",
       id,
       Estate().instances({Ec2("i-1").tokens("optional").endpoint("disabled")}),
       {Pass("i-1", "metadata service is disabled")}},
      {"imds_collection_failed", id, Estate().fail("ec2.instances"), {Error(kAccount, "ec2:DescribeInstances")}},
  };
}

std::vector<CheckCase> DirectlyPublicCases() {
  const std::string id = "ec2_instance_not_directly_public";
  const auto groups = std::vector<SecurityGroup>{
      Group("sg-web", {Tcp(443).v4("0.0.0.0/0").id("sgr-web")}),
      Group("sg-ssh", {Tcp(22).v4("0.0.0.0/0").id("sgr-ssh")}),
      Group("sg-private", {Tcp(22).v4("10.0.0.0/8"), Tcp(443).prefix_list("pl-1"), Tcp(5432).group("sg-web")}),
      Group("sg-v6", {AllTraffic().v6("::/0").id("sgr-v6")}),
  };
  return {
      {"public_no_public_ip",
       id,
       Estate().groups(groups).instances({Ec2("i-1").groups({"sg-ssh"})}),
       {Pass("i-1", "has no public IP address")}},
      {"public_web_port",
       id,
       Estate().groups(groups).instances({Ec2("i-1").public_ip("54.1.2.3").groups({"sg-web", "sg-private"})}),
       {Fail("i-1",
             "reachable from the internet: public IP 54.1.2.3; sg-web allows tcp/443 from 0.0.0.0/0 (rule sgr-web)")}},
      {"public_admin_port_is_critical",
       id,
       Estate().groups(groups).instances({Ec2("i-1").public_ip("54.1.2.3").groups({"sg-ssh"})}),
       {Fail("i-1", "reachable from the internet on admin port tcp/22: public IP 54.1.2.3; sg-ssh allows tcp/22",
             kCritical)}},
      {"public_interface_only_groups",
       id,
       Estate().groups(groups).instances({Ec2("i-1").interface("eni-1", {"sg-ssh"}, "3.3.3.3")}),
       {Fail("i-1", "public IP 3.3.3.3; sg-ssh allows tcp/22 from 0.0.0.0/0", kCritical)}},
      {"public_union_of_instance_and_interface_groups",
       id,
       Estate().groups(groups).instances({Ec2("i-1")
                                              .public_ip("54.1.2.3")
                                              .groups({"sg-private"})
                                              .interface("eni-1", {"sg-private"})
                                              .interface("eni-2", {"sg-web"})}),
       {Fail("i-1", "sg-web allows tcp/443")}},
      {"public_ipv6_all_traffic",
       id,
       Estate().groups(groups).instances({Ec2("i-1").public_ip("54.1.2.3").groups({"sg-v6"})}),
       {Fail("i-1", "admin port tcp/22, tcp/3389: public IP 54.1.2.3; sg-v6 allows all traffic from ::/0", kCritical)}},
      {"public_but_closed",
       id,
       Estate().groups(groups).instances({Ec2("i-1").public_ip("54.1.2.3").groups({"sg-private"})}),
       {Pass("i-1", "has public IP 54.1.2.3 but none of its security groups admits traffic from the internet")}},
      {"public_stopped_with_elastic_ip",
       id,
       Estate().groups(groups).instances({Ec2("i-1").state("stopped").public_ip("54.1.2.3").groups({"sg-web"})}),
       {Fail("i-1", "(the instance is stopped; exposed once running)")}},
      {"public_terminated_skipped",
       id,
       Estate().groups(groups).instances({Ec2("i-1").state("terminated").public_ip("54.1.2.3").groups({"sg-ssh"})}),
       {}},
      {"public_groups_failed",
       id,
       Estate().instances({Ec2("i-1")}).fail("ec2.security_groups"),
       {Error(kAccount, "DescribeSecurityGroups")}},
      {"public_instances_failed", id, Estate().fail("ec2.instances"), {Error(kAccount, "DescribeInstances")}},
  };
}

std::vector<CheckCase> EnvironmentIsolationCases() {
  const std::string id = "vpc_environment_isolation";
  const auto vpcs = std::vector<Vpc>{
      MakeVpc("vpc-prod", {{"Environment", "prod"}}),       MakeVpc("vpc-prod2", {{"Environment", "Production"}}),
      MakeVpc("vpc-dev", {{"Environment", "dev"}}),         MakeVpc("vpc-stage", {{"environment", "staging"}}),
      MakeVpc("vpc-lower", {{"ENVIRONMENT", "PROD-EU"}}),   MakeVpc("vpc-untagged", {{"Name", "shared"}}),
      MakeVpc("vpc-nonprod", {{"Environment", "nonprod"}}), MakeVpc("vpc-preprod", {{"Environment", "pre-prod"}}),
  };
  VpcPeering foreign = Peering("pcx-x", "vpc-prod", "vpc-other");
  foreign.accepter_owner_id = "210987654321";
  foreign.accepter_region = kOtherRegion;
  VpcPeering foreign_dev = foreign;
  foreign_dev.requester_vpc_id = "vpc-dev";
  VpcPeering cross_region = Peering("pcx-cr", "vpc-prod", "vpc-eu-dev");
  cross_region.accepter_region = kOtherRegion;
  return {
      {"env_prod_with_dev",
       id,
       Estate().vpcs(vpcs).peerings({Peering("pcx-1", "vpc-prod", "vpc-dev")}),
       {Fail("pcx-1",
             "connects production and non-production VPCs: vpc-prod (Environment=prod) with vpc-dev "
             "(Environment=dev)")}},
      {"env_prod_with_prod",
       id,
       Estate().vpcs(vpcs).peerings({Peering("pcx-1", "vpc-prod", "vpc-prod2")}),
       {Pass("pcx-1", "same class (production)")}},
      {"env_dev_with_staging",
       id,
       Estate().vpcs(vpcs).peerings({Peering("pcx-1", "vpc-dev", "vpc-stage")}),
       {Pass("pcx-1", "same class (non-production)")}},
      {"env_key_and_value_case_insensitive",
       id,
       Estate().vpcs(vpcs).peerings({Peering("pcx-1", "vpc-stage", "vpc-lower")}),
       {Fail("pcx-1", "vpc-stage (environment=staging) with vpc-lower (ENVIRONMENT=PROD-EU)")}},
      {"env_prod_with_nonprod_spellings",
       id,
       Estate().vpcs(vpcs).peerings(
           {Peering("pcx-1", "vpc-prod", "vpc-nonprod"), Peering("pcx-2", "vpc-preprod", "vpc-prod2")}),
       {Fail("pcx-1", "vpc-nonprod (Environment=nonprod)"), Fail("pcx-2", "vpc-preprod (Environment=pre-prod)")}},
      {"env_nonprod_with_dev",
       id,
       Estate().vpcs(vpcs).peerings({Peering("pcx-1", "vpc-nonprod", "vpc-dev")}),
       {Pass("pcx-1", "same class (non-production)")}},
      {"env_prod_with_untagged",
       id,
       Estate().vpcs(vpcs).peerings({Peering("pcx-1", "vpc-prod", "vpc-untagged")}),
       {Fail("pcx-1", "vpc-untagged (no Environment tag: counted as non-production)")}},
      {"env_inactive_peering_skipped",
       id,
       Estate().vpcs(vpcs).peerings({Peering("pcx-1", "vpc-prod", "vpc-dev", "pending-acceptance"),
                                     Peering("pcx-2", "vpc-prod", "vpc-dev", "deleted")}),
       {}},
      {"env_prod_with_other_account",
       id,
       Estate().vpcs(vpcs).peerings({foreign}),
       {Fail("pcx-x",
             "vpc-other in account 210987654321 (eu-west-1), which this scan did not cover; its "
             "environment cannot be verified")}},
      {"env_dev_with_other_account",
       id,
       Estate().vpcs(vpcs).peerings({foreign_dev}),
       {Pass("pcx-x", "connects non-production vpc-dev (Environment=dev) with vpc-other")}},
      {"env_cross_region_reported_once",
       id,
       Estate()
           .add_region(kOtherRegion)
           .vpcs(vpcs)
           .vpcs({MakeVpc("vpc-eu-dev", {{"Environment", "dev"}})}, kOtherRegion)
           .peerings({cross_region})
           .peerings({cross_region}, kOtherRegion),
       {In(Fail("pcx-cr", "vpc-prod (Environment=prod) with vpc-eu-dev (Environment=dev)"), kRegion)}},
      {"env_peerings_failed",
       id,
       Estate().fail("ec2.vpc_peerings"),
       {Error(kAccount, "DescribeVpcPeeringConnections")}},
      {"env_vpcs_failed",
       id,
       Estate().peerings({Peering("pcx-1", "vpc-prod", "vpc-dev")}).fail("ec2.vpcs"),
       {Error(kAccount, "ec2:DescribeVpcs")}},
  };
}

INSTANTIATE_TEST_SUITE_P(SgAdminIpv4, CheckCaseTest, ::testing::ValuesIn(SgAdminIpv4Cases()), CaseName);
INSTANTIATE_TEST_SUITE_P(SgAdminIpv6, CheckCaseTest, ::testing::ValuesIn(SgAdminIpv6Cases()), CaseName);
INSTANTIATE_TEST_SUITE_P(SensitivePorts, CheckCaseTest, ::testing::ValuesIn(SensitivePortCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(DefaultSg, CheckCaseTest, ::testing::ValuesIn(DefaultSgCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Nacl, CheckCaseTest, ::testing::ValuesIn(NaclCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Imdsv2, CheckCaseTest, ::testing::ValuesIn(ImdsCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(DirectlyPublic, CheckCaseTest, ::testing::ValuesIn(DirectlyPublicCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(EnvironmentIsolation, CheckCaseTest, ::testing::ValuesIn(EnvironmentIsolationCases()),
                         CaseName);

}  // namespace
}  // namespace posture::checks::testing
