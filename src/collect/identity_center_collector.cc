// IAM Identity Center: the instances of each region, and the organization's
// permission sets, account assignments and names of the assigned principals
// as one cross-region section.
//
// identity_center.instances: sso-admin ListInstances in every region. The
// instance lives in one region, so an empty list elsewhere is normal; a
// region where the service is not offered cannot hold one either, so
// "unavailable here" answers read as an empty list. Errors that hide an
// answer (denied, throttled, network, ...) fail the section.
//
// organizations.identity_center: ListInstances runs in every region
// (filling each region's identity_center.instances too when asked for, so
// one call per region serves both sections). Everything below starts as soon as
// its inputs are known, every independent call at once:
//   - per instance: ListPermissionSets, then per permission set
//     DescribePermissionSet, ListManagedPoliciesInPermissionSet,
//     GetInlinePolicyForPermissionSet,
//     ListCustomerManagedPolicyReferencesInPermissionSet and
//     GetPermissionsBoundaryForPermissionSet (5 calls);
//   - per instance and account of the organization (once the organization
//     collector reports them; this account alone when the structure is not
//     collected or unavailable): ListPermissionSetsProvisionedToAccount,
//     then per permission set provisioned there ListAccountAssignments;
//   - per distinct principal assigned: identitystore DescribeUser or
//     DescribeGroup, in the instance's region.
// Round trips: ListInstances, then 2 more for the permission sets; the
// assignments take 3 more (provisioned sets, assignments, names) after the
// later of the instance and the organization's walk. The section is
// published when every call has answered; a failed call fails it, except a
// name lookup (the name stays "" and the error is logged) and a boundary
// lookup the server does not implement (moto lacks it: no boundary, error
// logged).
#include <atomic>
#include <map>
#include <set>

#include "collect/collectors.h"

namespace posture::collect {
namespace {

using inventory::IdentityCenter;
using inventory::IdentityCenterInstance;
using inventory::PermissionSet;

constexpr const char* kSsoAdmin = "sso-admin";
constexpr const char* kIdentityStore = "identitystore";

// ListInstances' largest page.
constexpr int kMaxInstances = 100;

// An answer meaning the service is not offered in the region.
bool NotOfferedHere(const base::Error& error) {
  switch (error.kind()) {
    case base::ErrorKind::kServiceUnavailable:
    case base::ErrorKind::kUnsupported:
    case base::ErrorKind::kNotFound:
      return true;
    default:
      return false;
  }
}

// "/path/Name" of a customer managed policy reference (Path defaults to "/").
std::string CustomerPolicyName(const aws::Json& reference) {
  std::string path = Text(reference, "Path");
  if (path.empty()) path = "/";
  if (!path.ends_with('/')) path += '/';
  return path + Text(reference, "Name");
}

// An answer meaning the server does not implement the operation: our own
// kUnsupported, HTTP 501, or a 500 carrying no AWS error code (moto's HTML
// "action has not been implemented" page; the client then names the code
// after the status). A real AWS failure names a code.
bool NotImplemented(const base::Error& error) {
  if (error.kind() == base::ErrorKind::kUnsupported || error.http_status() == 501) return true;
  return error.http_status() == 500 && (error.code().empty() || error.code() == "500");
}

// The section's state while its calls run. Every task holds it through a
// shared_ptr; the last one to finish publishes the section. Thread-safe.
class IdentityCenterCollection : public OrgAccountsListener,
                                 public std::enable_shared_from_this<IdentityCenterCollection> {
 public:
  IdentityCenterCollection(CollectContext& ctx, inventory::Collected<IdentityCenter>& section)
      : ctx_(ctx), section_(section) {}

  // Lists the instances of `region` (and fills its identity_center.instances when asked for).
  void list_instances(inventory::RegionInventory& region) {
    const CallSite site{kSsoAdmin, "ListInstances", region.region};
    spawn(site, [this, &region, site]() -> std::optional<inventory::CollectionError> {
      auto instances = ListIdentityCenterInstances(ctx_.client, site);
      std::optional<inventory::CollectionError> error = instances.error;
      if (ctx_.wants("identity_center.instances")) {
        ctx_.store(region.identity_center.instances, instances);
        if (error) {
          record(std::move(*error));  // already logged by store
          return std::nullopt;
        }
      }
      if (error) return error;
      for (const auto& instance : *instances) instance_found(instance);
      return std::nullopt;
    });
  }

  void accounts_known(std::vector<std::string> account_ids) override {
    if (account_ids.empty()) account_ids.push_back(ctx_.account_id);
    {
      std::lock_guard lock(mutex_);
      accounts_ = std::move(account_ids);
      accounts_known_ = true;
      for (const auto& instance : instances_) list_assignments(instance, accounts_);
    }
    finish();
  }

  // Counts work that is not a pool task (the planning itself, the accounts
  // report); each hold is released by finish().
  void hold() { pending_.fetch_add(1); }
  void finish() {
    if (pending_.fetch_sub(1) != 1) return;
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < value_.assignments.size(); ++i) {
      auto name = names_.find(principal_keys_[i]);
      if (name != names_.end()) value_.assignments[i].principal_name = name->second;
    }
    // Calls finish in any order: a stable order for every scan alike.
    SortBy(value_.permission_sets, [](const auto& set) { return set.arn; });
    SortBy(value_.assignments, [](const auto& a) {
      return std::make_tuple(a.account_id, a.permission_set_arn, a.principal_type, a.principal_id);
    });
    section_ = error_ ? Failure<IdentityCenter>(std::move(*error_)) : Success(std::move(value_));
  }

 private:
  // Runs `work` (returning its failure, if any) on the pool, counted until it ends.
  template <typename Work>
  void spawn(CallSite site, Work work) {
    hold();
    ctx_.pool.submit([self = shared_from_this(), site = std::move(site), work = std::move(work)]() mutable {
      std::optional<inventory::CollectionError> error;
      if (auto thrown = RunCatching(site, [&] { error = work(); })) error = std::move(thrown);
      if (error) self->fail(std::move(*error));
      self->finish();
    });
  }

  void fail(inventory::CollectionError error) {
    ctx_.errors.add(error);
    record(std::move(error));
  }
  // Keeps the section's first failure (already logged).
  void record(inventory::CollectionError error) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(error);
  }

  void instance_found(const IdentityCenterInstance& instance) {
    list_permission_sets(instance);
    std::lock_guard lock(mutex_);
    instances_.push_back(instance);
    if (accounts_known_) list_assignments(instance, accounts_);
  }

  void list_permission_sets(const IdentityCenterInstance& instance) {
    const CallSite site{kSsoAdmin, "ListPermissionSets", instance.region};
    spawn(site, [this, site, instance]() -> std::optional<inventory::CollectionError> {
      auto status = ForEachItem(ctx_.client, site, {{"InstanceArn", instance.instance_arn}}, "PermissionSets",
                                [&](const aws::Json& arn) {
                                  if (arn.is_string()) describe_permission_set(instance, arn.get<std::string>());
                                });
      return status.ok() ? std::nullopt : std::optional(site.failure(status.error()));
    });
  }

  // The five lookups of one permission set, at once.
  void describe_permission_set(const IdentityCenterInstance& instance, const std::string& arn) {
    size_t index = 0;
    {
      std::lock_guard lock(mutex_);
      index = value_.permission_sets.size();
      PermissionSet& set = value_.permission_sets.emplace_back();
      set.arn = arn;
      set.instance_arn = instance.instance_arn;
    }
    const aws::Json input = {{"InstanceArn", instance.instance_arn}, {"PermissionSetArn", arn}};
    lookup(instance, "DescribePermissionSet", input, index,
           [](const aws::Json& out, PermissionSet& set) { set.name = Text(Member(out, "PermissionSet"), "Name"); });
    lookup(instance, "ListManagedPoliciesInPermissionSet", input, index, [](const aws::Json& out, PermissionSet& set) {
      for (const auto& policy : Items(out, "AttachedManagedPolicies"))
        set.managed_policy_arns.push_back(Text(policy, "Arn"));
    });
    lookup(instance, "GetInlinePolicyForPermissionSet", input, index,
           [](const aws::Json& out, PermissionSet& set) { set.inline_policy = Text(out, "InlinePolicy"); });
    lookup(instance, "ListCustomerManagedPolicyReferencesInPermissionSet", input, index,
           [](const aws::Json& out, PermissionSet& set) {
             for (const auto& reference : Items(out, "CustomerManagedPolicyReferences")) {
               set.customer_managed_policies.push_back(CustomerPolicyName(reference));
             }
           });
    lookup(instance, "GetPermissionsBoundaryForPermissionSet", input, index,
           [](const aws::Json& out, PermissionSet& set) {
             const aws::Json& boundary = Member(out, "PermissionsBoundary");
             inventory::PermissionsBoundary found;
             found.managed_policy_arn = Text(boundary, "ManagedPolicyArn");
             const aws::Json& reference = Member(boundary, "CustomerManagedPolicyReference");
             if (reference.is_object()) found.customer_policy_name = CustomerPolicyName(reference);
             if (!found.managed_policy_arn.empty() || !found.customer_policy_name.empty()) set.boundary = found;
           });
  }

  // One lookup of the permission set at `index` (every page): `apply(page,
  // set)` maps each page. A missing boundary is no boundary.
  template <typename Apply>
  void lookup(const IdentityCenterInstance& instance, const char* operation, aws::Json input, size_t index,
              Apply apply) {
    const CallSite site{kSsoAdmin, operation, instance.region};
    spawn(site, [this, site, input = std::move(input), index, apply]() -> std::optional<inventory::CollectionError> {
      std::vector<aws::Json> pages;
      auto status = ctx_.client.paginate(site.service, site.operation, input, site.region, [&](const aws::Json& page) {
        pages.push_back(page);
        return true;
      });
      if (!status.ok()) {
        const base::Error& error = status.error();
        if (site.operation != "GetPermissionsBoundaryForPermissionSet") return site.failure(error);
        if (error.kind() == base::ErrorKind::kNotFound) return std::nullopt;
        if (!NotImplemented(error)) return site.failure(error);
        // Reported, but the permission set is still evaluated (as unbounded).
        ctx_.errors.add(site.failure(error));
        return std::nullopt;
      }
      std::lock_guard lock(mutex_);
      for (const auto& page : pages) apply(page, value_.permission_sets[index]);
      return std::nullopt;
    });
  }

  // Called with mutex_ held (spawn takes no lock).
  void list_assignments(const IdentityCenterInstance& instance, const std::vector<std::string>& accounts) {
    for (const auto& account : accounts) {
      const CallSite site{kSsoAdmin, "ListPermissionSetsProvisionedToAccount", instance.region};
      spawn(site, [this, site, instance, account]() -> std::optional<inventory::CollectionError> {
        const aws::Json input = {{"InstanceArn", instance.instance_arn}, {"AccountId", account}};
        auto status = ForEachItem(ctx_.client, site, input, "PermissionSets", [&](const aws::Json& arn) {
          if (arn.is_string()) list_account_assignments(instance, account, arn.get<std::string>());
        });
        return status.ok() ? std::nullopt : std::optional(site.failure(status.error()));
      });
    }
  }

  void list_account_assignments(const IdentityCenterInstance& instance, const std::string& account,
                                const std::string& permission_set) {
    const CallSite site{kSsoAdmin, "ListAccountAssignments", instance.region};
    spawn(site, [this, site, instance, account, permission_set]() -> std::optional<inventory::CollectionError> {
      const aws::Json input = {
          {"InstanceArn", instance.instance_arn}, {"AccountId", account}, {"PermissionSetArn", permission_set}};
      std::vector<inventory::AccountAssignment> found;
      auto status = ForEachItem(ctx_.client, site, input, "AccountAssignments", [&](const aws::Json& item) {
        inventory::AccountAssignment assignment;
        assignment.account_id = Text(item, "AccountId");
        if (assignment.account_id.empty()) assignment.account_id = account;
        assignment.permission_set_arn = Text(item, "PermissionSetArn");
        if (assignment.permission_set_arn.empty()) assignment.permission_set_arn = permission_set;
        assignment.principal_type = Text(item, "PrincipalType");
        assignment.principal_id = Text(item, "PrincipalId");
        found.push_back(std::move(assignment));
      });
      if (!status.ok()) return site.failure(status.error());
      std::lock_guard lock(mutex_);
      for (auto& assignment : found) {
        std::string key = instance.identity_store_id + "/" + assignment.principal_id;
        if (looked_up_.insert(key).second) name_principal(instance, assignment, key);
        principal_keys_.push_back(std::move(key));
        value_.assignments.push_back(std::move(assignment));
      }
      return std::nullopt;
    });
  }

  // Called with mutex_ held. A failed lookup is logged and leaves the name "".
  void name_principal(const IdentityCenterInstance& instance, const inventory::AccountAssignment& assignment,
                      std::string key) {
    const bool group = assignment.principal_type == "GROUP";
    const CallSite site{kIdentityStore, group ? "DescribeGroup" : "DescribeUser", instance.region};
    aws::Json input = {{"IdentityStoreId", instance.identity_store_id},
                       {group ? "GroupId" : "UserId", assignment.principal_id}};
    spawn(site,
          [this, site, input = std::move(input), group,
           key = std::move(key)]() -> std::optional<inventory::CollectionError> {
            auto described = ctx_.client.call(site.service, site.operation, input, site.region);
            if (!described.ok()) {
              ctx_.errors.add(site.failure(described.error()));
              return std::nullopt;
            }
            std::lock_guard lock(mutex_);
            names_[key] = Text(*described, group ? "DisplayName" : "UserName");
            return std::nullopt;
          });
  }

  CollectContext& ctx_;
  inventory::Collected<IdentityCenter>& section_;
  std::atomic<int> pending_{0};
  std::mutex mutex_;
  IdentityCenter value_;
  std::optional<inventory::CollectionError> error_;
  std::vector<IdentityCenterInstance> instances_;
  bool accounts_known_ = false;
  std::vector<std::string> accounts_;
  std::set<std::string> looked_up_;           // "<identity store>/<principal id>"
  std::vector<std::string> principal_keys_;   // of value_.assignments, by index
  std::map<std::string, std::string> names_;  // by the same key
};

}  // namespace

std::shared_ptr<OrgAccountsListener> PlanIdentityCenter(CollectContext& ctx,
                                                        std::vector<inventory::RegionInventory>& regions,
                                                        inventory::Collected<IdentityCenter>& out) {
  if (!ctx.wants("organizations.identity_center")) return nullptr;
  auto collection = std::make_shared<IdentityCenterCollection>(ctx, out);
  collection->hold();  // the planning, released below
  collection->hold();  // the organization's accounts, released by accounts_known
  for (auto& region : regions) collection->list_instances(region);
  collection->finish();
  return collection;
}

inventory::Collected<std::vector<IdentityCenterInstance>> ListIdentityCenterInstances(aws::AwsClient& client,
                                                                                      const CallSite& site) {
  std::vector<IdentityCenterInstance> instances;
  auto status = ForEachItem(client, site, {{"MaxResults", kMaxInstances}}, "Instances", [&](const aws::Json& item) {
    instances.push_back({Text(item, "InstanceArn"), Text(item, "IdentityStoreId"), site.region});
  });
  if (status.ok()) return Success(std::move(instances));
  if (NotOfferedHere(status.error())) return Success(std::vector<IdentityCenterInstance>{});
  return Failure<std::vector<IdentityCenterInstance>>(site.failure(status.error()));
}

void PlanIdentityCenterInstances(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants("identity_center.instances")) return;
  // PlanIdentityCenter lists the instances of every region then, this section too.
  if (ctx.wants("organizations.identity_center")) return;
  const CallSite site{"sso-admin", "ListInstances", region.region};
  SubmitSection(ctx, region.identity_center.instances, site,
                [&client = ctx.client, site] { return ListIdentityCenterInstances(client, site); });
}

}  // namespace posture::collect
