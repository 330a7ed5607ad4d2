#include "cli/demo_command.h"

#include <iostream>

#include "cli/args.h"
#include "cli/batch_metrics.h"
#include "cli/logs_traces.h"
#include "cli/scan_command.h"
#include "cli/scan_plan.h"
#include "demo/estate.h"
#include "demo/sample_account.h"

namespace posture::cli {
namespace {

constexpr const char* kUsage =
    "usage: posture demo [scan flags]\n"
    "\n"
    "Starts moto_server (a local AWS endpoint) on a free loopback port, builds a small\n"
    "vulnerable sample estate in us-east-1 and eu-west-1 and scans it. No AWS account\n"
    "is used. Scan flags such as --format json or --checks apply to that scan.\n"
    "\n"
    "flags:\n";

}  // namespace

int RunDemoCommand(const std::vector<std::string>& argv) {
  Args args("demo");
  AddScanFlags(args);
  AddBatchMetricsFlags(args);
  AddLogTraceFlags(args);
  if (auto exit = ParseCommandLine(args, argv, kUsage)) return *exit;
  for (const char* name : {"--region", "--all-regions", "--endpoint-url", "--profile", "--organization"}) {
    if (args.has(name)) {
      std::cerr << "posture demo: " << name << " cannot be used: the demo scans its own local sample\n";
      return kExitUsage;
    }
  }
  auto observer = MakeBatchScanObserver(args);
  if (!observer) return kExitUsage;
  ScanPlan plan;
  scan::ScanRequest request;
  if (!MakePlan(args, plan, "demo") || !MakeScanRequest(args, plan, "demo", request)) return kExitUsage;
  request.regions = {demo::kRegions[0], demo::kRegions[1]};
  request.aws.region = demo::kRegions[0];

  auto account = demo::SampleAccount::Start();
  if (!account.ok()) {
    std::cerr << "posture demo: " << account.error().message() << "\n";
    return kExitFailed;
  }
  std::cerr << "posture demo: building the sample estate on " << (*account)->url() << " ...\n";
  auto built = (*account)->build();
  if (!built.ok()) {
    std::cerr << "posture demo: could not build the sample estate: " << built.error().describe() << "\n";
    return kExitFailed;
  }
  auto logs_and_traces = LogsAndTraces::Start(args, aws::RealEnvironment(), "demo");
  if (!logs_and_traces) return kExitUsage;
  int code = ScanAndReport(request, plan, args, *observer);
  return code == kExitFindings ? kExitOk : code;
}

}  // namespace posture::cli
