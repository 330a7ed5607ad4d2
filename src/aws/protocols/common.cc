#include "aws/protocols/common.h"

#include "aws/json.h"
#include "aws/url.h"

namespace posture::aws {
namespace {

bool IsHostLabelText(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string_view TrimLeft(std::string_view text) {
  while (!text.empty() &&
         (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n')) {
    text.remove_prefix(1);
  }
  return text;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c = (text[i] >= 'A' && text[i] <= 'Z') ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

base::Result<const Json*> FindOperation(const ServiceModel& model, std::string_view operation) {
  const Json* spec = model.operation(operation);
  if (spec == nullptr) {
    return base::Error::Unsupported(model.name() + ": unknown operation '" + std::string(operation) + "'");
  }
  return spec;
}

const Json& HttpTraits(const Json& spec) {
  static const Json empty = Json::object();
  auto it = spec.find("http");
  return (it != spec.end() && it->is_object()) ? *it : empty;
}

std::string HttpTrait(const Json& spec, const char* name, const char* fallback) {
  const Json& http = HttpTraits(spec);
  auto it = http.find(name);
  return (it != http.end() && it->is_string()) ? it->get<std::string>() : std::string(fallback);
}

bool FlagOf(const Json& object, const char* key) {
  if (!object.is_object()) return false;
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

base::Result<Json> NormalizedInput(const ServiceModel& model, std::string_view operation, const Json& spec,
                                   const Json& input) {
  return NormalizeInput(model, operation, InputRef(model, spec), input);
}

base::Result<std::string> ExpandHostPrefix(const Json& spec, const ShapeRef& input_shape, const Json& input,
                                           const Endpoint& endpoint) {
  auto endpoint_it = spec.find("endpoint");
  if (endpoint_it == spec.end() || !endpoint_it->is_object()) return std::string();
  auto prefix_it = endpoint_it->find("hostPrefix");
  if (prefix_it == endpoint_it->end() || !prefix_it->is_string() || endpoint.custom) return std::string();
  std::string prefix = prefix_it->get<std::string>();
  for (const auto& [name, ref] : input_shape.members().items()) {
    if (!FlagOf(ref, "hostLabel")) continue;
    const std::string label = "{" + name + "}";
    const size_t at = prefix.find(label);
    if (at == std::string::npos) continue;
    const auto value = input.find(name);
    if (value == input.end() || !value->is_string() || !IsHostLabelText(value->get_ref<const std::string&>())) {
      return base::Error::InvalidInput("invalid value for parameter '" + name +
                                       "': must contain only letters, digits, hyphens or periods");
    }
    prefix.replace(at, label.size(), value->get<std::string>());
  }
  return prefix;
}

base::Result<std::string> RequestUrl(const Endpoint& endpoint, std::string_view host_prefix,
                                     std::string_view path_and_query) {
  auto url = ParseUrl(endpoint.url);
  if (!url.ok()) return url.error();
  std::string base = url->path == "/" ? std::string() : url->path;
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string out = url->scheme + "://" + std::string(host_prefix) + url->authority() + base;
  out += path_and_query.empty() ? std::string_view("/") : path_and_query;
  return out;
}

std::string OperationContext(const ServiceModel& model, std::string_view operation) {
  return model.name() + ":" + std::string(operation) + ": ";
}

base::Error ParseFailure(const ServiceModel& model, std::string_view operation, std::string_view what) {
  return base::Error::Parse(OperationContext(model, operation) + ToValidUtf8(what));
}

std::string BodySnippet(std::string_view body) {
  constexpr size_t kMaxSnippet = 200;
  body = TrimLeft(body);
  while (!body.empty() && (body.back() == ' ' || body.back() == '\t' || body.back() == '\r' || body.back() == '\n')) {
    body.remove_suffix(1);
  }
  std::string out;
  for (char c : body.substr(0, kMaxSnippet)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (body.size() > kMaxSnippet) out += "...";
  return ToValidUtf8(out);
}

bool IsGenericErrorResponse(const HttpResponse& response) {
  const std::string_view body = TrimLeft(response.body);
  // An HTML page (a proxy's, a load balancer's, an emulator's "not found")
  // never carries an AWS error code; quoting it would only add noise.
  if (StartsWithNoCase(body, "<html") || StartsWithNoCase(body, "<!doctype html")) return true;
  return response.status >= 500 && body.empty();
}

base::Error ServiceError(const ServiceModel& model, std::string_view operation, const HttpResponse& response,
                         std::string code, std::string message, std::string request_id) {
  (void)operation;
  if (code.empty()) code = std::to_string(response.status);
  if (message.empty()) {
    const std::string_view reason = ReasonPhrase(response.status);
    message = "HTTP " + std::to_string(response.status) + (reason.empty() ? "" : " " + std::string(reason));
  }
  if (request_id.empty()) request_id = RequestIdFromHeaders(response);
  code = ToValidUtf8(code);
  message = ToValidUtf8(message);
  request_id = ToValidUtf8(request_id);
  base::ErrorKind kind = ClassifyError(code, response.status);
  // The SSO portal says "Unauthorized" when the cached SSO token is expired
  // or revoked: the fix is `aws sso login`, not a permission.
  if (model.name() == "sso" && kind == base::ErrorKind::kAccessDenied) kind = base::ErrorKind::kCredentials;
  base::Error error(kind, std::move(message));
  error.with_code(std::move(code)).with_request_id(std::move(request_id)).with_http_status(response.status);
  return error;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

}  // namespace posture::aws
