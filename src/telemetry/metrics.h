// A small metrics registry: counters, gauges and histograms with label sets,
// exposed in the Prometheus text format 0.0.4 (prometheus_text.h).
//
// A family is declared once with its name, help text and label names; each
// distinct tuple of label values is one series. Label cardinality is bounded:
// a family holds at most `max_series` series; a new series beyond that (or a
// call with the wrong number of label values) is dropped and counted in
// posture_metrics_dropped_series_total, so a runaway label never grows memory
// without bound. Everything here is thread-safe: families are created under
// the registry's lock and live as long as the registry; each family guards
// its series with its own lock, and Snapshot() copies consistent values.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace posture::telemetry {

enum class MetricType { kCounter, kGauge, kHistogram };

using LabelValues = std::vector<std::string>;

// One series' value as exposed: counters and gauges use `value`; histograms
// use `bucket_counts` (per upper bound, not cumulative), `sum` and `count`.
struct SeriesValue {
  double value = 0;
  std::vector<uint64_t> bucket_counts;
  double sum = 0;
  uint64_t count = 0;
};

// A copy of one family for exposition.
struct FamilySnapshot {
  std::string name;
  std::string help;
  MetricType type = MetricType::kCounter;
  std::vector<std::string> label_names;
  std::vector<double> buckets;  // histogram upper bounds, ascending, without +Inf
  std::map<LabelValues, SeriesValue> series;
};

class MetricsRegistry;

// State shared by the three family kinds; not used directly.
class MetricFamily {
 public:
  MetricFamily(const MetricFamily&) = delete;
  MetricFamily& operator=(const MetricFamily&) = delete;
  virtual ~MetricFamily() = default;

  const std::string& name() const { return name_; }
  FamilySnapshot snapshot() const;
  // Removes every series (a gauge about to be refilled, tests).
  void clear();

 protected:
  MetricFamily(MetricsRegistry& registry, std::string name, std::string help, MetricType type,
               std::vector<std::string> label_names, std::vector<double> buckets);
  // The series for `labels`, created when new; nullptr when dropped
  // (wrong arity or the family is full). Call with mutex_ held.
  SeriesValue* series_locked(const LabelValues& labels);

  MetricsRegistry& registry_;
  const std::string name_;
  const std::string help_;
  const MetricType type_;
  const std::vector<std::string> label_names_;
  const std::vector<double> buckets_;
  mutable std::mutex mutex_;
  std::map<LabelValues, SeriesValue> series_;
  bool detached_ = false;  // declared with a clashing type: takes no series

 private:
  friend class MetricsRegistry;
};

// A monotonically increasing count (names end in _total).
class Counter final : public MetricFamily {
 public:
  // Adds `by` (negative values are ignored: counters never go down).
  void inc(const LabelValues& labels = {}, double by = 1);
  double value(const LabelValues& labels = {}) const;  // 0 for an unknown series

 private:
  friend class MetricsRegistry;
  using MetricFamily::MetricFamily;
};

// A value that goes up and down.
class Gauge final : public MetricFamily {
 public:
  void set(const LabelValues& labels, double value);
  void set(double value) { set({}, value); }
  void add(const LabelValues& labels, double by);
  // Replaces every series at once, so a concurrent scrape sees either the
  // old set or the new one, never a mix.
  void replace(const std::map<LabelValues, double>& values);
  double value(const LabelValues& labels = {}) const;  // 0 for an unknown series

 private:
  friend class MetricsRegistry;
  using MetricFamily::MetricFamily;
};

// Observations counted into fixed buckets (names end in the base unit, _seconds).
class Histogram final : public MetricFamily {
 public:
  void observe(const LabelValues& labels, double value);
  uint64_t count(const LabelValues& labels = {}) const;

 private:
  friend class MetricsRegistry;
  using MetricFamily::MetricFamily;
};

// Buckets for request latencies in seconds: 5 ms to 30 s.
std::vector<double> LatencyBuckets();

class MetricsRegistry {
 public:
  static constexpr size_t kDefaultMaxSeries = 10000;
  explicit MetricsRegistry(size_t max_series = kDefaultMaxSeries);
  MetricsRegistry(const MetricsRegistry&) = delete;
  MetricsRegistry& operator=(const MetricsRegistry&) = delete;

  // Returns the family `name`, creating it on first use. Declaring a name
  // again returns the existing family; declaring it with another type is a
  // programming error and returns a detached family that is never exposed
  // (its updates are counted as dropped).
  Counter& counter(const std::string& name, const std::string& help, std::vector<std::string> label_names = {});
  Gauge& gauge(const std::string& name, const std::string& help, std::vector<std::string> label_names = {});
  Histogram& histogram(const std::string& name, const std::string& help, std::vector<std::string> label_names,
                       std::vector<double> buckets);

  // Every family in name order, plus posture_metrics_dropped_series_total.
  std::vector<FamilySnapshot> snapshot() const;
  // Series dropped so far (cardinality limit or wrong label arity).
  uint64_t dropped_series() const { return dropped_.load(); }
  size_t max_series() const { return max_series_; }

 private:
  friend class MetricFamily;
  template <typename T>
  T& family(const std::string& name, const std::string& help, MetricType type, std::vector<std::string> label_names,
            std::vector<double> buckets);

  const size_t max_series_;
  std::atomic<uint64_t> dropped_{0};
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<MetricFamily>> families_;
  std::vector<std::unique_ptr<MetricFamily>> detached_;
};

// The process-wide registry every part of posture records into (AWS calls,
// scans, exporters). Never destroyed.
MetricsRegistry& DefaultRegistry();

}  // namespace posture::telemetry
