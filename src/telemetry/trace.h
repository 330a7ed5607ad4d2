// Tracer: the SpanRecorder behind posture's spans. It hands finished spans
// to an exporter function (the OTLP exporter, or a test's collector) and
// keeps the region spans of each account open until the account ends.
//
// The span tree of a scan: "scan" -> "account" -> "region" -> "collect
// <service>" (one per collection task) -> "<service>.<Operation>" (each AWS
// call, kind CLIENT, with rpc.system="aws-api", rpc.service, rpc.method,
// aws.request_id, http.response.status_code, cloud.region and an ERROR
// status when the call failed); and "check <id>" spans under "scan".
// Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "aws/client.h"
#include "telemetry/trace_context.h"

namespace posture::telemetry {

class Tracer final : public SpanRecorder {
 public:
  using Export = std::function<void(SpanData)>;
  explicit Tracer(Export exporter) : export_(std::move(exporter)) {}

  void record(SpanData span) override;
  SpanContext region_span(const SpanContext& account, std::string_view account_id, std::string_view region) override;
  void close_regions(const SpanContext& account) override;

  uint64_t spans_recorded() const { return recorded_.load(); }

 private:
  struct OpenRegion {
    SpanData data;
    uint64_t last_end_ns = 0;
  };
  Export export_;
  std::mutex mutex_;
  // Open region spans by (account span id, region).
  std::map<std::pair<SpanId, std::string>, OpenRegion, std::less<>> regions_;
  // Region span id -> its key, for children's end times.
  std::map<SpanId, std::pair<SpanId, std::string>> region_ids_;
  std::atomic<uint64_t> recorded_{0};
};

// The span of one finished AWS call (all attempts), a child of the
// thread's current span; recorded when tracing is on.
void RecordAwsCallSpan(const aws::CallRecord& call);

}  // namespace posture::telemetry
