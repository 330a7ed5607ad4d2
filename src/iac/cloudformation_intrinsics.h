// Internal to the CloudFormation reader: evaluating intrinsic functions and
// conditions of one template (cloudformation_intrinsics.cc; the string
// functions, lookups and Fn::If in cloudformation_functions.cc; conditions
// and parameters in cloudformation_conditions.cc).
//
// Values come out as JSON with the markers of resource.h: Ref/GetAtt of a
// resource -> Reference(logical_id, "id" | attribute); anything decided
// only at deploy -> Unknown(<why>); AWS::NoValue -> std::nullopt, which the
// enclosing map or list drops. Errors (a Ref to nothing, a function given
// the wrong shape) throw TemplateError with the line. Not thread-safe.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "iac/cloudformation.h"
#include "iac/cloudformation_template.h"

namespace posture::iac::cfn {

class Evaluator {
 public:
  // `root` is the whole template and must outlive the evaluator.
  Evaluator(const TemplateNode& root, const CloudFormationOptions& options);

  // `node` with every intrinsic resolved; the logical ids it refers to (by
  // Ref, GetAtt or Sub) are added to `refs` when given.
  std::optional<nlohmann::json> Evaluate(const TemplateNode& node, std::set<std::string>* refs = nullptr);

  // The named condition: true, false or unknown (nullopt).
  std::optional<bool> NamedCondition(const std::string& name, int line);
  // Whether resource `id` is created: false when its Condition is false.
  bool Created(const std::string& id);
  // The Resources entry of `id`, or nullptr.
  const TemplateEntry* FindResource(const std::string& id) const;
  // Whether the template has a Transform (SAM, macros): it then may name
  // resources the transform adds, which are Unknown rather than errors.
  bool transformed() const { return transformed_; }

 private:
  struct Parameter {
    const TemplateEntry* entry = nullptr;
    std::optional<nlohmann::json> value;  // resolved on first use
  };

  // Functions (cloudformation_intrinsics.cc, cloudformation_functions.cc).
  std::optional<nlohmann::json> Eval(const TemplateNode& node);
  std::optional<nlohmann::json> Call(std::string_view name, const TemplateNode& arg, const TemplateNode& call);
  nlohmann::json RefName(const std::string& name, int line);
  nlohmann::json ResourceAttribute(const std::string& id, const std::string& attribute, int line);
  // A name the template lacks: Unknown when a transform may add it, else an error.
  nlohmann::json Missing(const std::string& name, const std::string& error, int line) const;
  nlohmann::json GetAtt(const TemplateNode& arg);
  nlohmann::json Sub(const TemplateNode& arg);
  nlohmann::json SubVariable(const std::string& name, const std::map<std::string, nlohmann::json>& variables, int line);
  nlohmann::json Join(const TemplateNode& arg);
  nlohmann::json Select(const TemplateNode& arg);
  nlohmann::json Split(const TemplateNode& arg);
  nlohmann::json FindInMap(const TemplateNode& arg);
  std::optional<nlohmann::json> If(const TemplateNode& arg);
  const std::vector<TemplateNode>& Args(const TemplateNode& arg, std::string_view name, std::size_t min,
                                        std::size_t max);
  nlohmann::json Value(const TemplateNode& node);  // Evaluate, NoValue as null

  // Parameters and conditions (cloudformation_conditions.cc).
  nlohmann::json ParameterValue(const std::string& name);
  nlohmann::json PseudoParameter(const std::string& name, int line);
  std::optional<bool> Condition(const TemplateNode& node);

  const TemplateNode& root_;
  const CloudFormationOptions& options_;
  const TemplateNode* mappings_ = nullptr;
  const TemplateNode* conditions_ = nullptr;
  std::map<std::string, Parameter, std::less<>> parameters_;
  std::map<std::string, const TemplateEntry*, std::less<>> resources_;
  std::map<std::string, std::optional<bool>> condition_values_;
  std::vector<std::string> conditions_in_progress_;
  std::set<std::string>* refs_ = nullptr;  // of the current Evaluate call
  bool transformed_ = false;
};

// Whether `value` holds an Unknown or Reference marker anywhere.
bool HoldsMarker(const nlohmann::json& value);
// A Reference marker that is not also Unknown.
bool IsPlainReference(const nlohmann::json& value);
// The text a scalar contributes to a string (Fn::Join, Fn::Sub), or nullopt.
std::optional<std::string> ScalarText(const nlohmann::json& value);
// The string argument `node` must be written as (a name, a delimiter);
// throws naming `what` otherwise.
const std::string& LiteralString(const TemplateNode& node, std::string_view what);
// The unknown a value derived from `value` (Unknown or a plain Reference)
// by `function` is: `value`'s own reason, or one naming the resource.
nlohmann::json DerivedUnknown(const nlohmann::json& value, std::string_view function);
// `s` without leading and trailing white space.
std::string TrimText(std::string_view s);

}  // namespace posture::iac::cfn
