// posture serve's HTTP server: request parsing (malformed input), listen
// addresses, and the live server on loopback.
#include "serve/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "aws/curl_transport.h"

namespace posture::serve {
namespace {

TEST(ServeHttpParse, ParsesARequestHead) {
  auto parsed = ParseRequestHead("GET /metrics?x=1 HTTP/1.1\r\nHost: localhost\r\nAccept:  text/plain \r\n");
  ASSERT_EQ(parsed.error_status, 0) << parsed.error;
  EXPECT_EQ(parsed.request.method, "GET");
  EXPECT_EQ(parsed.request.path, "/metrics");
  EXPECT_EQ(parsed.request.query, "x=1");
  ASSERT_NE(parsed.request.header("accept"), nullptr);
  EXPECT_EQ(*parsed.request.header("accept"), "text/plain");
}

TEST(ServeHttpParse, AcceptsBareLineFeedsAndHttp10WithoutHost) {
  auto parsed = ParseRequestHead("GET /healthz HTTP/1.0\n");
  EXPECT_EQ(parsed.error_status, 0) << parsed.error;
  EXPECT_EQ(parsed.request.path, "/healthz");
}

TEST(ServeHttpParse, MalformedHeadsAre400) {
  for (const char* head :
       {"", "GET", "GET /", "GET  / HTTP/1.1\r\nHost: h", "GET / HTTP/1.1 extra\r\nHost: h",
        "G(T / HTTP/1.1\r\nHost: h", "GET metrics HTTP/1.1\r\nHost: h", "GET http://x/ HTTP/1.1\r\nHost: h",
        "GET / HTTX/1.1\r\nHost: h", "GET / HTTP/1.1\r\nHost h", "GET / HTTP/1.1\r\nHost: h\r\n folded",
        "GET / HTTP/1.1\r\nBad Name: x\r\nHost: h", "GET / HTTP/1.1\r\nHost: h\r\n\r\nX: y",
        "GET / HTTP/1.1\r\nX: a\x01b\r\nHost: h", "GET / HTTP/1.1\r\nAccept: */*", "GET /a\x7f HTTP/1.1\r\nHost: h"}) {
    auto parsed = ParseRequestHead(head);
    EXPECT_EQ(parsed.error_status, 400) << "'" << head << "' -> " << parsed.error_status;
    EXPECT_FALSE(parsed.error.empty());
  }
}

TEST(ServeHttpParse, OtherVersionsAre505AndHugeHeadsAre431) {
  EXPECT_EQ(ParseRequestHead("GET / HTTP/2.0\r\nHost: h").error_status, 505);
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\nHost: " + std::string(9000, 'h')).error_status, 431);
  std::string many = "GET / HTTP/1.1\r\nHost: h";
  for (int i = 0; i < 101; ++i) many += "\r\nX" + std::to_string(i) + ": v";
  EXPECT_EQ(ParseRequestHead(many).error_status, 431);
}

TEST(ServeHttpParse, ResponsesCarryLengthAndCloseAndHeadHasNoBody) {
  Response response;
  response.status = 503;
  response.body = "not ready\n";
  response.headers.emplace_back("Retry-After", "5");
  std::string bytes = SerializeResponse(response, false);
  EXPECT_EQ(bytes.substr(0, 37), "HTTP/1.1 503 Service Unavailable\r\nCon");
  EXPECT_NE(bytes.find("Content-Length: 10\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("Connection: close\r\nRetry-After: 5\r\n\r\nnot ready\n"), std::string::npos);
  EXPECT_EQ(SerializeResponse(response, true).find("not ready"), std::string::npos);
}

TEST(ServeListenAddress, ParsesHostsAndPorts) {
  auto v4 = ParseListenAddress("127.0.0.1:9464");
  ASSERT_TRUE(v4.ok());
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 9464);
  auto v6 = ParseListenAddress("[::1]:80");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  auto any = ParseListenAddress(":9464");
  ASSERT_TRUE(any.ok());
  EXPECT_EQ(any->host, "");
  for (const char* bad : {"", "9464", "host:", "host:x", "host:70000", "::1:80", "[::1:80", "[::1]80", "h:123456"}) {
    auto parsed = ParseListenAddress(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.error().message().find("127.0.0.1:9464"), std::string::npos);
  }
}

// Sends raw bytes to the server and returns everything it answers.
std::string ServeRawExchange(int port, const std::string& bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) return "connect failed";
  (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = ::recv(fd, buffer, sizeof(buffer), 0)) > 0) out.append(buffer, static_cast<size_t>(n));
  ::close(fd);
  return out;
}

class ServeHttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto started = HttpServer::Start({"127.0.0.1", 0}, [](const Request& request) {
      Response response;
      if (request.path != "/hello") {
        response.status = 404;
        response.body = "nope\n";
      } else {
        response.body = "hello " + request.method + "\n";
      }
      return response;
    });
    ASSERT_TRUE(started.ok()) << started.error().message();
    server_ = std::move(*started);
  }
  std::unique_ptr<HttpServer> server_;
};

TEST_F(ServeHttpServerTest, AnswersThroughARealClient) {
  aws::CurlTransport transport;
  aws::HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(server_->port()) + "/hello";
  auto response = transport.send_sync(request);
  ASSERT_TRUE(response.ok()) << response.error().message();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "hello GET\n");
  request.url += "x";
  response = transport.send_sync(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
}

TEST_F(ServeHttpServerTest, MalformedRequestsGet400AndTheServerGoesOn) {
  EXPECT_EQ(ServeRawExchange(server_->port(), "NOT HTTP AT ALL\r\n\r\n").substr(0, 12), "HTTP/1.1 400");
  EXPECT_EQ(ServeRawExchange(server_->port(), "GET /hello HTTP/1.1\r\n\r\n").substr(0, 12), "HTTP/1.1 400");
  EXPECT_EQ(ServeRawExchange(server_->port(), "GET /hello HTTP/1.1\r\nHost: x\r\n").substr(0, 12),
            "HTTP/1.1 400");  // closed before the blank line
  EXPECT_EQ(ServeRawExchange(server_->port(), std::string(10000, 'A')).substr(0, 12), "HTTP/1.1 431");
  std::string head = ServeRawExchange(server_->port(), "HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(head.substr(0, 12), "HTTP/1.1 200");
  EXPECT_EQ(head.find("hello"), std::string::npos);
  EXPECT_EQ(ServeRawExchange(server_->port(), "GET /other HTTP/1.1\r\nHost: x\r\n\r\n").substr(0, 12), "HTTP/1.1 404");
}

TEST_F(ServeHttpServerTest, StopClosesTheListener) {
  int port = server_->port();
  server_->stop();
  server_->stop();  // idempotent
  EXPECT_EQ(ServeRawExchange(port, "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"), "connect failed");
}

TEST(ServeHttpServer, BusyPortIsANetworkError) {
  auto first = HttpServer::Start({"127.0.0.1", 0}, [](const Request&) { return Response{}; });
  ASSERT_TRUE(first.ok());
  auto second = HttpServer::Start({"127.0.0.1", (*first)->port()}, [](const Request&) { return Response{}; });
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind(), base::ErrorKind::kNetwork);
  EXPECT_NE(second.error().message().find("cannot listen on 127.0.0.1:"), std::string::npos);
}

}  // namespace
}  // namespace posture::serve
