// Compliance summaries: how a scan's findings measure up against one
// framework (frameworks/framework.h), control by control. A manual control
// is reported as MANUAL, with its related checks' results for information,
// never silently skipped. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "checks/check.h"
#include "frameworks/framework.h"

namespace posture::report {

enum class ControlStatus { kPass, kFail, kError, kManual, kNotRun };
const char* ControlStatusName(ControlStatus status);  // "PASS", "FAIL", "ERROR", "MANUAL", "NOT_RUN"

struct ControlResult {
  const frameworks::Control* control = nullptr;
  ControlStatus status = ControlStatus::kNotRun;
  int pass = 0, fail = 0, error = 0;  // findings of its checks (muted ones excluded)
};

struct ComplianceSummary {
  const frameworks::Framework* framework = nullptr;
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
ComplianceSummary Summarize(const frameworks::Framework& framework, const std::vector<checks::Finding>& findings,
                            const std::vector<std::string>& checks_run);

}  // namespace posture::report
