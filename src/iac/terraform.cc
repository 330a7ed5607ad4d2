// ReadTerraform: detects the format on a first pass (which also reads the
// plan's configuration, variables and data source values, written after
// resource_changes), then rewinds and streams the resources.
#include "iac/terraform.h"

#include <algorithm>
#include <cctype>

#include "iac/terraform_internal.h"

namespace posture::iac {

namespace {

using terraform::Failure;
namespace od = simdjson::ondemand;

static_assert(kTerraformReadPadding >= simdjson::SIMDJSON_PADDING, "ReadTerraformPadded promises simdjson's padding");

constexpr std::size_t kSniffBytes = 4096;
constexpr int kRawStateVersion = 4;
constexpr int kMaxFormatMajor = 1;

enum class Kind { kUnknown, kPlan, kShowState, kRawState };

// What the first pass learns from the top-level keys.
struct Outline {
  bool has_format_version = false;
  bool has_raw_version = false;
  bool has_resource_changes = false;
  bool has_planned_values = false;
  bool has_configuration = false;
};

// The offset of the last character that is not white space (where a truncated text ends).
std::size_t EndOffset(std::string_view text) {
  std::size_t last = text.find_last_not_of(" \t\r\n");
  return last == std::string_view::npos ? 0 : last;
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

void CheckFormatVersion(od::value value, const char* base) {
  std::size_t offset = terraform::OffsetOf(value, base);
  if (value.type() != od::json_type::string) throw Failure{offset, "format_version is not a string"};
  std::string_view version = terraform::StringOf(value);
  std::size_t digits = 0;
  while (digits < version.size() && std::isdigit(static_cast<unsigned char>(version[digits]))) ++digits;
  if (digits == 0 || digits > 3 || std::stoi(std::string(version.substr(0, digits))) > kMaxFormatMajor) {
    throw Failure{offset, "unsupported format_version \"" + std::string(version) +
                              "\" (this reader knows plan and state JSON format 0.x and 1.x)"};
  }
}

void CheckRawVersion(od::value value, const char* base) {
  std::size_t offset = terraform::OffsetOf(value, base);
  if (value.type() != od::json_type::number || value.get_number_type() != od::number_type::signed_integer) {
    throw Failure{offset, "state \"version\" is not an integer"};
  }
  std::int64_t version = value.get_int64();
  if (version != kRawStateVersion) {
    throw Failure{offset, "unsupported state version " + std::to_string(version) +
                              " (only version 4 .tfstate files are read; run terraform to upgrade the state)"};
  }
}

void ReadVariables(od::value value, terraform::PlanConfig& config) {
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string name(terraform::KeyOf(field));
    for (auto part : field.value().get_object()) {
      od::field detail = std::move(part);
      if (terraform::KeyOf(detail) != "value") continue;
      od::value variable = detail.value();
      if (variable.type() == od::json_type::string) config.variables[name] = std::string(terraform::StringOf(variable));
    }
  }
}

Outline FirstPass(od::document& document, const char* base, terraform::PlanConfig& config) {
  Outline outline;
  for (auto member : document.get_object()) {
    od::field field = std::move(member);
    std::string_view key = terraform::KeyOf(field);
    if (key == "format_version") {
      outline.has_format_version = true;
      CheckFormatVersion(field.value(), base);
    } else if (key == "version") {
      outline.has_raw_version = true;
      CheckRawVersion(field.value(), base);
    } else if (key == "variables") {
      ReadVariables(field.value(), config);
    } else if (key == "resource_changes") {
      outline.has_resource_changes = true;
      terraform::ScanResourceChanges(field.value(), config);
    } else if (key == "planned_values") {
      outline.has_planned_values = true;
    } else if (key == "prior_state") {
      for (auto part : field.value().get_object()) {
        od::field prior = std::move(part);
        if (terraform::KeyOf(prior) == "values") terraform::ReadDataValues(prior.value(), config);
      }
    } else if (key == "configuration") {
      outline.has_configuration = true;
      config.ReadConfiguration(field.value());
    }
  }
  return outline;
}

Kind KindOf(const Outline& outline) {
  if (outline.has_format_version) {
    if (outline.has_resource_changes || outline.has_planned_values || outline.has_configuration) return Kind::kPlan;
    return Kind::kShowState;  // `terraform show -json` of an empty state has only format_version
  }
  if (outline.has_raw_version) return Kind::kRawState;
  return Kind::kUnknown;
}

void SecondPass(od::document& document, Kind kind, const Outline& outline, terraform::ReadContext& context,
                const terraform::PlanConfig& config) {
  std::string_view wanted;
  switch (kind) {
    case Kind::kPlan:
      wanted = outline.has_resource_changes ? "resource_changes" : "planned_values";
      break;
    case Kind::kShowState:
      wanted = "values";
      break;
    case Kind::kRawState:
      wanted = "resources";
      break;
    case Kind::kUnknown:
      return;
  }
  for (auto member : document.get_object()) {
    od::field field = std::move(member);
    if (terraform::KeyOf(field) != wanted) continue;
    if (wanted == "resource_changes") {
      terraform::ReadResourceChanges(context, field.value(), config);
    } else if (wanted == "resources") {
      terraform::ReadRawStateResources(context, field.value());
    } else {
      terraform::ReadStateValues(context, field.value(), kind == Kind::kPlan ? &config : nullptr);
    }
    return;
  }
}

// Where simdjson's first stage (which indexes the whole text, checking UTF-8
// and strings) failed: the first control character inside a string, the
// first invalid UTF-8 byte, or the end of a text cut inside a string. A text
// cut elsewhere fails later, when the first pass runs past its end.
std::size_t StageOneOffset(std::string_view text, simdjson::error_code error) {
  if (error == simdjson::UNESCAPED_CHARS) {
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (in_string && c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = !in_string;
      } else if (in_string && c < 0x20) {
        return i;
      }
    }
  } else if (error == simdjson::UTF8_ERROR) {
    for (std::size_t i = 0; i < text.size();) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
      if (length == 0 || i + length > text.size()) return i;
      for (std::size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
      }
      i += length;
    }
  } else if (error == simdjson::UNCLOSED_STRING || error == simdjson::INCOMPLETE_ARRAY_OR_OBJECT ||
             error == simdjson::TAPE_ERROR) {
    return EndOffset(text);
  }
  return 0;
}

std::string Describe(simdjson::error_code error) {
  switch (error) {
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
    case simdjson::UNCLOSED_STRING:
      return "truncated JSON: the document ends inside an object, array or string";
    case simdjson::INCORRECT_TYPE:
      return "unexpected JSON type (the Terraform format has another type of value here)";
    default:
      return std::string("invalid JSON: ") + simdjson::error_message(error);
  }
}

std::optional<ParseError> Read(const std::string& file, std::string_view text, simdjson::padded_string_view padded,
                               const ResourceSink& sink, SourceFormat* format) {
  if (IsBlank(text)) return ParseError{file, 1, "empty file: expected a Terraform plan or state (JSON)"};
  const char* base = padded.data();
  od::parser parser;
  od::document document;
  if (simdjson::error_code error = parser.iterate(padded).get(document)) {
    return ParseError{file, LineOfOffset(text, StageOneOffset(text, error)), Describe(error)};
  }
  terraform::PlanConfig config;
  terraform::ReadContext context{file, base, sink};
  try {
    od::json_type root = document.type();
    if (root != od::json_type::object) {
      std::size_t offset = static_cast<std::size_t>(document.current_location().value() - base);
      throw Failure{offset, "not a Terraform plan or state: the document is not a JSON object"};
    }
    Outline outline = FirstPass(document, base, config);
    Kind kind = KindOf(outline);
    if (kind == Kind::kUnknown) {
      throw Failure{0, "not a Terraform plan or state: no \"format_version\" or \"version\" key"};
    }
    config.Finish();
    context.format = kind == Kind::kPlan ? SourceFormat::kTerraformPlan : SourceFormat::kTerraformState;
    if (format) *format = context.format;
    document.rewind();
    SecondPass(document, kind, outline, context, config);
  } catch (const Failure& failure) {
    return ParseError{file, LineOfOffset(text, failure.offset), failure.message};
  } catch (const simdjson::simdjson_error& error) {
    // A truncated text fails when the iterator runs past the end, where simdjson no longer has a location.
    std::size_t offset = EndOffset(text);
    const char* location = nullptr;
    if (error.error() != simdjson::INCOMPLETE_ARRAY_OR_OBJECT && !document.current_location().get(location) &&
        location >= base && location <= base + text.size()) {
      offset = static_cast<std::size_t>(location - base);
    }
    return ParseError{file, LineOfOffset(text, offset), Describe(error.error())};
  }
  return std::nullopt;
}

}  // namespace

bool LooksLikeTerraform(std::string_view text) {
  std::string_view head = text.substr(0, kSniffBytes);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || head[start] != '{') return false;
  return head.find("\"terraform_version\"") != std::string_view::npos ||
         head.find("\"format_version\"") != std::string_view::npos;
}

std::optional<ParseError> ReadTerraform(const std::string& file, std::string_view text, const ResourceSink& sink,
                                        SourceFormat* format) {
  simdjson::padded_string padded(text);
  return Read(file, text,
              simdjson::padded_string_view(padded.data(), padded.size(), padded.size() + simdjson::SIMDJSON_PADDING),
              sink, format);
}

std::optional<ParseError> ReadTerraformPadded(const std::string& file, std::string_view text, const ResourceSink& sink,
                                              SourceFormat* format) {
  return Read(file, text, simdjson::padded_string_view(text, text.size() + kTerraformReadPadding), sink, format);
}

}  // namespace posture::iac
