#include "iac/storage_values.h"

#include <algorithm>
#include <cctype>

namespace posture::iac::storage {

Setting<bool> ReadBool(const Json& values, std::string_view key, bool fallback) {
  Setting<bool> out{fallback};
  const Json* value = Member(values, key);
  if (value == nullptr) return out;
  if (IsMarker(*value)) {
    out.unknown = true;
    return out;
  }
  if (value->is_boolean()) {
    out.value = value->get<bool>();
    out.present = true;
  } else if (value->is_string()) {
    std::string text = value->get<std::string>();
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    if (text == "true" || text == "false") {
      out.value = text == "true";
      out.present = true;
    } else {
      out.unknown = true;  // not a boolean AWS would accept: we cannot say what it becomes
    }
  }
  return out;
}

Setting<std::string> ReadString(const Json& values, std::string_view key) {
  Setting<std::string> out;
  const Json* value = Member(values, key);
  if (value == nullptr) return out;
  if (IsMarker(*value)) {
    out.unknown = true;
  } else if (value->is_string()) {
    out.value = value->get<std::string>();
    out.present = true;
  } else if (value->is_boolean() || value->is_number()) {
    out.value = value->dump();
    out.present = true;
  }
  return out;
}

std::vector<std::string> ReadStrings(const Json* list, bool& unknown) {
  std::vector<std::string> out;
  if (list == nullptr) return out;
  if (IsMarker(*list)) {
    unknown = true;
    return out;
  }
  if (list->is_string()) return {list->get<std::string>()};
  if (!list->is_array()) return out;
  for (const auto& item : *list) {
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    } else if (IsMarker(item)) {
      unknown = true;
    }
  }
  return out;
}

Setting<inventory::Tags> ReadTags(const Resource& resource, std::string_view cloudformation_key) {
  Setting<inventory::Tags> out;
  const Json* tags = nullptr;
  if (IsTerraform(resource)) {
    // tags_all adds the provider's default_tags: what AWS will hold.
    tags = Member(resource.values, "tags_all");
    if (tags == nullptr || IsMarker(*tags)) tags = Member(resource.values, "tags");
  } else {
    tags = Member(resource.values, cloudformation_key);
  }
  if (tags == nullptr) return out;
  out.present = true;
  if (IsMarker(*tags)) {
    out.unknown = true;
  } else if (tags->is_object()) {
    for (const auto& [key, value] : tags->items()) {
      if (value.is_string()) {
        out.value[key] = value.get<std::string>();
      } else if (IsMarker(value)) {
        out.unknown = true;
      }
    }
  } else if (tags->is_array()) {
    for (const auto& tag : *tags) {
      const Setting<std::string> key = ReadString(tag, "Key");
      const Setting<std::string> value = ReadString(tag, "Value");
      if (key.unknown || value.unknown) {
        out.unknown = true;
      } else if (key.present) {
        out.value[key.value] = value.value;
      }
    }
  }
  return out;
}

namespace {

// Replaces reference markers in `value`; false when an opaque unknown remains.
bool ResolveMarkers(Json& value, const std::function<std::string(const Json&)>& resolve) {
  if (IsOpaqueUnknown(value)) return false;
  if (ReferencedAddress(value) != nullptr) {
    value = resolve(value);
    return true;
  }
  if (value.is_object() || value.is_array()) {
    for (auto& item : value) {
      if (!ResolveMarkers(item, resolve)) return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> PolicyText(const Json& document, const std::function<std::string(const Json&)>& resolve) {
  if (IsMarker(document)) return std::nullopt;
  if (document.is_string()) {
    const std::string& text = document.get_ref<const std::string&>();
    Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return text;  // the check says it cannot read it
    return parsed.dump();
  }
  Json copy = document;
  if (!ResolveMarkers(copy, resolve)) return std::nullopt;
  return copy.dump();
}

}  // namespace posture::iac::storage
