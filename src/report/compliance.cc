#include "report/compliance.h"

#include <map>

namespace posture::report {

const char* ControlStatusName(ControlStatus status) {
  switch (status) {
    case ControlStatus::kPass:
      return "PASS";
    case ControlStatus::kFail:
      return "FAIL";
    case ControlStatus::kError:
      return "ERROR";
    case ControlStatus::kManual:
      return "MANUAL";
    case ControlStatus::kNotRun:
      return "NOT_RUN";
  }
  return "NOT_RUN";
}

ComplianceSummary Summarize(const frameworks::Framework& framework, const std::vector<checks::Finding>& findings,
                            const std::vector<std::string>& checks_run) {
  struct Counts {
    int pass = 0, fail = 0, error = 0;
  };
  std::map<std::string, Counts, std::less<>> by_check;
  for (const auto& id : checks_run) by_check[id];
  for (const auto& finding : findings) {
    if (finding.muted) continue;
    Counts& counts = by_check[finding.check_id];
    if (finding.status == checks::FindingStatus::kPass) ++counts.pass;
    if (finding.status == checks::FindingStatus::kFail) ++counts.fail;
    if (finding.status == checks::FindingStatus::kError) ++counts.error;
  }
  ComplianceSummary summary;
  summary.framework = &framework;
  for (const auto& control : framework.controls) {
    ControlResult result;
    result.control = &control;
    bool ran = false;
    for (const auto& check : control.checks) {
      const auto it = by_check.find(check);
      if (it == by_check.end()) continue;
      ran = true;
      result.pass += it->second.pass;
      result.fail += it->second.fail;
      result.error += it->second.error;
    }
    if (control.manual) {
      result.status = ControlStatus::kManual;
      ++summary.manual;
    } else {
      ++summary.automated;
      if (result.fail > 0) {
        result.status = ControlStatus::kFail;
      } else if (result.error > 0) {
        result.status = ControlStatus::kError;
      } else if (ran) {
        result.status = ControlStatus::kPass;
        ++summary.automated_passing;
      }
    }
    summary.controls.push_back(result);
  }
  return summary;
}

}  // namespace posture::report
