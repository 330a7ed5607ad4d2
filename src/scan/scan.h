// The scan engine: one AWS account, or every chosen account of an AWS
// Organization, collected and checked into one report. `posture scan`,
// `posture serve` and `posture demo` all run scans through RunScan; what
// they parse from their flags is a ScanRequest.
//
// RunScan builds the AWS context (credentials, region, endpoints, rate
// limit), finds the enabled regions when none are given, collects only the
// sections the enabled checks read, evaluates the checks and, with a
// framework, summarises compliance. It tells `observer` what happens
// (scan_observer.h) and logs and traces the scan (scan_log.h). It blocks
// until the scan ends; one scan per call, any thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "checks/check.h"
#include "frameworks/framework.h"
#include "report/report.h"
#include "scan/aws_context.h"
#include "scan/organization_scan.h"
#include "scan/scan_observer.h"

namespace posture::scan {

struct ScanRequest {
  AwsFlags aws;                      // profile, endpoint override, rate limit (aws.region: the first region)
  std::vector<std::string> regions;  // regions to scan; empty: every enabled region
  std::vector<const checks::Check*> checks;
  checks::CheckSettings settings;                    // thresholds and tags from the config file
  const frameworks::Framework* framework = nullptr;  // summarise compliance with this framework
  std::optional<OrganizationScope> organization;     // scan the organization's accounts instead of the caller's
  int concurrency = 64;                              // AWS calls in flight at once, all accounts together
  std::function<void(int done, int total)> progress;
};

// The checks among `candidates` at or above `min_severity` and not disabled
// in `settings`, in their order.
std::vector<const checks::Check*> EnabledChecks(const std::vector<const checks::Check*>& candidates,
                                                checks::Severity min_severity, const checks::CheckSettings& settings);

// The checks evaluating any control of `framework`, in registry order.
std::vector<const checks::Check*> ChecksOf(const frameworks::Framework& framework);

// The complete report of the scan; fails with one line (no credentials, the
// account or the organization cannot be identified, the regions cannot be
// listed). Sections that could not be collected are errors in the report,
// never a failure of the scan.
base::Result<report::ScanResult> RunScan(const ScanRequest& request, ScanObserver& observer);

}  // namespace posture::scan
