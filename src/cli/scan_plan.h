// What a run of checks will do, from the flags shared by `posture scan`,
// `posture iac` and `posture drift`: which checks, the report format, the
// --fail-on level and the config file. Used once at start-up.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "cli/args.h"
#include "cli/config.h"
#include "frameworks/framework.h"

namespace posture::cli {

struct ScanPlan {
  std::vector<const checks::Check*> checks;
  std::string format = "table";
  checks::Severity fail_on = checks::Severity::kInfo;
  const frameworks::Framework* framework = nullptr;  // --framework
  Config config;
};

// Validates --format, --severity, --fail-on, --framework, --checks and
// --config into a plan; prints a one-line usage error naming `command` and
// returns false.
bool MakePlan(const Args& args, ScanPlan& plan, std::string_view command = "scan");

// "a,b,,c" -> {"a", "b", "c"}.
std::vector<std::string> SplitList(const std::string& text);

// Writes a report to `path` ("" or "-": stdout); false on failure.
bool WriteOutput(const std::string& path, const std::string& text);

}  // namespace posture::cli
