// What a scan logs and traces: every AWS call (a span when tracing, a debug
// event, a warn event when degraded) and the scan's outcome. Cheap when
// logging and tracing are off (cli/logs_traces.h turns them on). Thread-safe.
#pragma once

#include "aws/client.h"
#include "report/report.h"
#include "telemetry/trace_context.h"

namespace posture::scan {

// The observer every AwsClient gets: a span per call (when tracing), a
// debug event per call, and a warn event for every degraded call (retried,
// throttled, denied, failed). Cheap when both are off.
void ObserveAwsCall(const aws::CallRecord& call);

// Logs the scan's degraded outcomes at warn or above (each section not
// collected, each account failed or skipped) and a closing info summary,
// and puts the summary on the scan's span.
void LogScanOutcome(const report::ScanResult& result, telemetry::ScopedSpan& scan_span);

}  // namespace posture::scan
