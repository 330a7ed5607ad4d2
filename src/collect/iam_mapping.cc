#include "collect/iam_mapping.h"

#include "aws/json.h"
#include "collect/support.h"

namespace posture::collect {
namespace {

namespace inv = inventory;

std::vector<std::string> AttachedPolicyArns(const aws::Json& principal) {
  return TextOfEach(Member(principal, "AttachedManagedPolicies"), "PolicyArn");
}

std::vector<inv::InlinePolicy> InlinePolicies(const aws::Json& principal, std::string_view list_name) {
  std::vector<inv::InlinePolicy> policies;
  for (const auto& policy : Items(principal, list_name)) {
    policies.push_back({Text(policy, "PolicyName"), DecodePolicyDocument(Text(policy, "PolicyDocument"))});
  }
  return policies;
}

bool IsAwsManaged(std::string_view arn) { return arn.find(":iam::aws:policy/") != std::string_view::npos; }

std::string DefaultVersionDocument(const aws::Json& policy) {
  const std::string default_id = Text(policy, "DefaultVersionId");
  for (const auto& version : Items(policy, "PolicyVersionList")) {
    if (Flag(version, "IsDefaultVersion") || (!default_id.empty() && Text(version, "VersionId") == default_id)) {
      return DecodePolicyDocument(Text(version, "Document"));
    }
  }
  return {};
}

}  // namespace

inv::IamAccountSummary MapAccountSummary(const aws::Json& output) {
  inv::IamAccountSummary summary;
  const aws::Json& map = Member(output, "SummaryMap");
  if (map.is_object()) {
    for (const auto& [key, value] : map.items()) {
      if (value.is_number()) summary.values[key] = value.get<long>();
    }
  }
  summary.root_access_keys_present = Number(map, "AccountAccessKeysPresent") > 0;
  summary.root_mfa_enabled = Number(map, "AccountMFAEnabled") > 0;
  return summary;
}

inv::PasswordPolicy MapPasswordPolicy(const aws::Json& output) {
  const aws::Json& policy = Member(output, "PasswordPolicy");
  inv::PasswordPolicy out;
  out.minimum_length = Int(policy, "MinimumPasswordLength");
  out.reuse_prevention = Int(policy, "PasswordReusePrevention");
  out.require_symbols = Flag(policy, "RequireSymbols");
  out.require_numbers = Flag(policy, "RequireNumbers");
  out.require_uppercase = Flag(policy, "RequireUppercaseCharacters");
  out.require_lowercase = Flag(policy, "RequireLowercaseCharacters");
  out.max_age_days = Int(policy, "MaxPasswordAge");
  return out;
}

inv::VirtualMfaDevice MapVirtualMfaDevice(const aws::Json& device) {
  return {Text(device, "SerialNumber"), Text(Member(device, "User"), "Arn")};
}

void AddAuthorizationPage(const aws::Json& page, inv::AuthorizationDetails& details) {
  for (const auto& user : Items(page, "UserDetailList")) {
    inv::IamUser out;
    out.name = Text(user, "UserName");
    out.arn = Text(user, "Arn");
    out.id = Text(user, "UserId");
    out.attached_policy_arns = AttachedPolicyArns(user);
    out.inline_policies = InlinePolicies(user, "UserPolicyList");
    for (const auto& group : Items(user, "GroupList")) {
      if (group.is_string()) out.groups.push_back(group.get<std::string>());
    }
    details.users.push_back(std::move(out));
  }
  for (const auto& group : Items(page, "GroupDetailList")) {
    details.groups.push_back({Text(group, "GroupName"), Text(group, "Arn"), AttachedPolicyArns(group),
                              InlinePolicies(group, "GroupPolicyList")});
  }
  for (const auto& role : Items(page, "RoleDetailList")) {
    details.roles.push_back({Text(role, "RoleName"), Text(role, "Arn"), AttachedPolicyArns(role),
                             InlinePolicies(role, "RolePolicyList"),
                             DecodePolicyDocument(Text(role, "AssumeRolePolicyDocument"))});
  }
  for (const auto& policy : Items(page, "Policies")) {
    inv::ManagedPolicy out;
    out.arn = Text(policy, "Arn");
    out.name = Text(policy, "PolicyName");
    // The name is the ARN's last path segment (some emulators omit PolicyName).
    if (out.name.empty()) out.name = out.arn.substr(out.arn.rfind('/') + 1);
    out.aws_managed = IsAwsManaged(out.arn);
    out.attachment_count = Int(policy, "AttachmentCount");
    if (out.aws_managed && out.attachment_count == 0) continue;
    out.default_version_document = DefaultVersionDocument(policy);
    details.policies.push_back(std::move(out));
  }
}

}  // namespace posture::collect
