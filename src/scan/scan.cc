#include "scan/scan.h"

#include <chrono>
#include <set>

#include "aws/regions.h"
#include "collect/collect.h"
#include "report/compliance.h"
#include "scan/evaluate.h"
#include "scan/scan_log.h"
#include "telemetry/trace_context.h"

namespace posture::scan {
namespace {

// An error ending the scan: its one-line description, with `context` before it.
base::Error ScanFailure(const base::Error& error, const std::string& context = "", const std::string& advice = "") {
  return base::Error(error.kind(), context + error.describe() + advice);
}

base::Result<report::ScanResult> ScanAccount(AwsContext& context, const ScanRequest& request,
                                             const std::vector<std::string>& regions) {
  collect::CollectOptions options;
  options.regions = regions;
  options.sections = checks::NeededSections(request.checks);
  options.concurrency = request.concurrency;
  options.progress = request.progress;
  auto inventory = collect::CollectInventory(context.client(), options);
  if (!inventory.ok()) return ScanFailure(inventory.error(), "cannot identify the account: ");
  report::ScanResult result;
  result.findings = scan::EvaluateChecks(*inventory, request.checks, request.settings);
  result.accounts = {inventory->account_id};
  result.regions = regions;
  result.errors = inventory->errors;
  result.checks_run = static_cast<int>(request.checks.size());
  result.api_requests = context.client().requests_sent();
  return result;
}

base::Result<report::ScanResult> Scan(const ScanRequest& request, ScanObserver& observer) {
  auto context = AwsContext::Create(request.aws, aws::RealEnvironment());
  if (!context.ok()) return ScanFailure(context.error());
  observer.on_context(**context);
  std::vector<std::string> regions = request.regions;
  if (regions.empty()) {
    auto enabled = aws::DiscoverEnabledRegions((*context)->client());
    if (!enabled.ok()) {
      return ScanFailure(enabled.error(), "cannot list enabled regions: ", " (pass --region to choose regions)");
    }
    regions = *enabled;
  }
  if (!request.organization) return ScanAccount(**context, request, regions);
  OrganizationScanRequest organization{*request.organization, regions,         request.checks, request.settings,
                                       request.concurrency,   request.progress};
  auto scanned = ScanOrganizationAccounts(**context, organization);
  if (!scanned.ok()) return ScanFailure(scanned.error());
  return scanned;
}

}  // namespace

std::vector<const checks::Check*> EnabledChecks(const std::vector<const checks::Check*>& candidates,
                                                checks::Severity min_severity, const checks::CheckSettings& settings) {
  std::vector<const checks::Check*> enabled;
  for (const auto* check : candidates) {
    if (checks::SeverityRank(check->metadata.severity) < checks::SeverityRank(min_severity)) continue;
    if (settings.disabled_checks.count(std::string(check->metadata.id))) continue;
    enabled.push_back(check);
  }
  return enabled;
}

std::vector<const checks::Check*> ChecksOf(const frameworks::Framework& framework) {
  std::set<std::string_view> ids;
  for (const auto& control : framework.controls) ids.insert(control.checks.begin(), control.checks.end());
  std::vector<const checks::Check*> out;
  for (const auto& check : checks::AllChecks()) {
    if (ids.count(check.metadata.id)) out.push_back(&check);
  }
  return out;
}

base::Result<report::ScanResult> RunScan(const ScanRequest& request, ScanObserver& observer) {
  telemetry::ScopedSpan scan_span("scan", {});
  const auto started = std::chrono::steady_clock::now();
  const std::string started_at = report::NowRfc3339();
  auto result = Scan(request, observer);
  if (!result.ok()) {
    observer.on_failure(base::ErrorKindName(result.error().kind()), result.error().message());
    return result;
  }
  result->started_at = started_at;
  if (request.framework) {
    std::vector<std::string> ran;
    for (const auto* check : request.checks) ran.emplace_back(check->metadata.id);
    result->compliance.push_back(report::Summarize(*request.framework, result->findings, ran));
  }
  result->finished_at = report::NowRfc3339();
  result->duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  LogScanOutcome(*result, scan_span);
  observer.on_result(*result);
  return result;
}

}  // namespace posture::scan
