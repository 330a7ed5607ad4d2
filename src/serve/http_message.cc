#include "serve/http_message.h"

#include <cctype>
#include <cstring>
#include <vector>

#include "base/strings.h"

namespace posture::serve {
namespace {

constexpr int kMaxPort = 65535;

bool IsTokenChar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

ParsedHead Reject(int status, std::string why) {
  ParsedHead out;
  out.error_status = status;
  out.error = std::move(why);
  return out;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

}  // namespace

const std::string* Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (aws::HeaderNameEquals(key, name)) return &value;
  }
  return nullptr;
}

ParsedHead ParseRequestHead(std::string_view head) {
  if (head.size() > kMaxRequestHead) return Reject(431, "request head over 8 KiB");
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= head.size()) {
    size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  if (!head.empty() && head.back() == '\n') lines.pop_back();
  if (lines.empty() || lines[0].empty()) return Reject(400, "empty request line");

  std::string_view request_line = lines[0];
  size_t first = request_line.find(' ');
  size_t second = first == std::string_view::npos ? first : request_line.find(' ', first + 1);
  if (second == std::string_view::npos || request_line.find(' ', second + 1) != std::string_view::npos) {
    return Reject(400, "the request line is not METHOD TARGET VERSION");
  }
  std::string_view method = request_line.substr(0, first);
  std::string_view target = request_line.substr(first + 1, second - first - 1);
  std::string_view version = request_line.substr(second + 1);
  if (!IsToken(method)) return Reject(400, "malformed method");
  if (target.empty() || target.front() != '/') return Reject(400, "the target must be a path starting with /");
  for (char c : target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return Reject(400, "control character in the target");
  }
  if (!version.starts_with("HTTP/")) return Reject(400, "malformed HTTP version");
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return Reject(505, "only HTTP/1.0 and HTTP/1.1 are served");

  ParsedHead out;
  out.request.method = std::string(method);
  out.request.target = std::string(target);
  size_t question = target.find('?');
  out.request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) out.request.query = std::string(target.substr(question + 1));
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.empty()) return Reject(400, "blank line inside the header block");
    if (line.front() == ' ' || line.front() == '\t') return Reject(400, "folded header lines are not accepted");
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Reject(400, "header line without a colon");
    std::string_view name = line.substr(0, colon);
    if (!IsToken(name)) return Reject(400, "malformed header name");
    std::string_view value = base::Trim(line.substr(colon + 1), base::kBlanks);
    for (char c : value) {
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
        return Reject(400, "control character in a header value");
      }
    }
    if (out.request.headers.size() >= kMaxHeaders) return Reject(431, "more than 100 headers");
    out.request.headers.emplace_back(std::string(name), std::string(value));
  }
  if (version == "HTTP/1.1" && !out.request.header("Host")) return Reject(400, "HTTP/1.1 request without Host");
  return out;
}

std::string SerializeResponse(const Response& response, bool head_only) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + Reason(response.status) + "\r\n";
  out += "Content-Type: " + response.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  out += "Connection: close\r\n";
  for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
  out += "\r\n";
  if (!head_only) out += response.body;
  return out;
}

base::Result<ListenAddress> ParseListenAddress(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return base::Error::InvalidInput("--listen '" + std::string(text) + "': " + why +
                                     " (write HOST:PORT, e.g. 127.0.0.1:9464, [::1]:9464 or :9464)");
  };
  ListenAddress out;
  std::string_view port;
  if (text.starts_with("[")) {
    size_t close = text.find(']');
    if (close == std::string_view::npos) return bad("unclosed [ of an IPv6 address");
    out.host = std::string(text.substr(1, close - 1));
    if (text.substr(close + 1, 1) != ":") return bad("no port");
    port = text.substr(close + 2);
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) return bad("no port");
    out.host = std::string(text.substr(0, colon));
    if (out.host.find(':') != std::string::npos) return bad("an IPv6 address needs brackets");
    port = text.substr(colon + 1);
  }
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos) {
    return bad("the port must be a number");
  }
  out.port = std::stoi(std::string(port));
  if (out.port > kMaxPort) return bad("the port must be at most 65535");
  return out;
}

}  // namespace posture::serve
