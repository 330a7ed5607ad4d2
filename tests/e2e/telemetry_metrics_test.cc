// Metrics end to end: `posture scan --metrics-file/--pushgateway` and
// `posture serve`, checked by the real Prometheus tools from Debian
// (promtool, prometheus, prometheus-pushgateway) started here on free
// loopback ports with temporary directories.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "aws/curl_transport.h"
#include "e2e/moto.h"
#include "e2e/recording_proxy.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kMetricsOpenCheck = "ec2_sg_no_admin_ports_from_internet_ipv4";
constexpr const char* kMetricsPolicyCheck = "iam_password_policy_min_length";

std::string MetricsRead(const std::string& path) {
  std::ifstream in(path);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

struct MetricsHttpResult {
  int status = 0;
  std::string body;
};

MetricsHttpResult MetricsGet(const std::string& url) {
  static aws::CurlTransport transport;
  aws::HttpRequest request;
  request.url = url;
  request.timeout = 5s;
  auto response = transport.send_sync(request);
  if (!response.ok()) return {};
  return {response->status, response->body};
}

bool MetricsWaitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(100ms);
  }
  return condition();
}

// A child process with stdout and stderr in a file; killed when destroyed.
class MetricsProcess {
 public:
  MetricsProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                 const std::string& log, const std::string& stdin_path = "/dev/null")
      : log_(log) {
    pid_ = ::fork();
    if (pid_ == 0) {
      int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int in = ::open(stdin_path.c_str(), O_RDONLY);
      ::dup2(in, 0), ::dup2(out, 1), ::dup2(out, 2);
      std::vector<std::string> env_strings;
      const char* path = std::getenv("PATH");
      env_strings.push_back(std::string("PATH=") + (path ? path : "/usr/bin:/bin"));
      for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
      std::vector<char*> envp, args;
      for (auto& s : env_strings) envp.push_back(s.data());
      envp.push_back(nullptr);
      std::vector<std::string> copy = argv;
      for (auto& s : copy) args.push_back(s.data());
      args.push_back(nullptr);
      ::execve(copy[0].c_str(), args.data(), envp.data());
      ::_exit(127);
    }
  }
  ~MetricsProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  void signal(int sig) { ::kill(pid_, sig); }
  // The exit code (128+signal when killed), or nullopt if still running after `timeout`.
  std::optional<int> wait(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(20ms);
    }
  }
  std::string output() const { return MetricsRead(log_); }

 private:
  pid_t pid_ = -1;
  std::string log_;
};

// `promtool check metrics` on `text`: "" when clean, else what it said.
std::string MetricsPromtool(const std::string& text) {
  std::string dir = TempDir();
  WriteFile(dir + "/in.prom", text);
  MetricsProcess promtool({"/usr/bin/promtool", "check", "metrics"}, {}, dir + "/out.txt", dir + "/in.prom");
  auto code = promtool.wait(30s);
  std::string said = promtool.output();
  if (code == 0 && said.empty()) return "";
  return "exit " + (code ? std::to_string(*code) : std::string("hang")) + ": " + said;
}

#define METRICS_REQUIRE_BINARY(path) \
  if (::access(path, X_OK) != 0)     \
  GTEST_SKIP() << path << " not installed: apt-get install prometheus prometheus-pushgateway"

// An open security group (kMetricsOpenCheck FAILs) and a weak password policy.
void MetricsBuildEstate(const std::map<std::string, std::string>& env) {
  auto vpc = RunPosture({"api", "ec2", "CreateVpc", "--param", "CidrBlock=10.7.0.0/16"}, env);
  ASSERT_EQ(vpc.exit_code, 0) << vpc.err;
  std::string vpc_id = Json::parse(vpc.out)["Vpc"]["VpcId"];
  auto group = RunPosture({"api", "ec2", "CreateSecurityGroup", "--param", "GroupName=open", "--param", "Description=x",
                           "--param", "VpcId=" + vpc_id},
                          env);
  ASSERT_EQ(group.exit_code, 0) << group.err;
  Api({"ec2", "AuthorizeSecurityGroupIngress", "--input",
       Json{{"GroupId", Json::parse(group.out)["GroupId"]},
            {"IpPermissions",
             {{{"IpProtocol", "tcp"}, {"FromPort", 22}, {"ToPort", 22}, {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}}}}}}
           .dump()},
      env);
  Api({"iam", "UpdateAccountPasswordPolicy", "--param", "MinimumPasswordLength=8"}, env);
}

std::string MetricsFindingLine(const std::string& check, const std::string& status) {
  return "posture_findings{severity=\"" + std::string(check == kMetricsOpenCheck ? "high" : "medium") + "\",status=\"" +
         status + "\",check_id=\"" + check + "\",account_id=\"123456789012\",region=\"";
}

TEST(TelemetryMetrics, TextfileIsLintCleanAndPushgatewayReceivesTheScan) {
  POSTURE_REQUIRE_MOTO();
  METRICS_REQUIRE_BINARY("/usr/bin/promtool");
  METRICS_REQUIRE_BINARY("/usr/bin/prometheus-pushgateway");
  auto env = MotoEnv();
  MetricsBuildEstate(env);
  std::string dir = TempDir();
  int gateway_port = FreePort();
  std::string gateway = "http://127.0.0.1:" + std::to_string(gateway_port);
  MetricsProcess pushgateway(
      {"/usr/bin/prometheus-pushgateway", "--web.listen-address=127.0.0.1:" + std::to_string(gateway_port)}, {},
      dir + "/pushgateway.log");
  ASSERT_TRUE(MetricsWaitFor([&] { return MetricsGet(gateway + "/-/ready").status == 200; }, 20s))
      << pushgateway.output();

  auto scan = RunPosture(
      {"scan", "--region", "us-east-1", "--checks", std::string(kMetricsOpenCheck) + "," + kMetricsPolicyCheck,
       "--format", "json", "--metrics-file", dir + "/posture.prom", "--pushgateway", gateway},
      env);
  EXPECT_EQ(scan.exit_code, 3) << scan.err;
  EXPECT_EQ(scan.err.find("warning"), std::string::npos) << scan.err;
  std::string text = MetricsRead(dir + "/posture.prom");
  EXPECT_NE(text.find(MetricsFindingLine(kMetricsOpenCheck, "FAIL") + "us-east-1\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find(MetricsFindingLine(kMetricsPolicyCheck, "FAIL") + "global\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("posture_aws_requests_total{service=\"ec2\",operation=\"DescribeSecurityGroups\",code=\"ok\"}"),
            std::string::npos);
  EXPECT_NE(text.find("posture_aws_request_duration_seconds_bucket{service=\"iam\",le=\"+Inf\"}"), std::string::npos);
  EXPECT_NE(text.find("posture_last_scan_success 1\n"), std::string::npos);
  EXPECT_NE(text.find("posture_build_info{version=\""), std::string::npos);
  EXPECT_EQ(MetricsPromtool(text), "");

  // The gateway re-exposes the push with its grouping labels (job="posture").
  auto pushed = MetricsGet(gateway + "/metrics");
  bool found = false;
  std::stringstream lines(pushed.body);
  for (std::string line; std::getline(lines, line);) {
    found |= line.starts_with("posture_findings{") && line.find("job=\"posture\"") != std::string::npos &&
             line.find(kMetricsOpenCheck) != std::string::npos && line.ends_with("} 1");
  }
  EXPECT_TRUE(found) << pushed.body.substr(0, 3000);
}

TEST(TelemetryMetrics, DownPushgatewayWarnsOnceAndKeepsTheExitCode) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  std::string dir = TempDir();
  std::string down = "http://127.0.0.1:" + std::to_string(FreePort());
  auto scan = RunPosture({"scan", "--region", "us-east-1", "--checks", kMetricsOpenCheck, "--format", "json",
                          "--metrics-file", dir + "/posture.prom", "--pushgateway", down},
                         env);
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
  EXPECT_NE(scan.err.find("posture: warning: metrics not pushed: pushgateway " + down + " unreachable"),
            std::string::npos)
      << scan.err;
  EXPECT_EQ(std::count(scan.err.begin(), scan.err.end(), '\n'), 1) << scan.err;
  EXPECT_NE(
      MetricsRead(dir + "/posture.prom").find("posture_telemetry_export_errors_total{exporter=\"pushgateway\"} 1"),
      std::string::npos);
  auto unwritable = RunPosture({"scan", "--region", "us-east-1", "--checks", kMetricsOpenCheck, "--format", "json",
                                "--metrics-file", dir + "/missing/posture.prom"},
                               env);
  EXPECT_EQ(unwritable.exit_code, 0);
  EXPECT_NE(unwritable.err.find("warning: metrics not written"), std::string::npos) << unwritable.err;
  auto bad = RunPosture({"scan", "--pushgateway", "gateway:9091"}, env);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--pushgateway takes an http:// or https:// URL"), std::string::npos) << bad.err;
}

TEST(TelemetryMetrics, ThrottledCallsAreCountedAsThrottlesAndRetries) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  RecordingProxy proxy(Moto().url());
  proxy.inject("DescribeSecurityGroups", 400,
               "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error>"
               "</Errors><RequestID>r1</RequestID></Response>");
  env["AWS_ENDPOINT_URL"] = proxy.url();
  env["AWS_MAX_ATTEMPTS"] = "2";
  std::string dir = TempDir();
  auto scan = RunPosture({"scan", "--region", "us-east-1", "--checks", kMetricsOpenCheck, "--format", "json",
                          "--metrics-file", dir + "/posture.prom"},
                         env);
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
  std::string text = MetricsRead(dir + "/posture.prom");
  EXPECT_NE(text.find("posture_aws_throttles_total{service=\"ec2\",region=\"us-east-1\"} 2\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("posture_aws_retries_total{service=\"ec2\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("code=\"RequestLimitExceeded\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("posture_scan_errors_total{kind=\"throttled\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find(MetricsFindingLine(kMetricsOpenCheck, "ERROR") + "us-east-1\"} 1\n"), std::string::npos) << text;
}

// Sums the values of posture_scans_total{result=...} in `text`.
int MetricsScans(const std::string& text, const std::string& result) {
  std::string key = "posture_scans_total{result=\"" + result + "\"} ";
  size_t at = text.find(key);
  return at == std::string::npos ? 0 : std::stoi(text.substr(at + key.size()));
}

TEST(TelemetryMetrics, ServeIsScrapedByPrometheusReloadsAndReportsFailures) {
  POSTURE_REQUIRE_MOTO();
  METRICS_REQUIRE_BINARY("/usr/bin/promtool");
  METRICS_REQUIRE_BINARY("/usr/bin/prometheus");
  auto env = MotoEnv();
  MetricsBuildEstate(env);
  std::string dir = TempDir();
  // Credentials in a file each scan re-reads: removing it makes scans fail.
  std::string credentials = "[default]\naws_access_key_id = " + env["AWS_ACCESS_KEY_ID"] +
                            "\naws_secret_access_key = " + env["AWS_SECRET_ACCESS_KEY"] + "\n";
  WriteFile(dir + "/credentials", credentials);
  env.erase("AWS_ACCESS_KEY_ID");
  env.erase("AWS_SECRET_ACCESS_KEY");
  env["AWS_SHARED_CREDENTIALS_FILE"] = dir + "/credentials";
  WriteFile(dir + "/posture.yaml", "checks:\n  disabled: []\n");
  int port = FreePort();
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  MetricsProcess serve({POSTURE_BINARY, "serve", "--listen", "127.0.0.1:" + std::to_string(port), "--interval", "2s",
                        "--region", "us-east-1", "--checks", std::string(kMetricsOpenCheck) + "," + kMetricsPolicyCheck,
                        "--config", dir + "/posture.yaml"},
                       env, dir + "/serve.log");
  ASSERT_TRUE(MetricsWaitFor([&] { return MetricsGet(base + "/readyz").status == 200; }, 20s)) << serve.output();
  EXPECT_EQ(MetricsGet(base + "/healthz").status, 200);
  auto report = Json::parse(MetricsGet(base + "/api/findings").body, nullptr, false);
  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(Statuses(report, kMetricsPolicyCheck).size(), 1u);
  EXPECT_EQ(MetricsGet(base + "/nope").status, 404);

  // Two scheduled scans, and /metrics lint-clean.
  ASSERT_TRUE(MetricsWaitFor([&] { return MetricsScans(MetricsGet(base + "/metrics").body, "success") >= 2; }, 10s))
      << serve.output();
  std::string metrics = MetricsGet(base + "/metrics").body;
  EXPECT_EQ(MetricsPromtool(metrics), "");
  EXPECT_NE(metrics.find(MetricsFindingLine(kMetricsOpenCheck, "FAIL") + "us-east-1\"} 1\n"), std::string::npos);

  // A real Prometheus scrapes serve every second; its query API returns the findings.
  int prometheus_port = FreePort();
  std::string prometheus_url = "http://127.0.0.1:" + std::to_string(prometheus_port);
  WriteFile(dir + "/prometheus.yml",
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            "scrape_configs:\n  - job_name: posture\n    static_configs:\n"
            "      - targets: ['127.0.0.1:" +
                std::to_string(port) + "']\n");
  MetricsProcess prometheus(
      {"/usr/bin/prometheus", "--config.file=" + dir + "/prometheus.yml", "--storage.tsdb.path=" + dir + "/tsdb",
       "--web.listen-address=127.0.0.1:" + std::to_string(prometheus_port), "--log.level=warn"},
      {}, dir + "/prometheus.log");
  Json result;
  ASSERT_TRUE(MetricsWaitFor(
      [&] {
        auto answer = MetricsGet(prometheus_url + "/api/v1/query?query=posture_findings%7Bstatus%3D%22FAIL%22%7D");
        result = Json::parse(answer.body, nullptr, false);
        return answer.status == 200 && result.is_object() && result["data"]["result"].size() == 2;
      },
      20s))
      << prometheus.output() << result.dump();
  for (const auto& sample : result["data"]["result"]) {
    EXPECT_EQ(sample["metric"]["job"], "posture");
    EXPECT_EQ(sample["metric"]["account_id"], "123456789012");
    EXPECT_EQ(sample["value"][1], "1");
    std::string check = sample["metric"]["check_id"];
    EXPECT_TRUE(check == kMetricsOpenCheck || check == kMetricsPolicyCheck) << check;
  }

  // SIGHUP: the disabled check disappears from the next scan's findings.
  WriteFile(dir + "/posture.yaml", std::string("checks:\n  disabled: [") + kMetricsPolicyCheck + "]\n");
  serve.signal(SIGHUP);
  ASSERT_TRUE(MetricsWaitFor(
      [&] {
        auto body = MetricsGet(base + "/metrics").body;
        return body.find(kMetricsPolicyCheck) == std::string::npos && body.find(kMetricsOpenCheck) != std::string::npos;
      },
      10s))
      << serve.output();
  EXPECT_NE(serve.output().find("config reloaded from " + dir + "/posture.yaml"), std::string::npos);

  // A failing scan: not ready, counted; the last findings stay.
  std::filesystem::remove(dir + "/credentials");
  ASSERT_TRUE(MetricsWaitFor([&] { return MetricsGet(base + "/readyz").status == 503; }, 10s)) << serve.output();
  metrics = MetricsGet(base + "/metrics").body;
  EXPECT_NE(metrics.find("posture_last_scan_success 0\n"), std::string::npos) << metrics;
  EXPECT_GE(MetricsScans(metrics, "failure"), 1);
  EXPECT_NE(metrics.find("posture_scan_errors_total{kind=\"credentials\"}"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find(MetricsFindingLine(kMetricsOpenCheck, "FAIL")), std::string::npos);
  EXPECT_EQ(MetricsGet(base + "/api/findings").status, 200);
  EXPECT_NE(MetricsGet(base + "/readyz").body.find("not ready"), std::string::npos);
  WriteFile(dir + "/credentials", credentials);
  ASSERT_TRUE(MetricsWaitFor([&] { return MetricsGet(base + "/readyz").status == 200; }, 10s)) << serve.output();

  // SIGTERM between scans: exits 0 at once.
  serve.signal(SIGTERM);
  EXPECT_EQ(serve.wait(5s), std::optional<int>(0)) << serve.output();
  EXPECT_EQ(serve.output().find("abandoned"), std::string::npos);
}

TEST(TelemetryMetrics, ServeSigtermDuringAScanExitsWithinTheBound) {
  POSTURE_REQUIRE_MOTO();
  // An endpoint that accepts connections and never answers: the scan hangs.
  int blackhole = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(blackhole, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(::listen(blackhole, 64), 0);
  socklen_t len = sizeof(addr);
  ::getsockname(blackhole, reinterpret_cast<sockaddr*>(&addr), &len);
  auto env = MotoEnv();
  env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  std::string dir = TempDir();
  int port = FreePort();
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  MetricsProcess serve({POSTURE_BINARY, "serve", "--listen", "127.0.0.1:" + std::to_string(port), "--interval", "1m",
                        "--shutdown-timeout", "2s", "--region", "us-east-1", "--checks", kMetricsOpenCheck},
                       env, dir + "/serve.log");
  ASSERT_TRUE(MetricsWaitFor([&] { return MetricsGet(base + "/healthz").status == 200; }, 10s)) << serve.output();
  auto readyz = MetricsGet(base + "/readyz");
  EXPECT_EQ(readyz.status, 503);
  EXPECT_NE(readyz.body.find("no scan has completed yet"), std::string::npos);
  EXPECT_EQ(MetricsGet(base + "/api/findings").status, 503);
  auto signalled = std::chrono::steady_clock::now();
  serve.signal(SIGTERM);
  auto code = serve.wait(6s);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
  EXPECT_EQ(code, std::optional<int>(0)) << serve.output();
  EXPECT_LT(took, 4.0);
  EXPECT_NE(serve.output().find("did not finish within 2s; abandoned"), std::string::npos) << serve.output();
  ::close(blackhole);
}

TEST(TelemetryMetrics, AlertRulesPassPromtoolAndTheirUnitTests) {
  METRICS_REQUIRE_BINARY("/usr/bin/promtool");
  std::string dir = TempDir();
  MetricsProcess check(
      {"/usr/bin/promtool", "check", "rules", std::string(POSTURE_DOCS_DIR) + "/prometheus-alerts.yml"}, {},
      dir + "/check.txt");
  EXPECT_EQ(check.wait(30s), std::optional<int>(0)) << check.output();
  EXPECT_NE(check.output().find("SUCCESS: 4 rules found"), std::string::npos) << check.output();
  MetricsProcess test(
      {"/usr/bin/promtool", "test", "rules", std::string(POSTURE_E2E_TESTDATA_DIR) + "/prometheus_alerts_test.yml"}, {},
      dir + "/test.txt");
  EXPECT_EQ(test.wait(30s), std::optional<int>(0)) << test.output();
}

TEST(TelemetryMetrics, DashboardIsImportableAndUsesOnlyPostureMetrics) {
  auto dashboard = Json::parse(MetricsRead(std::string(POSTURE_DOCS_DIR) + "/grafana-dashboard.json"), nullptr, false);
  ASSERT_TRUE(dashboard.is_object());
  EXPECT_FALSE(dashboard["title"].get<std::string>().empty());
  bool datasource_variable = false;
  for (const auto& variable : dashboard["templating"]["list"]) {
    datasource_variable |= variable["type"] == "datasource" && variable["query"] == "prometheus";
  }
  EXPECT_TRUE(datasource_variable);
  const std::set<std::string> known = {"posture_findings",
                                       "posture_scan_duration_seconds",
                                       "posture_last_scan_success_timestamp_seconds",
                                       "posture_last_scan_success",
                                       "posture_scans_total",
                                       "posture_scan_errors_total",
                                       "posture_aws_requests_total",
                                       "posture_aws_request_duration_seconds_bucket",
                                       "posture_aws_throttles_total",
                                       "posture_aws_retries_total"};
  std::set<int> ids;
  for (const auto& panel : dashboard["panels"]) {
    EXPECT_TRUE(ids.insert(panel["id"].get<int>()).second);
    EXPECT_EQ(panel["datasource"]["uid"], "${datasource}") << panel["title"];
    ASSERT_FALSE(panel["targets"].empty()) << panel["title"];
    for (const auto& target : panel["targets"]) {
      std::string expr = target["expr"];
      for (size_t at = expr.find("posture_"); at != std::string::npos; at = expr.find("posture_", at + 1)) {
        size_t end = expr.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789", at);
        EXPECT_TRUE(known.count(expr.substr(at, end - at))) << expr;
        at = end == std::string::npos ? expr.size() - 1 : end;
      }
    }
  }
  EXPECT_GE(ids.size(), 8u);
}

TEST(TelemetryMetrics, ServeRejectsBadFlags) {
  auto env = MotoEnv();
  auto interval = RunPosture({"serve", "--interval", "15"}, env);
  EXPECT_EQ(interval.exit_code, 2);
  EXPECT_NE(interval.err.find("needs a unit"), std::string::npos) << interval.err;
  auto listen = RunPosture({"serve", "--listen", "9464"}, env);
  EXPECT_EQ(listen.exit_code, 2);
  EXPECT_NE(listen.err.find("--listen '9464': no port"), std::string::npos) << listen.err;
  auto metrics_file = RunPosture({"serve", "--metrics-file", "/tmp/x.prom"}, env);
  EXPECT_EQ(metrics_file.exit_code, 2);
  auto scan_flag = RunPosture({"serve", "--listen", "127.0.0.1:0", "--checks", "no_such_check"}, env);
  EXPECT_EQ(scan_flag.exit_code, 2);
  EXPECT_NE(scan_flag.err.find("unknown check 'no_such_check'"), std::string::npos) << scan_flag.err;
}

}  // namespace
}  // namespace posture::e2e
