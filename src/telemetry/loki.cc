#include "telemetry/loki.h"

#include <algorithm>
#include <map>
#include <utility>

namespace posture::telemetry {

std::string LokiPushBody(const std::vector<LokiEntry>& entries) {
  std::map<std::pair<std::string, std::string>, std::vector<const LokiEntry*>> streams;
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto& entry : entries) {
    auto key = std::make_pair(entry.level, entry.account);
    auto& list = streams[key];
    if (list.empty()) order.push_back(key);
    list.push_back(&entry);
  }
  std::string out = "{\"streams\":[";
  bool first_stream = true;
  for (const auto& key : order) {
    if (!first_stream) out += ',';
    first_stream = false;
    out += "{\"stream\":{\"job\":\"posture\",\"level\":\"";
    AppendJsonEscaped(out, key.first);
    out += '"';
    if (!key.second.empty()) {
      out += ",\"account\":\"";
      AppendJsonEscaped(out, key.second);
      out += '"';
    }
    out += "},\"values\":[";
    bool first = true;
    auto& list = streams[key];
    // Loki wants each stream's entries in time order; events of several threads may interleave.
    std::stable_sort(list.begin(), list.end(),
                     [](const LokiEntry* a, const LokiEntry* b) { return a->unix_nanos < b->unix_nanos; });
    for (const LokiEntry* entry : list) {
      if (!first) out += ',';
      first = false;
      out += "[\"";
      out += std::to_string(entry->unix_nanos);
      out += "\",\"";
      AppendJsonEscaped(out, entry->line);
      out += "\"]";
    }
    out += "]}";
  }
  out += "]}";
  return out;
}

std::string LokiPushUrl(std::string url) {
  constexpr std::string_view kPath = "/loki/api/v1/push";
  if (url.ends_with(kPath)) return url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url + std::string(kPath);
}

LokiSink::LokiSink(LokiOptions options, aws::HttpTransport& transport)
    : options_(std::move(options)),
      push_url_(LokiPushUrl(options_.url)),
      transport_(transport),
      batcher_(options_.batch, [this](std::vector<LokiEntry>& batch) { return push(batch); }) {}

LokiSink::~LokiSink() { batcher_.shutdown(std::chrono::milliseconds(0)); }

void LokiSink::write(const LogEvent& event) {
  LokiEntry entry;
  entry.level = LogLevelName(event.level);
  if (const LogField* account = event.field("account"); account && !account->is_number) entry.account = account->text;
  entry.unix_nanos = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(event.time.time_since_epoch()).count());
  entry.line = FormatJsonLine(event);
  batcher_.push(std::move(entry));
}

bool LokiSink::push(std::vector<LokiEntry>& batch) {
  aws::HttpRequest request;
  request.method = "POST";
  request.url = push_url_;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = LokiPushBody(batch);
  request.timeout = options_.request_timeout;
  auto response = transport_.send_sync(std::move(request));
  bool ok = response.ok() && response->status >= 200 && response->status < 300;
  if (!ok && !warned_.exchange(true)) {
    std::string why = response.ok() ? "HTTP " + std::to_string(response->status) + ": " + response->body.substr(0, 200)
                                    : response.error().message();
    TelemetryWarning("cannot push logs to Loki at " + push_url_ + " (" + why +
                     "); log batches are dropped and counted");
  }
  return ok;
}

}  // namespace posture::telemetry
