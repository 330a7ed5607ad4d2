// A scan's outcome as posture's metrics (telemetry/metrics_catalog.h), for
// whoever exports them: `posture scan`'s batch exporters
// (cli/batch_metrics.h) and `posture serve`'s /metrics.
#pragma once

#include <chrono>
#include <string_view>

#include "report/report.h"
#include "telemetry/metrics_catalog.h"

namespace posture::scan {

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

}  // namespace posture::scan
