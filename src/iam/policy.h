// A small model of IAM policy documents: parsing and the questions checks
// ask of them ("does this grant full administrator access?").
//
// ParsePolicy accepts the JSON grammar IAM accepts for identity and
// resource policies: `Statement` is one object or an array of them;
// `Action`, `NotAction`, `Resource` and `NotResource` are a string or an
// array of strings; `Principal` is "*" or an object of such lists;
// `Condition` maps operators to objects of key -> scalar or list. It
// never throws: a malformed document yields an error value saying where.
// Everything here is a pure function over values: thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace posture::iam {

// One condition of a statement: `operator` ("Bool", "StringEquals",
// "ForAnyValue:StringLike", ...) on `key` ("aws:SecureTransport") with its
// values as text (JSON true/false become "true"/"false", numbers their
// decimal text).
struct Condition {
  std::string op;
  std::string key;
  std::vector<std::string> values;
};

struct Statement {
  std::string sid;
  bool allow = false;  // Effect "Allow" (else "Deny")
  std::vector<std::string> actions;
  std::vector<std::string> not_actions;
  std::vector<std::string> resources;
  std::vector<std::string> not_resources;
  bool has_not_action = false;    // `NotAction` present (even if empty)
  bool has_not_resource = false;  // `NotResource` present (even if empty)
  bool has_condition = false;     // a `Condition` block is present
  // Resource policies: `Principal` / `NotPrincipal` by kind ("AWS",
  // "Service", "Federated", "CanonicalUser"); the bare "*" is {"AWS": ["*"]}.
  std::map<std::string, std::vector<std::string>> principals;
  std::map<std::string, std::vector<std::string>> not_principals;
  bool has_principal = false;
  bool has_not_principal = false;
  std::vector<Condition> conditions;  // every operator/key pair of `Condition`
};

struct PolicyDocument {
  std::string version;  // "2012-10-17", or "" when absent
  std::vector<Statement> statements;
};

// A parsed document, or why the text is not one.
struct [[nodiscard]] ParsedPolicy {
  std::optional<PolicyDocument> document;
  std::string error;  // set when !ok(): "malformed policy JSON at line 1, column 9: ..."

  bool ok() const { return document.has_value(); }
};

ParsedPolicy ParsePolicy(std::string_view json);

// True when `pattern` is an action wildcard that matches every action: "*"
// or "*:*" (surrounding whitespace ignored).
bool IsWildcardAction(std::string_view pattern);

// Some Allow statement grants Action "*" (or "*:*") on Resource "*",
// without NotAction or NotResource: the CIS definition of full admin.
bool AllowsFullAdmin(const PolicyDocument& document);

// A statement that grants administrator-level access.
struct AdminGrant {
  enum class Kind {
    kFullAdmin,    // Allow Action "*" on Resource "*"
    kNotAction,    // Allow NotAction [...] on Resource "*": every action except a few
    kNotResource,  // Allow Action "*" with NotResource [...]: every resource except a few
  };
  Kind kind = Kind::kFullAdmin;
  size_t statement_index = 0;
  std::string sid;
  bool conditional = false;             // the statement has a Condition
  std::vector<std::string> exceptions;  // the NotAction / NotResource values

  // Plain English: "allows every action on every resource (statement \"Admin\")".
  std::string describe() const;
};

// The first statement granting full admin; failing that, the first one
// granting nearly everything through NotAction or NotResource; else nullopt.
std::optional<AdminGrant> FindAdminGrant(const PolicyDocument& document);

// True when `pattern` (an IAM action pattern with `*` and `?` wildcards,
// case-insensitive) matches `action` ("iam:CreatePolicyVersion").
bool ActionMatches(std::string_view pattern, std::string_view action);

// Whether some Allow statement of `document` grants `action` (through
// Action patterns, or NotAction not naming it), on any resource. Only
// Allow statements are considered; see also DeniesEverywhere.
bool StatementAllows(const Statement& statement, std::string_view action);
// An unconditional Deny of `action` on Resource "*".
bool StatementDeniesEverywhere(const Statement& statement, std::string_view action);

}  // namespace posture::iam
