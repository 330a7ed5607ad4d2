// `posture scan`'s batch metrics exporters (what goes into them:
// scan/scan_metrics.h):
// --metrics-file PATH (node_exporter textfile, written atomically) and
// --pushgateway URL (PUT {URL}/metrics/job/posture). An exporter that fails
// prints one warning line, counts posture_telemetry_export_errors_total and
// never changes the scan's exit code.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "cli/args.h"
#include "scan/scan_observer.h"
#include "telemetry/metrics_catalog.h"

namespace posture::cli {

// Declares --metrics-file and --pushgateway on `args`.
void AddBatchMetricsFlags(Args& args);

// The observer `posture scan` uses: records into DefaultMetrics() and,
// when a flag asks, writes/pushes the metrics once the scan ends. Returns
// nullptr after printing a usage error (bad --pushgateway URL).
std::unique_ptr<scan::ScanObserver> MakeBatchScanObserver(const Args& args);

}  // namespace posture::cli
