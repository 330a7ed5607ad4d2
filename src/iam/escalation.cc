#include "iam/escalation.h"

#include <algorithm>

namespace posture::iam {
namespace {

struct PathSpec {
  const char* name;
  const char* explanation;
  std::vector<const char*> actions;
};

// The catalog (CHECKS.md iam_no_privilege_escalation), each path the set
// of actions that together let a principal raise its own privileges.
const std::vector<PathSpec>& Catalog() {
  static const std::vector<PathSpec> kPaths = {
      {"iam:CreatePolicyVersion",
       "it can rewrite a managed policy it holds and make the new version the default",
       {"iam:CreatePolicyVersion"}},
      {"iam:SetDefaultPolicyVersion",
       "it can switch a managed policy it holds back to a more permissive version",
       {"iam:SetDefaultPolicyVersion"}},
      {"iam:AttachUserPolicy",
       "it can attach any managed policy (AdministratorAccess) to a user",
       {"iam:AttachUserPolicy"}},
      {"iam:AttachGroupPolicy", "it can attach any managed policy to a group it belongs to", {"iam:AttachGroupPolicy"}},
      {"iam:AttachRolePolicy", "it can attach any managed policy to a role it can use", {"iam:AttachRolePolicy"}},
      {"iam:PutUserPolicy", "it can write an inline policy granting anything to a user", {"iam:PutUserPolicy"}},
      {"iam:PutGroupPolicy", "it can write an inline policy granting anything to a group", {"iam:PutGroupPolicy"}},
      {"iam:PutRolePolicy", "it can write an inline policy granting anything to a role", {"iam:PutRolePolicy"}},
      {"iam:AddUserToGroup", "it can add a user to a more privileged group", {"iam:AddUserToGroup"}},
      {"iam:PassRole with ec2:RunInstances",
       "it can launch an instance with a more privileged role and use that role's credentials",
       {"iam:PassRole", "ec2:RunInstances"}},
      {"iam:PassRole with lambda:CreateFunction",
       "it can create a function running as a more privileged role",
       {"iam:PassRole", "lambda:CreateFunction"}},
      {"iam:PassRole with cloudformation:CreateStack",
       "it can have CloudFormation create resources as a more privileged role",
       {"iam:PassRole", "cloudformation:CreateStack"}},
      {"iam:CreateAccessKey",
       "it can create an access key for another user and act as that user",
       {"iam:CreateAccessKey"}},
      {"iam:CreateLoginProfile",
       "it can set a console password for another user and sign in as that user",
       {"iam:CreateLoginProfile"}},
      {"iam:UpdateLoginProfile",
       "it can change another user's console password and sign in as that user",
       {"iam:UpdateLoginProfile"}},
      {"iam:UpdateAssumeRolePolicy",
       "it can rewrite a role's trust policy so that it may assume the role",
       {"iam:UpdateAssumeRolePolicy"}},
  };
  return kPaths;
}

// Actions on other users' credentials: a grant only on the caller's own
// user (arn:aws:iam::*:user/${aws:username}) is self-service, not escalation.
bool IsCredentialAction(std::string_view action) {
  return action == "iam:CreateAccessKey" || action == "iam:CreateLoginProfile" || action == "iam:UpdateLoginProfile";
}

bool OnlyOwnUser(const Statement& statement) {
  if (statement.has_not_resource || statement.resources.empty()) return false;
  return std::all_of(statement.resources.begin(), statement.resources.end(),
                     [](const std::string& resource) { return resource.find("${aws:username}") != std::string::npos; });
}

// The labels of the policies allowing `action`; empty when none does or a
// Deny blocks it.
std::vector<std::string> GrantsOf(const std::vector<LabelledPolicy>& policies, std::string_view action) {
  std::vector<std::string> labels;
  for (const auto& policy : policies) {
    if (policy.document == nullptr) continue;
    for (const auto& statement : policy.document->statements) {
      if (StatementDeniesEverywhere(statement, action)) return {};
    }
  }
  for (const auto& policy : policies) {
    if (policy.document == nullptr) continue;
    for (const auto& statement : policy.document->statements) {
      if (!StatementAllows(statement, action)) continue;
      if (IsCredentialAction(action) && OnlyOwnUser(statement)) continue;
      if (std::find(labels.begin(), labels.end(), policy.label) == labels.end()) labels.push_back(policy.label);
      break;
    }
  }
  return labels;
}

}  // namespace

std::vector<EscalationPath> FindEscalationPaths(const std::vector<LabelledPolicy>& policies) {
  std::vector<EscalationPath> found;
  for (const auto& spec : Catalog()) {
    EscalationPath path{spec.name, spec.explanation, {}, {}};
    bool open = true;
    for (const char* action : spec.actions) {
      auto labels = GrantsOf(policies, action);
      if (labels.empty()) {
        open = false;
        break;
      }
      path.actions.push_back(action);
      for (auto& label : labels) {
        if (std::find(path.granted_by.begin(), path.granted_by.end(), label) == path.granted_by.end()) {
          path.granted_by.push_back(std::move(label));
        }
      }
    }
    if (open) found.push_back(std::move(path));
  }
  return found;
}

}  // namespace posture::iam
