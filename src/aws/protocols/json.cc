#include "aws/json.h"

#include "aws/protocols/common.h"
#include "aws/protocols/json_body.h"

namespace posture::aws {
namespace {

class JsonRpc : public Protocol {
 public:
  base::Result<HttpRequest> serialize(const ServiceModel& model, std::string_view operation, const Json& input,
                                      const Endpoint& endpoint) const override {
    auto spec = FindOperation(model, operation);
    if (!spec.ok()) return spec.error();
    auto normalized = NormalizedInput(model, operation, **spec, input);
    if (!normalized.ok()) return normalized.error();
    const ShapeRef input_shape = InputRef(model, **spec);
    auto host_prefix = ExpandHostPrefix(**spec, input_shape, *normalized, endpoint);
    if (!host_prefix.ok()) return host_prefix.error().prefixed(std::string(operation) + ": ");
    auto url = RequestUrl(endpoint, *host_prefix, HttpTrait(**spec, "requestUri", "/"));
    if (!url.ok()) return url.error();
    HttpRequest request;
    request.method = HttpTrait(**spec, "method", "POST");
    request.url = std::move(*url);
    request.headers = {{"X-Amz-Target", model.target_prefix() + "." + std::string(operation)},
                       {"Content-Type", "application/x-amz-json-" + model.json_version()}};
    const Json body = input_shape.valid() ? JsonFromInput(model, input_shape, *normalized) : Json::object();
    request.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    return request;
  }

  base::Result<Json> parse_output(const ServiceModel& model, std::string_view operation,
                                  const HttpResponse& response) const override {
    auto spec = FindOperation(model, operation);
    if (!spec.ok()) return spec.error();
    const ShapeRef output = OutputRef(model, **spec);
    if (!output.valid()) return Json::object();
    auto body = ParseJsonBody(model, operation, response.body);
    if (!body.ok()) return body.error();
    return JsonToOutput(model, operation, output, *body);
  }

  base::Error parse_error(const ServiceModel& model, std::string_view operation,
                          const HttpResponse& response) const override {
    if (IsGenericErrorResponse(response)) return ServiceError(model, operation, response, "", "", "");
    JsonErrorBody fields = ParseJsonError(response, /*header_first=*/false);
    return ServiceError(model, operation, response, std::move(fields.code), std::move(fields.message), "");
  }
};

}  // namespace

const Protocol& JsonProtocol() {
  static const JsonRpc protocol;
  return protocol;
}

}  // namespace posture::aws
