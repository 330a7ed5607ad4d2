#include "iac/cloudformation_intrinsics.h"

#include <cstdint>

#include "iac/resource.h"

namespace posture::iac::cfn {
namespace {

using nlohmann::json;

std::string Trim(std::string_view s) {
  std::size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  std::size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

bool IsPlainReference(const json& value) { return ReferencedAddress(value) != nullptr && !IsUnknown(value); }

// The text a scalar contributes to a string (Fn::Join, Fn::Sub), or nullopt.
std::optional<std::string> ScalarText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  return std::nullopt;
}

// The string argument `node` must be written as (a name, a delimiter).
const std::string& LiteralString(const TemplateNode& node, std::string_view what) {
  if (!node.is_scalar()) throw TemplateError(node.line, std::string(what) + " must be a literal string");
  return node.text;
}

// The unknown a value derived from `value` by `function` is: `value`'s own
// reason when it is unknown, else (a resource reference) one naming it.
json DerivedUnknown(const json& value, std::string_view function) {
  if (IsUnknown(value)) return Unknown(value["$unknown"].get<std::string>());
  return Unknown(std::string(function) + " of resource " + *ReferencedAddress(value));
}

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

Evaluator::Evaluator(const TemplateNode& root, const CloudFormationOptions& options) : root_(root), options_(options) {
  auto section = [&](std::string_view name) -> const TemplateNode* {
    const TemplateNode* node = root_.find(name);
    if (node == nullptr || node->kind == TemplateNode::Kind::kNull) return nullptr;
    if (!node->is_map()) throw TemplateError(node->line, std::string(name) + " must be a mapping");
    return node;
  };
  const TemplateNode* transform = root_.find("Transform");
  transformed_ = transform != nullptr && transform->kind != TemplateNode::Kind::kNull;
  mappings_ = section("Mappings");
  conditions_ = section("Conditions");
  if (const TemplateNode* parameters = section("Parameters")) {
    for (const TemplateEntry& entry : parameters->entries) {
      if (!entry.value.is_map()) throw TemplateError(entry.line, "parameter " + entry.key + " must be a mapping");
      parameters_[entry.key].entry = &entry;
    }
  }
  if (const TemplateNode* resources = section("Resources")) {
    for (const TemplateEntry& entry : resources->entries) {
      // Fn::ForEach (AWS::LanguageExtensions) expands at deploy: not read.
      if (entry.key.rfind("Fn::ForEach::", 0) == 0) continue;
      if (parameters_.count(entry.key) != 0) {
        throw TemplateError(entry.line, entry.key + " is both a parameter and a resource");
      }
      resources_[entry.key] = &entry;
    }
  }
}

const TemplateEntry* Evaluator::FindResource(const std::string& id) const {
  auto it = resources_.find(id);
  return it == resources_.end() ? nullptr : it->second;
}

std::optional<json> Evaluator::Evaluate(const TemplateNode& node, std::set<std::string>* refs) {
  std::set<std::string>* outer = refs_;
  refs_ = refs;
  std::optional<json> value = Eval(node);
  refs_ = outer;
  return value;
}

std::optional<json> Evaluator::Eval(const TemplateNode& node) {
  switch (node.kind) {
    case TemplateNode::Kind::kNull:
      return json(nullptr);
    case TemplateNode::Kind::kList: {
      json out = json::array();
      for (const TemplateNode& item : node.items) {
        if (std::optional<json> value = Eval(item)) out.push_back(std::move(*value));
      }
      return out;
    }
    case TemplateNode::Kind::kMap: {
      auto [name, arg] = AsIntrinsic(node);
      if (arg != nullptr && name != "Condition") return Call(name, *arg, node);
      json out = json::object();
      for (const TemplateEntry& entry : node.entries) {
        if (std::optional<json> value = Eval(entry.value)) out[entry.key] = std::move(*value);
      }
      return out;
    }
    default:
      return node.scalar_json();
  }
}

json Evaluator::Value(const TemplateNode& node) {
  std::optional<json> value = Eval(node);
  return value ? std::move(*value) : json(nullptr);
}

const std::vector<TemplateNode>& Evaluator::Args(const TemplateNode& arg, std::string_view name, std::size_t min,
                                                 std::size_t max) {
  if (!arg.is_list() || arg.items.size() < min || arg.items.size() > max) {
    std::string count = min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max);
    throw TemplateError(arg.line, std::string(name) + " takes a list of " + count + " values");
  }
  return arg.items;
}

std::optional<json> Evaluator::Call(std::string_view name, const TemplateNode& arg, const TemplateNode& call) {
  if (name == "Ref") {
    const std::string& target = LiteralString(arg, "the argument of Ref");
    if (target == "AWS::NoValue") return std::nullopt;
    return RefName(target, arg.line);
  }
  if (name == "Fn::GetAtt") return GetAtt(arg);
  if (name == "Fn::Sub") return Sub(arg);
  if (name == "Fn::Join") return Join(arg);
  if (name == "Fn::Select") return Select(arg);
  if (name == "Fn::Split") return Split(arg);
  if (name == "Fn::FindInMap") return FindInMap(arg);
  if (name == "Fn::If") return If(arg);
  if (name == "Fn::Base64") {
    json value = Value(arg);
    if (value.is_string()) return value;  // the checks read the text, not its encoding
    if (IsUnknown(value) || IsPlainReference(value)) return DerivedUnknown(value, name);
    throw TemplateError(arg.line, "Fn::Base64 takes a string");
  }
  if (name == "Fn::Equals" || name == "Fn::Not" || name == "Fn::And" || name == "Fn::Or") {
    std::optional<bool> value = Condition(call);
    return value ? json(*value) : Unknown(std::string(name) + " of unknown values");
  }
  if (name == "Fn::Length") {
    json value = Value(arg);
    if (value.is_array()) return value.size();
    if (IsUnknown(value) || IsPlainReference(value)) return DerivedUnknown(value, name);
    throw TemplateError(arg.line, "Fn::Length takes a list");
  }
  if (name == "Fn::ToJsonString") {
    json value = Value(arg);
    if (HoldsMarker(value)) return Unknown("Fn::ToJsonString of unknown values");
    return value.dump();
  }
  if (name == "Fn::ImportValue") {
    json value = Value(arg);
    return Unknown(value.is_string() ? "Fn::ImportValue " + value.get<std::string>() : "Fn::ImportValue");
  }
  if (name == "Fn::GetAZs" || name == "Fn::Cidr" || name == "Fn::Transform") {
    Value(arg);  // for its errors and references
    return Unknown(std::string(name));
  }
  return Unknown(std::string(name) + " is not supported");
}

json Evaluator::RefName(const std::string& name, int line) {
  if (name.rfind("AWS::", 0) == 0) return PseudoParameter(name, line);
  if (parameters_.count(name) != 0) return ParameterValue(name);
  if (resources_.count(name) != 0) return ResourceAttribute(name, "id", line);
  return Missing(name, "Ref to \"" + name + "\", which is neither a parameter nor a resource", line);
}

json Evaluator::Missing(const std::string& name, const std::string& error, int line) const {
  if (transformed_) return Unknown(name + " is not in the template (added by its Transform?)");
  throw TemplateError(line, error);
}

json Evaluator::ResourceAttribute(const std::string& id, const std::string& attribute, int line) {
  if (resources_.count(id) == 0) return Missing(id, "Fn::GetAtt of \"" + id + "\", which is not a resource", line);
  if (refs_ != nullptr) refs_->insert(id);
  if (!Created(id)) return Unknown("resource " + id + " is not created (its Condition is false)");
  return Reference(id, attribute);
}

json Evaluator::GetAtt(const TemplateNode& arg) {
  if (arg.is_scalar()) {
    std::size_t dot = arg.text.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == arg.text.size()) {
      throw TemplateError(arg.line, "Fn::GetAtt takes \"Resource.Attribute\" or [Resource, Attribute]");
    }
    return ResourceAttribute(arg.text.substr(0, dot), arg.text.substr(dot + 1), arg.line);
  }
  const std::vector<TemplateNode>& args = Args(arg, "Fn::GetAtt", 2, 2);
  const std::string& id = LiteralString(args[0], "the resource of Fn::GetAtt");
  json attribute = Value(args[1]);
  if (attribute.is_string()) return ResourceAttribute(id, attribute.get<std::string>(), args[1].line);
  json reference = ResourceAttribute(id, "id", args[0].line);
  if (!IsPlainReference(reference)) return reference;
  if (IsUnknown(attribute) || IsPlainReference(attribute)) {
    return Unknown("Fn::GetAtt of " + id + " with an unknown attribute name");
  }
  throw TemplateError(args[1].line, "the attribute of Fn::GetAtt must be a string");
}

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
    std::string name = Trim(std::string_view(text).substr(open + 2, close - open - 2));
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

bool HoldsMarker(const json& value) {
  if (value.is_object()) {
    if (value.contains("$unknown") || value.contains("$ref")) return true;
    for (const auto& item : value.items()) {
      if (HoldsMarker(item.value())) return true;
    }
  } else if (value.is_array()) {
    for (const json& item : value) {
      if (HoldsMarker(item)) return true;
    }
  }
  return false;
}

}  // namespace posture::iac::cfn
