#include <set>

#include "iac/terraform_internal.h"

namespace posture::iac::terraform {

namespace {

constexpr std::string_view kIgnoreTagPrefix = "posture:ignore:";

// The length of a raw JSON string (after its opening quote), or npos when it
// has an escape and must be unescaped by simdjson.
std::size_t PlainLength(const char* raw) {
  const char* p = raw;
  while (*p != '"' && *p != '\\') ++p;
  return *p == '"' ? static_cast<std::size_t>(p - raw) : std::string_view::npos;
}

}  // namespace

std::string_view KeyOf(od::field& field) {
  const char* raw = field.key().raw();
  std::size_t length = PlainLength(raw);
  if (length != std::string_view::npos) return {raw, length};
  return field.unescaped_key();
}

std::string_view StringOf(od::value value) {
  // A string token's raw text stays in the input: copy nothing when it has no escapes.
  std::string_view token = value.raw_json_token();
  if (!token.empty() && token.front() == '"') {
    std::size_t length = PlainLength(token.data() + 1);
    if (length != std::string_view::npos) {
      od::raw_json_string consumed = value.get_raw_json_string();
      (void)consumed;
      return {token.data() + 1, length};
    }
  }
  return value.get_string();
}

nlohmann::json ToJson(od::value value) {
  switch (value.type()) {
    case od::json_type::object: {
      nlohmann::json out = nlohmann::json::object();
      auto& members = out.get_ref<nlohmann::json::object_t&>();
      for (auto member : value.get_object()) {
        od::field field = std::move(member);
        std::string_view key = KeyOf(field);
        members.emplace_hint(members.end(), std::string(key), ToJson(field.value()));
      }
      return out;
    }
    case od::json_type::array: {
      nlohmann::json out = nlohmann::json::array();
      auto& items = out.get_ref<nlohmann::json::array_t&>();
      for (auto item : value.get_array()) items.push_back(ToJson(item.value()));
      return out;
    }
    case od::json_type::string:
      return std::string(StringOf(value));
    case od::json_type::number:
      switch (value.get_number_type()) {
        case od::number_type::signed_integer:
          return static_cast<std::int64_t>(value.get_int64());
        case od::number_type::unsigned_integer:
          return static_cast<std::uint64_t>(value.get_uint64());
        default:
          return static_cast<double>(value.get_double());
      }
    case od::json_type::boolean: {
      bool flag = false;
      if (value.get_bool().get(flag)) throw simdjson::simdjson_error(simdjson::T_ATOM_ERROR);
      return flag;
    }
    case od::json_type::null: {
      bool null = false;
      if (value.is_null().get(null) || !null) throw simdjson::simdjson_error(simdjson::N_ATOM_ERROR);
      return nullptr;
    }
  }
  throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
}

std::size_t OffsetOf(od::value& value, const char* base) {
  return static_cast<std::size_t>(value.raw_json_token().data() - base);
}

std::string IndexSuffix(const nlohmann::json& key) {
  if (key.is_number_unsigned()) return "[" + std::to_string(key.get<std::uint64_t>()) + "]";
  if (key.is_number_integer()) return "[" + std::to_string(key.get<std::int64_t>()) + "]";
  if (key.is_string()) {
    std::string out = "[\"";
    for (char c : key.get_ref<const std::string&>()) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"]";
  }
  return {};
}

std::string StripInstanceKeys(std::string_view module_address) {
  if (module_address.find('[') == std::string_view::npos) return std::string(module_address);
  std::string out;
  out.reserve(module_address.size());
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < module_address.size(); ++i) {
    char c = module_address[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
      continue;
    }
    if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (depth > 0 && c == '"') {
      quoted = true;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

std::string JoinAddress(std::string_view module_address, std::string_view relative) {
  std::string out(module_address);
  if (!out.empty()) out += '.';
  out += relative;
  return out;
}

std::vector<Suppression> TagSuppressions(const nlohmann::json& values) {
  std::vector<Suppression> out;
  if (!values.is_object()) return out;
  std::set<std::string> seen;
  for (const char* attribute : {"tags", "tags_all"}) {
    auto tags = values.find(attribute);
    if (tags == values.end() || !tags->is_object()) continue;
    for (const auto& [key, reason] : tags->items()) {
      if (key.size() <= kIgnoreTagPrefix.size() || key.compare(0, kIgnoreTagPrefix.size(), kIgnoreTagPrefix) != 0) {
        continue;
      }
      std::string check_id = key.substr(kIgnoreTagPrefix.size());
      if (!seen.insert(check_id).second) continue;
      out.push_back({std::move(check_id), reason.is_string() ? reason.get<std::string>() : std::string()});
    }
  }
  return out;
}

std::string RegionOfValues(const nlohmann::json& values) {
  if (!values.is_object()) return {};
  auto region = values.find("region");
  if (region != values.end() && region->is_string() && !region->get_ref<const std::string&>().empty()) {
    return region->get<std::string>();
  }
  auto arn = values.find("arn");
  if (arn == values.end() || !arn->is_string()) return {};
  // arn:partition:service:region:account:resource
  const std::string& text = arn->get_ref<const std::string&>();
  if (text.rfind("arn:", 0) != 0) return {};
  std::size_t start = 0;
  for (int colon = 0; colon < 3; ++colon) {
    start = text.find(':', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  std::size_t end = text.find(':', start);
  if (end == std::string::npos) return {};
  return text.substr(start, end - start);
}

void Emit(ReadContext& context, std::string address, std::string type, nlohmann::json values,
          const std::string& provider_region, const std::string& module_source) {
  Resource resource;
  resource.address = std::move(address);
  resource.type = std::move(type);
  resource.format = context.format;
  resource.region = RegionOfValues(values);
  if (resource.region.empty()) resource.region = provider_region;
  resource.suppressions = TagSuppressions(values);
  resource.values = std::move(values);
  resource.location.file = context.file;
  resource.location.module_source = module_source;
  context.sink(std::move(resource));
}

}  // namespace posture::iac::terraform
