// `posture serve`: a long-running exporter. Scans on a schedule (the first
// at start, then every --interval from the previous start, never two at
// once), and serves /metrics, /healthz, /readyz and /api/findings
// (serve_state.h). SIGHUP re-reads the config file for the next scan;
// SIGTERM or SIGINT stop accepting connections, let the running scan finish
// for up to --shutdown-timeout (10s) and exit 0 — abandoning the scan if it
// takes longer. Exit codes: 0 after a signal, 1 the address cannot be bound,
// 2 usage error (serve's flags, the scan flags or the first config).
#pragma once

#include <string>
#include <vector>

namespace posture::serve {

int RunServeCommand(const std::vector<std::string>& args);

}  // namespace posture::serve
