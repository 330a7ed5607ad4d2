// Reports the service-wide wildcards iam:*, kms:*, sts:* and s3:* on
// Resource "*". A bare "*" (every action) is full administrator access and
// is iam_policy_no_full_admin's finding; here it does not count, and the
// message says so, to avoid reporting the same grant twice.
#include <set>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_policy_no_service_wildcard {
namespace {

constexpr std::string_view kServices[] = {"iam", "kms", "sts", "s3"};

// "iam:*" (case-insensitive, "iam:**" too) for one of kServices, else "".
std::string ServiceWildcard(std::string_view pattern) {
  pattern = base::Trim(pattern);
  for (std::string_view service : kServices) {
    if (pattern.size() < service.size() + 2 || !base::EqualsIgnoreCase(pattern.substr(0, service.size()), service) ||
        pattern[service.size()] != ':') {
      continue;
    }
    const std::string_view rest = pattern.substr(service.size() + 1);
    if (rest.find_first_not_of('*') == std::string_view::npos) return std::string(service) + ":*";
  }
  return {};
}

void EvaluateDocument(FindingSink& sink, std::string_view type, const std::string& id, const std::string& arn,
                      const std::string& document, const std::string& context) {
  sink.set_resource_type(type);
  const iam::ParsedPolicy parsed = iam::ParsePolicy(document);
  if (!parsed.ok()) {
    sink.error(kGlobalRegion, id, arn, "could not read the policy document: " + parsed.error);
    return;
  }
  std::vector<std::string> grants;
  bool full_admin = false;
  for (size_t i = 0; i < parsed.document->statements.size(); ++i) {
    const iam::Statement& s = parsed.document->statements[i];
    if (!s.allow || s.has_not_action || s.has_not_resource) continue;
    bool any_resource = false;
    for (const auto& resource : s.resources) any_resource |= base::Trim(resource) == "*";
    if (!any_resource) continue;
    const std::string where = s.sid.empty() ? "statement " + std::to_string(i + 1) : "statement \"" + s.sid + "\"";
    for (const auto& action : s.actions) {
      if (iam::IsWildcardAction(action)) full_admin = true;
      const std::string wildcard = ServiceWildcard(action);
      if (!wildcard.empty())
        grants.push_back(wildcard + " (" + where + (s.has_condition ? ", with a Condition" : "") + ")");
    }
  }
  if (!grants.empty()) {
    sink.fail(kGlobalRegion, id, arn, context + "allows " + base::Join(grants) + " on every resource");
  } else if (full_admin) {
    sink.pass(kGlobalRegion, id, arn,
              context +
                  "grants no service-wide wildcard for iam, kms, sts or s3; its \"*\" (every action) grant is "
                  "reported by iam_policy_no_full_admin");
  } else {
    sink.pass(kGlobalRegion, id, arn, context + "grants no iam:*, kms:*, sts:* or s3:* on every resource");
  }
}

template <typename Principal>
void EvaluateInline(FindingSink& sink, std::string_view type, std::string_view kind,
                    const std::vector<Principal>& principals) {
  for (const auto& principal : principals) {
    for (const auto& policy : principal.inline_policies) {
      EvaluateDocument(sink, type, principal.name + "/" + policy.name, principal.arn, policy.document,
                       "inline policy of " + std::string(kind) + " " + principal.name + " ");
    }
  }
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& authorization = inventory.iam.authorization;
  if (!sink.require(authorization, kGlobalRegion)) return;
  std::set<std::string> evaluated;
  for (const auto& policy : authorization->policies) {
    if (policy.attachment_count <= 0 || policy.default_version_document.empty()) continue;
    evaluated.insert(policy.arn);
    EvaluateDocument(sink, "AWS::IAM::ManagedPolicy", policy.name, policy.arn, policy.default_version_document,
                     "attached to " + Count(policy.attachment_count, "entity", "entities") + "; default version ");
  }
  // Attached AWS-managed policies whose documents were not collected, when known.
  std::set<std::string> attached;
  for (const auto& user : authorization->users)
    attached.insert(user.attached_policy_arns.begin(), user.attached_policy_arns.end());
  for (const auto& group : authorization->groups)
    attached.insert(group.attached_policy_arns.begin(), group.attached_policy_arns.end());
  for (const auto& role : authorization->roles)
    attached.insert(role.attached_policy_arns.begin(), role.attached_policy_arns.end());
  for (const auto& arn : attached) {
    if (evaluated.count(arn) > 0) continue;
    const auto document = ManagedPolicyDocument(*authorization, arn);
    if (!document) continue;
    const std::string name = arn.substr(arn.rfind('/') + 1);
    EvaluateDocument(sink, "AWS::IAM::ManagedPolicy", name, arn, *document, "AWS-managed, attached; ");
  }
  EvaluateInline(sink, "AWS::IAM::UserPolicy", "user", authorization->users);
  EvaluateInline(sink, "AWS::IAM::GroupPolicy", "group", authorization->groups);
  EvaluateInline(sink, "AWS::IAM::RolePolicy", "role", authorization->roles);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_policy_no_service_wildcard",
            .title = "No attached policy allows iam:*, kms:*, sts:* or s3:* on every resource",
            .severity = Severity::kMedium,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::ManagedPolicy",
            .scope = "L+C",
            .fails_when = "an attached policy allows `iam:*`, `kms:*`, `sts:*` or `s3:*` on `*`",
            .risk = "A service-wide wildcard on every resource hands over a whole security-critical service: all "
                    "identities (iam:*), all keys (kms:*), every role (sts:*) or every bucket (s3:*).",
            .remediation = "aws iam create-policy-version --policy-arn <policy-arn> --policy-document "
                           "file://scoped.json --set-as-default  # list the actions and resources actually needed",
            .remediation_terraform = "# in the aws_iam_policy_document, replace \"iam:*\" / \"kms:*\" / \"sts:*\" / "
                                     "\"s3:*\" with the actions needed and\n# scope resources to specific ARNs",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
            .reads = {POSTURE_FIELD(ManagedPolicy, default_version_document),
                      POSTURE_FIELD(ManagedPolicy, attachment_count), POSTURE_FIELD(InlinePolicy, document),
                      POSTURE_FIELD(IamUser, inline_policies), POSTURE_FIELD(IamGroup, inline_policies),
                      POSTURE_FIELD(IamRole, inline_policies)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_policy_no_service_wildcard
