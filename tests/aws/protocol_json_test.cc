// The json protocol (KMS, Organizations, Logs, ...) against canned requests
// and responses shaped like AWS's and moto's, plus a small synthetic model
// for the types the embedded operations do not exercise.
#include <gtest/gtest.h>

#include "aws/protocols/protocol.h"
#include "aws/protocols/timestamp.h"
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

const Endpoint kKms = AwsEndpoint("https://kms.us-east-1.amazonaws.com", "us-east-1", "kms");

// A service with the shapes the embedded json operations lack.
const ServiceModel& Synthetic() {
  static const ServiceModel model(Json::parse(R"({
    "service": "synthetic",
    "metadata": {"apiVersion": "2024-01-01", "endpointPrefix": "synthetic", "jsonVersion": "1.0",
                 "protocol": "json", "targetPrefix": "Synthetic_20240101"},
    "operations": {
      "Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"},
              "input": {"shape": "PutRequest"}, "output": {"shape": "PutResponse"}},
      "Ping": {"name": "Ping", "http": {"method": "POST", "requestUri": "/"}}
    },
    "shapes": {
      "PutRequest": {"type": "structure", "members": {
        "When": {"shape": "Time"}, "WhenIso": {"shape": "IsoTime"}, "Data": {"shape": "Bytes"},
        "Doc": {"shape": "Document"}, "Choice": {"shape": "Choice"}, "Ratio": {"shape": "Ratio"},
        "Groups": {"shape": "GroupMap"}, "Renamed": {"shape": "Text", "locationName": "renamed_on_wire"}}},
      "PutResponse": {"type": "structure", "members": {
        "When": {"shape": "Time"}, "Data": {"shape": "Bytes"}, "Doc": {"shape": "Document"},
        "Choice": {"shape": "Choice"}, "Ratio": {"shape": "Ratio"}, "Groups": {"shape": "GroupMap"},
        "Count": {"shape": "Count"}, "Flag": {"shape": "Flag"}, "Renamed": {"shape": "Text", "locationName": "renamed_on_wire"}}},
      "Time": {"type": "timestamp"},
      "IsoTime": {"type": "timestamp", "timestampFormat": "iso8601"},
      "Bytes": {"type": "blob"},
      "Document": {"type": "structure", "members": {}, "document": true},
      "Choice": {"type": "structure", "union": true, "members": {"A": {"shape": "Text"}, "B": {"shape": "Count"}}},
      "Ratio": {"type": "double"},
      "Count": {"type": "long"},
      "Flag": {"type": "boolean"},
      "Text": {"type": "string"},
      "TextList": {"type": "list", "member": {"shape": "Text"}},
      "GroupMap": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "TextList"}}
    }
  })"));
  return model;
}

// --- serialization -------------------------------------------------------------

TEST(JsonProtocolTest, SerializesAnEmptyInput) {
  auto request = Serialize(Model("kms"), "ListKeys", Json::object(), kKms);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->method, "POST");
  EXPECT_EQ(request->url, "https://kms.us-east-1.amazonaws.com/");
  EXPECT_EQ(HeaderOf(*request, "X-Amz-Target"), "TrentService.ListKeys");
  EXPECT_EQ(HeaderOf(*request, "Content-Type"), "application/x-amz-json-1.1");
  EXPECT_EQ(request->body, "{}");
  EXPECT_EQ(request->headers.size(), 2u);
}

TEST(JsonProtocolTest, SerializesMembers) {
  auto request = Serialize(Model("kms"), "ListKeys", {{"Limit", "100"}, {"Marker", "abc"}}, kKms);
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->body, R"({"Limit":100,"Marker":"abc"})");

  auto describe = Serialize(Model("kms"), "DescribeKey", {{"KeyId", "alias/x"}, {"GrantTokens", {"t1", "t2"}}}, kKms);
  ASSERT_TRUE(describe.ok()) << describe.error().message();
  EXPECT_EQ(describe->body, R"({"GrantTokens":["t1","t2"],"KeyId":"alias/x"})");
}

TEST(JsonProtocolTest, SerializesJson10NestedListsAndMaps) {
  auto request = Serialize(Model("logs"), "PutMetricFilter",
                           {{"logGroupName", "trail"},
                            {"filterName", "root"},
                            {"filterPattern", "{ $.userIdentity.type = \"Root\" }"},
                            {"metricTransformations",
                             {{{"metricName", "RootUsage"},
                               {"metricNamespace", "CIS"},
                               {"metricValue", "1"},
                               {"defaultValue", 0},
                               {"dimensions", {{"Account", "$.recipientAccountId"}}}}}}},
                           AwsEndpoint("https://logs.us-east-1.amazonaws.com", "us-east-1", "logs"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(HeaderOf(*request, "X-Amz-Target"), "Logs_20140328.PutMetricFilter");
  EXPECT_EQ(request->body,
            R"({"filterName":"root","filterPattern":"{ $.userIdentity.type = \"Root\" }","logGroupName":"trail",)"
            R"("metricTransformations":[{"defaultValue":0.0,"dimensions":{"Account":"$.recipientAccountId"},)"
            R"("metricName":"RootUsage","metricNamespace":"CIS","metricValue":"1"}]})");

  auto firewall =
      Serialize(Model("network-firewall"), "ListFirewalls", Json::object(),
                AwsEndpoint("https://network-firewall.us-east-1.amazonaws.com", "us-east-1", "network-firewall"));
  ASSERT_TRUE(firewall.ok()) << firewall.error().message();
  EXPECT_EQ(HeaderOf(*firewall, "Content-Type"), "application/x-amz-json-1.0");
  EXPECT_EQ(HeaderOf(*firewall, "X-Amz-Target"), "NetworkFirewall_20201112.ListFirewalls");
}

TEST(JsonProtocolTest, SerializesTimestampsBlobsDocumentsAndUnions) {
  auto request = Serialize(Synthetic(), "Put",
                           {{"When", "2024-05-01T12:00:00.750Z"},
                            {"WhenIso", 1714564800},
                            {"Data", "hello"},
                            {"Doc", {{"any", {1, "two", nullptr}}}},
                            {"Choice", {{"B", 7}}},
                            {"Ratio", "0.25"},
                            {"Groups", {{"admins", {"alice"}}}},
                            {"Renamed", "x"}},
                           CustomEndpoint("http://127.0.0.1:5000", "synthetic"));
  ASSERT_TRUE(request.ok()) << request.error().message();
  EXPECT_EQ(request->url, "http://127.0.0.1:5000/");
  EXPECT_EQ(HeaderOf(*request, "X-Amz-Target"), "Synthetic_20240101.Put");
  EXPECT_EQ(request->body,
            R"({"Choice":{"B":7},"Data":"aGVsbG8=","Doc":{"any":[1,"two",null]},"Groups":{"admins":["alice"]},)"
            R"("Ratio":0.25,"When":1714564800,"WhenIso":"2024-05-01T12:00:00Z","renamed_on_wire":"x"})");

  auto two_choices = Serialize(Synthetic(), "Put", {{"Choice", {{"A", "a"}, {"B", 1}}}}, kKms);
  ASSERT_FALSE(two_choices.ok());
  EXPECT_EQ(two_choices.error().message(), "Put: parameter 'Choice' must set exactly one member (it is a union)");

  auto no_input = Serialize(Synthetic(), "Ping", Json::object(), kKms);
  ASSERT_TRUE(no_input.ok()) << no_input.error().message();
  EXPECT_EQ(no_input->body, "{}");
  auto input_for_none = Serialize(Synthetic(), "Ping", {{"X", 1}}, kKms);
  ASSERT_FALSE(input_for_none.ok());
  EXPECT_EQ(input_for_none.error().message(), "Ping: the operation takes no parameters");
}

TEST(JsonProtocolTest, ValidatesInput) {
  auto missing = Serialize(Model("kms"), "DescribeKey", Json::object(), kKms);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(missing.error().message(), "DescribeKey: missing required parameter 'KeyId'");

  auto unknown = Serialize(Model("organizations"), "ListAccounts", {{"Foo", 1}},
                           AwsEndpoint("https://organizations.us-east-1.amazonaws.com", "us-east-1", "organizations"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message(), "ListAccounts: unknown parameter 'Foo', must be one of: MaxResults, NextToken");

  auto bad_list = Serialize(Model("kms"), "DescribeKey", {{"KeyId", "k"}, {"GrantTokens", {"t", 1}}}, kKms);
  ASSERT_FALSE(bad_list.ok());
  EXPECT_EQ(bad_list.error().message(),
            "DescribeKey: invalid type for parameter 'GrantTokens[1]': expected string, got number 1");
}

// --- responses ---------------------------------------------------------------------

TEST(JsonProtocolTest, ParsesListsDroppingNulls) {
  // moto's ListKeys: null members are absent in the output.
  auto output =
      Parse(Model("kms"), "ListKeys",
            Response(200, R"({"Keys": [{"KeyArn": "arn:aws:kms:us-east-1:123456789012:key/5e03744f", )"
                          R"("KeyId": "5e03744f"}, {"KeyId": "77aa"}], "NextMarker": null, "Truncated": false})"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json({{"Keys",
                            {{{"KeyArn", "arn:aws:kms:us-east-1:123456789012:key/5e03744f"}, {"KeyId", "5e03744f"}},
                             {{"KeyId", "77aa"}}}},
                           {"Truncated", false}}));

  auto one =
      Parse(Model("kms"), "ListKeys", Response(200, R"({"Keys":[{"KeyId":"k"}],"NextMarker":"m2","Truncated":true})"));
  ASSERT_TRUE(one.ok()) << one.error().message();
  EXPECT_EQ(*one, Json({{"Keys", {{{"KeyId", "k"}}}}, {"NextMarker", "m2"}, {"Truncated", true}}));

  auto none = Parse(Model("organizations"), "ListAccounts", Response(200, R"({"Accounts": [], "NextToken": null})"));
  ASSERT_TRUE(none.ok()) << none.error().message();
  EXPECT_EQ(*none, Json({{"Accounts", Json::array()}}));
}

TEST(JsonProtocolTest, ConvertsEpochTimestampsToIso8601) {
  auto output = Parse(
      Model("kms"), "DescribeKey",
      Response(200, R"({"KeyMetadata": {"AWSAccountId": "123456789012", "CreationDate": 1796051444.395612,)"
                    R"( "DeletionDate": 1714564800, "Enabled": true, "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"],)"
                    R"( "KeyId": "5e03744f", "KeyUsage": null, "MultiRegion": false, "SigningAlgorithms": [],)"
                    R"( "PendingDeletionWindowInDays": 7, "Unmodelled": "dropped"}})"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json({{"KeyMetadata",
                            {{"AWSAccountId", "123456789012"},
                             {"CreationDate", "2026-11-30T15:10:44.395612Z"},
                             {"DeletionDate", "2024-05-01T12:00:00Z"},
                             {"Enabled", true},
                             {"EncryptionAlgorithms", {"SYMMETRIC_DEFAULT"}},
                             {"KeyId", "5e03744f"},
                             {"MultiRegion", false},
                             {"SigningAlgorithms", Json::array()},
                             {"PendingDeletionWindowInDays", 7}}}}));

  auto accounts = Parse(
      Model("organizations"), "ListAccounts",
      Response(200, R"({"Accounts":[{"Id":"111111111111","Arn":"arn:aws:organizations::1:account/o-1/111111111111",)"
                    R"("Email":"a@example.com","Name":"audit","Status":"ACTIVE","JoinedMethod":"CREATED",)"
                    R"("JoinedTimestamp":1.714564800123E9}]})"));
  ASSERT_TRUE(accounts.ok()) << accounts.error().message();
  EXPECT_EQ((*accounts)["Accounts"][0]["JoinedTimestamp"], "2024-05-01T12:00:00.123Z");
}

TEST(JsonProtocolTest, ParsesBlobsDocumentsUnionsAndLenientScalars) {
  auto output =
      Parse(Synthetic(), "Put",
            Response(200, R"({"When": "2024-05-01T12:00:00Z", "Data": "aGVsbG8=", "Doc": {"x": [1, {"y": null}]},)"
                          R"( "Choice": {"A": "a"}, "Ratio": 2, "Groups": {"g": ["a", "b"], "h": []},)"
                          R"( "Count": "12", "Flag": "true", "renamed_on_wire": "r"})"));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json({{"When", "2024-05-01T12:00:00Z"},
                           {"Data", "aGVsbG8="},
                           {"Doc", {{"x", {1, {{"y", nullptr}}}}}},
                           {"Choice", {{"A", "a"}}},
                           {"Ratio", 2.0},
                           {"Groups", {{"g", {"a", "b"}}, {"h", Json::array()}}},
                           {"Count", 12},
                           {"Flag", true},
                           {"Renamed", "r"}}));
}

TEST(JsonProtocolTest, OperationWithoutOutputIsEmpty) {
  auto output = Parse(Synthetic(), "Ping", Response(200, ""));
  ASSERT_TRUE(output.ok()) << output.error().message();
  EXPECT_EQ(*output, Json::object());
  auto empty_body = Parse(Model("kms"), "ListKeys", Response(200, ""));
  ASSERT_TRUE(empty_body.ok()) << empty_body.error().message();
  EXPECT_EQ(*empty_body, Json::object());
}

TEST(JsonProtocolTest, MalformedResponsesAreParseErrors) {
  auto truncated = Parse(Model("kms"), "ListKeys", Response(200, R"({"Keys": [{"KeyId": "k"})"));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().kind(), base::ErrorKind::kParse);
  EXPECT_EQ(truncated.error().message(), R"(kms:ListKeys: malformed JSON in response: {"Keys": [{"KeyId": "k"})");

  auto html = Parse(Model("kms"), "ListKeys", Response(200, "<html><body>Gateway</body></html>"));
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().kind(), base::ErrorKind::kParse);

  auto wrong_type = Parse(Model("kms"), "ListKeys", Response(200, R"({"Keys": {"KeyId": "k"}})"));
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().message(),
            R"(kms:ListKeys: unexpected value for 'Keys': expected an array, got {"KeyId":"k"})");

  auto nested = Parse(Model("kms"), "DescribeKey", Response(200, R"({"KeyMetadata": {"CreationDate": "last week"}})"));
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(
      nested.error().message(),
      R"(kms:DescribeKey: unexpected value for 'KeyMetadata.CreationDate': expected a timestamp, got "last week")");

  auto not_object = Parse(Model("kms"), "ListKeys", Response(200, "[1,2]"));
  ASSERT_FALSE(not_object.ok());
  EXPECT_EQ(not_object.error().kind(), base::ErrorKind::kParse);
}

// --- errors ------------------------------------------------------------------------

TEST(JsonProtocolTest, ParsesErrorResponses) {
  const base::Error not_found =
      ParseError(Model("kms"), "DescribeKey",
                 Response(400, R"({"__type": "NotFoundException", "message": "Invalid keyId nope"})",
                          {{"X-Amzn-ErrorType", "NotFoundException"}, {"x-amzn-requestid", "2Dnp9rKy"}}));
  EXPECT_EQ(not_found.kind(), base::ErrorKind::kNotFound);
  EXPECT_EQ(not_found.code(), "NotFoundException");
  EXPECT_EQ(not_found.message(), "Invalid keyId nope");
  EXPECT_EQ(not_found.request_id(), "2Dnp9rKy");
  EXPECT_EQ(not_found.http_status(), 400);

  const base::Error prefixed =
      ParseError(Model("organizations"), "ListAccounts",
                 Response(400, R"({"__type":"com.amazonaws.organizations.v20161128#AWSOrganizationsNotInUseException",)"
                               R"("Message":"Your account is not a member of an organization."})"));
  EXPECT_EQ(prefixed.code(), "AWSOrganizationsNotInUseException");
  EXPECT_EQ(prefixed.message(), "Your account is not a member of an organization.");
  EXPECT_EQ(prefixed.kind(), base::ErrorKind::kNotFound);

  const base::Error header_only = ParseError(
      Model("kms"), "ListKeys",
      Response(400, "",
               {{"x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral/"}}));
  EXPECT_EQ(header_only.code(), "ThrottlingException");
  EXPECT_EQ(header_only.kind(), base::ErrorKind::kThrottled);
  EXPECT_EQ(header_only.message(), "HTTP 400 Bad Request");

  const base::Error denied = ParseError(
      Model("kms"), "ListKeys",
      Response(400,
               R"({"__type":"AccessDeniedException","Message":"User is not authorized to perform: kms:ListKeys"})"));
  EXPECT_EQ(denied.kind(), base::ErrorKind::kAccessDenied);

  const base::Error credentials = ParseError(
      Model("kms"), "ListKeys",
      Response(
          400,
          R"({"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."})"));
  EXPECT_EQ(credentials.kind(), base::ErrorKind::kCredentials);

  const base::Error limit = ParseError(Model("kms"), "ListKeys",
                                       Response(400, R"({"__type":"LimitExceededException","message":"slow down"})"));
  EXPECT_EQ(limit.kind(), base::ErrorKind::kThrottled);  // as botocore's standard retry mode

  const base::Error validation =
      ParseError(Model("logs"), "DescribeLogGroups",
                 Response(400, R"({"__type":"InvalidParameterException","message":"1 validation error detected"})"));
  EXPECT_EQ(validation.kind(), base::ErrorKind::kInvalidInput);
}

TEST(JsonProtocolTest, PrefersTheQueryCompatibleCode) {
  const base::Error error =
      ParseError(Model("kms"), "ListKeys",
                 Response(400, R"({"__type":"com.amazon.coral.availability#ThrottlingException","message":"m"})",
                          {{"x-amzn-query-error", "Throttling;Sender"}}));
  EXPECT_EQ(error.code(), "Throttling");
  EXPECT_EQ(error.kind(), base::ErrorKind::kThrottled);
}

TEST(JsonProtocolTest, UnreadableErrorBodiesFallBackToTheStatus) {
  const base::Error html = ParseError(Model("kms"), "ListKeys", Response(502, "<html><body>Bad Gateway</body></html>"));
  EXPECT_EQ(html.kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(html.code(), "502");
  EXPECT_EQ(html.message(), "HTTP 502 Bad Gateway");

  const base::Error empty = ParseError(Model("kms"), "ListKeys", Response(500, ""));
  EXPECT_EQ(empty.kind(), base::ErrorKind::kServiceUnavailable);
  EXPECT_EQ(empty.code(), "500");

  const base::Error text = ParseError(Model("kms"), "ListKeys", Response(400, "Bad request\n"));
  EXPECT_EQ(text.kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(text.code(), "400");
  EXPECT_EQ(text.message(), "Bad request");

  const base::Error truncated = ParseError(Model("kms"), "ListKeys", Response(429, R"({"__type":"Throttl)"));
  EXPECT_EQ(truncated.kind(), base::ErrorKind::kThrottled);
  EXPECT_EQ(truncated.code(), "429");
}

// --- timestamps (json carries them as epoch seconds) -------------------------------

TEST(WireTimestampTest, ParsesEveryWireForm) {
  EXPECT_EQ(ParseWireTimestamp("2024-05-01T12:00:00Z"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("2024-05-01t12:00:00z"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("2024-05-01T12:00:00.5Z"), 1714564800500000);
  EXPECT_EQ(ParseWireTimestamp("2024-05-01T12:00:00.123456789Z"), 1714564800123456);
  EXPECT_EQ(ParseWireTimestamp("2024-05-01T14:00:00+02:00"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("2024-05-01T07:00:00-0500"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("2024-05-01T12:00:00"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("2024-05-01 12:00"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("2024-05-01"), 1714521600000000);
  EXPECT_EQ(ParseWireTimestamp("Wed, 01 May 2024 12:00:00 GMT"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("1 May 2024 13:00:00 +0100"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("1714564800"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp(" 1714564800.25 "), 1714564800250000);
  EXPECT_EQ(ParseWireTimestamp("1.7145648E9"), 1714564800000000);
  EXPECT_EQ(ParseWireTimestamp("-1"), -1000000);
  EXPECT_EQ(ParseWireTimestamp("2024-02-29T00:00:00Z"), 1709164800000000);
  EXPECT_EQ(ParseWireTimestamp("1969-12-31T23:59:59.5Z"), -500000);
}

TEST(WireTimestampTest, RejectsMalformedText) {
  for (const char* text : {"", "soon", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31",
                           "2024-05-01T25:00:00Z", "2024-05-01T12:00:00Zjunk", "2024-05-01T12:00:00+1",
                           "Wed, 01 Foo 2024 12:00:00 GMT", "1e400", "nan", "12:00:00"}) {
    EXPECT_FALSE(ParseWireTimestamp(text).has_value()) << text;
  }
  EXPECT_FALSE(WireTimestampFromJson(Json::array()).has_value());
  EXPECT_FALSE(WireTimestampFromJson(true).has_value());
  EXPECT_EQ(WireTimestampFromJson(1714564800.75), 1714564800750000);
}

TEST(WireTimestampTest, Formats) {
  EXPECT_EQ(FormatIso8601(1714564800000000), "2024-05-01T12:00:00Z");
  EXPECT_EQ(FormatIso8601(1714564800250000), "2024-05-01T12:00:00.250Z");
  EXPECT_EQ(FormatIso8601(1714564800000001), "2024-05-01T12:00:00.000001Z");
  EXPECT_EQ(FormatIso8601(-500000), "1969-12-31T23:59:59.500Z");
  EXPECT_EQ(FormatIso8601(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc822(1714564800999999), "Wed, 01 May 2024 12:00:00 GMT");
  EXPECT_EQ(FormatRfc822(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(EpochSeconds(1714564800999999), 1714564800);
  EXPECT_EQ(EpochSeconds(-500000), -1);
  EXPECT_EQ(FormatWireTimestamp(1714564800000000, "unixTimestamp"), Json(1714564800));
  EXPECT_EQ(FormatWireTimestamp(1714564800000000, "RFC822"), Json("Wed, 01 May 2024 12:00:00 GMT"));
  EXPECT_EQ(FormatWireTimestamp(1714564800000000, "iso8601"), Json("2024-05-01T12:00:00Z"));
}

}  // namespace
}  // namespace posture::aws
