// OTLP configuration from the environment, the JSON encoding, the tracer's
// span tree, and export to a down endpoint.
#include "telemetry/otlp.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "aws/curl_transport.h"
#include "support/local_http_server.h"
#include "telemetry/trace.h"

namespace posture::telemetry {
namespace {

using testing::LocalHttpServer;
using testing::ServerRequest;
using testing::ServerResponse;

TEST(OtlpConfigTest, OffWithoutAnEndpoint) {
  aws::MapEnvironment env;
  auto config = ResolveOtlpConfig(env, "");
  ASSERT_TRUE(config.ok());
  EXPECT_FALSE(config->enabled);
}

TEST(OtlpConfigTest, EndpointVariablesAndFlag) {
  aws::MapEnvironment env{{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"}};
  EXPECT_EQ(ResolveOtlpConfig(env, "")->traces_url, "http://collector:4318/v1/traces");
  env.set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:9999/custom/path");
  EXPECT_EQ(ResolveOtlpConfig(env, "")->traces_url, "http://traces:9999/custom/path");  // used as-is
  EXPECT_EQ(ResolveOtlpConfig(env, "http://flag:4318")->traces_url, "http://flag:4318/v1/traces");
  env.set("OTEL_SDK_DISABLED", "true");
  EXPECT_FALSE(ResolveOtlpConfig(env, "")->enabled);
}

TEST(OtlpConfigTest, HeadersAreUrlDecodedKeyValuePairs) {
  aws::MapEnvironment env{{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"},
                          {"OTEL_EXPORTER_OTLP_HEADERS", " api-key = secret%3D1 ,x-tenant=a%20b,,"}};
  auto config = ResolveOtlpConfig(env, "");
  ASSERT_TRUE(config.ok()) << config.error().message();
  ASSERT_EQ(config->headers.size(), 2u);
  EXPECT_EQ(config->headers[0], (std::pair<std::string, std::string>{"api-key", "secret=1"}));
  EXPECT_EQ(config->headers[1], (std::pair<std::string, std::string>{"x-tenant", "a b"}));
}

TEST(OtlpConfigTest, MalformedHeadersAreAClearErrorWithoutTheValue) {
  for (std::string bad : {"api-key", "=value", "k=%zz-secret", "k=abc%4"}) {
    aws::MapEnvironment env{{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"}, {"OTEL_EXPORTER_OTLP_HEADERS", bad}};
    auto config = ResolveOtlpConfig(env, "");
    ASSERT_FALSE(config.ok()) << bad;
    EXPECT_NE(config.error().message().find("OTEL_EXPORTER_OTLP_HEADERS: item 1"), std::string::npos)
        << config.error().message();
    EXPECT_EQ(config.error().message().find("secret"), std::string::npos);
  }
}

TEST(OtlpConfigTest, ServiceNameAndResourceAttributes) {
  aws::MapEnvironment env{{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"},
                          {"OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=prod,service.name=fromattrs"}};
  auto config = ResolveOtlpConfig(env, "");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->service_name, "fromattrs");
  EXPECT_EQ(config->resource_attributes.front(), (std::pair<std::string, std::string>{"service.name", "fromattrs"}));
  env.set("OTEL_SERVICE_NAME", "scanner");
  config = ResolveOtlpConfig(env, "");
  EXPECT_EQ(config->service_name, "scanner");
  bool has_env = false;
  for (const auto& [k, v] : config->resource_attributes) has_env |= k == "deployment.environment" && v == "prod";
  EXPECT_TRUE(has_env);
  env.set("OTEL_RESOURCE_ATTRIBUTES", "novalue");
  EXPECT_FALSE(ResolveOtlpConfig(env, "").ok());
}

TEST(OtlpConfigTest, RejectsGrpcAndNonHttpEndpoints) {
  aws::MapEnvironment env{{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"}, {"OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"}};
  EXPECT_FALSE(ResolveOtlpConfig(env, "").ok());
  env.set("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
  EXPECT_TRUE(ResolveOtlpConfig(env, "").ok());
  env.set("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318");
  EXPECT_FALSE(ResolveOtlpConfig(env, "").ok());
}

SpanData OtlpTestSpan() {
  SpanData span;
  span.name = "ec2.DescribeInstances";
  span.context.trace_id = {0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6,
                           0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36};
  span.context.span_id = {0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7};
  span.parent = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};
  span.kind = SpanKind::kClient;
  span.start_ns = 1764547200000000000ull;
  span.end_ns = 1764547200012000000ull;
  span.add("rpc.system", "aws-api");
  span.add_int("http.response.status_code", 403);
  span.error = true;
  span.status_message = "AccessDenied: \"no\"";
  return span;
}

TEST(OtlpEncodingTest, SpansAsOtlpJson) {
  SpanData root;
  root.name = "scan";
  root.context = NewSpanContext({});
  auto json = nlohmann::json::parse(EncodeOtlpJson({OtlpTestSpan(), root}, {{"service.name", "posture"}}));
  const auto& resource = json["resourceSpans"][0]["resource"]["attributes"][0];
  EXPECT_EQ(resource["key"], "service.name");
  EXPECT_EQ(resource["value"]["stringValue"], "posture");
  const auto& spans = json["resourceSpans"][0]["scopeSpans"][0]["spans"];
  ASSERT_EQ(spans.size(), 2u);
  const auto& span = spans[0];
  EXPECT_EQ(span["traceId"], "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(span["spanId"], "00f067aa0ba902b7");
  EXPECT_EQ(span["parentSpanId"], "0102030405060708");
  EXPECT_EQ(span["kind"], 3);
  EXPECT_EQ(span["startTimeUnixNano"], "1764547200000000000");
  EXPECT_EQ(span["endTimeUnixNano"], "1764547200012000000");
  EXPECT_EQ(span["attributes"][0], nlohmann::json::parse(R"({"key":"rpc.system","value":{"stringValue":"aws-api"}})"));
  EXPECT_EQ(span["attributes"][1]["value"]["intValue"], "403");
  EXPECT_EQ(span["status"]["code"], 2);
  EXPECT_EQ(span["status"]["message"], "AccessDenied: \"no\"");
  EXPECT_FALSE(spans[1].contains("parentSpanId"));
  EXPECT_EQ(spans[1]["status"]["code"], 0);
  EXPECT_EQ(spans[1]["traceId"].get<std::string>().size(), 32u);
}

TEST(OtlpEncodingTest, NewIdsAreRandomAndKeepTheTrace) {
  SpanContext root = NewSpanContext({});
  SpanContext child = NewSpanContext(root);
  EXPECT_TRUE(root.valid());
  EXPECT_EQ(child.trace_id, root.trace_id);
  EXPECT_NE(child.span_id, root.span_id);
  EXPECT_NE(NewSpanContext({}).trace_id, root.trace_id);
}

// A tracer whose spans land in a vector.
struct OtlpTestTracer {
  std::mutex mutex;
  std::vector<SpanData> spans;
  Tracer tracer{[this](SpanData span) {
    std::lock_guard lock(mutex);
    spans.push_back(std::move(span));
  }};
  OtlpTestTracer() { InstallSpanRecorder(&tracer); }
  ~OtlpTestTracer() { InstallSpanRecorder(nullptr); }
  const SpanData* find(const std::string& name) {
    for (const auto& span : spans) {
      if (span.name == name) return &span;
    }
    return nullptr;
  }
};

TEST(TracerTest, ParentsAcrossThreadsAccountRegionCollectorCall) {
  OtlpTestTracer test;
  {
    ScopedSpan scan("scan", {});
    {
      AccountSpan account("123456789012");
      std::thread worker([task = Propagate([&] {
                            CollectorSpan collector(account.context(), "123456789012", "ec2", "DescribeInstances",
                                                    "eu-west-1");
                            aws::CallRecord call;
                            call.service = "ec2";
                            call.operation = "DescribeInstances";
                            call.region = "eu-west-1";
                            call.http_status = 200;
                            call.attempts = 1;
                            call.request_id = "rid-1";
                            call.started = std::chrono::system_clock::now();
                            RecordAwsCallSpan(call);
                          })] { task(); });
      worker.join();
    }
    CheckSpan check("ec2_imdsv2_required", "123456789012");
  }
  const SpanData* scan = test.find("scan");
  const SpanData* account = test.find("account");
  const SpanData* region = test.find("region");
  const SpanData* collector = test.find("collect ec2");
  const SpanData* call = test.find("ec2.DescribeInstances");
  const SpanData* check = test.find("check ec2_imdsv2_required");
  ASSERT_TRUE(scan && account && region && collector && call && check);
  EXPECT_EQ(scan->parent, SpanId{});
  EXPECT_EQ(account->parent, scan->context.span_id);
  EXPECT_EQ(region->parent, account->context.span_id);
  EXPECT_EQ(collector->parent, region->context.span_id);
  EXPECT_EQ(call->parent, collector->context.span_id);
  EXPECT_EQ(check->parent, scan->context.span_id);
  for (const auto* span : {account, region, collector, call, check})
    EXPECT_EQ(span->context.trace_id, scan->context.trace_id);
  EXPECT_EQ(call->kind, SpanKind::kClient);
  EXPECT_GE(region->end_ns, collector->end_ns);
  EXPECT_LE(region->start_ns, collector->start_ns);
  std::map<std::string, std::string> attributes;
  for (const auto& a : call->attributes) attributes[a.key] = a.is_int ? std::to_string(a.number) : a.text;
  EXPECT_EQ(attributes["rpc.system"], "aws-api");
  EXPECT_EQ(attributes["rpc.service"], "ec2");
  EXPECT_EQ(attributes["rpc.method"], "DescribeInstances");
  EXPECT_EQ(attributes["aws.request_id"], "rid-1");
  EXPECT_EQ(attributes["http.response.status_code"], "200");
  EXPECT_EQ(attributes["cloud.region"], "eu-west-1");
  EXPECT_EQ(attributes["cloud.account.id"], "123456789012");
  EXPECT_FALSE(call->error);
}

TEST(TracerTest, AFailedCallHasAnErrorStatus) {
  OtlpTestTracer test;
  base::Error error = base::Error::AccessDenied("ec2:DescribeInstances: not authorized");
  aws::CallRecord call;
  call.service = "ec2";
  call.operation = "DescribeInstances";
  call.http_status = 403;
  call.error_code = "UnauthorizedOperation";
  call.error = &error;
  RecordAwsCallSpan(call);
  ASSERT_EQ(test.spans.size(), 1u);
  EXPECT_TRUE(test.spans[0].error);
  EXPECT_EQ(test.spans[0].status_message, "ec2:DescribeInstances: not authorized");
}

TEST(TracerTest, NothingIsRecordedWhenTracingIsOff) {
  InstallSpanRecorder(nullptr);
  ScopedSpan span("scan", {});
  EXPECT_FALSE(span.recording());
  EXPECT_FALSE(CurrentScope().span.valid());
}

TEST(OtlpExporterTest, PostsJsonBatchesWithTheConfiguredHeaders) {
  std::mutex mutex;
  std::vector<ServerRequest> posts;
  LocalHttpServer server([&](const ServerRequest& request) {
    std::lock_guard lock(mutex);
    posts.push_back(request);
    return ServerResponse{200, {{"Content-Type", "application/json"}}, "{}"};
  });
  aws::CurlTransport transport;
  OtlpConfig config;
  config.enabled = true;
  config.traces_url = server.url() + "/v1/traces";
  config.headers = {{"api-key", "k1"}};
  config.resource_attributes = {{"service.name", "posture"}};
  OtlpExporter exporter(config, transport);
  for (int i = 0; i < 3; ++i) exporter.export_span(OtlpTestSpan());
  exporter.shutdown(std::chrono::milliseconds(2000));
  EXPECT_EQ(exporter.sent(), 3u);
  std::lock_guard lock(mutex);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].target, "/v1/traces");
  ASSERT_TRUE(posts[0].header("api-key"));
  EXPECT_EQ(*posts[0].header("api-key"), "k1");
  EXPECT_EQ(*posts[0].header("content-type"), "application/json");
  auto json = nlohmann::json::parse(posts[0].body);
  EXPECT_EQ(json["resourceSpans"][0]["scopeSpans"][0]["spans"].size(), 3u);
}

TEST(OtlpExporterTest, ADownEndpointDropsAndCountsWithoutBlocking) {
  int port;
  {
    LocalHttpServer closed([](const ServerRequest&) { return ServerResponse{}; });
    port = closed.port();
  }
  aws::CurlTransport transport;
  OtlpConfig config;
  config.enabled = true;
  config.traces_url = "http://127.0.0.1:" + std::to_string(port) + "/v1/traces";
  OtlpExporterOptions options;
  options.batch.max_batch = 10;
  OtlpExporter exporter(config, transport, options);
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 50; ++i) exporter.export_span(OtlpTestSpan());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(200));
  exporter.shutdown(std::chrono::milliseconds(1500));
  EXPECT_EQ(exporter.sent(), 0u);
  EXPECT_EQ(exporter.dropped(), 50u);
  EXPECT_GE(exporter.failed_exports(), 1u);
}

}  // namespace
}  // namespace posture::telemetry
