#include "aws/json.h"
#include "aws/protocols/common.h"
#include "aws/protocols/query_params.h"
#include "aws/protocols/xml_parser.h"
#include "base/encoding.h"
#include "base/hash.h"

namespace posture::aws {
namespace {

class Ec2 : public Protocol {
 public:
  base::Result<HttpRequest> serialize(const ServiceModel& model, std::string_view operation, const Json& input,
                                      const Endpoint& endpoint) const override {
    auto spec = FindOperation(model, operation);
    if (!spec.ok()) return spec.error();
    auto normalized = NormalizedInput(model, operation, **spec, input);
    if (!normalized.ok()) return normalized.error();
    // botocore base64-encodes RunInstances' UserData for the caller.
    if (operation == "RunInstances" && normalized->contains("UserData")) {
      Json& user_data = (*normalized)["UserData"];
      user_data = base::Base64Encode(user_data.get_ref<const std::string&>());
    }
    return BuildQueryRequest(model, QueryFlavor::kEc2, operation, **spec, *normalized, endpoint);
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
    if (LocalName(root) != std::string(operation) + "Response") {
      return ParseFailure(
          model, operation,
          "unexpected XML response <" + std::string(LocalName(root)) + ">: " + BodySnippet(response.body));
    }
    return XmlToJson(model, operation, output, root);
  }

  base::Error parse_error(const ServiceModel& model, std::string_view operation,
                          const HttpResponse& response) const override {
    return XmlResponseError(model, operation, response);
  }
};

}  // namespace

const Protocol& Ec2Protocol() {
  static const Ec2 protocol;
  return protocol;
}

}  // namespace posture::aws
