// The string functions, lookups and branches of a template: Fn::Sub,
// Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::If.
#include <cstdint>

#include "iac/cloudformation_intrinsics.h"
#include "iac/resource.h"

namespace posture::iac::cfn {
namespace {

using nlohmann::json;

// The value both `a` and `b` have; objects key by key (a key in only one of
// them, or with different values, is `unknown`).
json Agreement(const json& a, const json& b, const json& unknown) {
  if (a == b) return a;
  if (!a.is_object() || !b.is_object()) return unknown;
  if (a.contains("$unknown") || a.contains("$ref") || b.contains("$unknown") || b.contains("$ref")) return unknown;
  json out = json::object();
  for (const auto& [key, value] : a.items()) {
    auto other = b.find(key);
    out[key] = other == b.end() ? unknown : Agreement(value, *other, unknown);
  }
  for (const auto& [key, value] : b.items()) {
    if (!a.contains(key)) out[key] = unknown;
  }
  return out;
}

}  // namespace

json Evaluator::Sub(const TemplateNode& arg) {
  const TemplateNode* text_node = &arg;
  std::map<std::string, json> variables;
  if (arg.is_list()) {
    if (arg.items.size() != 2 || !arg.items[1].is_map()) {
      throw TemplateError(arg.line, "Fn::Sub takes a string or [string, {variables}]");
    }
    text_node = &arg.items[0];
    for (const TemplateEntry& entry : arg.items[1].entries) variables[entry.key] = Value(entry.value);
  }
  if (!text_node->is_scalar()) throw TemplateError(text_node->line, "Fn::Sub takes a string or [string, {variables}]");
  const std::string& text = text_node->text;
  std::string out;
  std::optional<json> unknown;
  std::string referenced;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t open = text.find("${", at);
    if (open == std::string::npos) {
      out.append(text, at);
      break;
    }
    out.append(text, at, open - at);
    if (open + 2 < text.size() && text[open + 2] == '!') {  // ${!Literal} -> ${Literal}
      out += "${";
      at = open + 3;
      continue;
    }
    std::size_t close = text.find('}', open + 2);
    if (close == std::string::npos) {
      out.append(text, open);
      break;
    }
    std::string name = TrimText(std::string_view(text).substr(open + 2, close - open - 2));
    json value = SubVariable(name, variables, text_node->line);
    at = close + 1;
    if (std::optional<std::string> piece = ScalarText(value)) {
      out += *piece;
    } else if (IsPlainReference(value)) {
      if (open == 0 && at == text.size()) return value;  // "${Res}" alone is the reference itself
      if (referenced.empty()) referenced = *ReferencedAddress(value);
    } else if (IsUnknown(value)) {
      if (!unknown) unknown = std::move(value);
    } else {
      throw TemplateError(text_node->line, "Fn::Sub: ${" + name + "} is not a string");
    }
  }
  if (!referenced.empty()) return Unknown("Fn::Sub references resource " + referenced);
  if (unknown) return Unknown("Fn::Sub: " + (*unknown)["$unknown"].get<std::string>());
  return out;
}

json Evaluator::SubVariable(const std::string& name, const std::map<std::string, json>& variables, int line) {
  if (auto it = variables.find(name); it != variables.end()) return it->second;
  if (name.rfind("AWS::", 0) == 0) return PseudoParameter(name, line);
  if (parameters_.count(name) != 0) return ParameterValue(name);
  if (resources_.count(name) != 0) return ResourceAttribute(name, "id", line);
  std::size_t dot = name.find('.');
  if (dot != std::string::npos && resources_.count(name.substr(0, dot)) != 0) {
    return ResourceAttribute(name.substr(0, dot), name.substr(dot + 1), line);
  }
  return Missing(name.substr(0, dot), "Fn::Sub: ${" + name + "} names no parameter, resource or variable", line);
}

json Evaluator::Join(const TemplateNode& arg) {
  const std::vector<TemplateNode>& args = Args(arg, "Fn::Join", 2, 2);
  const std::string& delimiter = LiteralString(args[0], "the delimiter of Fn::Join");
  json values = Value(args[1]);
  if (IsUnknown(values) || IsPlainReference(values)) return DerivedUnknown(values, "Fn::Join");
  if (!values.is_array()) throw TemplateError(args[1].line, "Fn::Join takes [delimiter, [values]]");
  if (values.size() == 1 && IsPlainReference(values[0])) return values[0];
  std::string out;
  std::optional<json> unknown;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const json& value = values[i];
    if (i > 0) out += delimiter;
    if (std::optional<std::string> piece = ScalarText(value)) {
      out += *piece;
    } else if (IsUnknown(value) || IsPlainReference(value)) {
      if (!unknown || (IsPlainReference(value) && IsUnknown(*unknown))) unknown = DerivedUnknown(value, "Fn::Join");
    } else if (!value.is_null()) {
      throw TemplateError(args[1].line, "Fn::Join: item " + std::to_string(i) + " is not a string");
    }
  }
  if (unknown) return *unknown;
  return out;
}

json Evaluator::Select(const TemplateNode& arg) {
  const std::vector<TemplateNode>& args = Args(arg, "Fn::Select", 2, 2);
  json index = Value(args[0]);
  json values = Value(args[1]);
  if (IsUnknown(index) || IsPlainReference(index)) return DerivedUnknown(index, "Fn::Select");
  std::int64_t position = -1;
  if (index.is_number_integer()) {
    position = index.get<std::int64_t>();
  } else if (index.is_string()) {
    const std::string& text = index.get_ref<const std::string&>();
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 10) {
      position = std::stoll(text);
    }
  }
  if (position < 0) throw TemplateError(args[0].line, "Fn::Select: the index must be a non-negative integer");
  if (IsUnknown(values) || IsPlainReference(values)) return DerivedUnknown(values, "Fn::Select");
  if (!values.is_array()) throw TemplateError(args[1].line, "Fn::Select takes [index, [values]]");
  if (static_cast<std::size_t>(position) >= values.size()) {
    throw TemplateError(args[0].line, "Fn::Select: index " + std::to_string(position) + " is out of range (" +
                                          std::to_string(values.size()) + " values)");
  }
  return values[static_cast<std::size_t>(position)];
}

json Evaluator::Split(const TemplateNode& arg) {
  const std::vector<TemplateNode>& args = Args(arg, "Fn::Split", 2, 2);
  const std::string& delimiter = LiteralString(args[0], "the delimiter of Fn::Split");
  if (delimiter.empty()) throw TemplateError(args[0].line, "Fn::Split: the delimiter is empty");
  json source = Value(args[1]);
  if (IsUnknown(source) || IsPlainReference(source)) return DerivedUnknown(source, "Fn::Split");
  if (!source.is_string()) throw TemplateError(args[1].line, "Fn::Split takes [delimiter, string]");
  const std::string& text = source.get_ref<const std::string&>();
  json out = json::array();
  std::size_t at = 0;
  for (std::size_t next; (next = text.find(delimiter, at)) != std::string::npos; at = next + delimiter.size()) {
    out.push_back(text.substr(at, next - at));
  }
  out.push_back(text.substr(at));
  return out;
}

json Evaluator::FindInMap(const TemplateNode& arg) {
  const std::vector<TemplateNode>& args = Args(arg, "Fn::FindInMap", 3, 4);
  std::string keys[3];
  for (std::size_t i = 0; i < 3; ++i) {
    json key = Value(args[i]);
    if (IsUnknown(key) || IsPlainReference(key)) {
      return Unknown("Fn::FindInMap with an unknown key: " +
                     DerivedUnknown(key, "Fn::FindInMap")["$unknown"].get<std::string>());
    }
    std::optional<std::string> text = ScalarText(key);
    if (!text) throw TemplateError(args[i].line, "Fn::FindInMap: its keys must be strings");
    keys[i] = *text;
  }
  const TemplateNode* default_value = nullptr;
  if (args.size() == 4) {  // AWS::LanguageExtensions: [map, key, key, {DefaultValue: v}]
    default_value = args[3].is_map() ? args[3].find("DefaultValue") : nullptr;
    if (default_value == nullptr)
      throw TemplateError(args[3].line, "Fn::FindInMap: the 4th value must be {DefaultValue: ...}");
  }
  const TemplateNode* mapping = mappings_ == nullptr ? nullptr : mappings_->find(keys[0]);
  if (mapping == nullptr) throw TemplateError(args[0].line, "Fn::FindInMap: no mapping \"" + keys[0] + "\"");
  const TemplateNode* top = mapping->is_map() ? mapping->find(keys[1]) : nullptr;
  const TemplateNode* value = top != nullptr && top->is_map() ? top->find(keys[2]) : nullptr;
  if (value != nullptr) return Value(*value);
  if (default_value != nullptr) return Value(*default_value);
  throw TemplateError(arg.line, "Fn::FindInMap: mapping " + keys[0] + " has no " + keys[1] + "/" + keys[2]);
}

std::optional<json> Evaluator::If(const TemplateNode& arg) {
  const std::vector<TemplateNode>& args = Args(arg, "Fn::If", 3, 3);
  const std::string& name = LiteralString(args[0], "the condition of Fn::If");
  std::optional<bool> condition = NamedCondition(name, args[0].line);
  if (condition) return Eval(args[*condition ? 1 : 2]);
  // Either branch may be taken: what both agree on is known all the same.
  std::optional<json> when_true = Eval(args[1]);
  std::optional<json> when_false = Eval(args[2]);
  json unknown = Unknown("Fn::If on unknown condition " + name);
  if (!when_true || !when_false) return when_true == when_false ? std::nullopt : std::optional<json>(unknown);
  return Agreement(*when_true, *when_false, unknown);
}

}  // namespace posture::iac::cfn
