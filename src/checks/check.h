// Checks: pure functions from an Inventory to findings, with their metadata.
//
// A check lives in one file named by its id (src/checks/<id>.cc), in the
// namespace of the same name, defining `const Check kCheck` with its
// metadata and an evaluate function, and is listed once in all_checks.cc.
// The metadata is all there is to know about the check: what it reads (so
// the scan collects exactly the sections its fields live in, and IaC knows
// which values unknown until apply affect it), where it is listed in the
// catalog (docs/checks.md, generated from the registry), and for settings
// of the account itself, which resource declares them in code. Its
// framework controls come from the frameworks data (frameworks/*.json).
//
// Checks never call AWS. When a section they need was not collected they
// emit ERROR findings carrying the collection error (use
// FindingSink::require). Everything here is immutable after start-up and
// thread-safe; a FindingSink belongs to one evaluation on one thread.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/settings.h"
#include "inventory/field.h"
#include "inventory/inventory.h"

namespace posture::checks {

enum class Severity { kCritical, kHigh, kMedium, kLow, kInfo };
enum class FindingStatus { kPass, kFail, kError };

const char* SeverityName(Severity severity);   // "critical", ...
const char* StatusName(FindingStatus status);  // "PASS", "FAIL", "ERROR"
// Case-insensitive; also accepts "informational" for kInfo.
std::optional<Severity> ParseSeverity(std::string_view text);
std::optional<FindingStatus> ParseStatus(std::string_view text);  // case-insensitive
// Higher is more severe: critical 4 ... info 0.
int SeverityRank(Severity severity);

// Where an infrastructure-as-code resource is written.
struct FindingLocation {
  std::string file;
  int line = 0;               // 1-based; 0 when the format has no lines (plan JSON, state)
  std::string address;        // Terraform address or CloudFormation logical id
  std::string module_source;  // Terraform module source, "" for the root module
};

struct Finding {
  std::string check_id;
  FindingStatus status = FindingStatus::kPass;
  Severity severity = Severity::kInfo;
  bool muted = false;
  std::string account_id;
  std::string region;         // "" or "global" for account-wide settings
  std::string resource_type;  // "AWS::EC2::SecurityGroup"
  std::string resource_id;
  std::string resource_arn;
  std::string message;  // plain English: "allows tcp/22 from 0.0.0.0/0 (rule sgr-1)"
  // Controls of each framework this check evaluates ({"cis-3.0": ["5.2"], "cis-4.0": ["5.3"]}),
  // from frameworks/cis_aws_foundations.json.
  std::map<std::string, std::vector<std::string>> compliance;
  // Organization scans: the account's name, OU path and tags.
  std::string account_name;
  std::string ou_path;  // "Root/Workloads/Prod"
  std::map<std::string, std::string> account_tags;
  // `posture iac`: where the resource is written, and why a finding is
  // muted when the code suppresses it.
  std::optional<FindingLocation> location;
  std::string mute_reason;
};

// Where the catalog lists a check.
enum class Category { kIdentity, kStorage, kLogging, kMonitoring, kNetwork, kEdge, kAccountAccess };
const char* CategoryTitle(Category category);  // "Identity (IAM)", ...
inline constexpr Category kCategories[] = {Category::kIdentity,     Category::kStorage, Category::kLogging,
                                           Category::kMonitoring,   Category::kNetwork, Category::kEdge,
                                           Category::kAccountAccess};

// The inventory fields a check reads, written with POSTURE_FIELD (unused
// entries stay empty).
inline constexpr size_t kMaxFieldsRead = 8;
using FieldsRead = std::array<std::string_view, kMaxFieldsRead>;

struct CheckMetadata {
  std::string_view id;
  std::string_view title;
  Severity severity;
  Category category;
  std::string_view resource_type;
  std::string_view scope;       // "L" (live only) or "L+C" (live and infrastructure as code)
  std::string_view fails_when;  // the catalog's rule in a line: "storage is not encrypted"
  std::string_view risk;
  std::string_view remediation;            // an AWS CLI command
  std::string_view remediation_terraform;  // a Terraform snippet that fixes it
  std::string_view docs_url;               // the AWS documentation topic
  // Every inventory field the verdict depends on ("DbInstance.storage_encrypted",
  // "IamUser.*"): the scan collects the sections holding them (and nothing
  // else for this check); on code, a field unknown until apply turns the
  // verdict on that resource into ERROR.
  FieldsRead reads;
  // Checks of an account-level setting (a password policy, EBS encryption
  // by default): the IaC resource types that declare it, comma-separated.
  // On code, the verdict is kept only when the files declare one, and
  // placed on it.
  std::string_view declared_in_code_by = {};
};

// The fields `metadata` reads, without the empty entries.
std::vector<std::string_view> FieldsReadBy(const CheckMetadata& metadata);
// The IaC resource types in `declared_in_code_by`.
std::vector<std::string_view> DeclaringTypes(const CheckMetadata& metadata);

class FindingSink;
using CheckFunction = void (*)(const inventory::Inventory& inventory, FindingSink& sink);

struct Check {
  CheckMetadata metadata;
  CheckFunction evaluate;
};

// Builds one check's findings, filling id, severity, account and compliance.
class FindingSink {
 public:
  FindingSink(const CheckMetadata& metadata, const inventory::Inventory& inventory, std::vector<Finding>& out,
              const CheckSettings& settings = DefaultCheckSettings());

  // The user's thresholds and names (config file), or the catalog defaults.
  const CheckSettings& settings() const { return settings_; }

  void pass(std::string_view region, std::string_view resource_id, std::string_view resource_arn, std::string message);
  // `severity` overrides the check's severity for this finding (e.g.
  // critical when an admin port is reachable).
  void fail(std::string_view region, std::string_view resource_id, std::string_view resource_arn, std::string message,
            std::optional<Severity> severity = std::nullopt);
  void error(std::string_view region, std::string_view resource_id, std::string_view resource_arn, std::string message);
  // An ERROR about the whole account in `region` (data missing, internal
  // failure): the resource is the account itself.
  void account_error(std::string_view region, std::string message);
  // The resource type for the next findings when a check reports on
  // several types (defaults to the metadata's).
  void set_resource_type(std::string_view type) { resource_type_ = type; }
  // The account the next findings are about when an organization check
  // reports on member accounts; "" for the scanned account (the default).
  void set_account(std::string_view account_id) { account_id_ = account_id; }

  // True when `section` was collected; otherwise emits one ERROR finding
  // for `region` naming the failed call and returns false.
  template <typename T>
  bool require(const inventory::Collected<T>& section, std::string_view region) {
    if (section.ok()) return true;
    error_from(section.error, region);
    return false;
  }

 private:
  void error_from(const std::optional<inventory::CollectionError>& error, std::string_view region);
  Finding make(FindingStatus status, std::string_view region, std::string_view resource_id, std::string_view arn,
               std::string message) const;

  const CheckMetadata& metadata_;
  const inventory::Inventory& inventory_;
  std::vector<Finding>& out_;
  const CheckSettings& settings_;
  std::string_view resource_type_;
  std::string account_id_;
};

// Every registered check, in catalog order.
const std::vector<Check>& AllChecks();
// A registered check by id, or nullptr.
const Check* FindCheck(std::string_view id);

// The inventory sections a check reads: the section of each of its fields
// (inventory/sections.h), with the parent of each per-resource facet.
std::set<std::string> SectionsRead(const CheckMetadata& metadata);
// Every section `checks` read, combined: what a scan running them collects.
std::set<std::string> NeededSections(const std::vector<const Check*>& checks);

// Runs one check over `inventory`, appending its findings to `out`. A check
// that throws (a bug) yields one ERROR finding instead of escaping.
void EvaluateCheck(const inventory::Inventory& inventory, const Check& check, const CheckSettings& settings,
                   std::vector<Finding>& out);
// Runs `checks` over `inventory`, in order (EvaluateCheck for each).
std::vector<Finding> EvaluateChecks(const inventory::Inventory& inventory, const std::vector<const Check*>& checks,
                                    const CheckSettings& settings = DefaultCheckSettings());

}  // namespace posture::checks
