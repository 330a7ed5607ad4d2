// Reading IAM values: links to principals and policies, policy documents.
#include "iac/iam_model.h"

namespace posture::iac::iam_mapping {
namespace {

// Replaces reference markers inside a CloudFormation document by
// "${address.attribute}"; false when an unknown value (not a reference) remains.
bool ResolveMarkers(nlohmann::json& value) {
  if (const std::string* address = ReferencedAddress(value)) {
    const auto attribute = value.find("$attr");
    const bool named = attribute != value.end() && attribute->is_string();
    value = "${" + *address + "." + (named ? attribute->get<std::string>() : std::string("id")) + "}";
    return true;
  }
  if (IsUnknown(value)) return false;
  if (value.is_object() || value.is_array()) {
    for (auto& element : value) {
      if (!ResolveMarkers(element)) return false;
    }
  }
  return true;
}

// Compact JSON; invalid UTF-8 (never valid in a policy) is replaced, not thrown.
std::string Dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

const char* StructName(Kind kind) {
  switch (kind) {
    case Kind::kUser:
      return "IamUser";
    case Kind::kGroup:
      return "IamGroup";
    case Kind::kRole:
      return "IamRole";
  }
  return "IamUser";
}

std::string KnownText(const nlohmann::json& values, const char* key) {
  const nlohmann::json* value = Member(values, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

Link ReadLink(const nlohmann::json& value) {
  Link link;
  if (const std::string* address = ReferencedAddress(value)) {
    link.address = *address;
  } else if (value.is_string()) {
    link.literal = value.get<std::string>();
  }
  return link;
}

bool ReadLinks(const nlohmann::json& value, std::vector<Link>& out) {
  if (value.is_null()) return true;
  if (!value.is_array()) {
    Link link = ReadLink(value);
    if (link.unknown()) return false;
    out.push_back(std::move(link));
    return true;
  }
  bool known = true;
  for (const auto& element : value) {
    Link link = ReadLink(element);
    if (link.unknown()) {
      known = false;
      continue;
    }
    out.push_back(std::move(link));
  }
  return known;
}

std::string NormalisedPolicy(const std::string& text) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return parsed.is_discarded() ? text : Dump(parsed);
}

Document ReadDocument(const nlohmann::json& value) {
  Document document;
  if (value.is_null()) return document;
  if (IsUnknown(value) || ReferencedAddress(value) != nullptr) {
    document.unknown = true;
    if (const std::string* address = ReferencedAddress(value)) document.source = *address;
    return document;
  }
  if (value.is_string()) {
    if (!value.get_ref<const std::string&>().empty()) document.text = NormalisedPolicy(value.get<std::string>());
    return document;
  }
  nlohmann::json copy = value;
  if (!ResolveMarkers(copy)) {
    document.unknown = true;
    return document;
  }
  document.text = Dump(copy);
  return document;
}

}  // namespace posture::iac::iam_mapping
