// Container and instance-metadata providers against local HTTP fakes,
// through the real curl transport.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "aws/credentials/container_provider.h"
#include "aws/credentials/imds_provider.h"
#include "aws/credentials/provider_support.h"
#include "aws/curl_transport.h"
#include "credentials_test_support.h"
#include "support/fake_clock.h"
#include "support/fake_transport.h"
#include "support/local_http_server.h"

namespace posture::aws {
namespace {

using namespace std::chrono_literals;
using testing::FakeClock;
using testing::LocalHttpServer;
using testing::ServerRequest;
using testing::ServerResponse;
using testing::TempDir;

constexpr const char* kHttpSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYHTTPSECRET";
constexpr const char* kHttpToken = "IQoJb3JpZ2luX2VjHTTPTOKEN==";
constexpr const char* kAuthToken = "container-auth-token-value";

std::string CredentialsBody(const std::string& key_id) {
  return std::string(R"({"AccessKeyId":")") + key_id + R"(","SecretAccessKey":")" + kHttpSecret + R"(","Token":")" +
         kHttpToken + R"(","Expiration":"2026-01-15T16:00:00Z"})";
}

ServerResponse Respond(int status, std::string body = {}) {
  ServerResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

void ExpectNoHttpSecrets(const base::Error& error) {
  for (const char* secret : {kHttpSecret, kHttpToken, kAuthToken}) {
    EXPECT_EQ(error.describe().find(secret), std::string::npos) << error.describe();
  }
}

class HttpProviderTest : public ::testing::Test {
 protected:
  HttpProviderTest() { env_.set("HOME", dir_.path()); }

  TempDir dir_;
  MapEnvironment env_;
  FakeClock clock_;
  CurlTransport transport_;
};

// ---- container ----

TEST(ContainerUrlTest, AllowsHttpsLoopbackAndTheEcsAndEksAddresses) {
  for (const char* url : {"https://creds.example.com/x", "http://127.0.0.1:8080/creds", "http://127.1.2.3/x",
                          "http://localhost/x", "http://[::1]:99/x", "http://169.254.170.2/v2/creds",
                          "http://169.254.170.23/v1/credentials", "http://[fd00:ec2::23]/v1/credentials"}) {
    EXPECT_TRUE(IsAllowedContainerUrl(url)) << url;
  }
  for (const char* url : {"http://example.com/x", "http://10.0.0.1/x", "http://169.254.169.254/x", "ftp://127.0.0.1/x",
                          "http://127.0.0.1.example.com/x", "not a url", "http://128.0.0.1/x"}) {
    EXPECT_FALSE(IsAllowedContainerUrl(url)) << url;
  }
}

TEST_F(HttpProviderTest, ContainerNotConfiguredWithoutVariables) {
  ContainerProvider provider(transport_, env_, clock_);
  auto credentials = provider.fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_TRUE(IsNotConfigured(credentials.error()));
}

TEST_F(HttpProviderTest, ContainerRelativeUriWithAuthorizationToken) {
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> seen;
  LocalHttpServer server([&](const ServerRequest& request) {
    const std::string* authorization = request.header("Authorization");
    std::lock_guard lock(mutex);
    seen.emplace_back(request.target, authorization ? *authorization : "");
    return Respond(200, CredentialsBody("ASIAECS"));
  });
  env_.set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task-id");
  env_.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", kAuthToken);
  ContainerProvider provider(transport_, env_, clock_, server.url());
  auto credentials = provider.fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIAECS");
  EXPECT_EQ(credentials->secret_access_key, kHttpSecret);
  EXPECT_EQ(credentials->session_token, kHttpToken);
  EXPECT_EQ(credentials->expiration, FakeClock::Parse("2026-01-15T16:00:00Z"));
  EXPECT_EQ(credentials->source, "container");
  std::lock_guard lock(mutex);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].first, "/v2/credentials/task-id");
  EXPECT_EQ(seen[0].second, kAuthToken);
}

TEST_F(HttpProviderTest, ContainerFullUriRereadsTheTokenFile) {
  std::atomic<int> requests{0};
  std::string expected_token = "pod-token-1";
  std::mutex mutex;
  LocalHttpServer server([&](const ServerRequest& request) {
    ++requests;
    const std::string* authorization = request.header("Authorization");
    std::lock_guard lock(mutex);
    if (request.target != "/v1/credentials" || !authorization || *authorization != expected_token) {
      return Respond(401, R"({"code":"AccessDenied"})");
    }
    return Respond(200, CredentialsBody("ASIA" + expected_token));
  });
  std::string token_file = dir_.write("eks-token", "pod-token-1\n");
  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/v1/credentials");
  env_.set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token_file);
  env_.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-when-the-file-is-set");
  ContainerProvider provider(transport_, env_, clock_);
  auto first = provider.fetch();
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_EQ(first->access_key_id, "ASIApod-token-1");

  dir_.write("eks-token", "pod-token-2");
  {
    std::lock_guard lock(mutex);
    expected_token = "pod-token-2";
  }
  auto second = provider.fetch();
  ASSERT_TRUE(second.ok()) << second.error().describe();
  EXPECT_EQ(second->access_key_id, "ASIApod-token-2");
  EXPECT_EQ(requests.load(), 2);
}

TEST_F(HttpProviderTest, ContainerRejectedRequestIsAConfiguredFailure) {
  LocalHttpServer server([](const ServerRequest&) { return Respond(401, std::string("denied ") + kHttpSecret); });
  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/creds?x=1");
  env_.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", kAuthToken);
  auto credentials = ContainerProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_FALSE(IsNotConfigured(credentials.error()));
  EXPECT_EQ(credentials.error().message(), "container credentials from " + server.url() + "/creds: HTTP 401");
  EXPECT_EQ(server.request_count(), 1u);
  ExpectNoHttpSecrets(credentials.error());
}

TEST_F(HttpProviderTest, ContainerRetriesServerErrors) {
  std::atomic<int> requests{0};
  LocalHttpServer server([&](const ServerRequest&) {
    return ++requests < 3 ? Respond(500, "busy") : Respond(200, CredentialsBody("ASIARETRY"));
  });
  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/creds");
  auto credentials = ContainerProvider(transport_, env_, clock_).fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIARETRY");
  EXPECT_EQ(requests.load(), 3);
}

TEST_F(HttpProviderTest, ContainerBadResponsesAndAddresses) {
  LocalHttpServer server([](const ServerRequest& request) {
    if (request.target == "/partial") return Respond(200, std::string(R"({"SecretAccessKey":")") + kHttpSecret + "\"}");
    return Respond(200, std::string("<html>") + kHttpSecret);
  });
  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/html");
  auto html = ContainerProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.error().message().find("the response is not JSON"), std::string::npos);
  ExpectNoHttpSecrets(html.error());

  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/partial");
  auto partial = ContainerProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(partial.ok());
  EXPECT_NE(partial.error().message().find("AccessKeyId is missing"), std::string::npos);
  ExpectNoHttpSecrets(partial.error());

  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://attacker.example.com/creds");
  auto remote = ContainerProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(remote.ok());
  EXPECT_FALSE(IsNotConfigured(remote.error()));
  EXPECT_NE(remote.error().message().find("must be https"), std::string::npos);

  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/creds");
  env_.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "a\r\nX-Injected: 1");
  auto injected = ContainerProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(injected.ok());
  EXPECT_NE(injected.error().message().find("line break"), std::string::npos);

  env_.set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", dir_.path() + "/no-such-token");
  auto missing = ContainerProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message().find("does not exist"), std::string::npos);
}

TEST_F(HttpProviderTest, ContainerUnreachableIsAnError) {
  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/creds");
  auto credentials = ContainerProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_FALSE(IsNotConfigured(credentials.error()));
  EXPECT_EQ(credentials.error().message().rfind("container credentials from http://127.0.0.1:1/creds: ", 0), 0u)
      << credentials.error().message();
}

// ---- IMDSv2 ----

// An IMDSv2 fake: tokens from PUT /latest/api/token; a GET without the current
// token gets 401.
class FakeImds {
 public:
  FakeImds() : server_([this](const ServerRequest& request) { return handle(request); }) {}

  std::string url() const { return server_.url(); }
  int token_requests() const { return token_requests_.load(); }
  int unauthorized() const { return unauthorized_.load(); }
  // Invalidates the issued token, as an expired or rotated token would be.
  void rotate_token() {
    std::lock_guard lock(mutex_);
    ++generation_;
  }
  void set_role(std::string role) {
    std::lock_guard lock(mutex_);
    role_ = std::move(role);
  }
  void set_credentials_body(std::string body) {
    std::lock_guard lock(mutex_);
    body_ = std::move(body);
  }

 private:
  ServerResponse handle(const ServerRequest& request) {
    std::lock_guard lock(mutex_);
    std::string current = "imds-token-" + std::to_string(generation_);
    if (request.method == "PUT" && request.target == "/latest/api/token") {
      const std::string* ttl = request.header("X-aws-ec2-metadata-token-ttl-seconds");
      if (!ttl || *ttl != "21600") return Respond(400);
      ++token_requests_;
      return Respond(200, current);
    }
    const std::string* token = request.header("X-aws-ec2-metadata-token");
    if (request.method != "GET") return Respond(405);
    if (!token || *token != current) {
      ++unauthorized_;
      return Respond(401);
    }
    const std::string prefix = "/latest/meta-data/iam/security-credentials/";
    if (request.target == prefix) return role_.empty() ? Respond(404) : Respond(200, role_ + "\n");
    if (!role_.empty() && request.target == prefix + role_) {
      return Respond(200, body_.empty() ? R"({"Code":"Success","LastUpdated":"2026-01-15T09:00:00Z","Type":")"
                                          R"(AWS-HMAC",)" +
                                              CredentialsBody("ASIAIMDS").substr(1)
                                        : body_);
    }
    return Respond(404);
  }

  std::mutex mutex_;
  int generation_ = 1;
  std::string role_ = "ec2-role";
  std::string body_;
  std::atomic<int> token_requests_{0};
  std::atomic<int> unauthorized_{0};
  LocalHttpServer server_;
};

TEST_F(HttpProviderTest, ImdsFakeRequiresTheToken) {
  FakeImds imds;
  HttpRequest request;
  request.url = imds.url() + "/latest/meta-data/iam/security-credentials/";
  auto response = transport_.send_sync(request);
  ASSERT_TRUE(response.ok()) << response.error().message();
  EXPECT_EQ(response->status, 401);
}

TEST_F(HttpProviderTest, ImdsV2FetchesTokenRoleAndCredentials) {
  FakeImds imds;
  env_.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url() + "/");
  ImdsProvider provider(transport_, env_, clock_);
  auto credentials = provider.fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIAIMDS");
  EXPECT_EQ(credentials->secret_access_key, kHttpSecret);
  EXPECT_EQ(credentials->session_token, kHttpToken);
  EXPECT_EQ(credentials->expiration, FakeClock::Parse("2026-01-15T16:00:00Z"));
  EXPECT_EQ(credentials->source, "imds (role ec2-role)");
  EXPECT_EQ(imds.token_requests(), 1);
  EXPECT_EQ(imds.unauthorized(), 0);

  ASSERT_TRUE(provider.fetch().ok());  // the token is reused
  EXPECT_EQ(imds.token_requests(), 1);
  clock_.advance(6h);  // the token expired: a new one
  ASSERT_TRUE(provider.fetch().ok());
  EXPECT_EQ(imds.token_requests(), 2);
}

TEST_F(HttpProviderTest, ImdsRefetchesTheTokenOnceAfter401) {
  FakeImds imds;
  env_.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url());
  ImdsProvider provider(transport_, env_, clock_);
  ASSERT_TRUE(provider.fetch().ok());
  imds.rotate_token();
  auto credentials = provider.fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(imds.token_requests(), 2);
  EXPECT_EQ(imds.unauthorized(), 1);
}

TEST_F(HttpProviderTest, ImdsWithoutRoleIsNotConfigured) {
  FakeImds imds;
  imds.set_role("");
  env_.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url());
  auto credentials = ImdsProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_TRUE(IsNotConfigured(credentials.error()));
  EXPECT_EQ(credentials.error().message(), "imds: no IAM role is attached to this instance");
}

TEST_F(HttpProviderTest, ImdsFailureCodeIsAnError) {
  FakeImds imds;
  imds.set_credentials_body(std::string(R"({"Code":"AssumeRoleUnauthorizedAccess","SecretAccessKey":")") + kHttpSecret +
                            "\"}");
  env_.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url());
  auto credentials = ImdsProvider(transport_, env_, clock_).fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_FALSE(IsNotConfigured(credentials.error()));
  EXPECT_EQ(credentials.error().message(),
            "imds: credentials of role ec2-role: not available (Code AssumeRoleUnauthorizedAccess)");
  ExpectNoHttpSecrets(credentials.error());
}

TEST_F(HttpProviderTest, ImdsUnreachableFailsFastAsNotConfigured) {
  env_.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1");
  auto started = std::chrono::steady_clock::now();
  auto credentials = ImdsProvider(transport_, env_, clock_).fetch();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  ASSERT_FALSE(credentials.ok());
  EXPECT_TRUE(IsNotConfigured(credentials.error()));
}

TEST_F(HttpProviderTest, ImdsDisabledMakesNoRequest) {
  testing::FakeTransport fake;
  env_.set("AWS_EC2_METADATA_DISABLED", "TRUE");
  auto credentials = ImdsProvider(fake, env_, clock_).fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_TRUE(IsNotConfigured(credentials.error()));
  EXPECT_EQ(fake.request_count(), 0u);
}

TEST_F(HttpProviderTest, ImdsEndpointSelection) {
  testing::FakeTransport fake;
  fake.set_handler(
      [](const HttpRequest&) -> base::Result<HttpResponse> { return base::Error::Network("unreachable"); });
  ASSERT_FALSE(ImdsProvider(fake, env_, clock_).fetch().ok());
  EXPECT_EQ(fake.requests()[0].url, "http://169.254.169.254/latest/api/token");
  EXPECT_EQ(fake.requests()[0].method, "PUT");
  EXPECT_EQ(fake.requests()[0].timeout, 1000ms);
  EXPECT_EQ(fake.request_count(), 2u);  // one retry

  env_.set("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6");
  ASSERT_FALSE(ImdsProvider(fake, env_, clock_).fetch().ok());
  EXPECT_EQ(fake.requests().back().url, "http://[fd00:ec2::254]/latest/api/token");
}

}  // namespace
}  // namespace posture::aws
