#include "aws/protocols/xml_parser.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "aws/json.h"
#include "aws/protocols/common.h"

namespace posture::aws {
namespace {

using Elements = std::vector<pugi::xml_node>;

bool IsElement(const pugi::xml_node& node) { return node.type() == pugi::node_element; }

// The XML element name of a structure member (botocore _member_key_name):
// a flattened list is named by its element's locationName when it has one.
std::string_view XmlMemberName(const ServiceModel& model, const ShapeRef& member, std::string_view member_name) {
  if (member.type() == "list" && member.flag("flattened")) {
    const ShapeRef element = ListMember(model, member);
    if (const std::string_view name = element.text_trait("locationName"); !name.empty()) return name;
  }
  if (const std::string_view name = member.text_trait("locationName"); !name.empty()) return name;
  return member_name;
}

bool IsHttpBound(const ShapeRef& member) {
  const std::string_view location = member.text_trait("location");
  return location == "header" || location == "headers" || location == "statusCode";
}

// Walks nodes and shapes; the first failure records a message and stops.
class XmlReader {
 public:
  explicit XmlReader(const ServiceModel& model) : model_(model) {}

  bool value(const ShapeRef& shape, const Elements& nodes, Json& out) {
    const std::string_view type = shape.type();
    if (type == "list") return list(shape, nodes, out);
    if (type == "map") return map(shape, nodes, out);
    if (nodes.empty()) return true;
    if (type == "structure") return structure(shape, nodes.front(), out);
    return scalar(shape, nodes.front(), out);
  }

  const std::string& error() const { return error_; }

 private:
  bool fail(const pugi::xml_node& node, const std::string& what) {
    error_ = "unexpected value in <" + std::string(LocalName(node)) + ">: " + what;
    return false;
  }

  bool structure(const ShapeRef& shape, const pugi::xml_node& node, Json& out) {
    out = Json::object();
    std::vector<std::pair<std::string_view, pugi::xml_node>> children;
    for (const pugi::xml_node& child : node.children()) {
      if (IsElement(child)) children.emplace_back(LocalName(child), child);
    }
    std::stable_sort(children.begin(), children.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [name, ref] : shape.members().items()) {
      const ShapeRef member = ResolveShape(model_, ref);
      if (IsHttpBound(member)) continue;
      if (member.flag("xmlAttribute")) {
        attribute(member, node, name, out);
        continue;
      }
      const std::string_view xml_name = XmlMemberName(model_, member, name);
      auto range = std::equal_range(children.begin(), children.end(), std::make_pair(xml_name, pugi::xml_node()),
                                    [](const auto& a, const auto& b) { return a.first < b.first; });
      if (range.first == range.second) continue;
      Elements nodes;
      for (auto it = range.first; it != range.second; ++it) nodes.push_back(it->second);
      Json parsed;
      if (!value(member, nodes, parsed)) return false;
      if (!parsed.is_null()) out[name] = std::move(parsed);
    }
    return true;
  }

  void attribute(const ShapeRef& member, const pugi::xml_node& node, const std::string& name, Json& out) {
    const std::string_view wanted = member.text_trait("locationName");
    const size_t colon = wanted.find(':');
    const std::string_view local = colon == std::string_view::npos ? wanted : wanted.substr(colon + 1);
    for (const pugi::xml_attribute& attr : node.attributes()) {
      const std::string_view attr_name = attr.name();
      const size_t attr_colon = attr_name.find(':');
      const std::string_view attr_local =
          attr_colon == std::string_view::npos ? attr_name : attr_name.substr(attr_colon + 1);
      if (attr_name == wanted || (attr_local == local && attr_name.starts_with("xmlns") == false)) {
        out[name] = ToValidUtf8(attr.value());
        return;
      }
    }
  }

  // `nodes` are the list's items when it is flattened, else the one wrapper.
  bool list(const ShapeRef& shape, const Elements& nodes, Json& out) {
    out = Json::array();
    Elements items;
    if (shape.flag("flattened")) {
      items = nodes;
    } else if (!nodes.empty()) {
      for (const pugi::xml_node& child : nodes.front().children()) {
        if (IsElement(child)) items.push_back(child);
      }
    }
    const ShapeRef element = ListMember(model_, shape);
    for (const pugi::xml_node& item : items) {
      Json parsed;
      if (!value(element, {item}, parsed)) return false;
      out.push_back(std::move(parsed));
    }
    return true;
  }

  bool map(const ShapeRef& shape, const Elements& nodes, Json& out) {
    out = Json::object();
    Elements entries;
    if (shape.flag("flattened")) {
      entries = nodes;
    } else if (!nodes.empty()) {
      for (const pugi::xml_node& child : nodes.front().children()) {
        if (IsElement(child)) entries.push_back(child);
      }
    }
    const ShapeRef key_shape = MapKey(model_, shape);
    const ShapeRef value_shape = MapValue(model_, shape);
    std::string_view key_name = key_shape.text_trait("locationName");
    std::string_view value_name = value_shape.text_trait("locationName");
    if (key_name.empty()) key_name = "key";
    if (value_name.empty()) value_name = "value";
    for (const pugi::xml_node& entry : entries) {
      const pugi::xml_node key_node = ChildElement(entry, key_name);
      if (!key_node) return fail(entry, "map entry without <" + std::string(key_name) + ">");
      Json parsed;
      const pugi::xml_node value_node = ChildElement(entry, value_name);
      if (value_node && !value(value_shape, {value_node}, parsed)) return false;
      out[ToValidUtf8(TextOf(key_node))] = std::move(parsed);
    }
    return true;
  }

  bool scalar(const ShapeRef& shape, const pugi::xml_node& node, Json& out) {
    const std::string text = TextOf(node);
    auto parsed = ScalarFromText(shape, text);
    if (!parsed) return fail(node, "\"" + BodySnippet(text) + "\" is not a valid " + std::string(shape.type()));
    out = std::move(*parsed);
    return true;
  }

  const ServiceModel& model_;
  std::string error_;
};

std::string FirstText(const pugi::xml_node& parent, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (const pugi::xml_node child = ChildElement(parent, name)) return TextOf(child);
  }
  return {};
}

}  // namespace

base::Status ParseXmlBody(const ServiceModel& model, std::string_view operation, std::string_view body,
                          pugi::xml_document& doc) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return ParseFailure(model, operation, "empty response body where XML was expected");
  }
  const pugi::xml_parse_result result =
      doc.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    return ParseFailure(model, operation,
                        std::string("malformed XML in response (") + result.description() + " at offset " +
                            std::to_string(result.offset) + "): " + BodySnippet(body));
  }
  const pugi::xml_node root = doc.document_element();
  if (!root) return ParseFailure(model, operation, "XML response has no root element");
  std::string root_name(LocalName(root));
  for (char& c : root_name) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  // A proxy or captive portal answered: well-formed HTML would otherwise
  // parse as an empty result.
  if (root_name == "html") return ParseFailure(model, operation, "an HTML page instead of XML: " + BodySnippet(body));
  return base::Ok{};
}

std::string_view LocalName(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node ChildElement(const pugi::xml_node& parent, std::string_view name) {
  for (const pugi::xml_node& child : parent.children()) {
    if (IsElement(child) && LocalName(child) == name) return child;
  }
  return {};
}

std::string TextOf(const pugi::xml_node& node) {
  std::string text;
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
  }
  return text;
}

base::Result<Json> XmlToJson(const ServiceModel& model, std::string_view operation, const ShapeRef& shape,
                             const pugi::xml_node& node) {
  XmlReader reader(model);
  Json out;
  if (!reader.value(shape, {node}, out)) return ParseFailure(model, operation, reader.error());
  if (out.is_null() && shape.type() == "structure") out = Json::object();
  return out;
}

std::optional<XmlErrorBody> ParseXmlError(std::string_view body) {
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8)) return std::nullopt;
  const pugi::xml_node root = doc.document_element();
  if (!root) return std::nullopt;
  pugi::xml_node error = LocalName(root) == "Error" ? root : ChildElement(root, "Error");
  if (!error) error = ChildElement(ChildElement(root, "Errors"), "Error");
  if (!error) return std::nullopt;
  XmlErrorBody out;
  out.code = FirstText(error, {"Code"});
  out.message = FirstText(error, {"Message", "message"});
  out.request_id = FirstText(root, {"RequestId", "RequestID", "requestId"});
  if (out.request_id.empty()) out.request_id = FirstText(error, {"RequestId", "RequestID", "requestId"});
  return out;
}

base::Error XmlResponseError(const ServiceModel& model, std::string_view operation, const HttpResponse& response) {
  if (!IsGenericErrorResponse(response)) {
    if (auto fields = ParseXmlError(response.body)) {
      return ServiceError(model, operation, response, std::move(fields->code), std::move(fields->message),
                          std::move(fields->request_id));
    }
  }
  std::string message;
  if (!IsGenericErrorResponse(response) && response.body.find_first_not_of(" \t\r\n") != std::string::npos) {
    const std::string_view reason = ReasonPhrase(response.status);
    message = "HTTP " + std::to_string(response.status) + (reason.empty() ? "" : " " + std::string(reason)) +
              " with an unrecognised body: " + BodySnippet(response.body);
  }
  return ServiceError(model, operation, response, "", std::move(message), "");
}

}  // namespace posture::aws
