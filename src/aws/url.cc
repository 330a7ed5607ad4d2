#include "aws/url.h"

#include <array>

#include "base/encoding.h"
#include "base/strings.h"

namespace posture::aws {
namespace {

constexpr int kHttpPort = 80;
constexpr int kHttpsPort = 443;
constexpr int kMaxPort = 65535;

int DefaultPort(std::string_view scheme) {
  if (scheme == "https") return kHttpsPort;
  if (scheme == "http") return kHttpPort;
  return 0;
}

// Error messages may end up in logs: show the URL without its query (a
// presigned URL carries a session token there) and without user info.
std::string ForMessage(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return "\"" + std::string(url) + "\"";
  const size_t authority_end = url.find('/', scheme_end + 3);
  const size_t at = url.substr(0, authority_end).rfind('@');
  if (at == std::string_view::npos || at < scheme_end) return "\"" + std::string(url) + "\"";
  return "\"" + std::string(url.substr(0, scheme_end + 3)) + "***" + std::string(url.substr(at)) + "\"";
}

base::Error Invalid(std::string_view url, std::string_view why) {
  return base::Error::InvalidInput("invalid URL " + ForMessage(url) + ": " + std::string(why));
}

bool ParsePort(std::string_view text, int& port) {
  if (text.empty() || text.size() > 5) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value == 0 || value > kMaxPort) return false;
  port = value;
  return true;
}

}  // namespace

std::string Url::authority() const {
  if (port == 0 || port == DefaultPort(scheme)) return host;
  return host + ":" + std::to_string(port);
}

std::string Url::origin() const { return scheme + "://" + authority(); }

base::Result<Url> ParseUrl(std::string_view url) {
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return Invalid(url, "contains a control character");
  }
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return Invalid(url, "expected an absolute http:// or https:// URL");

  Url out;
  out.scheme.reserve(scheme_end);
  for (char c : url.substr(0, scheme_end)) out.scheme.push_back(base::ToLowerAscii(c));
  if (out.scheme != "http" && out.scheme != "https") {
    return Invalid(url, "unsupported scheme (expected http or https)");
  }

  std::string_view rest = url.substr(scheme_end + 3);
  const size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  if (authority.find('@') != std::string_view::npos) return Invalid(url, "user info is not supported");
  if (authority.find(' ') != std::string_view::npos) return Invalid(url, "the host contains a space");

  std::string_view host = authority;
  std::string_view port_text;
  bool has_port = false;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return Invalid(url, "unterminated IPv6 literal");
    host = authority.substr(0, close + 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return Invalid(url, "unexpected characters after the IPv6 literal");
      port_text = after.substr(1);
      has_port = true;
    }
  } else if (const size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port_text = authority.substr(colon + 1);
    has_port = true;
  }
  if (host.empty() || host == "[]") return Invalid(url, "missing host");
  if (has_port && !ParsePort(port_text, out.port)) return Invalid(url, "the port must be a number from 1 to 65535");
  out.host = std::string(host);

  const size_t fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  const size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    out.query = std::string(rest.substr(question + 1));
    rest = rest.substr(0, question);
  }
  out.path = rest.empty() ? std::string("/") : std::string(rest);
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos) {
      params.emplace_back(base::UriDecode(pair), std::string());
    } else {
      params.emplace_back(base::UriDecode(pair.substr(0, eq)), base::UriDecode(pair.substr(eq + 1)));
    }
  }
  return params;
}

std::string EncodeQuery(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out.push_back('&');
    base::AppendUriEncoded(out, name);
    out.push_back('=');
    base::AppendUriEncoded(out, value);
  }
  return out;
}

}  // namespace posture::aws
