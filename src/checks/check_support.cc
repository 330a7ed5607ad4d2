#include "checks/check_support.h"

#include <algorithm>
#include <cctype>

namespace posture::checks {

std::string Count(size_t count, std::string_view singular, std::string_view plural) {
  return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

std::string RootArn(const inventory::Inventory& inventory) {
  return "arn:" + inventory.partition + ":iam::" + inventory.account_id + ":root";
}

std::string RegionalArn(const inventory::Inventory& inventory, std::string_view service, std::string_view region,
                        std::string_view resource) {
  return "arn:" + inventory.partition + ":" + std::string(service) + ":" + std::string(region) + ":" +
         inventory.account_id + ":" + std::string(resource);
}

std::string ResourceArn(const std::string& collected, const inventory::Inventory& inventory, std::string_view service,
                        std::string_view region, std::string_view resource) {
  return collected.empty() ? RegionalArn(inventory, service, region, resource) : collected;
}

const std::pair<const std::string, std::string>* EnvironmentTag(const inventory::Tags& tags, std::string_view key) {
  for (const auto& tag : tags) {
    if (base::EqualsIgnoreCase(tag.first, key)) return &tag;
  }
  return nullptr;
}

bool IsLiveInstance(const inventory::Instance& instance) {
  return !base::EqualsIgnoreCase(instance.state, "terminated") &&
         !base::EqualsIgnoreCase(instance.state, "shutting-down");
}

bool IsRootRow(const inventory::CredentialReportRow& row) { return row.user == kRootReportUser; }

bool IsConsoleUser(const inventory::CredentialReportRow& row) { return row.password_enabled.value_or(false); }

std::string IdentityCenterStatus::describe_instances() const {
  std::vector<std::string> described;
  for (const auto* instance : instances) {
    described.push_back(instance->instance_arn + (instance->region.empty() ? "" : " (" + instance->region + ")"));
  }
  return base::Join(described);
}

IdentityCenterStatus SummarizeIdentityCenter(const inventory::Inventory& inventory) {
  IdentityCenterStatus status;
  for (const auto& region : inventory.regions) {
    if (!region.identity_center.instances.ok()) {
      status.failed_regions.push_back(region.region);
      if (status.first_failure == nullptr) status.first_failure = &region.identity_center.instances;
      continue;
    }
    status.any_region_ok = true;
    for (const auto& instance : *region.identity_center.instances) {
      const bool seen = std::any_of(status.instances.begin(), status.instances.end(),
                                    [&](const auto* known) { return known->instance_arn == instance.instance_arn; });
      if (!seen) status.instances.push_back(&instance);
    }
  }
  return status;
}

bool RequireIdentityCenterKnown(const IdentityCenterStatus& sso, FindingSink& sink) {
  if (sso.known()) return true;
  if (sso.first_failure != nullptr) {
    sink.require(*sso.first_failure, kGlobalRegion);
  } else {
    sink.account_error(kGlobalRegion, "no region was scanned, so IAM Identity Center could not be checked");
  }
  return false;
}

}  // namespace posture::checks
