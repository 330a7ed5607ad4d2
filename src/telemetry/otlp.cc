#include "telemetry/otlp.h"

#include "base/encoding.h"
#include "base/strings.h"
#include "telemetry/log.h"

namespace posture::telemetry {
namespace {

std::string BaseUrl(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

bool IsHttpUrl(const std::string& url) { return url.starts_with("http://") || url.starts_with("https://"); }

void AppendString(std::string& out, std::string_view text) {
  out += '"';
  AppendJsonEscaped(out, text);
  out += '"';
}

void AppendAttributes(std::string& out, const std::vector<SpanAttribute>& attributes) {
  out += '[';
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (i) out += ',';
    out += "{\"key\":";
    AppendString(out, attributes[i].key);
    if (attributes[i].is_int) {
      // int64 values are JSON strings in OTLP/JSON (protobuf's JSON mapping).
      out += ",\"value\":{\"intValue\":\"" + std::to_string(attributes[i].number) + "\"}}";
    } else {
      out += ",\"value\":{\"stringValue\":";
      AppendString(out, attributes[i].text);
      out += "}}";
    }
  }
  out += ']';
}

}  // namespace

base::Result<KeyValues> ParseOtelKeyValues(std::string_view text, std::string_view what, bool secret) {
  KeyValues out;
  size_t start = 0;
  int position = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view item = base::Trim(
        text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start), base::kBlanks);
    start = comma == std::string_view::npos ? text.size() + 1 : comma + 1;
    if (item.empty()) continue;
    ++position;
    // Header values may be credentials: name the item by its position only.
    std::string shown = secret ? "item " + std::to_string(position) : "'" + std::string(item) + "'";
    size_t equals = item.find('=');
    if (equals == std::string_view::npos) {
      return base::Error::InvalidInput(std::string(what) + ": " + shown + " is not key=value");
    }
    auto key = base::UriDecodeStrict(base::Trim(item.substr(0, equals), base::kBlanks));
    auto value = base::UriDecodeStrict(base::Trim(item.substr(equals + 1), base::kBlanks));
    if (!key || !value) {
      return base::Error::InvalidInput(std::string(what) + ": " + shown + " has a malformed %-escape");
    }
    if (key->empty()) return base::Error::InvalidInput(std::string(what) + ": " + shown + " has no key");
    out.emplace_back(std::move(*key), std::move(*value));
  }
  return out;
}

base::Result<OtlpConfig> ResolveOtlpConfig(const aws::Environment& env, const std::string& flag_endpoint) {
  OtlpConfig config;
  auto disabled = env.get("OTEL_SDK_DISABLED");
  if (disabled && (*disabled == "true" || *disabled == "TRUE" || *disabled == "True")) return config;
  if (!flag_endpoint.empty()) {
    config.traces_url = BaseUrl(flag_endpoint) + "/v1/traces";
  } else if (auto traces = env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) {
    config.traces_url = *traces;
  } else if (auto base = env.get("OTEL_EXPORTER_OTLP_ENDPOINT")) {
    config.traces_url = BaseUrl(*base) + "/v1/traces";
  } else {
    return config;
  }
  if (!IsHttpUrl(config.traces_url)) {
    return base::Error::InvalidInput("the OTLP traces endpoint '" + config.traces_url +
                                     "' is not an http:// or https:// URL");
  }
  for (const char* name : {"OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"}) {
    auto protocol = env.get(name);
    if (!protocol) continue;
    if (*protocol != "http/json" && *protocol != "http/protobuf") {
      return base::Error::InvalidInput(std::string(name) + "='" + *protocol +
                                       "' is not supported (posture exports OTLP over HTTP: http/json)");
    }
    break;
  }
  for (const char* name : {"OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS"}) {
    auto text = env.get(name);
    if (!text) continue;
    auto headers = ParseOtelKeyValues(*text, name, /*secret=*/true);
    if (!headers.ok()) return std::move(headers.error());
    for (auto& [key, value] : *headers) {
      bool printable = true;
      for (char c : key + value) printable &= (c >= ' ' && c != 0x7f);
      if (!printable)
        return base::Error::InvalidInput(std::string(name) + ": header '" + key + "' has control characters");
      std::erase_if(config.headers, [&](const auto& h) { return aws::HeaderNameEquals(h.first, key); });
      config.headers.emplace_back(std::move(key), std::move(value));
    }
  }
  KeyValues attributes;
  if (auto text = env.get("OTEL_RESOURCE_ATTRIBUTES")) {
    auto parsed = ParseOtelKeyValues(*text, "OTEL_RESOURCE_ATTRIBUTES", /*secret=*/false);
    if (!parsed.ok()) return std::move(parsed.error());
    attributes = std::move(*parsed);
  }
  std::string service = "posture";
  for (const auto& [key, value] : attributes) {
    if (key == "service.name") service = value;
  }
  if (auto name = env.get("OTEL_SERVICE_NAME")) service = *name;
  config.service_name = service;
  config.resource_attributes.emplace_back("service.name", service);
  config.resource_attributes.emplace_back("service.version", POSTURE_VERSION);
  for (auto& [key, value] : attributes) {
    if (key != "service.name" && key != "service.version") config.resource_attributes.emplace_back(key, value);
  }
  config.enabled = true;
  return config;
}

std::string EncodeOtlpJson(const std::vector<SpanData>& spans, const KeyValues& resource_attributes) {
  std::string out;
  out.reserve(256 + 400 * spans.size());
  out += "{\"resourceSpans\":[{\"resource\":{\"attributes\":";
  std::vector<SpanAttribute> resource;
  for (const auto& [key, value] : resource_attributes) resource.push_back({key, value, 0, false});
  AppendAttributes(out, resource);
  out += "},\"scopeSpans\":[{\"scope\":{\"name\":\"posture\",\"version\":\"" POSTURE_VERSION "\"},\"spans\":[";
  for (size_t i = 0; i < spans.size(); ++i) {
    const SpanData& span = spans[i];
    if (i) out += ',';
    out += "{\"traceId\":\"" + HexId(span.context.trace_id) + "\",\"spanId\":\"" + HexId(span.context.span_id) + '"';
    bool has_parent = false;
    for (uint8_t b : span.parent) has_parent |= b != 0;
    if (has_parent) out += ",\"parentSpanId\":\"" + HexId(span.parent) + '"';
    out += ",\"name\":";
    AppendString(out, span.name);
    out += ",\"kind\":" + std::to_string(static_cast<int>(span.kind));
    out += ",\"startTimeUnixNano\":\"" + std::to_string(span.start_ns) + '"';
    out += ",\"endTimeUnixNano\":\"" + std::to_string(span.end_ns) + '"';
    out += ",\"attributes\":";
    AppendAttributes(out, span.attributes);
    if (span.error) {
      out += ",\"status\":{\"code\":2,\"message\":";
      AppendString(out, span.status_message);
      out += '}';
    } else {
      out += ",\"status\":{\"code\":0}";
    }
    out += '}';
  }
  out += "]}]}]}";
  return out;
}

OtlpExporter::OtlpExporter(OtlpConfig config, aws::HttpTransport& transport, OtlpExporterOptions options)
    : config_(std::move(config)),
      transport_(transport),
      options_(options),
      batcher_(options_.batch, [this](std::vector<SpanData>& batch) { return post(batch); }) {}

OtlpExporter::~OtlpExporter() { batcher_.shutdown(std::chrono::milliseconds(0)); }

bool OtlpExporter::post(std::vector<SpanData>& batch) {
  aws::HttpRequest request;
  request.method = "POST";
  request.url = config_.traces_url;
  request.headers = config_.headers;
  request.set_header("Content-Type", "application/json");
  request.body = EncodeOtlpJson(batch, config_.resource_attributes);
  request.timeout = options_.request_timeout;
  auto response = transport_.send_sync(std::move(request));
  bool ok = response.ok() && response->status >= 200 && response->status < 300;
  if (!ok && !warned_.exchange(true)) {
    std::string why = response.ok() ? "HTTP " + std::to_string(response->status) + ": " + response->body.substr(0, 200)
                                    : response.error().message();
    TelemetryWarning("cannot export traces to " + config_.traces_url + " (" + why +
                     "); span batches are dropped and counted");
  }
  return ok;
}

}  // namespace posture::telemetry
