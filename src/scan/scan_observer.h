// ScanObserver: what a scan tells whoever runs it — `posture scan`'s batch
// metrics (cli/batch_metrics.h) or `posture serve` (serve/). RunScan calls
// it on its own thread, in this order: on_context when the AWS context
// exists, then exactly one of on_result or on_failure. Implementations
// decide their own thread safety.
#pragma once

#include <string>
#include <string_view>

#include "report/report.h"
#include "scan/aws_context.h"

namespace posture::scan {

class ScanObserver {
 public:
  virtual ~ScanObserver() = default;

  // The AWS context is ready: install call observers (AwsContext::add_call_observer).
  virtual void on_context(AwsContext& /*context*/) {}
  // The scan ran and `result` is complete.
  virtual void on_result(const report::ScanResult& /*result*/) {}
  // The scan could not run: `kind` is a base::ErrorKindName ("network",
  // "credentials", ...) and `message` the one-line reason RunScan returns.
  virtual void on_failure(std::string_view /*kind*/, const std::string& /*message*/) {}
};

}  // namespace posture::scan
