#include "aws/json.h"
#include "aws/protocols/common.h"
#include "aws/protocols/query_params.h"
#include "aws/protocols/xml_parser.h"

namespace posture::aws {
namespace {

class Query : public Protocol {
 public:
  base::Result<HttpRequest> serialize(const ServiceModel& model, std::string_view operation, const Json& input,
                                      const Endpoint& endpoint) const override {
    auto spec = FindOperation(model, operation);
    if (!spec.ok()) return spec.error();
    auto normalized = NormalizedInput(model, operation, **spec, input);
    if (!normalized.ok()) return normalized.error();
    return BuildQueryRequest(model, QueryFlavor::kQuery, operation, **spec, *normalized, endpoint);
  }

  base::Result<Json> parse_output(const ServiceModel& model, std::string_view operation,
                                  const HttpResponse& response) const override {
    auto spec = FindOperation(model, operation);
    if (!spec.ok()) return spec.error();
    const ShapeRef output = OutputRef(model, **spec);
    if (!output.valid()) return Json::object();
    pugi::xml_document doc;
    if (auto parsed = ParseXmlBody(model, operation, response.body, doc); !parsed.ok()) return parsed.error();
    const pugi::xml_node root = doc.document_element();
    const std::string_view wrapper = output.text_trait("resultWrapper");
    if (wrapper.empty()) return XmlToJson(model, operation, output, root);
    if (const pugi::xml_node result = ChildElement(root, wrapper)) return XmlToJson(model, operation, output, result);
    // A well-formed response may leave out an empty result element.
    if (LocalName(root) == std::string(operation) + "Response") return Json::object();
    return ParseFailure(
        model, operation,
        "unexpected XML response <" + std::string(LocalName(root)) + ">: " + BodySnippet(response.body));
  }

  base::Error parse_error(const ServiceModel& model, std::string_view operation,
                          const HttpResponse& response) const override {
    return XmlResponseError(model, operation, response);
  }
};

}  // namespace

const Protocol& QueryProtocol() {
  static const Query protocol;
  return protocol;
}

}  // namespace posture::aws
