// Metrics of scans: turning a scan's outcome into posture's metrics
// (telemetry/metrics_catalog.h), and `posture scan`'s batch exporters:
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
#include "cli/scan_observer.h"
#include "telemetry/metrics_catalog.h"

namespace posture::cli {

// Sets the findings gauge to `result`'s findings (replacing the previous
// scan's), the duration, the success time `finished` and success counters;
// counts each collection error in posture_scan_errors_total{kind}.
// Findings are labelled by severity, status (PASS, FAIL, ERROR, or MUTED for
// a muted finding), check, account and region ("global" when none).
void RecordScanSuccess(telemetry::PostureMetrics& metrics, const report::ScanResult& result,
                       std::chrono::system_clock::time_point finished);
// A scan that could not run: posture_last_scan_success 0, the failure
// counted; the findings of the last good scan stay.
void RecordScanFailure(telemetry::PostureMetrics& metrics, std::string_view kind);

// Declares --metrics-file and --pushgateway on `args`.
void AddBatchMetricsFlags(Args& args);

// The observer `posture scan` uses: records into DefaultMetrics() and,
// when a flag asks, writes/pushes the metrics once the scan ends. Returns
// nullptr after printing a usage error (bad --pushgateway URL).
std::unique_ptr<ScanObserver> MakeBatchScanObserver(const Args& args);

}  // namespace posture::cli
