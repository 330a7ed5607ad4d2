#include "telemetry/trace.h"

#include <algorithm>

namespace posture::telemetry {

void Tracer::record(SpanData span) {
  {
    std::lock_guard lock(mutex_);
    if (auto id = region_ids_.find(span.parent); id != region_ids_.end()) {
      auto region = regions_.find(id->second);
      if (region != regions_.end()) region->second.last_end_ns = std::max(region->second.last_end_ns, span.end_ns);
    }
  }
  ++recorded_;
  export_(std::move(span));
}

SpanContext Tracer::region_span(const SpanContext& account, std::string_view account_id, std::string_view region) {
  if (region.empty() || !account.valid()) return {};
  std::lock_guard lock(mutex_);
  auto key = std::make_pair(account.span_id, std::string(region));
  auto it = regions_.find(key);
  if (it != regions_.end()) return it->second.data.context;
  OpenRegion open;
  open.data.name = "region";
  open.data.context = NewSpanContext(account);
  open.data.parent = account.span_id;
  open.data.start_ns = NowUnixNanos();
  open.data.add("cloud.region", std::string(region));
  open.data.add("cloud.account.id", std::string(account_id));
  SpanContext context = open.data.context;
  region_ids_[context.span_id] = key;
  regions_.emplace(std::move(key), std::move(open));
  return context;
}

void Tracer::close_regions(const SpanContext& account) {
  std::vector<SpanData> closed;
  {
    std::lock_guard lock(mutex_);
    auto it = regions_.lower_bound(std::make_pair(account.span_id, std::string()));
    while (it != regions_.end() && it->first.first == account.span_id) {
      SpanData data = std::move(it->second.data);
      data.end_ns = std::max(it->second.last_end_ns, data.start_ns);
      region_ids_.erase(data.context.span_id);
      closed.push_back(std::move(data));
      it = regions_.erase(it);
    }
  }
  for (auto& span : closed) record(std::move(span));
}

void RecordAwsCallSpan(const aws::CallRecord& call) {
  SpanRecorder* recorder = ActiveSpanRecorder();
  if (!recorder) return;
  const Scope& scope = CurrentScope();
  SpanData span;
  span.name = call.service + "." + call.operation;
  span.context = NewSpanContext(scope.span);
  span.parent = scope.span.valid() ? scope.span.span_id : SpanId{};
  span.kind = SpanKind::kClient;
  span.end_ns = NowUnixNanos();
  if (call.started.time_since_epoch().count() != 0) {
    span.start_ns = static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(call.started.time_since_epoch()).count());
  } else {
    uint64_t duration = static_cast<uint64_t>(std::chrono::nanoseconds(call.duration).count());
    span.start_ns = span.end_ns > duration ? span.end_ns - duration : 0;
  }
  span.start_ns = std::min(span.start_ns, span.end_ns);
  span.attributes.reserve(9);
  span.add("rpc.system", "aws-api");
  span.add("rpc.service", call.service);
  span.add("rpc.method", call.operation);
  if (!call.region.empty()) span.add("cloud.region", call.region);
  if (!scope.account.empty()) span.add("cloud.account.id", scope.account);
  if (!call.request_id.empty()) span.add("aws.request_id", call.request_id);
  if (call.http_status) span.add_int("http.response.status_code", call.http_status);
  span.add_int("aws.attempts", call.attempts);
  if (!call.error_code.empty()) {
    span.error = true;
    span.add("error.type", call.error_code);
    span.status_message = call.error ? call.error->message() : call.error_code;
  }
  recorder->record(std::move(span));
}

}  // namespace posture::telemetry
