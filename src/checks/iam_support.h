// Helpers the IAM checks share: credential report dates and access
// keys, and each principal's policies (attached and inline, a user's
// through its groups too) resolved to documents. Pure functions over the
// inventory: thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iam/policy.h"
#include "inventory/inventory.h"

namespace posture::checks {

// Unix seconds of an ISO 8601 time ("2026-01-05T10:00:00+00:00",
// "2026-01-05T10:00:00Z", "2026-01-05"); nullopt when empty or unreadable.
std::optional<std::int64_t> ParseTime(std::string_view iso);
// Whole days from `then` to `now` (negative when `then` is later).
std::int64_t DaysBetween(std::int64_t then, std::int64_t now);
// DaysBetween, 0 when `then` is in the future (clock skew).
std::int64_t DaysSince(std::int64_t then, std::int64_t now);
// "2026-01-05" of an ISO 8601 time (the text itself when shorter).
std::string DateOf(std::string_view iso);

// One access key slot of a credential report row.
struct AccessKeySlot {
  int number = 1;  // 1 or 2
  bool active = false;
  std::string last_rotated;  // ISO 8601 or "" (N/A)
  std::string last_used;     // ISO 8601 or "" (never used / N/A)
};
// The row's two key slots.
std::vector<AccessKeySlot> AccessKeys(const inventory::CredentialReportRow& row);

// One policy a principal holds, parsed.
struct HeldPolicy {
  std::string label;  // "managed policy FullAdmin via group admins", "inline policy deploy"
  std::string arn;    // the managed policy's ARN; "" for inline policies
  iam::ParsedPolicy parsed;
};

// A user's or role's policies. Managed policies resolve to the collected
// default version, or for AWS-managed policies to iam::KnownAwsManagedPolicy;
// those with neither are listed in `unknown` by ARN.
struct PrincipalPolicies {
  std::vector<HeldPolicy> policies;
  std::vector<std::string> unknown;
};
PrincipalPolicies PoliciesOfUser(const inventory::AuthorizationDetails& details, const inventory::IamUser& user);
PrincipalPolicies PoliciesOfRole(const inventory::AuthorizationDetails& details, const inventory::IamRole& role);

// The document of a managed policy: collected, or known AWS-managed; nullopt otherwise.
std::optional<std::string> ManagedPolicyDocument(const inventory::AuthorizationDetails& details, std::string_view arn);

// Every user, group and role that has `policy_arn` attached, as
// "user alice", "group admins", "role support".
std::vector<std::string> EntitiesWithPolicy(const inventory::AuthorizationDetails& details,
                                            std::string_view policy_arn_suffix);

}  // namespace posture::checks
