#include "checks/check.h"

#include <exception>

#include "checks/check_support.h"
#include "frameworks/framework.h"
#include "inventory/sections.h"

namespace posture::checks {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kCritical:
      return "critical";
    case Severity::kHigh:
      return "high";
    case Severity::kMedium:
      return "medium";
    case Severity::kLow:
      return "low";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

const char* StatusName(FindingStatus status) {
  switch (status) {
    case FindingStatus::kPass:
      return "PASS";
    case FindingStatus::kFail:
      return "FAIL";
    case FindingStatus::kError:
      return "ERROR";
  }
  return "ERROR";
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  for (Severity severity : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    if (base::EqualsIgnoreCase(text, SeverityName(severity))) return severity;
  }
  if (base::EqualsIgnoreCase(text, "informational")) return Severity::kInfo;
  return std::nullopt;
}

std::optional<FindingStatus> ParseStatus(std::string_view text) {
  for (FindingStatus status : {FindingStatus::kPass, FindingStatus::kFail, FindingStatus::kError}) {
    if (base::EqualsIgnoreCase(text, StatusName(status))) return status;
  }
  return std::nullopt;
}

int SeverityRank(Severity severity) {
  switch (severity) {
    case Severity::kCritical:
      return 4;
    case Severity::kHigh:
      return 3;
    case Severity::kMedium:
      return 2;
    case Severity::kLow:
      return 1;
    case Severity::kInfo:
      return 0;
  }
  return 0;
}

const char* CategoryTitle(Category category) {
  switch (category) {
    case Category::kIdentity:
      return "Identity (IAM)";
    case Category::kStorage:
      return "Storage";
    case Category::kLogging:
      return "Logging";
    case Category::kMonitoring:
      return "Monitoring";
    case Category::kNetwork:
      return "Network";
    case Category::kEdge:
      return "Public edge and segmentation";
    case Category::kAccountAccess:
      return "Access to accounts (IAM Identity Center and Organizations)";
  }
  return "Identity (IAM)";
}

std::vector<std::string_view> FieldsReadBy(const CheckMetadata& metadata) {
  std::vector<std::string_view> fields;
  for (std::string_view field : metadata.reads) {
    if (!field.empty()) fields.push_back(field);
  }
  return fields;
}

std::vector<std::string_view> DeclaringTypes(const CheckMetadata& metadata) {
  std::vector<std::string_view> types;
  std::string_view list = metadata.declared_in_code_by;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const auto type = base::Trim(list.substr(0, comma));
    if (!type.empty()) types.push_back(type);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return types;
}

std::set<std::string> SectionsRead(const CheckMetadata& metadata) {
  std::set<std::string> sections;
  for (std::string_view field : FieldsReadBy(metadata)) {
    const inventory::Section* section = inventory::SectionOfField(field);
    if (section == nullptr) continue;  // the registry test names such a field
    sections.emplace(section->name);
    if (!section->parent.empty()) sections.emplace(section->parent);
  }
  return sections;
}

std::set<std::string> NeededSections(const std::vector<const Check*>& checks) {
  std::set<std::string> sections;
  for (const Check* check : checks) sections.merge(SectionsRead(check->metadata));
  return sections;
}

FindingSink::FindingSink(const CheckMetadata& metadata, const inventory::Inventory& inventory,
                         std::vector<Finding>& out, const CheckSettings& settings)
    : metadata_(metadata),
      inventory_(inventory),
      out_(out),
      settings_(settings),
      resource_type_(metadata.resource_type) {}

Finding FindingSink::make(FindingStatus status, std::string_view region, std::string_view resource_id,
                          std::string_view arn, std::string message) const {
  Finding finding;
  finding.check_id = metadata_.id;
  finding.status = status;
  finding.severity = metadata_.severity;
  finding.account_id = account_id_.empty() ? inventory_.account_id : account_id_;
  finding.region = region;
  finding.resource_type = resource_type_;
  finding.resource_id = resource_id;
  finding.resource_arn = arn;
  finding.message = std::move(message);
  finding.compliance = frameworks::ControlsOf(metadata_.id);
  return finding;
}

void FindingSink::pass(std::string_view region, std::string_view resource_id, std::string_view resource_arn,
                       std::string message) {
  out_.push_back(make(FindingStatus::kPass, region, resource_id, resource_arn, std::move(message)));
}

void FindingSink::fail(std::string_view region, std::string_view resource_id, std::string_view resource_arn,
                       std::string message, std::optional<Severity> severity) {
  Finding finding = make(FindingStatus::kFail, region, resource_id, resource_arn, std::move(message));
  if (severity) finding.severity = *severity;
  out_.push_back(std::move(finding));
}

void FindingSink::error(std::string_view region, std::string_view resource_id, std::string_view resource_arn,
                        std::string message) {
  out_.push_back(make(FindingStatus::kError, region, resource_id, resource_arn, std::move(message)));
}

void FindingSink::account_error(std::string_view region, std::string message) {
  Finding finding = make(FindingStatus::kError, region, inventory_.account_id, RootArn(inventory_), std::move(message));
  finding.resource_type = kAccountResourceType;
  out_.push_back(std::move(finding));
}

void FindingSink::error_from(const std::optional<inventory::CollectionError>& error, std::string_view region) {
  // The finding stands for everything the check could not see there: the account, in that region.
  if (!error) {
    account_error(region, "the data this check needs was not collected");
    return;
  }
  std::string message = "could not evaluate: " + error->service + ":" + error->operation + " failed";
  if (!error->region.empty()) message += " in " + error->region;
  message += " (" + error->kind;
  if (!error->code.empty()) message += ", " + error->code;
  message += ")";
  if (!error->message.empty()) message += ": " + error->message;
  account_error(region, std::move(message));
}

const Check* FindCheck(std::string_view id) {
  for (const Check& check : AllChecks()) {
    if (check.metadata.id == id) return &check;
  }
  return nullptr;
}

void EvaluateCheck(const inventory::Inventory& inventory, const Check& check, const CheckSettings& settings,
                   std::vector<Finding>& out) {
  FindingSink sink(check.metadata, inventory, out, settings);
  try {
    check.evaluate(inventory, sink);
  } catch (const std::exception& e) {
    sink.account_error(kGlobalRegion, std::string("internal error in this check: ") + e.what());
  } catch (...) {
    sink.account_error(kGlobalRegion, "internal error in this check");
  }
}

std::vector<Finding> EvaluateChecks(const inventory::Inventory& inventory, const std::vector<const Check*>& checks,
                                    const CheckSettings& settings) {
  std::vector<Finding> findings;
  for (const Check* check : checks) {
    if (check != nullptr) EvaluateCheck(inventory, *check, settings, findings);
  }
  return findings;
}

}  // namespace posture::checks
