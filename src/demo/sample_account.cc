#include "demo/sample_account.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "aws/credentials/environment.h"
#include "demo/estate.h"
#include "scan/aws_context.h"

namespace posture::demo {
namespace {

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

// The demo's own credentials and endpoint; the user's AWS settings must not apply to it.
void UseSampleAccount(const std::string& url) {
  for (const char* name :
       {"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"}) {
    ::unsetenv(name);
  }
  ::setenv("AWS_ACCESS_KEY_ID", "AKIAPOSTUREDEMO00000", 1);
  ::setenv("AWS_SECRET_ACCESS_KEY", "posture-demo-not-a-real-secret", 1);
  ::setenv("AWS_REGION", kRegions[0], 1);
  ::setenv("AWS_ENDPOINT_URL", url.c_str(), 1);
  ::setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
  ::setenv("AWS_CONFIG_FILE", "/dev/null", 1);
  ::setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null", 1);
}

// moto_server on `port`, its output discarded; -1 when fork fails.
pid_t StartServer(const std::string& binary, int port) {
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::setenv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true", 1);
  int null = ::open("/dev/null", O_RDWR);
  ::dup2(null, 0), ::dup2(null, 1), ::dup2(null, 2);
  std::string port_text = std::to_string(port);
  ::execl(binary.c_str(), binary.c_str(), "-H", "127.0.0.1", "-p", port_text.c_str(), static_cast<char*>(nullptr));
  ::_exit(127);
}

bool Exited(pid_t& pid) {
  int status;
  if (pid <= 0 || ::waitpid(pid, &status, WNOHANG) != pid) return false;
  pid = -1;
  return true;
}

bool WaitUntilReady(aws::HttpTransport& transport, const std::string& url, pid_t& pid) {
  auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (Exited(pid)) return false;
    aws::HttpRequest request;
    request.url = url + "/moto-api/";
    request.timeout = std::chrono::seconds(2);
    auto response = transport.send_sync(request);
    if (response.ok() && response->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

base::Result<std::unique_ptr<scan::AwsContext>> SampleContext() {
  return scan::AwsContext::Create(scan::AwsFlags{}, aws::RealEnvironment());
}

}  // namespace

base::Result<std::unique_ptr<SampleAccount>> SampleAccount::Start() {
  std::string moto = FindOnPath("moto_server");
  if (moto.empty()) {
    return base::Error::Unsupported(
        "moto_server (a local AWS endpoint) is not installed: pip install 'moto[server]', then run posture demo "
        "again");
  }
  int port = FreeLoopbackPort();
  std::unique_ptr<SampleAccount> account(new SampleAccount());
  account->url_ = "http://127.0.0.1:" + std::to_string(port);
  UseSampleAccount(account->url_);
  account->pid_ = StartServer(moto, port);
  if (account->pid_ < 0) return base::Error::Internal("could not start " + moto);
  auto context = SampleContext();
  if (!context.ok()) return std::move(context.error());
  if (!WaitUntilReady((*context)->transport(), account->url_, account->pid_)) {
    return base::Error::Network("moto_server did not start on " + account->url_);
  }
  return account;
}

SampleAccount::~SampleAccount() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

base::Status SampleAccount::build() {
  auto context = SampleContext();
  if (!context.ok()) return std::move(context.error());
  return BuildEstate((*context)->client());
}

}  // namespace posture::demo
