// The plan's `configuration`: expressions reduced to their references, and
// how an unknown attribute becomes a marker naming the resource it comes from.
#include <algorithm>

#include "iac/terraform_internal.h"

namespace posture::iac::terraform {

namespace {

constexpr std::string_view kKnownAfterApply = "known after apply";
constexpr int kMaxModuleOutputDepth = 8;

std::vector<std::string> ReferenceList(od::value references) {
  std::vector<std::string> out;
  for (auto item : references.get_array()) {
    od::value value = item.value();
    if (value.type() == od::json_type::string) out.emplace_back(StringOf(value));
  }
  return out;
}

// An expression tree reduced to references (see ResourceConfig::expressions).
nlohmann::json PruneExpressions(od::value value) {
  switch (value.type()) {
    case od::json_type::object: {
      bool leaf = false;
      nlohmann::json references;
      nlohmann::json block = nlohmann::json::object();
      for (auto member : value.get_object()) {
        od::field field = std::move(member);
        std::string_view key = KeyOf(field);
        if (key == "references") {
          leaf = true;
          std::vector<std::string> list = ReferenceList(field.value());
          if (!list.empty()) references = list;
        } else if (key == "constant_value") {
          leaf = true;
        } else {
          std::string name(key);
          nlohmann::json pruned = PruneExpressions(field.value());
          if (!pruned.is_null()) block[name] = std::move(pruned);
        }
      }
      if (leaf) return references;
      return block.empty() ? nlohmann::json() : block;
    }
    case od::json_type::array: {
      nlohmann::json blocks = nlohmann::json::array();
      bool any = false;
      for (auto item : value.get_array()) {
        blocks.push_back(PruneExpressions(item.value()));
        any = any || !blocks.back().is_null();
      }
      return any ? blocks : nlohmann::json();
    }
    default:
      return nullptr;  // skipped by the caller moving on
  }
}

void ReadResourceConfig(od::value value, const std::string& module_path, PlanConfig& config) {
  std::string mode = "managed", type, name;
  ResourceConfig resource;
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "mode") {
      mode = StringOf(field.value());
    } else if (key == "type") {
      type = StringOf(field.value());
    } else if (key == "name") {
      name = StringOf(field.value());
    } else if (key == "provider_config_key") {
      resource.provider_key = StringOf(field.value());
    } else if (key == "provider_config_keys") {  // OpenTofu, for a resource using several: the first
      std::vector<std::string> keys = ReferenceList(field.value());
      if (!keys.empty()) resource.provider_key = keys.front();
    } else if (key == "expressions")
      resource.expressions = PruneExpressions(field.value());
  }
  std::string relative = (mode == "data" ? "data." : "") + type + "." + name;
  config.resources[JoinAddress(module_path, relative)] = std::move(resource);
}

void ReadModuleConfig(od::value value, const std::string& module_path, PlanConfig& config);

void ReadModuleCall(od::value value, const std::string& module_path, PlanConfig& config) {
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "source") {
      config.module_sources[module_path] = StringOf(field.value());
    } else if (key == "module") {
      ReadModuleConfig(field.value(), module_path, config);
    }
  }
}

void ReadOutputs(od::value value, const std::string& module_path, PlanConfig& config) {
  for (auto output : value.get_object()) {
    od::field field = std::move(output);
    std::string name(KeyOf(field));
    for (auto member : field.value().get_object()) {
      od::field inner = std::move(member);
      if (KeyOf(inner) != "expression") continue;
      for (auto part : inner.value().get_object()) {
        od::field expression = std::move(part);
        if (KeyOf(expression) == "references") {
          config.module_outputs[module_path + ":" + name] = ReferenceList(expression.value());
        }
      }
    }
  }
}

void ReadModuleConfig(od::value value, const std::string& module_path, PlanConfig& config) {
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "resources") {
      for (auto resource : field.value().get_array()) ReadResourceConfig(resource.value(), module_path, config);
    } else if (key == "module_calls") {
      for (auto call : field.value().get_object()) {
        od::field call_field = std::move(call);
        std::string path = JoinAddress(module_path, "module." + std::string(KeyOf(call_field)));
        ReadModuleCall(call_field.value(), path, config);
      }
    } else if (key == "outputs") {
      ReadOutputs(field.value(), module_path, config);
    }
  }
}

// A provider's region expression: the constant, or "var.<name>".
void ReadProviderConfig(od::value value, const std::string& key, PlanConfig& config) {
  for (auto member : value.get_object()) {
    od::field field = std::move(member);
    if (KeyOf(field) != "expressions") continue;
    for (auto expression : field.value().get_object()) {
      od::field attribute = std::move(expression);
      if (KeyOf(attribute) != "region") continue;
      od::value region = attribute.value();
      if (region.type() != od::json_type::object) continue;
      for (auto part : region.get_object()) {
        od::field detail = std::move(part);
        std::string_view name = KeyOf(detail);
        od::value detail_value = detail.value();
        if (name == "constant_value" && detail_value.type() == od::json_type::string) {
          config.provider_regions[key] = std::string(StringOf(detail_value));
        } else if (name == "references" && detail_value.type() == od::json_type::array) {
          for (const std::string& reference : ReferenceList(detail_value)) {
            if (reference.rfind("var.", 0) == 0) {
              config.provider_regions[key] = reference;
              break;
            }
          }
        }
      }
    }
  }
}

// "aws_x.y[0].id" -> {"aws_x", "y[0]", "id"}: split on dots outside brackets.
std::vector<std::string_view> SplitReference(std::string_view reference) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < reference.size(); ++i) {
    char c = reference[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '.' && depth == 0) {
      out.push_back(reference.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(reference.substr(start));
  return out;
}

std::string_view NamePart(std::string_view segment) { return segment.substr(0, segment.find('[')); }
std::string_view KeyPart(std::string_view segment) {
  std::size_t bracket = segment.find('[');
  return bracket == std::string_view::npos ? std::string_view() : segment.substr(bracket);
}

bool IsSymbol(std::string_view head) {
  static const std::unordered_set<std::string_view> kSymbols = {"var",  "local",     "each", "count",
                                                                "path", "terraform", "self"};
  return kSymbols.count(head) > 0;
}

std::string PickInstance(const PlanConfig& config, const std::string& base, std::string_view own_index) {
  auto first = config.first_instance.find(base);
  if (first == config.first_instance.end()) return base;
  if (!own_index.empty()) {
    std::string matching = base + std::string(own_index);
    if (config.instances.count(matching)) return matching;
  }
  return first->second;
}

void Resolve(const PlanConfig& config, const std::vector<std::string_view>& references, std::string_view module_address,
             std::string_view own_index, int depth, std::vector<ResolvedReference>& out,
             std::vector<std::string>& bases) {
  for (std::string_view reference : references) {
    std::vector<std::string_view> segments = SplitReference(reference);
    std::string_view head = NamePart(segments[0]);
    if (IsSymbol(head)) continue;
    if (head == "module") {
      if (segments.size() < 3 || depth >= kMaxModuleOutputDepth) continue;
      std::string child = JoinAddress(module_address, "module." + std::string(segments[1]));
      auto output = config.module_outputs.find(StripInstanceKeys(child) + ":" + std::string(NamePart(segments[2])));
      if (output == config.module_outputs.end()) continue;
      std::vector<std::string_view> inner(output->second.begin(), output->second.end());
      Resolve(config, inner, child, own_index, depth + 1, out, bases);
      continue;
    }
    std::size_t name_at = head == "data" ? 2 : 1;
    if (segments.size() <= name_at) continue;
    std::string base = head == "data" ? "data." + std::string(segments[1]) : std::string(head);
    base += "." + std::string(NamePart(segments[name_at]));
    base = JoinAddress(module_address, base);
    std::string_view key = KeyPart(segments[name_at]);
    std::string attribute = segments.size() > name_at + 1 ? std::string(NamePart(segments[name_at + 1])) : "";
    std::string address = key.empty() ? PickInstance(config, base, own_index) : base + std::string(key);
    // Terraform lists "aws_x.y.id" then "aws_x.y": one reference, with the attribute of the first.
    std::size_t seen = out.size();
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i].address == address || (key.empty() && bases[i] == base)) seen = i;
    }
    if (seen < out.size()) {
      if (out[seen].attribute.empty()) out[seen].attribute = attribute;
      continue;
    }
    out.push_back({std::move(address), std::move(attribute)});
    bases.push_back(std::move(base));
  }
}

bool ContainsTrue(const nlohmann::json& unknown) {
  if (unknown.is_boolean()) return unknown.get<bool>();
  if (unknown.is_object() || unknown.is_array()) {
    return std::any_of(unknown.begin(), unknown.end(), [](const nlohmann::json& item) { return ContainsTrue(item); });
  }
  return false;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Attributes holding a list of ids or ARNs: a whole-unknown value with one
// reference is then a list of one marker.
bool IsListAttribute(std::string_view name) {
  return EndsWith(name, "_ids") || EndsWith(name, "_arns") || name == "security_groups";
}

bool IsReferenceList(const nlohmann::json* expression) {
  return expression && expression->is_array() && !expression->empty() && expression->front().is_string();
}

// Carries the reference scope down the value tree.
struct Scope {
  const PlanConfig& plan;
  std::string_view module_address;
  std::string_view own_index;

  std::vector<ResolvedReference> references(const nlohmann::json* expression) const {
    if (!IsReferenceList(expression)) return {};
    return ResolveReferences(plan, *expression, module_address, own_index);
  }
};

nlohmann::json Marker(const ResolvedReference* reference) {
  // Built member by member: an initializer list costs several times more, once per unknown value.
  nlohmann::json marker(nlohmann::json::value_t::object);
  auto& members = marker.get_ref<nlohmann::json::object_t&>();
  if (reference) members.emplace("$attr", reference->attribute);
  if (reference) members.emplace("$ref", reference->address);
  members.emplace("$unknown", std::string(kKnownAfterApply));
  return marker;
}

// The known value of a data source's attribute, or nullptr.
const nlohmann::json* KnownDataValue(const PlanConfig& plan, const ResolvedReference& reference) {
  if (reference.address.rfind("data.", 0) != 0 && reference.address.find(".data.") == std::string::npos) {
    return nullptr;
  }
  auto data = plan.data_values.find(reference.address);
  if (data == plan.data_values.end() || !data->second.is_object()) return nullptr;
  auto value = data->second.find(reference.attribute);
  return value == data->second.end() || value->is_null() ? nullptr : &*value;
}

nlohmann::json WholeUnknown(const Scope& scope, const nlohmann::json* expression, std::string_view name) {
  std::vector<ResolvedReference> references = scope.references(expression);
  if (references.empty()) return Marker(nullptr);
  if (references.size() > 1 || IsListAttribute(name)) {
    nlohmann::json list = nlohmann::json::array();
    for (const ResolvedReference& reference : references) list.push_back(Marker(&reference));
    return list;
  }
  if (const nlohmann::json* known = KnownDataValue(scope.plan, references.front())) return *known;
  return Marker(&references.front());
}

const nlohmann::json* Member(const nlohmann::json* expression, const std::string& key) {
  if (!expression || !expression->is_object()) return nullptr;
  auto it = expression->find(key);
  return it == expression->end() ? nullptr : &*it;
}

// The block expression for item `index` of a list of `size` blocks.
const nlohmann::json* BlockAt(const nlohmann::json* expression, std::size_t index, std::size_t size) {
  if (!expression || !expression->is_array() || IsReferenceList(expression)) return nullptr;
  if (expression->size() == size) return &(*expression)[index];
  if (expression->size() == 1) return &expression->front();
  return nullptr;
}

void Apply(nlohmann::json& value, const nlohmann::json& unknown, const nlohmann::json* expression,
           std::string_view name, const Scope& scope) {
  if (unknown.is_boolean()) {
    if (unknown.get<bool>()) value = WholeUnknown(scope, expression, name);
    return;
  }
  if (unknown.is_object()) {
    if (!ContainsTrue(unknown)) return;
    if (!value.is_object()) value = nlohmann::json::object();
    for (const auto& [key, inner] : unknown.items()) {
      if (!ContainsTrue(inner)) continue;
      Apply(value[key], inner, Member(expression, key), key, scope);
    }
    return;
  }
  if (!unknown.is_array() || !ContainsTrue(unknown)) return;
  if (!value.is_array()) value = nlohmann::json::array();
  while (value.size() < unknown.size()) value.push_back(nullptr);
  // Items of a list attribute take the references in order; blocks take their block's expressions.
  std::vector<ResolvedReference> references = scope.references(expression);
  std::size_t next_reference = 0;
  for (std::size_t i = 0; i < unknown.size(); ++i) {
    const nlohmann::json& inner = unknown[i];
    if (inner.is_boolean()) {
      if (!inner.get<bool>()) continue;
      value[i] = Marker(next_reference < references.size() ? &references[next_reference] : nullptr);
      ++next_reference;
    } else {
      Apply(value[i], inner, BlockAt(expression, i, unknown.size()), name, scope);
    }
  }
}

nlohmann::json& EnsureObject(nlohmann::json& value) {
  if (!value.is_object()) value = nlohmann::json::object();
  return value;
}

nlohmann::json& EnsureArray(nlohmann::json& value, std::size_t size) {
  if (!value.is_array()) value = nlohmann::json::array();
  while (value.size() < size) value.push_back(nullptr);
  return value;
}

// Apply, reading `unknown` from the document instead of a JSON copy of it.
void ApplyStream(nlohmann::json& value, od::value unknown, const nlohmann::json* expression, std::string_view name,
                 const Scope& scope) {
  od::json_type type = unknown.type();
  if (type == od::json_type::boolean) {
    if (static_cast<bool>(unknown.get_bool())) value = WholeUnknown(scope, expression, name);
    return;
  }
  if (type == od::json_type::object) {
    for (auto member : unknown.get_object()) {
      od::field field = std::move(member);
      std::string_view key = KeyOf(field);
      od::value inner = field.value();
      od::json_type inner_type = inner.type();
      std::string key_string(key);
      const nlohmann::json* inner_expression = Member(expression, key_string);
      if (inner_type == od::json_type::boolean) {
        if (static_cast<bool>(inner.get_bool())) {
          EnsureObject(value)[key_string] = WholeUnknown(scope, inner_expression, key);
        }
        continue;
      }
      if (inner_type != od::json_type::object && inner_type != od::json_type::array) continue;
      if (value.is_object()) {
        auto existing = value.find(key_string);
        if (existing != value.end()) {
          ApplyStream(*existing, inner, inner_expression, key, scope);
          continue;
        }
      }
      nlohmann::json fresh;  // created only when something inside is unknown
      ApplyStream(fresh, inner, inner_expression, key, scope);
      if (!fresh.is_null()) EnsureObject(value)[key_string] = std::move(fresh);
    }
    return;
  }
  if (type != od::json_type::array) return;
  od::array items = unknown.get_array();
  std::size_t size = value.is_array() ? value.size() : static_cast<std::size_t>(items.count_elements());
  std::vector<ResolvedReference> references;
  bool resolved = false;
  std::size_t next_reference = 0;
  std::size_t index = 0;
  for (auto item : items) {
    od::value inner = item.value();
    od::json_type inner_type = inner.type();
    if (inner_type == od::json_type::boolean) {
      if (static_cast<bool>(inner.get_bool())) {
        if (!resolved) references = scope.references(expression);
        resolved = true;
        const ResolvedReference* reference = next_reference < references.size() ? &references[next_reference] : nullptr;
        EnsureArray(value, index + 1)[index] = Marker(reference);
        ++next_reference;
      }
    } else if (inner_type == od::json_type::object || inner_type == od::json_type::array) {
      const nlohmann::json* block = BlockAt(expression, index, size);
      if (value.is_array() && index < value.size()) {
        ApplyStream(value[index], inner, block, name, scope);
      } else {
        nlohmann::json fresh;
        ApplyStream(fresh, inner, block, name, scope);
        if (!fresh.is_null()) EnsureArray(value, index + 1)[index] = std::move(fresh);
      }
    }
    ++index;
  }
}

}  // namespace

void PlanConfig::ReadConfiguration(od::value configuration) {
  for (auto member : configuration.get_object()) {
    od::field field = std::move(member);
    std::string_view key = KeyOf(field);
    if (key == "provider_config") {
      for (auto provider : field.value().get_object()) {
        od::field provider_field = std::move(provider);
        std::string provider_key(KeyOf(provider_field));
        ReadProviderConfig(provider_field.value(), provider_key, *this);
      }
    } else if (key == "root_module") {
      ReadModuleConfig(field.value(), "", *this);
    }
  }
}

void PlanConfig::NoteInstance(const std::string& address) {
  if (address.empty() || address.back() != ']') return;
  // The resource's own key is the bracket of the last dot-separated part
  // (dots and brackets inside quoted keys do not count).
  std::string_view last = SplitReference(address).back();
  std::size_t bracket = last.find('[');
  if (bracket == std::string_view::npos) return;
  instances.insert(address);
  first_instance.emplace(address.substr(0, address.size() - last.size() + bracket), address);
}

void PlanConfig::Finish() {
  for (auto& entry : resources) {
    ResourceConfig& resource = entry.second;
    std::string key = resource.provider_key.empty() ? "aws" : resource.provider_key;
    auto provider = provider_regions.find(key);
    if (provider == provider_regions.end()) {
      // A module's resources may name the provider configured in the root.
      std::size_t colon = key.rfind(':');
      if (colon != std::string::npos) key = key.substr(colon + 1);
      provider = provider_regions.find(key);
    }
    if (provider == provider_regions.end()) continue;
    const std::string& region = provider->second;
    if (region.rfind("var.", 0) != 0) {
      resource.region = region;
    } else if (key.find(':') == std::string::npos) {  // only root variables are known
      auto variable = variables.find(region.substr(4));
      if (variable != variables.end()) resource.region = variable->second;
    }
  }
}

const ResourceConfig* PlanConfig::Find(std::string_view module_address, std::string_view mode, std::string_view type,
                                       std::string_view name) const {
  std::string relative = mode == "data" ? "data." : "";
  relative += type;
  relative += '.';
  relative += name;
  auto it = resources.find(JoinAddress(StripInstanceKeys(module_address), relative));
  return it == resources.end() ? nullptr : &it->second;
}

std::string PlanConfig::DefaultRegion(std::string_view module_address) const {
  (void)module_address;
  auto provider = provider_regions.find("aws");
  if (provider == provider_regions.end()) return {};
  if (provider->second.rfind("var.", 0) != 0) return provider->second;
  auto variable = variables.find(provider->second.substr(4));
  return variable == variables.end() ? std::string() : variable->second;
}

std::string PlanConfig::ModuleSource(std::string_view module_address) const {
  if (module_address.empty()) return {};
  auto it = module_sources.find(StripInstanceKeys(module_address));
  return it == module_sources.end() ? std::string() : it->second;
}

std::vector<ResolvedReference> ResolveReferences(const PlanConfig& config, const nlohmann::json& references,
                                                 std::string_view module_address, std::string_view own_index) {
  std::vector<std::string_view> list;
  for (const auto& reference : references) {
    if (reference.is_string()) list.push_back(reference.get_ref<const std::string&>());
  }
  std::vector<ResolvedReference> out;
  std::vector<std::string> bases;
  Resolve(config, list, module_address, own_index, 0, out, bases);
  for (ResolvedReference& reference : out) {
    if (reference.attribute.empty()) reference.attribute = "id";
  }
  return out;
}

void ApplyUnknowns(nlohmann::json& after, const nlohmann::json& after_unknown, const ResourceConfig* config,
                   const PlanConfig& plan, std::string_view module_address, std::string_view own_index) {
  Scope scope{plan, module_address, own_index};
  const nlohmann::json* expressions = config ? &config->expressions : nullptr;
  Apply(after, after_unknown, expressions, "", scope);
}

}  // namespace posture::iac::terraform

namespace posture::iac::terraform {

void ApplyUnknowns(nlohmann::json& after, od::value after_unknown, const ResourceConfig* config, const PlanConfig& plan,
                   std::string_view module_address, std::string_view own_index) {
  Scope scope{plan, module_address, own_index};
  const nlohmann::json* expressions = config ? &config->expressions : nullptr;
  ApplyStream(after, after_unknown, expressions, "", scope);
}

}  // namespace posture::iac::terraform
