#include "aws/json.h"
#include "aws/protocols/common.h"
#include "aws/protocols/json_body.h"
#include "aws/protocols/rest.h"
#include "base/encoding.h"
#include "base/hash.h"

namespace posture::aws {
namespace {

constexpr Json::error_handler_t kReplaceInvalidUtf8 = Json::error_handler_t::replace;

bool IsRawPayload(const ShapeRef& member) { return member.type() == "blob" || member.type() == "string"; }

bool HasBodyMember(const ShapeRef& input) {
  for (const auto& [name, ref] : input.members().items()) {
    if (!ref.is_object() || !ref.contains("location")) return true;
  }
  return false;
}

class RestJson : public Protocol {
 public:
  base::Result<HttpRequest> serialize(const ServiceModel& model, std::string_view operation, const Json& input,
                                      const Endpoint& endpoint) const override {
    auto spec = FindOperation(model, operation);
    if (!spec.ok()) return spec.error();
    auto normalized = NormalizedInput(model, operation, **spec, input);
    if (!normalized.ok()) return normalized.error();
    const ShapeRef input_shape = InputRef(model, **spec);
    auto parts = BindRestInput(model, operation, input_shape, *normalized, HttpTrait(**spec, "requestUri", "/"));
    if (!parts.ok()) return parts.error();
    auto host_prefix = ExpandHostPrefix(**spec, input_shape, *normalized, endpoint);
    if (!host_prefix.ok()) return host_prefix.error().prefixed(std::string(operation) + ": ");
    auto url = RequestUrl(endpoint, *host_prefix, parts->path_and_query);
    if (!url.ok()) return url.error();

    HttpRequest request;
    request.method = HttpTrait(**spec, "method", "POST");
    request.url = std::move(*url);
    request.headers = std::move(parts->headers);
    bool raw_payload = false;
    const std::string payload(input_shape.text_trait("payload"));
    if (!payload.empty()) {
      const ShapeRef member = MemberShape(model, input_shape, payload);
      raw_payload = IsRawPayload(member);
      auto value = normalized->find(payload);
      if (raw_payload) {
        if (value != normalized->end()) request.body = value->get<std::string>();
      } else {
        request.body = value == normalized->end()
                           ? "{}"
                           : JsonFromInput(model, member, *value).dump(-1, ' ', false, kReplaceInvalidUtf8);
      }
    } else if (!parts->body.empty()) {
      request.body = JsonFromInput(model, input_shape, parts->body).dump(-1, ' ', false, kReplaceInvalidUtf8);
    } else if (input_shape.valid() && HasBodyMember(input_shape)) {
      request.body = "{}";
    }
    if (!raw_payload && !request.body.empty() && request.header("Content-Type") == nullptr) {
      request.headers.emplace_back("Content-Type", "application/json");
    }
    // botocore asks API Gateway for plain JSON; it would answer HAL otherwise.
    if (model.name() == "apigateway" && request.header("Accept") == nullptr) {
      request.headers.emplace_back("Accept", "application/json");
    }
    return request;
  }

  base::Result<Json> parse_output(const ServiceModel& model, std::string_view operation,
                                  const HttpResponse& response) const override {
    auto spec = FindOperation(model, operation);
    if (!spec.ok()) return spec.error();
    const ShapeRef output = OutputRef(model, **spec);
    if (!output.valid()) return Json::object();
    auto out = RestOutputFromHeaders(model, operation, output, response);
    if (!out.ok()) return out;
    const std::string payload(output.text_trait("payload"));
    if (!payload.empty()) {
      const ShapeRef member = MemberShape(model, output, payload);
      if (member.type() == "blob") {
        (*out)[payload] = base::Base64Encode(response.body);
      } else if (member.type() == "string") {
        (*out)[payload] = ToValidUtf8(response.body);
      } else if (response.body.find_first_not_of(" \t\r\n") != std::string::npos) {
        auto body = ParseJsonBody(model, operation, response.body);
        if (!body.ok()) return body.error();
        auto value = JsonToOutput(model, operation, member, *body);
        if (!value.ok()) return value.error();
        (*out)[payload] = std::move(*value);
      }
      return out;
    }
    auto body = ParseJsonBody(model, operation, response.body);
    if (!body.ok()) return body.error();
    auto members = JsonToOutput(model, operation, output, *body);
    if (!members.ok()) return members.error();
    for (auto& [name, value] : members->items()) (*out)[name] = std::move(value);
    return out;
  }

  base::Error parse_error(const ServiceModel& model, std::string_view operation,
                          const HttpResponse& response) const override {
    if (IsGenericErrorResponse(response)) return ServiceError(model, operation, response, "", "", "");
    JsonErrorBody fields = ParseJsonError(response, /*header_first=*/true);
    return ServiceError(model, operation, response, std::move(fields.code), std::move(fields.message), "");
  }
};

}  // namespace

const Protocol& RestJsonProtocol() {
  static const RestJson protocol;
  return protocol;
}

}  // namespace posture::aws
