// What a run of checks will do, from the flags shared by `posture scan`,
// `posture iac` and `posture drift`: which checks, the report format, the
// --fail-on level and the config file. Used once at start-up.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "cli/args.h"
#include "frameworks/framework.h"
#include "report/report.h"
#include "scan/config.h"

namespace posture::cli {

// Exit codes shared by scan, iac and drift (DESIGN.md): nothing failing, the
// run could not happen, a usage error, failing findings (drift: drift found).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFindings = 3;

struct ScanPlan {
  std::vector<const checks::Check*> candidates;             // --checks, the --framework's, or all
  checks::Severity min_severity = checks::Severity::kInfo;  // --severity
  std::vector<const checks::Check*> checks;                 // the candidates enabled by --severity and the config
  std::string format = "table";
  checks::Severity fail_on = checks::Severity::kInfo;
  const frameworks::Framework* framework = nullptr;  // --framework
  scan::Config config;
};

// Validates --format, --severity, --fail-on, --framework, --checks and
// --config into a plan; prints a one-line usage error naming `command` and
// returns false.
bool MakePlan(const Args& args, ScanPlan& plan, std::string_view command);

// Writes a report to `path` ("" or "-": stdout); false on failure.
bool WriteOutput(const std::string& path, const std::string& text);

// A whole-number flag from 0 to `max` into `value` (left as is when the flag
// is absent); otherwise prints "posture COMMAND: ..." and returns false.
bool WholeNumberFlag(const Args& args, std::string_view command, const char* name, int max, int& value);

// Parses `argv` into `args`: a usage error prints one line and gives 2,
// --help prints `usage` and the flags and gives 0; nullopt: go on.
std::optional<int> ParseCommandLine(Args& args, const std::vector<std::string>& argv, const char* usage);

// Renders `result` in the plan's format to --output (colour on a terminal
// unless NO_COLOR) and gives the exit code: 1 when the report cannot be
// written, 3 when an unmuted FAIL is at or above --fail-on, else 0.
int ReportAndExitCode(const report::ScanResult& result, const ScanPlan& plan, const Args& args);

}  // namespace posture::cli
