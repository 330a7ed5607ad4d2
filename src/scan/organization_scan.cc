#include "scan/organization_scan.h"

#include <map>

#include "checks/check_support.h"
#include "collect/member_accounts.h"
#include "inventory/organization.h"
#include "scan/evaluate.h"

namespace posture::scan {
namespace {

// "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole"
std::string RoleArn(const std::string& partition, const std::string& account_id, const std::string& role_name) {
  return "arn:" + partition + ":iam::" + account_id + ":role/" + role_name;
}

// One ERROR per check for an account that could not be scanned.
void ReportUnscanned(const collect::MemberAccount& account, const std::string& partition,
                     const std::vector<const checks::Check*>& selected, const checks::CheckSettings& settings,
                     std::vector<checks::Finding>& out) {
  inventory::Inventory empty;
  empty.account_id = account.account.id;
  empty.partition = partition;
  const std::string message =
      std::string("account not scanned (") + collect::AccountOutcomeName(account.outcome) + "): " + account.reason;
  for (const auto* check : selected) {
    checks::FindingSink sink(check->metadata, empty, out, settings);
    sink.account_error(checks::kGlobalRegion, message);
  }
}

}  // namespace

bool IsOrganizationCheck(const checks::Check& check) {
  const auto sections = checks::SectionsRead(check.metadata);
  if (sections.empty()) return false;
  for (const auto& section : sections) {
    if (!collect::IsOrganizationSection(section)) return false;
  }
  return true;
}

base::Result<report::ScanResult> ScanOrganizationAccounts(AwsContext& context, const OrganizationScanRequest& request) {
  std::vector<const checks::Check*> account_checks, organization_checks;
  for (const auto* check : request.checks)
    (IsOrganizationCheck(*check) ? organization_checks : account_checks).push_back(check);

  collect::MemberAccountsOptions options;
  options.regions = request.regions;
  options.sections = checks::NeededSections(request.checks);
  options.accounts = request.scope.accounts;
  options.exclude_accounts = request.scope.exclude_accounts;
  options.units = request.scope.units;
  options.concurrency = request.concurrency;
  options.progress = request.progress;
  auto client_for = [&](const inventory::OrgAccount& account, const std::string& partition) {
    return context.assume_role_client(RoleArn(partition, account.id, request.scope.role_name),
                                      request.scope.external_id);
  };
  auto members = collect::CollectMemberAccounts(context.client(), client_for, options);
  if (!members.ok()) return std::move(members.error());

  report::ScanResult result;
  result.organization_id = members->organization.id;
  result.regions = request.regions;
  result.checks_run = static_cast<int>(request.checks.size());
  result.api_requests = context.client().requests_sent();

  // Each account of the organization with its OU path, walked once.
  std::map<std::string, std::pair<const inventory::OrgAccount*, std::string>> by_id;
  for (const auto& account : members->organization.accounts) {
    by_id[account.id] = {&account, inventory::OuPath(members->organization, account.id)};
  }
  auto stamp_errors = [&](const inventory::Inventory& inventory) {
    for (auto error : inventory.errors) {
      error.account_id = inventory.account_id;
      result.errors.push_back(std::move(error));
    }
  };

  for (const auto& account : members->accounts) {
    result.account_summaries.push_back({account.account.id, account.account.name, account.ou_path, account.account.tags,
                                        collect::AccountOutcomeName(account.outcome), account.reason,
                                        account.requests});
    result.api_requests += account.requests;
    if (account.outcome != collect::AccountOutcome::kScanned) {
      ReportUnscanned(account, members->partition, account_checks, request.settings, result.findings);
      continue;
    }
    result.accounts.push_back(account.account.id);
    auto findings = scan::EvaluateChecks(account.inventory, account_checks, request.settings);
    std::move(findings.begin(), findings.end(), std::back_inserter(result.findings));
    stamp_errors(account.inventory);
  }
  // Organization checks judge the whole organization; with account filters,
  // only findings about the chosen accounts (or the organization itself) stay.
  std::set<std::string> chosen = {members->caller_account_id};
  for (const auto& account : members->accounts) chosen.insert(account.account.id);
  for (auto& finding : scan::EvaluateChecks(members->organization_inventory, organization_checks, request.settings)) {
    if (chosen.count(finding.account_id)) result.findings.push_back(std::move(finding));
  }
  stamp_errors(members->organization_inventory);

  for (auto& finding : result.findings) {
    auto account = by_id.find(finding.account_id);
    if (account == by_id.end()) continue;
    const auto& [org_account, ou_path] = account->second;
    finding.account_name = org_account->name;
    finding.ou_path = ou_path;
    finding.account_tags = org_account->tags;
  }
  return result;
}

}  // namespace posture::scan
