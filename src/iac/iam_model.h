// Internal to the IAM mapping (iam_*.cc): what the IAM resources of
// a run declare, kept as compact typed values until finish() joins them.
//
// Terraform and CloudFormation split IAM differently (a Terraform role's
// attachments are separate resources; a CloudFormation user lists its groups
// and a ManagedPolicy lists its principals), so both readers' resources are
// reduced to the same declarations: principals, managed policies, inline
// policies, attachments and group memberships, which WriteIamInventory
// resolves against each other. Not thread-safe: one per run.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iac/mapping.h"
#include "iac/values.h"

namespace posture::iac::iam_mapping {

enum class Kind { kUser, kGroup, kRole };
// "IamUser", "IamGroup", "IamRole": the inventory struct, for unknown fields.
const char* StructName(Kind kind);

// A value naming another principal or policy: a reference marker's target,
// or a literal name or ARN, or neither (unknown until apply).
struct Link {
  std::string address;  // the $ref target, when a marker
  std::string literal;  // the name or ARN as written
  bool unknown() const { return address.empty() && literal.empty(); }
};
Link ReadLink(const nlohmann::json& value);
// Appends the links a list value names (a list-level reference marker is one
// link to its target). Returns false when the list, or one of its elements,
// is unknown; the known elements are still appended.
bool ReadLinks(const nlohmann::json& value, std::vector<Link>& out);

// A policy document: normalised JSON text (parsed and re-dumped, so
// whitespace and key order do not matter and a CloudFormation object and a
// Terraform string give the same text), or unknown.
struct Document {
  std::string text;  // "" when absent or unknown; the raw text when it does not parse
  bool unknown = false;
  std::string source;  // an unknown document's data source ("data.aws_iam_policy_document.x")
};
// From a Terraform string (jsonencode output, heredoc, data source json), a
// CloudFormation object, or a marker. Inside an object, a reference marker
// becomes the text "${<address>.<attribute>}" (a resource of the same run:
// never "*", never another account); any other unknown value makes the
// whole document unknown.
Document ReadDocument(const nlohmann::json& value);
// The normalised text of a policy JSON string; the string itself when it
// does not parse.
std::string NormalisedPolicy(const std::string& text);

// An IAM user, group or role.
struct Principal {
  Kind kind = Kind::kUser;
  std::string address;
  std::string name;  // the real name, else the address
  std::string arn;   // the real ARN, else the address
  Document trust;    // roles: the assume-role policy
};

// A customer-managed policy declared in the run.
struct Policy {
  std::string address;
  std::string name;  // the real name, else the address
  std::string arn;   // the real ARN, else the address
  Document document;
};

// An inline policy: embedded in its principal (CloudFormation Policies, a
// Terraform role's inline_policy) or its own resource (aws_iam_user_policy,
// AWS::IAM::Policy with one entry per principal it names).
struct Inline {
  std::string address;  // the declaring resource
  Kind kind = Kind::kUser;
  Link principal;
  std::string name;  // "" when unknown
  Document document;
};

// A managed policy attached to one principal.
struct Attachment {
  std::string address;  // the declaring resource
  Kind kind = Kind::kUser;
  Link principal;
  Link policy;
};

struct Membership {
  std::string address;
  Link user;
  Link group;
};

struct PasswordPolicyDecl {
  std::string address;
  inventory::PasswordPolicy policy;
};

struct Declarations {
  std::vector<Principal> principals;
  std::vector<Policy> policies;
  std::vector<Inline> inlines;
  std::vector<Attachment> attachments;
  std::vector<Membership> memberships;
  std::optional<PasswordPolicyDecl> password_policy;
  // Known policy documents of aws_iam_policy_document data sources, by address.
  std::map<std::string, std::string> data_documents;
};

// Take a resource of their language when it is an IAM type (true), else false.
bool AddTerraformIam(const Resource& resource, MappingContext& context, Declarations& out);
bool AddCloudFormationIam(const Resource& resource, MappingContext& context, Declarations& out);

// Joins the declarations and writes inventory.iam (authorization whenever
// any principal or policy is declared; password_policy only when declared).
void WriteIamInventory(Declarations& declarations, MappingContext& context);

// Shared value readers: the string at `key`, "" when absent, null or a marker.
std::string KnownText(const nlohmann::json& values, const char* key);

}  // namespace posture::iac::iam_mapping
