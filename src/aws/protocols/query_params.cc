#include "aws/protocols/query_params.h"

#include "aws/json.h"
#include "aws/protocols/common.h"
#include "aws/protocols/timestamp.h"
#include "aws/url.h"
#include "base/encoding.h"
#include "base/hash.h"

namespace posture::aws {
namespace {

class QueryWriter {
 public:
  QueryWriter(const ServiceModel& model, QueryFlavor flavor, QueryParams& out)
      : model_(model), flavor_(flavor), out_(out) {}

  void value(const ShapeRef& shape, const Json& value, const std::string& prefix) {
    const std::string_view type = shape.type();
    if (type == "structure") return structure(shape, value, prefix);
    if (type == "list") return list(shape, value, prefix);
    if (type == "map") return map(shape, value, prefix);
    out_.emplace_back(prefix, scalar(shape, value));
  }

 private:
  // The name a member goes by (ec2: queryName, else the capitalised locationName).
  std::string serialized_name(const ShapeRef& shape, const std::string& fallback) const {
    if (flavor_ == QueryFlavor::kEc2) {
      if (const std::string_view query_name = shape.text_trait("queryName"); !query_name.empty()) {
        return std::string(query_name);
      }
      std::string name(shape.text_trait("locationName"));
      if (name.empty()) return fallback;
      if (name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
      return name;
    }
    const std::string_view name = shape.text_trait("locationName");
    return name.empty() ? fallback : std::string(name);
  }

  void structure(const ShapeRef& shape, const Json& value, const std::string& prefix) {
    for (const auto& [name, item] : value.items()) {
      const ShapeRef member = MemberShape(model_, shape, name);
      const std::string member_name = serialized_name(member, name);
      this->value(member, item, prefix.empty() ? member_name : prefix + "." + member_name);
    }
  }

  void list(const ShapeRef& shape, const Json& value, const std::string& prefix) {
    const ShapeRef element = ListMember(model_, shape);
    std::string list_prefix = prefix;
    if (flavor_ == QueryFlavor::kQuery) {
      if (value.empty()) {
        out_.emplace_back(prefix, "");  // the query protocol sends empty lists
        return;
      }
      if (!shape.flag("flattened")) {
        const std::string_view name = element.text_trait("locationName");
        list_prefix = prefix + "." + (name.empty() ? std::string("member") : std::string(name));
      } else if (const std::string_view name = element.text_trait("locationName"); !name.empty()) {
        const size_t dot = prefix.rfind('.');
        list_prefix = (dot == std::string::npos ? std::string() : prefix.substr(0, dot + 1)) + std::string(name);
      }
    }
    for (size_t i = 0; i < value.size(); ++i) {
      this->value(element, value[i], list_prefix + "." + std::to_string(i + 1));
    }
  }

  void map(const ShapeRef& shape, const Json& value, const std::string& prefix) {
    const std::string base = shape.flag("flattened") ? prefix : prefix + ".entry";
    const ShapeRef key_shape = MapKey(model_, shape);
    const ShapeRef value_shape = MapValue(model_, shape);
    const std::string key_name = serialized_name(key_shape, "key");
    const std::string value_name = serialized_name(value_shape, "value");
    size_t i = 0;
    for (const auto& [key, item] : value.items()) {
      const std::string entry = base + "." + std::to_string(++i) + ".";
      this->value(key_shape, key, entry + key_name);
      this->value(value_shape, item, entry + value_name);
    }
  }

  static std::string scalar(const ShapeRef& shape, const Json& value) {
    const std::string_view type = shape.type();
    if (type == "timestamp") {
      const std::string_view format = shape.text_trait("timestampFormat");
      const Json rendered = FormatWireTimestamp(value.get<EpochMicros>(), format.empty() ? "iso8601" : format);
      return rendered.is_string() ? rendered.get<std::string>() : rendered.dump();
    }
    if (type == "blob") return base::Base64Encode(value.get_ref<const std::string&>());
    if (value.is_string()) return value.get<std::string>();
    return value.dump();  // booleans as true/false, numbers in their shortest form
  }

  const ServiceModel& model_;
  QueryFlavor flavor_;
  QueryParams& out_;
};

constexpr char kFormContentType[] = "application/x-www-form-urlencoded; charset=utf-8";

}  // namespace

void AppendQueryParams(const ServiceModel& model, QueryFlavor flavor, const ShapeRef& shape, const Json& normalized,
                       QueryParams& out) {
  QueryWriter(model, flavor, out).value(shape, normalized, "");
}

base::Result<HttpRequest> BuildQueryRequest(const ServiceModel& model, QueryFlavor flavor, std::string_view operation,
                                            const Json& spec, const Json& normalized, const Endpoint& endpoint) {
  const ShapeRef input = InputRef(model, spec);
  auto host_prefix = ExpandHostPrefix(spec, input, normalized, endpoint);
  if (!host_prefix.ok()) return host_prefix.error().prefixed(std::string(operation) + ": ");
  auto url = RequestUrl(endpoint, *host_prefix, HttpTrait(spec, "requestUri", "/"));
  if (!url.ok()) return url.error();
  QueryParams params = {{"Action", std::string(operation)}, {"Version", model.api_version()}};
  if (input.valid()) AppendQueryParams(model, flavor, input, normalized, params);
  HttpRequest request;
  request.method = HttpTrait(spec, "method", "POST");
  request.url = std::move(*url);
  request.headers = {{"Content-Type", kFormContentType}};
  request.body = EncodeQuery(params);
  return request;
}

}  // namespace posture::aws
