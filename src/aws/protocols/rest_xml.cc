#include "aws/json.h"
#include "aws/protocols/common.h"
#include "aws/protocols/rest.h"
#include "aws/protocols/xml_parser.h"
#include "aws/protocols/xml_writer.h"
#include "base/encoding.h"
#include "base/hash.h"

namespace posture::aws {
namespace {

constexpr std::string_view kBucketLabel = "/{Bucket}";
constexpr size_t kMinBucketName = 3;
constexpr size_t kMaxBucketName = 63;
constexpr size_t kMaxLegacyBucketName = 255;

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// botocore handlers.validate_bucket_name (access point ARNs aside).
bool IsValidBucketName(std::string_view name) {
  if (name.empty() || name.size() > kMaxLegacyBucketName) return false;
  for (char c : name) {
    if (!(IsLowerAlnum(c) || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '_')) return false;
  }
  return true;
}

// botocore utils.check_dns_name: names that can be a host label (no dots,
// which would also break the wildcard TLS certificate).
bool IsDnsCompatibleBucket(std::string_view name) {
  if (name.size() < kMinBucketName || name.size() > kMaxBucketName) return false;
  if (!IsLowerAlnum(name.front()) || !IsLowerAlnum(name.back())) return false;
  for (char c : name) {
    if (!(IsLowerAlnum(c) || c == '-')) return false;
  }
  return true;
}

bool ChecksumRequired(const Json& spec) {
  if (FlagOf(spec, "httpChecksumRequired")) return true;
  auto checksum = spec.find("httpChecksum");
  return checksum != spec.end() && FlagOf(*checksum, "requestChecksumRequired");
}

bool IsRawPayload(const ShapeRef& member) { return member.type() == "blob" || member.type() == "string"; }

class RestXml : public Protocol {
 public:
  base::Result<HttpRequest> serialize(const ServiceModel& model, std::string_view operation, const Json& input,
                                      const Endpoint& endpoint) const override {
    auto spec = FindOperation(model, operation);
    if (!spec.ok()) return spec.error();
    auto normalized = NormalizedInput(model, operation, **spec, input);
    if (!normalized.ok()) return normalized.error();
    const ShapeRef input_shape = InputRef(model, **spec);
    std::string request_uri = HttpTrait(**spec, "requestUri", "/");
    auto host_prefix = ExpandHostPrefix(**spec, input_shape, *normalized, endpoint);
    if (!host_prefix.ok()) return host_prefix.error().prefixed(std::string(operation) + ": ");

    if (model.name() == "s3" && normalized->contains("Bucket")) {
      const std::string& bucket = (*normalized)["Bucket"].get_ref<const std::string&>();
      if (!IsValidBucketName(bucket)) {
        return base::Error::InvalidInput(std::string(operation) + ": invalid bucket name '" + bucket +
                                         "': only letters, digits, '.', '-' and '_', at most 255 characters");
      }
      // Virtual-hosted addressing unless the caller or the name rules it out.
      if (!endpoint.custom && !endpoint.s3_path_style && IsDnsCompatibleBucket(bucket) &&
          request_uri.starts_with(kBucketLabel)) {
        request_uri.erase(0, kBucketLabel.size());
        *host_prefix = bucket + "." + *host_prefix;
      }
    }

    auto parts = BindRestInput(model, operation, input_shape, *normalized, request_uri);
    if (!parts.ok()) return parts.error();
    auto url = RequestUrl(endpoint, *host_prefix, parts->path_and_query);
    if (!url.ok()) return url.error();

    HttpRequest request;
    request.method = HttpTrait(**spec, "method", "POST");
    request.url = std::move(*url);
    request.headers = std::move(parts->headers);
    const std::string payload(input_shape.text_trait("payload"));
    if (!payload.empty()) {
      const ShapeRef member = MemberShape(model, input_shape, payload);
      if (auto value = normalized->find(payload); value != normalized->end()) {
        std::string root(member.text_trait("locationName"));
        if (root.empty()) root = payload;
        request.body = IsRawPayload(member) ? value->get<std::string>() : XmlFromInput(model, member, *value, root);
      }
    } else if (!parts->body.empty()) {
      std::string root(input_shape.text_trait("locationName"));
      if (root.empty()) root = std::string(operation) + "Request";
      request.body = XmlFromInput(model, input_shape, parts->body, root);
    }
    if (ChecksumRequired(**spec) && request.header("Content-MD5") == nullptr) {
      request.headers.emplace_back("Content-MD5", base::Md5Base64(request.body));
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
    if (model.name() == "s3" && operation == "GetBucketLocation") return bucket_location(model, operation, response);

    const std::string payload(output.text_trait("payload"));
    ShapeRef body_shape = output;
    if (!payload.empty()) {
      body_shape = MemberShape(model, output, payload);
      if (body_shape.type() == "blob") {
        (*out)[payload] = base::Base64Encode(response.body);
        return out;
      }
      if (body_shape.type() == "string") {
        (*out)[payload] = ToValidUtf8(response.body);
        return out;
      }
    }
    if (response.body.find_first_not_of(" \t\r\n") == std::string::npos) return out;
    pugi::xml_document doc;
    if (auto parsed = ParseXmlBody(model, operation, response.body, doc); !parsed.ok()) return parsed.error();
    auto members = XmlToJson(model, operation, body_shape, doc.document_element());
    if (!members.ok()) return members.error();
    if (!payload.empty()) {
      (*out)[payload] = std::move(*members);
      return out;
    }
    for (auto& [name, value] : members->items()) (*out)[name] = std::move(value);
    return out;
  }

  base::Error parse_error(const ServiceModel& model, std::string_view operation,
                          const HttpResponse& response) const override {
    base::Error error = XmlResponseError(model, operation, response);
    // S3 names the bucket's region when we asked the wrong one.
    const std::string* region = response.header("x-amz-bucket-region");
    if (model.name() != "s3" || region == nullptr || region->empty()) return error;
    if (response.status != 301 && response.status != 307 && response.status != 400) return error;
    base::Error with_region(error.kind(), error.message() + " (the bucket is in " + *region + ")");
    with_region.with_code(error.code()).with_request_id(error.request_id()).with_http_status(error.http_status());
    return with_region;
  }

 private:
  // GetBucketLocation cannot be modelled: the body is one element holding
  // the region. botocore gives None for us-east-1 (an empty element); we
  // give "". Legacy values such as "EU" are passed through.
  static base::Result<Json> bucket_location(const ServiceModel& model, std::string_view operation,
                                            const HttpResponse& response) {
    pugi::xml_document doc;
    if (auto parsed = ParseXmlBody(model, operation, response.body, doc); !parsed.ok()) return parsed.error();
    const pugi::xml_node root = doc.document_element();
    if (LocalName(root) != "LocationConstraint") {
      return ParseFailure(
          model, operation,
          "unexpected XML response <" + std::string(LocalName(root)) + ">: " + BodySnippet(response.body));
    }
    return Json{{"LocationConstraint", ToValidUtf8(TextOf(root))}};
  }
};

}  // namespace

const Protocol& RestXmlProtocol() {
  static const RestXml protocol;
  return protocol;
}

}  // namespace posture::aws
