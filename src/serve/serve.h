// `posture serve`'s loop: a long-running exporter. Scans on a schedule (the
// first at start, then every `interval` from the previous start, never two
// at once), and serves /metrics, /healthz, /readyz and /api/findings
// (serve_state.h). SIGHUP re-reads the config file for the next scan;
// SIGTERM or SIGINT stop accepting connections, let the running scan finish
// for up to `shutdown_timeout` and return 0 — abandoning the scan if it
// takes longer. The flags are parsed by cli/serve_command.cc.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "scan/config.h"
#include "scan/scan.h"
#include "serve/http_message.h"

namespace posture::serve {

struct ServeOptions {
  ListenAddress address;
  std::chrono::milliseconds interval{std::chrono::minutes(15)};
  std::chrono::milliseconds shutdown_timeout{std::chrono::seconds(10)};
  // Every scan runs this request with the checks and settings of the
  // config current at its start: the candidates at or above min_severity
  // that the config does not disable.
  scan::ScanRequest request;
  std::vector<const checks::Check*> candidates;
  checks::Severity min_severity = checks::Severity::kInfo;
  std::optional<std::string> config_flag;  // --config, re-read on SIGHUP
  scan::Config config;                     // the config read at start
};

// Serves until SIGTERM or SIGINT: 0, or 1 when the address cannot be bound.
int Serve(const ServeOptions& options);

}  // namespace posture::serve
