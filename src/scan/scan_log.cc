#include "scan/scan_log.h"

#include "telemetry/log.h"
#include "telemetry/trace.h"

namespace posture::scan {

using telemetry::LogLevel;

void ObserveAwsCall(const aws::CallRecord& call) {
  telemetry::RecordAwsCallSpan(call);
  bool failed = !call.error_code.empty();
  bool degraded = failed || call.attempts > 1 || call.throttles > 0;
  LogLevel level = degraded ? LogLevel::kWarn : LogLevel::kDebug;
  if (!telemetry::LogEnabled(level)) return;
  telemetry::LogEvent event;
  event.level = level;
  if (failed) {
    bool denied = call.error && call.error->kind() == base::ErrorKind::kAccessDenied;
    event.msg = denied ? "aws call denied" : "aws call failed";
  } else if (call.throttles > 0) {
    event.msg = "aws call throttled";
  } else if (call.attempts > 1) {
    event.msg = "aws call retried";
  } else {
    event.msg = "aws call";
  }
  if (!call.region.empty()) event.with("region", call.region);
  event.with("service", call.service).with("operation", call.operation);
  event.with("http_status", static_cast<int64_t>(call.http_status));
  event.with("attempts", static_cast<int64_t>(call.attempts));
  event.with("duration_ms", static_cast<int64_t>(call.duration.count()));
  if (!call.request_id.empty()) event.with("aws_request_id", call.request_id);
  if (call.throttles > 0) event.with("throttles", static_cast<int64_t>(call.throttles));
  if (failed) {
    if (call.error) event.with("error_kind", base::ErrorKindName(call.error->kind()));
    event.with("error_code", call.error_code);
    if (call.error) event.with("error", call.error->message());
  }
  telemetry::Log(std::move(event));
}

void LogScanOutcome(const report::ScanResult& result, telemetry::ScopedSpan& scan_span) {
  int64_t failing = 0;
  for (const auto& finding : result.findings)
    failing += finding.status == checks::FindingStatus::kFail && !finding.muted;
  scan_span.add_int("posture.accounts", static_cast<int64_t>(result.accounts.size()));
  scan_span.add_int("posture.findings", static_cast<int64_t>(result.findings.size()));
  scan_span.add_int("posture.failing", failing);
  scan_span.add_int("posture.errors", static_cast<int64_t>(result.errors.size()));
  scan_span.add_int("posture.requests", static_cast<int64_t>(result.api_requests));
  const std::string single_account = result.accounts.size() == 1 ? result.accounts.front() : "";
  if (telemetry::LogEnabled(LogLevel::kWarn)) {
    for (const auto& error : result.errors) {
      telemetry::LogEvent event;
      event.level = LogLevel::kWarn;
      event.msg = "section not collected";
      const std::string& account = error.account_id.empty() ? single_account : error.account_id;
      if (!account.empty()) event.with("account", account);
      if (!error.region.empty()) event.with("region", error.region);
      event.with("service", error.service).with("operation", error.operation);
      event.with("error_kind", error.kind);
      if (!error.code.empty()) event.with("error_code", error.code);
      event.with("error", error.message);
      telemetry::Log(std::move(event));
    }
    for (const auto& account : result.account_summaries) {
      if (account.status == "scanned") continue;
      telemetry::LogEvent event;
      event.level = account.status == "failed" ? LogLevel::kError : LogLevel::kWarn;
      event.msg = account.status == "failed" ? "account not scanned" : "account skipped";
      event.with("account", account.account_id).with("reason", account.reason);
      telemetry::Log(std::move(event));
    }
  }
  if (!telemetry::LogEnabled(LogLevel::kInfo)) return;
  telemetry::LogEvent event;
  event.msg = "scan finished";
  event.with("accounts", static_cast<int64_t>(result.accounts.size()))
      .with("regions", static_cast<int64_t>(result.regions.size()))
      .with("checks", static_cast<int64_t>(result.checks_run))
      .with("findings", static_cast<int64_t>(result.findings.size()))
      .with("failing", failing)
      .with("errors", static_cast<int64_t>(result.errors.size()))
      .with("requests", static_cast<int64_t>(result.api_requests))
      .with("duration_ms", static_cast<int64_t>(result.duration_seconds * 1000));
  telemetry::Log(std::move(event));
}

}  // namespace posture::scan
