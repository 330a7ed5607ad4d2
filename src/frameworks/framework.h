// Compliance frameworks: the CIS AWS Foundations Benchmark versions as
// data (frameworks/cis_aws_foundations.json, compiled in), mapping each
// control to the checks that evaluate it, and the compliance summary of a
// scan against one framework.
//
// The same checks serve every version; only the numbering and which
// controls are manual differ. A manual control is reported as MANUAL, with
// its related checks' results for information, never silently skipped.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"

namespace posture::frameworks {

struct Control {
  std::string id;     // "1.10"
  std::string title;  // "Ensure multi-factor authentication ..."
  bool manual = false;
  std::vector<std::string> checks;  // check ids; may be empty for manual controls
};

struct Framework {
  std::string id;       // "cis-3.0": what --framework takes
  std::string title;    // "CIS Amazon Web Services Foundations Benchmark"
  std::string version;  // "3.0.0"
  std::vector<Control> controls;

  std::string display_name() const { return title + " v" + version; }
};

// Every framework, in file order. Loaded once; thread-safe.
const std::vector<Framework>& AllFrameworks();
// A framework by id ("cis-3.0"), or nullptr.
const Framework* FindFramework(std::string_view id);
// Every framework id, for messages ("cis-3.0, cis-4.0, cis-5.0").
std::string FrameworkIds();
// The controls mapped to `check_id`, by framework id ({"cis-3.0": ["1.10"]}).
const std::map<std::string, std::vector<std::string>>& ControlsOf(std::string_view check_id);

// Parses a frameworks document; throws std::runtime_error naming the
// problem. Exposed for tests: AllFrameworks() parses the compiled-in one.
std::vector<Framework> ParseFrameworks(std::string_view json);

enum class ControlStatus { kPass, kFail, kError, kManual, kNotRun };
const char* ControlStatusName(ControlStatus status);  // "PASS", "FAIL", "ERROR", "MANUAL", "NOT_RUN"

struct ControlResult {
  const Control* control = nullptr;
  ControlStatus status = ControlStatus::kNotRun;
  int pass = 0, fail = 0, error = 0;  // findings of its checks (muted ones excluded)
};

struct ComplianceSummary {
  const Framework* framework = nullptr;
  std::vector<ControlResult> controls;  // framework order
  int automated = 0;                    // controls that are not manual
  int automated_passing = 0;
  int manual = 0;

  double percent_passing() const { return automated == 0 ? 0.0 : 100.0 * automated_passing / automated; }
};

// A control is FAIL when any (unmuted) finding of its checks fails, else
// ERROR when any could not be evaluated, else PASS when its checks ran
// (no resource to fail counts as passing), NOT_RUN when none of its checks
// ran (disabled or filtered out); manual controls are MANUAL regardless,
// with the counts for information.
ComplianceSummary Summarize(const Framework& framework, const std::vector<checks::Finding>& findings,
                            const std::vector<std::string>& checks_run);

}  // namespace posture::frameworks
