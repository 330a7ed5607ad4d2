#include "aws/credentials/imds_provider.h"

#include <algorithm>
#include <cctype>

#include "aws/credentials/provider_support.h"
#include "base/strings.h"

namespace posture::aws {
namespace {

constexpr int kAttempts = 2;
constexpr auto kTimeout = std::chrono::seconds(1);
constexpr auto kRetryDelay = std::chrono::milliseconds(100);
constexpr auto kTokenTtl = std::chrono::seconds(21600);
constexpr auto kTokenRenewMargin = std::chrono::minutes(1);
constexpr std::string_view kIpv6Endpoint = "http://[fd00:ec2::254]";
constexpr std::string_view kTokenPath = "/latest/api/token";
constexpr std::string_view kRolePath = "/latest/meta-data/iam/security-credentials/";
constexpr int kUnauthorized = 401;
constexpr int kNotFound = 404;

std::string FirstLine(std::string_view text) {
  size_t end = text.find_first_of("\r\n");
  std::string line(text.substr(0, end));
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

std::string HttpStatusText(const HttpResponse& response) { return "HTTP " + std::to_string(response.status); }

}  // namespace

ImdsProvider::ImdsProvider(HttpTransport& transport, const Environment& env, Clock& clock)
    : transport_(transport), env_(env), clock_(clock) {}

std::string ImdsProvider::endpoint() const {
  std::string base;
  if (auto configured = env_.get("AWS_EC2_METADATA_SERVICE_ENDPOINT")) {
    base = *configured;
  } else if (auto mode = env_.get("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE");
             mode && base::EqualsIgnoreCase(*mode, "IPv6")) {
    base = kIpv6Endpoint;
  } else {
    base = kDefaultEndpoint;
  }
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

base::Result<HttpResponse> ImdsProvider::send(HttpRequest request) {
  request.timeout = kTimeout;
  base::Result<HttpResponse> response = base::Error::Network("no attempt made");
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    if (attempt > 1) clock_.sleep_for(kRetryDelay);
    response = transport_.send_sync(request);
    if (response.ok() && response->status < 500) return response;
  }
  return response;
}

base::Result<std::string> ImdsProvider::session_token(const std::string& base, bool renew) {
  {
    std::lock_guard lock(mutex_);
    if (!renew && !token_.empty() && clock_.now() + kTokenRenewMargin < token_expires_) return token_;
  }
  HttpRequest request;
  request.method = "PUT";
  request.url = base + std::string(kTokenPath);
  request.set_header("X-aws-ec2-metadata-token-ttl-seconds", std::to_string(kTokenTtl.count()));
  auto requested_at = clock_.now();
  auto response = send(std::move(request));
  if (!response.ok()) {
    return NotConfigured("imds: the instance metadata service at " + base + " is not reachable (" +
                         response.error().message() + ")");
  }
  if (response->status >= 400 && response->status < 500) {
    return NotConfigured("imds: the metadata service at " + base + " refused an IMDSv2 token (" +
                         HttpStatusText(*response) + ")");
  }
  if (response->status != 200 || response->body.empty()) {
    return base::Error::Credentials("imds: token request failed (" + HttpStatusText(*response) + ")")
        .with_http_status(response->status);
  }
  std::lock_guard lock(mutex_);
  token_ = FirstLine(response->body);
  token_expires_ = requested_at + kTokenTtl;
  return token_;
}

base::Result<HttpResponse> ImdsProvider::get(const std::string& base, const std::string& path) {
  for (bool renew : {false, true}) {
    auto token = session_token(base, renew);
    if (!token.ok()) return std::move(token.error());
    HttpRequest request;
    request.method = "GET";
    request.url = base + path;
    request.set_header("X-aws-ec2-metadata-token", *token);
    auto response = send(std::move(request));
    if (!response.ok()) {
      return base::Error::Credentials("imds: GET " + path + " failed: " + response.error().message());
    }
    if (response->status != kUnauthorized) return response;
  }
  return base::Error::Credentials("imds: GET " + path + " was refused (HTTP 401) even with a new token")
      .with_http_status(kUnauthorized);
}

base::Result<Credentials> ImdsProvider::fetch() {
  if (auto disabled = env_.get("AWS_EC2_METADATA_DISABLED"); disabled && base::EqualsIgnoreCase(*disabled, "true")) {
    return NotConfigured("imds: disabled by AWS_EC2_METADATA_DISABLED");
  }
  std::string base = endpoint();
  auto roles = get(base, std::string(kRolePath));
  if (!roles.ok()) return std::move(roles.error());
  if (roles->status == kNotFound) return NotConfigured("imds: no IAM role is attached to this instance");
  if (roles->status != 200) {
    return base::Error::Credentials("imds: listing the instance role failed (" + HttpStatusText(*roles) + ")")
        .with_http_status(roles->status);
  }
  std::string role = FirstLine(roles->body);
  if (role.empty()) return NotConfigured("imds: no IAM role is attached to this instance");

  auto response = get(base, std::string(kRolePath) + role);
  if (!response.ok()) return std::move(response.error());
  std::string context = "imds: credentials of role " + role;
  if (response->status != 200) {
    return base::Error::Credentials(context + ": " + HttpStatusText(*response)).with_http_status(response->status);
  }
  auto document = ParseJsonQuietly(response->body);
  if (!document || !document->is_object()) return base::Error::Credentials(context + ": the response is not JSON");
  auto code = document->find("Code");
  if (code != document->end() && code->is_string() && code->get<std::string>() != "Success") {
    return base::Error::Credentials(context + ": not available (Code " + code->get<std::string>() + ")");
  }
  auto credentials = CredentialsFromJson(*document, CredentialFields{}, context);
  if (!credentials.ok()) return credentials;
  credentials->source = "imds (role " + role + ")";
  return credentials;
}

}  // namespace posture::aws
