// Logs and traces of `posture scan` against moto: JSON log lines on stderr,
// the OTLP span tree received by a loopback receiver, a down receiver, and
// log pushes to Loki (a loopback push receiver, and a real Grafana Loki
// when one is installed).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>

#include "aws/curl_transport.h"
#include "checks/check.h"
#include "e2e/moto.h"
#include "e2e/recording_proxy.h"
#include "support/local_http_server.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;
using testing::LocalHttpServer;
using testing::ServerRequest;
using testing::ServerResponse;

std::vector<std::string> TelemetryLines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// An OTLP/HTTP receiver on loopback keeping every span it is sent.
class OtlpReceiver {
 public:
  OtlpReceiver()
      : server_([this](const ServerRequest& request) {
          std::lock_guard lock(mutex_);
          if (request.method != "POST" || request.target != "/v1/traces") return ServerResponse{404, {}, ""};
          auto body = Json::parse(request.body, nullptr, false);
          for (const auto& resource : body["resourceSpans"]) {
            resources_.push_back(resource["resource"]);
            for (const auto& scope : resource["scopeSpans"]) {
              for (const auto& span : scope["spans"]) spans_.push_back(span);
            }
          }
          return ServerResponse{200, {{"Content-Type", "application/json"}}, "{}"};
        }) {}
  std::string url() const { return server_.url(); }
  std::vector<Json> spans() const {
    std::lock_guard lock(mutex_);
    return spans_;
  }
  std::vector<Json> resources() const {
    std::lock_guard lock(mutex_);
    return resources_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Json> spans_;
  std::vector<Json> resources_;
  LocalHttpServer server_;
};

std::string SpanAttribute(const Json& span, const std::string& key) {
  for (const auto& attribute : span["attributes"]) {
    if (attribute["key"] != key) continue;
    const auto& value = attribute["value"];
    if (value.contains("stringValue")) return value["stringValue"];
    if (value.contains("intValue")) return value["intValue"];
  }
  return "";
}

void BuildTelemetryEstate(const std::map<std::string, std::string>& env) {
  Api({"ec2", "CreateSecurityGroup", "--param", "GroupName=telemetry", "--param", "Description=x"}, env);
  Api({"iam", "CreateUser", "--param", "UserName=telemetry-user"}, env);
  Api({"s3", "CreateBucket", "--param", "Bucket=telemetry-bucket"}, env);
}

TEST(TelemetryLogs, JsonDebugLogsAndTheSpanTreeCoverEveryRequest) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  BuildTelemetryEstate(env);
  RecordingProxy proxy(Moto().url());
  env["AWS_ENDPOINT_URL"] = proxy.url();
  OtlpReceiver receiver;
  env["OTEL_SERVICE_NAME"] = "posture-e2e";
  env["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test";
  auto result = RunPosture({"scan", "--region", "us-east-1,eu-west-1", "--format", "json", "--log-format", "json",
                            "--log-level", "debug", "--otlp-endpoint", receiver.url()},
                           env);
  ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 3) << result.err.substr(0, 2000);
  auto report = Json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  const size_t requests = proxy.calls().size();
  ASSERT_GT(requests, 20u);

  // Logs: every stderr line is one JSON event.
  std::regex rfc3339(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)");
  size_t attempts_logged = 0, call_events = 0, warnings = 0;
  std::set<std::string> log_trace_ids;
  for (const auto& line : TelemetryLines(result.err)) {
    auto event = Json::parse(line, nullptr, false);
    ASSERT_TRUE(event.is_object()) << line;
    ASSERT_TRUE(event.contains("ts") && event.contains("level") && event.contains("msg")) << line;
    EXPECT_TRUE(std::regex_match(event["ts"].get<std::string>(), rfc3339)) << line;
    std::string level = event["level"];
    EXPECT_TRUE(level == "debug" || level == "info" || level == "warn" || level == "error") << line;
    warnings += level == "warn";
    std::string msg = event["msg"];
    if (msg.rfind("aws call", 0) == 0) {
      ++call_events;
      for (const char* field : {"service", "operation", "http_status", "attempts", "duration_ms"}) {
        EXPECT_TRUE(event.contains(field)) << field << " missing: " << line;
      }
      EXPECT_TRUE(event.contains("trace_id") && event.contains("span_id")) << line;
      if (event.contains("trace_id")) log_trace_ids.insert(event["trace_id"]);
      attempts_logged += event["attempts"].get<size_t>();
      if (event["operation"] != "GetCallerIdentity") {
        EXPECT_EQ(event["account"], "123456789012") << line;
      }
      if (msg != "aws call") {
        EXPECT_EQ(level, "warn") << line;
      }
    }
  }
  EXPECT_EQ(attempts_logged, requests);
  EXPECT_GT(warnings, 0u);  // moto lacks some operations: each failed call is a warning
  EXPECT_NE(result.err.find("\"msg\":\"scan finished\""), std::string::npos);
  EXPECT_NE(result.err.find("\"msg\":\"section not collected\""), std::string::npos);

  // Traces: one root, every parent known, account -> region -> collector -> call.
  auto spans = receiver.spans();
  std::map<std::string, Json> by_id;
  for (const auto& span : spans) by_id[span["spanId"]] = span;
  ASSERT_EQ(by_id.size(), spans.size()) << "span ids are unique";
  std::vector<Json> roots;
  std::set<std::string> trace_ids;
  size_t call_spans = 0, attempts_traced = 0, regions = 0, collectors = 0, checks = 0;
  auto parent_name = [&](const Json& span) -> std::string {
    if (!span.contains("parentSpanId")) return "";
    auto parent = by_id.find(span["parentSpanId"]);
    return parent == by_id.end() ? "<missing>" : parent->second["name"].get<std::string>();
  };
  for (const auto& span : spans) {
    trace_ids.insert(span["traceId"]);
    EXPECT_EQ(span["traceId"].get<std::string>().size(), 32u);
    EXPECT_EQ(span["spanId"].get<std::string>().size(), 16u);
    std::string name = span["name"];
    std::string parent = parent_name(span);
    EXPECT_NE(parent, "<missing>") << span.dump();
    if (parent.empty()) roots.push_back(span);
    if (name == "account") {
      EXPECT_EQ(parent, "scan");
    }
    if (name == "region") {
      ++regions;
      EXPECT_EQ(parent, "account");
    }
    if (name.rfind("collect ", 0) == 0) {
      ++collectors;
      EXPECT_TRUE(parent == "region" || parent == "account" || parent.rfind("collect ", 0) == 0) << parent;
    }
    if (name.rfind("check ", 0) == 0) {
      ++checks;
      EXPECT_EQ(parent, "scan");
    }
    if (SpanAttribute(span, "rpc.system") == "aws-api") {
      ++call_spans;
      attempts_traced += std::stoul(SpanAttribute(span, "aws.attempts"));
      EXPECT_EQ(span["kind"], 3);
      EXPECT_EQ(name, SpanAttribute(span, "rpc.service") + "." + SpanAttribute(span, "rpc.method"));
      EXPECT_FALSE(SpanAttribute(span, "http.response.status_code").empty()) << span.dump();
      EXPECT_FALSE(SpanAttribute(span, "cloud.region").empty()) << span.dump();
      EXPECT_TRUE(parent == "scan" || parent == "account" || parent.rfind("collect ", 0) == 0) << parent;
      if (span["status"]["code"] == 2) {
        EXPECT_FALSE(span["status"]["message"].get<std::string>().empty());
      }
    }
  }
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(roots[0]["name"], "scan");
  EXPECT_EQ(trace_ids.size(), 1u);
  EXPECT_EQ(log_trace_ids, trace_ids);
  EXPECT_EQ(call_spans, call_events);
  EXPECT_EQ(attempts_traced, requests);  // every request made has a span
  EXPECT_EQ(regions, 2u);
  EXPECT_GT(collectors, 20u);
  EXPECT_EQ(checks, checks::AllChecks().size());  // one span per check
  auto resources = receiver.resources();
  ASSERT_FALSE(resources.empty());
  std::string resource = resources[0].dump();
  EXPECT_NE(resource.find("posture-e2e"), std::string::npos) << resource;
  EXPECT_NE(resource.find("deployment.environment"), std::string::npos) << resource;
}

TEST(TelemetryLogs, AScanSucceedsWhenTheTraceReceiverIsDown) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  int port;
  {
    LocalHttpServer closed([](const ServerRequest&) { return ServerResponse{}; });
    port = closed.port();
  }
  auto plain = RunPosture({"scan", "--region", "us-east-1", "--format", "json"}, env);
  auto started = std::chrono::steady_clock::now();
  env["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:" + std::to_string(port);
  auto traced = RunPosture({"scan", "--region", "us-east-1", "--format", "json"}, env);
  auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(traced.exit_code, plain.exit_code) << traced.err;
  EXPECT_EQ(Json::parse(traced.out)["findings"].size(), Json::parse(plain.out)["findings"].size());
  EXPECT_LT(elapsed, std::chrono::seconds(10));
  auto lines = TelemetryLines(traced.err);
  ASSERT_EQ(lines.size(), 1u) << traced.err;  // one warning, not one per batch
  EXPECT_NE(lines[0].find("cannot export traces"), std::string::npos) << traced.err;
}

TEST(TelemetryLogs, BadTelemetrySettingsAreOneLineUsageErrors) {
  auto env = MotoEnv();
  for (const auto& args : std::vector<std::vector<std::string>>{{"scan", "--log-level", "loud"},
                                                                {"scan", "--log-format", "xml"},
                                                                {"scan", "--loki-url", "loki:3100"},
                                                                {"scan", "--otlp-endpoint", "localhost:4318"}}) {
    auto result = RunPosture(args, env);
    EXPECT_EQ(result.exit_code, 2) << args[1];
    EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  }
  env["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:1";
  env["OTEL_EXPORTER_OTLP_HEADERS"] = "authorization=Bearer%zzsecret";
  auto result = RunPosture({"scan", "--region", "us-east-1"}, env);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("OTEL_EXPORTER_OTLP_HEADERS"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("secret"), std::string::npos) << result.err;
}

// Checks the lines Loki received for one scan: labels and JSON lines.
void ExpectPushedScanLogs(const std::vector<Json>& streams) {
  size_t lines = 0;
  bool account_label = false, finished = false;
  for (const auto& stream : streams) {
    const auto& labels = stream["stream"];
    EXPECT_EQ(labels["job"], "posture") << labels.dump();
    for (const auto& [label, value] : labels.items()) {
      EXPECT_TRUE(label == "job" || label == "level" || label == "account") << label;
    }
    account_label |= labels.contains("account");
    for (const auto& value : stream["values"]) {
      auto line = Json::parse(value[1].get<std::string>(), nullptr, false);
      EXPECT_TRUE(line.contains("ts") && line.contains("msg")) << value.dump();
      EXPECT_EQ(line["level"], labels["level"]);
      EXPECT_FALSE(line.contains("level") && line["level"] == "debug") << "below --log-level info";
      finished |= line["msg"] == "scan finished";
      ++lines;
    }
  }
  EXPECT_GE(lines, 3u);
  EXPECT_TRUE(finished);
  EXPECT_TRUE(account_label);  // the failed calls' warnings carry the account
}

TEST(TelemetryLogs, PushesLogsToALokiPushEndpoint) {
  POSTURE_REQUIRE_MOTO();
  std::mutex mutex;
  std::vector<Json> streams;
  LocalHttpServer loki([&](const ServerRequest& request) {
    if (request.target != "/loki/api/v1/push") return ServerResponse{404, {}, ""};
    auto body = Json::parse(request.body, nullptr, false);
    std::lock_guard lock(mutex);
    for (const auto& stream : body["streams"]) streams.push_back(stream);
    return ServerResponse{204, {}, ""};
  });
  auto result = RunPosture({"scan", "--region", "us-east-1", "--loki-url", loki.url()}, MotoEnv());
  EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 3) << result.err;
  EXPECT_EQ(result.err, "");  // --loki-url alone writes nothing to stderr
  std::lock_guard lock(mutex);
  ExpectPushedScanLogs(streams);
}

// Grafana Loki, when installed (POSTURE_LOKI_BINARY or /usr/bin/loki). Debian 12
// packages no Grafana Loki: its /usr/bin/loki is an unrelated genetics tool.
std::string GrafanaLokiBinary() {
  std::string path = std::getenv("POSTURE_LOKI_BINARY") ? std::getenv("POSTURE_LOKI_BINARY") : "/usr/bin/loki";
  if (!std::filesystem::exists(path)) return "";
  std::string command = "'" + path + "' -version 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return "";
  std::string out;
  char buffer[256];
  while (std::fgets(buffer, sizeof(buffer), pipe)) out += buffer;
  ::pclose(pipe);
  return out.find("loki, version") != std::string::npos ? path : "";
}

TEST(TelemetryLogs, GrafanaLokiReceivesAndReturnsTheLogs) {
  POSTURE_REQUIRE_MOTO();
  std::string binary = GrafanaLokiBinary();
  if (binary.empty()) {
    GTEST_SKIP() << "Grafana Loki not installed (set POSTURE_LOKI_BINARY; Debian's /usr/bin/loki is the unrelated "
                    "'MCMC linkage analysis' tool)";
  }
  std::string dir = TempDir();
  int http_port = FreePort(), grpc_port = FreePort();
  WriteFile(dir + "/loki.yaml",
            "auth_enabled: false\n"
            "server:\n  http_listen_address: 127.0.0.1\n  http_listen_port: " +
                std::to_string(http_port) +
                "\n  grpc_listen_address: 127.0.0.1\n  grpc_listen_port: " + std::to_string(grpc_port) +
                "\n  log_level: warn\n"
                "common:\n  path_prefix: " +
                dir + "\n  storage:\n    filesystem:\n      chunks_directory: " + dir +
                "/chunks\n      rules_directory: " + dir +
                "/rules\n  replication_factor: 1\n  ring:\n    instance_addr: 127.0.0.1\n"
                "    kvstore:\n      store: inmemory\n"
                "ingester:\n  lifecycler:\n    min_ready_duration: 0s\n    final_sleep: 0s\n"
                "schema_config:\n  configs:\n    - from: 2020-10-24\n      store: boltdb-shipper\n"
                "      object_store: filesystem\n      schema: v11\n      index:\n"
                "        prefix: index_\n        period: 24h\n"
                "limits_config:\n  reject_old_samples: false\n  unordered_writes: true\n"
                "analytics:\n  reporting_enabled: false\n");
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string config = "-config.file=" + dir + "/loki.yaml";
    std::freopen((dir + "/loki.log").c_str(), "w", stderr);
    ::execl(binary.c_str(), binary.c_str(), config.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string base = "http://127.0.0.1:" + std::to_string(http_port);
  aws::CurlTransport http;
  auto get = [&](const std::string& path) {
    aws::HttpRequest request;
    request.url = base + path;
    request.timeout = std::chrono::milliseconds(2000);
    return http.send_sync(std::move(request));
  };
  bool ready = false;
  for (int i = 0; i < 60 && !ready; ++i) {
    auto response = get("/ready");
    ready = response.ok() && response->status == 200;
    if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  if (ready) {
    auto result = RunPosture({"scan", "--region", "us-east-1", "--loki-url", base}, MotoEnv());
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 3) << result.err;
    EXPECT_EQ(result.err, "");
    std::vector<Json> streams;
    for (int i = 0; i < 20 && streams.empty(); ++i) {
      auto response = get("/loki/api/v1/query_range?query=%7Bjob%3D%22posture%22%7D&limit=5000&since=1h");
      if (response.ok() && response->status == 200) {
        auto body = Json::parse(response->body, nullptr, false);
        if (body.is_object()) {
          for (const auto& stream : body["data"]["result"]) streams.push_back(stream);
        }
      }
      if (streams.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    ExpectPushedScanLogs(streams);
  }
  ::kill(pid, SIGTERM);
  ::waitpid(pid, nullptr, 0);
  ASSERT_TRUE(ready) << "Grafana Loki did not become ready; see " << dir << "/loki.log";
}

}  // namespace
}  // namespace posture::e2e
