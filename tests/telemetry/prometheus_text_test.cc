// The Prometheus text exposition format 0.0.4.
#include "telemetry/prometheus_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace posture::telemetry {
namespace {

TEST(PrometheusText, EscapesLabelValuesAndHelp) {
  EXPECT_EQ(EscapeLabelValue(R"(a\b"c)"
                             "\n"
                             "d"),
            R"(a\\b\"c\nd)");
  EXPECT_EQ(EscapeLabelValue("plain ünïcode"), "plain ünïcode");
  EXPECT_EQ(EscapeHelp("line\\one\nline \"two\""), "line\\\\one\\nline \"two\"");
}

TEST(PrometheusText, FormatsSampleValues) {
  EXPECT_EQ(FormatSampleValue(3), "3");
  EXPECT_EQ(FormatSampleValue(-2), "-2");
  EXPECT_EQ(FormatSampleValue(0.25), "0.25");
  EXPECT_EQ(FormatSampleValue(1764547200.5), "1764547200.5");
  EXPECT_EQ(FormatSampleValue(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(FormatSampleValue(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(FormatSampleValue(std::nan("")), "NaN");
  EXPECT_EQ(std::stod(FormatSampleValue(0.1 + 0.2)), 0.1 + 0.2);  // round-trips exactly
}

TEST(PrometheusText, CounterAndGaugeWithLabelsInDeclaredOrder) {
  MetricsRegistry registry;
  registry.counter("t_requests_total", "Requests.", {"service", "code"}).inc({"ec2", "ok"}, 2);
  registry.gauge("t_value", "A value.").set(1.5);
  std::string text = RenderPrometheusText(registry);
  EXPECT_NE(text.find("# HELP t_requests_total Requests.\n# TYPE t_requests_total counter\n"
                      "t_requests_total{service=\"ec2\",code=\"ok\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("# TYPE t_value gauge\nt_value 1.5\n"), std::string::npos) << text;
}

TEST(PrometheusText, LabelValuesAreEscapedInSeries) {
  MetricsRegistry registry;
  registry.gauge("t_g", "h", {"v"}).set({"say \"hi\"\\\n"}, 1);
  EXPECT_NE(RenderPrometheusText(registry).find(R"(t_g{v="say \"hi\"\\\n"} 1)"), std::string::npos);
}

TEST(PrometheusText, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  MetricsRegistry registry;
  auto& histogram = registry.histogram("t_seconds", "Latency.", {"service"}, {0.1, 1});
  histogram.observe({"s3"}, 0.05);
  histogram.observe({"s3"}, 0.5);
  histogram.observe({"s3"}, 2);
  std::string text = RenderPrometheusText(registry);
  EXPECT_NE(text.find("# TYPE t_seconds histogram\n"
                      "t_seconds_bucket{service=\"s3\",le=\"0.1\"} 1\n"
                      "t_seconds_bucket{service=\"s3\",le=\"1\"} 2\n"
                      "t_seconds_bucket{service=\"s3\",le=\"+Inf\"} 3\n"
                      "t_seconds_sum{service=\"s3\"} 2.55\n"
                      "t_seconds_count{service=\"s3\"} 3\n"),
            std::string::npos)
      << text;
}

TEST(PrometheusText, HistogramWithoutLabelsPutsOnlyLe) {
  MetricsRegistry registry;
  registry.histogram("t_seconds", "h", {}, {1}).observe({}, 0.5);
  std::string text = RenderPrometheusText(registry);
  EXPECT_NE(text.find("t_seconds_bucket{le=\"1\"} 1\nt_seconds_bucket{le=\"+Inf\"} 1\nt_seconds_sum 0.5\n"),
            std::string::npos)
      << text;
}

TEST(PrometheusText, FamiliesWithoutSeriesAreLeftOutAndOrderIsByName) {
  MetricsRegistry registry;
  registry.counter("t_b_total", "h", {"x"});
  registry.gauge("t_c", "h").set(1);
  registry.gauge("t_a", "h").set(1);
  std::string text = RenderPrometheusText(registry);
  EXPECT_EQ(text.find("t_b_total"), std::string::npos);
  EXPECT_LT(text.find("t_a "), text.find("t_c "));
  EXPECT_NE(text.find("posture_metrics_dropped_series_total 0\n"), std::string::npos);
}

}  // namespace
}  // namespace posture::telemetry
