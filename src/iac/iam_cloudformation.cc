// CloudFormation's IAM resources as IAM declarations (iam_model.h).
// Policy documents are JSON objects here; ReadDocument gives them the same
// text as Terraform's strings.
#include "iac/iam_model.h"

namespace posture::iac::iam_mapping {
namespace {

const nlohmann::json& Get(const nlohmann::json& values, const char* key) {
  static const nlohmann::json kNull;
  const nlohmann::json* value = Member(values, key);
  return value != nullptr ? *value : kNull;
}

// Policies: [{PolicyName, PolicyDocument}], embedded in principal `self`.
void AddEmbeddedPolicies(const Resource& resource, MappingContext& context, Declarations& out, Kind kind) {
  const nlohmann::json& policies = Get(resource.values, "Policies");
  if (policies.is_null()) return;
  const std::string field = std::string(StructName(kind)) + ".inline_policies";
  if (!policies.is_array()) {
    context.mark_unknown(resource.address, field);
    return;
  }
  for (const auto& policy : policies) {
    if (!policy.is_object() || IsUnknown(policy)) {
      context.mark_unknown(resource.address, field);
      continue;
    }
    out.inlines.push_back({resource.address, kind, Link{resource.address, {}}, KnownText(policy, "PolicyName"),
                           ReadDocument(Get(policy, "PolicyDocument"))});
  }
}

void AddManagedPolicyArns(const Resource& resource, MappingContext& context, Declarations& out, Kind kind) {
  const nlohmann::json& arns = Get(resource.values, "ManagedPolicyArns");
  std::vector<Link> links;
  if (!ReadLinks(arns, links))
    context.mark_unknown(resource.address, std::string(StructName(kind)) + ".attached_policy_arns");
  for (auto& link : links)
    out.attachments.push_back({resource.address, kind, Link{resource.address, {}}, std::move(link)});
}

void AddPrincipal(const Resource& resource, MappingContext& context, Declarations& out, Kind kind,
                  const char* name_key) {
  const nlohmann::json& values = resource.values;
  const std::string name = KnownText(values, name_key);
  Principal principal{kind, resource.address, name.empty() ? resource.address : name, resource.address, {}};
  context.record(resource);
  context.alias(name, resource.address);
  if (kind == Kind::kRole) principal.trust = ReadDocument(Get(values, "AssumeRolePolicyDocument"));
  AddEmbeddedPolicies(resource, context, out, kind);
  AddManagedPolicyArns(resource, context, out, kind);
  if (kind == Kind::kUser) {
    std::vector<Link> groups;
    if (!ReadLinks(Get(values, "Groups"), groups)) context.mark_unknown(resource.address, "IamUser.groups");
    for (auto& group : groups)
      out.memberships.push_back({resource.address, Link{resource.address, {}}, std::move(group)});
  }
  out.principals.push_back(std::move(principal));
}

// The principals a ManagedPolicy or Policy names: (kind, link) pairs; an
// unknown list is one unknown link.
std::vector<std::pair<Kind, Link>> NamedPrincipals(const nlohmann::json& values) {
  std::vector<std::pair<Kind, Link>> out;
  const std::pair<const char*, Kind> lists[] = {
      {"Users", Kind::kUser}, {"Groups", Kind::kGroup}, {"Roles", Kind::kRole}};
  for (const auto& [key, kind] : lists) {
    std::vector<Link> links;
    if (!ReadLinks(Get(values, key), links)) links.emplace_back();
    for (auto& link : links) out.emplace_back(kind, std::move(link));
  }
  return out;
}

void AddManagedPolicy(const Resource& resource, MappingContext& context, Declarations& out) {
  const nlohmann::json& values = resource.values;
  const std::string name = KnownText(values, "ManagedPolicyName");
  context.record(resource);
  out.policies.push_back({resource.address, name.empty() ? resource.address : name, resource.address,
                          ReadDocument(Get(values, "PolicyDocument"))});
  const Link self{resource.address, {}};
  for (auto& [kind, link] : NamedPrincipals(values))
    out.attachments.push_back({resource.address, kind, std::move(link), self});
}

// AWS::IAM::Policy: one inline policy put on every principal it names.
void AddPolicy(const Resource& resource, MappingContext& context, Declarations& out) {
  const nlohmann::json& values = resource.values;
  context.record(resource);
  const std::string name = KnownText(values, "PolicyName");
  const Document document = ReadDocument(Get(values, "PolicyDocument"));
  for (auto& [kind, link] : NamedPrincipals(values))
    out.inlines.push_back({resource.address, kind, std::move(link), name, document});
}

void AddOwnInline(const Resource& resource, MappingContext& context, Declarations& out, Kind kind, const char* owner) {
  const nlohmann::json& values = resource.values;
  context.record(resource);
  out.inlines.push_back({resource.address, kind, ReadLink(Get(values, owner)), KnownText(values, "PolicyName"),
                         ReadDocument(Get(values, "PolicyDocument"))});
}

void AddUserToGroup(const Resource& resource, Declarations& out) {
  const nlohmann::json& values = resource.values;
  const Link group = ReadLink(Get(values, "GroupName"));
  std::vector<Link> users;
  if (!ReadLinks(Get(values, "Users"), users)) users.emplace_back();
  for (auto& user : users) out.memberships.push_back({resource.address, std::move(user), group});
}

}  // namespace

bool AddCloudFormationIam(const Resource& resource, MappingContext& context, Declarations& out) {
  const std::string& type = resource.type;
  if (type == "AWS::IAM::User") {
    AddPrincipal(resource, context, out, Kind::kUser, "UserName");
  } else if (type == "AWS::IAM::Group") {
    AddPrincipal(resource, context, out, Kind::kGroup, "GroupName");
  } else if (type == "AWS::IAM::Role") {
    AddPrincipal(resource, context, out, Kind::kRole, "RoleName");
  } else if (type == "AWS::IAM::ManagedPolicy") {
    AddManagedPolicy(resource, context, out);
  } else if (type == "AWS::IAM::Policy") {
    AddPolicy(resource, context, out);
  } else if (type == "AWS::IAM::UserPolicy") {
    AddOwnInline(resource, context, out, Kind::kUser, "UserName");
  } else if (type == "AWS::IAM::GroupPolicy") {
    AddOwnInline(resource, context, out, Kind::kGroup, "GroupName");
  } else if (type == "AWS::IAM::RolePolicy") {
    AddOwnInline(resource, context, out, Kind::kRole, "RoleName");
  } else if (type == "AWS::IAM::UserToGroupAddition") {
    AddUserToGroup(resource, out);
  } else {
    return false;
  }
  return true;
}

}  // namespace posture::iac::iam_mapping
