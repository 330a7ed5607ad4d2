#include "aws/protocols/xml_writer.h"

#include <pugixml.hpp>
#include <sstream>

#include "aws/json.h"
#include "aws/protocols/timestamp.h"
#include "base/encoding.h"
#include "base/hash.h"

namespace posture::aws {
namespace {

void AddNamespace(const ShapeRef& shape, pugi::xml_node node) {
  const Json* ns = shape.trait("xmlNamespace");
  if (ns == nullptr) return;
  if (ns->is_string()) {
    node.append_attribute("xmlns") = ns->get_ref<const std::string&>().c_str();
    return;
  }
  if (!ns->is_object() || !ns->contains("uri") || !(*ns)["uri"].is_string()) return;
  std::string attribute = "xmlns";
  if (auto prefix = ns->find("prefix");
      prefix != ns->end() && prefix->is_string() && !prefix->get_ref<const std::string&>().empty()) {
    attribute += ":" + prefix->get<std::string>();
  }
  node.append_attribute(attribute.c_str()) = (*ns)["uri"].get_ref<const std::string&>().c_str();
}

std::string ScalarText(const ShapeRef& shape, const Json& value) {
  const std::string_view type = shape.type();
  if (type == "timestamp") {
    const std::string_view format = shape.text_trait("timestampFormat");
    const Json rendered = FormatWireTimestamp(value.get<EpochMicros>(), format.empty() ? "iso8601" : format);
    return rendered.is_string() ? rendered.get<std::string>() : rendered.dump();
  }
  if (type == "blob") return base::Base64Encode(value.get_ref<const std::string&>());
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

class XmlWriter {
 public:
  explicit XmlWriter(const ServiceModel& model) : model_(model) {}

  void value(const ShapeRef& shape, const Json& value, pugi::xml_node parent, const std::string& name) {
    const std::string_view type = shape.type();
    if (type == "structure") return structure(shape, value, parent, name);
    if (type == "list") return list(shape, value, parent, name);
    if (type == "map") return map(shape, value, parent, name);
    pugi::xml_node node = parent.append_child(name.c_str());
    node.text().set(ScalarText(shape, value).c_str());
    AddNamespace(shape, node);
  }

 private:
  static std::string element_name_for(const ShapeRef& shape, const std::string& fallback) {
    const std::string_view name = shape.text_trait("locationName");
    return name.empty() ? fallback : std::string(name);
  }

  void structure(const ShapeRef& shape, const Json& value, pugi::xml_node parent, const std::string& name) {
    pugi::xml_node node = parent.append_child(name.c_str());
    AddNamespace(shape, node);
    for (const auto& [member_name, item] : value.items()) {
      const ShapeRef member = MemberShape(model_, shape, member_name);
      const std::string element = element_name_for(member, member_name);
      if (member.flag("xmlAttribute")) {
        node.append_attribute(element.c_str()) = ScalarText(member, item).c_str();
        continue;
      }
      this->value(member, item, node, element);
    }
  }

  void list(const ShapeRef& shape, const Json& value, pugi::xml_node parent, const std::string& name) {
    const ShapeRef element = ListMember(model_, shape);
    pugi::xml_node list_node = parent;
    std::string element_name = name;
    if (!shape.flag("flattened")) {
      list_node = parent.append_child(name.c_str());
      element_name = element_name_for(element, "member");
    }
    AddNamespace(shape, list_node);
    for (const Json& item : value) this->value(element, item, list_node, element_name);
  }

  void map(const ShapeRef& shape, const Json& value, pugi::xml_node parent, const std::string& name) {
    const bool flattened = shape.flag("flattened");
    pugi::xml_node map_node = parent;
    if (!flattened) {
      map_node = parent.append_child(name.c_str());
      AddNamespace(shape, map_node);
    }
    const ShapeRef key_shape = MapKey(model_, shape);
    const ShapeRef value_shape = MapValue(model_, shape);
    const std::string key_name = element_name_for(key_shape, "key");
    const std::string value_name = element_name_for(value_shape, "value");
    for (const auto& [key, item] : value.items()) {
      pugi::xml_node entry = map_node.append_child(flattened ? name.c_str() : "entry");
      this->value(key_shape, key, entry, key_name);
      this->value(value_shape, item, entry, value_name);
    }
  }

  const ServiceModel& model_;
};

}  // namespace

std::string XmlFromInput(const ServiceModel& model, const ShapeRef& shape, const Json& normalized,
                         std::string_view root_name) {
  pugi::xml_document doc;
  XmlWriter(model).value(shape, normalized, doc, std::string(root_name));
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace posture::aws
