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

}  // namespace posture::cli
