// Pushgateway pushes through posture's own transport.
#include "telemetry/pushgateway.h"

#include <gtest/gtest.h>

#include "aws/curl_transport.h"
#include "support/local_http_server.h"

namespace posture::telemetry {
namespace {

TEST(Pushgateway, ValidatesUrls) {
  EXPECT_EQ(ValidatePushgatewayUrl("http://127.0.0.1:9091"), "");
  EXPECT_EQ(ValidatePushgatewayUrl("https://gw.example.com/prefix/"), "");
  EXPECT_NE(ValidatePushgatewayUrl("127.0.0.1:9091"), "");
  EXPECT_NE(ValidatePushgatewayUrl("ftp://x"), "");
  EXPECT_NE(ValidatePushgatewayUrl("http://"), "");
  EXPECT_NE(ValidatePushgatewayUrl("http://h?x=1"), "");
  EXPECT_NE(ValidatePushgatewayUrl("http://h x"), "");
}

TEST(Pushgateway, TargetAppendsTheJobPath) {
  EXPECT_EQ(PushgatewayTarget("http://gw:9091", "posture"), "http://gw:9091/metrics/job/posture");
  EXPECT_EQ(PushgatewayTarget("http://gw:9091/base//", "posture"), "http://gw:9091/base/metrics/job/posture");
}

TEST(Pushgateway, PutsTheTextFormat) {
  testing::ServerRequest seen;
  testing::LocalHttpServer server([&](const testing::ServerRequest& request) {
    seen = request;
    return testing::ServerResponse{200, {}, ""};
  });
  aws::CurlTransport transport;
  ASSERT_TRUE(PushMetrics(transport, server.url(), "a 1\n").ok());
  EXPECT_EQ(seen.method, "PUT");
  EXPECT_EQ(seen.target, "/metrics/job/posture");
  EXPECT_EQ(seen.body, "a 1\n");
  ASSERT_NE(seen.header("Content-Type"), nullptr);
  EXPECT_NE(seen.header("Content-Type")->find("version=0.0.4"), std::string::npos);
}

TEST(Pushgateway, RejectedPushNamesTheStatus) {
  testing::LocalHttpServer server([](const testing::ServerRequest&) {
    return testing::ServerResponse{400, {}, "text format parsing error\n"};
  });
  aws::CurlTransport transport;
  auto status = PushMetrics(transport, server.url(), "bad");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message().find("HTTP 400: text format parsing error"), std::string::npos)
      << status.error().message();
}

TEST(Pushgateway, DownGatewayIsANetworkError) {
  int port;
  {
    testing::LocalHttpServer server([](const testing::ServerRequest&) { return testing::ServerResponse{}; });
    port = server.port();
  }
  aws::CurlTransport transport;
  auto status = PushMetrics(transport, "http://127.0.0.1:" + std::to_string(port), "a 1\n");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind(), base::ErrorKind::kNetwork);
  EXPECT_NE(status.error().message().find("unreachable"), std::string::npos);
}

}  // namespace
}  // namespace posture::telemetry
