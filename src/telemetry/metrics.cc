#include "telemetry/metrics.h"

#include <algorithm>

namespace posture::telemetry {
namespace {

constexpr const char* kDroppedName = "posture_metrics_dropped_series_total";

}  // namespace

MetricFamily::MetricFamily(MetricsRegistry& registry, std::string name, std::string help, MetricType type,
                           std::vector<std::string> label_names, std::vector<double> buckets)
    : registry_(registry),
      name_(std::move(name)),
      help_(std::move(help)),
      type_(type),
      label_names_(std::move(label_names)),
      buckets_(std::move(buckets)) {}

FamilySnapshot MetricFamily::snapshot() const {
  FamilySnapshot out{name_, help_, type_, label_names_, buckets_, {}};
  std::lock_guard lock(mutex_);
  out.series = series_;
  return out;
}

void MetricFamily::clear() {
  std::lock_guard lock(mutex_);
  series_.clear();
}

SeriesValue* MetricFamily::series_locked(const LabelValues& labels) {
  if (detached_ || labels.size() != label_names_.size()) {
    ++registry_.dropped_;
    return nullptr;
  }
  auto it = series_.find(labels);
  if (it != series_.end()) return &it->second;
  if (series_.size() >= registry_.max_series_) {
    ++registry_.dropped_;
    return nullptr;
  }
  SeriesValue fresh;
  if (type_ == MetricType::kHistogram) fresh.bucket_counts.assign(buckets_.size(), 0);
  return &series_.emplace(labels, std::move(fresh)).first->second;
}

void Counter::inc(const LabelValues& labels, double by) {
  if (!(by >= 0)) return;
  std::lock_guard lock(mutex_);
  if (auto* series = series_locked(labels)) series->value += by;
}

double Counter::value(const LabelValues& labels) const {
  std::lock_guard lock(mutex_);
  auto it = series_.find(labels);
  return it == series_.end() ? 0 : it->second.value;
}

void Gauge::set(const LabelValues& labels, double value) {
  std::lock_guard lock(mutex_);
  if (auto* series = series_locked(labels)) series->value = value;
}

void Gauge::add(const LabelValues& labels, double by) {
  std::lock_guard lock(mutex_);
  if (auto* series = series_locked(labels)) series->value += by;
}

void Gauge::replace(const std::map<LabelValues, double>& values) {
  std::lock_guard lock(mutex_);
  series_.clear();
  for (const auto& [labels, value] : values) {
    if (auto* series = series_locked(labels)) series->value = value;
  }
}

double Gauge::value(const LabelValues& labels) const {
  std::lock_guard lock(mutex_);
  auto it = series_.find(labels);
  return it == series_.end() ? 0 : it->second.value;
}

void Histogram::observe(const LabelValues& labels, double value) {
  std::lock_guard lock(mutex_);
  auto* series = series_locked(labels);
  if (!series) return;
  // Buckets are stored per bound (not cumulative); exposition accumulates.
  auto bound = std::lower_bound(buckets_.begin(), buckets_.end(), value);
  if (bound != buckets_.end()) ++series->bucket_counts[bound - buckets_.begin()];
  series->sum += value;
  ++series->count;
}

uint64_t Histogram::count(const LabelValues& labels) const {
  std::lock_guard lock(mutex_);
  auto it = series_.find(labels);
  return it == series_.end() ? 0 : it->second.count;
}

std::vector<double> LatencyBuckets() { return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}; }

MetricsRegistry::MetricsRegistry(size_t max_series) : max_series_(max_series) {}

template <typename T>
T& MetricsRegistry::family(const std::string& name, const std::string& help, MetricType type,
                           std::vector<std::string> label_names, std::vector<double> buckets) {
  std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it != families_.end()) {
    if (auto* existing = dynamic_cast<T*>(it->second.get())) return *existing;
    // Same name, another type: hand out a family that is never exposed and
    // takes no series, so the mistake shows as dropped series.
    auto* detached = new T(*this, name, help, type, {}, {});
    detached->detached_ = true;
    detached_.emplace_back(detached);
    return *detached;
  }
  std::sort(buckets.begin(), buckets.end());
  buckets.erase(std::unique(buckets.begin(), buckets.end()), buckets.end());
  auto* created = new T(*this, name, help, type, std::move(label_names), std::move(buckets));
  families_.emplace(name, created);
  return *created;
}

Counter& MetricsRegistry::counter(const std::string& name, const std::string& help,
                                  std::vector<std::string> label_names) {
  return family<Counter>(name, help, MetricType::kCounter, std::move(label_names), {});
}

Gauge& MetricsRegistry::gauge(const std::string& name, const std::string& help, std::vector<std::string> label_names) {
  return family<Gauge>(name, help, MetricType::kGauge, std::move(label_names), {});
}

Histogram& MetricsRegistry::histogram(const std::string& name, const std::string& help,
                                      std::vector<std::string> label_names, std::vector<double> buckets) {
  return family<Histogram>(name, help, MetricType::kHistogram, std::move(label_names), std::move(buckets));
}

std::vector<FamilySnapshot> MetricsRegistry::snapshot() const {
  std::vector<FamilySnapshot> out;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, family] : families_) {
      if (name != kDroppedName) out.push_back(family->snapshot());
    }
  }
  FamilySnapshot dropped{kDroppedName,
                         "Metric series dropped because a family reached its series limit or got the wrong labels.",
                         MetricType::kCounter,
                         {},
                         {},
                         {}};
  dropped.series[{}].value = static_cast<double>(dropped_.load());
  out.insert(std::upper_bound(out.begin(), out.end(), dropped,
                              [](const FamilySnapshot& a, const FamilySnapshot& b) { return a.name < b.name; }),
             std::move(dropped));
  return out;
}

MetricsRegistry& DefaultRegistry() {
  static auto* registry = new MetricsRegistry();
  return *registry;
}

}  // namespace posture::telemetry
