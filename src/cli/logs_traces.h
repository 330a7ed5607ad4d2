// Logs and traces for any command: the --log-format, --log-level,
// --loki-url and --otlp-endpoint flags, and what they set up.
//
// Without --log-format or --log-level no log event goes to stderr, which
// keeps its one-line errors and progress for scripts; with either, events
// at --log-level (default info) go to stderr as --log-format (default json
// when stderr is not a terminal, text when it is). --loki-url pushes the
// same events to Loki. Tracing is on when --otlp-endpoint or an
// OTEL_EXPORTER_OTLP_* endpoint is set (see telemetry/otlp.h). Used from
// the command's main thread: Start once, keep the object for the run.
#pragma once

#include <memory>
#include <string>

#include "aws/credentials/environment.h"
#include "cli/args.h"

namespace posture::cli {

// Declares the four flags on `args`.
void AddLogTraceFlags(Args& args);

class LogsAndTraces {
 public:
  // Configures logging and tracing from `args` (parsed) and `env`. On a bad
  // value prints one line ("posture <command>: ...") and returns nullptr
  // (a usage error).
  static std::unique_ptr<LogsAndTraces> Start(const Args& args, const aws::Environment& env,
                                              const std::string& command);
  // Exports what is queued (at most ~2 s in all), then turns both off.
  ~LogsAndTraces();
  LogsAndTraces(const LogsAndTraces&) = delete;
  LogsAndTraces& operator=(const LogsAndTraces&) = delete;

  // Counters for metrics: spans and log lines dropped (queue full or the
  // endpoint down) and failed export requests.
  uint64_t dropped_spans() const;
  uint64_t dropped_log_lines() const;
  uint64_t failed_exports() const;

 private:
  struct Impl;
  explicit LogsAndTraces(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace posture::cli
