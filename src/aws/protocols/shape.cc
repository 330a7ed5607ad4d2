#include "aws/protocols/shape.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>

#include "aws/json.h"
#include "aws/protocols/timestamp.h"

namespace posture::aws {
namespace {

const Json& EmptyObject() {
  static const Json empty = Json::object();
  return empty;
}

const Json* Find(const Json* object, std::string_view key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  auto it = object->find(std::string(key));
  return it == object->end() ? nullptr : &*it;
}

ShapeRef ResolveChild(const ServiceModel& model, const ShapeRef& parent, const char* key) {
  const Json* ref = Find(&parent.shape(), key);
  return ref == nullptr ? ShapeRef() : ResolveShape(model, *ref);
}

std::string RandomUuid() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  const uint64_t hi = (engine() & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  const uint64_t lo = (engine() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char buffer[40];
  std::snprintf(buffer, sizeof(buffer), "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(hi >> 32), static_cast<unsigned long long>((hi >> 16) & 0xFFFF),
                static_cast<unsigned long long>(hi & 0xFFFF), static_cast<unsigned long long>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buffer;
}

std::string Describe(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  constexpr size_t kMaxShown = 60;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return std::string(value.type_name()) + " " + text;
}

// Recursive validation; the first problem found ends the walk.
class Normalizer {
 public:
  Normalizer(const ServiceModel& model, std::string_view operation) : model_(model), operation_(operation) {}

  bool run(const ShapeRef& shape, const Json& value, const std::string& path, Json& out) {
    const std::string_view type = shape.type();
    if (shape.is_document()) {
      out = value;
      return true;
    }
    if (type == "structure") return structure(shape, value, path, out);
    if (type == "list") return list(shape, value, path, out);
    if (type == "map") return map(shape, value, path, out);
    if (type == "string" || type == "blob") return string(value, path, type, out);
    if (type == "boolean") return boolean(value, path, out);
    if (type == "integer" || type == "long") return integer(value, path, type, out);
    if (type == "float" || type == "double") return floating(value, path, type, out);
    if (type == "timestamp") return timestamp(value, path, out);
    return fail(path, "has a shape this client cannot serialize");
  }

  const std::string& error() const { return error_; }

 private:
  bool fail(const std::string& path, const std::string& what) {
    error_ = std::string(operation_) + ": parameter '" + path + "' " + what;
    return false;
  }
  bool wrong_type(const std::string& path, std::string_view expected, const Json& value) {
    error_ = std::string(operation_) + ": invalid type for parameter '" + path + "': expected " +
             std::string(expected) + ", got " + Describe(value);
    return false;
  }
  static std::string join_path(const std::string& path, std::string_view name) {
    return path.empty() ? std::string(name) : path + "." + std::string(name);
  }

  bool structure(const ShapeRef& shape, const Json& value, const std::string& path, Json& out) {
    if (!value.is_object()) return wrong_type(path.empty() ? "input" : path, "structure (object)", value);
    out = Json::object();
    const Json& members = shape.members();
    for (const auto& [name, item] : value.items()) {
      if (item.is_null()) continue;
      if (!members.contains(name)) {
        std::string valid;
        for (const auto& [member, ref] : members.items()) valid += (valid.empty() ? "" : ", ") + member;
        error_ = std::string(operation_) + ": unknown parameter '" + join_path(path, name) + "'" +
                 (valid.empty() ? std::string(", the input takes no parameters") : ", must be one of: " + valid);
        return false;
      }
      if (!run(MemberShape(model_, shape, name), item, join_path(path, name), out[name])) return false;
    }
    for (const auto& [name, ref] : members.items()) {
      if (out.contains(name) || !MemberShape(model_, shape, name).flag("idempotencyToken")) continue;
      out[name] = RandomUuid();
    }
    if (const Json* required = shape.trait("required"); required != nullptr && required->is_array()) {
      for (const Json& name : *required) {
        if (name.is_string() && !out.contains(name.get<std::string>())) {
          error_ = std::string(operation_) + ": missing required parameter '" +
                   join_path(path, name.get<std::string>()) + "'";
          return false;
        }
      }
    }
    if (shape.flag("union") && out.size() != 1) {
      return fail(path.empty() ? "input" : path, "must set exactly one member (it is a union)");
    }
    return true;
  }

  bool list(const ShapeRef& shape, const Json& value, const std::string& path, Json& out) {
    if (!value.is_array()) return wrong_type(path, "list (array)", value);
    out = Json::array();
    const ShapeRef element = ListMember(model_, shape);
    for (size_t i = 0; i < value.size(); ++i) {
      if (!run(element, value[i], path + "[" + std::to_string(i) + "]", out.emplace_back())) return false;
    }
    return true;
  }

  bool map(const ShapeRef& shape, const Json& value, const std::string& path, Json& out) {
    if (!value.is_object()) return wrong_type(path, "map (object)", value);
    out = Json::object();
    const ShapeRef element = MapValue(model_, shape);
    for (const auto& [key, item] : value.items()) {
      if (!run(element, item, join_path(path, key), out[key])) return false;
    }
    return true;
  }

  bool string(const Json& value, const std::string& path, std::string_view type, Json& out) {
    if (!value.is_string()) return wrong_type(path, type, value);
    out = value;
    return true;
  }

  bool boolean(const Json& value, const std::string& path, Json& out) {
    if (value.is_boolean()) {
      out = value;
      return true;
    }
    if (value.is_string() && (value == "true" || value == "false")) {
      out = value == "true";
      return true;
    }
    return wrong_type(path, "boolean", value);
  }

  bool integer(const Json& value, const std::string& path, std::string_view type, Json& out) {
    if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
      return wrong_type(path, type, value);
    }
    if (value.is_number_integer()) {
      out = value.get<int64_t>();
      return true;
    }
    if (value.is_number_float()) {
      const double d = value.get<double>();
      if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.0e18) {
        out = static_cast<int64_t>(d);
        return true;
      }
    }
    if (value.is_string()) {
      const std::string& text = value.get_ref<const std::string&>();
      int64_t parsed = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
      if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) {
        out = parsed;
        return true;
      }
    }
    return wrong_type(path, type, value);
  }

  bool floating(const Json& value, const std::string& path, std::string_view type, Json& out) {
    if (value.is_number()) {
      out = value.get<double>();
      return true;
    }
    if (value.is_string()) {
      const std::string& text = value.get_ref<const std::string&>();
      double parsed = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
      if (!text.empty() && ec == std::errc() && end == text.data() + text.size() && std::isfinite(parsed)) {
        out = parsed;
        return true;
      }
    }
    return wrong_type(path, type, value);
  }

  bool timestamp(const Json& value, const std::string& path, Json& out) {
    const auto time = WireTimestampFromJson(value);
    if (!time) return wrong_type(path, "timestamp (ISO 8601 string or epoch seconds)", value);
    out = *time;
    return true;
  }

  const ServiceModel& model_;
  std::string_view operation_;
  std::string error_;
};

}  // namespace

std::string_view ShapeRef::type() const {
  const Json* type = Find(shape_, "type");
  return (type != nullptr && type->is_string()) ? std::string_view(type->get_ref<const std::string&>())
                                                : std::string_view();
}

const Json& ShapeRef::shape() const { return shape_ != nullptr ? *shape_ : EmptyObject(); }

const Json* ShapeRef::trait(std::string_view name) const {
  if (const Json* value = Find(ref_, name)) return value;
  return Find(shape_, name);
}

std::string_view ShapeRef::text_trait(std::string_view name) const {
  const Json* value = trait(name);
  return (value != nullptr && value->is_string()) ? std::string_view(value->get_ref<const std::string&>())
                                                  : std::string_view();
}

bool ShapeRef::flag(std::string_view name) const {
  const Json* value = trait(name);
  return value != nullptr && value->is_boolean() && value->get<bool>();
}

const Json& ShapeRef::members() const {
  const Json* members = Find(shape_, "members");
  return (members != nullptr && members->is_object()) ? *members : EmptyObject();
}

bool ShapeRef::is_required(std::string_view member) const {
  const Json* required = Find(shape_, "required");
  if (required == nullptr || !required->is_array()) return false;
  for (const Json& name : *required) {
    if (name.is_string() && name.get_ref<const std::string&>() == member) return true;
  }
  return false;
}

bool ShapeRef::is_document() const {
  const Json* document = Find(shape_, "document");
  return document != nullptr && document->is_boolean() && document->get<bool>();
}

ShapeRef ResolveShape(const ServiceModel& model, const Json& ref) {
  const Json* name = Find(&ref, "shape");
  if (name == nullptr || !name->is_string()) return {};
  const Json* shape = model.shape(name->get_ref<const std::string&>());
  return shape == nullptr ? ShapeRef() : ShapeRef(&ref, shape);
}

ShapeRef MemberShape(const ServiceModel& model, const ShapeRef& structure, std::string_view name) {
  const Json* ref = Find(&structure.members(), name);
  return ref == nullptr ? ShapeRef() : ResolveShape(model, *ref);
}

ShapeRef ListMember(const ServiceModel& model, const ShapeRef& list) { return ResolveChild(model, list, "member"); }
ShapeRef MapKey(const ServiceModel& model, const ShapeRef& map) { return ResolveChild(model, map, "key"); }
ShapeRef MapValue(const ServiceModel& model, const ShapeRef& map) { return ResolveChild(model, map, "value"); }

ShapeRef InputRef(const ServiceModel& model, const Json& operation) {
  const Json* ref = Find(&operation, "input");
  return ref == nullptr ? ShapeRef() : ResolveShape(model, *ref);
}

ShapeRef OutputRef(const ServiceModel& model, const Json& operation) {
  const Json* ref = Find(&operation, "output");
  return ref == nullptr ? ShapeRef() : ResolveShape(model, *ref);
}

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    size_t length = 0;
    uint32_t min_code = 0;
    if (byte < 0x80) {
      out += text[i++];
      continue;
    }
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      min_code = 0x80;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      min_code = 0x800;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      min_code = 0x10000;
    }
    bool valid = length != 0 && i + length <= text.size();
    uint32_t code = length == 0 ? 0 : byte & (0xFF >> (length + 1));
    for (size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      code = (code << 6) | (next & 0x3F);
    }
    valid = valid && code >= min_code && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF);
    if (!valid) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::optional<Json> ScalarFromText(const ShapeRef& shape, std::string_view text) {
  const std::string_view type = shape.type();
  if (type == "string" || type.empty()) return Json(ToValidUtf8(text));
  if (type == "blob") return Json(ToValidUtf8(text));
  if (text.empty()) return Json(nullptr);
  if (type == "boolean") {
    return Json(text.size() == 4 && (text[0] | 0x20) == 't' && (text[1] | 0x20) == 'r' && (text[2] | 0x20) == 'u' &&
                (text[3] | 0x20) == 'e');
  }
  if (type == "integer" || type == "long") {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return Json(value);
  }
  if (type == "float" || type == "double") {
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return Json(value);
  }
  if (type == "timestamp") {
    const auto time = ParseWireTimestamp(text);
    if (!time) return std::nullopt;
    return Json(FormatIso8601(*time));
  }
  return std::nullopt;
}

base::Result<Json> NormalizeInput(const ServiceModel& model, std::string_view operation, const ShapeRef& shape,
                                  const Json& input) {
  if (!shape.valid()) {
    if (input.is_null() || (input.is_object() && input.empty())) return Json::object();
    return base::Error::InvalidInput(std::string(operation) + ": the operation takes no parameters");
  }
  const Json& value = input.is_null() ? EmptyObject() : input;
  Normalizer normalizer(model, operation);
  Json out;
  if (!normalizer.run(shape, value, "", out)) return base::Error::InvalidInput(normalizer.error());
  return out;
}

}  // namespace posture::aws
