#include "e2e/moto.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "aws/curl_transport.h"
#include "e2e/recording_proxy.h"

namespace posture::e2e {
namespace {

std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  std::string paths = path;
  size_t start = 0;
  while (start <= paths.size()) {
    size_t end = paths.find(':', start);
    if (end == std::string::npos) end = paths.size();
    std::string candidate = paths.substr(start, end - start) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

int HttpStatus(const std::string& method, const std::string& url) {
  static aws::CurlTransport transport;
  aws::HttpRequest request;
  request.method = method;
  request.url = url;
  request.timeout = std::chrono::seconds(5);
  auto response = transport.send_sync(request);
  return response.ok() ? response->status : 0;
}

void ReadAll(int fd, std::string& out) {
  char buffer[65536];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof(buffer))) > 0) out.append(buffer, static_cast<size_t>(n));
}

}  // namespace

int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

MotoServer& Moto() {
  static MotoServer server;
  return server;
}

bool MotoServer::start() {
  std::string binary = FindOnPath("moto_server");
  if (binary.empty()) return false;
  port_ = FreePort();
  pid_ = ::fork();
  if (pid_ == 0) {
    ::setenv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true", 1);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0), ::dup2(null, 1), ::dup2(null, 2);
    std::string port = std::to_string(port_);
    ::execl(binary.c_str(), binary.c_str(), "-H", "127.0.0.1", "-p", port.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (HttpStatus("GET", url() + "/moto-api/") == 200) return true;
    int status;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop();
  return false;
}

void MotoServer::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void MotoServer::reset() { HttpStatus("POST", url() + "/moto-api/reset"); }

void MotoEnvironment::SetUp() {
  if (!Moto().start()) {
    std::fprintf(stderr, "e2e: moto_server not available; end-to-end tests will be skipped\n");
  }
}

void MotoEnvironment::TearDown() { Moto().stop(); }

namespace {

RunResult RunBinary(const std::string& binary, const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env) {
  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) return {};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::close(out_pipe[0]), ::close(err_pipe[0]);
    std::vector<std::string> env_strings;
    const char* path = std::getenv("PATH");
    env_strings.push_back(std::string("PATH=") + (path ? path : "/usr/bin:/bin"));
    for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_strings{binary};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    ::execve(binary.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]), ::close(err_pipe[1]);
  RunResult result;
  std::thread err_reader([&] { ReadAll(err_pipe[0], result.err); });
  ReadAll(out_pipe[0], result.out);
  err_reader.join();
  ::close(out_pipe[0]), ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// Sorts a JSON array by each element's text (its order carries no meaning).
void SortArray(nlohmann::ordered_json& array, size_t from = 0, size_t to = std::string::npos) {
  if (!array.is_array()) return;
  to = std::min(to, array.size());
  std::vector<std::string> texts;
  for (size_t i = from; i < to; ++i) texts.push_back(array[i].dump());
  std::sort(texts.begin(), texts.end());
  for (size_t i = from; i < to; ++i) array[i] = nlohmann::ordered_json::parse(texts[i - from]);
}

// A JSON report with what legitimately differs between two runs over the
// same estate taken out: the scan's times, each account's request count
// (retries, the credential report's generation), and the order of what
// concurrent calls find (collection errors, an organization's accounts and
// their findings, one check's findings; the reference build may predate the
// stable orders).
// Drops from `report` the findings of checks not in `known`; true when it
// dropped any (their per-account counts and the exit code then differ too).
bool DropFindingsOfChecksNotIn(nlohmann::ordered_json& report, const std::set<std::string>& known) {
  if (!report.is_object() || !report.contains("findings") || !report["findings"].is_array()) return false;
  auto& findings = report["findings"];
  nlohmann::ordered_json kept = nlohmann::ordered_json::array();
  for (auto& finding : findings) {
    if (known.count(finding.value("check_id", ""))) kept.push_back(std::move(finding));
  }
  const bool dropped = kept.size() != findings.size();
  findings = std::move(kept);
  return dropped;
}

std::string Normalized(nlohmann::ordered_json json, bool keep_account_findings) {
  if (json.contains("scan")) {
    json["scan"].erase("started_at");
    json["scan"].erase("finished_at");
    if (json["scan"].contains("accounts")) SortArray(json["scan"]["accounts"]);
  }
  if (json.contains("accounts")) {
    for (auto& account : json["accounts"]) {
      account.erase("requests");
      if (!keep_account_findings) account.erase("findings");
    }
    SortArray(json["accounts"]);
  }
  if (json.contains("errors")) SortArray(json["errors"]);
  if (json.contains("accounts")) {
    SortArray(json["findings"]);  // an organization's accounts in the order they are listed
  } else if (json.contains("findings") && json["findings"].is_array()) {
    auto& findings = json["findings"];
    for (size_t start = 0; start < findings.size();) {
      size_t end = start;
      while (end < findings.size() && findings[end]["check_id"] == findings[start]["check_id"]) ++end;
      SortArray(findings, start, end);
      start = end;
    }
  }
  return json.dump(2);
}

// Where two texts first differ: the line number, both lines, and the
// lines before it (which name the finding in a JSON report).
std::string FirstDifference(const std::string& actual, const std::string& expected) {
  std::istringstream a(actual), e(expected);
  std::string line_a, line_e;
  std::vector<std::string> before;
  for (int number = 1;; ++number) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_e = static_cast<bool>(std::getline(e, line_e));
    if (!more_a && !more_e) return "no difference";
    if (!more_a || !more_e || line_a != line_e) {
      std::string context;
      for (const auto& line : before) context += "\n  " + line;
      return "line " + std::to_string(number) + ", after:" + context +
             "\n  this build: " + (more_a ? line_a : "(end)") + "\n  reference:  " + (more_e ? line_e : "(end)");
    }
    before.push_back(line_a);
    if (before.size() > 10) before.erase(before.begin());
  }
}

// The ids of the checks `binary` has (posture checks --format json).
std::set<std::string> ChecksOf(const std::string& binary) {
  static std::map<std::string, std::set<std::string>> cache;
  auto cached = cache.find(binary);
  if (cached != cache.end()) return cached->second;
  std::set<std::string> ids;
  auto listed = nlohmann::json::parse(RunBinary(binary, {"checks", "--format", "json"}, {}).out, nullptr, false);
  if (listed.is_array()) {
    for (const auto& check : listed) ids.insert(check.value("id", ""));
  }
  return cache[binary] = ids;
}

// A run whose JSON report a reference binary must reproduce: a read-only
// command writing JSON to stdout.
bool ComparableRun(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  if (args.empty() || (args[0] != "scan" && args[0] != "iac" && args[0] != "drift")) return false;
  // Telemetry receivers would see both runs.
  for (const auto& [name, value] : env) {
    if (name.starts_with("OTEL_EXPORTER_OTLP") && name.ends_with("ENDPOINT")) return false;
  }
  bool json = false;
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--format" && args[i + 1] == "json") json = true;
  }
  for (const auto& arg : args) {
    if (arg.starts_with("--output") || arg.starts_with("--metrics-file") || arg.starts_with("--pushgateway") ||
        arg.starts_with("--otlp-endpoint") || arg.starts_with("--loki-url")) {
      return false;
    }
  }
  return json;
}

}  // namespace

RunResult RunPosture(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  RunResult result = RunBinary(POSTURE_BINARY, args, env);
  // POSTURE_REFERENCE_BINARY (another build of posture, e.g. of the last
  // release) must give the same JSON report and exit code for the same run:
  // a refactoring that changes behaviour fails every e2e test it touches.
  const char* reference = std::getenv("POSTURE_REFERENCE_BINARY");
  if (reference != nullptr && *reference != '\0' && ComparableRun(args, env)) {
    RecordingProxy::PauseRecording(true);
    RunResult expected = RunBinary(reference, args, env);
    RecordingProxy::PauseRecording(false);
    auto actual_report = nlohmann::ordered_json::parse(result.out, nullptr, false);
    auto wanted_report = nlohmann::ordered_json::parse(expected.out, nullptr, false);
    std::string actual = result.out, wanted = expected.out;  // compared as text unless both are reports
    bool dropped = false;
    if (actual_report.is_object() && wanted_report.is_object()) {
      // Checks the reference build does not have: their findings are this build's own.
      dropped = DropFindingsOfChecksNotIn(actual_report, ChecksOf(reference));
      actual = Normalized(std::move(actual_report), !dropped);
      wanted = Normalized(std::move(wanted_report), !dropped);
    }
    if (!dropped) {
      EXPECT_EQ(result.exit_code, expected.exit_code) << "exit code differs from " << reference;
    }
    EXPECT_TRUE(actual == wanted) << "posture " << args[0] << ": JSON report differs from " << reference << " at "
                                  << FirstDifference(actual, wanted);
  }
  return result;
}

std::string TempDir() {
  static int counter = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("posture-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void WriteFile(const std::string& path, const std::string& content) { std::ofstream(path) << content; }

void Api(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  std::vector<std::string> full{"api"};
  full.insert(full.end(), args.begin(), args.end());
  auto result = RunPosture(full, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

std::map<std::string, std::string> Statuses(const nlohmann::json& report, const std::string& check_id) {
  std::map<std::string, std::string> out;
  for (const auto& f : report["findings"]) {
    if (f["check_id"] == check_id) out[f["resource_id"].get<std::string>()] = f["status"];
  }
  return out;
}

std::map<std::string, std::string> MotoEnv() {
  std::string home = TempDir();
  return {{"AWS_ACCESS_KEY_ID", "AKIATESTTESTTEST1234"},
          {"AWS_SECRET_ACCESS_KEY", "testsecretkeytestsecretkeytestsecretkey1"},
          {"AWS_REGION", "us-east-1"},
          {"AWS_ENDPOINT_URL", Moto().url()},
          {"AWS_EC2_METADATA_DISABLED", "true"},
          {"HOME", home}};
}

}  // namespace posture::e2e

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new posture::e2e::MotoEnvironment());
  return RUN_ALL_TESTS();
}
