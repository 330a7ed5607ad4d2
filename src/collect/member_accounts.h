// Organization scans: every chosen account of an AWS Organization collected
// in one process.
//
// CollectMemberAccounts reads the organization from the caller's account (the
// management account or a delegated administrator), chooses the accounts
// (ACTIVE ones, narrowed by the account and OU filters) and collects all of
// them at once on one shared pool. The pool's size is the global cap on
// calls in flight; each account has its own lane of it, so one large
// account cannot hold back the others, and its own client, made by
// `client_for` (credentials of a role assumed in that account, with that
// client's per-region rate limit). The caller's own account is collected
// with the caller's client. Organization-wide data (SCPs, Identity Center
// permission sets and assignments) is collected once, from the caller, into
// a separate organization inventory.
//
// An account whose credentials cannot be obtained (role missing, denied by
// an SCP) is reported as failed, a suspended account as skipped; every
// other account completes. Thread-safe to call; blocks until done.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "aws/client.h"
#include "inventory/inventory.h"

namespace posture::collect {

struct MemberAccountsOptions {
  std::vector<std::string> regions;        // scanned in every account
  std::set<std::string> sections;          // section names (inventory/sections.h) the enabled checks need
  std::set<std::string> accounts;          // --accounts: only these (empty: every account)
  std::set<std::string> exclude_accounts;  // --exclude-accounts
  std::set<std::string> units;             // --ou: only accounts under these OUs or roots, at any depth
  int concurrency = 64;                    // worker threads = calls in flight, all accounts together
  std::function<void(int done, int total)> progress;
};

enum class AccountOutcome {
  kScanned,  // collected (some sections may still have failed)
  kFailed,   // no credentials for the account: nothing collected
  kSkipped,  // not ACTIVE (suspended, closing)
};
const char* AccountOutcomeName(AccountOutcome outcome);  // "scanned", "failed", "skipped"

struct MemberAccount {
  inventory::OrgAccount account;
  std::string ou_path;  // "Root/Workloads/Prod"
  AccountOutcome outcome = AccountOutcome::kScanned;
  std::string reason;              // why kFailed or kSkipped, one line
  inventory::Inventory inventory;  // kScanned: what was collected (membership set)
  uint64_t requests = 0;           // HTTP requests sent for this account
};

struct MemberAccounts {
  std::string caller_account_id;
  std::string partition = "aws";
  inventory::Organization organization;
  // The caller's view of the organization: structure, SCPs, Identity Center
  // (account_id is the caller's; regions hold its Identity Center instances).
  inventory::Inventory organization_inventory;
  std::vector<MemberAccount> accounts;  // the chosen accounts, in the organization's order
};

// The client for one member account in the caller's partition (credentials
// are fetched on first use).
using AccountClientFactory =
    std::function<std::unique_ptr<aws::AwsClient>(const inventory::OrgAccount& account, const std::string& partition)>;

// Sections read from the organization's management side, never from a member.
bool IsOrganizationSection(const std::string& section);

// Fails (one line) when the caller cannot be identified, the organization
// cannot be listed, the caller's account is in no organization, or a filter
// names an account or OU the organization does not have.
base::Result<MemberAccounts> CollectMemberAccounts(aws::AwsClient& caller, const AccountClientFactory& client_for,
                                                   const MemberAccountsOptions& options);

}  // namespace posture::collect
