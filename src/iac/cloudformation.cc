#include "iac/cloudformation.h"

#include <algorithm>
#include <set>
#include <vector>

#include "iac/cloudformation_intrinsics.h"
#include "iac/cloudformation_template.h"

namespace posture::iac {
namespace {

using cfn::TemplateEntry;
using cfn::TemplateError;
using cfn::TemplateNode;

struct ReadResource {
  Resource resource;
  std::vector<std::string> depends;  // created resources it refers to or DependsOn
  bool visiting = false;
  bool done = false;
};

// Messages quote names from the file, which may hold line breaks.
std::string OneLine(std::string message) {
  for (std::size_t at = 0; (at = message.find_first_of("\r\n", at)) != std::string::npos; at += 2) {
    message.replace(at, 1, message[at] == '\n' ? "\\n" : "\\r");
  }
  return message;
}

std::vector<Suppression> ReadSuppressions(const TemplateEntry& entry) {
  std::vector<Suppression> out;
  const TemplateNode* metadata = entry.value.find("Metadata");
  const TemplateNode* posture = metadata != nullptr && metadata->is_map() ? metadata->find("posture") : nullptr;
  if (posture == nullptr) return out;
  const TemplateNode* ignore = posture->is_map() ? posture->find("ignore") : nullptr;
  if (ignore == nullptr || !ignore->is_list()) {
    throw TemplateError(posture->line, "Metadata.posture of " + entry.key + " must be {ignore: [{id, reason}]}");
  }
  for (const TemplateNode& item : ignore->items) {
    const TemplateNode* id = item.is_map() ? item.find("id") : nullptr;
    const TemplateNode* reason = item.is_map() ? item.find("reason") : nullptr;
    if (id == nullptr || !id->is_scalar() || id->text.empty() || (reason != nullptr && !reason->is_scalar())) {
      throw TemplateError(item.line,
                          "Metadata.posture.ignore of " + entry.key + " takes {id: <check id>, reason: <text>}");
    }
    out.push_back(Suppression{id->text, reason == nullptr ? std::string() : reason->text});
  }
  return out;
}

std::vector<const TemplateNode*> DependsOn(const TemplateEntry& entry) {
  std::vector<const TemplateNode*> out;
  const TemplateNode* depends = entry.value.find("DependsOn");
  if (depends == nullptr || depends->kind == TemplateNode::Kind::kNull) return out;
  if (depends->is_scalar()) return {depends};
  if (depends->is_list()) {
    for (const TemplateNode& item : depends->items) {
      if (!item.is_scalar()) break;
      out.push_back(&item);
    }
    if (out.size() == depends->items.size()) return out;
  }
  throw TemplateError(depends->line, "the DependsOn of " + entry.key + " must be a name or a list of names");
}

ReadResource ReadOne(const std::string& file, const TemplateEntry& entry, cfn::Evaluator& evaluator,
                     const CloudFormationOptions& options) {
  ReadResource out;
  Resource& resource = out.resource;
  resource.address = entry.key;
  resource.type = entry.value.find("Type")->text;
  resource.format = SourceFormat::kCloudFormation;
  resource.region = options.region;
  resource.location = SourceLocation{file, entry.line, ""};
  std::set<std::string> refs;
  for (const TemplateNode* name : DependsOn(entry)) {
    if (evaluator.FindResource(name->text) == nullptr) {
      if (evaluator.transformed()) continue;
      throw TemplateError(name->line, entry.key + " DependsOn \"" + name->text + "\", which is not a resource");
    }
    refs.insert(name->text);
  }
  const TemplateNode* properties = entry.value.find("Properties");
  if (properties != nullptr && properties->kind != TemplateNode::Kind::kNull) {
    std::optional<nlohmann::json> values = evaluator.Evaluate(*properties, &refs);
    // Properties wholly unknown (an Fn::If on an unknown condition whose
    // branches are not both mappings) stay the Unknown marker, an object.
    if (values && !values->is_object()) {
      throw TemplateError(properties->line, "the Properties of " + entry.key + " must be a mapping");
    }
    if (values) resource.values = std::move(*values);
  }
  resource.suppressions = ReadSuppressions(entry);
  for (const std::string& id : refs) {
    if (evaluator.Created(id)) out.depends.push_back(id);
  }
  return out;
}

// Depth-first search for a reference cycle through `id`; throws naming it.
void CheckCycles(const std::string& id, std::map<std::string, ReadResource>& resources,
                 std::vector<std::string>& path) {
  ReadResource& node = resources.at(id);
  if (node.done) return;
  if (node.visiting) {
    std::string cycle;
    for (auto it = std::find(path.begin(), path.end(), id); it != path.end(); ++it) cycle += *it + " -> ";
    throw TemplateError(resources.at(*std::find(path.begin(), path.end(), id)).resource.location.line,
                        "reference cycle: " + cycle + id);
  }
  node.visiting = true;
  path.push_back(id);
  for (const std::string& next : node.depends) CheckCycles(next, resources, path);
  path.pop_back();
  node.visiting = false;
  node.done = true;
}

std::vector<Resource> ReadResources(const std::string& file, const TemplateNode& root,
                                    const CloudFormationOptions& options) {
  if (root.kind == TemplateNode::Kind::kNull) throw TemplateError(1, "the template is empty");
  if (!root.is_map()) throw TemplateError(root.line, "a template must be a mapping (JSON object) at the top level");
  const TemplateNode* section = root.find("Resources");
  if (section == nullptr) throw TemplateError(1, "the template has no Resources section");
  if (!section->is_map() || section->entries.empty()) {
    throw TemplateError(section->line, "Resources must be a mapping of at least one resource");
  }
  cfn::Evaluator evaluator(root, options);
  std::vector<std::string> order;
  std::map<std::string, ReadResource> resources;
  for (const TemplateEntry& entry : section->entries) {
    if (entry.key.rfind("Fn::ForEach::", 0) == 0) continue;
    if (!entry.value.is_map()) throw TemplateError(entry.line, "resource " + entry.key + " must be a mapping");
    const TemplateNode* type = entry.value.find("Type");
    if (type == nullptr || !type->is_scalar() || type->text.empty()) {
      throw TemplateError(entry.line, "resource " + entry.key + " has no Type");
    }
    if (!evaluator.Created(entry.key)) continue;
    resources.emplace(entry.key, ReadOne(file, entry, evaluator, options));
    order.push_back(entry.key);
  }
  std::vector<std::string> path;
  for (const std::string& id : order) CheckCycles(id, resources, path);
  std::vector<Resource> out;
  out.reserve(order.size());
  for (const std::string& id : order) out.push_back(std::move(resources.at(id).resource));
  return out;
}

}  // namespace

std::optional<ParseError> ReadCloudFormation(const std::string& file, std::string_view text, const ResourceSink& sink,
                                             const CloudFormationOptions& options) {
  std::vector<Resource> resources;
  try {
    TemplateNode root = cfn::ParseTemplate(text);
    resources = ReadResources(file, root, options);
  } catch (const TemplateError& error) {
    return ParseError{file, error.line(), OneLine(error.what())};
  } catch (const std::exception& error) {  // a bug, not the file's fault: still one line
    return ParseError{file, 0, std::string("cannot read the template: ") + error.what()};
  }
  for (Resource& resource : resources) sink(std::move(resource));
  return std::nullopt;
}

}  // namespace posture::iac
