#include "collect/member_accounts.h"

#include <map>

#include "collect/collect.h"
#include "collect/collectors.h"
#include "inventory/organization.h"
#include "inventory/sections.h"

namespace posture::collect {
namespace {

// One account's collection: its client, lane context and errors. Held by
// address while its tasks run.
struct AccountJob {
  MemberAccount* scan = nullptr;
  std::unique_ptr<aws::AwsClient> own_client;  // null for the caller's account
  aws::AwsClient* client = nullptr;
  ErrorLog errors;
  std::unique_ptr<CollectContext> ctx;
  std::unique_ptr<telemetry::AccountSpan> span;  // open while the account is collected
};

base::Error ScanError(const inventory::CollectionError& error) {
  std::string message = "cannot list the organization: " + error.service + ":" + error.operation + ": " + error.message;
  if (error.kind == "access_denied") {
    message += " (run from the management account or a delegated administrator for AWS Organizations)";
  }
  return base::Error(error.kind == "access_denied" ? base::ErrorKind::kAccessDenied : base::ErrorKind::kInternal,
                     std::move(message));
}

// Reads the organization's structure (OU tree, accounts, tags) with the caller's client.
base::Result<inventory::Organization> ListOrganization(aws::AwsClient& caller, const CallerIdentity& identity,
                                                       int concurrency) {
  inventory::Inventory discovery = NewInventory(identity.account_id, identity.partition, {});
  const std::set<std::string> sections = {"organizations.structure"};
  ErrorLog errors;
  {
    TaskPool pool(concurrency);
    CollectContext ctx{caller, pool, errors, sections, identity.account_id, identity.partition};
    PlanInventory(ctx, discovery);
    pool.wait();
  }
  auto& structure = discovery.organizations.structure;
  if (structure.error) return ScanError(*structure.error);
  if (!structure.ok()) return base::Error::Internal("the organization's structure was not collected");
  if (structure->id.empty()) {
    return base::Error::InvalidInput("account " + identity.account_id +
                                     " is not in an AWS Organization (--organization needs the management account or "
                                     "a delegated administrator)");
  }
  return std::move(*structure.value);
}

// Checks the filters name only what the organization holds.
base::Status CheckFilters(const inventory::Organization& organization, const MemberAccountsOptions& options) {
  std::set<std::string> known;
  for (const auto& account : organization.accounts) known.insert(account.id);
  for (const auto* filter : {&options.accounts, &options.exclude_accounts}) {
    for (const auto& id : *filter) {
      if (!known.count(id)) {
        return base::Error::InvalidInput("account " + id + " is not in organization " + organization.id);
      }
    }
  }
  for (const auto& id : options.units) {
    if (!inventory::FindUnit(organization, id)) {
      return base::Error::InvalidInput("organizational unit " + id + " is not in organization " + organization.id);
    }
  }
  return base::Ok{};
}

bool Chosen(const inventory::Organization& organization, const inventory::OrgAccount& account,
            const MemberAccountsOptions& options) {
  if (!options.accounts.empty() && !options.accounts.count(account.id)) return false;
  if (options.exclude_accounts.count(account.id)) return false;
  if (options.units.empty()) return true;
  for (const auto& id : inventory::AncestorIds(organization, account.id)) {
    if (options.units.count(id)) return true;
  }
  return false;
}

std::set<std::string> MemberSections(const std::set<std::string>& sections) {
  std::set<std::string> out;
  for (const auto& section : sections) {
    if (!IsOrganizationSection(section)) out.insert(section);
  }
  return out;
}

// What the organization inventory collects: the organization-wide sections
// asked for, and the caller's Identity Center instances (which serve every
// member) when any account check or permission set needs them.
std::set<std::string> OrganizationSections(const std::set<std::string>& sections) {
  std::set<std::string> out;
  for (const auto& section : sections) {
    if (IsOrganizationSection(section) && section != "organizations.structure") out.insert(section);
  }
  if (sections.count("identity_center.instances") || out.count("organizations.identity_center")) {
    out.insert("identity_center.instances");
  }
  return out;
}

std::vector<inventory::IdentityCenterInstance> InstancesOf(const inventory::Inventory& inventory) {
  std::vector<inventory::IdentityCenterInstance> out;
  for (const auto& region : inventory.regions) {
    if (region.identity_center.instances.ok())
      out.insert(out.end(), region.identity_center.instances->begin(), region.identity_center.instances->end());
  }
  return out;
}

}  // namespace

const char* AccountOutcomeName(AccountOutcome outcome) {
  switch (outcome) {
    case AccountOutcome::kScanned:
      return "scanned";
    case AccountOutcome::kFailed:
      return "failed";
    case AccountOutcome::kSkipped:
      return "skipped";
  }
  return "scanned";
}

bool IsOrganizationSection(const std::string& section) {
  const inventory::Section* row = inventory::FindSection(section);
  return row != nullptr && row->scope == inventory::SectionScope::kOrganization;
}

base::Result<MemberAccounts> CollectMemberAccounts(aws::AwsClient& caller, const AccountClientFactory& client_for,
                                                   const MemberAccountsOptions& options) {
  auto identity = IdentifyCaller(caller);
  if (!identity.ok()) return std::move(identity.error());
  auto organization = ListOrganization(caller, *identity, options.concurrency);
  if (!organization.ok()) return std::move(organization.error());
  auto filters = CheckFilters(*organization, options);
  if (!filters.ok()) return std::move(filters.error());

  MemberAccounts scan;
  scan.caller_account_id = identity->account_id;
  scan.partition = identity->partition;
  scan.organization = std::move(*organization);
  for (const auto& account : scan.organization.accounts) {
    if (!Chosen(scan.organization, account, options)) continue;
    MemberAccount& entry = scan.accounts.emplace_back();
    entry.account = account;
    entry.ou_path = inventory::OuPath(scan.organization, account.id);
    if (account.status != "ACTIVE") {
      entry.outcome = AccountOutcome::kSkipped;
      entry.reason = "the account is " + (account.status.empty() ? std::string("not active") : account.status);
    } else {
      entry.inventory = NewInventory(account.id, scan.partition, options.regions);
    }
  }
  if (scan.accounts.empty())
    return base::Error::InvalidInput("no account of " + scan.organization.id + " matches the filters");

  scan.organization_inventory = NewInventory(scan.caller_account_id, scan.partition, options.regions);
  scan.organization_inventory.organizations.structure.set(scan.organization);
  const std::set<std::string> member_sections = MemberSections(options.sections);
  const std::set<std::string> organization_sections = OrganizationSections(options.sections);

  std::vector<std::unique_ptr<AccountJob>> jobs;
  AccountJob organization_job;
  {
    TaskPool pool(options.concurrency, options.progress);
    organization_job.client = &caller;
    organization_job.ctx.reset(new CollectContext{caller, TaskLane(pool, pool.open_lane()), organization_job.errors,
                                                  organization_sections, scan.caller_account_id, scan.partition});
    organization_job.span = std::make_unique<telemetry::AccountSpan>(scan.caller_account_id);
    organization_job.ctx->account_span = organization_job.span->context();
    PlanInventory(*organization_job.ctx, scan.organization_inventory);

    for (auto& entry : scan.accounts) {
      if (entry.outcome != AccountOutcome::kScanned) continue;
      auto& job = *jobs.emplace_back(std::make_unique<AccountJob>());
      job.scan = &entry;
      job.span = std::make_unique<telemetry::AccountSpan>(entry.account.id);
      telemetry::ScopeGuard account_scope(job.span->scope());  // the account's tasks inherit it
      TaskLane lane(pool, pool.open_lane());
      if (entry.account.id == scan.caller_account_id) {
        job.client = &caller;
        job.ctx.reset(new CollectContext{caller, lane, job.errors, member_sections, entry.account.id, scan.partition});
        job.ctx->account_span = job.span->context();
        PlanInventory(*job.ctx, entry.inventory);
        continue;
      }
      // Credentials first (the role is assumed here, once): an account that
      // cannot be entered fails as a whole instead of once per section.
      lane.submit([&job, &client_for, &member_sections, lane, partition = scan.partition] {
        job.own_client = client_for(job.scan->account, partition);
        job.client = job.own_client.get();
        auto credentials = job.client->credentials().fetch();
        if (!credentials.ok()) {
          job.scan->outcome = AccountOutcome::kFailed;
          job.scan->reason = credentials.error().describe();
          return;
        }
        job.ctx.reset(
            new CollectContext{*job.client, lane, job.errors, member_sections, job.scan->account.id, partition});
        job.ctx->account_span = job.span->context();
        PlanInventory(*job.ctx, job.scan->inventory);
      });
    }
    pool.wait();
    organization_job.span.reset();
    for (auto& job : jobs) job->span.reset();
  }

  scan.organization_inventory.errors = organization_job.errors.take();
  inventory::OrgMembership membership;
  membership.organization_id = scan.organization.id;
  membership.identity_center_instances = InstancesOf(scan.organization_inventory);
  for (auto& job : jobs) {
    MemberAccount& entry = *job->scan;
    if (job->own_client) entry.requests = job->own_client->requests_sent();
    if (entry.outcome != AccountOutcome::kScanned) continue;
    entry.inventory.errors = job->errors.take();
    entry.inventory.membership = membership;
    entry.inventory.membership->account_name = entry.account.name;
    entry.inventory.membership->ou_path = entry.ou_path;
    entry.inventory.membership->account_tags = entry.account.tags;
  }
  return scan;
}

}  // namespace posture::collect
