// `posture scan`: collect the account's inventory, run the checks, report.
#pragma once

#include <string>
#include <vector>

namespace posture::cli {

class ScanObserver;

// Exit codes (DESIGN.md): 0 nothing at or above --fail-on; 1 the scan could
// not run; 2 usage error; 3 failing findings at or above --fail-on.
int RunScanCommand(const std::vector<std::string>& args);
// The same, reporting to `observer` (nullptr: `posture scan`'s own batch
// metrics from --metrics-file/--pushgateway). `posture serve` runs its
// scans through this.
int RunScanCommand(const std::vector<std::string>& args, ScanObserver* observer);

}  // namespace posture::cli
