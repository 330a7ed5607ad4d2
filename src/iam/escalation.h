// Privilege escalation: whether a principal's policies, taken together,
// allow one of the known ways to raise its own privileges (rewrite a policy
// it holds, attach or write a policy, pass a role to a service it can start,
// take over another user's credentials, rewrite a role's trust policy).
//
// The analysis is deliberately simple and conservative: an action counts as
// allowed when some Allow statement grants it on any resource (a Condition
// does not remove it), unless an unconditional Deny on Resource "*" blocks
// it. Credential actions scoped only to the caller's own user
// (`${aws:username}`) are not escalation. Pure functions: thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iam/policy.h"

namespace posture::iam {

// One policy of a principal, with a label for messages ("inline policy
// deploy of user bob", "managed policy FullAdmin via group admins").
struct LabelledPolicy {
  std::string label;
  const PolicyDocument* document = nullptr;
};

// A known escalation path the policies allow.
struct EscalationPath {
  std::string name;                     // "iam:PassRole with ec2:RunInstances"
  std::string explanation;              // how it is abused, one sentence
  std::vector<std::string> actions;     // the actions that make it up
  std::vector<std::string> granted_by;  // labels of the policies granting them
};

// Every catalogued path `policies` open, in catalog order.
std::vector<EscalationPath> FindEscalationPaths(const std::vector<LabelledPolicy>& policies);

}  // namespace posture::iam
