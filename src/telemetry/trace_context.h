// Trace context: the W3C ids of a span, the per-thread "current scope" that
// log events and child spans read, and the recorder seam the tracer fills.
//
// Header-only and dependent on the standard library alone, so that the
// collectors (task lanes, section tasks) and the check runner can open
// spans and carry the scope across pool threads without linking the
// telemetry library: when no recorder is installed (tracing off) a span
// costs a clock read and a thread-local swap.
//
// Thread-safety: the current scope is per thread; Propagate() carries it
// explicitly into a task run on another thread. The recorder pointer is set
// once at start-up (InstallSpanRecorder) and cleared after the last span.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace posture::telemetry {

using TraceId = std::array<uint8_t, 16>;
using SpanId = std::array<uint8_t, 8>;

struct SpanContext {
  TraceId trace_id{};
  SpanId span_id{};
  bool valid() const {
    for (uint8_t b : span_id) {
      if (b) return true;
    }
    return false;
  }
};

// Lower-case hex of an id ("4bf92f3577b34da6a3ce929d0e0e4736").
template <size_t N>
std::string HexId(const std::array<uint8_t, N>& id) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * N, '0');
  for (size_t i = 0; i < N; ++i) {
    out[2 * i] = kHex[id[i] >> 4];
    out[2 * i + 1] = kHex[id[i] & 0xf];
  }
  return out;
}

// A child of `parent` (same trace, new random span id), or the root of a new
// trace when `parent` is not valid. Ids are never all zero.
inline SpanContext NewSpanContext(const SpanContext& parent) {
  thread_local std::mt19937_64 random{
      std::random_device{}() ^ static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())};
  auto fill = [](auto& bytes) {
    do {
      for (size_t i = 0; i < bytes.size(); i += 8) {
        uint64_t word = random();
        for (size_t j = 0; j < 8 && i + j < bytes.size(); ++j) bytes[i + j] = static_cast<uint8_t>(word >> (8 * j));
      }
    } while (std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0; }));
  };
  SpanContext out;
  if (parent.valid()) {
    out.trace_id = parent.trace_id;
  } else {
    fill(out.trace_id);
  }
  fill(out.span_id);
  return out;
}

// What the current thread works for: the span new spans and log events
// belong to, and the AWS account (empty when none).
struct Scope {
  SpanContext span;
  std::string account;
  bool active() const { return span.valid() || !account.empty(); }
};

inline Scope& CurrentScopeMutable() {
  thread_local Scope scope;
  return scope;
}
inline const Scope& CurrentScope() { return CurrentScopeMutable(); }

// Sets the thread's scope for its lifetime, then restores the previous one.
class ScopeGuard {
 public:
  explicit ScopeGuard(Scope scope) : saved_(std::exchange(CurrentScopeMutable(), std::move(scope))) {}
  ~ScopeGuard() { CurrentScopeMutable() = std::move(saved_); }
  ScopeGuard(const ScopeGuard&) = delete;
  ScopeGuard& operator=(const ScopeGuard&) = delete;

 private:
  Scope saved_;
};

// `task` wrapped to run in the scope of the thread that calls Propagate
// (unchanged when that scope is empty).
inline std::function<void()> Propagate(std::function<void()> task) {
  const Scope& scope = CurrentScope();
  if (!scope.active()) return task;
  return [scope, task = std::move(task)] {
    ScopeGuard guard(scope);
    task();
  };
}

enum class SpanKind { kInternal = 1, kServer = 2, kClient = 3 };

struct SpanAttribute {
  std::string key;
  std::string text;    // string value (when !is_int)
  int64_t number = 0;  // integer value (when is_int)
  bool is_int = false;
};

// A finished span, as handed to the recorder.
struct SpanData {
  std::string name;
  SpanContext context;
  SpanId parent{};  // all zero: a root span
  SpanKind kind = SpanKind::kInternal;
  uint64_t start_ns = 0;  // Unix epoch nanoseconds
  uint64_t end_ns = 0;
  std::vector<SpanAttribute> attributes;
  bool error = false;
  std::string status_message;

  void add(std::string key, std::string value) { attributes.push_back({std::move(key), std::move(value), 0, false}); }
  void add_int(std::string key, int64_t value) { attributes.push_back({std::move(key), {}, value, true}); }
};

inline uint64_t NowUnixNanos() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
}

// Where finished spans go (the tracer). Implementations are thread-safe and
// never block on the network.
class SpanRecorder {
 public:
  virtual ~SpanRecorder() = default;
  // Queues a finished span for export.
  virtual void record(SpanData span) = 0;
  // The span of `region` under the account span `account` (opened on first
  // use, ended by close_regions); an invalid context when `region` is empty.
  virtual SpanContext region_span(const SpanContext& account, std::string_view account_id, std::string_view region) = 0;
  // Ends every region span opened under `account`.
  virtual void close_regions(const SpanContext& account) = 0;
};

inline std::atomic<SpanRecorder*>& SpanRecorderSlot() {
  static std::atomic<SpanRecorder*> slot{nullptr};
  return slot;
}
// The installed recorder, or nullptr when tracing is off.
inline SpanRecorder* ActiveSpanRecorder() { return SpanRecorderSlot().load(std::memory_order_acquire); }
inline void InstallSpanRecorder(SpanRecorder* recorder) {
  SpanRecorderSlot().store(recorder, std::memory_order_release);
}

// A span open for this object's lifetime. With `enter` (the default) it is
// also the thread's current scope meanwhile, with account `account` (the
// enclosing scope's when empty); such spans must end in reverse order of
// their start on their thread. Does nothing but set the scope when tracing
// is off.
class ScopedSpan {
 public:
  ScopedSpan(std::string name, const SpanContext& parent, std::string account = {}, SpanKind kind = SpanKind::kInternal,
             bool enter = true)
      : recorder_(ActiveSpanRecorder()) {
    scope_.account = account.empty() ? CurrentScope().account : std::move(account);
    scope_.span = recorder_ ? NewSpanContext(parent) : parent;
    if (recorder_) {
      data_.name = std::move(name);
      data_.context = scope_.span;
      data_.parent = parent.valid() ? parent.span_id : SpanId{};
      data_.kind = kind;
      data_.start_ns = NowUnixNanos();
    }
    if (enter) guard_.emplace(scope_);
  }
  // A child of the thread's current span.
  explicit ScopedSpan(std::string name) : ScopedSpan(std::move(name), CurrentScope().span) {}
  ~ScopedSpan() {
    guard_.reset();
    if (!recorder_) return;
    data_.end_ns = NowUnixNanos();
    recorder_->record(std::move(data_));
  }
  ScopedSpan(const ScopedSpan&) = delete;
  ScopedSpan& operator=(const ScopedSpan&) = delete;

  bool recording() const { return recorder_ != nullptr; }
  // This span's context (the parent's when not recording).
  const SpanContext& context() const { return scope_.span; }
  // The scope tasks working for this span run in.
  const Scope& scope() const { return scope_; }
  void add(std::string key, std::string value) {
    if (recorder_) data_.add(std::move(key), std::move(value));
  }
  void add_int(std::string key, int64_t value) {
    if (recorder_) data_.add_int(std::move(key), value);
  }
  void fail(std::string message) {
    data_.error = true;
    data_.status_message = std::move(message);
  }

 private:
  SpanRecorder* recorder_;
  Scope scope_;
  SpanData data_;
  std::optional<ScopeGuard> guard_;
};

// The span of one collection task (a collector's section or part):
// "collect <service>", a child of the region's span (the account's span for
// global services).
class CollectorSpan {
 public:
  CollectorSpan(const SpanContext& account_span, const std::string& account_id, std::string_view service,
                std::string_view operation, std::string_view region)
      : span_(std::string("collect ") + std::string(service), parent_of(account_span, account_id, region), account_id) {
    if (!span_.recording()) return;
    span_.add("posture.collector", std::string(service));
    span_.add("posture.operation", std::string(operation));
    if (!region.empty()) span_.add("cloud.region", std::string(region));
    span_.add("cloud.account.id", account_id);
  }

 private:
  static SpanContext parent_of(const SpanContext& account_span, const std::string& account_id,
                               std::string_view region) {
    SpanRecorder* recorder = ActiveSpanRecorder();
    if (!recorder || !account_span.valid()) return CurrentScope().span;
    SpanContext region_span = recorder->region_span(account_span, account_id, region);
    return region_span.valid() ? region_span : account_span;
  }

  ScopedSpan span_;
};

// The span of one account's collection ("account"), under `parent`; closes
// the account's region spans before it ends. It does not change the
// thread's scope: the account's tasks enter it through CollectorSpan (or
// scope()), so several may be open on one thread in any order.
class AccountSpan {
 public:
  explicit AccountSpan(const std::string& account_id, const SpanContext& parent = CurrentScope().span)
      : span_("account", parent, account_id, SpanKind::kInternal, /*enter=*/false) {
    span_.add("cloud.account.id", account_id);
  }
  ~AccountSpan() {
    if (SpanRecorder* recorder = ActiveSpanRecorder()) recorder->close_regions(span_.context());
  }
  const SpanContext& context() const { return span_.context(); }
  const Scope& scope() const { return span_.scope(); }

 private:
  ScopedSpan span_;
};

// The span of one check's evaluation ("check <id>"), a child of the
// thread's current span (the scan's); nothing at all when tracing is off.
class CheckSpan {
 public:
  CheckSpan(std::string_view check_id, const std::string& account_id) {
    if (!ActiveSpanRecorder()) return;
    span_.emplace("check " + std::string(check_id), CurrentScope().span, account_id);
    span_->add("posture.check_id", std::string(check_id));
    if (!account_id.empty()) span_->add("cloud.account.id", account_id);
  }
  // Records how many findings the check produced.
  void findings(int64_t count) {
    if (span_) span_->add_int("posture.findings", count);
  }

 private:
  std::optional<ScopedSpan> span_;
};

}  // namespace posture::telemetry
