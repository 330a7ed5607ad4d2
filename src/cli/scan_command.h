// `posture scan`: collect the account's inventory, run the checks, report.
// The scan flags are shared with `posture serve` and `posture demo`, which
// turn them into the same scan::ScanRequest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"
#include "cli/scan_plan.h"
#include "scan/scan.h"

namespace posture::cli {

// Declares the flags choosing what a scan reads, runs and reports
// (everything `posture scan --help` lists but the metrics, log and trace flags).
void AddScanFlags(Args& args);

// The scan `args` ask for, with `plan`'s checks, settings and framework.
// Prints a one-line usage error naming `command` and returns false.
bool MakeScanRequest(const Args& args, const ScanPlan& plan, std::string_view command, scan::ScanRequest& request);

// Runs `request`, renders the report the plan and --output ask for and
// gives the exit code (see below).
int ScanAndReport(const scan::ScanRequest& request, const ScanPlan& plan, const Args& args,
                  scan::ScanObserver& observer);

// Exit codes (DESIGN.md): 0 nothing at or above --fail-on; 1 the scan could
// not run; 2 usage error; 3 failing findings at or above --fail-on.
int RunScanCommand(const std::vector<std::string>& argv);

}  // namespace posture::cli
