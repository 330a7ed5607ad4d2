// The Loki push body, its labels, batching, and a down Loki endpoint.
#include "telemetry/loki.h"
#include "telemetry/metrics_catalog.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/curl_transport.h"
#include "support/local_http_server.h"

namespace posture::telemetry {
namespace {

using testing::LocalHttpServer;
using testing::ServerRequest;
using testing::ServerResponse;

TEST(LokiBodyTest, GroupsEntriesIntoStreamsByLevelAndAccount) {
  std::vector<LokiEntry> entries = {{"info", "111122223333", 20, "{\"msg\":\"b\"}"},
                                    {"warn", "111122223333", 30, "{\"msg\":\"c\"}"},
                                    {"info", "111122223333", 10, "{\"msg\":\"a\"}"},
                                    {"info", "", 40, "plain \"quoted\""}};
  auto body = nlohmann::json::parse(LokiPushBody(entries));
  ASSERT_EQ(body["streams"].size(), 3u);
  const auto& first = body["streams"][0];
  EXPECT_EQ(first["stream"], nlohmann::json({{"job", "posture"}, {"level", "info"}, {"account", "111122223333"}}));
  ASSERT_EQ(first["values"].size(), 2u);
  EXPECT_EQ(first["values"][0], nlohmann::json({"10", "{\"msg\":\"a\"}"}));  // time order within a stream
  EXPECT_EQ(first["values"][1][0], "20");
  EXPECT_EQ(body["streams"][1]["stream"]["level"], "warn");
  EXPECT_EQ(body["streams"][2]["stream"], nlohmann::json({{"job", "posture"}, {"level", "info"}}));
  EXPECT_EQ(body["streams"][2]["values"][0][1], "plain \"quoted\"");
}

TEST(LokiBodyTest, PushUrlAppendsTheApiPathOnce) {
  EXPECT_EQ(LokiPushUrl("http://127.0.0.1:3100"), "http://127.0.0.1:3100/loki/api/v1/push");
  EXPECT_EQ(LokiPushUrl("http://127.0.0.1:3100/"), "http://127.0.0.1:3100/loki/api/v1/push");
  EXPECT_EQ(LokiPushUrl("http://h/loki/api/v1/push"), "http://h/loki/api/v1/push");
}

LogEvent LokiTestEvent(const std::string& msg, LogLevel level) {
  LogEvent event;
  event.level = level;
  event.msg = msg;
  event.with("account", "123456789012").with("aws_request_id", "rid-" + msg);
  return event;
}

TEST(LokiSinkTest, PushesBatchesWithLowCardinalityLabelsOnly) {
  std::mutex mutex;
  std::vector<ServerRequest> pushes;
  LocalHttpServer server([&](const ServerRequest& request) {
    std::lock_guard lock(mutex);
    pushes.push_back(request);
    return ServerResponse{204, {}, ""};
  });
  aws::CurlTransport transport;
  {
    LokiOptions options;
    options.url = server.url();
    options.batch.interval = std::chrono::milliseconds(50);
    LokiSink sink(options, transport);
    for (int i = 0; i < 5; ++i) sink.write(LokiTestEvent("event" + std::to_string(i), LogLevel::kInfo));
    sink.shutdown(std::chrono::milliseconds(2000));
    EXPECT_EQ(sink.sent(), 5u);
    EXPECT_EQ(sink.dropped(), 0u);
  }
  std::lock_guard lock(mutex);
  ASSERT_FALSE(pushes.empty());
  size_t lines = 0;
  for (const auto& push : pushes) {
    EXPECT_EQ(push.method, "POST");
    EXPECT_EQ(push.target, "/loki/api/v1/push");
    auto body = nlohmann::json::parse(push.body);
    for (const auto& stream : body["streams"]) {
      for (const auto& [label, value] : stream["stream"].items()) {
        EXPECT_TRUE(label == "job" || label == "level" || label == "account") << label;
      }
      for (const auto& value : stream["values"]) {
        auto line = nlohmann::json::parse(value[1].get<std::string>());
        EXPECT_EQ(line["account"], "123456789012");
        ++lines;
      }
    }
  }
  EXPECT_EQ(lines, 5u);
}

TEST(LokiSinkTest, ADownEndpointDropsAndCountsWithoutBlocking) {
  int port;
  {
    LocalHttpServer closed([](const ServerRequest&) { return ServerResponse{}; });
    port = closed.port();
  }
  aws::CurlTransport transport;
  LokiOptions options;
  options.url = "http://127.0.0.1:" + std::to_string(port);
  options.batch.interval = std::chrono::milliseconds(20);
  const double errors_before = DefaultMetrics().telemetry_export_errors_total.value({"loki"});
  LokiSink sink(options, transport);
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 100; ++i) sink.write(LokiTestEvent("x", LogLevel::kWarn));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(200));
  sink.shutdown(std::chrono::milliseconds(1000));
  EXPECT_EQ(sink.sent(), 0u);
  EXPECT_EQ(sink.dropped(), 100u);
  EXPECT_GE(sink.failed_pushes(), 1u);
  // The degraded path is a metric too.
  EXPECT_EQ(DefaultMetrics().telemetry_export_errors_total.value({"loki"}) - errors_before,
            static_cast<double>(sink.failed_pushes()));
}

TEST(LokiSinkTest, AnErrorStatusCountsAsAFailedPush) {
  LocalHttpServer server([](const ServerRequest&) { return ServerResponse{400, {}, "entry out of order"}; });
  aws::CurlTransport transport;
  LokiOptions options;
  options.url = server.url();
  LokiSink sink(options, transport);
  sink.write(LokiTestEvent("y", LogLevel::kError));
  sink.shutdown(std::chrono::milliseconds(2000));
  EXPECT_EQ(sink.failed_pushes(), 1u);
  EXPECT_EQ(sink.dropped(), 1u);
}

TEST(LokiSinkTest, AFullQueueDropsInsteadOfBlocking) {
  LocalHttpServer server([](const ServerRequest&) { return ServerResponse{204, {}, ""}; });
  aws::CurlTransport transport;
  LokiOptions options;
  options.url = server.url();
  options.batch.max_queue = 10;
  options.batch.max_batch = 1000;
  options.batch.interval = std::chrono::milliseconds(10000);
  LokiSink sink(options, transport);
  for (int i = 0; i < 25; ++i) sink.write(LokiTestEvent("z", LogLevel::kInfo));
  EXPECT_EQ(sink.dropped(), 15u);
  sink.shutdown(std::chrono::milliseconds(2000));
  EXPECT_EQ(sink.sent(), 10u);
}

}  // namespace
}  // namespace posture::telemetry
