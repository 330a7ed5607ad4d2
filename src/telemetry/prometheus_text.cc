#include "telemetry/prometheus_text.h"

#include <charconv>
#include <cmath>

namespace posture::telemetry {
namespace {

const char* TypeName(MetricType type) {
  switch (type) {
    case MetricType::kCounter:
      return "counter";
    case MetricType::kGauge:
      return "gauge";
    case MetricType::kHistogram:
      return "histogram";
  }
  return "untyped";
}

// {a="x",b="y"} (with `le` appended for histogram buckets), or "" without labels.
std::string LabelSet(const std::vector<std::string>& names, const LabelValues& values, const std::string* le) {
  if (names.empty() && !le) return "";
  std::string out = "{";
  for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
    if (i) out += ',';
    out += names[i] + "=\"" + EscapeLabelValue(values[i]) + "\"";
  }
  if (le) out += std::string(names.empty() ? "" : ",") + "le=\"" + *le + "\"";
  return out + "}";
}

void AppendHistogram(const FamilySnapshot& family, const LabelValues& labels, const SeriesValue& series,
                     std::string& out) {
  uint64_t cumulative = 0;
  for (size_t i = 0; i < family.buckets.size(); ++i) {
    cumulative += i < series.bucket_counts.size() ? series.bucket_counts[i] : 0;
    std::string le = FormatSampleValue(family.buckets[i]);
    out +=
        family.name + "_bucket" + LabelSet(family.label_names, labels, &le) + " " + std::to_string(cumulative) + "\n";
  }
  std::string inf = "+Inf";
  out +=
      family.name + "_bucket" + LabelSet(family.label_names, labels, &inf) + " " + std::to_string(series.count) + "\n";
  out +=
      family.name + "_sum" + LabelSet(family.label_names, labels, nullptr) + " " + FormatSampleValue(series.sum) + "\n";
  out += family.name + "_count" + LabelSet(family.label_names, labels, nullptr) + " " + std::to_string(series.count) +
         "\n";
}

}  // namespace

std::string EscapeLabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeHelp(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string FormatSampleValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  constexpr double kExactIntegers = 9007199254740992.0;  // 2^53
  if (value == std::floor(value) && std::fabs(value) < kExactIntegers) {
    return std::to_string(static_cast<int64_t>(value));
  }
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return ec == std::errc() ? std::string(buffer, end) : "NaN";
}

std::string RenderPrometheusText(const std::vector<FamilySnapshot>& families) {
  std::string out;
  for (const auto& family : families) {
    if (family.series.empty()) continue;
    out += "# HELP " + family.name + " " + EscapeHelp(family.help) + "\n";
    out += "# TYPE " + family.name + " " + TypeName(family.type) + "\n";
    for (const auto& [labels, series] : family.series) {
      if (family.type == MetricType::kHistogram) {
        AppendHistogram(family, labels, series, out);
      } else {
        out +=
            family.name + LabelSet(family.label_names, labels, nullptr) + " " + FormatSampleValue(series.value) + "\n";
      }
    }
  }
  return out;
}

std::string RenderPrometheusText(const MetricsRegistry& registry) { return RenderPrometheusText(registry.snapshot()); }

}  // namespace posture::telemetry
