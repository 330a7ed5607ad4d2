// ScanObserver: what the scan tells whoever runs it — `posture scan`'s batch
// metrics (scan_metrics.h) or `posture serve` (serve/). RunScanCommand calls
// it on its own thread, in this order: load_config once, then on_context
// when the AWS context exists, then exactly one of on_result or on_failure
// (none for usage errors). Implementations decide their own thread safety.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"
#include "cli/aws_context.h"
#include "cli/config.h"
#include "report/report.h"

namespace posture::cli {

class ScanObserver {
 public:
  virtual ~ScanObserver() = default;

  // The config of this scan; `flag` is --config. The default reads it the
  // way `posture scan` always has (LoadConfig).
  virtual base::Result<Config> load_config(const std::optional<std::string>& flag) {
    return LoadConfig(flag, aws::RealEnvironment());
  }
  // The AWS context is ready: install call observers (AwsContext::add_call_observer).
  virtual void on_context(AwsContext& /*context*/) {}
  // The scan ran and `result` is complete. Returns whether the report is
  // rendered and written (false: `posture serve` keeps it instead).
  virtual bool on_result(const report::ScanResult& /*result*/) { return true; }
  // The scan could not run: `kind` is an aws::ErrorKindName ("network",
  // "credentials", ...) and `message` the one-line reason already printed.
  virtual void on_failure(std::string_view /*kind*/, const std::string& /*message*/) {}
};

}  // namespace posture::cli
