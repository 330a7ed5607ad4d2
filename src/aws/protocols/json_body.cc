#include "aws/protocols/json_body.h"

#include <cmath>
#include <vector>

#include "aws/json.h"
#include "aws/protocols/common.h"
#include "aws/protocols/timestamp.h"
#include "base/encoding.h"
#include "base/hash.h"

namespace posture::aws {
namespace {

std::string WireName(const ShapeRef& member, const std::string& name) {
  const std::string_view location_name = member.text_trait("locationName");
  return location_name.empty() ? name : std::string(location_name);
}

std::string StripErrorCode(std::string code) {
  if (const size_t colon = code.find(':'); colon != std::string::npos) code.resize(colon);
  if (const size_t hash = code.rfind('#'); hash != std::string::npos) code.erase(0, hash + 1);
  return code;
}

std::string StringField(const Json& body, std::initializer_list<const char*> names) {
  if (!body.is_object()) return {};
  for (const char* name : names) {
    auto it = body.find(name);
    if (it != body.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
      return it->get<std::string>();
  }
  return {};
}

// Walks wire JSON and shapes; the first failure records the member path.
class JsonReader {
 public:
  explicit JsonReader(const ServiceModel& model) : model_(model) {}

  bool value(const ShapeRef& shape, const Json& wire, Json& out) {
    if (shape.is_document()) {
      out = wire;
      return true;
    }
    const std::string_view type = shape.type();
    if (type == "structure") return structure(shape, wire, out);
    if (type == "list") return list(shape, wire, out);
    if (type == "map") return map(shape, wire, out);
    return scalar(shape, wire, out);
  }

  std::string error() const {
    std::string path;
    for (const std::string& part : path_) path += part;
    return "unexpected value" + (path.empty() ? std::string() : " for '" + path + "'") + ": " + problem_;
  }

 private:
  bool fail(std::string_view expected, const Json& wire) {
    problem_ = "expected " + std::string(expected) + ", got " + BodySnippet(wire.dump());
    return false;
  }

  bool structure(const ShapeRef& shape, const Json& wire, Json& out) {
    if (!wire.is_object()) return fail("an object", wire);
    out = Json::object();
    for (const auto& [name, ref] : shape.members().items()) {
      const ShapeRef member = ResolveShape(model_, ref);
      auto it = wire.find(WireName(member, name));
      if (it == wire.end() || it->is_null()) continue;
      path_.push_back((path_.empty() ? "" : ".") + name);
      Json parsed;
      if (!value(member, *it, parsed)) return false;
      path_.pop_back();
      if (!parsed.is_null()) out[name] = std::move(parsed);
    }
    return true;
  }

  bool list(const ShapeRef& shape, const Json& wire, Json& out) {
    if (!wire.is_array()) return fail("an array", wire);
    out = Json::array();
    const ShapeRef element = ListMember(model_, shape);
    for (size_t i = 0; i < wire.size(); ++i) {
      path_.push_back("[" + std::to_string(i) + "]");
      Json parsed;
      if (!wire[i].is_null() && !value(element, wire[i], parsed)) return false;
      path_.pop_back();
      out.push_back(std::move(parsed));
    }
    return true;
  }

  bool map(const ShapeRef& shape, const Json& wire, Json& out) {
    if (!wire.is_object()) return fail("an object", wire);
    out = Json::object();
    const ShapeRef element = MapValue(model_, shape);
    for (const auto& [key, item] : wire.items()) {
      path_.push_back("." + key);
      Json parsed;
      if (!item.is_null() && !value(element, item, parsed)) return false;
      path_.pop_back();
      out[key] = std::move(parsed);
    }
    return true;
  }

  bool scalar(const ShapeRef& shape, const Json& wire, Json& out) {
    const std::string_view type = shape.type();
    if (type == "timestamp") {
      const auto time = WireTimestampFromJson(wire);
      if (!time) return fail("a timestamp", wire);
      out = FormatIso8601(*time);
      return true;
    }
    if (wire.is_string()) {
      auto parsed = ScalarFromText(shape, wire.get_ref<const std::string&>());
      if (!parsed) return fail(type, wire);
      out = std::move(*parsed);
      return true;
    }
    if (type == "string" || type == "blob") {
      if (!wire.is_primitive()) return fail("a string", wire);
      out = wire.dump();
      return true;
    }
    if (type == "boolean") {
      if (!wire.is_boolean()) return fail("a boolean", wire);
      out = wire;
      return true;
    }
    if (type == "integer" || type == "long") {
      if (wire.is_number_integer()) {
        out = wire.get<int64_t>();
        return true;
      }
      if (wire.is_number_float() && std::trunc(wire.get<double>()) == wire.get<double>() &&
          std::fabs(wire.get<double>()) < 9.0e18) {
        out = static_cast<int64_t>(wire.get<double>());
        return true;
      }
      return fail(type, wire);
    }
    if (type == "float" || type == "double") {
      if (!wire.is_number()) return fail(type, wire);
      out = wire.get<double>();
      return true;
    }
    out = wire;  // a shape we do not know: keep what the service sent
    return true;
  }

  const ServiceModel& model_;
  std::vector<std::string> path_;
  std::string problem_;
};

}  // namespace

Json JsonFromInput(const ServiceModel& model, const ShapeRef& shape, const Json& normalized) {
  if (shape.is_document()) return normalized;
  const std::string_view type = shape.type();
  if (type == "structure") {
    Json out = Json::object();
    for (const auto& [name, value] : normalized.items()) {
      const ShapeRef member = MemberShape(model, shape, name);
      out[WireName(member, name)] = JsonFromInput(model, member, value);
    }
    return out;
  }
  if (type == "list") {
    Json out = Json::array();
    const ShapeRef element = ListMember(model, shape);
    for (const Json& item : normalized) out.push_back(JsonFromInput(model, element, item));
    return out;
  }
  if (type == "map") {
    Json out = Json::object();
    const ShapeRef element = MapValue(model, shape);
    for (const auto& [key, value] : normalized.items()) out[key] = JsonFromInput(model, element, value);
    return out;
  }
  if (type == "timestamp") {
    const std::string_view format = shape.text_trait("timestampFormat");
    return FormatWireTimestamp(normalized.get<EpochMicros>(), format.empty() ? "unixTimestamp" : format);
  }
  if (type == "blob") return base::Base64Encode(normalized.get_ref<const std::string&>());
  return normalized;
}

base::Result<Json> ParseJsonBody(const ServiceModel& model, std::string_view operation, std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return Json::object();
  Json parsed = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return ParseFailure(model, operation, "malformed JSON in response: " + BodySnippet(body));
  return parsed;
}

base::Result<Json> JsonToOutput(const ServiceModel& model, std::string_view operation, const ShapeRef& shape,
                                const Json& wire) {
  JsonReader reader(model);
  Json out;
  if (!reader.value(shape, wire, out)) return ParseFailure(model, operation, reader.error());
  return out;
}

JsonErrorBody ParseJsonError(const HttpResponse& response, bool header_first) {
  JsonErrorBody out;
  Json body = Json::object();
  const std::string_view text = response.body;
  if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    body = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object()) {
      out.message = BodySnippet(text);
      body = Json::object();
    }
  }
  const std::string* header = response.header("x-amzn-ErrorType");
  const std::string from_body = StringField(body, {"__type", "code", "Code"});
  if (header_first) {
    out.code = header != nullptr && !header->empty() ? *header : from_body;
  } else {
    out.code = !from_body.empty() ? from_body : (header != nullptr ? *header : std::string());
  }
  out.code = StripErrorCode(std::move(out.code));
  if (const std::string* query_error = response.header("x-amzn-query-error")) {
    const size_t semicolon = query_error->find(';');
    if (semicolon != std::string::npos && semicolon > 0) out.code = query_error->substr(0, semicolon);
  }
  if (const std::string message = StringField(body, {"message", "Message", "errorMessage"}); !message.empty()) {
    out.message = message;
  }
  return out;
}

}  // namespace posture::aws
