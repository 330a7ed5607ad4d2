// Questions the S3 checks ask of a bucket policy: does it refuse requests
// not sent over TLS, and does it grant access to everyone? Both read a
// PolicyDocument parsed by ParsePolicy. Pure functions: thread-safe.
#pragma once

#include <optional>
#include <string>

#include "iam/policy.h"

namespace posture::iam {

// True when a statement names every principal: Principal "*" or
// {"AWS": "*"} (also inside a list).
bool NamesEveryone(const Statement& statement);

// The statement that denies requests not sent over TLS, described ("the
// statement \"DenyHttp\""): Effect Deny for every principal, on every S3
// action ("s3:*" or "*"), with Condition Bool or BoolIfExists
// aws:SecureTransport "false". nullopt when there is none.
std::optional<std::string> FindSecureTransportDeny(const PolicyDocument& document);

// The first Allow statement that grants access to everyone: Principal "*"
// (or {"AWS": "*"}) or a NotPrincipal, without a condition that limits who
// can use it (source IP other than the whole internet, VPC, VPC endpoint,
// account, organization, ARN or user id). Described with its actions:
// "statement \"Public\" allows s3:GetObject to everyone". nullopt when none.
std::optional<std::string> FindPublicGrant(const PolicyDocument& document);

}  // namespace posture::iam
