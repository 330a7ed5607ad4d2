// Compliance frameworks: the CIS AWS Foundations Benchmark versions as
// data (frameworks/cis_aws_foundations.json, compiled in), mapping each
// control to the checks that evaluate it. How a scan measures up against a
// framework is report/compliance.h.
//
// The same checks serve every version; only the numbering and which
// controls are manual differ.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

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
// The first control of `framework_id` mapped to `check_id` ("1.10"), or "".
std::string_view FirstControlOf(std::string_view check_id, std::string_view framework_id);
// The framework the reports name a check's control from: CIS v3.0.0.
inline constexpr std::string_view kReportedFramework = "cis-3.0";

// Parses a frameworks document; throws std::runtime_error naming the
// problem. Exposed for tests: AllFrameworks() parses the compiled-in one.
std::vector<Framework> ParseFrameworks(std::string_view json);

}  // namespace posture::frameworks
