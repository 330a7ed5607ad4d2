#include "aws/credentials/container_provider.h"

#include <cctype>
#include <charconv>

#include "aws/credentials/provider_support.h"
#include "aws/url.h"

namespace posture::aws {
namespace {

constexpr int kAttempts = 3;
constexpr auto kTimeout = std::chrono::seconds(1);
constexpr auto kRetryDelay = std::chrono::milliseconds(200);
constexpr int kLoopbackOctet = 127;
constexpr int kMaxOctet = 255;

bool IsIpv4Loopback(std::string_view host) {
  int octets = 0;
  int first = -1;
  while (!host.empty()) {
    size_t dot = host.find('.');
    std::string_view part = host.substr(0, dot);
    int value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || value > kMaxOctet) return false;
    if (first < 0) first = value;
    ++octets;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return octets == 4 && first == kLoopbackOctet;
}

std::string ForMessage(const Url& url) { return url.origin() + url.path; }

}  // namespace

bool IsAllowedContainerUrl(std::string_view text) {
  auto url = ParseUrl(text);
  if (!url.ok()) return false;
  if (url->scheme == "https") return true;
  if (url->scheme != "http") return false;
  std::string host = url->host;
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host == "localhost" || host == "[::1]" || host == "169.254.170.2" || host == "169.254.170.23" ||
         host == "[fd00:ec2::23]" || IsIpv4Loopback(host);
}

ContainerProvider::ContainerProvider(HttpTransport& transport, const Environment& env, Clock& clock,
                                     std::string relative_base)
    : transport_(transport), env_(env), clock_(clock), relative_base_(std::move(relative_base)) {}

base::Result<std::string> ContainerProvider::authorization() const {
  if (auto file = env_.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
    auto content = ReadFileIfExists(*file);
    if (!content.ok()) return base::Error::Credentials("container: " + content.error().message());
    if (!content->has_value()) {
      return base::Error::Credentials("container: AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names " + *file +
                                      ", which does not exist");
    }
    return TrimTrailingWhitespace(std::move(**content));
  }
  return env_.get("AWS_CONTAINER_AUTHORIZATION_TOKEN").value_or("");
}

base::Result<Credentials> ContainerProvider::fetch() {
  std::string target;
  if (auto relative = env_.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
    target = relative_base_ + (relative->starts_with("/") ? "" : "/") + *relative;
  } else if (auto full = env_.get("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
    if (!IsAllowedContainerUrl(*full)) {
      return base::Error::Credentials(
          "container: AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback address or to "
          "169.254.170.2, 169.254.170.23 or fd00:ec2::23");
    }
    target = *full;
  } else {
    return NotConfigured("container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set");
  }
  auto url = ParseUrl(target);
  if (!url.ok()) return base::Error::Credentials("container: " + url.error().message());
  std::string context = "container credentials from " + ForMessage(*url);

  auto token = authorization();
  if (!token.ok()) return std::move(token.error());
  if (token->find_first_of("\r\n") != std::string::npos) {
    return base::Error::Credentials("container: the authorization token contains a line break");
  }
  HttpRequest request;
  request.method = "GET";
  request.url = target;
  request.timeout = kTimeout;
  request.set_header("Accept", "application/json");
  if (!token->empty()) request.set_header("Authorization", *token);

  base::Error last = base::Error::Credentials(context + ": no attempt made");
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    if (attempt > 1) clock_.sleep_for(kRetryDelay);
    auto response = transport_.send_sync(request);
    if (!response.ok()) {
      last = base::Error::Credentials(context + ": " + response.error().message());
      continue;
    }
    if (response->status >= 500) {
      last = base::Error::Credentials(context + ": HTTP " + std::to_string(response->status))
                 .with_http_status(response->status);
      continue;
    }
    if (response->status != 200) {
      return base::Error::Credentials(context + ": HTTP " + std::to_string(response->status))
          .with_http_status(response->status);
    }
    auto document = ParseJsonQuietly(response->body);
    if (!document) return base::Error::Credentials(context + ": the response is not JSON");
    auto credentials = CredentialsFromJson(*document, CredentialFields{}, context);
    if (!credentials.ok()) return credentials;
    credentials->source = name();
    return credentials;
  }
  return last;
}

}  // namespace posture::aws
