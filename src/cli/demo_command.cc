#include "cli/demo_command.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "aws/credentials/environment.h"
#include "cli/aws_context.h"
#include "cli/demo_estate.h"
#include "cli/scan_command.h"

namespace posture::cli {
namespace {

constexpr int kExitFailed = 1;
constexpr auto kStartTimeout = std::chrono::seconds(60);

std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string paths = path ? path : "";
  size_t start = 0;
  while (start <= paths.size()) {
    size_t end = paths.find(':', start);
    if (end == std::string::npos) end = paths.size();
    std::string candidate = paths.substr(start, end - start) + "/" + name;
    if (!candidate.starts_with("/")) candidate.clear();
    if (!candidate.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

int FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0) {
    socklen_t len = sizeof(addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

// moto_server as a child process; stopped when this goes out of scope.
class LocalEndpoint {
 public:
  bool start(const std::string& binary, int port) {
    pid_ = ::fork();
    if (pid_ < 0) return false;
    if (pid_ == 0) {
      ::setenv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true", 1);
      int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, 0), ::dup2(null, 1), ::dup2(null, 2);
      std::string port_text = std::to_string(port);
      ::execl(binary.c_str(), binary.c_str(), "-H", "127.0.0.1", "-p", port_text.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    return true;
  }
  bool exited() {
    int status;
    return pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == pid_ && (pid_ = -1, true);
  }
  ~LocalEndpoint() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }

 private:
  pid_t pid_ = -1;
};

bool WaitUntilReady(aws::HttpTransport& transport, const std::string& url, LocalEndpoint& endpoint) {
  auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (endpoint.exited()) return false;
    aws::HttpRequest request;
    request.url = url + "/moto-api/";
    request.timeout = std::chrono::seconds(2);
    auto response = transport.send_sync(request);
    if (response.ok() && response->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

}  // namespace

int RunDemoCommand(const std::vector<std::string>& args) {
  for (const auto& arg : args) {
    if (arg == "--help") {
      std::cout << "usage: posture demo [scan flags]\n\n"
                   "Starts moto_server (a local AWS endpoint) on a free loopback port, builds a small\n"
                   "vulnerable sample estate in us-east-1 and eu-west-1 and scans it. No AWS account\n"
                   "is used. Scan flags such as --format json or --checks pass through.\n";
      return 0;
    }
    if (arg == "--region" || arg.starts_with("--region=") || arg == "--endpoint-url" ||
        arg.starts_with("--endpoint-url=") || arg == "--profile" || arg.starts_with("--profile=")) {
      std::cerr << "posture demo: " << arg << " cannot be used: the demo scans its own local sample\n";
      return 2;
    }
  }
  std::string moto = FindOnPath("moto_server");
  if (moto.empty()) {
    std::cerr << "posture demo: moto_server (a local AWS endpoint) is not installed: "
                 "pip install 'moto[server]', then run posture demo again\n";
    return kExitFailed;
  }
  int port = FreeLoopbackPort();
  std::string url = "http://127.0.0.1:" + std::to_string(port);

  // The demo's own credentials and endpoint, set before any thread starts;
  // the user's AWS settings must not apply to it.
  for (const char* name :
       {"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"}) {
    ::unsetenv(name);
  }
  ::setenv("AWS_ACCESS_KEY_ID", "AKIAPOSTUREDEMO00000", 1);
  ::setenv("AWS_SECRET_ACCESS_KEY", "posture-demo-not-a-real-secret", 1);
  ::setenv("AWS_REGION", kDemoRegions[0], 1);
  ::setenv("AWS_ENDPOINT_URL", url.c_str(), 1);
  ::setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
  ::setenv("AWS_CONFIG_FILE", "/dev/null", 1);
  ::setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null", 1);

  LocalEndpoint endpoint;
  if (!endpoint.start(moto, port)) {
    std::cerr << "posture demo: could not start " << moto << "\n";
    return kExitFailed;
  }
  {
    auto context = AwsContext::Create(AwsFlags{}, aws::RealEnvironment());
    if (!context.ok()) {
      std::cerr << "posture demo: " << context.error().describe() << "\n";
      return kExitFailed;
    }
    if (!WaitUntilReady((*context)->transport(), url, endpoint)) {
      std::cerr << "posture demo: moto_server did not start on " << url << "\n";
      return kExitFailed;
    }
    std::cerr << "posture demo: building the sample estate on " << url << " ...\n";
    auto built = BuildDemoEstate((*context)->client());
    if (!built.ok()) {
      std::cerr << "posture demo: could not build the sample estate: " << built.error().describe() << "\n";
      return kExitFailed;
    }
  }
  std::vector<std::string> scan_args = {"--region", std::string(kDemoRegions[0]) + "," + kDemoRegions[1]};
  scan_args.insert(scan_args.end(), args.begin(), args.end());
  int code = RunScanCommand(scan_args);
  return code == 3 ? 0 : code;
}

}  // namespace posture::cli
