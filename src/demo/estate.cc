#include "demo/estate.h"

#include <string>

#include "demo/setup_calls.h"

namespace posture::demo {
namespace {

using aws::Json;

constexpr const char* kAmi = "ami-03cf127a";  // present in moto's default image catalogue
constexpr const char* kAdminPolicy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
constexpr const char* kReadOnlyPolicy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]})";

Json Tags(const std::string& type, const std::string& name, const std::string& environment) {
  return Json::array({{{"ResourceType", type},
                       {"Tags", Json::array({{{"Key", "Name"}, {"Value", name}},
                                             {{"Key", "Environment"}, {"Value", environment}}})}}});
}

Json IngressFromAnywhere(int port, bool ipv6) {
  Json permission = {{"IpProtocol", "tcp"}, {"FromPort", port}, {"ToPort", port}};
  if (ipv6) {
    permission["Ipv6Ranges"] = Json::array({{{"CidrIpv6", "::/0"}}});
  } else {
    permission["IpRanges"] = Json::array({{{"CidrIp", "0.0.0.0/0"}, {"Description", "anywhere"}}});
  }
  return permission;
}

struct Network {
  std::string vpc_id;
  std::string subnet_a;
  std::string subnet_b;
};

Network MakeVpc(SetupCalls& b, const std::string& region, const std::string& name, const std::string& cidr,
                const std::string& environment) {
  Network net;
  net.vpc_id =
      b.call("ec2", "CreateVpc",
             {{"CidrBlock", cidr + ".0.0/16"}, {"TagSpecifications", Tags("vpc", name, environment)}}, region)["Vpc"]
          .value("VpcId", "");
  net.subnet_a = b.call("ec2", "CreateSubnet",
                        {{"VpcId", net.vpc_id}, {"CidrBlock", cidr + ".1.0/24"}, {"AvailabilityZone", region + "a"}},
                        region)["Subnet"]
                     .value("SubnetId", "");
  net.subnet_b = b.call("ec2", "CreateSubnet",
                        {{"VpcId", net.vpc_id}, {"CidrBlock", cidr + ".2.0/24"}, {"AvailabilityZone", region + "b"}},
                        region)["Subnet"]
                     .value("SubnetId", "");
  return net;
}

std::string MakeGroup(SetupCalls& b, const std::string& region, const std::string& vpc, const std::string& name,
                      const Json& permissions) {
  std::string id =
      b.call("ec2", "CreateSecurityGroup", {{"GroupName", name}, {"Description", name}, {"VpcId", vpc}}, region)
          .value("GroupId", "");
  if (!permissions.empty()) {
    b.call("ec2", "AuthorizeSecurityGroupIngress", {{"GroupId", id}, {"IpPermissions", permissions}}, region);
  }
  return id;
}

void RunInstance(SetupCalls& b, const std::string& region, const std::string& subnet, const std::string& group,
                 bool public_ip, const char* http_tokens, const std::string& name) {
  Json input = {{"ImageId", kAmi},
                {"MinCount", 1},
                {"MaxCount", 1},
                {"InstanceType", "t3.micro"},
                {"MetadataOptions", {{"HttpTokens", http_tokens}, {"HttpEndpoint", "enabled"}}},
                {"TagSpecifications", Tags("instance", name, "prod")}};
  input["NetworkInterfaces"] = Json::array({{{"DeviceIndex", 0},
                                             {"SubnetId", subnet},
                                             {"Groups", Json::array({group})},
                                             {"AssociatePublicIpAddress", public_ip}}});
  b.call("ec2", "RunInstances", input, region);
}

// An application load balancer in both subnets of `network`, with
// `groups` (none: the VPC's default group); its ARN, "" when the call failed.
std::string MakeLoadBalancer(SetupCalls& b, const std::string& region, const std::string& name, const char* scheme,
                             const Network& network, const std::vector<std::string>& groups) {
  Json input = {{"Name", name},
                {"Scheme", scheme},
                {"Type", "application"},
                {"Subnets", Json::array({network.subnet_a, network.subnet_b})}};
  if (!groups.empty()) input["SecurityGroups"] = groups;
  const Json created = b.call("elbv2", "CreateLoadBalancer", input, region);
  const Json* balancers = created.contains("LoadBalancers") ? &created["LoadBalancers"] : nullptr;
  return balancers != nullptr && balancers->is_array() && !balancers->empty()
             ? (*balancers)[0].value("LoadBalancerArn", "")
             : "";
}

void BuildRegionNetwork(SetupCalls& b, const std::string& region, int second_octet) {
  std::string base = "10." + std::to_string(second_octet);
  Network prod = MakeVpc(b, region, "prod", base, "prod");
  Network dev = MakeVpc(b, region, "dev", "10." + std::to_string(second_octet + 1), "dev");
  Network staging = MakeVpc(b, region, "staging", "10." + std::to_string(second_octet + 2), "staging");

  // prod <-> dev breaks environment isolation; dev <-> staging does not.
  for (const auto& [from, to] : {std::pair{&prod, &dev}, std::pair{&dev, &staging}}) {
    std::string peering = b.call("ec2", "CreateVpcPeeringConnection",
                                 {{"VpcId", from->vpc_id}, {"PeerVpcId", to->vpc_id}}, region)["VpcPeeringConnection"]
                              .value("VpcPeeringConnectionId", "");
    b.call("ec2", "AcceptVpcPeeringConnection", {{"VpcPeeringConnectionId", peering}}, region);
  }

  std::string ssh_world =
      MakeGroup(b, region, prod.vpc_id, "ssh-from-anywhere", Json::array({IngressFromAnywhere(22, false)}));
  MakeGroup(b, region, prod.vpc_id, "rdp-from-anywhere-v6", Json::array({IngressFromAnywhere(3389, true)}));
  MakeGroup(b, region, dev.vpc_id, "mysql-open", Json::array({IngressFromAnywhere(3306, false)}));
  std::string web = MakeGroup(b, region, prod.vpc_id, "web-https", Json::array({IngressFromAnywhere(443, false)}));
  std::string internal = MakeGroup(b, region, prod.vpc_id, "internal-ssh",
                                   Json::array({{{"IpProtocol", "tcp"},
                                                 {"FromPort", 22},
                                                 {"ToPort", 22},
                                                 {"IpRanges", Json::array({{{"CidrIp", "10.0.0.0/8"}}})}}}));

  std::string acl =
      b.call("ec2", "CreateNetworkAcl", {{"VpcId", staging.vpc_id}}, region)["NetworkAcl"].value("NetworkAclId", "");
  b.call("ec2", "CreateNetworkAclEntry",
         {{"NetworkAclId", acl},
          {"RuleNumber", 100},
          {"Protocol", "6"},
          {"RuleAction", "allow"},
          {"Egress", false},
          {"CidrBlock", "0.0.0.0/0"},
          {"PortRange", {{"From", 22}, {"To", 22}}}},
         region);

  RunInstance(b, region, prod.subnet_a, ssh_world, true, "optional", "bastion");
  RunInstance(b, region, prod.subnet_a, web, true, "required", "web");
  RunInstance(b, region, prod.subnet_b, internal, false, "required", "app");

  MakeLoadBalancer(b, region, "public-shop-" + region, "internet-facing", prod, {web});
  const std::string protected_alb =
      MakeLoadBalancer(b, region, "protected-api-" + region, "internet-facing", prod, {web});
  MakeLoadBalancer(b, region, "internal-" + region, "internal", prod, {});
  std::string acl_arn = b.call("wafv2", "CreateWebACL",
                               {{"Name", "api-protection"},
                                {"Scope", "REGIONAL"},
                                {"DefaultAction", {{"Allow", Json::object()}}},
                                {"Rules", Json::array()},
                                {"VisibilityConfig",
                                 {{"SampledRequestsEnabled", false},
                                  {"CloudWatchMetricsEnabled", false},
                                  {"MetricName", "api-protection"}}}},
                               region)["Summary"]
                            .value("ARN", "");
  b.call("wafv2", "AssociateWebACL", {{"WebACLArn", acl_arn}, {"ResourceArn", protected_alb}}, region);
}

void BuildIdentity(SetupCalls& b) {
  b.call("iam", "UpdateAccountPasswordPolicy", {{"MinimumPasswordLength", 8}, {"PasswordReusePrevention", 5}});
  for (const char* user : {"alice", "bob", "carol", "deploy-bot"}) b.call("iam", "CreateUser", {{"UserName", user}});
  for (const char* user : {"alice", "bob", "carol"}) {
    b.call("iam", "CreateLoginProfile", {{"UserName", user}, {"Password", "Demo-Password-123!"}});
  }
  // alice has a virtual MFA device; bob and carol sign in with a password only.
  std::string serial =
      b.call("iam", "CreateVirtualMFADevice", {{"VirtualMFADeviceName", "alice-mfa"}})["VirtualMFADevice"].value(
          "SerialNumber", "");
  b.call("iam", "EnableMFADevice",
         {{"UserName", "alice"},
          {"SerialNumber", serial},
          {"AuthenticationCode1", "123456"},
          {"AuthenticationCode2", "654321"}});

  std::string admin =
      b.call("iam", "CreatePolicy", {{"PolicyName", "FullAdmin"}, {"PolicyDocument", kAdminPolicy}})["Policy"].value(
          "Arn", "");
  std::string read_only =
      b.call("iam", "CreatePolicy", {{"PolicyName", "ReadBuckets"}, {"PolicyDocument", kReadOnlyPolicy}})["Policy"]
          .value("Arn", "");
  b.call("iam", "CreateGroup", {{"GroupName", "admins"}});
  b.call("iam", "AttachGroupPolicy", {{"GroupName", "admins"}, {"PolicyArn", admin}});
  b.call("iam", "AddUserToGroup", {{"GroupName", "admins"}, {"UserName", "alice"}});
  b.call("iam", "AttachUserPolicy", {{"UserName", "bob"}, {"PolicyArn", read_only}});
  b.call("iam", "PutUserPolicy",
         {{"UserName", "deploy-bot"}, {"PolicyName", "deploy-everything"}, {"PolicyDocument", kAdminPolicy}});
  b.call("iam", "CreateAccessKey", {{"UserName", "deploy-bot"}});
}

void BuildSecurityHub(SetupCalls& b) {
  b.call("securityhub", "EnableSecurityHub", {{"EnableDefaultStandards", true}}, "us-east-1");
  Json findings = Json::array();
  for (const auto& [id, label] :
       {std::pair{"demo-1", "CRITICAL"}, std::pair{"demo-2", "HIGH"}, std::pair{"demo-3", "HIGH"}}) {
    findings.push_back({{"SchemaVersion", "2018-10-08"},
                        {"Id", id},
                        {"ProductArn", "arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default"},
                        {"GeneratorId", "posture-demo"},
                        {"AwsAccountId", "123456789012"},
                        {"Types", Json::array({"Software and Configuration Checks"})},
                        {"CreatedAt", "2026-01-01T00:00:00Z"},
                        {"UpdatedAt", "2026-01-01T00:00:00Z"},
                        {"Severity", {{"Label", label}}},
                        {"Title", std::string("Demo finding ") + id},
                        {"Description", "A sample finding"},
                        {"Resources", Json::array({{{"Type", "AwsAccount"}, {"Id", "AWS::::Account:123456789012"}}})},
                        {"Workflow", {{"Status", "NEW"}}},
                        {"RecordState", "ACTIVE"}});
  }
  b.call("securityhub", "BatchImportFindings", {{"Findings", findings}}, "us-east-1");
}

}  // namespace

base::Status BuildEstate(aws::AwsClient& client) {
  if (auto network = BuildNetworkEdge(client); !network.ok()) return network;
  SetupCalls builder(client);
  BuildIdentity(builder);
  BuildRegionNetwork(builder, "us-east-1", 10);
  BuildRegionNetwork(builder, "eu-west-1", 20);
  BuildSecurityHub(builder);
  if (!builder.status().ok()) return builder.status();
  // The other parts, each returning its first failed call.
  for (auto part : {BuildIam, BuildLogging, BuildStorage}) {
    if (auto status = part(client); !status.ok()) return status;
  }
  return builder.status();
}

}  // namespace posture::demo
