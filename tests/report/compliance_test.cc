// A scan's compliance summary against a framework follows the documented
// rules: FAIL before ERROR before PASS, NOT_RUN when no check ran, MANUAL
// regardless, muted findings left out.
#include "report/compliance.h"

#include <gtest/gtest.h>

namespace posture::report {
namespace {

using checks::Finding;
using checks::FindingStatus;
using frameworks::ParseFrameworks;

Finding Result(const std::string& check, FindingStatus status, bool muted = false) {
  Finding finding;
  finding.check_id = check;
  finding.status = status;
  finding.muted = muted;
  return finding;
}

TEST(ComplianceTest, SummaryStatusesAndPercentage) {
  const auto frameworks = ParseFrameworks(R"({"frameworks": [{"id": "t", "title": "Test", "version": "1",
      "controls": [
        {"id": "1", "title": "fails", "checks": ["a", "b"]},
        {"id": "2", "title": "errors", "checks": ["c"]},
        {"id": "3", "title": "passes", "checks": ["d"]},
        {"id": "4", "title": "nothing to evaluate", "checks": ["e"]},
        {"id": "5", "title": "not run", "checks": ["f"]},
        {"id": "6", "title": "manual", "manual": true, "checks": ["a"]},
        {"id": "7", "title": "muted failure", "checks": ["g"]}]}]})");
  const std::vector<Finding> findings = {Result("a", FindingStatus::kPass),  Result("b", FindingStatus::kFail),
                                         Result("b", FindingStatus::kError), Result("c", FindingStatus::kPass),
                                         Result("c", FindingStatus::kError), Result("d", FindingStatus::kPass),
                                         Result("d", FindingStatus::kPass),  Result("g", FindingStatus::kFail, true)};
  const auto summary = Summarize(frameworks[0], findings, {"a", "b", "c", "d", "e", "g"});
  ASSERT_EQ(summary.controls.size(), 7u);
  EXPECT_EQ(summary.controls[0].status, ControlStatus::kFail);
  EXPECT_EQ(summary.controls[0].pass, 1);
  EXPECT_EQ(summary.controls[0].fail, 1);
  EXPECT_EQ(summary.controls[0].error, 1);
  EXPECT_EQ(summary.controls[1].status, ControlStatus::kError);
  EXPECT_EQ(summary.controls[2].status, ControlStatus::kPass);
  EXPECT_EQ(summary.controls[3].status, ControlStatus::kPass);  // ran, found nothing to fail
  EXPECT_EQ(summary.controls[4].status, ControlStatus::kNotRun);
  EXPECT_EQ(summary.controls[5].status, ControlStatus::kManual);
  EXPECT_EQ(summary.controls[5].fail, 0);
  EXPECT_EQ(summary.controls[5].pass, 1);                       // shown for information
  EXPECT_EQ(summary.controls[6].status, ControlStatus::kPass);  // a muted FAIL does not count
  EXPECT_EQ(summary.automated, 6);
  EXPECT_EQ(summary.manual, 1);
  EXPECT_EQ(summary.automated_passing, 3);
  EXPECT_DOUBLE_EQ(summary.percent_passing(), 50.0);
  EXPECT_STREQ(ControlStatusName(ControlStatus::kNotRun), "NOT_RUN");
}

}  // namespace
}  // namespace posture::report
