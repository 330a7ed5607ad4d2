// Parameters, pseudo parameters and conditions of a CloudFormation template.
#include <algorithm>

#include "iac/cloudformation_intrinsics.h"
#include "iac/resource.h"

namespace posture::iac::cfn {
namespace {

using nlohmann::json;

constexpr std::string_view kSsmParameterType = "AWS::SSM::Parameter::Value<";
constexpr std::size_t kMaxConditionOperands = 10;

std::string TrimSpaces(std::string_view s) {
  std::size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  std::size_t end = s.find_last_not_of(" \t");
  return std::string(s.substr(begin, end - begin + 1));
}

// CommaDelimitedList: "a, b" -> ["a", "b"] (members are space-trimmed).
json SplitList(std::string_view text) {
  json out = json::array();
  if (TrimSpaces(text).empty()) return out;
  std::size_t at = 0;
  while (true) {
    std::size_t comma = text.find(',', at);
    out.push_back(TrimSpaces(text.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at)));
    if (comma == std::string_view::npos) return out;
    at = comma + 1;
  }
}

// Fn::Equals compares values as CloudFormation passes them: as strings.
json Comparable(const json& value) {
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) out.push_back(Comparable(item));
    return out;
  }
  if (value.is_string()) return value;
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_null()) return "";
  if (value.is_number()) return value.dump();
  return value;
}

}  // namespace

json Evaluator::ParameterValue(const std::string& name) {
  Parameter& parameter = parameters_.at(name);
  if (parameter.value) return *parameter.value;
  const TemplateNode& declaration = parameter.entry->value;
  const TemplateNode* type_node = declaration.find("Type");
  std::string type = type_node != nullptr && type_node->is_scalar() ? type_node->text : "String";
  const TemplateNode* default_node = declaration.find("Default");
  auto supplied = options_.parameters.find(name);
  json value;
  if (type.rfind(kSsmParameterType, 0) == 0) {
    value = Unknown("parameter " + name + " is read from SSM Parameter Store at deploy");
  } else if (supplied == options_.parameters.end() &&
             (default_node == nullptr || default_node->kind == TemplateNode::Kind::kNull)) {
    value = Unknown("parameter " + name + " has no value");
  } else {
    bool is_list = type == "CommaDelimitedList" || type.rfind("List<", 0) == 0;
    if (supplied != options_.parameters.end()) {
      value = is_list ? SplitList(supplied->second) : json(supplied->second);
    } else if (default_node->is_scalar()) {
      // Number parameters stay strings, as CloudFormation passes them.
      value = is_list ? SplitList(default_node->text) : json(default_node->text);
    } else if (is_list && default_node->is_list()) {
      value = json::array();
      for (const TemplateNode& item : default_node->items) {
        if (!item.is_scalar()) throw TemplateError(item.line, "the Default of parameter " + name + " must be a string");
        value.push_back(item.text);
      }
    } else {
      throw TemplateError(default_node->line, "the Default of parameter " + name + " must be a string");
    }
  }
  parameter.value = value;
  return value;
}

json Evaluator::PseudoParameter(const std::string& name, int line) {
  const std::string& region = options_.region;
  if (name == "AWS::Region") return region.empty() ? Unknown("AWS::Region (no region given)") : json(region);
  if (name == "AWS::AccountId") {
    return options_.account_id.empty() ? Unknown("AWS::AccountId (no account given)") : json(options_.account_id);
  }
  bool china = region.rfind("cn-", 0) == 0;
  if (name == "AWS::Partition") return china ? "aws-cn" : region.rfind("us-gov-", 0) == 0 ? "aws-us-gov" : "aws";
  if (name == "AWS::URLSuffix") return china ? "amazonaws.com.cn" : "amazonaws.com";
  if (name == "AWS::StackName" || name == "AWS::StackId" || name == "AWS::NotificationARNs") return Unknown(name);
  throw TemplateError(line, "unknown pseudo parameter " + name);
}

std::optional<bool> Evaluator::NamedCondition(const std::string& name, int line) {
  if (auto it = condition_values_.find(name); it != condition_values_.end()) return it->second;
  const TemplateNode* node = conditions_ == nullptr ? nullptr : conditions_->find(name);
  if (node == nullptr) throw TemplateError(line, "no condition named \"" + name + "\"");
  auto in_progress = std::find(conditions_in_progress_.begin(), conditions_in_progress_.end(), name);
  if (in_progress != conditions_in_progress_.end()) {
    std::string cycle;
    for (auto it = in_progress; it != conditions_in_progress_.end(); ++it) cycle += *it + " -> ";
    throw TemplateError(line, "condition cycle: " + cycle + name);
  }
  conditions_in_progress_.push_back(name);
  std::set<std::string>* refs = refs_;
  refs_ = nullptr;  // a condition's references are not its user's dependencies
  std::optional<bool> value = Condition(*node);
  refs_ = refs;
  conditions_in_progress_.pop_back();
  condition_values_[name] = value;
  return value;
}

std::optional<bool> Evaluator::Condition(const TemplateNode& node) {
  if (node.kind == TemplateNode::Kind::kBool) return node.scalar_json().get<bool>();
  if (node.kind == TemplateNode::Kind::kString && (node.text == "true" || node.text == "false")) {
    return node.text == "true";
  }
  auto [name, arg] = AsIntrinsic(node);
  if (name == "Condition") return NamedCondition(std::string(arg->is_scalar() ? arg->text : ""), arg->line);
  if (name == "Fn::Equals") {
    const std::vector<TemplateNode>& args = Args(*arg, name, 2, 2);
    json left = Value(args[0]);
    json right = Value(args[1]);
    if (HoldsMarker(left) || HoldsMarker(right)) return std::nullopt;
    return Comparable(left) == Comparable(right);
  }
  if (name == "Fn::Not") {
    std::optional<bool> value = Condition(Args(*arg, name, 1, 1)[0]);
    return value ? std::optional<bool>(!*value) : std::nullopt;
  }
  if (name == "Fn::And" || name == "Fn::Or") {
    bool is_and = name == "Fn::And";
    bool unknown = false;
    bool decided = false;  // a false operand of And, a true one of Or
    for (const TemplateNode& operand : Args(*arg, name, 2, kMaxConditionOperands)) {
      std::optional<bool> value = Condition(operand);
      if (!value) {
        unknown = true;
      } else if (*value != is_and) {
        decided = true;
      }
    }
    if (decided) return !is_and;
    if (unknown) return std::nullopt;
    return is_and;
  }
  throw TemplateError(node.line, "a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition");
}

bool Evaluator::Created(const std::string& id) {
  const TemplateEntry* entry = FindResource(id);
  if (entry == nullptr || !entry->value.is_map()) return true;
  const TemplateNode* condition = entry->value.find("Condition");
  if (condition == nullptr) return true;
  if (!condition->is_scalar()) throw TemplateError(condition->line, "the Condition of " + id + " must be a name");
  return NamedCondition(condition->text, condition->line) != false;
}

}  // namespace posture::iac::cfn
