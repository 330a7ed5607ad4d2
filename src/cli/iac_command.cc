#include "cli/iac_command.h"

#include <chrono>
#include <iostream>

#include "cli/scan_plan.h"
#include "iac/load.h"
#include "report/report.h"
#include "scan/evaluate.h"
#include "scan/iac_findings.h"

namespace posture::cli {
namespace {

constexpr const char* kUsage =
    "usage: posture iac PATH... [--format table|json|sarif] [--output FILE|-] [--checks ID,...]\n"
    "                   [--framework ID] [--severity LEVEL] [--fail-on LEVEL] [--config FILE]\n"
    "                   [--region R] [--parameter KEY=VALUE]...\n"
    "\n"
    "Runs the checks that apply to code (scope L+C, see `posture checks`) on Terraform/OpenTofu\n"
    "plans (`terraform show -json tfplan`), state (`terraform show -json`, .tfstate) and\n"
    "CloudFormation templates (JSON or YAML, CDK's cdk.out/*.template.json). PATH is a file, a\n"
    "directory (searched for *.json, *.yaml, *.yml, *.template, *.tfstate, recognised by content)\n"
    "or - for stdin. Values known only after apply make the checks that read them ERROR\n"
    "(\"unknown until apply\"). Suppress a finding in code with a reason (see docs/iac.md).\n"
    "Exit codes: 0 nothing failing at or above --fail-on, 1 a file could not be read (the others\n"
    "are still checked), 2 usage error, 3 failing findings at or above --fail-on.\n"
    "\n"
    "flags:\n";

// "KEY=VALUE" flags into CloudFormation parameters.
bool ParseParameters(const std::vector<std::string>& flags, std::map<std::string, std::string>& out) {
  for (const auto& flag : flags) {
    auto eq = flag.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "posture iac: --parameter takes KEY=VALUE, not '" << flag << "'\n";
      return false;
    }
    out[flag.substr(0, eq)] = flag.substr(eq + 1);
  }
  return true;
}

}  // namespace

int RunIacCommand(const std::vector<std::string>& argv) {
  Args args("iac");
  args.flag("--format", Args::Kind::kValue, "FORMAT", "table (default), json or sarif")
      .flag("--output", Args::Kind::kValue, "FILE", "write the report to FILE (- for stdout)")
      .flag("--checks", Args::Kind::kValue, "ID,...", "run only these checks")
      .flag("--framework", Args::Kind::kValue, "ID", "run the checks of a CIS version")
      .flag("--severity", Args::Kind::kValue, "LEVEL", "run only checks of this severity or higher")
      .flag("--fail-on", Args::Kind::kValue, "LEVEL", "exit 3 when a FAIL at or above LEVEL exists (default: info)")
      .flag("--config", Args::Kind::kValue, "FILE", "config file (thresholds, tags, disabled checks)")
      .flag("--region", Args::Kind::kValue, "R", "region of resources whose file names none (us-east-1)")
      .flag("--parameter", Args::Kind::kRepeated, "KEY=VALUE", "a CloudFormation parameter value")
      .flag("--help", Args::Kind::kBool, "", "show this help");
  if (auto exit = ParseCommandLine(args, argv, kUsage)) return *exit;
  if (args.positional().empty()) {
    std::cerr << "posture iac: name at least one file or directory (or - for stdin)\n";
    return kExitUsage;
  }
  ScanPlan plan;
  if (!MakePlan(args, plan, "iac")) return kExitUsage;
  iac::LoadOptions options;
  options.region = args.value_or("--region", "");
  if (!ParseParameters(args.values("--parameter"), options.cloudformation.parameters)) return kExitUsage;

  auto started = std::chrono::steady_clock::now();
  report::ScanResult result;
  result.started_at = report::NowRfc3339();
  result.source = "iac";
  iac::LoadResult loaded = iac::LoadIac(args.positional(), options);
  for (const auto& error : loaded.errors) {
    std::cerr << "posture iac: " << error.text() << "\n";
    result.errors.push_back(inventory::CollectionError{
        .service = "iac", .operation = "read", .region = "", .kind = "parse", .code = "", .message = error.text()});
  }
  for (const auto& file : loaded.files) result.files.push_back(file.path);
  const inventory::Inventory& inventory = loaded.iac.inventory;
  auto checks = scan::ChecksForCode(inventory, plan.checks);
  result.findings = scan::EvaluateChecks(inventory, checks, plan.config.settings);
  scan::AnnotateCodeFindings(loaded.iac, result.findings);
  for (const auto& region : inventory.regions) result.regions.push_back(region.region);
  result.checks_run = static_cast<int>(checks.size());
  result.finished_at = report::NowRfc3339();
  result.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  int exit = ReportAndExitCode(result, plan, args);
  // What could be read is reported; a file that could not be read still fails the run.
  return loaded.errors.empty() ? exit : kExitFailed;
}

}  // namespace posture::cli
