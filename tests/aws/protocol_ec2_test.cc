// The ec2 protocol against canned requests and responses shaped like EC2's
// and moto's.
#include <gtest/gtest.h>

#include <regex>

#include "aws/protocols/protocol.h"
#include "protocol_test_util.h"

namespace posture::aws {
namespace {

using proto_test::AwsEndpoint;
using proto_test::CustomEndpoint;
using proto_test::HeaderOf;
using proto_test::Model;
using proto_test::Response;

const Endpoint kEc2 = AwsEndpoint("https://ec2.eu-west-1.amazonaws.com", "eu-west-1", "ec2");

base::Result<HttpRequest> Serialize(std::string_view operation, const Json& input, const Endpoint& endpoint = kEc2) {
  const ServiceModel& model = Model("ec2");
  return ProtocolFor(model).serialize(model, operation, input, endpoint);
}

base::Result<Json> Parse(std::string_view operation, const HttpResponse& response) {
  const ServiceModel& model = Model("ec2");
  return ProtocolFor(model).parse_output(model, operation, response);
}

base::Error ParseError(std::string_view operation, const HttpResponse& response) {
  const ServiceModel& model = Model("ec2");
  return ProtocolFor(model).parse_error(model, operation, response);
}

// --- serialization -------------------------------------------------------------

TEST(Ec2ProtocolTest, FlattensListsWithCapitalisedLocationNames) {
  auto request = Serialize(
      "DescribeSecurityGroups",
      {{"GroupIds", {"sg-1", "sg-2"}},
       {"Filters", {{{"Name", "vpc-id"}, {"Values", {"vpc-1"}}}, {{"Name", "tag:team"}, {"Values", {"sec", "ops"}}}}},
       {"DryRun", false},
       {"MaxResults", 5}});
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "POST");
  EXPECT_EQ(request->url, "https://ec2.eu-west-1.amazonaws.com/");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_EQ(request->body,
            "Action=DescribeSecurityGroups&Version=2016-11-15&DryRun=false"
            "&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1"
            "&Filter.2.Name=tag%3Ateam&Filter.2.Value.1=sec&Filter.2.Value.2=ops"
            "&GroupId.1=sg-1&GroupId.2=sg-2&MaxResults=5");
}

TEST(Ec2ProtocolTest, SerializesNestedPermissions) {
  auto request = Serialize("AuthorizeSecurityGroupIngress",
                           {{"GroupId", "sg-5304d9900f21889dd"},
                            {"IpPermissions",
                             {{{"IpProtocol", "tcp"},
                               {"FromPort", 22},
                               {"ToPort", "22"},
                               {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}, {"Description", "ssh from anywhere"}}}},
                               {"Ipv6Ranges", {{{"CidrIpv6", "::/0"}}}},
                               {"UserIdGroupPairs", {{{"GroupId", "sg-2"}}}}}}}});
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(
      request->body,
      "Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=sg-5304d9900f21889dd"
      "&IpPermissions.1.FromPort=22&IpPermissions.1.IpProtocol=tcp"
      "&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0%2F0&IpPermissions.1.IpRanges.1.Description=ssh%20from%20anywhere"
      "&IpPermissions.1.Ipv6Ranges.1.CidrIpv6=%3A%3A%2F0&IpPermissions.1.ToPort=22"
      "&IpPermissions.1.Groups.1.GroupId=sg-2");
}

TEST(Ec2ProtocolTest, HonoursQueryNamesTimestampsAndUserData) {
  auto request = Serialize("RunInstances",
                           {{"ImageId", "ami-12345678"},
                            {"MinCount", 1},
                            {"MaxCount", 1},
                            {"ClientToken", "token-1"},
                            {"UserData", "#!/bin/sh\necho hi\n"},
                            {"InstanceMarketOptions",
                             {{"MarketType", "spot"}, {"SpotOptions", {{"ValidUntil", "2024-05-01T12:00:00+02:00"}}}}},
                            {"NetworkInterfaces",
                             {{{"DeviceIndex", 0},
                               {"AssociatePublicIpAddress", true},
                               {"Groups", {"sg-1"}},
                               {"PrivateIpAddresses", {{{"Primary", true}, {"PrivateIpAddress", "10.0.0.5"}}}}}}}});
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(
      request->body,
      "Action=RunInstances&Version=2016-11-15&ClientToken=token-1&ImageId=ami-12345678"
      "&InstanceMarketOptions.MarketType=spot&InstanceMarketOptions.SpotOptions.ValidUntil=2024-05-01T10%3A00%3A00Z"
      "&MaxCount=1&MinCount=1"
      "&NetworkInterface.1.AssociatePublicIpAddress=true&NetworkInterface.1.DeviceIndex=0"
      "&NetworkInterface.1.SecurityGroupId.1=sg-1"
      "&NetworkInterface.1.PrivateIpAddresses.1.Primary=true"
      "&NetworkInterface.1.PrivateIpAddresses.1.PrivateIpAddress=10.0.0.5"
      "&UserData=IyEvYmluL3NoCmVjaG8gaGkK");
}

TEST(Ec2ProtocolTest, FillsAMissingIdempotencyToken) {
  auto request = Serialize("RunInstances", {{"ImageId", "ami-1"}, {"MinCount", 1}, {"MaxCount", 1}});
  ASSERT_TRUE(request.ok()) << request.error().message();
  static const std::regex kUuid(
      ".*&ClientToken=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}&ImageId=ami-1.*");
  EXPECT_TRUE(std::regex_match(request->body, kUuid)) << request->body;
}

TEST(Ec2ProtocolTest, EmptyListsAreLeftOut) {
  auto request = Serialize("DescribeRegions", {{"AllRegions", "true"}, {"RegionNames", Json::array()}});
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->body, "Action=DescribeRegions&Version=2016-11-15&AllRegions=true");
}

TEST(Ec2ProtocolTest, ValidatesInput) {
  auto unknown = Serialize("DescribeInstances", {{"Foo", 1}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_TRUE(unknown.error().message().starts_with("DescribeInstances: unknown parameter 'Foo', must be one of: "))
      << unknown.error().message();

  auto nested = Serialize("DescribeSecurityGroups", {{"Filters", {{{"Name", "x"}, {"Value", {"y"}}}}}});
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().message(),
            "DescribeSecurityGroups: unknown parameter 'Filters[0].Value', must be one of: Name, Values");

  auto missing = Serialize("RunInstances", {{"ImageId", "ami-1"}, {"MinCount", 1}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message(), "RunInstances: missing required parameter 'MaxCount'");

  auto bad_time = Serialize(
      "RunInstances",
      {{"MinCount", 1}, {"MaxCount", 1}, {"InstanceMarketOptions", {{"SpotOptions", {{"ValidUntil", "soon"}}}}}});
  ASSERT_FALSE(bad_time.ok());
  EXPECT_NE(bad_time.error().message().find("'InstanceMarketOptions.SpotOptions.ValidUntil'"), std::string::npos)
      << bad_time.error().message();
}

TEST(Ec2ProtocolTest, CustomEndpoint) {
  auto request = Serialize("DescribeVpcs", Json::object(), CustomEndpoint("http://127.0.0.1:5000", "ec2"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->url, "http://127.0.0.1:5000/");
  EXPECT_EQ(request->body, "Action=DescribeVpcs&Version=2016-11-15");
}

// --- responses ---------------------------------------------------------------------

// moto's DescribeSecurityGroups for a group with an ingress rule open to the world.
constexpr char kSecurityGroups[] =
    R"(<?xml version="1.0" encoding="utf-8"?>
<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15"><securityGroupInfo><item>)"
    R"(<groupId>sg-5304d9900f21889dd</groupId><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/>)"
    R"(<ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>)"
    R"(</ipPermissionsEgress><tagSet><item><key>Name</key><value>web</value></item></tagSet>)"
    R"(<vpcId>vpc-040fca21ee4749117</vpcId>)"
    R"(<securityGroupArn>arn:aws:ec2:us-east-1:123456789012:security-group/sg-5304d9900f21889dd</securityGroupArn>)"
    R"(<ownerId>123456789012</ownerId><groupName>web</groupName><groupDescription>web</groupDescription>)"
    R"(<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/>)"
    R"(<ipRanges><item><description>ssh</description><cidrIp>0.0.0.0/0</cidrIp></item>)"
    R"(<item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges>)"
    R"(<ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item></ipPermissions>)"
    R"(</item></securityGroupInfo><nextToken>next-page</nextToken><requestId>request-id</requestId>)"
    R"(</DescribeSecurityGroupsResponse>)";

TEST(Ec2ProtocolTest, ParsesSecurityGroups) {
  auto output = Parse("DescribeSecurityGroups", Response(200, kSecurityGroups));
  ASSERT_TRUE(output.ok()) << output.error().message();
  const Json expected = {
      {"SecurityGroups",
       {{{"GroupId", "sg-5304d9900f21889dd"},
         {"IpPermissionsEgress",
          {{{"IpProtocol", "-1"},
            {"UserIdGroupPairs", Json::array()},
            {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}},
            {"Ipv6Ranges", Json::array()},
            {"PrefixListIds", Json::array()}}}},
         {"Tags", {{{"Key", "Name"}, {"Value", "web"}}}},
         {"VpcId", "vpc-040fca21ee4749117"},
         {"SecurityGroupArn", "arn:aws:ec2:us-east-1:123456789012:security-group/sg-5304d9900f21889dd"},
         {"OwnerId", "123456789012"},
         {"GroupName", "web"},
         {"Description", "web"},
         {"IpPermissions",
          {{{"IpProtocol", "tcp"},
            {"FromPort", 22},
            {"ToPort", 22},
            {"UserIdGroupPairs", Json::array()},
            {"IpRanges", {{{"Description", "ssh"}, {"CidrIp", "0.0.0.0/0"}}, {{"CidrIp", "10.0.0.0/8"}}}},
            {"Ipv6Ranges", {{{"CidrIpv6", "::/0"}}}},
            {"PrefixListIds", Json::array()}}}}}}},
      {"NextToken", "next-page"}};
  EXPECT_EQ(*output, expected);
}

TEST(Ec2ProtocolTest, ParsesInstancesWithTimestampsAndBooleans) {
  auto output = Parse(
      "DescribeInstances",
      Response(200, R"(<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">)"
                    R"(<requestId>8f7724cf-496f-496e-8fe3-example</requestId><reservationSet><item>)"
                    R"(<reservationId>r-1234567890abcdef0</reservationId><ownerId>123456789012</ownerId><groupSet/>)"
                    R"(<instancesSet><item><instanceId>i-1234567890abcdef0</instanceId><imageId>ami-bff32ccc</imageId>)"
                    R"(<instanceState><code>16</code><name>running</name></instanceState>)"
                    R"(<launchTime>2018-05-08T16:46:19.000Z</launchTime><ebsOptimized>false</ebsOptimized>)"
                    R"(<metadataOptions><httpTokens>optional</httpTokens><httpEndpoint>enabled</httpEndpoint>)"
                    R"(</metadataOptions><tagSet/></item></instancesSet></item></reservationSet>)"
                    R"(</DescribeInstancesResponse>)"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  const Json& instance = (*output)["Reservations"][0]["Instances"][0];
  EXPECT_EQ((*output)["Reservations"][0]["Groups"], Json::array());
  EXPECT_EQ(instance["InstanceId"], "i-1234567890abcdef0");
  EXPECT_EQ(instance["State"], Json({{"Code", 16}, {"Name", "running"}}));
  EXPECT_EQ(instance["LaunchTime"], "2018-05-08T16:46:19Z");
  EXPECT_EQ(instance["EbsOptimized"], false);
  EXPECT_EQ(instance["MetadataOptions"]["HttpTokens"], "optional");
  EXPECT_EQ(instance["Tags"], Json::array());
  EXPECT_FALSE(output->contains("NextToken"));
}

TEST(Ec2ProtocolTest, ParsesScalarsAndEmptyResults) {
  auto encryption =
      Parse("GetEbsEncryptionByDefault",
            Response(200, R"(<GetEbsEncryptionByDefaultResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">)"
                          R"(<requestId>r</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault>)"
                          R"(</GetEbsEncryptionByDefaultResponse>)"));
  ASSERT_TRUE(encryption.ok()) << encryption.error().message();
  EXPECT_EQ(*encryption, Json({{"EbsEncryptionByDefault", true}}));

  auto none = Parse("DescribeVpcs", Response(200, R"(<DescribeVpcsResponse><requestId>r</requestId><vpcSet/>)"
                                                  R"(</DescribeVpcsResponse>)"));
  ASSERT_TRUE(none.ok()) << none.error().message();
  EXPECT_EQ(*none, Json({{"Vpcs", Json::array()}}));
}

TEST(Ec2ProtocolTest, MalformedResponsesAreParseErrors) {
  const std::string body = kSecurityGroups;
  auto truncated = Parse("DescribeSecurityGroups", Response(200, body.substr(0, body.size() - 40)));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().kind(), base::ErrorKind::kParse);
  EXPECT_NE(truncated.error().message().find("ec2:DescribeSecurityGroups"), std::string::npos);

  auto wrong_root = Parse("DescribeSecurityGroups", Response(200, "<html><body>maintenance</body></html>"));
  ASSERT_FALSE(wrong_root.ok());
  EXPECT_EQ(wrong_root.error().kind(), base::ErrorKind::kParse);

  auto empty = Parse("DescribeSecurityGroups", Response(200, "  \n"));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind(), base::ErrorKind::kParse);

  auto bad_port = Parse("DescribeSecurityGroups",
                        Response(200,
                                 "<DescribeSecurityGroupsResponse><securityGroupInfo><item><ipPermissions><item>"
                                 "<fromPort>twenty-two</fromPort></item></ipPermissions></item></securityGroupInfo>"
                                 "</DescribeSecurityGroupsResponse>"));
  ASSERT_FALSE(bad_port.ok());
  EXPECT_EQ(bad_port.error().message(),
            "ec2:DescribeSecurityGroups: unexpected value in <fromPort>: \"twenty-two\" is not a valid integer");
}

// --- errors ------------------------------------------------------------------------

TEST(Ec2ProtocolTest, ParsesErrorResponses) {
  const base::Error not_found =
      ParseError("DescribeSecurityGroups",
                 Response(400, R"(<?xml version="1.0" encoding="utf-8"?>
<Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15"><Errors><Error><Code>InvalidGroup.NotFound</Code>)"
                               R"(<Message>The security group 'sg-nope' does not exist</Message></Error></Errors>)"
                               R"(<RequestID>a3a9e3b1-example</RequestID></Response>)"));
  EXPECT_EQ(not_found.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(not_found.code(), "InvalidGroup.NotFound");
  EXPECT_EQ(not_found.message(), "The security group 'sg-nope' does not exist");
  EXPECT_EQ(not_found.request_id(), "a3a9e3b1-example");
  EXPECT_EQ(not_found.http_status(), 400);

  auto error_for = [](std::string code) {
    return ParseError("DescribeInstances", Response(code == "UnauthorizedOperation" ? 403 : 400,
                                                    "<Response><Errors><Error><Code>" + code +
                                                        "</Code><Message>m</Message></Error></Errors>"
                                                        "<RequestID>id</RequestID></Response>"));
  };
  EXPECT_EQ(error_for("UnauthorizedOperation").kind(), base::ErrorKind::kAccessDenied);
  EXPECT_EQ(error_for("RequestLimitExceeded").kind(), base::ErrorKind::kThrottled);
  EXPECT_EQ(error_for("AuthFailure").kind(), base::ErrorKind::kCredentials);
  EXPECT_EQ(error_for("OptInRequired").kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(error_for("InvalidInstanceID.Malformed").kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(error_for("InvalidParameterValue").kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(error_for("InvalidVpcID.NotFound").kind(), base::ErrorKind::kNotFound);

  const base::Error unavailable =
      ParseError("DescribeInstances", Response(503, "<html><body>Unavailable</body></html>"));
  EXPECT_EQ(unavailable.kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(unavailable.code(), "503");

  const base::Error truncated = ParseError("DescribeInstances", Response(400, "<Response><Errors><Error><Code>Inv"));
  EXPECT_EQ(truncated.kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(truncated.code(), "400");
  EXPECT_NE(truncated.message().find("unrecognised body"), std::string::npos);
}

}  // namespace
}  // namespace posture::aws
