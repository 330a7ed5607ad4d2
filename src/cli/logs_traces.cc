#include "cli/logs_traces.h"

#include <unistd.h>

#include <chrono>
#include <iostream>

#include "aws/curl_transport.h"
#include "telemetry/log.h"
#include "telemetry/loki.h"
#include "telemetry/otlp.h"
#include "telemetry/trace.h"

namespace posture::cli {
namespace {

using telemetry::LogLevel;

constexpr auto kFlushBound = std::chrono::milliseconds(2000);
constexpr auto kExportTimeout = std::chrono::milliseconds(1000);

bool IsHttpUrl(const std::string& url) { return url.starts_with("http://") || url.starts_with("https://"); }

}  // namespace

struct LogsAndTraces::Impl {
  std::unique_ptr<aws::CurlTransport> transport;  // for Loki and OTLP, apart from the AWS calls
  std::shared_ptr<telemetry::LokiSink> loki;
  std::unique_ptr<telemetry::OtlpExporter> otlp;
  std::unique_ptr<telemetry::Tracer> tracer;
};

void AddLogTraceFlags(Args& args) {
  args.flag("--log-format", Args::Kind::kValue, "FORMAT", "log events to stderr as text or json (json if not a tty)")
      .flag("--log-level", Args::Kind::kValue, "LEVEL", "least level logged: debug, info (default), warn, error")
      .flag("--loki-url", Args::Kind::kValue, "URL", "push log events to Loki at URL")
      .flag("--otlp-endpoint", Args::Kind::kValue, "URL", "export traces over OTLP/HTTP to URL (+ /v1/traces)");
}

std::unique_ptr<LogsAndTraces> LogsAndTraces::Start(const Args& args, const aws::Environment& env,
                                                    const std::string& command) {
  auto fail = [&](const std::string& message) -> std::unique_ptr<LogsAndTraces> {
    std::cerr << "posture " << command << ": " << message << "\n";
    return nullptr;
  };
  LogLevel level = LogLevel::kInfo;
  if (auto text = args.value("--log-level")) {
    auto parsed = telemetry::ParseLogLevel(*text);
    if (!parsed) return fail("unknown --log-level '" + *text + "' (debug, info, warn, error)");
    level = *parsed;
  }
  auto format = telemetry::DefaultLogFormat(::isatty(STDERR_FILENO));
  if (auto text = args.value("--log-format")) {
    auto parsed = telemetry::ParseLogFormat(*text);
    if (!parsed) return fail("unknown --log-format '" + *text + "' (text, json)");
    format = *parsed;
  }
  std::string loki_url = args.value_or("--loki-url", "");
  if (args.has("--loki-url") && !IsHttpUrl(loki_url)) {
    return fail("--loki-url takes an http:// or https:// URL, not '" + loki_url + "'");
  }
  std::string otlp_flag = args.value_or("--otlp-endpoint", "");
  if (args.has("--otlp-endpoint") && !IsHttpUrl(otlp_flag)) {
    return fail("--otlp-endpoint takes an http:// or https:// URL, not '" + otlp_flag + "'");
  }
  auto otlp = telemetry::ResolveOtlpConfig(env, otlp_flag);
  if (!otlp.ok()) return fail(otlp.error().message());

  auto impl = std::make_unique<Impl>();
  telemetry::Logger& logger = telemetry::GlobalLogger();
  logger.reset();
  bool to_stderr = args.has("--log-format") || args.has("--log-level");
  if (to_stderr) logger.add_sink(std::make_shared<telemetry::StreamSink>(stderr, format));
  telemetry::SetStderrLogging(to_stderr);
  if (!loki_url.empty() || otlp->enabled) {
    aws::CurlTransportOptions options;
    options.connect_timeout = kExportTimeout;
    options.read_timeout = kExportTimeout;
    options.request_timeout = kExportTimeout;
    options.max_in_flight = 4;
    impl->transport = std::make_unique<aws::CurlTransport>(options);
  }
  if (!loki_url.empty()) {
    telemetry::LokiOptions options;
    options.url = loki_url;
    options.request_timeout = kExportTimeout;
    impl->loki = std::make_shared<telemetry::LokiSink>(options, *impl->transport);
    logger.add_sink(impl->loki);
  }
  if (logger.has_sinks()) logger.set_level(level);
  if (otlp->enabled) {
    telemetry::OtlpExporterOptions options;
    options.request_timeout = kExportTimeout;
    impl->otlp = std::make_unique<telemetry::OtlpExporter>(std::move(*otlp), *impl->transport, options);
    impl->tracer = std::make_unique<telemetry::Tracer>(
        [exporter = impl->otlp.get()](telemetry::SpanData span) { exporter->export_span(std::move(span)); });
    telemetry::InstallSpanRecorder(impl->tracer.get());
  }
  return std::unique_ptr<LogsAndTraces>(new LogsAndTraces(std::move(impl)));
}

LogsAndTraces::LogsAndTraces(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

LogsAndTraces::~LogsAndTraces() {
  auto deadline = std::chrono::steady_clock::now() + kFlushBound;
  auto left = [&] {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
  };
  if (impl_->tracer) {
    telemetry::InstallSpanRecorder(nullptr);
    impl_->otlp->shutdown(left());
    if (impl_->otlp->dropped() > 0 || impl_->otlp->failed_exports() > 0) {
      telemetry::Log(LogLevel::kWarn, "spans not exported",
                     {{"spans_dropped", {}, static_cast<int64_t>(impl_->otlp->dropped()), true},
                      {"spans_exported", {}, static_cast<int64_t>(impl_->otlp->sent()), true},
                      {"failed_exports", {}, static_cast<int64_t>(impl_->otlp->failed_exports()), true}});
    }
  }
  if (impl_->loki) impl_->loki->shutdown(left());
  telemetry::GlobalLogger().reset();
  telemetry::SetStderrLogging(false);
}

uint64_t LogsAndTraces::dropped_spans() const { return impl_->otlp ? impl_->otlp->dropped() : 0; }
uint64_t LogsAndTraces::dropped_log_lines() const { return impl_->loki ? impl_->loki->dropped() : 0; }
uint64_t LogsAndTraces::failed_exports() const {
  return (impl_->otlp ? impl_->otlp->failed_exports() : 0) + (impl_->loki ? impl_->loki->failed_pushes() : 0);
}

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
  for (const auto& finding : result.findings) failing += finding.status == checks::Status::kFail && !finding.muted;
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

}  // namespace posture::cli
