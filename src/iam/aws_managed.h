// The permissions of a few AWS-managed policies that matter to the
// privilege checks. The scan does not download AWS-managed policy documents
// (over 1,400 of them, megabytes), so the policies whose grants decide
// iam_no_privilege_escalation and iam_policy_no_service_wildcard are known
// here: the statements that matter, copied from AWS's published versions.
// Pure functions: thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace posture::iam {

// The policy JSON of the AWS-managed policy `name` ("IAMFullAccess"), or
// nullopt when it is not one of the known policies.
std::optional<std::string> KnownAwsManagedPolicy(std::string_view name);

// "AWSSupportAccess" from "arn:aws:iam::aws:policy/AWSSupportAccess"
// ("" when `arn` is not an AWS-managed policy ARN).
std::string AwsManagedPolicyName(std::string_view arn);

}  // namespace posture::iam
