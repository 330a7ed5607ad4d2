#include "cli/scan_command.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <set>

#include "base/strings.h"
#include "cli/batch_metrics.h"
#include "cli/logs_traces.h"

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

std::set<std::string> SplitSet(const std::string& text) {
  auto list = base::SplitList(text);
  return {list.begin(), list.end()};
}

// --accounts/--exclude-accounts hold 12-digit ids, --ou root or OU ids.
bool ValidOrganizationFlags(const Args& args, std::string_view command, scan::OrganizationScope& flags) {
  for (const char* name : {"--role-name", "--external-id", "--accounts", "--exclude-accounts", "--ou"}) {
    if (args.has(name) && !args.has("--organization")) {
      std::cerr << "posture " << command << ": " << name << " needs --organization\n";
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

void AddScanFlags(Args& args) {
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
}

bool MakeScanRequest(const Args& args, const ScanPlan& plan, std::string_view command, scan::ScanRequest& request) {
  const std::string prefix = "posture " + std::string(command) + ": ";
  if (!args.positional().empty()) {
    std::cerr << prefix << "unexpected argument '" << args.positional()[0] << "'\n";
    return false;
  }
  if (args.has("--region") && args.has("--all-regions")) {
    std::cerr << prefix << "--region and --all-regions exclude each other\n";
    return false;
  }
  scan::OrganizationScope organization;
  if (!ValidOrganizationFlags(args, command, organization)) return false;
  int concurrency = 64;
  int rate_limit = 0;
  if (!WholeNumberFlag(args, command, "--max-in-flight", 1024, concurrency) ||
      !WholeNumberFlag(args, command, "--rate-limit", 100000, rate_limit)) {
    return false;
  }
  if (concurrency == 0) {
    std::cerr << prefix << "--max-in-flight must be at least 1\n";
    return false;
  }
  request.regions = base::SplitList(args.value_or("--region", ""));
  request.aws = scan::AwsFlags{args.value_or("--profile", ""), request.regions.empty() ? "" : request.regions.front(),
                               args.value_or("--endpoint-url", ""), static_cast<double>(rate_limit)};
  request.checks = plan.checks;
  request.settings = plan.config.settings;
  request.framework = plan.framework;
  if (args.has("--organization")) request.organization = organization;
  request.concurrency = concurrency;
  if (::isatty(STDERR_FILENO)) {
    request.progress = [](int done, int total) {
      std::fprintf(stderr, "\rcollecting %d/%d", done, total);
      if (done == total) std::fprintf(stderr, "\r\033[K");
    };
  }
  return true;
}

int ScanAndReport(const scan::ScanRequest& request, const ScanPlan& plan, const Args& args,
                  scan::ScanObserver& observer) {
  auto result = scan::RunScan(request, observer);
  if (!result.ok()) {
    std::cerr << "posture: " << result.error().message() << "\n";
    return kExitFailed;
  }
  return ReportAndExitCode(*result, plan, args);
}

int RunScanCommand(const std::vector<std::string>& argv) {
  Args args("scan");
  AddScanFlags(args);
  AddBatchMetricsFlags(args);
  AddLogTraceFlags(args);
  if (auto exit = ParseCommandLine(args, argv, kUsage)) return *exit;
  auto observer = MakeBatchScanObserver(args);
  if (!observer) return kExitUsage;
  ScanPlan plan;
  scan::ScanRequest request;
  if (!MakePlan(args, plan, "scan") || !MakeScanRequest(args, plan, "scan", request)) return kExitUsage;
  auto logs_and_traces = LogsAndTraces::Start(args, aws::RealEnvironment(), "scan");
  if (!logs_and_traces) return kExitUsage;
  return ScanAndReport(request, plan, args, *observer);
}

}  // namespace posture::cli
