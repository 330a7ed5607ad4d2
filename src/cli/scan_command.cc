#include "cli/scan_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

#include "aws/regions.h"
#include "base/strings.h"
#include "checks/check.h"
#include "cli/args.h"
#include "cli/aws_context.h"
#include "cli/config.h"
#include "cli/logs_traces.h"
#include "cli/organization_scan.h"
#include "cli/scan_metrics.h"
#include "cli/scan_plan.h"
#include "collect/collect.h"
#include "report/report.h"
#include "scan/evaluate.h"

namespace posture::cli {
namespace {

constexpr const char* kUsage =
    "usage: posture scan [--profile P] [--region R,... | --all-regions] [--checks ID,...]\n"
    "                    [--framework cis-3.0|cis-4.0|cis-5.0] [--severity LEVEL]\n"
    "                    [--format table|json|sarif] [--output FILE|-] [--endpoint-url URL]\n"
    "                    [--fail-on LEVEL] [--config FILE] [--max-in-flight N] [--rate-limit RPS]\n"
    "                    [--organization [--role-name NAME] [--external-id ID] [--accounts ID,...]\n"
    "                     [--exclude-accounts ID,...] [--ou ou-xxx,...]]\n"
    "                    [--metrics-file PATH] [--pushgateway URL]\n"
    "\n"
    "Scans one AWS account in every enabled region (or the --region list) and reports\n"
    "findings. With --organization, scans every ACTIVE account of the caller's AWS Organization\n"
    "(run from the management account or a delegated administrator) through the role NAME\n"
    "(default OrganizationAccountAccessRole) in each. Exit codes: 0 nothing failing at or above --fail-on, 1 the scan "
    "could not run,\n"
    "2 usage error, 3 failing findings at or above --fail-on (default: any FAIL).\n"
    "Thresholds, tags and disabled checks come from the config file: --config, $POSTURE_CONFIG,\n"
    "./posture.yaml or ~/.config/posture/config.yaml (see README).\n"
    "\n"
    "flags:\n";

}  // namespace

namespace {

// The checks evaluating any control of `framework`, in registry order.
std::vector<const checks::Check*> ChecksOf(const frameworks::Framework& framework) {
  std::set<std::string_view> ids;
  for (const auto& control : framework.controls) ids.insert(control.checks.begin(), control.checks.end());
  std::vector<const checks::Check*> out;
  for (const auto& check : checks::AllChecks()) {
    if (ids.count(check.metadata.id)) out.push_back(&check);
  }
  return out;
}

}  // namespace

bool MakePlan(const Args& args, ScanPlan& plan, std::string_view command, ScanObserver* observer) {
  const std::string prefix = "posture " + std::string(command) + ": ";
  plan.format = args.value_or("--format", "table");
  if (!report::FindReporter(plan.format)) {
    std::string names;
    for (auto name : report::ReporterNames()) names += (names.empty() ? "" : ", ") + std::string(name);
    std::cerr << prefix << "unknown --format '" << plan.format << "' (" << names << ")\n";
    return false;
  }
  auto min_severity = checks::Severity::kInfo;
  if (auto text = args.value("--severity")) {
    auto parsed = checks::ParseSeverity(*text);
    if (!parsed) {
      std::cerr << prefix << "unknown --severity '" << *text << "' (critical, high, medium, low, info)\n";
      return false;
    }
    min_severity = *parsed;
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
      plan.checks.push_back(check);
    }
  } else if (plan.framework) {
    plan.checks = ChecksOf(*plan.framework);
  } else {
    for (const auto& check : checks::AllChecks()) plan.checks.push_back(&check);
  }
  auto config = observer ? observer->load_config(args.value("--config"))
                         : LoadConfig(args.value("--config"), aws::RealEnvironment());
  if (!config.ok()) {
    std::cerr << "posture: " << config.error().message() << "\n";
    return false;
  }
  plan.config = std::move(*config);
  const auto& disabled = plan.config.settings.disabled_checks;
  std::erase_if(plan.checks, [&](const checks::Check* c) {
    return checks::SeverityRank(c->metadata.severity) < checks::SeverityRank(min_severity) ||
           disabled.count(std::string(c->metadata.id)) > 0;
  });
  return true;
}

namespace {

std::set<std::string> SplitSet(const std::string& text) {
  auto list = base::SplitList(text);
  return {list.begin(), list.end()};
}

// --accounts/--exclude-accounts hold 12-digit ids, --ou root or OU ids.
bool ValidOrganizationFlags(const Args& args, OrganizationFlags& flags) {
  for (const char* name : {"--role-name", "--external-id", "--accounts", "--exclude-accounts", "--ou"}) {
    if (args.has(name) && !args.has("--organization")) {
      std::cerr << "posture scan: " << name << " needs --organization\n";
      return false;
    }
  }
  flags.role_name = args.value_or("--role-name", flags.role_name);
  flags.external_id = args.value_or("--external-id", "");
  flags.accounts = SplitSet(args.value_or("--accounts", ""));
  flags.exclude_accounts = SplitSet(args.value_or("--exclude-accounts", ""));
  flags.units = SplitSet(args.value_or("--ou", ""));
  if (flags.role_name.empty() || flags.role_name.front() == '/' || flags.role_name.find(':') != std::string::npos) {
    std::cerr << "posture scan: --role-name takes a role name (optionally with a path: audit/PostureAudit)\n";
    return false;
  }
  for (const auto* ids : {&flags.accounts, &flags.exclude_accounts}) {
    for (const auto& id : *ids) {
      if (id.size() != 12 || id.find_first_not_of("0123456789") != std::string::npos) {
        std::cerr << "posture scan: '" << id << "' is not an AWS account id (12 digits)\n";
        return false;
      }
    }
  }
  for (const auto& id : flags.units) {
    if (!id.starts_with("ou-") && !id.starts_with("r-")) {
      std::cerr << "posture scan: '" << id << "' is not an organizational unit or root id (ou-... or r-...)\n";
      return false;
    }
  }
  return true;
}

}  // namespace

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
    if (finding.status == checks::Status::kFail && !finding.muted &&
        checks::SeverityRank(finding.severity) >= checks::SeverityRank(plan.fail_on)) {
      return kExitFindings;
    }
  }
  return kExitOk;
}

int RunScanCommand(const std::vector<std::string>& argv) { return RunScanCommand(argv, nullptr); }

int RunScanCommand(const std::vector<std::string>& argv, ScanObserver* observer) {
  Args args("scan");
  args.flag("--profile", Args::Kind::kValue, "NAME", "profile from ~/.aws/config")
      .flag("--region", Args::Kind::kValue, "R,...", "regions to scan (default: every enabled region)")
      .flag("--all-regions", Args::Kind::kBool, "", "scan every enabled region (the default)")
      .flag("--checks", Args::Kind::kValue, "ID,...", "run only these checks")
      .flag("--framework", Args::Kind::kValue, "ID", "run the checks of a CIS version and summarise compliance")
      .flag("--config", Args::Kind::kValue, "FILE", "config file (thresholds, tags, disabled checks)")
      .flag("--severity", Args::Kind::kValue, "LEVEL", "run only checks of this severity or higher")
      .flag("--format", Args::Kind::kValue, "FORMAT", "table (default), json or sarif")
      .flag("--output", Args::Kind::kValue, "FILE", "write the report to FILE (- for stdout)")
      .flag("--endpoint-url", Args::Kind::kValue, "URL", "send every request to this endpoint")
      .flag("--fail-on", Args::Kind::kValue, "LEVEL", "exit 3 when a FAIL at or above LEVEL exists (default: info)")
      .flag("--max-in-flight", Args::Kind::kValue, "N", "most AWS calls in flight at once, all accounts together (64)")
      .flag("--rate-limit", Args::Kind::kValue, "RPS", "most requests per second per account and region (0: none)")
      .flag("--organization", Args::Kind::kBool, "", "scan every account of the caller's AWS Organization")
      .flag("--role-name", Args::Kind::kValue, "NAME", "role assumed in each account (OrganizationAccountAccessRole)")
      .flag("--external-id", Args::Kind::kValue, "ID", "external id for assuming the role")
      .flag("--accounts", Args::Kind::kValue, "ID,...", "scan only these accounts of the organization")
      .flag("--exclude-accounts", Args::Kind::kValue, "ID,...", "skip these accounts of the organization")
      .flag("--ou", Args::Kind::kValue, "ID,...", "scan only accounts under these OUs (or roots), at any depth")
      .flag("--help", Args::Kind::kBool, "", "show this help");
  AddBatchMetricsFlags(args);
  AddLogTraceFlags(args);
  if (auto exit = ParseCommandLine(args, argv, kUsage)) return *exit;
  if (!args.positional().empty()) {
    std::cerr << "posture scan: unexpected argument '" << args.positional()[0] << "'\n";
    return kExitUsage;
  }
  if (args.has("--region") && args.has("--all-regions")) {
    std::cerr << "posture scan: --region and --all-regions exclude each other\n";
    return kExitUsage;
  }
  std::unique_ptr<ScanObserver> batch;
  if (!observer) {
    batch = MakeBatchScanObserver(args);
    if (!batch) return kExitUsage;
    observer = batch.get();
  }
  ScanPlan plan;
  if (!MakePlan(args, plan, "scan", observer)) return kExitUsage;
  OrganizationFlags organization;
  if (!ValidOrganizationFlags(args, organization)) return kExitUsage;
  int concurrency = 64;
  int rate_limit = 0;
  if (!WholeNumberFlag(args, "scan", "--max-in-flight", 1024, concurrency) ||
      !WholeNumberFlag(args, "scan", "--rate-limit", 100000, rate_limit)) {
    return kExitUsage;
  }
  if (concurrency == 0) {
    std::cerr << "posture scan: --max-in-flight must be at least 1\n";
    return kExitUsage;
  }

  auto logs_and_traces = LogsAndTraces::Start(args, aws::RealEnvironment(), "scan");
  if (!logs_and_traces) return kExitUsage;
  telemetry::ScopedSpan scan_span("scan", {});
  auto started = std::chrono::steady_clock::now();
  report::ScanResult result;
  result.started_at = report::NowRfc3339();
  std::vector<std::string> regions = base::SplitList(args.value_or("--region", ""));
  AwsFlags flags{args.value_or("--profile", ""), regions.empty() ? "" : regions.front(),
                 args.value_or("--endpoint-url", ""), static_cast<double>(rate_limit)};
  auto context = AwsContext::Create(flags, aws::RealEnvironment());
  if (!context.ok()) {
    std::cerr << "posture: " << context.error().describe() << "\n";
    observer->on_failure(base::ErrorKindName(context.error().kind()), context.error().describe());
    return kExitFailed;
  }
  observer->on_context(**context);
  aws::AwsClient& client = (*context)->client();
  if (regions.empty()) {
    auto enabled = aws::DiscoverEnabledRegions(client);
    if (!enabled.ok()) {
      std::cerr << "posture: cannot list enabled regions: " << enabled.error().describe()
                << " (pass --region to choose regions)\n";
      observer->on_failure(base::ErrorKindName(enabled.error().kind()), enabled.error().describe());
      return kExitFailed;
    }
    regions = *enabled;
  }

  std::function<void(int, int)> progress;
  if (::isatty(STDERR_FILENO)) {
    progress = [](int done, int total) {
      std::fprintf(stderr, "\rcollecting %d/%d", done, total);
      if (done == total) std::fprintf(stderr, "\r\033[K");
    };
  }
  if (args.has("--organization")) {
    OrganizationScanRequest request{organization, regions, plan.checks, plan.config.settings, concurrency, progress};
    auto scanned = ScanOrganizationAccounts(**context, request);
    if (!scanned.ok()) {
      std::cerr << "posture: " << scanned.error().describe() << "\n";
      observer->on_failure(base::ErrorKindName(scanned.error().kind()), scanned.error().describe());
      return kExitFailed;
    }
    scanned->started_at = result.started_at;
    result = std::move(*scanned);
  } else {
    collect::CollectOptions options;
    options.regions = regions;
    options.sections = checks::NeededSections(plan.checks);
    options.concurrency = concurrency;
    options.progress = progress;
    auto inventory = collect::CollectInventory(client, options);
    if (!inventory.ok()) {
      std::cerr << "posture: cannot identify the account: " << inventory.error().describe() << "\n";
      observer->on_failure(base::ErrorKindName(inventory.error().kind()), inventory.error().describe());
      return kExitFailed;
    }
    result.findings = scan::EvaluateChecks(*inventory, plan.checks, plan.config.settings);
    result.accounts = {inventory->account_id};
    result.regions = regions;
    result.errors = inventory->errors;
    result.checks_run = static_cast<int>(plan.checks.size());
    result.api_requests = client.requests_sent();
  }
  if (plan.framework) {
    std::vector<std::string> ran;
    for (const auto* check : plan.checks) ran.emplace_back(check->metadata.id);
    result.compliance.push_back(report::Summarize(*plan.framework, result.findings, ran));
  }
  result.finished_at = report::NowRfc3339();
  result.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  LogScanOutcome(result, scan_span);
  if (!observer->on_result(result)) return kExitOk;

  return ReportAndExitCode(result, plan, args);
}

}  // namespace posture::cli
