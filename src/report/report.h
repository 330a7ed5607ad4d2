// Reports: turning a scan's findings into the formats users read or import.
//
// One Reporter per format, registered by name (FindReporter); each renders
// a complete ScanResult to text. Renderers are pure functions: thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "inventory/inventory.h"
#include "report/compliance.h"

namespace posture::report {

// One account of an organization scan.
struct AccountSummary {
  std::string account_id;
  std::string name;
  std::string ou_path;
  std::map<std::string, std::string> tags;
  std::string status;  // "scanned", "failed" or "skipped"
  std::string reason;  // why failed or skipped
  uint64_t requests = 0;
};

struct ScanResult {
  std::string started_at;   // RFC 3339, UTC
  std::string finished_at;  // RFC 3339, UTC
  std::vector<std::string> accounts;
  std::vector<std::string> regions;
  std::string source = "live";     // "live" or "iac"
  std::vector<std::string> files;  // posture iac: the files read
  std::vector<checks::Finding> findings;
  std::vector<inventory::CollectionError> errors;
  int checks_run = 0;
  // With --framework: how the scan measures up against each framework.
  std::vector<ComplianceSummary> compliance;
  // Organization scans: every chosen account, in the organization's order.
  std::string organization_id;
  std::vector<AccountSummary> account_summaries;
  uint64_t api_requests = 0;
  double duration_seconds = 0;
};

struct RenderOptions {
  bool color = false;        // ANSI colours (table)
  bool show_passed = false;  // list PASS findings too (table)
};

struct Reporter {
  std::string_view name;  // "table", "json"
  std::string (*render)(const ScanResult& result, const RenderOptions& options);
};

// The reporter for a --format name, or nullptr.
const Reporter* FindReporter(std::string_view name);
// Every format name, for --help.
std::vector<std::string_view> ReporterNames();

std::string RenderTable(const ScanResult& result, const RenderOptions& options);
std::string RenderJson(const ScanResult& result, const RenderOptions& options);
// SARIF 2.1.0 (GitHub code scanning): FAIL findings as results with the
// file and line of `posture iac` findings; ERRORs as tool notifications.
std::string RenderSarif(const ScanResult& result, const RenderOptions& options);

// "2026-11-30T15:00:00Z" for now.
std::string NowRfc3339();

}  // namespace posture::report
