// posture serve's routes: /metrics, /healthz, /readyz, /api/findings.
#include "serve/serve_state.h"

#include <gtest/gtest.h>

namespace posture::serve {
namespace {

Request ServeStateGet(const std::string& path, const std::string& method = "GET") {
  Request request;
  request.method = method;
  request.path = path;
  request.target = path;
  return request;
}

TEST(ServeState, ReadinessFollowsTheLastScan) {
  telemetry::MetricsRegistry registry;
  ServeState state(registry);
  EXPECT_EQ(state.handle(ServeStateGet("/healthz")).status, 200);
  auto before = state.handle(ServeStateGet("/readyz"));
  EXPECT_EQ(before.status, 503);
  EXPECT_NE(before.body.find("no scan has completed yet"), std::string::npos);
  EXPECT_EQ(state.handle(ServeStateGet("/api/findings")).status, 503);

  state.scan_succeeded(R"({"findings":[]})");
  EXPECT_EQ(state.handle(ServeStateGet("/readyz")).status, 200);
  auto findings = state.handle(ServeStateGet("/api/findings"));
  EXPECT_EQ(findings.status, 200);
  EXPECT_EQ(findings.content_type, "application/json");
  EXPECT_EQ(findings.body, R"({"findings":[]})");

  state.scan_failed("network: connection refused");
  auto failed = state.handle(ServeStateGet("/readyz"));
  EXPECT_EQ(failed.status, 503);
  EXPECT_NE(failed.body.find("connection refused"), std::string::npos);
  EXPECT_EQ(state.handle(ServeStateGet("/api/findings")).status, 200);  // the last good report stays
  EXPECT_EQ(state.handle(ServeStateGet("/healthz")).status, 200);
}

TEST(ServeState, MetricsAreTheRegistryInTextFormat) {
  telemetry::MetricsRegistry registry;
  registry.gauge("t_up", "Up.").set(1);
  ServeState state(registry);
  auto response = state.handle(ServeStateGet("/metrics"));
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.content_type.find("version=0.0.4"), std::string::npos);
  EXPECT_NE(response.body.find("t_up 1\n"), std::string::npos);
}

TEST(ServeState, UnknownPathsAre404AndOtherMethods405) {
  telemetry::MetricsRegistry registry;
  ServeState state(registry);
  EXPECT_EQ(state.handle(ServeStateGet("/")).status, 404);
  EXPECT_EQ(state.handle(ServeStateGet("/metrics/")).status, 404);
  auto post = state.handle(ServeStateGet("/metrics", "POST"));
  EXPECT_EQ(post.status, 405);
  ASSERT_EQ(post.headers.size(), 1u);
  EXPECT_EQ(post.headers[0].second, "GET, HEAD");
  EXPECT_EQ(state.handle(ServeStateGet("/healthz", "HEAD")).status, 200);
}

}  // namespace
}  // namespace posture::serve
