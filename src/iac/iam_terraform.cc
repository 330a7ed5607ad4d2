// Terraform's IAM resources as IAM declarations (iam_model.h).
#include "iac/iam_model.h"

namespace posture::iac::iam_mapping {
namespace {

// An Optional+Computed attribute the configuration leaves out is unknown in
// a plan ("known after apply") with no reference behind it. After apply it
// holds what AWS has: for a role's inline_policy and managed_policy_arns,
// what other resources of the run attach; for the password policy's
// optional settings, AWS's default (not set, false). Such an unknown is read
// as absent; an unknown that a reference feeds stays unknown.
bool IsComputedDefault(const nlohmann::json& value) { return IsUnknown(value) && ReferencedAddress(value) == nullptr; }

const nlohmann::json& Null() {
  static const nlohmann::json kNull;
  return kNull;
}

const nlohmann::json& At(const nlohmann::json& values, const char* key) {
  const nlohmann::json* value = Member(values, key);
  return value != nullptr ? *value : Null();
}

void RecordPrincipal(const Resource& resource, MappingContext& context, Principal& principal) {
  const nlohmann::json& values = resource.values;
  const std::string name = KnownText(values, "name");
  const std::string arn = KnownText(values, "arn");
  principal.address = resource.address;
  principal.name = name.empty() ? resource.address : name;
  principal.arn = arn.empty() ? resource.address : arn;
  context.record(resource, KnownText(values, "id"));
  context.alias(name, resource.address);
  context.alias(arn, resource.address);
  context.alias(KnownText(values, "unique_id"), resource.address);
}

void AddRoleDetails(const Resource& resource, MappingContext& context, Declarations& out, Principal& role) {
  const nlohmann::json& values = resource.values;
  const std::string& address = resource.address;
  role.trust = ReadDocument(At(values, "assume_role_policy"));
  const nlohmann::json& blocks = At(values, "inline_policy");
  if (blocks.is_array()) {
    for (const auto& block : blocks) {
      const nlohmann::json& policy = At(block, "policy");
      const std::string name = KnownText(block, "name");
      // State lists a role without inline policies as one empty block.
      if (name.empty() && !At(block, "name").is_object() && (policy.is_null() || policy == "")) continue;
      out.inlines.push_back({address, Kind::kRole, Link{address, {}}, name, ReadDocument(policy)});
    }
  } else if (!blocks.is_null() && !IsComputedDefault(blocks)) {
    context.mark_unknown(address, "IamRole.inline_policies");
  }
  const nlohmann::json& arns = At(values, "managed_policy_arns");
  if (arns.is_null() || IsComputedDefault(arns)) return;
  std::vector<Link> links;
  if (!ReadLinks(arns, links)) context.mark_unknown(address, "IamRole.attached_policy_arns");
  for (auto& link : links) out.attachments.push_back({address, Kind::kRole, Link{address, {}}, std::move(link)});
}

void AddPrincipal(const Resource& resource, MappingContext& context, Declarations& out, Kind kind) {
  Principal principal;
  principal.kind = kind;
  RecordPrincipal(resource, context, principal);
  if (kind == Kind::kRole) AddRoleDetails(resource, context, out, principal);
  out.principals.push_back(std::move(principal));
}

void AddPolicy(const Resource& resource, MappingContext& context, Declarations& out) {
  const nlohmann::json& values = resource.values;
  const std::string name = KnownText(values, "name");
  const std::string arn = KnownText(values, "arn");
  context.record(resource, KnownText(values, "id"));
  context.alias(arn, resource.address);
  context.alias(KnownText(values, "policy_id"), resource.address);
  out.policies.push_back({resource.address, name.empty() ? resource.address : name,
                          arn.empty() ? resource.address : arn, ReadDocument(At(values, "policy"))});
}

void AddInline(const Resource& resource, MappingContext& context, Declarations& out, Kind kind, const char* owner) {
  const nlohmann::json& values = resource.values;
  context.record(resource, KnownText(values, "id"));
  out.inlines.push_back({resource.address, kind, ReadLink(At(values, owner)), KnownText(values, "name"),
                         ReadDocument(At(values, "policy"))});
}

void AddAttachment(const Resource& resource, Declarations& out, Kind kind, const char* owner) {
  const nlohmann::json& values = resource.values;
  out.attachments.push_back({resource.address, kind, ReadLink(At(values, owner)), ReadLink(At(values, "policy_arn"))});
}

// One attachment per principal of a list; an unknown list is one attachment
// to an unknown principal.
void AddAttachments(const Resource& resource, Declarations& out, Kind kind, const nlohmann::json& principals,
                    const Link& policy) {
  std::vector<Link> links;
  if (!ReadLinks(principals, links)) links.emplace_back();
  for (auto& link : links) out.attachments.push_back({resource.address, kind, std::move(link), policy});
}

void AddPolicyAttachment(const Resource& resource, Declarations& out) {
  const nlohmann::json& values = resource.values;
  const Link policy = ReadLink(At(values, "policy_arn"));
  AddAttachments(resource, out, Kind::kUser, At(values, "users"), policy);
  AddAttachments(resource, out, Kind::kGroup, At(values, "groups"), policy);
  AddAttachments(resource, out, Kind::kRole, At(values, "roles"), policy);
}

void AddMemberships(const Resource& resource, Declarations& out, const char* one, const char* many, bool user_is_one) {
  const nlohmann::json& values = resource.values;
  const Link single = ReadLink(At(values, one));
  std::vector<Link> links;
  if (!ReadLinks(At(values, many), links)) links.emplace_back();
  for (auto& link : links) {
    out.memberships.push_back(user_is_one ? Membership{resource.address, single, std::move(link)}
                                          : Membership{resource.address, std::move(link), single});
  }
}

// The provider's defaults, which are AWS's: a minimum length of 6 and every
// other setting off.
void AddPasswordPolicy(const Resource& resource, MappingContext& context, Declarations& out) {
  const nlohmann::json& values = resource.values;
  context.record(resource, KnownText(values, "id"));
  PasswordPolicyDecl decl{resource.address, {}};
  inventory::PasswordPolicy& policy = decl.policy;
  constexpr int kDefaultMinimumLength = 6;
  policy.minimum_length = kDefaultMinimumLength;
  auto read_int = [&](const char* key, int& target, const char* field, bool computed) {
    const nlohmann::json& value = At(values, key);
    if (value.is_number_integer()) {
      target = value.get<int>();
    } else if (value.is_string() && !value.get_ref<const std::string&>().empty()) {
      target = std::atoi(value.get_ref<const std::string&>().c_str());
    } else if (IsUnknown(value) || ReferencedAddress(value) != nullptr) {
      if (!computed || !IsComputedDefault(value)) context.mark_unknown(resource.address, field);
    }
  };
  auto read_bool = [&](const char* key, bool& target, const char* field) {
    const nlohmann::json& value = At(values, key);
    if (value.is_boolean()) {
      target = value.get<bool>();
    } else if (value.is_string()) {
      target = value == "true";
    } else if (!value.is_null() && !IsComputedDefault(value)) {
      context.mark_unknown(resource.address, field);
    }
  };
  read_int("minimum_password_length", policy.minimum_length, "PasswordPolicy.minimum_length", false);
  read_int("password_reuse_prevention", policy.reuse_prevention, "PasswordPolicy.reuse_prevention", true);
  read_int("max_password_age", policy.max_age_days, "PasswordPolicy.max_age_days", true);
  read_bool("require_symbols", policy.require_symbols, "PasswordPolicy.require_symbols");
  read_bool("require_numbers", policy.require_numbers, "PasswordPolicy.require_numbers");
  read_bool("require_uppercase_characters", policy.require_uppercase, "PasswordPolicy.require_uppercase");
  read_bool("require_lowercase_characters", policy.require_lowercase, "PasswordPolicy.require_lowercase");
  out.password_policy = std::move(decl);
}

}  // namespace

bool AddTerraformIam(const Resource& resource, MappingContext& context, Declarations& out) {
  const std::string& type = resource.type;
  if (type == "aws_iam_user") {
    AddPrincipal(resource, context, out, Kind::kUser);
  } else if (type == "aws_iam_group") {
    AddPrincipal(resource, context, out, Kind::kGroup);
  } else if (type == "aws_iam_role") {
    AddPrincipal(resource, context, out, Kind::kRole);
  } else if (type == "aws_iam_policy") {
    AddPolicy(resource, context, out);
  } else if (type == "aws_iam_user_policy") {
    AddInline(resource, context, out, Kind::kUser, "user");
  } else if (type == "aws_iam_group_policy") {
    AddInline(resource, context, out, Kind::kGroup, "group");
  } else if (type == "aws_iam_role_policy") {
    AddInline(resource, context, out, Kind::kRole, "role");
  } else if (type == "aws_iam_user_policy_attachment") {
    AddAttachment(resource, out, Kind::kUser, "user");
  } else if (type == "aws_iam_group_policy_attachment") {
    AddAttachment(resource, out, Kind::kGroup, "group");
  } else if (type == "aws_iam_role_policy_attachment") {
    AddAttachment(resource, out, Kind::kRole, "role");
  } else if (type == "aws_iam_policy_attachment") {
    AddPolicyAttachment(resource, out);
  } else if (type == "aws_iam_user_group_membership") {
    AddMemberships(resource, out, "user", "groups", /*user_is_one=*/true);
  } else if (type == "aws_iam_group_membership") {
    AddMemberships(resource, out, "group", "users", /*user_is_one=*/false);
  } else if (type == "aws_iam_account_password_policy") {
    AddPasswordPolicy(resource, context, out);
  } else if (type == "aws_iam_policy_document") {
    // A data source read during plan: its json serves the resources that
    // reference it. Not an inventory object.
    const std::string json = KnownText(resource.values, "json");
    if (!json.empty()) out.data_documents[resource.address] = NormalisedPolicy(json);
  } else {
    return false;
  }
  return true;
}

}  // namespace posture::iac::iam_mapping
