// Fixture-driven cases for the network and edge checks: EBS
// encryption, flow logs, peering routes, CIFS exposure, instance profiles,
// CloudFront and API Gateway WAF, and egress inspection.
#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

constexpr Severity kMedium = Severity::kMedium;

// ---- Fixture helpers of this file ---------------------------------------------

Volume MakeVolume(std::string id, bool encrypted, std::string state = "in-use") {
  Volume volume;
  volume.id = std::move(id);
  volume.encrypted = encrypted;
  volume.state = std::move(state);
  volume.size_gib = 8;
  if (encrypted) volume.kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/k-1";
  if (volume.state == "in-use") volume.attached_instance_ids = {"i-1"};
  return volume;
}

FlowLog MakeFlowLog(std::string id, std::string resource, std::string traffic, std::string status = "ACTIVE") {
  FlowLog flow_log;
  flow_log.id = std::move(id);
  flow_log.resource_id = std::move(resource);
  flow_log.traffic_type = std::move(traffic);
  flow_log.status = std::move(status);
  flow_log.destination_type = "cloud-watch-logs";
  flow_log.destination = "vpc-flow";
  return flow_log;
}

Route ToPeering(std::string destination, std::string pcx, std::string state = "active") {
  Route route;
  (destination.find(':') == std::string::npos ? route.destination_ipv4 : route.destination_ipv6) =
      std::move(destination);
  route.vpc_peering_connection_id = std::move(pcx);
  route.state = std::move(state);
  return route;
}
Route ToGateway(std::string destination, std::string gateway) {
  Route route;
  (destination.find(':') == std::string::npos ? route.destination_ipv4 : route.destination_ipv6) =
      std::move(destination);
  route.gateway_id = std::move(gateway);
  route.state = "active";
  return route;
}
RouteTable Table(std::string id, std::string vpc, std::vector<Route> routes) {
  RouteTable table;
  table.id = std::move(id);
  table.vpc_id = std::move(vpc);
  table.routes = std::move(routes);
  table.routes.insert(table.routes.begin(), ToGateway("10.0.0.0/16", "local"));
  return table;
}
// pcx-1: vpc-1 (10.0.0.0/16) requests, vpc-2 (10.1.0.0/16 and 2600:1f18::/56) accepts.
VpcPeering PeeringWithCidrs() {
  VpcPeering peering = Peering("pcx-1", "vpc-1", "vpc-2");
  peering.requester_cidr = "10.0.0.0/16";
  peering.requester_cidrs = {"10.0.0.0/16"};
  peering.accepter_cidr = "10.1.0.0/16";
  peering.accepter_cidrs = {"10.1.0.0/16", "10.2.0.0/24", "2600:1f18::/56"};
  return peering;
}

CloudFrontDistribution Distribution(std::string id, std::string web_acl, bool enabled = true) {
  CloudFrontDistribution distribution;
  distribution.arn = "arn:aws:cloudfront::123456789012:distribution/" + id;
  distribution.id = std::move(id);
  distribution.domain_name = distribution.id + ".cloudfront.net";
  distribution.web_acl_id = std::move(web_acl);
  distribution.enabled = enabled;
  return distribution;
}

ApiGatewayStage Stage(std::string api, std::string stage, std::vector<std::string> types, std::string web_acl) {
  ApiGatewayStage out;
  out.rest_api_id = api;
  out.rest_api_name = api + "-name";
  out.endpoint_types = std::move(types);
  out.stage_name = stage;
  out.arn = "arn:aws:apigateway:us-east-1::/restapis/" + api + "/stages/" + stage;
  out.web_acl_arn = std::move(web_acl);
  return out;
}

Instance WithProfile(Instance instance, std::string profile) {
  instance.instance_profile_arn = std::move(profile);
  return instance;
}

// ---- Cases ---------------------------------------------------------------------

std::vector<CheckCase> EbsCases() {
  return {
      {"ebs_default_per_region",
       "ec2_ebs_default_encryption",
       Estate().add_region(kOtherRegion).ebs_default_encryption(false, kOtherRegion),
       {In(Pass(kAccount, "EBS encryption by default is enabled in us-east-1"), kRegion),
        In(Fail(kAccount, "EBS encryption by default is disabled in eu-west-1"), kOtherRegion)}},
      {"ebs_default_failed",
       "ec2_ebs_default_encryption",
       Estate().fail("ec2.ebs_default_encryption"),
       {Error(kAccount, "ec2:GetEbsEncryptionByDefault failed in us-east-1", kRegion)}},

      {"volumes_mixed",
       "ec2_ebs_volume_encrypted",
       Estate().volumes({MakeVolume("vol-enc", true), MakeVolume("vol-plain", false),
                         MakeVolume("vol-spare", false, "available"), MakeVolume("vol-gone", false, "deleting")}),
       {Pass("vol-enc", "encrypted with KMS key arn:aws:kms:us-east-1:123456789012:key/k-1"),
        Fail("vol-plain", "is not encrypted (8 GiB, attached to i-1)"),
        Fail("vol-spare", "is not encrypted (8 GiB, not attached)")}},
      {"volumes_failed",
       "ec2_ebs_volume_encrypted",
       Estate().fail("ec2.volumes"),
       {Error(kAccount, "ec2:DescribeVolumes")}},
  };
}

std::vector<CheckCase> FlowLogCases() {
  const std::string id = "vpc_flow_logs_enabled";
  return {
      {"flow_logs_mixed",
       id,
       Estate()
           .vpcs({MakeVpc("vpc-all"), MakeVpc("vpc-reject"), MakeVpc("vpc-accept"), MakeVpc("vpc-none"),
                  MakeVpc("vpc-subnet-only")})
           .flow_logs({MakeFlowLog("fl-1", "vpc-all", "ALL"), MakeFlowLog("fl-2", "vpc-reject", "REJECT"),
                       MakeFlowLog("fl-3", "vpc-accept", "ACCEPT"), MakeFlowLog("fl-4", "subnet-1", "ALL")}),
       {Pass("vpc-all", "flow logs capture rejected traffic: fl-1 (ALL to cloud-watch-logs vpc-flow)"),
        Pass("vpc-reject", "fl-2 (REJECT"),
        Fail("vpc-accept", "no active flow log captures rejected traffic (REJECT or ALL); found only fl-3 (ACCEPT"),
        Fail("vpc-none", "has no flow log"), Fail("vpc-subnet-only", "has no flow log")}},
      {"flow_log_not_active",
       id,
       Estate().vpcs({MakeVpc("vpc-1")}).flow_logs({MakeFlowLog("fl-1", "vpc-1", "ALL", "FAILED")}),
       {Fail("vpc-1", "status FAILED")}},
      {"flow_logs_failed",
       id,
       Estate().vpcs({MakeVpc("vpc-1")}).fail("ec2.flow_logs"),
       {Error(kAccount, "DescribeFlowLogs")}},
      {"flow_logs_vpcs_failed", id, Estate().fail("ec2.vpcs"), {Error(kAccount, "DescribeVpcs")}},
  };
}

std::vector<CheckCase> PeeringRouteCases() {
  const std::string id = "vpc_peering_routes_least_access";
  return {
      {"peering_route_whole_vpc",
       id,
       Estate()
           .peerings({PeeringWithCidrs()})
           .route_tables({Table("rtb-wide", "vpc-1", {ToPeering("10.1.0.0/16", "pcx-1")}),
                          Table("rtb-narrow", "vpc-1", {ToPeering("10.1.3.0/24", "pcx-1")}),
                          Table("rtb-super", "vpc-1", {ToPeering("10.0.0.0/8", "pcx-1")}),
                          Table("rtb-none", "vpc-1", {ToGateway("0.0.0.0/0", "igw-1")})}),
       {Fail("rtb-wide", "routes 10.1.0.0/16 to pcx-1, covering the whole of peer VPC vpc-2's 10.1.0.0/16"),
        Pass("rtb-narrow", "peering routes are narrower than the peer VPC: 10.1.3.0/24 to pcx-1"),
        Fail("rtb-super",
             "routes 10.0.0.0/8 to pcx-1, covering the whole of peer VPC vpc-2's 10.1.0.0/16, "
             "10.2.0.0/24")}},
      {"peering_route_default_route",
       id,
       Estate()
           .peerings({PeeringWithCidrs()})
           .route_tables({Table("rtb-1", "vpc-1", {ToPeering("0.0.0.0/0", "pcx-1")})}),
       {Fail("rtb-1", "routes 0.0.0.0/0 to pcx-1: every address, the widest route possible")}},
      {"peering_route_from_accepter_side",
       id,
       Estate()
           .peerings({PeeringWithCidrs()})
           .route_tables({Table("rtb-2", "vpc-2", {ToPeering("10.0.0.0/16", "pcx-1"), ToPeering("::/0", "pcx-1")})}),
       {Fail("rtb-2", "routes 10.0.0.0/16 to pcx-1, covering the whole of peer VPC vpc-1's 10.0.0.0/16; routes ::/0")}},
      {"peering_route_ipv6_block",
       id,
       Estate()
           .peerings({PeeringWithCidrs()})
           .route_tables({Table("rtb-1", "vpc-1",
                                {ToPeering("2600:1f18::/56", "pcx-1"), ToPeering("2600:1f18:0:10::/64", "pcx-1")})}),
       {Fail("rtb-1", "routes 2600:1f18::/56 to pcx-1, covering the whole of peer VPC vpc-2's 2600:1f18::/56")}},
      {"peering_route_blackhole_and_unknown",
       id,
       Estate()
           .peerings({PeeringWithCidrs()})
           .route_tables(
               {Table("rtb-1", "vpc-1",
                      {ToPeering("10.1.0.0/16", "pcx-1", "blackhole"), ToPeering("10.9.0.0/16", "pcx-gone")})}),
       {Pass("rtb-1",
             "no peering route covers a whole peer VPC; could not compare: routes 10.9.0.0/16 to pcx-gone "
             "(peering not listed in this region)")}},
      {"peering_route_malformed_destination",
       id,
       Estate()
           .peerings({PeeringWithCidrs()})
           .route_tables({Table("rtb-1", "vpc-1", {ToPeering("10.1.0.0/99", "pcx-1")})}),
       {Pass("rtb-1", "the prefix length must be a number from 0 to 32")}},
      {"peering_routes_failed", id, Estate().fail("ec2.route_tables"), {Error(kAccount, "DescribeRouteTables")}},
      {"peering_list_failed",
       id,
       Estate().route_tables({Table("rtb-1", "vpc-1", {ToPeering("10.1.0.0/16", "pcx-1")})}).fail("ec2.vpc_peerings"),
       {Error(kAccount, "DescribeVpcPeeringConnections")}},
      {"peering_list_failed_but_no_peering_routes",
       id,
       Estate().route_tables({Table("rtb-1", "vpc-1", {})}).fail("ec2.vpc_peerings"),
       {}},
  };
}

std::vector<CheckCase> CifsCases() {
  const std::string id = "ec2_cifs_not_exposed";
  return {
      {"cifs_groups",
       id,
       Estate().groups({Group("sg-smb", {Tcp(445).v4("0.0.0.0/0").id("sgr-1")}),
                        Group("sg-netbios6", {Tcp(137, 139).v6("::/0").id("sgr-2")}),
                        Group("sg-all", {AllTraffic().v4("0.0.0.0/0").id("sgr-3")}),
                        Group("sg-internal", {Tcp(445).v4("10.0.0.0/8"), Tcp(443).v4("0.0.0.0/0")}),
                        Group("sg-udp", {Udp(445).v4("0.0.0.0/0")})}),
       {Fail("sg-smb", "allows tcp/445 from 0.0.0.0/0 (rule sgr-1)"),
        Fail("sg-netbios6", "allows tcp/139 from ::/0 (rule sgr-2, tcp/137-139)"),
        Fail("sg-all", "allows all traffic from 0.0.0.0/0 (rule sgr-3)"),
        Pass("sg-internal", "no rule allows tcp/139 or tcp/445 from 0.0.0.0/0 or ::/0"), Pass("sg-udp")}},
      {"cifs_acls",
       id,
       Estate().acls(
           {Acl("acl-open", {Entry(100, "-1", true, "0.0.0.0/0")}),
            Acl("acl-deny-first", {Entry(90, "6", false, "0.0.0.0/0", 139, 445), Entry(100, "-1", true, "0.0.0.0/0")}),
            Acl("acl-v6", {Entry(100, "6", true, "::/0", 445, 445)})}),
       {Fail("acl-open", "allows tcp/139 from 0.0.0.0/0 (entry 100, all traffic); allows tcp/445", kMedium),
        Pass("acl-deny-first", "denies tcp/139 and tcp/445"),
        Fail("acl-v6", "allows tcp/445 from ::/0 (entry 100)", kMedium)}},
      {"cifs_groups_failed",
       id,
       Estate().acls({Acl("acl-1", {})}).fail("ec2.security_groups"),
       {Error(kAccount, "DescribeSecurityGroups"), Pass("acl-1")}},
      {"cifs_acls_failed", id, Estate().fail("ec2.network_acls"), {Error(kAccount, "DescribeNetworkAcls")}},
  };
}

std::vector<CheckCase> InstanceProfileCases() {
  const std::string id = "ec2_instance_profile_attached";
  return {
      {"profiles",
       id,
       Estate().instances({WithProfile(Ec2("i-role"), "arn:aws:iam::123456789012:instance-profile/app"), Ec2("i-keys"),
                           Ec2("i-stopped").state("stopped"), Ec2("i-gone").state("terminated")}),
       {Pass("i-role", "uses instance profile arn:aws:iam::123456789012:instance-profile/app"),
        Fail("i-keys", "running instance has no IAM instance profile")}},
      {"profiles_failed", id, Estate().fail("ec2.instances"), {Error(kAccount, "DescribeInstances")}},
  };
}

std::vector<CheckCase> EdgeWafCases() {
  return {
      {"cloudfront_mixed",
       "cloudfront_waf",
       Estate().distributions({Distribution("E1", "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1"),
                               Distribution("E2", ""), Distribution("E3", "", false)}),
       {In(Pass("E1", "protected by web ACL arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1"), "global"),
        In(Fail("E2", "distribution (E2.cloudfront.net) has no AWS WAF web ACL"), "global"),
        Fail("E3", "disabled distribution (E3.cloudfront.net)")}},
      {"cloudfront_failed",
       "cloudfront_waf",
       Estate().fail("cloudfront.distributions"),
       {Without(Error(kAccount, "cloudfront:ListDistributions failed (access_denied", "global"), " in ")}},

      {"api_stages",
       "apigateway_stage_waf",
       Estate().api_stages(
           {Stage("a1", "prod", {"REGIONAL"}, "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1"),
            Stage("a1", "dev", {"REGIONAL"}, ""), Stage("a2", "prod", {"EDGE"}, ""),
            Stage("a3", "prod", {"PRIVATE"}, ""), Stage("a4", "v1", {}, "")}),
       {Pass("a1/prod", "stage prod of REGIONAL REST API a1-name is protected by web ACL arn:aws:wafv2"),
        Fail("a1/dev", "stage dev of REGIONAL REST API a1-name has no AWS WAF web ACL"),
        Fail("a2/prod", "stage prod of EDGE REST API a2-name"), Fail("a4/v1", "stage v1 of EDGE REST API")}},
      {"api_stages_failed",
       "apigateway_stage_waf",
       Estate().add_region(kOtherRegion).fail("apigateway.stages", kOtherRegion),
       {Error(kAccount, "apigateway:GetRestApis failed in eu-west-1", kOtherRegion)}},
  };
}

std::vector<CheckCase> EgressCases() {
  const std::string id = "vpc_egress_inspected";
  const RouteTable public_table = Table("rtb-pub", "vpc-1", {ToGateway("0.0.0.0/0", "igw-1")});
  return {
      {"egress_uninspected",
       id,
       Estate().route_tables({public_table, Table("rtb-v6", "vpc-2", {ToGateway("::/0", "igw-2")}),
                              Table("rtb-nat", "vpc-1", {ToGateway("0.0.0.0/0", "vgw-1")})}),
       {Fail(kAccount,
             "2 route tables send internet traffic to an internet gateway but us-east-1 has no AWS Network "
             "Firewall: rtb-pub (vpc-1): 0.0.0.0/0 to igw-1; rtb-v6 (vpc-2): ::/0 to igw-2")}},
      {"egress_inspected",
       id,
       Estate()
           .route_tables({public_table})
           .firewalls({{"egress-fw", "arn:aws:network-firewall:us-east-1:123456789012:firewall/egress-fw"}}),
       {Pass(kAccount, "AWS Network Firewall present (egress-fw) for 1 internet-facing route table")}},
      {"egress_private_only",
       id,
       Estate().route_tables({Table("rtb-priv", "vpc-1", {})}).fail("network_firewall.firewalls"),
       {Pass(kAccount, "no route table in us-east-1 sends 0.0.0.0/0 or ::/0 to an internet gateway")}},
      {"egress_firewalls_failed",
       id,
       Estate().route_tables({public_table}).fail("network_firewall.firewalls"),
       {Error(kAccount, "network-firewall:ListFirewalls failed in us-east-1")}},
      {"egress_routes_failed", id, Estate().fail("ec2.route_tables"), {Error(kAccount, "DescribeRouteTables")}},
  };
}

INSTANTIATE_TEST_SUITE_P(Ebs, CheckCaseTest, ::testing::ValuesIn(EbsCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(FlowLogs, CheckCaseTest, ::testing::ValuesIn(FlowLogCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(PeeringRoutes, CheckCaseTest, ::testing::ValuesIn(PeeringRouteCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Cifs, CheckCaseTest, ::testing::ValuesIn(CifsCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(InstanceProfile, CheckCaseTest, ::testing::ValuesIn(InstanceProfileCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(EdgeWaf, CheckCaseTest, ::testing::ValuesIn(EdgeWafCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Egress, CheckCaseTest, ::testing::ValuesIn(EgressCases()), CaseName);

}  // namespace
}  // namespace posture::checks::testing
