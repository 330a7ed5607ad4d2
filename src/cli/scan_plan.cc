#include "cli/scan_plan.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "base/strings.h"
#include "scan/scan.h"

namespace posture::cli {

bool MakePlan(const Args& args, ScanPlan& plan, std::string_view command) {
  const std::string prefix = "posture " + std::string(command) + ": ";
  plan.format = args.value_or("--format", "table");
  if (!report::FindReporter(plan.format)) {
    std::string names;
    for (auto name : report::ReporterNames()) names += (names.empty() ? "" : ", ") + std::string(name);
    std::cerr << prefix << "unknown --format '" << plan.format << "' (" << names << ")\n";
    return false;
  }
  if (auto text = args.value("--severity")) {
    auto parsed = checks::ParseSeverity(*text);
    if (!parsed) {
      std::cerr << prefix << "unknown --severity '" << *text << "' (critical, high, medium, low, info)\n";
      return false;
    }
    plan.min_severity = *parsed;
  }
  if (auto text = args.value("--fail-on")) {
    auto parsed = checks::ParseSeverity(*text);
    if (!parsed) {
      std::cerr << prefix << "unknown --fail-on '" << *text << "' (critical, high, medium, low, info)\n";
      return false;
    }
    plan.fail_on = *parsed;
  }
  if (auto id = args.value("--framework")) {
    plan.framework = frameworks::FindFramework(*id);
    if (!plan.framework) {
      std::cerr << prefix << "unknown --framework '" << *id << "' (" << frameworks::FrameworkIds() << ")\n";
      return false;
    }
  }
  if (auto ids = args.value("--checks")) {
    for (const auto& id : base::SplitList(*ids)) {
      const checks::Check* check = checks::FindCheck(id);
      if (!check) {
        std::cerr << prefix << "unknown check '" << id << "' (see posture checks)\n";
        return false;
      }
      plan.candidates.push_back(check);
    }
  } else if (plan.framework) {
    plan.candidates = scan::ChecksOf(*plan.framework);
  } else {
    for (const auto& check : checks::AllChecks()) plan.candidates.push_back(&check);
  }
  auto config = scan::LoadConfig(args.value("--config"), aws::RealEnvironment());
  if (!config.ok()) {
    std::cerr << "posture: " << config.error().message() << "\n";
    return false;
  }
  plan.config = std::move(*config);
  plan.checks = scan::EnabledChecks(plan.candidates, plan.min_severity, plan.config.settings);
  return true;
}

bool WholeNumberFlag(const Args& args, std::string_view command, const char* name, int max, int& value) {
  auto text = args.value(name);
  if (!text) return true;
  try {
    size_t used = 0;
    long parsed = std::stol(*text, &used);
    if (used == text->size() && parsed >= 0 && parsed <= max) {
      value = static_cast<int>(parsed);
      return true;
    }
  } catch (const std::exception&) {
  }
  std::cerr << "posture " << command << ": " << name << " takes a whole number from 0 to " << max << ", not '" << *text
            << "'\n";
  return false;
}

bool WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return static_cast<bool>(std::cout.flush());
  }
  std::ofstream file(path);
  file << text;
  return static_cast<bool>(file);
}

std::optional<int> ParseCommandLine(Args& args, const std::vector<std::string>& argv, const char* usage) {
  if (!args.parse(argv)) {
    std::cerr << "posture " << args.error() << "\n";
    return kExitUsage;
  }
  if (args.has("--help")) {
    std::cout << usage << args.usage();
    return kExitOk;
  }
  return std::nullopt;
}

int ReportAndExitCode(const report::ScanResult& result, const ScanPlan& plan, const Args& args) {
  report::RenderOptions render;
  std::string output = args.value_or("--output", "-");
  render.color = (output == "-") && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  if (!WriteOutput(output, report::FindReporter(plan.format)->render(result, render))) {
    std::cerr << "posture: cannot write the report to " << output << "\n";
    return kExitFailed;
  }
  for (const auto& finding : result.findings) {
    if (finding.status == checks::FindingStatus::kFail && !finding.muted &&
        checks::SeverityRank(finding.severity) >= checks::SeverityRank(plan.fail_on)) {
      return kExitFindings;
    }
  }
  return kExitOk;
}

}  // namespace posture::cli
