// The network mapper: resources as each reader gives them (Terraform plan
// with unknown/reference markers, state with real ids, CloudFormation with
// references) into the inventory the checks read, and the conformance
// fixtures under testdata/conformance/ compared through their labels.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "checks/check.h"
#include "iac/mapping.h"
#include "mapping_builders.h"

namespace posture::iac {
namespace {

using nlohmann::json;

json NetUnknown() { return Unknown("known after apply"); }
const inventory::RegionInventory& NetRegion(const IacInventory& iac) {
  const auto* region = iac.inventory.region("us-east-1");
  EXPECT_NE(region, nullptr);
  return *region;
}

// The status of check `id` on `resource`, or "none".
std::string NetStatus(const IacInventory& iac, const char* id, const std::string& resource) {
  const checks::Check* check = checks::FindCheck(id);
  EXPECT_NE(check, nullptr) << id;
  if (check == nullptr) return "no check";
  for (const auto& finding : checks::EvaluateChecks(iac.inventory, {check})) {
    if (finding.resource_id == resource) return checks::StatusName(finding.status);
  }
  return "none";
}

json NetSgBlock(const std::string& protocol, int from, int to, json cidrs) {
  return {{"protocol", protocol},
          {"from_port", from},
          {"to_port", to},
          {"cidr_blocks", cidrs},
          {"ipv6_cidr_blocks", json::array()},
          {"prefix_list_ids", json::array()},
          {"security_groups", json::array()},
          {"self", false},
          {"description", ""}};
}

// ---- Security groups --------------------------------------------------------

TEST(NetworkMappingTest, PlanSecurityGroupJoinsItsRuleResources) {
  auto iac = BuildInventory({
      MakeResource("aws_vpc.main", "aws_vpc", {{"cidr_block", "10.0.0.0/16"}, {"id", NetUnknown()}}),
      MakeResource("aws_security_group.web", "aws_security_group",
                   {{"name", "web"},
                    {"vpc_id", AfterApplyReference("aws_vpc.main")},
                    {"id", NetUnknown()},
                    {"ingress", json::array({NetSgBlock("tcp", 443, 443, {"0.0.0.0/0"})})},
                    {"egress", NetUnknown()}}),
      MakeResource("aws_security_group_rule.ssh", "aws_security_group_rule",
                   {{"type", "ingress"},
                    {"security_group_id", AfterApplyReference("aws_security_group.web")},
                    {"source_security_group_id", NetUnknown()},
                    {"protocol", "6"},
                    {"from_port", 22},
                    {"to_port", 22},
                    {"cidr_blocks", {"0.0.0.0/0"}}}),
      MakeResource("aws_vpc_security_group_ingress_rule.rdp6", "aws_vpc_security_group_ingress_rule",
                   {{"security_group_id", AfterApplyReference("aws_security_group.web")},
                    {"ip_protocol", "tcp"},
                    {"from_port", 3389},
                    {"to_port", 3389},
                    {"cidr_ipv6", "::/0"}}),
      MakeResource("aws_vpc_security_group_egress_rule.all", "aws_vpc_security_group_egress_rule",
                   {{"security_group_id", AfterApplyReference("aws_security_group.web")},
                    {"ip_protocol", "-1"},
                    {"cidr_ipv4", "0.0.0.0/0"}}),
  });
  const auto& groups = *NetRegion(iac).ec2.security_groups;
  ASSERT_EQ(groups.size(), 1u);
  const auto& g = groups[0];
  EXPECT_EQ(g.id, "aws_security_group.web");
  EXPECT_EQ(g.vpc_id, "aws_vpc.main");
  ASSERT_EQ(g.ingress.size(), 3u);
  EXPECT_EQ(g.ingress[1].protocol, "tcp");  // "6" as AWS shows it
  EXPECT_EQ(g.ingress[1].from_port, 22);
  EXPECT_EQ(g.ingress[2].ipv6_ranges, std::vector<std::string>{"::/0"});
  // Egress unknown in the plan (not configured): only the rule resource's.
  ASSERT_EQ(g.egress.size(), 1u);
  EXPECT_EQ(g.egress[0].protocol, "-1");
  EXPECT_EQ(g.egress[0].from_port, -1);
  EXPECT_FALSE(MarkedUnknown(iac, "aws_security_group.web", "SecurityGroup.egress"));
  EXPECT_FALSE(MarkedUnknown(iac, "aws_security_group.web", "SecurityGroup.ingress"));
  EXPECT_EQ(iac.resources.count("aws_security_group_rule.ssh"), 0u);  // rules are not objects

  EXPECT_EQ(NetStatus(iac, "ec2_sg_no_admin_ports_from_internet_ipv4", "aws_security_group.web"), "FAIL");
  EXPECT_EQ(NetStatus(iac, "ec2_sg_no_admin_ports_from_internet_ipv6", "aws_security_group.web"), "FAIL");
  EXPECT_EQ(NetStatus(iac, "ec2_sg_no_open_sensitive_ports", "aws_security_group.web"), "PASS");
  // Every network section is set, EBS default encryption only when declared.
  EXPECT_TRUE(NetRegion(iac).ec2.flow_logs.ok());
  EXPECT_TRUE(NetRegion(iac).wafv2.web_acl_by_resource.ok());
  EXPECT_TRUE(iac.inventory.cloudfront.distributions.ok());
  EXPECT_FALSE(NetRegion(iac).ec2.ebs_default_encryption.ok());
  EXPECT_FALSE(NetRegion(iac).network_firewall.firewalls.ok());
}

TEST(NetworkMappingTest, StateSecurityGroupResolvesRealIds) {
  auto iac = BuildInventory({
      StateResource("aws_vpc.main", "aws_vpc", {{"cidr_block", "10.0.0.0/16"}, {"id", "vpc-0a1"}}),
      StateResource("aws_security_group.app", "aws_security_group",
                    {{"name", "app"},
                     {"id", "sg-0aaa"},
                     {"vpc_id", "vpc-0a1"},
                     {"ingress", json::array({NetSgBlock("tcp", 8080, 8080, json::array())})},
                     {"egress", json::array()}}),
      StateResource("aws_security_group.lb", "aws_security_group",
                    {{"name", "lb"}, {"id", "sg-0bbb"}, {"vpc_id", "vpc-0a1"}, {"ingress", json::array()}}),
      StateResource("aws_security_group_rule.from_lb", "aws_security_group_rule",
                    {{"type", "ingress"},
                     {"security_group_id", "sg-0aaa"},
                     {"protocol", "tcp"},
                     {"from_port", 80},
                     {"to_port", 80},
                     {"source_security_group_id", "sg-0bbb"}}),
      StateResource("aws_security_group_rule.self", "aws_security_group_rule",
                    {{"type", "ingress"},
                     {"security_group_id", "sg-0aaa"},
                     {"protocol", "-1"},
                     {"from_port", 0},
                     {"to_port", 0},
                     {"self", true}}),
  });
  const auto& groups = *NetRegion(iac).ec2.security_groups;
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].vpc_id, "aws_vpc.main");
  ASSERT_EQ(groups[0].ingress.size(), 3u);
  EXPECT_EQ(groups[0].ingress[1].group_ids, std::vector<std::string>{"aws_security_group.lb"});
  EXPECT_EQ(groups[0].ingress[2].group_ids, std::vector<std::string>{"aws_security_group.app"});
  EXPECT_EQ(iac.resources.at("aws_security_group.app").real_id, "sg-0aaa");
  EXPECT_EQ(NetStatus(iac, "ec2_sg_no_admin_ports_from_internet_ipv4", "aws_security_group.app"), "PASS");
}

TEST(NetworkMappingTest, CloudFormationSecurityGroupKeepsDefaultEgress) {
  auto iac = BuildInventory({
      TemplateResource("WebSG", "AWS::EC2::SecurityGroup",
                       {{"GroupDescription", "web"},
                        {"VpcId", Reference("VPC")},
                        {"SecurityGroupIngress",
                         {{{"IpProtocol", -1}, {"CidrIp", "0.0.0.0/0"}},
                          {{"IpProtocol", "tcp"}, {"FromPort", "445"}, {"ToPort", "445"}, {"CidrIpv6", "::/0"}}}}}),
      TemplateResource("Locked", "AWS::EC2::SecurityGroup",
                       {{"GroupDescription", "x"}, {"SecurityGroupEgress", json::array()}}),
      TemplateResource("SmbIn", "AWS::EC2::SecurityGroupIngress",
                       {{"GroupId", Reference("Locked", "GroupId")},
                        {"IpProtocol", "tcp"},
                        {"FromPort", 139},
                        {"ToPort", 139},
                        {"CidrIp", "0.0.0.0/0"}}),
  });
  const auto& groups = *NetRegion(iac).ec2.security_groups;
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].vpc_id, "VPC");
  ASSERT_EQ(groups[0].egress.size(), 1u);  // AWS's allow-all egress
  EXPECT_EQ(groups[0].egress[0].ipv4_ranges, std::vector<std::string>{"0.0.0.0/0"});
  EXPECT_EQ(groups[0].ingress[0].protocol, "-1");
  EXPECT_EQ(groups[0].ingress[1].from_port, 445);
  EXPECT_TRUE(groups[1].egress.empty());
  ASSERT_EQ(groups[1].ingress.size(), 1u);
  EXPECT_EQ(NetStatus(iac, "ec2_sg_no_open_sensitive_ports", "WebSG"), "FAIL");
  EXPECT_EQ(NetStatus(iac, "ec2_cifs_not_exposed", "WebSG"), "FAIL");
  EXPECT_EQ(NetStatus(iac, "ec2_cifs_not_exposed", "Locked"), "FAIL");
}

TEST(NetworkMappingTest, DefaultSecurityGroupIsNamedDefault) {
  auto closed =
      BuildInventory({MakeResource("aws_default_security_group.default", "aws_default_security_group",
                                   {{"vpc_id", AfterApplyReference("aws_vpc.main")}, {"ingress", NetUnknown()}})});
  EXPECT_EQ((*NetRegion(closed).ec2.security_groups)[0].name, "default");
  EXPECT_EQ(NetStatus(closed, "ec2_default_sg_restricts_all", "aws_default_security_group.default"), "PASS");
  auto open = BuildInventory({StateResource(
      "aws_default_security_group.default", "aws_default_security_group",
      {{"id", "sg-0def"},
       {"ingress", json::array({{{"protocol", "-1"}, {"from_port", 0}, {"to_port", 0}, {"self", true}}})}})});
  EXPECT_EQ(NetStatus(open, "ec2_default_sg_restricts_all", "aws_default_security_group.default"), "FAIL");
}

TEST(NetworkMappingTest, UnknownRuleValuesMarkTheirGroup) {
  auto iac = BuildInventory({
      MakeResource("aws_security_group.web", "aws_security_group", {{"name", "web"}, {"ingress", NetUnknown()}}),
      MakeResource("aws_security_group_rule.in", "aws_security_group_rule",
                   {{"type", "ingress"},
                    {"security_group_id", AfterApplyReference("aws_security_group.web")},
                    {"protocol", "tcp"},
                    {"from_port", 22},
                    {"to_port", 22},
                    {"cidr_blocks", NetUnknown()}}),
      MakeResource("aws_security_group.cf", "aws_security_group",
                   {{"name", "cf"},
                    {"ingress",
                     json::array({NetSgBlock("tcp", 22, 22, {AfterApplyReference("aws_vpc.other", "cidr_block")})})}}),
      TemplateResource("Imported", "AWS::EC2::SecurityGroup",
                       {{"GroupDescription", "x"}, {"SecurityGroupIngress", Unknown("Fn::ImportValue")}}),
  });
  EXPECT_TRUE(MarkedUnknown(iac, "aws_security_group.web", "SecurityGroup.ingress"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_security_group.cf", "SecurityGroup.ingress"));
  EXPECT_TRUE(MarkedUnknown(iac, "Imported", "SecurityGroup.ingress"));
  EXPECT_FALSE(MarkedUnknown(iac, "aws_security_group.web", "SecurityGroup.egress"));
  EXPECT_EQ(iac.resources.count("aws_security_group_rule.in"), 0u);
}

TEST(NetworkMappingTest, CidrReferencesResolveToVpcBlocks) {
  auto iac = BuildInventory({
      MakeResource("aws_vpc.main", "aws_vpc", {{"cidr_block", "10.0.0.0/16"}}),
      MakeResource(
          "aws_security_group.web", "aws_security_group",
          {{"ingress", json::array({NetSgBlock("tcp", 22, 22, {AfterApplyReference("aws_vpc.main", "cidr_block")})})}}),
  });
  EXPECT_EQ((*NetRegion(iac).ec2.security_groups)[0].ingress[0].ipv4_ranges, std::vector<std::string>{"10.0.0.0/16"});
  EXPECT_FALSE(MarkedUnknown(iac, "aws_security_group.web", "SecurityGroup.ingress"));
}

// ---- Network ACLs -----------------------------------------------------------

TEST(NetworkMappingTest, NetworkAclsFromEachFormat) {
  auto tf = BuildInventory({
      MakeResource("aws_network_acl.public", "aws_network_acl",
                   {{"vpc_id", AfterApplyReference("aws_vpc.main")},
                    {"ingress", json::array({{{"rule_no", 100},
                                              {"action", "allow"},
                                              {"protocol", "tcp"},
                                              {"cidr_block", "0.0.0.0/0"},
                                              {"from_port", 22},
                                              {"to_port", 22}}})},
                    {"egress", json::array({{{"rule_no", 100},
                                             {"action", "allow"},
                                             {"protocol", "-1"},
                                             {"cidr_block", "0.0.0.0/0"},
                                             {"from_port", 0},
                                             {"to_port", 0}}})}}),
      MakeResource("aws_network_acl_rule.deny_rdp", "aws_network_acl_rule",
                   {{"network_acl_id", AfterApplyReference("aws_network_acl.public")},
                    {"rule_number", 50},
                    {"egress", false},
                    {"protocol", "6"},
                    {"rule_action", "deny"},
                    {"cidr_block", "0.0.0.0/0"},
                    {"from_port", 3389},
                    {"to_port", 3389}}),
  });
  const auto& acl = (*NetRegion(tf).ec2.network_acls)[0];
  ASSERT_EQ(acl.entries.size(), 3u);
  EXPECT_EQ(acl.entries[0].protocol, "6");
  EXPECT_EQ(acl.entries[1].protocol, "-1");
  EXPECT_EQ(acl.entries[1].from_port, -1);  // no port range for all traffic
  EXPECT_TRUE(acl.entries[1].egress);
  EXPECT_FALSE(acl.entries[2].allow);
  EXPECT_EQ(NetStatus(tf, "ec2_nacl_no_admin_ports_from_internet", "aws_network_acl.public"), "FAIL");

  auto cfn = BuildInventory({
      TemplateResource("Acl", "AWS::EC2::NetworkAcl", {{"VpcId", Reference("VPC")}}),
      TemplateResource("DenySsh", "AWS::EC2::NetworkAclEntry",
                       {{"NetworkAclId", Reference("Acl")},
                        {"RuleNumber", 50},
                        {"Protocol", 6},
                        {"RuleAction", "deny"},
                        {"CidrBlock", "0.0.0.0/0"},
                        {"PortRange", {{"From", 22}, {"To", 22}}}}),
      TemplateResource("DenyRdp", "AWS::EC2::NetworkAclEntry",
                       {{"NetworkAclId", Reference("Acl")},
                        {"RuleNumber", 60},
                        {"Protocol", "6"},
                        {"RuleAction", "deny"},
                        {"CidrBlock", "0.0.0.0/0"},
                        {"PortRange", {{"From", "3389"}, {"To", "3389"}}}}),
      TemplateResource("AllowAll", "AWS::EC2::NetworkAclEntry",
                       {{"NetworkAclId", Reference("Acl")},
                        {"RuleNumber", 100},
                        {"Protocol", -1},
                        {"RuleAction", "allow"},
                        {"CidrBlock", "0.0.0.0/0"},
                        {"Egress", "false"}}),
  });
  EXPECT_EQ((*NetRegion(cfn).ec2.network_acls)[0].vpc_id, "VPC");
  EXPECT_EQ(NetStatus(cfn, "ec2_nacl_no_admin_ports_from_internet", "Acl"), "PASS");
  EXPECT_EQ(NetStatus(cfn, "ec2_cifs_not_exposed", "Acl"), "FAIL");  // 445 reaches the allow-all

  auto unknown = BuildInventory({TemplateResource("Acl", "AWS::EC2::NetworkAcl", json::object()),
                                 TemplateResource("E", "AWS::EC2::NetworkAclEntry",
                                                  {{"NetworkAclId", Reference("Acl")},
                                                   {"RuleNumber", 1},
                                                   {"Protocol", 6},
                                                   {"RuleAction", "allow"},
                                                   {"CidrBlock", Unknown("Fn::ImportValue")}})});
  EXPECT_TRUE(MarkedUnknown(unknown, "Acl", "NetworkAcl.entries"));
}

// ---- Instances and launch templates -----------------------------------------

TEST(NetworkMappingTest, PlanInstanceIsCompletedByItsLaunchTemplate) {
  auto iac = BuildInventory({
      MakeResource("aws_security_group.ssh", "aws_security_group",
                   {{"name", "ssh"}, {"ingress", json::array({NetSgBlock("tcp", 22, 22, {"0.0.0.0/0"})})}}),
      MakeResource("aws_launch_template.web", "aws_launch_template",
                   {{"name", "web"},
                    {"id", NetUnknown()},
                    {"metadata_options", json::array({{{"http_tokens", "required"}, {"http_endpoint", "enabled"}}})},
                    {"network_interfaces",
                     json::array({{{"associate_public_ip_address", "true"},
                                   {"security_groups", {AfterApplyReference("aws_security_group.ssh")}}}})},
                    {"iam_instance_profile",
                     json::array({{{"name", AfterApplyReference("aws_iam_instance_profile.web", "name")}}})}}),
      MakeResource("aws_instance.web", "aws_instance",
                   {{"id", NetUnknown()},
                    {"launch_template",
                     json::array({{{"id", AfterApplyReference("aws_launch_template.web")}, {"version", "$Latest"}}})},
                    {"metadata_options", NetUnknown()},
                    {"associate_public_ip_address", NetUnknown()},
                    {"vpc_security_group_ids", NetUnknown()},
                    {"iam_instance_profile", NetUnknown()},
                    {"subnet_id", NetUnknown()}}),
  });
  const auto& instances = *NetRegion(iac).ec2.instances;
  ASSERT_EQ(instances.size(), 1u);  // a launch template is not an instance
  const auto& i = instances[0];
  EXPECT_EQ(i.state, "running");
  EXPECT_EQ(i.http_tokens, "required");
  EXPECT_EQ(i.public_ip, "(assigned at launch)");
  EXPECT_EQ(i.group_ids, std::vector<std::string>{"aws_security_group.ssh"});
  EXPECT_EQ(i.instance_profile_arn, "aws_iam_instance_profile.web");
  EXPECT_TRUE(iac.resources.at("aws_instance.web").unknown_fields.empty());
  EXPECT_EQ(iac.resources.count("aws_launch_template.web"), 0u);
  EXPECT_EQ(NetStatus(iac, "ec2_imdsv2_required", "aws_instance.web"), "PASS");
  EXPECT_EQ(NetStatus(iac, "ec2_instance_profile_attached", "aws_instance.web"), "PASS");
  EXPECT_EQ(NetStatus(iac, "ec2_instance_not_directly_public", "aws_instance.web"), "FAIL");
}

TEST(NetworkMappingTest, InstanceDefaultsAndUnknowns) {
  auto iac = BuildInventory({
      // Nothing set, in a private subnet of the run: IMDSv1 allowed, no public IP, no profile.
      MakeResource("aws_subnet.private", "aws_subnet", {{"map_public_ip_on_launch", false}}),
      MakeResource("aws_instance.bare", "aws_instance",
                   {{"subnet_id", AfterApplyReference("aws_subnet.private")}, {"metadata_options", json::array()}}),
      // Values that come from other resources after apply.
      MakeResource(
          "aws_instance.later", "aws_instance",
          {{"metadata_options", json::array({{{"http_tokens", AfterApplyReference("aws_ssm_parameter.x", "value")}}})},
           {"associate_public_ip_address", AfterApplyReference("aws_ssm_parameter.y", "value")},
           {"iam_instance_profile", Unknown("known after apply")},
           {"subnet_id", "subnet-outside"}}),
  });
  const auto& instances = *NetRegion(iac).ec2.instances;
  ASSERT_EQ(instances.size(), 2u);
  EXPECT_EQ(instances[0].http_tokens, "optional");
  EXPECT_EQ(instances[0].http_endpoint, "enabled");
  EXPECT_TRUE(instances[0].public_ip.empty());
  EXPECT_EQ(NetStatus(iac, "ec2_imdsv2_required", "aws_instance.bare"), "FAIL");
  EXPECT_EQ(NetStatus(iac, "ec2_instance_profile_attached", "aws_instance.bare"), "FAIL");
  EXPECT_EQ(NetStatus(iac, "ec2_instance_not_directly_public", "aws_instance.bare"), "PASS");
  EXPECT_TRUE(MarkedUnknown(iac, "aws_instance.later", "Instance.http_tokens"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_instance.later", "Instance.public_ip"));
  EXPECT_FALSE(MarkedUnknown(iac, "aws_instance.later", "Instance.instance_profile_arn"));  // unset

  // CloudFormation: no subnet is the default VPC (public IPs); a subnet outside the run is unknown.
  auto cfn = BuildInventory({TemplateResource("Default", "AWS::EC2::Instance", {{"ImageId", "ami-1"}}),
                             TemplateResource("Elsewhere", "AWS::EC2::Instance", {{"SubnetId", "subnet-0abc"}})});
  EXPECT_EQ((*NetRegion(cfn).ec2.instances)[0].public_ip, "(assigned at launch)");
  EXPECT_TRUE(MarkedUnknown(cfn, "Elsewhere", "Instance.public_ip"));
}

TEST(NetworkMappingTest, CloudFormationInstanceTakesImdsFromItsLaunchTemplate) {
  auto iac = BuildInventory({
      TemplateResource("Template", "AWS::EC2::LaunchTemplate",
                       {{"LaunchTemplateName", "web"},
                        {"LaunchTemplateData",
                         {{"MetadataOptions", {{"HttpTokens", "required"}}},
                          {"IamInstanceProfile", {{"Arn", Reference("Profile", "Arn")}}}}}}),
      TemplateResource(
          "ByName", "AWS::EC2::Instance",
          {{"LaunchTemplate", {{"LaunchTemplateName", "web"}, {"Version", "1"}}}, {"SubnetId", Reference("Sub")}}),
      TemplateResource("Sub", "AWS::EC2::Subnet", {{"VpcId", Reference("VPC")}, {"MapPublicIpOnLaunch", true}}),
      TemplateResource("Plain", "AWS::EC2::Instance", {{"SecurityGroups", {"web"}}, {"SubnetId", Reference("Sub")}}),
      TemplateResource("WebSG", "AWS::EC2::SecurityGroup", {{"GroupName", "web"}, {"GroupDescription", "x"}}),
  });
  const auto& instances = *NetRegion(iac).ec2.instances;
  ASSERT_EQ(instances.size(), 2u);
  EXPECT_EQ(instances[0].http_tokens, "required");
  EXPECT_EQ(instances[0].instance_profile_arn, "Profile");
  EXPECT_EQ(instances[0].vpc_id, "VPC");
  EXPECT_EQ(instances[0].public_ip, "(assigned at launch)");  // the subnet maps public IPs
  EXPECT_EQ(instances[1].http_tokens, "optional");
  EXPECT_EQ(instances[1].group_ids, std::vector<std::string>{"WebSG"});  // by group name
  EXPECT_EQ(NetStatus(iac, "ec2_imdsv2_required", "ByName"), "PASS");
  EXPECT_EQ(NetStatus(iac, "ec2_imdsv2_required", "Plain"), "FAIL");
}

TEST(NetworkMappingTest, ElasticIpsMakeInstancesPublic) {
  auto iac = BuildInventory({
      MakeResource("aws_subnet.private", "aws_subnet", json::object()),
      MakeResource("aws_instance.web", "aws_instance", {{"subnet_id", AfterApplyReference("aws_subnet.private")}}),
      MakeResource("aws_eip.web", "aws_eip",
                   {{"instance", AfterApplyReference("aws_instance.web")}, {"public_ip", NetUnknown()}}),
      TemplateResource("Box", "AWS::EC2::Instance", {{"SubnetId", Reference("Sub")}}),
      TemplateResource("Sub", "AWS::EC2::Subnet", json::object()),
      TemplateResource("BoxIp", "AWS::EC2::EIPAssociation",
                       {{"InstanceId", Reference("Box")}, {"AllocationId", "eipalloc-1"}}),
  });
  const auto& instances = *NetRegion(iac).ec2.instances;
  ASSERT_EQ(instances.size(), 2u);
  EXPECT_EQ(instances[0].public_ip, "(assigned at launch)");
  EXPECT_EQ(instances[1].public_ip, "(assigned at launch)");
  EXPECT_FALSE(MarkedUnknown(iac, "aws_instance.web", "Instance.public_ip"));
}

TEST(NetworkMappingTest, StateLaunchTemplateEmptyStringsAreUnset) {
  auto iac = BuildInventory({
      StateResource("aws_security_group.web", "aws_security_group", {{"id", "sg-1"}, {"name", "web"}}),
      StateResource("aws_launch_template.web", "aws_launch_template",
                    {{"id", "lt-1"},
                     {"name", "web"},
                     {"metadata_options", json::array({{{"http_tokens", ""}, {"http_endpoint", ""}}})},
                     {"network_interfaces", json::array({{{"associate_public_ip_address", ""}, {"device_index", 0}}})},
                     {"iam_instance_profile", json::array({{{"arn", ""}, {"name", "web-profile"}}})}}),
      StateResource("aws_instance.web", "aws_instance",
                    {{"id", "i-1"},
                     {"launch_template", json::array({{{"id", "lt-1"}, {"name", "web"}, {"version", "$Latest"}}})},
                     {"security_groups", {"web"}},
                     {"iam_instance_profile", ""}}),
  });
  const auto& i = (*NetRegion(iac).ec2.instances)[0];
  EXPECT_EQ(i.http_tokens, "optional");
  EXPECT_EQ(i.instance_profile_arn, "web-profile");
  EXPECT_EQ(i.group_ids, std::vector<std::string>{"aws_security_group.web"});
  EXPECT_TRUE(iac.resources.at("aws_instance.web").unknown_fields.empty());
}

TEST(NetworkMappingTest, StateInstanceKeepsItsPublicIp) {
  auto iac = BuildInventory({StateResource("aws_instance.web", "aws_instance",
                                           {{"id", "i-0abc"},
                                            {"associate_public_ip_address", true},
                                            {"public_ip", "54.1.2.3"},
                                            {"metadata_options", json::array({{{"http_tokens", "optional"}}})},
                                            {"vpc_security_group_ids", {"sg-outside"}},
                                            {"iam_instance_profile", ""}})});
  const auto& i = (*NetRegion(iac).ec2.instances)[0];
  EXPECT_EQ(i.public_ip, "54.1.2.3");
  EXPECT_EQ(i.group_ids, std::vector<std::string>{"sg-outside"});
  EXPECT_EQ(iac.resources.at("aws_instance.web").real_id, "i-0abc");
  EXPECT_TRUE(iac.resources.at("aws_instance.web").unknown_fields.empty());  // "" is no profile, not unknown
  EXPECT_EQ(NetStatus(iac, "ec2_instance_profile_attached", "aws_instance.web"), "FAIL");
}

// ---- EBS ----------------------------------------------------------------------

TEST(NetworkMappingTest, VolumesAndDefaultEncryption) {
  auto undeclared =
      BuildInventory({MakeResource("aws_ebs_volume.a", "aws_ebs_volume", {{"size", 10}, {"encrypted", NetUnknown()}}),
                      TemplateResource("B", "AWS::EC2::Volume", {{"Size", "8"}, {"Encrypted", "true"}}),
                      TemplateResource("C", "AWS::EC2::Volume", {{"Encrypted", Reference("Cond", "x")}})});
  const auto& volumes = *NetRegion(undeclared).ec2.volumes;
  ASSERT_EQ(volumes.size(), 3u);
  EXPECT_FALSE(volumes[0].encrypted);  // AWS default without encryption by default
  EXPECT_EQ(volumes[0].size_gib, 10);
  EXPECT_TRUE(volumes[1].encrypted);
  EXPECT_TRUE(MarkedUnknown(undeclared, "C", "Volume.encrypted"));
  EXPECT_FALSE(NetRegion(undeclared).ec2.ebs_default_encryption.ok());
  EXPECT_EQ(NetStatus(undeclared, "ec2_ebs_volume_encrypted", "aws_ebs_volume.a"), "FAIL");
  EXPECT_EQ(NetStatus(undeclared, "ec2_ebs_volume_encrypted", "B"), "PASS");

  auto declared =
      BuildInventory({MakeResource("aws_ebs_encryption_by_default.on", "aws_ebs_encryption_by_default", json::object()),
                      MakeResource("aws_ebs_volume.a", "aws_ebs_volume", {{"encrypted", NetUnknown()}}),
                      MakeResource("aws_volume_attachment.a", "aws_volume_attachment",
                                   {{"volume_id", AfterApplyReference("aws_ebs_volume.a")}, {"instance_id", "i-1"}})});
  ASSERT_TRUE(NetRegion(declared).ec2.ebs_default_encryption.ok());
  EXPECT_TRUE(NetRegion(declared).ec2.ebs_default_encryption->enabled);
  EXPECT_TRUE((*NetRegion(declared).ec2.volumes)[0].encrypted);
  EXPECT_EQ((*NetRegion(declared).ec2.volumes)[0].attached_instance_ids, std::vector<std::string>{"i-1"});
  EXPECT_EQ(NetStatus(declared, "ec2_ebs_default_encryption", ""), "PASS");

  auto off = BuildInventory(
      {StateResource("aws_ebs_encryption_by_default.off", "aws_ebs_encryption_by_default", {{"enabled", false}})});
  EXPECT_EQ(NetStatus(off, "ec2_ebs_default_encryption", ""), "FAIL");
}

// ---- VPCs, flow logs, peering, routes ----------------------------------------

TEST(NetworkMappingTest, FlowLogsJoinTheirVpc) {
  auto iac = BuildInventory({
      MakeResource("aws_vpc.logged", "aws_vpc", {{"cidr_block", "10.0.0.0/16"}}),
      MakeResource("aws_vpc.dark", "aws_vpc", {{"cidr_block", "10.1.0.0/16"}}),
      MakeResource("aws_flow_log.logged", "aws_flow_log",
                   {{"vpc_id", AfterApplyReference("aws_vpc.logged")}, {"traffic_type", "ALL"}}),
      MakeResource("aws_flow_log.accept", "aws_flow_log",
                   {{"vpc_id", AfterApplyReference("aws_vpc.dark")}, {"traffic_type", "ACCEPT"}}),
  });
  const auto& logs = *NetRegion(iac).ec2.flow_logs;
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_EQ(logs[0].resource_id, "aws_vpc.logged");
  EXPECT_EQ(logs[0].destination_type, "cloud-watch-logs");
  EXPECT_EQ(NetStatus(iac, "vpc_flow_logs_enabled", "aws_vpc.logged"), "PASS");
  EXPECT_EQ(NetStatus(iac, "vpc_flow_logs_enabled", "aws_vpc.dark"), "FAIL");

  auto cfn = BuildInventory(
      {TemplateResource("VPC", "AWS::EC2::VPC", {{"CidrBlock", "10.0.0.0/16"}}),
       TemplateResource("Log", "AWS::EC2::FlowLog",
                        {{"ResourceId", Reference("VPC")}, {"ResourceType", "VPC"}, {"TrafficType", "REJECT"}})});
  EXPECT_EQ(NetStatus(cfn, "vpc_flow_logs_enabled", "VPC"), "PASS");
  auto unknown = BuildInventory({TemplateResource(
      "Log", "AWS::EC2::FlowLog", {{"ResourceId", Unknown("Fn::ImportValue")}, {"TrafficType", "ALL"}})});
  EXPECT_TRUE(MarkedUnknown(unknown, "Log", "FlowLog.resource_id"));
}

TEST(NetworkMappingTest, PeeringRoutesAndEnvironments) {
  auto iac = BuildInventory({
      StateResource("aws_vpc.prod", "aws_vpc",
                    {{"id", "vpc-prod"}, {"cidr_block", "10.0.0.0/16"}, {"tags", {{"Environment", "prod"}}}}),
      StateResource("aws_vpc.dev", "aws_vpc",
                    {{"id", "vpc-dev"}, {"cidr_block", "10.1.0.0/16"}, {"tags", {{"Environment", "dev"}}}}),
      StateResource("aws_vpc_peering_connection.pd", "aws_vpc_peering_connection",
                    {{"id", "pcx-1"}, {"vpc_id", "vpc-prod"}, {"peer_vpc_id", "vpc-dev"}, {"accept_status", "active"}}),
      StateResource("aws_route_table.wide", "aws_route_table",
                    {{"id", "rtb-1"},
                     {"vpc_id", "vpc-prod"},
                     {"route", json::array({{{"cidr_block", "10.1.0.0/16"},
                                             {"vpc_peering_connection_id", "pcx-1"},
                                             {"gateway_id", ""}}})}}),
      StateResource("aws_route_table.narrow", "aws_route_table", {{"id", "rtb-2"}, {"vpc_id", "vpc-prod"}}),
      StateResource("aws_route.narrow", "aws_route",
                    {{"route_table_id", "rtb-2"},
                     {"destination_cidr_block", "10.1.2.0/24"},
                     {"vpc_peering_connection_id", "pcx-1"}}),
  });
  const auto& peering = (*NetRegion(iac).ec2.vpc_peerings)[0];
  EXPECT_EQ(peering.requester_vpc_id, "aws_vpc.prod");
  EXPECT_EQ(peering.accepter_cidrs, std::vector<std::string>{"10.1.0.0/16"});
  const auto& tables = *NetRegion(iac).ec2.route_tables;
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[1].routes[0].vpc_peering_connection_id, "aws_vpc_peering_connection.pd");
  EXPECT_EQ(NetStatus(iac, "vpc_peering_routes_least_access", "aws_route_table.wide"), "FAIL");
  EXPECT_EQ(NetStatus(iac, "vpc_peering_routes_least_access", "aws_route_table.narrow"), "PASS");
  EXPECT_EQ(NetStatus(iac, "vpc_environment_isolation", "aws_vpc_peering_connection.pd"), "FAIL");

  // Plan: auto_accept makes it active; routes name the peer VPC's block by reference.
  auto plan = BuildInventory({
      MakeResource("aws_vpc.a", "aws_vpc", {{"cidr_block", "10.0.0.0/16"}, {"tags", {{"Environment", "dev"}}}}),
      MakeResource("aws_vpc.b", "aws_vpc", {{"cidr_block", "10.1.0.0/16"}, {"tags", {{"Environment", "test"}}}}),
      MakeResource("aws_vpc_peering_connection.ab", "aws_vpc_peering_connection",
                   {{"vpc_id", AfterApplyReference("aws_vpc.a")},
                    {"peer_vpc_id", AfterApplyReference("aws_vpc.b")},
                    {"auto_accept", true}}),
      MakeResource("aws_vpc_ipv4_cidr_block_association.b", "aws_vpc_ipv4_cidr_block_association",
                   {{"vpc_id", AfterApplyReference("aws_vpc.b")}, {"cidr_block", "100.64.0.0/16"}}),
      MakeResource("aws_route_table.a", "aws_route_table",
                   {{"vpc_id", AfterApplyReference("aws_vpc.a")}, {"route", NetUnknown()}}),
      MakeResource("aws_route.ab", "aws_route",
                   {{"route_table_id", AfterApplyReference("aws_route_table.a")},
                    {"destination_cidr_block", AfterApplyReference("aws_vpc.b", "cidr_block")},
                    {"vpc_peering_connection_id", AfterApplyReference("aws_vpc_peering_connection.ab")},
                    {"instance_id", NetUnknown()},
                    {"network_interface_id", NetUnknown()}}),
  });
  EXPECT_FALSE(MarkedUnknown(plan, "aws_route_table.a", "RouteTable.routes"));
  EXPECT_EQ((*NetRegion(plan).ec2.vpc_peerings)[0].status, "active");
  EXPECT_EQ((*NetRegion(plan).ec2.vpc_peerings)[0].accepter_cidrs,
            (std::vector<std::string>{"10.1.0.0/16", "100.64.0.0/16"}));
  EXPECT_EQ((*NetRegion(plan).ec2.route_tables)[0].routes[0].destination_ipv4, "10.1.0.0/16");
  EXPECT_EQ(NetStatus(plan, "vpc_peering_routes_least_access", "aws_route_table.a"), "FAIL");
  EXPECT_EQ(NetStatus(plan, "vpc_environment_isolation", "aws_vpc_peering_connection.ab"), "PASS");

  auto cfn = BuildInventory(
      {TemplateResource("P", "AWS::EC2::VPCPeeringConnection",
                        {{"VpcId", Reference("A")}, {"PeerVpcId", "vpc-x"}, {"PeerOwnerId", "999999999999"}}),
       TemplateResource("Q", "AWS::EC2::VPCPeeringConnection",
                        {{"VpcId", Reference("A")}, {"PeerVpcId", Reference("B")}})});
  EXPECT_EQ((*NetRegion(cfn).ec2.vpc_peerings)[0].status, "pending-acceptance");
  EXPECT_EQ((*NetRegion(cfn).ec2.vpc_peerings)[1].status, "active");
}

// ---- The public edge ------------------------------------------------------------

TEST(NetworkMappingTest, LoadBalancersAndWebAclAssociations) {
  auto plan = BuildInventory({
      MakeResource("aws_lb.public", "aws_lb", {{"internal", false}, {"arn", NetUnknown()}}),
      MakeResource("aws_alb.bare", "aws_alb", {{"internal", false}}),
      MakeResource("aws_lb.inside", "aws_lb", {{"internal", true}}),
      MakeResource("aws_lb.nlb", "aws_lb", {{"load_balancer_type", "network"}}),
      MakeResource("aws_wafv2_web_acl_association.public", "aws_wafv2_web_acl_association",
                   {{"resource_arn", AfterApplyReference("aws_lb.public", "arn")},
                    {"web_acl_arn", AfterApplyReference("aws_wafv2_web_acl.main", "arn")}}),
  });
  const auto& lbs = *NetRegion(plan).elbv2.load_balancers;
  ASSERT_EQ(lbs.size(), 4u);
  EXPECT_EQ(lbs[0].arn, "aws_lb.public");
  EXPECT_EQ(lbs[0].type, "application");
  EXPECT_EQ(lbs[0].scheme, "internet-facing");
  EXPECT_EQ(lbs[2].scheme, "internal");
  EXPECT_EQ(NetRegion(plan).wafv2.web_acl_by_resource->at("aws_lb.public"), "aws_wafv2_web_acl.main");
  EXPECT_EQ(NetStatus(plan, "elbv2_internet_facing_waf", "aws_lb.public"), "PASS");
  EXPECT_EQ(NetStatus(plan, "elbv2_internet_facing_waf", "aws_alb.bare"), "FAIL");
  EXPECT_EQ(NetStatus(plan, "elbv2_internet_facing_waf", "aws_lb.inside"), "none");

  const std::string arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1";
  auto state = BuildInventory({StateResource("aws_lb.web", "aws_lb", {{"arn", arn}, {"internal", false}}),
                               StateResource("aws_wafv2_web_acl_association.web", "aws_wafv2_web_acl_association",
                                             {{"resource_arn", arn}, {"web_acl_arn", "arn:aws:wafv2:acl"}})});
  EXPECT_EQ(NetStatus(state, "elbv2_internet_facing_waf", "aws_lb.web"), "PASS");

  auto cfn = BuildInventory(
      {TemplateResource("Alb", "AWS::ElasticLoadBalancingV2::LoadBalancer", json::object()),
       TemplateResource("Internal", "AWS::ElasticLoadBalancingV2::LoadBalancer", {{"Scheme", "internal"}}),
       TemplateResource("Unknown", "AWS::ElasticLoadBalancingV2::LoadBalancer", {{"Scheme", Unknown("!If")}})});
  EXPECT_EQ(NetStatus(cfn, "elbv2_internet_facing_waf", "Alb"), "FAIL");
  EXPECT_EQ(NetStatus(cfn, "elbv2_internet_facing_waf", "Internal"), "none");
  EXPECT_TRUE(MarkedUnknown(cfn, "Unknown", "LoadBalancer.scheme"));
}

TEST(NetworkMappingTest, CloudFrontDistributions) {
  auto iac = BuildInventory({
      MakeResource("aws_cloudfront_distribution.waf", "aws_cloudfront_distribution",
                   {{"enabled", true}, {"web_acl_id", AfterApplyReference("aws_wafv2_web_acl.edge", "arn")}}),
      StateResource("aws_cloudfront_distribution.open", "aws_cloudfront_distribution",
                    {{"id", "E123"}, {"enabled", true}, {"web_acl_id", ""}}),
      TemplateResource("Cdn", "AWS::CloudFront::Distribution",
                       {{"DistributionConfig", {{"Enabled", "true"}, {"WebACLId", "arn:aws:wafv2:global/x"}}}}),
      TemplateResource("Later", "AWS::CloudFront::Distribution",
                       {{"DistributionConfig", {{"Enabled", true}, {"WebACLId", Unknown("Fn::ImportValue")}}}}),
  });
  const auto& distributions = *iac.inventory.cloudfront.distributions;
  ASSERT_EQ(distributions.size(), 4u);
  EXPECT_EQ(distributions[0].web_acl_id, "aws_wafv2_web_acl.edge");
  EXPECT_TRUE(distributions[2].enabled);
  EXPECT_EQ(NetStatus(iac, "cloudfront_waf", "aws_cloudfront_distribution.waf"), "PASS");
  EXPECT_EQ(NetStatus(iac, "cloudfront_waf", "aws_cloudfront_distribution.open"), "FAIL");
  EXPECT_EQ(NetStatus(iac, "cloudfront_waf", "Cdn"), "PASS");
  EXPECT_TRUE(MarkedUnknown(iac, "Later", "CloudFrontDistribution.web_acl_id"));
}

TEST(NetworkMappingTest, ApiGatewayStagesAndTheirWebAcls) {
  auto plan = BuildInventory({
      MakeResource("aws_api_gateway_rest_api.api", "aws_api_gateway_rest_api",
                   {{"name", "orders"}, {"endpoint_configuration", json::array({{{"types", {"REGIONAL"}}}})}}),
      MakeResource("aws_api_gateway_stage.prod", "aws_api_gateway_stage",
                   {{"rest_api_id", AfterApplyReference("aws_api_gateway_rest_api.api")},
                    {"stage_name", "prod"},
                    {"web_acl_arn", NetUnknown()}}),
      MakeResource("aws_api_gateway_stage.dev", "aws_api_gateway_stage",
                   {{"rest_api_id", AfterApplyReference("aws_api_gateway_rest_api.api")}, {"stage_name", "dev"}}),
      MakeResource("aws_wafv2_web_acl_association.prod", "aws_wafv2_web_acl_association",
                   {{"resource_arn", AfterApplyReference("aws_api_gateway_stage.prod", "arn")},
                    {"web_acl_arn", AfterApplyReference("aws_wafv2_web_acl.api", "arn")}}),
      MakeResource("aws_api_gateway_rest_api.private", "aws_api_gateway_rest_api",
                   {{"endpoint_configuration", json::array({{{"types", {"PRIVATE"}}}})}}),
      MakeResource("aws_api_gateway_stage.internal", "aws_api_gateway_stage",
                   {{"rest_api_id", AfterApplyReference("aws_api_gateway_rest_api.private")}, {"stage_name", "v1"}}),
  });
  const auto& stages = *NetRegion(plan).apigateway.stages;
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(stages[0].rest_api_id, "aws_api_gateway_rest_api.api");
  EXPECT_EQ(stages[0].rest_api_name, "orders");
  EXPECT_EQ(stages[0].endpoint_types, std::vector<std::string>{"REGIONAL"});
  EXPECT_EQ(stages[0].web_acl_arn, "aws_wafv2_web_acl.api");
  EXPECT_TRUE(NetRegion(plan).wafv2.web_acl_by_resource->empty());
  EXPECT_EQ(NetStatus(plan, "apigateway_stage_waf", "aws_api_gateway_rest_api.api/prod"), "PASS");
  EXPECT_EQ(NetStatus(plan, "apigateway_stage_waf", "aws_api_gateway_rest_api.api/dev"), "FAIL");
  EXPECT_EQ(NetStatus(plan, "apigateway_stage_waf", "aws_api_gateway_rest_api.private/v1"), "none");
  // A finding's "<api>/<stage>" id leads back to the stage resource.
  const ResourceInfo* info = FindResource(plan, "aws_api_gateway_rest_api.api/prod");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->address, "aws_api_gateway_stage.prod");

  // State names the stage by ARN and the API by its real id; CloudFormation's
  // Deployment with a StageName makes a stage of an EDGE API (the default).
  auto state = BuildInventory({
      StateResource("aws_api_gateway_rest_api.api", "aws_api_gateway_rest_api", {{"id", "a1b2c3"}}),
      StateResource("aws_api_gateway_stage.prod", "aws_api_gateway_stage",
                    {{"rest_api_id", "a1b2c3"}, {"stage_name", "prod"}, {"web_acl_arn", ""}}),
      StateResource("aws_wafv2_web_acl_association.prod", "aws_wafv2_web_acl_association",
                    {{"resource_arn", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod"},
                     {"web_acl_arn", "arn:aws:wafv2:acl"}}),
  });
  EXPECT_EQ((*NetRegion(state).apigateway.stages)[0].web_acl_arn, "arn:aws:wafv2:acl");
  auto deployments = BuildInventory({MakeResource("aws_api_gateway_deployment.a", "aws_api_gateway_deployment",
                                                  {{"rest_api_id", "abc"}, {"stage_name", "v1"}}),
                                     MakeResource("aws_api_gateway_deployment.b", "aws_api_gateway_deployment",
                                                  {{"rest_api_id", "abc"}, {"stage_name", ""}})});
  ASSERT_EQ(NetRegion(deployments).apigateway.stages->size(), 1u);
  EXPECT_EQ(deployments.unsupported.at("aws_api_gateway_deployment"), 1);
  auto cfn = BuildInventory({TemplateResource("Api", "AWS::ApiGateway::RestApi", {{"Name", "x"}}),
                             TemplateResource("Deployment", "AWS::ApiGateway::Deployment",
                                              {{"RestApiId", Reference("Api")}, {"StageName", "live"}})});
  EXPECT_EQ((*NetRegion(cfn).apigateway.stages)[0].endpoint_types, std::vector<std::string>{"EDGE"});
  EXPECT_EQ(NetStatus(cfn, "apigateway_stage_waf", "Api/live"), "FAIL");
}

TEST(NetworkMappingTest, NoNetworkResourceLeavesSectionsUnset) {
  auto iac = BuildInventory({MakeResource("aws_sqs_queue.q", "aws_sqs_queue", json::object())});
  EXPECT_EQ(iac.inventory.region("us-east-1"), nullptr);
  EXPECT_FALSE(iac.inventory.cloudfront.distributions.ok());
  EXPECT_EQ(iac.unsupported.at("aws_sqs_queue"), 1);
}

// ---- Comparables ----------------------------------------------------------------

TEST(NetworkMappingTest, ComparablesMergeRulesAndIgnoreOrder) {
  auto split = BuildInventory({
      MakeResource("aws_security_group.web", "aws_security_group",
                   {{"ingress", json::array({NetSgBlock("tcp", 443, 443, {"10.0.0.0/8"})})}}),
      MakeResource("aws_security_group_rule.more", "aws_security_group_rule",
                   {{"type", "ingress"},
                    {"security_group_id", AfterApplyReference("aws_security_group.web")},
                    {"protocol", "tcp"},
                    {"from_port", 443},
                    {"to_port", 443},
                    {"cidr_blocks", {"0.0.0.0/0"}}}),
  });
  auto merged = BuildInventory(
      {TemplateResource("Web", "AWS::EC2::SecurityGroup",
                        {{"SecurityGroupIngress",
                          {{{"IpProtocol", "6"}, {"FromPort", 443}, {"ToPort", 443}, {"CidrIp", "0.0.0.0/0"}},
                           {{"IpProtocol", "tcp"}, {"FromPort", 443}, {"ToPort", 443}, {"CidrIp", "10.0.0.0/8"}}}},
                         {"SecurityGroupEgress", json::array()}})});
  auto label = [](const std::string& id) { return id == "Web" || id == "aws_security_group.web" ? "web" : id; };
  auto a = Comparables(split.inventory, label);
  auto b = Comparables(merged.inventory, label);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].id, "web");
  EXPECT_EQ(a[0].attributes, b[0].attributes) << a[0].attributes.dump() << "\n" << b[0].attributes.dump();
}

}  // namespace
}  // namespace posture::iac
