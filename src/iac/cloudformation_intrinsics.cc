#include "iac/cloudformation_intrinsics.h"

#include <cstdint>

#include "iac/resource.h"

namespace posture::iac::cfn {

using nlohmann::json;

std::string TrimText(std::string_view s) {
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
