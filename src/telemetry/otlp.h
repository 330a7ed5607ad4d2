// OTLP/HTTP trace export with the JSON encoding (protobuf is not
// implemented: every OpenTelemetry Collector and most backends accept
// application/json on /v1/traces).
//
// OtlpConfig reads the standard variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
// (used as-is), else OTEL_EXPORTER_OTLP_ENDPOINT + "/v1/traces" (the
// --otlp-endpoint flag takes the same base URL and wins over both);
// OTEL_EXPORTER_OTLP_HEADERS / OTEL_EXPORTER_OTLP_TRACES_HEADERS
// ("k=v,k2=v2", URL-decoded), OTEL_SERVICE_NAME (default "posture"),
// OTEL_RESOURCE_ATTRIBUTES ("k=v,..."), OTEL_SDK_DISABLED=true and
// OTEL_EXPORTER_OTLP_[TRACES_]PROTOCOL ("http/json"; "http/protobuf" is
// accepted and still sent as JSON, which OTLP/HTTP receivers also take;
// "grpc" is an error). Malformed values are a one-line error.
//
// OtlpExporter batches finished spans on a background thread (bounded
// queue, never blocks the caller) and POSTs ExportTraceServiceRequest JSON;
// a failed export drops its batch, counts it and warns once.
// Thread-safe: export_span() from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aws/credentials/environment.h"
#include "aws/http.h"
#include "base/error.h"
#include "telemetry/log_batcher.h"
#include "telemetry/trace_context.h"

namespace posture::telemetry {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

// Parses "k=v,k2=v2" with %XX-decoded keys and values (W3C baggage style,
// as the OTel specification asks); blanks around items are trimmed. An item
// without '=', an empty key or a bad %-escape is an error naming `what`
// and the item (by position only when `secret`: header values).
base::Result<KeyValues> ParseOtelKeyValues(std::string_view text, std::string_view what, bool secret);

struct OtlpConfig {
  bool enabled = false;
  std::string traces_url;  // full URL of the traces endpoint
  aws::Headers headers;
  std::string service_name = "posture";
  KeyValues resource_attributes;  // service.name first
};

// The configuration from the environment and `flag_endpoint`
// (--otlp-endpoint, empty: none). Tracing is enabled when any endpoint is set.
base::Result<OtlpConfig> ResolveOtlpConfig(const aws::Environment& env, const std::string& flag_endpoint);

// The ExportTraceServiceRequest JSON for `spans` of one resource: ids as
// lower-case hex, times as decimal strings of Unix nanoseconds, kind and
// status code as the protocol's integers (status 2 = ERROR).
std::string EncodeOtlpJson(const std::vector<SpanData>& spans, const KeyValues& resource_attributes);

struct OtlpExporterOptions {
  BatcherOptions batch{4096, 512, std::chrono::milliseconds(500), "otlp"};
  std::chrono::milliseconds request_timeout{2000};
};

class OtlpExporter {
 public:
  // Uses `transport` for exports (it must outlive the exporter).
  OtlpExporter(OtlpConfig config, aws::HttpTransport& transport, OtlpExporterOptions options = {});
  ~OtlpExporter();

  // Queues a finished span (dropped and counted when the queue is full).
  void export_span(SpanData span) { batcher_.push(std::move(span)); }
  // Exports what is queued within `deadline`, then stops.
  void shutdown(std::chrono::milliseconds deadline) { batcher_.shutdown(deadline); }

  uint64_t dropped() const { return batcher_.dropped(); }
  uint64_t failed_exports() const { return batcher_.failed_batches(); }
  uint64_t sent() const { return batcher_.sent(); }

 private:
  bool post(std::vector<SpanData>& batch);

  OtlpConfig config_;
  aws::HttpTransport& transport_;
  OtlpExporterOptions options_;
  std::atomic<bool> warned_{false};
  Batcher<SpanData> batcher_;  // last: its worker uses the members above
};

}  // namespace posture::telemetry
