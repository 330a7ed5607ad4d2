#include "scan/iac_findings.h"

#include <map>

#include "inventory/sections.h"

namespace posture::scan {
namespace {

// For each account-level check (one whose metadata names the IaC types
// declaring its setting), the first resource of the files of such a type:
// one pass over the resources, not one per finding.
std::map<std::string_view, const iac::ResourceInfo*> AccountLevelResources(const iac::IacInventory& iac) {
  std::map<std::string_view, std::vector<std::string_view>> declaring;
  for (const auto& check : checks::AllChecks()) {
    auto types = checks::DeclaringTypes(check.metadata);
    if (!types.empty()) declaring.emplace(check.metadata.id, std::move(types));
  }
  std::map<std::string_view, const iac::ResourceInfo*> out;
  for (const auto& [address, info] : iac.resources) {
    for (const auto& [check_id, types] : declaring) {
      if (out.count(check_id)) continue;
      for (std::string_view type : types) {
        if (info.type == type) out.emplace(check_id, &info);
      }
    }
  }
  return out;
}

// Whether `reads` (a check's fields, checks::FieldsReadBy) holds `field`
// ("Struct.field"); "Struct.*" reads every field of the struct.
bool Reads(const std::vector<std::string_view>& reads, const std::string& field) {
  for (std::string_view read : reads) {
    if (read == field) return true;
    if (read.ends_with(".*") && std::string_view(field).starts_with(read.substr(0, read.size() - 1))) return true;
  }
  return false;
}

}  // namespace

bool SectionPresent(const inventory::Inventory& inventory, std::string_view name) {
  const inventory::Section* section = inventory::FindSection(name);
  return section != nullptr && section->present(inventory);
}

std::vector<const checks::Check*> ChecksForCode(const inventory::Inventory& inventory,
                                                const std::vector<const checks::Check*>& candidates) {
  std::vector<const checks::Check*> out;
  for (const checks::Check* check : candidates) {
    if (check->metadata.scope != "L+C") continue;
    bool present = true;
    for (const std::string& section : checks::SectionsRead(check->metadata)) {
      if (!SectionPresent(inventory, section)) present = false;
    }
    if (present) out.push_back(check);
  }
  return out;
}

void AnnotateCodeFindings(const iac::IacInventory& iac, std::vector<checks::Finding>& findings) {
  // A verdict about the account itself that no resource of the files
  // declares (account-level Block Public Access when the code manages only
  // buckets) judges what the code does not manage: it is left out.
  const auto account_level = AccountLevelResources(iac);
  auto resource_of = [&](const checks::Finding& f) -> const iac::ResourceInfo* {
    if (const auto* info = iac::FindResource(iac, f.resource_id)) return info;
    if (const auto* info = iac::FindResource(iac, f.resource_arn)) return info;
    auto it = account_level.find(f.check_id);
    return it == account_level.end() ? nullptr : it->second;
  };
  std::erase_if(findings,
                [&](const checks::Finding& f) { return f.resource_id == iac.inventory.account_id && !resource_of(f); });
  for (auto& finding : findings) {
    const iac::ResourceInfo* info = resource_of(finding);
    if (!info) continue;
    finding.location = checks::FindingLocation{.file = info->location.file,
                                               .line = info->location.line,
                                               .address = info->address,
                                               .module_source = info->location.module_source};
    if (finding.resource_id.empty() || finding.resource_id == iac.inventory.account_id) {
      finding.resource_id = info->address;
    }
    for (const auto& suppression : info->suppressions) {
      if (suppression.check_id == finding.check_id) {
        finding.muted = true;
        finding.mute_reason = suppression.reason.empty() ? "suppressed in code (no reason given)" : suppression.reason;
      }
    }
    if (finding.status == checks::FindingStatus::kError || info->unknown_fields.empty()) continue;
    const checks::Check* check = checks::FindCheck(finding.check_id);
    if (check == nullptr) continue;
    const auto reads = checks::FieldsReadBy(check->metadata);
    std::string unknown;
    for (const auto& field : info->unknown_fields) {
      if (!Reads(reads, field)) continue;
      unknown += (unknown.empty() ? "" : ", ") + field;
    }
    if (!unknown.empty()) {
      finding.status = checks::FindingStatus::kError;
      finding.message = "unknown until apply: " + unknown + " (the check needs it; was: " + finding.message + ")";
    }
  }
}

}  // namespace posture::scan
