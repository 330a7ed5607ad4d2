// LokiSink: pushes log events to Grafana Loki's push API
// (POST {url}/loki/api/v1/push, JSON), batched on a background thread.
//
// Each event becomes one entry [<unix ns>, <the JSON log line>] of the
// stream labelled job="posture", level and account (when the event has
// one): low-cardinality labels only, never request ids. A push that fails
// (endpoint down, non-2xx) drops its batch, counts it, and warns once;
// logging never blocks or fails the scan. Thread-safe (LogSink contract).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "aws/http.h"
#include "telemetry/log.h"
#include "telemetry/log_batcher.h"

namespace posture::telemetry {

struct LokiEntry {
  std::string level;
  std::string account;  // empty: no account label
  uint64_t unix_nanos = 0;
  std::string line;
};

// The push body for `entries`: one stream per distinct label set, entries
// in their order.
std::string LokiPushBody(const std::vector<LokiEntry>& entries);
// "{url}/loki/api/v1/push" (url used as-is when it already ends so).
std::string LokiPushUrl(std::string url);

struct LokiOptions {
  std::string url;  // Loki's base URL
  BatcherOptions batch{8192, 1000, std::chrono::milliseconds(1000), "loki"};
  std::chrono::milliseconds request_timeout{2000};
};

class LokiSink final : public LogSink {
 public:
  // Uses `transport` for pushes (it must outlive the sink).
  LokiSink(LokiOptions options, aws::HttpTransport& transport);
  ~LokiSink() override;

  void write(const LogEvent& event) override;
  // Pushes what is queued within `deadline`, then stops.
  void shutdown(std::chrono::milliseconds deadline) { batcher_.shutdown(deadline); }

  uint64_t dropped() const { return batcher_.dropped(); }
  uint64_t failed_pushes() const { return batcher_.failed_batches(); }
  uint64_t sent() const { return batcher_.sent(); }

 private:
  bool push(std::vector<LokiEntry>& batch);

  LokiOptions options_;
  std::string push_url_;
  aws::HttpTransport& transport_;
  std::atomic<bool> warned_{false};
  Batcher<LokiEntry> batcher_;  // last: its worker uses the members above
};

}  // namespace posture::telemetry
