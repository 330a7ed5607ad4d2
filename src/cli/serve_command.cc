#include "cli/serve_command.h"

#include <iostream>

#include "cli/args.h"
#include "cli/logs_traces.h"
#include "cli/scan_command.h"
#include "cli/scan_plan.h"
#include "serve/duration.h"
#include "serve/serve.h"

namespace posture::cli {
namespace {

constexpr auto kMinInterval = std::chrono::seconds(1);

constexpr const char* kUsage =
    "usage: posture serve [--listen HOST:PORT] [--interval DURATION] [--shutdown-timeout DURATION] [scan flags]\n"
    "\n"
    "Scans on a schedule and serves the results: /metrics (Prometheus), /healthz, /readyz and\n"
    "/api/findings (the latest report as JSON). The first scan starts at once; the next starts\n"
    "--interval after the previous one started (or when it ends, if it took longer).\n"
    "SIGHUP re-reads the config file for the next scan; SIGTERM/SIGINT stop serving, wait up to\n"
    "--shutdown-timeout for a running scan and exit 0. Scan flags are those of `posture scan`\n"
    "(see posture scan --help) except --metrics-file and --pushgateway.\n"
    "\n"
    "flags:\n";

// --metrics-file and --pushgateway belong to `posture scan`; named here
// they get a pointer to /metrics rather than "unknown flag".
bool RejectBatchMetricsFlags(const std::vector<std::string>& argv) {
  for (const auto& arg : argv) {
    if (arg == "--") break;
    const std::string name = arg.substr(0, arg.find('='));
    if (name == "--metrics-file" || name == "--pushgateway") {
      std::cerr << "posture serve: " << name << " is for `posture scan`; serve exposes /metrics instead\n";
      return false;
    }
  }
  return true;
}

}  // namespace

int RunServeCommand(const std::vector<std::string>& argv) {
  if (!RejectBatchMetricsFlags(argv)) return kExitUsage;
  Args args("serve");
  args.flag("--listen", Args::Kind::kValue, "HOST:PORT", "address to serve on (127.0.0.1:9464)")
      .flag("--interval", Args::Kind::kValue, "DURATION", "time between scan starts: 30s, 15m, 1h (15m)")
      .flag("--shutdown-timeout", Args::Kind::kValue, "DURATION", "longest wait for a running scan on SIGTERM (10s)");
  AddScanFlags(args);
  AddLogTraceFlags(args);
  if (auto exit = ParseCommandLine(args, argv, kUsage)) return *exit;

  serve::ServeOptions options;
  auto address = serve::ParseListenAddress(args.value_or("--listen", "127.0.0.1:9464"));
  if (!address.ok()) {
    std::cerr << "posture serve: " << address.error().message() << "\n";
    return kExitUsage;
  }
  options.address = *address;
  auto interval = serve::ParseDuration(args.value_or("--interval", "15m"));
  if (!interval.ok() || *interval < kMinInterval) {
    std::cerr << "posture serve: --interval " << (interval.ok() ? "must be at least 1s" : interval.error().message())
              << "\n";
    return kExitUsage;
  }
  options.interval = *interval;
  auto shutdown_timeout = serve::ParseDuration(args.value_or("--shutdown-timeout", "10s"));
  if (!shutdown_timeout.ok()) {
    std::cerr << "posture serve: --shutdown-timeout " << shutdown_timeout.error().message() << "\n";
    return kExitUsage;
  }
  options.shutdown_timeout = *shutdown_timeout;

  ScanPlan plan;
  if (!MakePlan(args, plan, "serve") || !MakeScanRequest(args, plan, "serve", options.request)) return kExitUsage;
  options.candidates = plan.candidates;
  options.min_severity = plan.min_severity;
  options.config_flag = args.value("--config");
  options.config = plan.config;
  auto logs_and_traces = LogsAndTraces::Start(args, aws::RealEnvironment(), "serve");
  if (!logs_and_traces) return kExitUsage;
  return serve::Serve(options);
}

}  // namespace posture::cli
