#include "iac/resource.h"

#include <algorithm>

namespace posture::iac {

nlohmann::json Unknown(std::string why) { return nlohmann::json{{"$unknown", std::move(why)}}; }

nlohmann::json Reference(std::string address, std::string attribute) {
  return nlohmann::json{{"$ref", std::move(address)}, {"$attr", std::move(attribute)}};
}

bool IsUnknown(const nlohmann::json& value) { return value.is_object() && value.contains("$unknown"); }

const std::string* ReferencedAddress(const nlohmann::json& value) {
  if (!value.is_object()) return nullptr;
  auto it = value.find("$ref");
  if (it == value.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

const char* SourceFormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kTerraformPlan:
      return "terraform-plan";
    case SourceFormat::kTerraformState:
      return "terraform-state";
    case SourceFormat::kCloudFormation:
      return "cloudformation";
  }
  return "unknown";
}

std::string ParseError::text() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  return out + ": " + message;
}

int LineOfOffset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace posture::iac
