#include "iac/cloudformation_template.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <unordered_set>

#include "iac/resource.h"

namespace posture::iac::cfn {
namespace {

constexpr std::size_t kLinearKeyCheck = 16;
// A 1 MB template (CloudFormation's limit) has at most ~500,000 values;
// YAML aliases can multiply them.
constexpr std::size_t kMaxNodes = 1'000'000;
constexpr std::string_view kCoreTag = "tag:yaml.org,2002:";

int LineOf(const YAML::Node& node) { return node.Mark().line < 0 ? 0 : node.Mark().line + 1; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit); }

// YAML 1.2 core schema for plain scalars, except that integers written with
// a leading zero stay strings (an account id such as 012345678901 must not
// lose its zero), as do integers beyond 64 bits and the 0x/0o/.inf forms.
TemplateNode::Kind PlainKind(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    return TemplateNode::Kind::kBool;
  }
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  if (IsDigits(body)) {
    if (body.size() > 1 && body[0] == '0') return TemplateNode::Kind::kString;
    std::int64_t value = 0;
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    auto [end, error] = std::from_chars(begin, s.data() + s.size(), value);
    return error == std::errc() && end == s.data() + s.size() ? TemplateNode::Kind::kInt : TemplateNode::Kind::kString;
  }
  // Floats: digits with a dot and/or an exponent, at least one digit before the exponent.
  std::size_t exponent = body.find_first_of("eE");
  std::string_view mantissa = body.substr(0, exponent);
  std::size_t dot = mantissa.find('.');
  std::string_view whole = mantissa.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : mantissa.substr(dot + 1);
  bool digits_ok = (whole.empty() || IsDigits(whole)) && (fraction.empty() || IsDigits(fraction)) &&
                   whole.size() + fraction.size() > 0;
  if (!digits_ok || (dot == std::string_view::npos && exponent == std::string_view::npos)) {
    return TemplateNode::Kind::kString;
  }
  if (exponent != std::string_view::npos) {
    std::string_view power = body.substr(exponent + 1);
    if (!power.empty() && (power[0] == '-' || power[0] == '+')) power.remove_prefix(1);
    if (!IsDigits(power)) return TemplateNode::Kind::kString;
  }
  return TemplateNode::Kind::kFloat;
}

TemplateNode::Kind CoreTagKind(std::string_view name, int line) {
  if (name == "str") return TemplateNode::Kind::kString;
  if (name == "int") return TemplateNode::Kind::kInt;
  if (name == "float") return TemplateNode::Kind::kFloat;
  if (name == "bool") return TemplateNode::Kind::kBool;
  if (name == "null") return TemplateNode::Kind::kNull;
  throw TemplateError(line, "unsupported tag !!" + std::string(name));
}

// "!Ref" -> "Ref", "!Condition" -> "Condition", "!GetAtt" -> "Fn::GetAtt".
std::string LongFormName(std::string_view tag) {
  std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string(name);
  return "Fn::" + std::string(name);
}

// yaml-cpp nodes -> TemplateNode; `text` is the parsed source.
struct Converter {
  std::string_view text;
  mutable std::size_t nodes = 0;

  TemplateNode Convert(const YAML::Node& node, int depth, bool ignore_tag) const;
  TemplateNode ConvertUntagged(const YAML::Node& node, int depth) const;
  std::string KeyText(const YAML::Node& key) const;
};

// A plain key yaml-cpp resolved to null keeps its text: `Null:` is the IAM
// condition operator, not a null key.
std::string Converter::KeyText(const YAML::Node& key) const {
  if (key.IsScalar()) return key.Scalar();
  std::size_t pos = key.Mark().pos < 0 ? text.size() : static_cast<std::size_t>(key.Mark().pos);
  for (std::string_view word : {"null", "Null", "NULL", "~"}) {
    if (text.substr(pos, word.size()) == word) return std::string(word);
  }
  return {};
}

// The node's content, its own tag left aside (the argument of a short tag).
TemplateNode Converter::ConvertUntagged(const YAML::Node& node, int depth) const {
  TemplateNode out;
  out.line = LineOf(node);
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      out.text = node.Scalar();
      out.kind = PlainKind(out.text);
      return out;
    case YAML::NodeType::Sequence:
      out.kind = TemplateNode::Kind::kList;
      out.items.reserve(node.size());
      for (const YAML::Node& item : node) out.items.push_back(Convert(item, depth + 1, false));
      return out;
    case YAML::NodeType::Map:
      out.kind = TemplateNode::Kind::kMap;
      out.entries.reserve(node.size());
      for (const auto& pair : node) {
        if (!pair.first.IsScalar() && !pair.first.IsNull()) {
          throw TemplateError(LineOf(pair.first), "a mapping key must be a plain string");
        }
        TemplateEntry& entry = out.entries.emplace_back();
        entry.key = KeyText(pair.first);
        entry.line = LineOf(pair.first);
        entry.value = Convert(pair.second, depth + 1, false);
      }
      CheckUniqueKeys(out);
      return out;
    default:
      out.kind = TemplateNode::Kind::kNull;
      return out;
  }
}

TemplateNode Converter::Convert(const YAML::Node& node, int depth, bool ignore_tag) const {
  if (depth > kMaxTemplateDepth)
    throw TemplateError(LineOf(node), "nesting deeper than " + std::to_string(kMaxTemplateDepth));
  if (++nodes > kMaxNodes)
    throw TemplateError(LineOf(node), "more than " + std::to_string(kMaxNodes) + " values (YAML aliases?)");
  const std::string& tag = node.Tag();
  if (ignore_tag || tag.empty() || tag == "?") return ConvertUntagged(node, depth);
  if (tag == "!") {  // quoted scalar (or an explicitly non-specific node)
    TemplateNode out = ConvertUntagged(node, depth);
    if (node.IsScalar()) out.kind = TemplateNode::Kind::kString;
    return out;
  }
  if (tag.rfind(kCoreTag, 0) == 0) {
    std::string_view name = std::string_view(tag).substr(kCoreTag.size());
    if (name == "map" || name == "seq") return ConvertUntagged(node, depth);
    TemplateNode out = ConvertUntagged(node, depth);
    if (!node.IsScalar() && !node.IsNull())
      throw TemplateError(out.line, "tag !!" + std::string(name) + " on a collection");
    out.kind = CoreTagKind(name, out.line);
    if (out.kind == TemplateNode::Kind::kInt && PlainKind(out.text) != TemplateNode::Kind::kInt) {
      throw TemplateError(out.line, "\"" + out.text + "\" is not an integer");
    }
    if (out.kind == TemplateNode::Kind::kFloat && PlainKind(out.text) == TemplateNode::Kind::kString) {
      throw TemplateError(out.line, "\"" + out.text + "\" is not a number");
    }
    return out;
  }
  if (tag.size() < 2 || tag[0] != '!' || tag[1] == '<' || tag.find('!', 1) != std::string::npos) {
    throw TemplateError(LineOf(node), "unsupported tag " + tag);
  }
  TemplateNode out;
  out.kind = TemplateNode::Kind::kMap;
  out.line = LineOf(node);
  TemplateEntry& entry = out.entries.emplace_back();
  entry.key = LongFormName(tag);
  entry.line = out.line;
  entry.value = Convert(node, depth + 1, true);
  // `!Ref X` / `!GetAtt A.B`: names are strings however they look.
  if (entry.value.is_scalar()) entry.value.kind = TemplateNode::Kind::kString;
  return out;
}

// yaml-cpp: YAML, and JSON that ParseJsonTemplate refused.
TemplateNode ParseYaml(std::string_view text) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    int line = e.mark.line < 0 ? 0 : e.mark.line + 1;
    std::string message = "invalid YAML/JSON: " + e.msg;
    if (e.msg.find("flow not found") != std::string::npos || e.msg.find("EOF") != std::string::npos) {
      // An unclosed bracket or string: yaml-cpp marks the end of input,
      // trailing blank lines included; name the last line with text.
      message += " (truncated?)";
      line = std::min(line, LineOfOffset(text, text.find_last_not_of(" \t\r\n") + 1));
    }
    throw TemplateError(line, message);
  }
  try {
    return Converter{text}.Convert(root, 0, false);
  } catch (const YAML::Exception& e) {
    throw TemplateError(e.mark.line < 0 ? 0 : e.mark.line + 1, "invalid YAML/JSON: " + e.msg);
  }
}

}  // namespace

void CheckUniqueKeys(const TemplateNode& map) {
  const auto& entries = map.entries;
  if (entries.size() <= kLinearKeyCheck) {
    for (std::size_t i = 1; i < entries.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (entries[i].key == entries[j].key) {
          throw TemplateError(entries[i].line, "duplicate key \"" + entries[i].key + "\"");
        }
      }
    }
    return;
  }
  std::unordered_set<std::string_view> seen;
  for (const TemplateEntry& entry : entries) {
    if (!seen.insert(entry.key).second) throw TemplateError(entry.line, "duplicate key \"" + entry.key + "\"");
  }
}

const TemplateNode* TemplateNode::find(std::string_view key) const {
  for (const TemplateEntry& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

nlohmann::json TemplateNode::scalar_json() const {
  switch (kind) {
    case Kind::kString:
      return text;
    case Kind::kInt: {
      std::int64_t value = 0;
      std::from_chars(text.data() + (!text.empty() && text[0] == '+' ? 1 : 0), text.data() + text.size(), value);
      return value;
    }
    case Kind::kFloat:
      return std::strtod(text.c_str(), nullptr);  // 1e999 -> inf, not an exception
    case Kind::kBool:
      return text == "true" || text == "True" || text == "TRUE";
    default:
      return nullptr;
  }
}

TemplateNode ParseTemplate(std::string_view text) {
  std::string_view json = text;
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  std::size_t first = json.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && json[first] == '{') {
    try {
      return ParseJsonTemplate(json);
    } catch (const TemplateError& json_error) {
      try {
        return ParseYaml(text);  // flow-style YAML ({Resources: ...}) is not JSON
      } catch (const TemplateError&) {
        throw json_error;
      }
    }
  }
  return ParseYaml(text);
}

std::pair<std::string_view, const TemplateNode*> AsIntrinsic(const TemplateNode& node) {
  if (node.kind != TemplateNode::Kind::kMap || node.entries.size() != 1) return {{}, nullptr};
  const TemplateEntry& entry = node.entries.front();
  if (entry.key == "Ref" || entry.key == "Condition" || entry.key.rfind("Fn::", 0) == 0) {
    return {entry.key, &entry.value};
  }
  return {{}, nullptr};
}

}  // namespace posture::iac::cfn
