// The rest-json protocol (Security Hub, GuardDuty, EFS, API Gateway, Access
// Analyzer, the SSO portal, ...) against canned requests and responses shaped
// like AWS's and moto's, plus a synthetic model for the HTTP bindings the
// embedded operations do not use.
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
using proto_test::Parse;
using proto_test::ParseError;
using proto_test::Response;
using proto_test::Serialize;

Endpoint RegionalEndpoint(const std::string& prefix) {
  return AwsEndpoint("https://" + prefix + ".us-east-1.amazonaws.com", "us-east-1", prefix);
}

const ServiceModel& SyntheticRestJson() {
  static const ServiceModel model(Json::parse(R"({
    "service": "synthetic",
    "metadata": {"apiVersion": "2024-01-01", "endpointPrefix": "synthetic", "protocol": "rest-json"},
    "operations": {
      "PutObject": {"name": "PutObject", "http": {"method": "PUT", "requestUri": "/{Bucket}/{Key+}?tagging", "responseCode": 200},
                    "input": {"shape": "PutObjectRequest"}, "output": {"shape": "PutObjectResponse"}},
      "GetText": {"name": "GetText", "http": {"method": "GET", "requestUri": "/text"},
                  "output": {"shape": "GetTextResponse"}},
      "PutConfig": {"name": "PutConfig", "http": {"method": "POST", "requestUri": "/config"},
                    "input": {"shape": "PutConfigRequest"}, "output": {"shape": "PutConfigResponse"}}
    },
    "shapes": {
      "PutObjectRequest": {"type": "structure", "required": ["Bucket", "Key"], "payload": "Body", "members": {
        "Bucket": {"shape": "Text", "location": "uri", "locationName": "Bucket"},
        "Key": {"shape": "Text", "location": "uri", "locationName": "Key"},
        "Since": {"shape": "Time", "location": "querystring", "locationName": "since"},
        "Verbose": {"shape": "Flag", "location": "querystring", "locationName": "verbose"},
        "Extra": {"shape": "TextMap", "location": "querystring"},
        "Expires": {"shape": "Time", "location": "header", "locationName": "Expires"},
        "Labels": {"shape": "TextList", "location": "header", "locationName": "x-labels"},
        "Meta": {"shape": "TextMap", "location": "headers", "locationName": "x-meta-"},
        "Body": {"shape": "Bytes", "streaming": true}}},
      "PutObjectResponse": {"type": "structure", "members": {
        "ETag": {"shape": "Text", "location": "header", "locationName": "ETag"},
        "Modified": {"shape": "Time", "location": "header", "locationName": "Last-Modified"},
        "Length": {"shape": "Count", "location": "header", "locationName": "Content-Length"},
        "Labels": {"shape": "TextList", "location": "header", "locationName": "x-labels"},
        "Meta": {"shape": "TextMap", "location": "headers", "locationName": "x-meta-"},
        "Status": {"shape": "Count", "location": "statusCode"},
        "Body": {"shape": "Bytes"}},
        "payload": "Body"},
      "GetTextResponse": {"type": "structure", "payload": "Text", "members": {"Text": {"shape": "Text"}}},
      "PutConfigRequest": {"type": "structure", "payload": "Config", "members": {
        "Config": {"shape": "Config"}, "Token": {"shape": "Text", "location": "header", "locationName": "x-token"}}},
      "PutConfigResponse": {"type": "structure", "payload": "Config", "members": {"Config": {"shape": "Config"}}},
      "Config": {"type": "structure", "members": {"Name": {"shape": "Text", "locationName": "name"}, "At": {"shape": "Time"}}},
      "Time": {"type": "timestamp"},
      "Bytes": {"type": "blob"},
      "Flag": {"type": "boolean"},
      "Count": {"type": "integer"},
      "Text": {"type": "string"},
      "TextList": {"type": "list", "member": {"shape": "Text"}},
      "TextMap": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Text"}}
    }
  })"));
  return model;
}

// --- serialization -------------------------------------------------------------

TEST(RestJsonProtocolTest, PostsTheBodyMembersAsJson) {
  auto request = Serialize(Model("securityhub"), "GetFindings",
                           {{"Filters",
                             {{"SeverityLabel", {{{"Value", "CRITICAL"}, {"Comparison", "EQUALS"}}}},
                              {"RecordState", {{{"Value", "ACTIVE"}, {"Comparison", "EQUALS"}}}}}},
                            {"MaxResults", 100},
                            {"NextToken", "tok"}},
                           RegionalEndpoint("securityhub"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "POST");
  EXPECT_EQ(request->url, "https://securityhub.us-east-1.amazonaws.com/findings");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "application/json");
  EXPECT_EQ(request->body,
            R"({"Filters":{"RecordState":[{"Comparison":"EQUALS","Value":"ACTIVE"}],)"
            R"("SeverityLabel":[{"Comparison":"EQUALS","Value":"CRITICAL"}]},"MaxResults":100,"NextToken":"tok"})");
}

TEST(RestJsonProtocolTest, SendsAnEmptyObjectWhenBodyMembersAreAllUnset) {
  auto request = Serialize(Model("securityhub"), "GetFindings", Json::object(), RegionalEndpoint("securityhub"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->body, "{}");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "application/json");
}

TEST(RestJsonProtocolTest, GetsWithQueryParametersAndNoBody) {
  auto hub = Serialize(Model("securityhub"), "DescribeHub",
                       {{"HubArn", "arn:aws:securityhub:us-east-1:123456789012:hub/default"}},
                       RegionalEndpoint("securityhub"));
  ASSERT_TRUE(hub.ok()) << hub.error().message();
  EXPECT_EQ(hub->method, "GET");
  EXPECT_EQ(
      hub->url,
      "https://securityhub.us-east-1.amazonaws.com/accounts?HubArn=arn%3Aaws%3Asecurityhub%3Aus-east-1%3A123456789012"
      "%3Ahub%2Fdefault");
  EXPECT_EQ(hub->body, "");
  EXPECT_TRUE(hub->headers.empty());

  auto no_arn = Serialize(Model("securityhub"), "DescribeHub", Json::object(), RegionalEndpoint("securityhub"));
  ASSERT_TRUE(no_arn.ok()) << no_arn.error().message();
  EXPECT_EQ(no_arn->url, "https://securityhub.us-east-1.amazonaws.com/accounts");

  auto detectors = Serialize(Model("guardduty"), "ListDetectors", {{"MaxResults", 50}, {"NextToken", "a b"}},
                             RegionalEndpoint("guardduty"));
  ASSERT_TRUE(detectors.ok()) << detectors.error().message();
  EXPECT_EQ(detectors->url, "https://guardduty.us-east-1.amazonaws.com/detector?maxResults=50&nextToken=a%20b");

  auto file_systems = Serialize(Model("efs"), "DescribeFileSystems", {{"FileSystemId", "fs-0123"}},
                                RegionalEndpoint("elasticfilesystem"));
  ASSERT_TRUE(file_systems.ok()) << file_systems.error().message();
  EXPECT_EQ(file_systems->url,
            "https://elasticfilesystem.us-east-1.amazonaws.com/2015-02-01/file-systems?FileSystemId=fs-0123");

  auto resources =
      Serialize(Model("apigateway"), "GetResources",
                {{"restApiId", "abc123"}, {"embed", {"methods", "x"}}, {"limit", 500}}, RegionalEndpoint("apigateway"));
  ASSERT_TRUE(resources.ok()) << resources.error().message();
  EXPECT_EQ(resources->url,
            "https://apigateway.us-east-1.amazonaws.com/restapis/abc123/resources?embed=methods&embed=x&limit=500");
}

TEST(RestJsonProtocolTest, SubstitutesAndEncodesUriLabels) {
  auto detector =
      Serialize(Model("guardduty"), "GetDetector", {{"DetectorId", "12ab/34 cd"}}, RegionalEndpoint("guardduty"));
  ASSERT_TRUE(detector.ok()) << detector.error().message();
  EXPECT_EQ(detector->url, "https://guardduty.us-east-1.amazonaws.com/detector/12ab%2F34%20cd");

  auto stage = Serialize(Model("apigateway"), "GetStage", {{"restApiId", "abc123"}, {"stageName", "prod"}},
                         CustomEndpoint("http://127.0.0.1:5000", "apigateway"));
  ASSERT_TRUE(stage.ok()) << stage.error().message();
  EXPECT_EQ(stage->method, "GET");
  EXPECT_EQ(stage->url, "http://127.0.0.1:5000/restapis/abc123/stages/prod");
  EXPECT_EQ(HeaderOf(*stage, "Accept"), "application/json");

  auto missing = Serialize(Model("guardduty"), "GetDetector", Json::object(), RegionalEndpoint("guardduty"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(missing.error().message(), "GetDetector: missing required parameter 'DetectorId'");

  auto empty = Serialize(Model("guardduty"), "GetDetector", {{"DetectorId", ""}}, RegionalEndpoint("guardduty"));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(empty.error().message(),
            "GetDetector: parameter 'DetectorId' is required and must not be empty (it is part of the URL)");
}

TEST(RestJsonProtocolTest, SendsHeaderMembers) {
  auto request =
      Serialize(Model("sso"), "GetRoleCredentials",
                {{"roleName", "ReadOnly"}, {"accountId", "123456789012"}, {"accessToken", "eyJ0b2tlbiI6MX0"}},
                AwsEndpoint("https://portal.sso.eu-west-1.amazonaws.com", "eu-west-1", "awsssoportal"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "GET");
  EXPECT_EQ(
      request->url,
      "https://portal.sso.eu-west-1.amazonaws.com/federation/credentials?account_id=123456789012&role_name=ReadOnly");
  EXPECT_EQ(HeaderOf(*request, "x-amz-sso_bearer_token"), "eyJ0b2tlbiI6MX0");
  EXPECT_EQ(request->body, "");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "<absent>");
}

TEST(RestJsonProtocolTest, RefusesHeaderValuesThatWouldSplitTheRequest) {
  auto request = Serialize(Model("sso"), "GetRoleCredentials",
                           {{"roleName", "r"}, {"accountId", "1"}, {"accessToken", "t\r\nX-Injected: 1"}},
                           AwsEndpoint("https://portal.sso.eu-west-1.amazonaws.com", "eu-west-1", "awsssoportal"));
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(request.error().message(),
            "GetRoleCredentials: header 'x-amz-sso_bearer_token' would carry a line break or a bad name");

  auto bad_name = Serialize(SyntheticRestJson(), "PutObject",
                            {{"Bucket", "b"}, {"Key", "k"}, {"Meta", {{"a: b", "c"}}}}, RegionalEndpoint("synthetic"));
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().kind(), base::ErrorKind::kInvalidInput);
}

TEST(RestJsonProtocolTest, FillsIdempotencyTokensAndSerializesUnions) {
  auto request = Serialize(Model("accessanalyzer"), "CreateAnalyzer",
                           {{"analyzerName", "org"},
                            {"type", "ACCOUNT_UNUSED_ACCESS"},
                            {"configuration", {{"unusedAccess", {{"unusedAccessAge", 90}}}}}},
                           RegionalEndpoint("access-analyzer"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "PUT");
  EXPECT_EQ(request->url, "https://access-analyzer.us-east-1.amazonaws.com/analyzer");
  static const std::regex kBody(
      R"(\{"analyzerName":"org","clientToken":"[0-9a-f-]{36}","configuration":\{"unusedAccess":\{"unusedAccessAge":90\}\},)"
      R"("type":"ACCOUNT_UNUSED_ACCESS"\})");
  EXPECT_TRUE(std::regex_match(request->body, kBody)) << request->body;
}

TEST(RestJsonProtocolTest, BindsEveryLocation) {
  auto request = Serialize(SyntheticRestJson(), "PutObject",
                           {{"Bucket", "my bucket"},
                            {"Key", "dir/sub dir/file.txt"},
                            {"Since", 1714564800},
                            {"Verbose", "true"},
                            {"Extra", {{"a", "1"}}},
                            {"Expires", "2024-05-01T12:00:00Z"},
                            {"Labels", {"plain", "with,comma", "with\"quote"}},
                            {"Meta", {{"owner", "sec"}}},
                            {"Body", "raw bytes"}},
                           RegionalEndpoint("synthetic"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "PUT");
  EXPECT_EQ(request->url,
            "https://synthetic.us-east-1.amazonaws.com/my%20bucket/dir/sub%20dir/file.txt?tagging&a=1"
            "&since=2024-05-01T12%3A00%3A00Z&verbose=true");
  EXPECT_EQ(HeaderOf(*request, "Expires"), "Wed, 01 May 2024 12:00:00 GMT");
  EXPECT_EQ(HeaderOf(*request, "x-labels"), R"(plain,"with,comma","with\"quote")");
  EXPECT_EQ(HeaderOf(*request, "x-meta-owner"), "sec");
  EXPECT_EQ(request->body, "raw bytes");  // a streaming payload goes as is, without a content type
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "<absent>");
}

TEST(RestJsonProtocolTest, SerializesAStructurePayload) {
  auto request = Serialize(SyntheticRestJson(), "PutConfig",
                           {{"Config", {{"Name", "n"}, {"At", "2024-05-01T12:00:00Z"}}}, {"Token", "t"}},
                           RegionalEndpoint("synthetic"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->body, R"({"At":1714564800,"name":"n"})");
  EXPECT_EQ(HeaderOf(*request, "x-token"), "t");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "application/json");

  auto unset = Serialize(SyntheticRestJson(), "PutConfig", Json::object(), RegionalEndpoint("synthetic"));
  ASSERT_TRUE(unset.ok()) << unset.error().message();
  EXPECT_EQ(unset->body, "{}");
}

// --- responses ---------------------------------------------------------------------

TEST(RestJsonProtocolTest, ParsesBodies) {
  auto hub = Parse(Model("securityhub"), "DescribeHub",
                   Response(200, R"({"HubArn": "arn:aws:securityhub:us-east-1:123456789012:hub/default", )"
                                 R"("SubscribedAt": "2026-11-30T15:10:51.902513+00:00", "AutoEnableControls": true, )"
                                 R"("ControlFindingGenerator": "SECURITY_CONTROL", "Tags": {}})"));
  ASSERT_TRUE(hub.ok()) << hub.error().message();
  EXPECT_EQ(*hub, Json({{"HubArn", "arn:aws:securityhub:us-east-1:123456789012:hub/default"},
                        {"SubscribedAt", "2026-11-30T15:10:51.902513+00:00"},  // a string in the model
                        {"AutoEnableControls", true},
                        {"ControlFindingGenerator", "SECURITY_CONTROL"}}));

  auto findings = Parse(Model("securityhub"), "GetFindings", Response(200, R"({"Findings": [], "NextToken": null})"));
  ASSERT_TRUE(findings.ok()) << findings.error().message();
  EXPECT_EQ(*findings, Json({{"Findings", Json::array()}}));

  auto detectors = Parse(Model("guardduty"), "ListDetectors",
                         Response(200, R"({"detectorIds": ["12abc34d567e8fa901bc2d34e56789f0"], "nextToken": "n2"})"));
  ASSERT_TRUE(detectors.ok()) << detectors.error().message();
  EXPECT_EQ(*detectors, Json({{"DetectorIds", {"12abc34d567e8fa901bc2d34e56789f0"}}, {"NextToken", "n2"}}));
}

TEST(RestJsonProtocolTest, ParsesEpochAndIsoTimestamps) {
  auto file_systems = Parse(
      Model("efs"), "DescribeFileSystems",
      Response(
          200,
          R"({"FileSystems": [{"OwnerId": "123456789012", "CreationToken": "tok", "FileSystemId": "fs-1",)"
          R"( "CreationTime": 1714564800.0, "LifeCycleState": "available", "NumberOfMountTargets": 2,)"
          R"( "SizeInBytes": {"Value": 6144, "Timestamp": 1714564801}, "PerformanceMode": "generalPurpose",)"
          R"( "Encrypted": false, "Tags": [{"Key": "Name", "Value": "data"}]},)"
          R"( {"FileSystemId": "fs-2", "CreationTime": 1714564800, "Encrypted": true, "Tags": []}], "Marker": null})"));
  ASSERT_TRUE(file_systems.ok()) << file_systems.error().message();
  const Json& first = (*file_systems)["FileSystems"][0];
  EXPECT_EQ(first["CreationTime"], "2024-05-01T12:00:00Z");
  EXPECT_EQ(first["SizeInBytes"], Json({{"Value", 6144}, {"Timestamp", "2024-05-01T12:00:01Z"}}));
  EXPECT_EQ(first["Encrypted"], false);
  EXPECT_EQ(first["NumberOfMountTargets"], 2);
  EXPECT_EQ(first["Tags"], Json({{{"Key", "Name"}, {"Value", "data"}}}));
  EXPECT_EQ((*file_systems)["FileSystems"][1]["Tags"], Json::array());
  EXPECT_FALSE(file_systems->contains("Marker"));

  auto analyzers =
      Parse(Model("accessanalyzer"), "ListAnalyzers",
            Response(200, R"({"analyzers":[{"arn":"arn:aws:access-analyzer:us-east-1:123456789012:analyzer/org",)"
                          R"("name":"org","type":"ORGANIZATION","createdAt":"2024-05-01T12:00:00.000Z",)"
                          R"("status":"ACTIVE","configuration":{"unusedAccess":{"unusedAccessAge":90}},)"
                          R"("tags":{"team":"sec"}}]})"));
  ASSERT_TRUE(analyzers.ok()) << analyzers.error().message();
  const Json& analyzer = (*analyzers)["analyzers"][0];
  EXPECT_EQ(analyzer["createdAt"], "2024-05-01T12:00:00Z");
  EXPECT_EQ(analyzer["configuration"], Json({{"unusedAccess", {{"unusedAccessAge", 90}}}}));
  EXPECT_EQ(analyzer["tags"], Json({{"team", "sec"}}));
}

TEST(RestJsonProtocolTest, ParsesSsoRoleCredentials) {
  auto output = Parse(Model("sso"), "GetRoleCredentials",
                      Response(200, R"({"roleCredentials":{"accessKeyId":"ASIA123","secretAccessKey":"secret",)"
                                    R"("sessionToken":"token","expiration":1714568400000}})"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json({{"roleCredentials",
                            {{"accessKeyId", "ASIA123"},
                             {"secretAccessKey", "secret"},
                             {"sessionToken", "token"},
                             {"expiration", 1714568400000}}}}));  // a long (milliseconds) in the model
}

TEST(RestJsonProtocolTest, ParsesHeadersStatusAndPayloads) {
  auto output = Parse(SyntheticRestJson(), "PutObject",
                      Response(200, std::string("\x01\x02 binary", 9),
                               {{"ETag", "\"abc\""},
                                {"Last-Modified", "Wed, 01 May 2024 12:00:00 GMT"},
                                {"Content-Length", "9"},
                                {"X-Labels", "a, b,c"},
                                {"X-Meta-Owner", "sec"},
                                {"x-meta-team", "blue"}}));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json({{"ETag", "\"abc\""},
                           {"Modified", "2024-05-01T12:00:00Z"},
                           {"Length", 9},
                           {"Labels", {"a", "b", "c"}},
                           {"Meta", {{"Owner", "sec"}, {"team", "blue"}}},
                           {"Status", 200},
                           {"Body", "AQIgYmluYXJ5"}}));

  auto text = Parse(SyntheticRestJson(), "GetText", Response(200, "{\"Version\":\"2012-10-17\"}"));
  ASSERT_TRUE(text.ok()) << text.error().message();
  EXPECT_EQ(*text, Json({{"Text", "{\"Version\":\"2012-10-17\"}"}}));

  auto config = Parse(SyntheticRestJson(), "PutConfig", Response(200, R"({"name":"n","At":1714564800})"));
  ASSERT_TRUE(config.ok()) << config.error().message();
  EXPECT_EQ(*config, Json({{"Config", {{"Name", "n"}, {"At", "2024-05-01T12:00:00Z"}}}}));

  auto no_config = Parse(SyntheticRestJson(), "PutConfig", Response(200, ""));
  ASSERT_TRUE(no_config.ok()) << no_config.error().message();
  EXPECT_EQ(*no_config, Json::object());

  auto bad_header = Parse(SyntheticRestJson(), "PutObject", Response(200, "", {{"Content-Length", "nine"}}));
  ASSERT_FALSE(bad_header.ok());
  EXPECT_EQ(bad_header.error().kind(), base::ErrorKind::kParse);
  EXPECT_EQ(bad_header.error().message(), "synthetic:PutObject: unexpected value in header Content-Length: nine");
}

TEST(RestJsonProtocolTest, MalformedResponsesAreParseErrors) {
  auto truncated = Parse(Model("guardduty"), "ListDetectors", Response(200, R"({"detectorIds": ["12ab)"));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().kind(), base::ErrorKind::kParse);
  EXPECT_TRUE(truncated.error().message().starts_with("guardduty:ListDetectors: malformed JSON in response"));

  auto html = Parse(Model("securityhub"), "DescribeHub", Response(200, "<html><body>Login</body></html>"));
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().kind(), base::ErrorKind::kParse);

  auto wrong = Parse(Model("guardduty"), "ListDetectors", Response(200, R"({"detectorIds": "one"})"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().message(),
            R"(guardduty:ListDetectors: unexpected value for 'DetectorIds': expected an array, got "one")");
}

// --- errors ------------------------------------------------------------------------

TEST(RestJsonProtocolTest, ParsesErrorResponses) {
  // moto's Security Hub before EnableSecurityHub.
  const base::Error not_subscribed = ParseError(
      Model("securityhub"), "DescribeHub",
      Response(401,
               R"({"__type": "InvalidAccessException", "Message": "Account is not subscribed to AWS Security Hub", )"
               R"("Code": "InvalidAccessException"})",
               {{"X-Amzn-Errortype", "InvalidAccessException"}, {"x-amzn-requestid", "tS6WJy2K"}}));
  EXPECT_EQ(not_subscribed.kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(not_subscribed.code(), "InvalidAccessException");
  EXPECT_EQ(not_subscribed.message(), "Account is not subscribed to AWS Security Hub");
  EXPECT_EQ(not_subscribed.request_id(), "tS6WJy2K");
  EXPECT_EQ(not_subscribed.http_status(), 401);

  // The header wins over the body; its ":suffix" is dropped.
  const base::Error denied = ParseError(
      Model("guardduty"), "ListDetectors",
      Response(
          403, R"({"message":"User is not authorized to perform: guardduty:ListDetectors","__type":"Other"})",
          {{"x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/"}}));
  EXPECT_EQ(denied.code(), "AccessDeniedException");
  EXPECT_EQ(denied.kind(), base::ErrorKind::kAccessDenied);

  const base::Error body_code =
      ParseError(Model("efs"), "DescribeFileSystems",
                 Response(404, R"({"ErrorCode":"FileSystemNotFound","code":"FileSystemNotFound",)"
                               R"("message":"File system 'fs-1' does not exist."})"));
  EXPECT_EQ(body_code.code(), "FileSystemNotFound");
  EXPECT_EQ(body_code.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(body_code.message(), "File system 'fs-1' does not exist.");

  const base::Error missing_token = ParseError(Model("apigateway"), "GetRestApis",
                                               Response(403, R"({"message":"Missing Authentication Token"})",
                                                        {{"x-amzn-ErrorType", "MissingAuthenticationTokenException"}}));
  EXPECT_EQ(missing_token.kind(), base::ErrorKind::kCredentials);

  const base::Error too_many = ParseError(
      Model("apigateway"), "GetRestApis",
      Response(429, R"({"message":"Too Many Requests"})", {{"x-amzn-ErrorType", "TooManyRequestsException"}}));
  EXPECT_EQ(too_many.kind(), base::ErrorKind::kThrottled);
}

TEST(RestJsonProtocolTest, AnUnauthorizedSsoPortalMeansExpiredCredentials) {
  const base::Error error = ParseError(Model("sso"), "GetRoleCredentials",
                                       Response(401, R"({"message":"Session token not found or invalid"})",
                                                {{"x-amzn-ErrorType", "UnauthorizedException"}}));
  EXPECT_EQ(error.kind(), base::ErrorKind::kCredentials);
  EXPECT_EQ(error.code(), "UnauthorizedException");

  const base::Error elsewhere =
      ParseError(Model("apigateway"), "GetRestApis",
                 Response(401, R"({"message":"Unauthorized"})", {{"x-amzn-ErrorType", "UnauthorizedException"}}));
  EXPECT_EQ(elsewhere.kind(), base::ErrorKind::kAccessDenied);
}

TEST(RestJsonProtocolTest, UnreadableErrorBodiesFallBackToTheStatus) {
  const base::Error html = ParseError(Model("guardduty"), "ListDetectors",
                                      Response(502, "<html>\n<head><title>502 Bad Gateway</title></head></html>"));
  EXPECT_EQ(html.kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(html.code(), "502");
  EXPECT_EQ(html.message(), "HTTP 502 Bad Gateway");

  // An emulator's or proxy's HTML "not found" page is not quoted.
  const base::Error not_found =
      ParseError(Model("securityhub"), "GetEnabledStandards",
                 Response(404, "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>"));
  EXPECT_EQ(not_found.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(not_found.code(), "404");
  EXPECT_EQ(not_found.message(), "HTTP 404 Not Found");

  const base::Error empty =
      ParseError(Model("guardduty"), "GetDetector", Response(404, "", {{"x-amzn-RequestId", "r1"}}));
  EXPECT_EQ(empty.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(empty.code(), "404");
  EXPECT_EQ(empty.message(), "HTTP 404 Not Found");
  EXPECT_EQ(empty.request_id(), "r1");

  const base::Error truncated = ParseError(Model("guardduty"), "ListDetectors", Response(400, R"({"__type":"BadRequ)"));
  EXPECT_EQ(truncated.kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(truncated.code(), "400");
  EXPECT_EQ(truncated.message(), R"({"__type":"BadRequ)");
}

}  // namespace
}  // namespace posture::aws
