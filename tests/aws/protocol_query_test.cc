// The query protocol (IAM, STS, SNS, CloudWatch, ...) against canned
// requests and responses shaped like AWS's and moto's.
#include <gtest/gtest.h>

#include <functional>

#include "aws/protocols/protocol.h"
#include "aws/protocols/shape.h"
#include "protocol_test_util.h"

namespace posture::aws {
namespace {

using proto_test::AwsEndpoint;
using proto_test::CustomEndpoint;
using proto_test::HeaderOf;
using proto_test::Model;
using proto_test::Parse;
using proto_test::ParseError;
using proto_test::Response;
using proto_test::Serialize;

const Endpoint kIam = AwsEndpoint("https://iam.amazonaws.com", "us-east-1", "iam");
const Endpoint kSts = AwsEndpoint("https://sts.eu-west-1.amazonaws.com", "eu-west-1", "sts");

// --- serialization -----------------------------------------------------------

TEST(QueryProtocolTest, SerializesAnOperationWithoutParameters) {
  auto request = Serialize("iam", "ListUsers", Json::object(), kIam);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "POST");
  EXPECT_EQ(request->url, "https://iam.amazonaws.com/");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_EQ(request->body, "Action=ListUsers&Version=2010-05-08");
  EXPECT_EQ(request->headers.size(), 1u);
}

TEST(QueryProtocolTest, NullInputMeansNoParameters) {
  auto request = Serialize("iam", "ListUsers", Json(), kIam);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->body, "Action=ListUsers&Version=2010-05-08");
}

TEST(QueryProtocolTest, SerializesScalarsAndEncodesValues) {
  // MaxItems arrives as a string from `posture api --param`; null members are skipped.
  auto request =
      Serialize("iam", "ListUsers", {{"PathPrefix", "/admin team/"}, {"MaxItems", "50"}, {"Marker", nullptr}}, kIam);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->body, "Action=ListUsers&Version=2010-05-08&MaxItems=50&PathPrefix=%2Fadmin%20team%2F");
}

TEST(QueryProtocolTest, SerializesListsOfStructuresAndScalars) {
  const Json input = {{"RoleArn", "arn:aws:iam::111111111111:role/audit"},
                      {"RoleSessionName", "posture"},
                      {"DurationSeconds", 900},
                      {"PolicyArns", {{{"arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}},
                      {"Tags", {{{"Key", "team"}, {"Value", "sec"}}, {{"Key", "env"}, {"Value", "prod"}}}},
                      {"TransitiveTagKeys", {"team"}}};
  auto request = Serialize("sts", "AssumeRole", input, kSts);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->url, "https://sts.eu-west-1.amazonaws.com/");
  EXPECT_EQ(request->body,
            "Action=AssumeRole&Version=2011-06-15&DurationSeconds=900"
            "&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess"
            "&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Faudit&RoleSessionName=posture"
            "&Tags.member.1.Key=team&Tags.member.1.Value=sec&Tags.member.2.Key=env&Tags.member.2.Value=prod"
            "&TransitiveTagKeys.member.1=team");
}

TEST(QueryProtocolTest, SendsAnEmptyListAsAnEmptyParameter) {
  auto request = Serialize(
      "sts", "AssumeRole",
      {{"RoleArn", "arn:aws:iam::1:role/r"}, {"RoleSessionName", "s"}, {"TransitiveTagKeys", Json::array()}}, kSts);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->body,
            "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=s"
            "&TransitiveTagKeys=");
}

TEST(QueryProtocolTest, SerializesMapsAsEntries) {
  auto request = Serialize("sns", "CreateTopic",
                           {{"Name", "alerts"}, {"Attributes", {{"DisplayName", "Alerts"}, {"FifoTopic", "false"}}}},
                           AwsEndpoint("https://sns.us-east-1.amazonaws.com", "us-east-1", "sns"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->body,
            "Action=CreateTopic&Version=2010-03-31&Attributes.entry.1.key=DisplayName"
            "&Attributes.entry.1.value=Alerts&Attributes.entry.2.key=FifoTopic&Attributes.entry.2.value=false"
            "&Name=alerts");
}

TEST(QueryProtocolTest, SerializesBooleansAndDoubles) {
  auto login = Serialize("iam", "CreateLoginProfile",
                         {{"UserName", "alice"}, {"Password", "p@ss word"}, {"PasswordResetRequired", "true"}}, kIam);
  ASSERT_TRUE(login.ok()) << login.error().message();
  EXPECT_EQ(login->body,
            "Action=CreateLoginProfile&Version=2010-05-08&Password=p%40ss%20word&PasswordResetRequired=true"
            "&UserName=alice");

  auto alarm = Serialize("cloudwatch", "PutMetricAlarm",
                         {{"AlarmName", "root-login"},
                          {"EvaluationPeriods", 1},
                          {"ComparisonOperator", "GreaterThanOrEqualToThreshold"},
                          {"Threshold", 1.5},
                          {"ActionsEnabled", false},
                          {"Dimensions", {{{"Name", "Env"}, {"Value", "prod"}}}}},
                         AwsEndpoint("https://monitoring.us-east-1.amazonaws.com", "us-east-1", "monitoring"));
  ASSERT_TRUE(alarm.ok()) << alarm.error().message();
  EXPECT_EQ(alarm->body,
            "Action=PutMetricAlarm&Version=2010-08-01&ActionsEnabled=false&AlarmName=root-login"
            "&ComparisonOperator=GreaterThanOrEqualToThreshold&Dimensions.member.1.Name=Env"
            "&Dimensions.member.1.Value=prod&EvaluationPeriods=1&Threshold=1.5");
}

TEST(QueryProtocolTest, UsesTheCustomEndpointAsGiven) {
  auto request = Serialize("iam", "ListUsers", Json::object(), CustomEndpoint("http://127.0.0.1:5000", "iam"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->url, "http://127.0.0.1:5000/");
  auto with_path = Serialize("iam", "ListUsers", Json::object(), CustomEndpoint("http://localhost:4566/aws/", "iam"));
  ASSERT_TRUE(with_path.ok()) << with_path.error().message();
  EXPECT_EQ(with_path->url, "http://localhost:4566/aws/");
}

// --- validation --------------------------------------------------------------

TEST(QueryProtocolTest, RejectsUnknownParameters) {
  auto request = Serialize("iam", "ListUsers", {{"Foo", "x"}}, kIam);
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(request.error().message(),
            "ListUsers: unknown parameter 'Foo', must be one of: Marker, MaxItems, PathPrefix");
}

TEST(QueryProtocolTest, RejectsUnknownNestedParametersWithTheirPath) {
  auto request = Serialize(
      "sts", "AssumeRole",
      {{"RoleArn", "a"}, {"RoleSessionName", "s"}, {"Tags", {{{"Key", "k"}, {"Value", "v"}, {"Foo", 1}}}}}, kSts);
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(request.error().message(), "AssumeRole: unknown parameter 'Tags[0].Foo', must be one of: Key, Value");
}

TEST(QueryProtocolTest, RejectsMissingRequiredParameters) {
  auto request = Serialize("sts", "AssumeRole", {{"RoleSessionName", "s"}}, kSts);
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(request.error().message(), "AssumeRole: missing required parameter 'RoleArn'");

  auto nested =
      Serialize("sts", "AssumeRole", {{"RoleArn", "a"}, {"RoleSessionName", "s"}, {"Tags", {{{"Key", "k"}}}}}, kSts);
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().message(), "AssumeRole: missing required parameter 'Tags[0].Value'");
}

TEST(QueryProtocolTest, RejectsWrongTypes) {
  auto text_for_integer = Serialize("iam", "ListUsers", {{"MaxItems", "fifty"}}, kIam);
  ASSERT_FALSE(text_for_integer.ok());
  EXPECT_EQ(text_for_integer.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(text_for_integer.error().message(),
            "ListUsers: invalid type for parameter 'MaxItems': expected integer, got string \"fifty\"");

  auto fraction = Serialize("iam", "ListUsers", {{"MaxItems", 2.5}}, kIam);
  ASSERT_FALSE(fraction.ok());

  auto bad_bool = Serialize("iam", "CreateLoginProfile", {{"UserName", "a"}, {"PasswordResetRequired", "yes"}}, kIam);
  ASSERT_FALSE(bad_bool.ok());
  EXPECT_NE(bad_bool.error().message().find("'PasswordResetRequired': expected boolean"), std::string::npos);

  auto number_for_string = Serialize("iam", "ListUsers", {{"PathPrefix", 5}}, kIam);
  ASSERT_FALSE(number_for_string.ok());

  auto scalar_for_list =
      Serialize("sts", "AssumeRole", {{"RoleArn", "a"}, {"RoleSessionName", "s"}, {"TransitiveTagKeys", "k"}}, kSts);
  ASSERT_FALSE(scalar_for_list.ok());
  EXPECT_NE(scalar_for_list.error().message().find("'TransitiveTagKeys': expected list"), std::string::npos);

  auto not_an_object = Serialize("iam", "ListUsers", Json::array(), kIam);
  ASSERT_FALSE(not_an_object.ok());
  EXPECT_EQ(not_an_object.error().kind(), base::ErrorKind::kInvalidInput);
}

TEST(QueryProtocolTest, RejectsParametersForAnOperationWithoutInput) {
  auto ok = Serialize("sts", "GetCallerIdentity", Json::object(), kSts);
  ASSERT_TRUE(ok.ok()) << ok.error().message();
  EXPECT_EQ(ok->body, "Action=GetCallerIdentity&Version=2011-06-15");
}

TEST(QueryProtocolTest, UnknownOperationIsUnsupported) {
  auto request = Serialize("iam", "DeleteUser", Json::object(), kIam);
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().kind(), base::ErrorKind::kUnsupported);
  EXPECT_EQ(request.error().message(), "iam: unknown operation 'DeleteUser'");
}

// --- responses -----------------------------------------------------------------

// As moto 5 answers ListUsers.
constexpr char kListUsersTwo[] =
    R"(<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><Users>)"
    R"(<member><Path>/</Path><UserName>alice</UserName><UserId>os05h1k3zgdjp1126i7y</UserId>)"
    R"(<Arn>arn:aws:iam::123456789012:user/alice</Arn><CreateDate>2026-11-30T15:10:30.092687Z</CreateDate></member>)"
    R"(<member><Path>/</Path><UserName>bob</UserName><UserId>hjob4rypsi3hswutai4g</UserId>)"
    R"(<Arn>arn:aws:iam::123456789012:user/bob</Arn><CreateDate>2026-11-30T15:10:30Z</CreateDate>)"
    R"(<PasswordLastUsed>2026-11-30T16:00:00.500+01:00</PasswordLastUsed>)"
    R"(<Tags><member><Key>team</Key><Value>sec</Value></member></Tags></member>)"
    R"(</Users><IsTruncated>true</IsTruncated><Marker>page-2 token</Marker></ListUsersResult>)"
    R"(<ResponseMetadata><RequestId>aqu5povp</RequestId></ResponseMetadata></ListUsersResponse>)";

TEST(QueryProtocolTest, ParsesAListOfManyItemsWithNestedListsAndTimestamps) {
  auto output = Parse("iam", "ListUsers", Response(200, kListUsersTwo));
  ASSERT_TRUE(output.ok()) << output.error().message();
  const Json expected = {{"Users",
                          {{{"Path", "/"},
                            {"UserName", "alice"},
                            {"UserId", "os05h1k3zgdjp1126i7y"},
                            {"Arn", "arn:aws:iam::123456789012:user/alice"},
                            {"CreateDate", "2026-11-30T15:10:30.092687Z"}},
                           {{"Path", "/"},
                            {"UserName", "bob"},
                            {"UserId", "hjob4rypsi3hswutai4g"},
                            {"Arn", "arn:aws:iam::123456789012:user/bob"},
                            {"CreateDate", "2026-11-30T15:10:30Z"},
                            {"PasswordLastUsed", "2026-11-30T15:00:00.500Z"},
                            {"Tags", {{{"Key", "team"}, {"Value", "sec"}}}}}}},
                         {"IsTruncated", true},
                         {"Marker", "page-2 token"}};
  EXPECT_EQ(*output, expected);
}

TEST(QueryProtocolTest, ParsesAListOfOneItem) {
  auto output = Parse("iam", "ListUsers", Response(200, R"(<?xml version="1.0" encoding="UTF-8"?>
<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ListUsersResult>
    <IsTruncated>false</IsTruncated>
    <Users>
      <member>
        <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
        <Path>/division_abc/subdivision_xyz/engineering/</Path>
        <UserName>Andrew</UserName>
        <Arn>arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/engineering/Andrew</Arn>
        <CreateDate>2012-09-05T19:38:48Z</CreateDate>
        <PasswordLastUsed>2014-09-08T21:47:36Z</PasswordLastUsed>
      </member>
    </Users>
  </ListUsersResult>
  <ResponseMetadata>
    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
  </ResponseMetadata>
</ListUsersResponse>)"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  ASSERT_EQ((*output)["Users"].size(), 1u);
  EXPECT_EQ((*output)["Users"][0]["UserName"], "Andrew");
  EXPECT_EQ((*output)["Users"][0]["PasswordLastUsed"], "2014-09-08T21:47:36Z");
  EXPECT_EQ((*output)["IsTruncated"], false);
  EXPECT_FALSE(output->contains("Marker"));
}

TEST(QueryProtocolTest, ParsesAnEmptyList) {
  auto output = Parse("iam", "ListGroups",
                      Response(200, R"(<ListGroupsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">)"
                                    R"(<ListGroupsResult><Groups/></ListGroupsResult><ResponseMetadata>)"
                                    R"(<RequestId>hpxk</RequestId></ResponseMetadata></ListGroupsResponse>)"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json({{"Groups", Json::array()}}));
}

TEST(QueryProtocolTest, ParsesNestedStructuresAndIntegers) {
  auto output =
      Parse("sts", "AssumeRole",
            Response(200, R"(<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>)"
                          R"(<Credentials><AccessKeyId>ASIARTXV5AHDROXH6YIO</AccessKeyId>)"
                          R"(<SecretAccessKey>H0iWp/PTQi7kFgxVV2oeGo/EAa4agbIf+J0gMmcU</SecretAccessKey>)"
                          R"(<SessionToken>FQoGZXIvYXdzEBYaDb3p33A3</SessionToken>)"
                          R"(<Expiration>2026-11-30T16:10:44.350476Z</Expiration></Credentials>)"
                          R"(<AssumedRoleUser><AssumedRoleId>AROA3X42LBCDMNRFVZASR:s</AssumedRoleId>)"
                          R"(<Arn>arn:aws:sts::111111111111:assumed-role/x/s</Arn></AssumedRoleUser>)"
                          R"(<PackedPolicySize>6</PackedPolicySize></AssumeRoleResult><ResponseMetadata>)"
                          R"(<RequestId>Dpc</RequestId></ResponseMetadata></AssumeRoleResponse>)"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  const Json expected = {
      {"Credentials",
       {{"AccessKeyId", "ASIARTXV5AHDROXH6YIO"},
        {"SecretAccessKey", "H0iWp/PTQi7kFgxVV2oeGo/EAa4agbIf+J0gMmcU"},
        {"SessionToken", "FQoGZXIvYXdzEBYaDb3p33A3"},
        {"Expiration", "2026-11-30T16:10:44.350476Z"}}},
      {"AssumedRoleUser",
       {{"AssumedRoleId", "AROA3X42LBCDMNRFVZASR:s"}, {"Arn", "arn:aws:sts::111111111111:assumed-role/x/s"}}},
      {"PackedPolicySize", 6}};
  EXPECT_EQ(*output, expected);
}

TEST(QueryProtocolTest, ParsesMapsAndBlobs) {
  auto summary = Parse("iam", "GetAccountSummary",
                       Response(200, R"(<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap>)"
                                     R"(<entry><key>Users</key><value>20</value></entry>)"
                                     R"(<entry><key>AccountMFAEnabled</key><value>0</value></entry>)"
                                     R"(</SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>)"));
  ASSERT_TRUE(summary.ok()) << summary.error().message();
  EXPECT_EQ(*summary, Json({{"SummaryMap", {{"Users", 20}, {"AccountMFAEnabled", 0}}}}));

  // Blobs stay base64, as on the wire.
  auto report =
      Parse("iam", "GetCredentialReport",
            Response(200, R"(<GetCredentialReportResponse><GetCredentialReportResult>)"
                          R"(<Content>dXNlcixhcm4KPHJvb3Q+LGFybgo=</Content><ReportFormat>text/csv</ReportFormat>)"
                          R"(<GeneratedTime>2024-05-01T12:00:00Z</GeneratedTime>)"
                          R"(</GetCredentialReportResult></GetCredentialReportResponse>)"));
  ASSERT_TRUE(report.ok()) << report.error().message();
  EXPECT_EQ((*report)["Content"], "dXNlcixhcm4KPHJvb3Q+LGFybgo=");
  EXPECT_EQ((*report)["GeneratedTime"], "2024-05-01T12:00:00Z");
}

TEST(QueryProtocolTest, ParsesCloudWatchAlarms) {
  auto output = Parse(
      "cloudwatch", "DescribeAlarms",
      Response(
          200,
          R"(<DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">)"
          R"(<DescribeAlarmsResult><MetricAlarms><member><AlarmName>root-login</AlarmName>)"
          R"(<Threshold>1.0</Threshold><EvaluationPeriods>1</EvaluationPeriods><ActionsEnabled>true</ActionsEnabled>)"
          R"(<AlarmActions><member>arn:aws:sns:us-east-1:123456789012:alerts</member></AlarmActions>)"
          R"(<Dimensions/><StateUpdatedTimestamp>2024-05-01T12:00:00.123Z</StateUpdatedTimestamp>)"
          R"(</member></MetricAlarms><CompositeAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>)"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  const Json& alarm = (*output)["MetricAlarms"][0];
  EXPECT_EQ(alarm["Threshold"], 1.0);
  EXPECT_TRUE(alarm["Threshold"].is_number_float());
  EXPECT_EQ(alarm["EvaluationPeriods"], 1);
  EXPECT_EQ(alarm["ActionsEnabled"], true);
  EXPECT_EQ(alarm["AlarmActions"], Json({"arn:aws:sns:us-east-1:123456789012:alerts"}));
  EXPECT_EQ(alarm["Dimensions"], Json::array());
  EXPECT_EQ(alarm["StateUpdatedTimestamp"], "2024-05-01T12:00:00.123Z");
  EXPECT_EQ((*output)["CompositeAlarms"], Json::array());
}

TEST(QueryProtocolTest, OperationWithoutOutputParsesToAnEmptyObject) {
  auto output = Parse("iam", "AddUserToGroup",
                      Response(200, R"(<AddUserToGroupResponse><ResponseMetadata><RequestId>x</RequestId>)"
                                    R"(</ResponseMetadata></AddUserToGroupResponse>)"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json::object());
}

TEST(QueryProtocolTest, AResponseWithoutItsResultElementIsEmpty) {
  auto output = Parse("iam", "ListUsers",
                      Response(200,
                               "<ListUsersResponse><ResponseMetadata><RequestId>x</RequestId>"
                               "</ResponseMetadata></ListUsersResponse>"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json::object());
}

// --- malformed responses -------------------------------------------------------

TEST(QueryProtocolTest, TruncatedXmlIsAParseError) {
  const std::string body = kListUsersTwo;
  auto output = Parse("iam", "ListUsers", Response(200, body.substr(0, body.size() / 2)));
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().kind(), base::ErrorKind::kParse);
  EXPECT_TRUE(output.error().message().starts_with("iam:ListUsers: malformed XML in response"))
      << output.error().message();
}

TEST(QueryProtocolTest, AnHtmlPageIsAParseError) {
  auto output =
      Parse("iam", "ListUsers", Response(200, "<!doctype html>\n<html lang=en>\n<title>Proxy</title>\n<p>Hello</p>"));
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().kind(), base::ErrorKind::kParse);
  EXPECT_NE(output.error().message().find("iam:ListUsers"), std::string::npos);

  auto well_formed = Parse("iam", "ListUsers", Response(200, "<html><body>Hello</body></html>"));
  ASSERT_FALSE(well_formed.ok());
  EXPECT_EQ(well_formed.error().kind(), base::ErrorKind::kParse);
  EXPECT_EQ(well_formed.error().message(),
            "iam:ListUsers: an HTML page instead of XML: <html><body>Hello</body></html>");

  auto other_root = Parse("iam", "ListUsers", Response(200, "<Unexpected><Thing/></Unexpected>"));
  ASSERT_FALSE(other_root.ok());
  EXPECT_EQ(other_root.error().message(),
            "iam:ListUsers: unexpected XML response <Unexpected>: <Unexpected><Thing/></Unexpected>");
}

TEST(QueryProtocolTest, AnEmptyBodyIsAParseError) {
  auto output = Parse("iam", "ListUsers", Response(200, ""));
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().kind(), base::ErrorKind::kParse);
  EXPECT_EQ(output.error().message(), "iam:ListUsers: empty response body where XML was expected");
}

TEST(QueryProtocolTest, AValueThatDoesNotFitItsShapeIsAParseError) {
  auto output = Parse("sts", "AssumeRole",
                      Response(200,
                               "<AssumeRoleResponse><AssumeRoleResult><PackedPolicySize>six</PackedPolicySize>"
                               "</AssumeRoleResult></AssumeRoleResponse>"));
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().kind(), base::ErrorKind::kParse);
  EXPECT_EQ(output.error().message(),
            "sts:AssumeRole: unexpected value in <PackedPolicySize>: \"six\" is not a valid integer");

  auto bad_time = Parse("iam", "ListUsers",
                        Response(200,
                                 "<ListUsersResponse><ListUsersResult><Users><member><CreateDate>yesterday"
                                 "</CreateDate></member></Users></ListUsersResult></ListUsersResponse>"));
  ASSERT_FALSE(bad_time.ok());
  EXPECT_EQ(bad_time.error().kind(), base::ErrorKind::kParse);
}

// --- errors ----------------------------------------------------------------------

TEST(QueryProtocolTest, ParsesErrorResponses) {
  // moto's answer for a missing user.
  const base::Error missing = ParseError(
      "iam", "GetLoginProfile",
      Response(404,
               R"(<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>)"
               R"(<Code>NoSuchEntity</Code><Message>The user with name nobody cannot be found.</Message>)"
               R"(<message>The user with name nobody cannot be found.</message></Error>)"
               R"(<RequestId>BbjuXgaS7bBW</RequestId></ErrorResponse>)",
               {{"x-amzn-requestid", "header-id"}}));
  EXPECT_EQ(missing.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(missing.code(), "NoSuchEntity");
  EXPECT_EQ(missing.message(), "The user with name nobody cannot be found.");
  EXPECT_EQ(missing.request_id(), "BbjuXgaS7bBW");
  EXPECT_EQ(missing.http_status(), 404);

  const base::Error denied = ParseError(
      "iam", "ListUsers",
      Response(403, R"(<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>)"
                    R"(<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/x is not authorized )"
                    R"(to perform: iam:ListUsers</Message></Error><RequestId>4e2b</RequestId></ErrorResponse>)"));
  EXPECT_EQ(denied.kind(), base::ErrorKind::kAccessDenied);
  EXPECT_EQ(denied.code(), "AccessDenied");
  EXPECT_EQ(denied.request_id(), "4e2b");

  const base::Error throttled =
      ParseError("iam", "ListUsers",
                 Response(400,
                          "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
                          "</Message></Error><RequestId>r1</RequestId></ErrorResponse>"));
  EXPECT_EQ(throttled.kind(), base::ErrorKind::kThrottled);
  EXPECT_EQ(throttled.message(), "Rate exceeded");

  const base::Error expired = ParseError(
      "sts", "GetCallerIdentity",
      Response(403,
               "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token "
               "included in the request is expired</Message></Error><RequestId>r2</RequestId></ErrorResponse>"));
  EXPECT_EQ(expired.kind(), base::ErrorKind::kCredentials);
  EXPECT_EQ(expired.code(), "ExpiredToken");

  const base::Error invalid = ParseError(
      "iam", "CreatePolicy",
      Response(400,
               "<ErrorResponse><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code><Message>Syntax "
               "errors in policy.</Message></Error><RequestId>r3</RequestId></ErrorResponse>"));
  EXPECT_EQ(invalid.kind(), base::ErrorKind::kInvalidInput);
}

TEST(QueryProtocolTest, TakesTheRequestIdFromHeadersWhenTheBodyHasNone) {
  const base::Error error =
      ParseError("sns", "ListTopics",
                 Response(400,
                          "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code>"
                          "<Message>Invalid parameter: NextToken</Message></Error></ErrorResponse>",
                          {{"X-Amzn-RequestId", "from-header"}}));
  EXPECT_EQ(error.kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(error.request_id(), "from-header");
}

TEST(QueryProtocolTest, GenericErrorPagesFallBackToTheStatus) {
  // moto's answer for an action it does not know.
  const base::Error html =
      ParseError("sts", "GetCallerIdentity",
                 Response(500,
                          "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
                          "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error.</p>\n"));
  EXPECT_EQ(html.kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(html.code(), "500");
  EXPECT_EQ(html.message(), "HTTP 500 Internal Server Error");
  EXPECT_EQ(html.http_status(), 500);

  const base::Error empty = ParseError("iam", "ListUsers", Response(503, "", {{"x-amzn-RequestId", "r9"}}));
  EXPECT_EQ(empty.kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(empty.code(), "503");
  EXPECT_EQ(empty.message(), "HTTP 503 Service Unavailable");
  EXPECT_EQ(empty.request_id(), "r9");

  const base::Error text = ParseError("iam", "ListUsers", Response(403, "Request blocked by the corporate proxy"));
  EXPECT_EQ(text.kind(), base::ErrorKind::kAccessDenied);
  EXPECT_EQ(text.code(), "403");
  EXPECT_EQ(text.message(), "HTTP 403 Forbidden with an unrecognised body: Request blocked by the corporate proxy");

  const base::Error truncated = ParseError("iam", "ListUsers", Response(400, "<ErrorResponse><Error><Code>Throt"));
  EXPECT_EQ(truncated.kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(truncated.code(), "400");

  const base::Error empty_not_found = ParseError("iam", "ListUsers", Response(404, ""));
  EXPECT_EQ(empty_not_found.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(empty_not_found.message(), "HTTP 404 Not Found");
}

// --- shared by every protocol ----------------------------------------------------

TEST(ClassifyErrorTest, FollowsCodesThenStatus) {
  struct Case {
    const char* code;
    int status;
    base::ErrorKind kind;
  };
  const Case cases[] = {
      {"AccessDenied", 403, base::ErrorKind::kAccessDenied},
      {"AccessDeniedException", 400, base::ErrorKind::kAccessDenied},
      {"UnauthorizedOperation", 403, base::ErrorKind::kAccessDenied},
      {"UnauthorizedAccess", 401, base::ErrorKind::kAccessDenied},
      {"AuthorizationError", 403, base::ErrorKind::kAccessDenied},
      {"Forbidden", 403, base::ErrorKind::kAccessDenied},
      {"ForbiddenException", 403, base::ErrorKind::kAccessDenied},
      {"NotAuthorizedException", 400, base::ErrorKind::kAccessDenied},
      {"Throttling", 400, base::ErrorKind::kThrottled},
      {"ThrottlingException", 400, base::ErrorKind::kThrottled},
      {"ThrottledException", 400, base::ErrorKind::kThrottled},
      {"RequestThrottledException", 400, base::ErrorKind::kThrottled},
      {"TooManyRequestsException", 429, base::ErrorKind::kThrottled},
      {"ProvisionedThroughputExceededException", 400, base::ErrorKind::kThrottled},
      {"TransactionInProgressException", 400, base::ErrorKind::kThrottled},
      {"RequestLimitExceeded", 503, base::ErrorKind::kThrottled},
      {"BandwidthLimitExceeded", 400, base::ErrorKind::kThrottled},
      {"LimitExceededException", 400, base::ErrorKind::kThrottled},
      {"RequestThrottled", 400, base::ErrorKind::kThrottled},
      {"SlowDown", 503, base::ErrorKind::kThrottled},
      {"PriorRequestNotComplete", 400, base::ErrorKind::kThrottled},
      {"EC2ThrottledException", 400, base::ErrorKind::kThrottled},
      {"LimitExceeded", 409, base::ErrorKind::kInvalidInput},  // IAM quota, not a throttle (botocore agrees)
      {"NoSuchEntity", 404, base::ErrorKind::kNotFound},
      {"NoSuchBucket", 404, base::ErrorKind::kNotFound},
      {"ResourceNotFoundException", 400, base::ErrorKind::kNotFound},
      {"InvalidGroup.NotFound", 400, base::ErrorKind::kNotFound},
      {"TrailNotFoundException", 400, base::ErrorKind::kNotFound},
      {"ValidationError", 400, base::ErrorKind::kInvalidInput},
      {"ValidationException", 400, base::ErrorKind::kInvalidInput},
      {"InvalidParameterValue", 400, base::ErrorKind::kInvalidInput},
      {"InvalidParameterCombination", 400, base::ErrorKind::kInvalidInput},
      {"MalformedPolicyDocument", 400, base::ErrorKind::kInvalidInput},
      {"MissingParameter", 400, base::ErrorKind::kInvalidInput},
      {"InvalidInput", 400, base::ErrorKind::kInvalidInput},
      {"InvalidInstanceID.Malformed", 400, base::ErrorKind::kInvalidInput},
      {"OptInRequired", 403, base::ErrorKind::kServiceUnavailable},
      {"SubscriptionRequiredException", 400, base::ErrorKind::kServiceUnavailable},
      {"InvalidAccessException", 401, base::ErrorKind::kServiceUnavailable},
      {"UnknownOperationException", 400, base::ErrorKind::kServiceUnavailable},
      {"InvalidClientTokenId", 403, base::ErrorKind::kCredentials},
      {"SignatureDoesNotMatch", 403, base::ErrorKind::kCredentials},
      {"ExpiredToken", 400, base::ErrorKind::kCredentials},
      {"ExpiredTokenException", 400, base::ErrorKind::kCredentials},
      {"UnrecognizedClientException", 400, base::ErrorKind::kCredentials},
      {"AuthFailure", 401, base::ErrorKind::kCredentials},
      {"InvalidAccessKeyId", 403, base::ErrorKind::kCredentials},
      {"RequestTimeout", 400, base::ErrorKind::kNetwork},
      {"SomethingNew", 403, base::ErrorKind::kAccessDenied},
      {"SomethingNew", 404, base::ErrorKind::kNotFound},
      {"SomethingNew", 429, base::ErrorKind::kThrottled},
      {"SomethingNew", 500, base::ErrorKind::kServiceUnavailable},
      {"", 503, base::ErrorKind::kServiceUnavailable},
      {"SomethingNew", 409, base::ErrorKind::kInvalidInput},
      {"", 401, base::ErrorKind::kCredentials},
      {"", 301, base::ErrorKind::kInvalidInput},
      {"", 0, base::ErrorKind::kInternal},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(base::ErrorKindName(ClassifyError(c.code, c.status)), std::string(base::ErrorKindName(c.kind)))
        << c.code << " / " << c.status;
  }
}

TEST(RequestIdFromHeadersTest, ReadsTheUsualHeaders) {
  EXPECT_EQ(RequestIdFromHeaders(Response(200, "", {{"X-Amzn-RequestId", "a"}})), "a");
  EXPECT_EQ(RequestIdFromHeaders(Response(200, "", {{"x-amz-request-id", "b"}, {"x-amz-id-2", "host"}})), "b");
  EXPECT_EQ(RequestIdFromHeaders(Response(200, "", {{"x-amzn-request-id", "c"}})), "c");
  EXPECT_EQ(RequestIdFromHeaders(Response(200, "", {{"Date", "now"}})), "");
}

TEST(ProtocolForTest, AnUnknownProtocolIsUnsupported) {
  const ServiceModel model(Json{{"service", "odd"}, {"metadata", {{"protocol", "smithy-rpc-v2-cbor"}}}});
  const Protocol& protocol = ProtocolFor(model);
  auto request = protocol.serialize(model, "Op", Json::object(), kIam);
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().kind(), base::ErrorKind::kUnsupported);
  EXPECT_EQ(protocol.parse_error(model, "Op", Response(500, "")).kind(), base::ErrorKind::kUnsupported);
  EXPECT_FALSE(protocol.parse_output(model, "Op", Response(200, "")).ok());
}

// A value for every member of `shape`: optional members as deep as `depth`
// allows, required ones always.
Json SampleInput(const ServiceModel& model, const ShapeRef& shape, int depth) {
  constexpr int kRequiredDepthLimit = -20;
  const std::string_view type = shape.type();
  if (shape.is_document()) return Json{{"any", {1, "two"}}};
  if (type == "structure") {
    Json out = Json::object();
    for (const auto& [name, ref] : shape.members().items()) {
      const ShapeRef member = MemberShape(model, shape, name);
      const bool scalar = member.type() != "structure" && member.type() != "list" && member.type() != "map";
      const bool wanted = shape.is_required(name) ? depth > kRequiredDepthLimit : (depth > 0 || scalar);
      if (!wanted) continue;
      out[name] = SampleInput(model, member, depth - 1);
      if (shape.flag("union")) break;
    }
    return out;
  }
  if (type == "list") return Json::array({SampleInput(model, ListMember(model, shape), depth - 1)});
  if (type == "map") return Json{{"k1", SampleInput(model, MapValue(model, shape), depth - 1)}};
  if (type == "boolean") return true;
  if (type == "integer" || type == "long") return 1;
  if (type == "float" || type == "double") return 1.5;
  if (type == "timestamp") return "2024-01-01T00:00:00Z";
  return "x1";
}

// Every operation of every model serializes a full sample input, and no body
// at all, without throwing; every garbage response yields a clean error.
TEST(AllProtocolsTest, EveryOperationSurvivesSampleAndGarbageTraffic) {
  const Endpoint endpoint = AwsEndpoint("https://service.us-east-1.amazonaws.com", "us-east-1", "service");
  const std::vector<std::string> bodies = {"",
                                           "{",
                                           "<",
                                           "null",
                                           "[]",
                                           "42",
                                           "\"text\"",
                                           "<a><b></a>",
                                           std::string("\xff\xfe\x00<x>", 6),
                                           "<html>oops</html>",
                                           R"({"a":1,"Error":{"Code":5}})",
                                           R"(<?xml version="1.0"?><X><Y>1</Y></X>)",
                                           R"({"__type":7,"message":[1]})",
                                           "<Error><Code><Nested/></Code></Error>",
                                           "<Response><Errors><Error/></Errors></Response>"};
  size_t operations = 0;
  for (const std::string& service : ServiceModelNames()) {
    const ServiceModel& model = Model(service);
    const Protocol& protocol = ProtocolFor(model);
    for (const std::string& operation : model.operation_names()) {
      ++operations;
      const Json& spec = *model.operation(operation);
      const ShapeRef input = InputRef(model, spec);
      const Json sample = input.valid() ? SampleInput(model, input, 5) : Json::object();
      auto full = protocol.serialize(model, operation, sample, endpoint);
      EXPECT_TRUE(full.ok()) << service << ":" << operation << ": " << (full.ok() ? "" : full.error().message());
      auto empty = protocol.serialize(model, operation, Json::object(), endpoint);
      if (!empty.ok()) {
        EXPECT_EQ(empty.error().kind(), base::ErrorKind::kInvalidInput) << service << ":" << operation;
      }
      for (const std::string& body : bodies) {
        auto output = protocol.parse_output(model, operation, Response(200, body));
        if (!output.ok()) {
          EXPECT_EQ(output.error().kind(), base::ErrorKind::kParse) << service << ":" << operation << " body " << body;
        } else {
          EXPECT_TRUE(output->is_object()) << service << ":" << operation;
          EXPECT_NO_THROW(output->dump()) << service << ":" << operation;
        }
        for (int status : {400, 403, 404, 500, 503}) {
          const base::Error error = protocol.parse_error(model, operation, Response(status, body));
          EXPECT_EQ(error.http_status(), status);
          EXPECT_FALSE(error.code().empty()) << service << ":" << operation << " body " << body;
          EXPECT_FALSE(error.message().empty()) << service << ":" << operation << " body " << body;
        }
      }
    }
  }
  EXPECT_GT(operations, 200u);
}

TEST(AllProtocolsTest, InvalidUtf8NeverReachesTheOutput) {
  auto output = Parse("iam", "ListUsers",
                      Response(200,
                               "<ListUsersResponse><ListUsersResult><Users><member><UserName>bad\xff\xc3</UserName>"
                               "</member></Users></ListUsersResult></ListUsersResponse>"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ((*output)["Users"][0]["UserName"], "bad\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_NO_THROW(output->dump());

  const base::Error error =
      ParseError("iam", "ListUsers",
                 Response(400,
                          "<ErrorResponse><Error><Code>X\xff</Code><Message>m\xfe</Message></Error>"
                          "</ErrorResponse>"));
  EXPECT_EQ(error.code(), "X\xEF\xBF\xBD");
  EXPECT_EQ(error.message(), "m\xEF\xBF\xBD");
}

}  // namespace
}  // namespace posture::aws
