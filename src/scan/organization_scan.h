// `posture scan --organization`: every chosen account of the caller's AWS
// Organization, scanned at once (see collect/organization_scan.h), turned
// into one report.
//
// Account checks run on each account's inventory; organization checks
// (those reading only organization-wide sections) run once on the
// organization's inventory. An account that could not be scanned gives one
// ERROR finding per account check, saying why. Every finding carries its
// account's name, OU path and tags.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "checks/check.h"
#include "report/report.h"
#include "scan/aws_context.h"

namespace posture::scan {

struct OrganizationScope {
  std::string role_name = "OrganizationAccountAccessRole";  // --role-name (may hold a path: "audit/Posture")
  std::string external_id;                                  // --external-id
  std::set<std::string> accounts;                           // --accounts
  std::set<std::string> exclude_accounts;                   // --exclude-accounts
  std::set<std::string> units;                              // --ou
};

struct OrganizationScanRequest {
  OrganizationScope scope;
  std::vector<std::string> regions;
  std::vector<const checks::Check*> checks;
  checks::CheckSettings settings;
  int concurrency = 64;
  std::function<void(int done, int total)> progress;
};

// The findings, errors and per-account summaries of the scan; fails (one
// line) when the organization cannot be listed or a filter is wrong.
base::Result<report::ScanResult> ScanOrganizationAccounts(AwsContext& context, const OrganizationScanRequest& request);

// True when every section `check` reads is organization-wide.
bool IsOrganizationCheck(const checks::Check& check);

}  // namespace posture::scan
