// Small helpers shared by several checks: names and ARNs for findings, and
// account facts more than one check derives (console users, whether IAM
// Identity Center is on). Pure functions over the inventory: thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "checks/check.h"
#include "inventory/inventory.h"

namespace posture::checks {

// The region of findings about account-wide (IAM) settings.
inline constexpr std::string_view kGlobalRegion = "global";
// CloudFormation's name for the account as a resource.
inline constexpr std::string_view kAccountResourceType = "AWS::::Account";
// The credential report's name for the root user.
inline constexpr std::string_view kRootReportUser = "<root_account>";

// "1 rule", "2 rules".
std::string Count(size_t count, std::string_view singular, std::string_view plural);

// "arn:aws:iam::123456789012:root": the root user, also the ARN of account-level findings.
std::string RootArn(const inventory::Inventory& inventory);
// "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1".
std::string RegionalArn(const inventory::Inventory& inventory, std::string_view service, std::string_view region,
                        std::string_view resource);

// `collected` when the collector or IaC gave an ARN, else RegionalArn(...).
std::string ResourceArn(const std::string& collected, const inventory::Inventory& inventory, std::string_view service,
                        std::string_view region, std::string_view resource);

// The tag named `key` (CheckSettings::environment_tag_key), matched
// case-insensitively, as written (key and value), or nullptr.
const std::pair<const std::string, std::string>* EnvironmentTag(const inventory::Tags& tags, std::string_view key);

// Instances that exist (everything but "shutting-down" and "terminated").
bool IsLiveInstance(const inventory::Instance& instance);

// The report row of the root user (some sources omit it).
bool IsRootRow(const inventory::CredentialReportRow& row);
// A user who can sign in to the console: the report says password_enabled.
bool IsConsoleUser(const inventory::CredentialReportRow& row);

// What the regions say about IAM Identity Center.
struct IdentityCenterStatus {
  std::vector<const inventory::IdentityCenterInstance*> instances;  // every instance found
  std::vector<std::string> failed_regions;                          // regions whose listing failed
  // The first failed region's section (for FindingSink::require), or nullptr.
  const inventory::Collected<std::vector<inventory::IdentityCenterInstance>>* first_failure = nullptr;
  bool any_region_ok = false;

  bool enabled() const { return !instances.empty(); }
  // Whether we can say anything: an instance was found or a region answered.
  bool known() const { return enabled() || any_region_ok; }
  // "arn:aws:sso:::instance/ssoins-1 (us-east-1)".
  std::string describe_instances() const;
};
IdentityCenterStatus SummarizeIdentityCenter(const inventory::Inventory& inventory);
// True when `sso` is known(); otherwise emits one "global" ERROR naming the
// failed call (or saying no region was scanned) and returns false.
bool RequireIdentityCenterKnown(const IdentityCenterStatus& sso, FindingSink& sink);

// Calls fn(region, item) for each item of the regional list section
// `group`.`section` (&RegionInventory::rds, &RdsSections::db_instances), and
// emits one ERROR finding for each region where that section failed.
template <typename Group, typename T, typename Fn>
void ForEachRegional(const inventory::Inventory& inventory, FindingSink& sink, Group inventory::RegionInventory::*group,
                     inventory::Collected<std::vector<T>> Group::*section, Fn&& fn) {
  for (const auto& region : inventory.regions) {
    const auto& collected = (region.*group).*section;
    if (!sink.require(collected, region.region)) continue;
    for (const T& item : *collected) fn(region, item);
  }
}

}  // namespace posture::checks
