// The real libcurl transport against a local HTTP server on 127.0.0.1.
#include "aws/curl_transport.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

#include "support/local_http_server.h"

namespace posture::aws {
namespace {

using testing::LocalHttpServer;
using testing::ServerRequest;
using testing::ServerResponse;

HttpRequest Get(const std::string& url) {
  HttpRequest request;
  request.url = url;
  return request;
}

TEST(CurlTransportTest, SendsMethodHeadersAndBodyAndReadsTheResponse) {
  ServerRequest seen;
  std::mutex mutex;
  LocalHttpServer server([&](const ServerRequest& request) {
    std::lock_guard lock(mutex);
    seen = request;
    return ServerResponse{201, {{"x-amzn-RequestId", "abc"}}, "created"};
  });
  CurlTransport transport;
  HttpRequest request;
  request.method = "POST";
  request.url = server.url() + "/path?x=1";
  request.headers = {{"Content-Type", "application/x-amz-json-1.1"}, {"X-Amz-Target", "Svc.Op"}};
  request.body = "{\"a\":1}";
  auto response = transport.send_sync(request);
  ASSERT_TRUE(response.ok()) << response.error().describe();
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->body, "created");
  ASSERT_NE(response->header("X-AMZN-REQUESTID"), nullptr);
  EXPECT_EQ(*response->header("x-amzn-requestid"), "abc");
  std::lock_guard lock(mutex);
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.target, "/path?x=1");
  EXPECT_EQ(seen.body, "{\"a\":1}");
  ASSERT_NE(seen.header("x-amz-target"), nullptr);
  EXPECT_EQ(*seen.header("x-amz-target"), "Svc.Op");
  EXPECT_EQ(seen.header("Expect"), nullptr);
}

TEST(CurlTransportTest, ReusesConnections) {
  LocalHttpServer server([](const ServerRequest&) { return ServerResponse{200, {}, "ok"}; });
  CurlTransport transport;
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(transport.send_sync(Get(server.url() + "/")).ok());
  EXPECT_EQ(server.request_count(), 20u);
  EXPECT_EQ(server.connection_count(), 1u);
}

TEST(CurlTransportTest, ManyConcurrentRequestsAllComplete) {
  LocalHttpServer server([](const ServerRequest& r) {
    return ServerResponse{200, {}, r.target, false, false, std::chrono::milliseconds(20)};
  });
  CurlTransportOptions options;
  options.max_in_flight = 16;
  options.max_per_host = 16;
  CurlTransport transport(options);
  constexpr int kRequests = 64;
  std::vector<std::future<base::Result<HttpResponse>>> futures;
  std::vector<std::promise<base::Result<HttpResponse>>> promises(kRequests);
  for (int i = 0; i < kRequests; ++i) {
    futures.push_back(promises[i].get_future());
    transport.send(Get(server.url() + "/" + std::to_string(i)),
                   [&promises, i](base::Result<HttpResponse> r) { promises[i].set_value(std::move(r)); });
  }
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < kRequests; ++i) {
    auto response = futures[i].get();
    ASSERT_TRUE(response.ok()) << response.error().describe();
    EXPECT_EQ(response->body, "/" + std::to_string(i));
  }
  // 64 requests of 20 ms with 16 in flight: far less than 64 * 20 ms serially.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(64 * 20));
  EXPECT_LE(server.connection_count(), 16u);
}

TEST(CurlTransportTest, ConnectionResetIsANetworkError) {
  LocalHttpServer server([](const ServerRequest&) {
    ServerResponse response;
    response.reset_connection = true;
    return response;
  });
  CurlTransport transport;
  auto response = transport.send_sync(Get(server.url() + "/"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind(), base::ErrorKind::kNetwork);
  EXPECT_EQ(response.error().code(), "ConnectionReset");
}

TEST(CurlTransportTest, TruncatedBodyIsANetworkError) {
  LocalHttpServer server([](const ServerRequest&) {
    ServerResponse response;
    response.body = std::string(1000, 'x');
    response.truncate_body = true;
    return response;
  });
  CurlTransport transport;
  auto response = transport.send_sync(Get(server.url() + "/"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind(), base::ErrorKind::kNetwork);
  EXPECT_EQ(response.error().code(), "TruncatedBody");
  EXPECT_NE(response.error().message().find("truncated"), std::string::npos);
}

TEST(CurlTransportTest, UnreachableEndpointIsAConnectError) {
  int port;
  {
    LocalHttpServer server([](const ServerRequest&) { return ServerResponse{}; });
    port = server.port();
  }  // closed: nothing listens there now
  CurlTransport transport;
  auto response = transport.send_sync(Get("http://127.0.0.1:" + std::to_string(port) + "/"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind(), base::ErrorKind::kNetwork);
  EXPECT_EQ(response.error().code(), "ConnectFailure");
  EXPECT_NE(response.error().message().find("127.0.0.1"), std::string::npos);
}

TEST(CurlTransportTest, RequestTimeoutIsEnforced) {
  LocalHttpServer server([](const ServerRequest&) {
    return ServerResponse{200, {}, "late", false, false, std::chrono::milliseconds(1500)};
  });
  CurlTransport transport;
  HttpRequest request = Get(server.url() + "/");
  request.timeout = std::chrono::milliseconds(200);
  auto response = transport.send_sync(request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code(), "Timeout");
}

// An `openssl s_server` with a throw-away self-signed certificate for 127.0.0.1.
class TlsServer {
 public:
  TlsServer() {
    dir_ = std::filesystem::temp_directory_path() / ("posture-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::string gen =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
        "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
        (dir_ / "key.pem").string() + " -out " + cert() + " >/dev/null 2>&1";
    if (std::system(gen.c_str()) != 0) return;
    {
      LocalHttpServer probe([](const ServerRequest&) { return ServerResponse{}; });
      port_ = probe.port();
    }
    pid_ = ::fork();
    if (pid_ == 0) {
      int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, 0), ::dup2(null, 1), ::dup2(null, 2);
      std::string accept = "127.0.0.1:" + std::to_string(port_);
      std::string key = (dir_ / "key.pem").string();
      std::string certificate = cert();
      ::execlp("openssl", "openssl", "s_server", "-accept", accept.c_str(), "-cert", certificate.c_str(), "-key",
               key.c_str(), "-www", "-quiet", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 100 && !ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ~TlsServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove_all(dir_);
  }
  bool ready() const {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    ::close(fd);
    return ok;
  }
  std::string cert() const { return (dir_ / "cert.pem").string(); }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/"; }

 private:
  std::filesystem::path dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

TEST(CurlTransportTest, TlsIsVerifiedByDefaultAndTheCaBundleIsHonoured) {
  TlsServer server;
  ASSERT_TRUE(server.ready()) << "openssl s_server did not start";

  CurlTransport strict;
  auto rejected = strict.send_sync(Get(server.url()));
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().code(), "TlsVerificationFailed");
  EXPECT_NE(rejected.error().message().find("AWS_CA_BUNDLE"), std::string::npos);

  CurlTransportOptions options;
  options.ca_bundle = server.cert();
  CurlTransport trusting(options);
  auto accepted = trusting.send_sync(Get(server.url()));
  ASSERT_TRUE(accepted.ok()) << accepted.error().describe();
  EXPECT_EQ(accepted->status, 200);
}

TEST(CurlTransportTest, DestructionFailsPendingRequests) {
  LocalHttpServer server([](const ServerRequest&) {
    return ServerResponse{200, {}, "slow", false, false, std::chrono::milliseconds(300)};
  });
  std::promise<base::Result<HttpResponse>> promise;
  auto future = promise.get_future();
  {
    CurlTransport transport;
    transport.send(Get(server.url() + "/"), [&](base::Result<HttpResponse> r) { promise.set_value(std::move(r)); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  auto result = future.get();
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message().find("shut down"), std::string::npos);
}

}  // namespace
}  // namespace posture::aws
