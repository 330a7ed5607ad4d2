// AwsClient over a scripted transport: retries, throttling, typed errors,
// signing and pagination, with a fake clock (no network, no real sleeps).
#include "aws/client.h"

#include <gtest/gtest.h>

#include "support/fake_clock.h"
#include "support/fake_transport.h"

namespace posture::aws {
namespace {

using testing::FakeClock;
using testing::FakeTransport;

constexpr const char* kThrottleBody =
    "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
    "<Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>req-throttle</RequestId>"
    "</ErrorResponse>";
constexpr const char* kAccessDeniedBody =
    "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
    "<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/audit is not authorized to perform: "
    "iam:ListUsers</Message></Error><RequestId>req-denied</RequestId></ErrorResponse>";

std::string ListUsersPage(const std::vector<std::string>& names, const std::string& marker) {
  std::string body = "<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListUsersResult><Users>";
  for (const auto& name : names) {
    body += "<member><UserName>" + name + "</UserName><UserId>AID" + name +
            "</UserId><Path>/</Path><Arn>"
            "arn:aws:iam::123456789012:user/" +
            name + "</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate></member>";
  }
  body += "</Users><IsTruncated>" + std::string(marker.empty() ? "false" : "true") + "</IsTruncated>";
  if (!marker.empty()) body += "<Marker>" + marker + "</Marker>";
  body += "</ListUsersResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ListUsersResponse>";
  return body;
}

class ClientTest : public ::testing::Test {
 protected:
  AwsClient MakeClient(int max_attempts = 3) {
    ClientOptions options;
    options.region = "us-east-1";
    options.retry.max_attempts = max_attempts;
    options.retry.random = [] { return 0.5; };
    options.retry.adaptive = false;  // retry_test.cc covers the rate limiter
    Credentials credentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "", std::nullopt, "test"};
    return AwsClient(transport_, std::make_shared<StaticCredentialProvider>(credentials), options, clock_);
  }

  FakeTransport transport_;
  FakeClock clock_;
};

TEST_F(ClientTest, TwoThrottlesThenSuccessSucceedsOnThirdAttemptWithBackoff) {
  transport_.push_response(400, kThrottleBody);
  transport_.push_response(400, kThrottleBody);
  transport_.push_response(200, ListUsersPage({"alice"}, ""));
  auto client = MakeClient();
  auto result = client.call("iam", "ListUsers");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ((*result)["Users"][0]["UserName"], "alice");
  EXPECT_EQ(transport_.request_count(), 3u);
  // Full jitter with random() = 0.5: 0.5 * 2^0 s, then 0.5 * 2^1 s.
  auto backoffs = clock_.sleeps();
  ASSERT_EQ(backoffs.size(), 2u);
  EXPECT_EQ(backoffs[0].count(), 500);
  EXPECT_EQ(backoffs[1].count(), 1000);
}

TEST_F(ClientTest, FiveThrottlesThenSuccessWithSixAttempts) {
  for (int i = 0; i < 5; ++i) transport_.push_response(400, kThrottleBody);
  transport_.push_response(200, ListUsersPage({"bob"}, ""));
  auto client = MakeClient(6);
  auto result = client.call("iam", "ListUsers");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(transport_.request_count(), 6u);
}

TEST_F(ClientTest, ThreeThrottlesWithDefaultGiveTypedThrottledError) {
  for (int i = 0; i < 3; ++i) transport_.push_response(400, kThrottleBody);
  transport_.push_response(200, ListUsersPage({"never"}, ""));
  auto client = MakeClient();
  auto result = client.call("iam", "ListUsers");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind(), base::ErrorKind::kThrottled);
  EXPECT_EQ(result.error().code(), "Throttling");
  EXPECT_EQ(result.error().request_id(), "req-throttle");
  EXPECT_NE(result.error().message().find("after 3 attempts"), std::string::npos) << result.error().message();
  EXPECT_NE(result.error().message().find("iam:ListUsers"), std::string::npos);
  EXPECT_EQ(transport_.request_count(), 3u);
}

TEST_F(ClientTest, AccessDeniedIsNotRetried) {
  transport_.push_response(403, kAccessDeniedBody);
  auto client = MakeClient();
  auto result = client.call("iam", "ListUsers");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind(), base::ErrorKind::kAccessDenied);
  EXPECT_EQ(result.error().code(), "AccessDenied");
  EXPECT_EQ(result.error().http_status(), 403);
  EXPECT_EQ(result.error().request_id(), "req-denied");
  EXPECT_EQ(transport_.request_count(), 1u);
  EXPECT_TRUE(clock_.sleeps().empty());
}

TEST_F(ClientTest, ConnectionResetIsRetriedThenClearError) {
  for (int i = 0; i < 3; ++i) transport_.push_fault("connection reset (iam.amazonaws.com)");
  auto client = MakeClient();
  auto result = client.call("iam", "ListUsers");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind(), base::ErrorKind::kNetwork);
  EXPECT_NE(result.error().message().find("connection reset"), std::string::npos);
  EXPECT_EQ(transport_.request_count(), 3u);
}

TEST_F(ClientTest, TruncatedBodyIsRetriedAndRecovers) {
  transport_.push_fault("response body truncated (iam.amazonaws.com)");
  transport_.push_response(200, ListUsersPage({"carol"}, ""));
  auto client = MakeClient();
  auto result = client.call("iam", "ListUsers");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(transport_.request_count(), 2u);
}

TEST_F(ClientTest, ServerErrorsAreRetriedButBadRequestIsNot) {
  transport_.push_response(503,
                           "<ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>busy</Message>"
                           "</Error><RequestId>r</RequestId></ErrorResponse>");
  transport_.push_response(200, ListUsersPage({"dave"}, ""));
  auto client = MakeClient();
  ASSERT_TRUE(client.call("iam", "ListUsers").ok());
  EXPECT_EQ(transport_.request_count(), 2u);

  transport_.push_response(400,
                           "<ErrorResponse><Error><Code>ValidationError</Code><Message>bad</Message></Error>"
                           "<RequestId>r</RequestId></ErrorResponse>");
  auto bad = client.call("iam", "ListUsers");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(transport_.request_count(), 3u);
}

TEST_F(ClientTest, RequestsAreSignedForTheGlobalIamEndpoint) {
  transport_.push_response(200, ListUsersPage({}, ""));
  auto client = MakeClient();
  ASSERT_TRUE(client.call("iam", "ListUsers", Json::object(), "eu-west-1").ok());
  auto request = transport_.requests().at(0);
  EXPECT_EQ(request.url, "https://iam.amazonaws.com/");
  ASSERT_NE(request.header("Authorization"), nullptr);
  EXPECT_NE(request.header("Authorization")->find("/us-east-1/iam/aws4_request"), std::string::npos);
  EXPECT_EQ(request.header("Authorization")->find("wJalrXUtnFEMI"), std::string::npos);
}

TEST_F(ClientTest, MissingCredentialsFailWithoutSending) {
  ClientOptions options;
  options.region = "us-east-1";
  struct NoCredentials : CredentialProvider {
    base::Result<Credentials> fetch() override { return base::Error::Credentials("no AWS credentials found"); }
    std::string name() const override { return "none"; }
  };
  AwsClient client(transport_, std::make_shared<NoCredentials>(), options, clock_);
  auto result = client.call("iam", "ListUsers");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind(), base::ErrorKind::kCredentials);
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(ClientTest, UnknownServiceAndOperationAreUnsupported) {
  auto client = MakeClient();
  EXPECT_EQ(client.call("nosuch", "ListThings").error().kind(), base::ErrorKind::kUnsupported);
  EXPECT_EQ(client.call("iam", "DeleteEverything").error().kind(), base::ErrorKind::kUnsupported);
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(ClientTest, CallAllFollowsMarkersAndMergesPages) {
  transport_.push_response(200, ListUsersPage({"a", "b"}, "m1"));
  transport_.push_response(200, ListUsersPage({"c"}, "m2"));
  transport_.push_response(200, ListUsersPage({"d"}, ""));
  auto client = MakeClient();
  auto result = client.call_all("iam", "ListUsers");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  ASSERT_EQ((*result)["Users"].size(), 4u);
  EXPECT_EQ((*result)["Users"][3]["UserName"], "d");
  EXPECT_FALSE(result->contains("Marker"));
  EXPECT_EQ((*result)["IsTruncated"], false);
  auto requests = transport_.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_NE(requests[1].body.find("Marker=m1"), std::string::npos);
  EXPECT_NE(requests[2].body.find("Marker=m2"), std::string::npos);
}

TEST_F(ClientTest, PaginationStopsWhenTheTokenRepeats) {
  transport_.push_response(200, ListUsersPage({"a"}, "same"));
  transport_.push_response(200, ListUsersPage({"b"}, "same"));
  transport_.push_response(200, ListUsersPage({"c"}, "same"));
  auto client = MakeClient();
  auto result = client.call_all("iam", "ListUsers");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(transport_.request_count(), 2u);
}

TEST_F(ClientTest, PaginateCallbackCanStopEarly) {
  transport_.push_response(200, ListUsersPage({"a"}, "m1"));
  transport_.push_response(200, ListUsersPage({"b"}, ""));
  auto client = MakeClient();
  int pages = 0;
  auto status = client.paginate("iam", "ListUsers", Json::object(), "", [&](const Json&) {
    ++pages;
    return false;
  });
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(pages, 1);
  EXPECT_EQ(transport_.request_count(), 1u);
}

TEST_F(ClientTest, ObserverSeesEveryCall) {
  transport_.push_response(400, kThrottleBody);
  transport_.push_response(200, ListUsersPage({"a"}, ""));
  auto client = MakeClient();
  std::vector<CallRecord> records;
  client.set_observer([&](const CallRecord& r) { records.push_back(r); });
  ASSERT_TRUE(client.call("iam", "ListUsers").ok());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].service, "iam");
  EXPECT_EQ(records[0].operation, "ListUsers");
  EXPECT_EQ(records[0].attempts, 2);
  EXPECT_EQ(records[0].http_status, 200);
  EXPECT_TRUE(records[0].error_code.empty());
  EXPECT_EQ(client.requests_sent(), 2u);
}

TEST_F(ClientTest, ClockSkewIsCorrectedFromTheDateHeader) {
  transport_.push_response(403,
                           "<ErrorResponse><Error><Code>RequestExpired</Code><Message>Request has expired."
                           "</Message></Error><RequestId>r</RequestId></ErrorResponse>",
                           {{"Date", "Thu, 15 Jan 2026 10:30:00 GMT"}});
  transport_.push_response(200, ListUsersPage({"a"}, ""));
  auto client = MakeClient();
  ASSERT_TRUE(client.call("iam", "ListUsers").ok());
  auto requests = transport_.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(*requests[0].header("X-Amz-Date"), "20260115T100000Z");
  EXPECT_EQ(*requests[1].header("X-Amz-Date"), "20260115T103000Z");
}

}  // namespace
}  // namespace posture::aws
