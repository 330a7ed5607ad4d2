// The network and edge part of the demo estate: EBS encryption,
// flow logs, peering routes, CIFS exposure, an internet gateway with and
// without a Network Firewall, CloudFront distributions and API Gateway
// stages with and without a web ACL.
#include <string>

#include "demo/estate.h"
#include "demo/setup_calls.h"

namespace posture::demo {
namespace {

using aws::Json;

constexpr const char* kHome = "us-east-1";
constexpr const char* kAway = "eu-west-1";

Json NameTag(const std::string& type, const std::string& name) {
  return Json::array({{{"ResourceType", type}, {"Tags", Json::array({{{"Key", "Name"}, {"Value", name}}})}}});
}

std::string Vpc(SetupCalls& s, const std::string& region, const std::string& name, const std::string& cidr) {
  return s.call("ec2", "CreateVpc", {{"CidrBlock", cidr}, {"TagSpecifications", NameTag("vpc", name)}}, region)["Vpc"]
      .value("VpcId", "");
}

std::string RouteTable(SetupCalls& s, const std::string& region, const std::string& vpc, const std::string& name) {
  return s
      .call("ec2", "CreateRouteTable", {{"VpcId", vpc}, {"TagSpecifications", NameTag("route-table", name)}},
            region)["RouteTable"]
      .value("RouteTableId", "");
}

// An internet gateway attached to `vpc` and a default route to it.
void InternetRoute(SetupCalls& s, const std::string& region, const std::string& vpc, const std::string& table) {
  const std::string igw =
      s.call("ec2", "CreateInternetGateway", Json::object(), region)["InternetGateway"].value("InternetGatewayId", "");
  s.call("ec2", "AttachInternetGateway", {{"InternetGatewayId", igw}, {"VpcId", vpc}}, region);
  s.call("ec2", "CreateRoute", {{"RouteTableId", table}, {"DestinationCidrBlock", "0.0.0.0/0"}, {"GatewayId", igw}},
         region);
}

void BuildStorage(SetupCalls& s) {
  // Volumes first: once encryption by default is on, every new volume is encrypted.
  for (const bool encrypted : {true, false}) {
    s.call("ec2", "CreateVolume",
           {{"AvailabilityZone", std::string(kHome) + "a"},
            {"Size", 8},
            {"Encrypted", encrypted},
            {"TagSpecifications", NameTag("volume", encrypted ? "data-encrypted" : "data-plain")}});
  }
  s.call("ec2", "EnableEbsEncryptionByDefault", Json::object());  // us-east-1 only: eu-west-1 fails
}

void BuildNetwork(SetupCalls& s) {
  const std::string app = Vpc(s, kHome, "edge-app", "10.40.0.0/16");
  const std::string db = Vpc(s, kHome, "edge-db", "10.41.0.0/16");
  s.call("ec2", "CreateFlowLogs",
         {{"ResourceIds", Json::array({app})},
          {"ResourceType", "VPC"},
          {"TrafficType", "REJECT"},
          {"LogDestinationType", "cloud-watch-logs"},
          {"LogGroupName", "edge-app-flow"},
          {"DeliverLogsPermissionArn", "arn:aws:iam::123456789012:role/flow-logs"}});

  const std::string pcx =
      s.call("ec2", "CreateVpcPeeringConnection", {{"VpcId", app}, {"PeerVpcId", db}})["VpcPeeringConnection"].value(
          "VpcPeeringConnectionId", "");
  s.call("ec2", "AcceptVpcPeeringConnection", {{"VpcPeeringConnectionId", pcx}});
  // app routes the whole db VPC over the peering (too wide); db routes back one subnet only.
  const std::string app_table = RouteTable(s, kHome, app, "edge-app-public");
  s.call("ec2", "CreateRoute",
         {{"RouteTableId", app_table}, {"DestinationCidrBlock", "10.41.0.0/16"}, {"VpcPeeringConnectionId", pcx}});
  const std::string db_table = RouteTable(s, kHome, db, "edge-db-private");
  s.call("ec2", "CreateRoute",
         {{"RouteTableId", db_table}, {"DestinationCidrBlock", "10.40.1.0/24"}, {"VpcPeeringConnectionId", pcx}});

  // Internet egress: uninspected in us-east-1, behind a Network Firewall in eu-west-1.
  InternetRoute(s, kHome, app, app_table);
  const std::string away = Vpc(s, kAway, "edge-inspected", "10.42.0.0/16");
  const std::string away_table = RouteTable(s, kAway, away, "edge-inspected-public");
  InternetRoute(s, kAway, away, away_table);
  const std::string firewall_subnet =
      s.call("ec2", "CreateSubnet",
             {{"VpcId", away}, {"CidrBlock", "10.42.0.0/28"}, {"AvailabilityZone", std::string(kAway) + "a"}},
             kAway)["Subnet"]
          .value("SubnetId", "");
  s.call("network-firewall", "CreateFirewall",
         {{"FirewallName", "egress-inspection"},
          {"FirewallPolicyArn", "arn:aws:network-firewall:eu-west-1:123456789012:firewall-policy/egress"},
          {"VpcId", away},
          {"SubnetMappings", Json::array({{{"SubnetId", firewall_subnet}}})}},
         kAway);

  // SMB open to the world, and a file server group open only inside.
  for (const auto& [name, cidr] :
       {std::pair{"smb-from-anywhere", "0.0.0.0/0"}, std::pair{"smb-internal", "10.0.0.0/8"}}) {
    const std::string group =
        s.call("ec2", "CreateSecurityGroup", {{"GroupName", name}, {"Description", name}, {"VpcId", app}})
            .value("GroupId", "");
    s.call("ec2", "AuthorizeSecurityGroupIngress",
           {{"GroupId", group},
            {"IpPermissions", Json::array({{{"IpProtocol", "tcp"},
                                            {"FromPort", 445},
                                            {"ToPort", 445},
                                            {"IpRanges", Json::array({{{"CidrIp", cidr}}})}}})}});
  }
}

Json DistributionConfig(const std::string& reference, const std::string& web_acl) {
  Json config = {
      {"CallerReference", reference},
      {"Comment", reference},
      {"Enabled", true},
      {"Origins",
       {{"Quantity", 1},
        {"Items", Json::array({{{"Id", "origin-1"},
                                {"DomainName", "shop-assets.s3.amazonaws.com"},
                                {"S3OriginConfig", {{"OriginAccessIdentity", ""}}}}})}}},
      {"DefaultCacheBehavior",
       {{"TargetOriginId", "origin-1"},
        {"ViewerProtocolPolicy", "redirect-to-https"},
        {"CachePolicyId", "658327ea-f89d-4fab-a63d-7e88639e58f6"}}},
  };
  if (!web_acl.empty()) config["WebACLId"] = web_acl;
  return config;
}

Json RegionalWebAcl(const std::string& name) {
  return {{"Name", name},
          {"Scope", "REGIONAL"},
          {"DefaultAction", {{"Allow", Json::object()}}},
          {"Rules", Json::array()},
          {"VisibilityConfig",
           {{"SampledRequestsEnabled", false}, {"CloudWatchMetricsEnabled", false}, {"MetricName", name}}}};
}

void BuildEdge(SetupCalls& s) {
  s.call(
      "cloudfront", "CreateDistribution",
      {{"DistributionConfig",
        DistributionConfig("demo-protected", "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge-protection/1")}});
  s.call("cloudfront", "CreateDistribution", {{"DistributionConfig", DistributionConfig("demo-open", "")}});

  // A regional REST API with a protected "prod" and an unprotected "dev"
  // stage, and a private API (not internet-facing, not judged).
  const std::string api =
      s.call("apigateway", "CreateRestApi",
             {{"name", "shop-api"}, {"endpointConfiguration", {{"types", Json::array({"REGIONAL"})}}}})
          .value("id", "");
  const std::string root = s.call("apigateway", "GetResources", {{"restApiId", api}})["items"][0].value("id", "");
  s.call("apigateway", "PutMethod",
         {{"restApiId", api}, {"resourceId", root}, {"httpMethod", "GET"}, {"authorizationType", "NONE"}});
  s.call("apigateway", "PutIntegration",
         {{"restApiId", api}, {"resourceId", root}, {"httpMethod", "GET"}, {"type", "MOCK"}});
  const std::string deployment =
      s.call("apigateway", "CreateDeployment", {{"restApiId", api}, {"stageName", "prod"}}).value("id", "");
  s.call("apigateway", "CreateStage", {{"restApiId", api}, {"stageName", "dev"}, {"deploymentId", deployment}});
  s.call("apigateway", "CreateRestApi",
         {{"name", "internal-api"}, {"endpointConfiguration", {{"types", Json::array({"PRIVATE"})}}}});
  const std::string acl =
      s.call("wafv2", "CreateWebACL", RegionalWebAcl("api-stage-protection"))["Summary"].value("ARN", "");
  s.call("wafv2", "AssociateWebACL",
         {{"WebACLArn", acl}, {"ResourceArn", "arn:aws:apigateway:us-east-1::/restapis/" + api + "/stages/prod"}});
}

}  // namespace

base::Status BuildNetworkEdge(aws::AwsClient& client) {
  SetupCalls steps(client, kHome);
  BuildStorage(steps);
  BuildNetwork(steps);
  BuildEdge(steps);
  return steps.status();
}

}  // namespace posture::demo
