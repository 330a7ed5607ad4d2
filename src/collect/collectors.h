// The collectors: one per AWS service, each turning that service's read
// calls into inventory sections.
//
// A collector's Plan function looks at the sections asked for and submits
// one task per section it owns (per region for regional services), so
// independent calls run at once; sections not asked for cost no call.
// Plan functions run on the scheduler thread before the pool is waited on;
// the tasks they submit run on pool threads (see section_tasks.h).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "collect/section_tasks.h"
#include "inventory/inventory.h"

namespace posture::collect {

// Submits every collector's tasks for `inventory` (account, partition and
// regions already set) onto ctx's lane, and returns at once. The collectors
// are listed once, in collect.cc.
void PlanInventory(CollectContext& ctx, inventory::Inventory& inventory);

// Each collector, one file per AWS service (<service>_collector.cc):
// submits tasks for the requested sections it owns.
// Account-wide services.
void PlanIam(CollectContext& ctx, inventory::IamSections& iam);
void PlanAccount(CollectContext& ctx, inventory::AccountSections& account);
// CloudFront is global: one listing per account.
void PlanCloudFront(CollectContext& ctx, inventory::CloudFrontSections& cloudfront);
// S3 is account-wide (ListBuckets) and fills each region's Macie section.
void PlanS3(CollectContext& ctx, inventory::Inventory& inventory);
// CloudTrail plans over all regions at once: each trail is kept in one
// region only (see cloudtrail_collector.cc).
void PlanCloudTrail(CollectContext& ctx, std::vector<inventory::RegionInventory>& regions);
// Regional services.
void PlanEc2(CollectContext& ctx, inventory::RegionInventory& region);
void PlanSecurityHub(CollectContext& ctx, inventory::RegionInventory& region);
void PlanIdentityCenterInstances(CollectContext& ctx, inventory::RegionInventory& region);
void PlanAccessAnalyzer(CollectContext& ctx, inventory::RegionInventory& region);
void PlanConfig(CollectContext& ctx, inventory::RegionInventory& region);
void PlanKms(CollectContext& ctx, inventory::RegionInventory& region);
void PlanGuardDuty(CollectContext& ctx, inventory::RegionInventory& region);
void PlanApiGateway(CollectContext& ctx, inventory::RegionInventory& region);
void PlanNetworkFirewall(CollectContext& ctx, inventory::RegionInventory& region);
void PlanRds(CollectContext& ctx, inventory::RegionInventory& region);
void PlanEfs(CollectContext& ctx, inventory::RegionInventory& region);

// The WAF section of one region needs two concurrent listings (web ACLs and
// load balancers); whichever finishes last starts the per-ALB lookups.
// PlanWafv2 starts the web ACL listing and returns the lookup (nullptr when
// the WAF section is not asked for); PlanElbv2 reports its listing to it.
class WebAclLookup {
 public:
  WebAclLookup(CollectContext& ctx, inventory::RegionInventory& region);
  void acls_listed(std::optional<inventory::CollectionError> error, bool any);
  void load_balancers_listed(std::optional<inventory::CollectionError> error, std::vector<std::string> internet_facing);

 private:
  void start_when_ready(std::unique_lock<std::mutex>& lock);

  CollectContext& ctx_;
  inventory::RegionInventory& region_;
  std::mutex mutex_;
  bool acls_known_ = false;
  bool lbs_known_ = false;
  bool any_acl_ = false;
  std::optional<inventory::CollectionError> acl_error_;
  std::optional<inventory::CollectionError> lb_error_;
  std::vector<std::string> internet_facing_;
};
std::shared_ptr<WebAclLookup> PlanWafv2(CollectContext& ctx, inventory::RegionInventory& region);
void PlanElbv2(CollectContext& ctx, inventory::RegionInventory& region, std::shared_ptr<WebAclLookup> web_acls);

// AWS Organizations and IAM Identity Center. Identity Center's
// account assignments are listed per account of the organization, so the
// organization collector tells Identity Center the accounts once the
// structure is known. PlanIdentityCenter lists the instances in every
// region (also filling each region's identity_center.instances when asked for) and
// returns the listener (nullptr when organizations.identity_center is not asked for);
// PlanOrganization must then be called with it: it reports the accounts
// once the structure is known (at once, none, when it is not collected).
class OrgAccountsListener {
 public:
  virtual ~OrgAccountsListener() = default;
  // The organization's account ids; empty when the structure is unavailable
  // (not in an organization, or its listing failed). Called once.
  virtual void accounts_known(std::vector<std::string> account_ids) = 0;
};
std::shared_ptr<OrgAccountsListener> PlanIdentityCenter(CollectContext& ctx,
                                                        std::vector<inventory::RegionInventory>& regions,
                                                        inventory::Collected<inventory::IdentityCenter>& out);
void PlanOrganization(CollectContext& ctx, inventory::OrganizationsSections& org,
                      std::shared_ptr<OrgAccountsListener> accounts = nullptr);
// IAM Identity Center's sso-admin ListInstances in one region; "not offered
// here" answers read as no instance.
inventory::Collected<std::vector<inventory::IdentityCenterInstance>> ListIdentityCenterInstances(
    aws::AwsClient& client, const CallSite& site);

}  // namespace posture::collect
