// AWS Organizations (global), read from the account that manages the
// organization or a delegated administrator.
//
// The structure: DescribeOrganization, ListRoots, then the OU tree
// breadth-first with every node's listings in flight at once: each parent
// (the root, then each OU as soon as a page names it) gets a
// ListOrganizationalUnitsForParent task and a ListAccountsForParent task,
// and each account a ListTagsForResource task as soon as it is found.
// Calls: 2, plus 2 per parent (the root and each OU) and 1 per account
// (more when paged); round trips: 2 + (d + 1) + 1 for OUs nested d deep.
// An account in no organization (AWSOrganizationsNotInUseException) is a
// value: an Organization whose id is "". Once the structure is known, the
// Identity Center collector is told its accounts.
//
// SCPs: ListPolicies (SERVICE_CONTROL_POLICY), then ListTargetsForPolicy
// per policy, all at once. Not in an organization, or SCPs not enabled: an
// empty list.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

using inventory::Organization;
using Policies = std::vector<inventory::ServiceControlPolicy>;
using StructureJoin = SectionJoin<Organization>;
using PolicyJoin = SectionJoin<Policies>;

constexpr const char* kService = "organizations";
constexpr const char* kScpType = "SERVICE_CONTROL_POLICY";

CallSite Site(const char* operation) { return {kService, operation, ""}; }

// SCP evaluation needs the tree too.
bool WantsStructure(const CollectContext& ctx) {
  return ctx.wants("organizations.structure") || ctx.wants("organizations.scps");
}

bool NotInOrganization(const base::Error& error) { return error.code() == "AWSOrganizationsNotInUseException"; }

// Whether the root's PolicyTypes has SCPs enabled.
bool ScpsEnabled(const aws::Json& root) {
  for (const auto& type : Items(root, "PolicyTypes")) {
    if (Text(type, "Type") == kScpType && Text(type, "Status") == "ENABLED") return true;
  }
  return false;
}

inventory::OrgAccount MapAccount(const aws::Json& item, const std::string& parent_id) {
  inventory::OrgAccount account;
  account.id = Text(item, "Id");
  account.arn = Text(item, "Arn");
  account.name = Text(item, "Name");
  account.email = Text(item, "Email");
  // Status is deprecated in favour of State; either may be absent.
  account.status = Text(item, "Status");
  if (account.status.empty()) account.status = Text(item, "State");
  account.parent_id = parent_id;
  return account;
}

std::vector<std::string> AccountIds(const inventory::Collected<Organization>& structure) {
  std::vector<std::string> ids;
  if (!structure.ok()) return ids;
  for (const auto& account : structure->accounts) ids.push_back(account.id);
  return ids;
}

void SubmitChildren(CollectContext& ctx, const std::shared_ptr<StructureJoin>& join, const std::string& parent_id);

// The tags of the account at `index` (every page).
void SubmitTags(CollectContext& ctx, const std::shared_ptr<StructureJoin>& join, size_t index, std::string id) {
  const CallSite site = Site("ListTagsForResource");
  SubmitPart(ctx, join, site,
             [&client = ctx.client, site, index, id](StructureJoin& part) -> std::optional<inventory::CollectionError> {
               inventory::Tags tags;
               auto status = client.paginate(site.service, site.operation, {{"ResourceId", id}}, site.region,
                                             [&](const aws::Json& page) {
                                               tags.merge(ParseTags(page));
                                               return true;
                                             });
               if (!status.ok()) return site.failure(status.error());
               part.update([&](Organization& org) { org.accounts[index].tags = std::move(tags); });
               return std::nullopt;
             });
}

// The accounts directly under `parent_id`; each page's accounts get their tags at once.
void SubmitAccounts(CollectContext& ctx, const std::shared_ptr<StructureJoin>& join, std::string parent_id) {
  const CallSite site = Site("ListAccountsForParent");
  SubmitPart(ctx, join, site, [&ctx, join, site, parent_id](StructureJoin& part) {
    auto status = ctx.client.paginate(site.service, site.operation, {{"ParentId", parent_id}}, site.region,
                                      [&](const aws::Json& page) {
                                        std::vector<std::pair<size_t, std::string>> found;
                                        part.update([&](Organization& org) {
                                          for (const auto& item : Items(page, "Accounts")) {
                                            found.emplace_back(org.accounts.size(), Text(item, "Id"));
                                            org.accounts.push_back(MapAccount(item, parent_id));
                                          }
                                        });
                                        part.add_parts(static_cast<int>(found.size()));
                                        for (auto& [index, id] : found) SubmitTags(ctx, join, index, std::move(id));
                                        return true;
                                      });
    return status.ok() ? std::nullopt : std::optional(site.failure(status.error()));
  });
}

// The OUs directly under `parent_id`; each page's OUs are walked at once.
void SubmitUnits(CollectContext& ctx, const std::shared_ptr<StructureJoin>& join, std::string parent_id) {
  const CallSite site = Site("ListOrganizationalUnitsForParent");
  SubmitPart(ctx, join, site, [&ctx, join, site, parent_id](StructureJoin& part) {
    auto status = ctx.client.paginate(site.service, site.operation, {{"ParentId", parent_id}}, site.region,
                                      [&](const aws::Json& page) {
                                        std::vector<std::string> found;
                                        part.update([&](Organization& org) {
                                          for (const auto& item : Items(page, "OrganizationalUnits")) {
                                            found.push_back(Text(item, "Id"));
                                            org.units.push_back({Text(item, "Id"), Text(item, "Name"), parent_id});
                                          }
                                        });
                                        for (const auto& id : found) SubmitChildren(ctx, join, id);
                                        return true;
                                      });
    return status.ok() ? std::nullopt : std::optional(site.failure(status.error()));
  });
}

// Both listings of one parent, counted in the join before they start.
void SubmitChildren(CollectContext& ctx, const std::shared_ptr<StructureJoin>& join, const std::string& parent_id) {
  join->add_parts(2);
  SubmitUnits(ctx, join, parent_id);
  SubmitAccounts(ctx, join, parent_id);
}

// DescribeOrganization and ListRoots; then hands the section to the walk
// (returns nullopt) or finishes it.
std::optional<inventory::Collected<Organization>> StartStructure(
    CollectContext& ctx, inventory::Collected<Organization>& section,
    const std::function<void(const inventory::Collected<Organization>&)>& finished) {
  const CallSite describe = Site("DescribeOrganization");
  auto described = ctx.client.call(describe.service, describe.operation, aws::Json::object(), describe.region);
  if (!described.ok()) {
    if (NotInOrganization(described.error())) return Success(Organization{});
    return Failure<Organization>(describe.failure(described.error()));
  }
  Organization org;
  const aws::Json& details = Member(*described, "Organization");
  org.id = Text(details, "Id");
  org.arn = Text(details, "Arn");
  org.management_account_id = Text(details, "MasterAccountId");

  const CallSite roots = Site("ListRoots");
  auto status = ForEachItem(ctx.client, roots, aws::Json::object(), "Roots", [&](const aws::Json& root) {
    if (org.root_id.empty()) {
      org.root_id = Text(root, "Id");
      org.scps_enabled = ScpsEnabled(root);
    }
    org.units.push_back({Text(root, "Id"), Text(root, "Name"), ""});
  });
  if (!status.ok()) {
    if (NotInOrganization(status.error())) return Success(Organization{});
    return Failure<Organization>(roots.failure(status.error()));
  }
  if (org.units.empty()) return Success(std::move(org));
  std::vector<std::string> root_ids;
  for (const auto& root : org.units) root_ids.push_back(root.id);
  // The walk's own parts keep the join open; this count is released below.
  auto join = std::make_shared<StructureJoin>(ctx, section, std::move(org), 1);
  // The OU walk finds units and accounts in any order: the root first, then by id.
  join->before_publish([](Organization& org) {
    SortBy(org.units, [&](const auto& unit) { return std::make_pair(unit.id != org.root_id, unit.id); });
    SortBy(org.accounts, [](const auto& account) { return account.id; });
  });
  join->on_finish(finished);
  for (const auto& id : root_ids) SubmitChildren(ctx, join, id);
  join->done();
  return std::nullopt;
}

void PlanStructure(CollectContext& ctx, inventory::Collected<Organization>& section,
                   std::shared_ptr<OrgAccountsListener> accounts) {
  std::function<void(const inventory::Collected<Organization>&)> finished =
      [accounts](const inventory::Collected<Organization>& structure) {
        if (accounts) accounts->accounts_known(AccountIds(structure));
      };
  const CallSite site = Site("DescribeOrganization");
  ctx.pool.submit([&ctx, &section, site, finished] {
    std::optional<inventory::Collected<Organization>> outcome;
    if (auto error = RunCatching(site, [&] { outcome = StartStructure(ctx, section, finished); })) {
      outcome = Failure<Organization>(std::move(*error));
    }
    if (!outcome) return;
    ctx.store(section, std::move(*outcome));
    finished(section);
  });
}

inventory::ServiceControlPolicy MapPolicy(const aws::Json& item) {
  inventory::ServiceControlPolicy policy;
  policy.id = Text(item, "Id");
  policy.arn = Text(item, "Arn");
  policy.name = Text(item, "Name");
  policy.aws_managed = Flag(item, "AwsManaged");
  return policy;
}

void PlanScps(CollectContext& ctx, inventory::Collected<Policies>& section) {
  const CallSite site = Site("ListPolicies");
  SubmitStaged(ctx, section, site, [&ctx, &section, site]() -> std::optional<inventory::Collected<Policies>> {
    Policies policies;
    auto status = ForEachItem(ctx.client, site, {{"Filter", kScpType}}, "Policies",
                              [&](const aws::Json& item) { policies.push_back(MapPolicy(item)); });
    if (!status.ok()) {
      const base::Error& error = status.error();
      if (NotInOrganization(error) || error.code() == "PolicyTypeNotEnabledException") return Success(Policies{});
      return Failure<Policies>(site.failure(error));
    }
    if (policies.empty()) return Success(std::move(policies));
    std::vector<std::string> ids;
    for (const auto& policy : policies) ids.push_back(policy.id);
    auto join = std::make_shared<PolicyJoin>(ctx, section, std::move(policies), static_cast<int>(ids.size()));
    const CallSite targets_site = Site("ListTargetsForPolicy");
    for (size_t i = 0; i < ids.size(); ++i) {
      SubmitPart(ctx, join, targets_site,
                 [&client = ctx.client, targets_site, i,
                  id = ids[i]](PolicyJoin& part) -> std::optional<inventory::CollectionError> {
                   std::vector<std::string> targets;
                   auto listed =
                       ForEachItem(client, targets_site, {{"PolicyId", id}}, "Targets",
                                   [&](const aws::Json& target) { targets.push_back(Text(target, "TargetId")); });
                   if (!listed.ok()) return targets_site.failure(listed.error());
                   part.update([&](Policies& all) { all[i].target_ids = std::move(targets); });
                   return std::nullopt;
                 });
    }
    return std::nullopt;
  });
}

}  // namespace

void PlanOrganization(CollectContext& ctx, inventory::OrganizationsSections& org,
                      std::shared_ptr<OrgAccountsListener> accounts) {
  if (org.structure.ok()) {
    // Already read (an organization scan lists the organization first):
    // no second walk of the tree.
    if (accounts) {
      std::vector<std::string> ids;
      for (const auto& account : org.structure->accounts) ids.push_back(account.id);
      accounts->accounts_known(std::move(ids));
    }
  } else if (WantsStructure(ctx)) {
    PlanStructure(ctx, org.structure, std::move(accounts));
  } else if (accounts) {
    accounts->accounts_known({});
  }
  if (ctx.wants("organizations.scps")) PlanScps(ctx, org.scps);
}

}  // namespace posture::collect
