// Internal to the CloudFormation reader (cloudformation*.cc): a template as
// a tree of nodes that remember their line, read from JSON or YAML by
// yaml-cpp, with the short-form tags already rewritten to their long form
// (`!Ref X` -> {"Ref": "X"}, `!GetAtt A.B` -> {"Fn::GetAtt": "A.B"},
// `!Condition C` -> {"Condition": "C"}, `!Sub ...` -> {"Fn::Sub": ...}).
//
// Errors inside the reader are TemplateError exceptions carrying a line;
// ReadCloudFormation turns them into a ParseError value at its boundary.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace posture::iac::cfn {

// Stops reading a template: `line` is 1-based, 0 when unknown.
class TemplateError : public std::runtime_error {
 public:
  TemplateError(int line, const std::string& message) : std::runtime_error(message), line_(line) {}
  int line() const { return line_; }

 private:
  int line_;
};

struct TemplateEntry;

struct TemplateNode {
  enum class Kind { kNull, kString, kInt, kFloat, kBool, kList, kMap };
  Kind kind = Kind::kNull;
  int line = 0;                        // 1-based
  std::string text;                    // scalars: the text as written
  std::vector<TemplateNode> items;     // kList
  std::vector<TemplateEntry> entries;  // kMap, in file order, keys unique

  bool is_scalar() const { return kind != Kind::kNull && kind != Kind::kList && kind != Kind::kMap; }
  bool is_map() const { return kind == Kind::kMap; }
  bool is_list() const { return kind == Kind::kList; }
  // The value of `key` in a map, or nullptr.
  const TemplateNode* find(std::string_view key) const;
  // A scalar as JSON (string, integer, float or bool); null for kNull.
  nlohmann::json scalar_json() const;
};

struct TemplateEntry {
  std::string key;
  int line = 0;  // the key's line
  TemplateNode value;
};

// Deeper nesting is an error: no real template comes close; guards the stack.
inline constexpr int kMaxTemplateDepth = 256;

// Parses `text`: JSON (text starting with '{') with ParseJsonTemplate, and
// YAML, or JSON that is not strict JSON, with yaml-cpp. Throws
// TemplateError on invalid syntax (with the line), duplicate keys,
// unsupported tags or complex keys.
TemplateNode ParseTemplate(std::string_view text);
// Strict JSON only (cloudformation_json.cc); the same tree yaml-cpp's
// reading of the same text gives, many times faster.
TemplateNode ParseJsonTemplate(std::string_view text);
// Throws TemplateError on the second occurrence of a key of `map`.
void CheckUniqueKeys(const TemplateNode& map);

// An intrinsic function call: a map with the single key "Ref", "Condition"
// or "Fn::<Name>". Returns {name, argument} or {"", nullptr}.
std::pair<std::string_view, const TemplateNode*> AsIntrinsic(const TemplateNode& node);

}  // namespace posture::iac::cfn
