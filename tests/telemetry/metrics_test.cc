// The metrics registry: families, series, cardinality bound, thread safety.
#include "telemetry/metrics.h"

#include <gtest/gtest.h>

#include <thread>

#include "telemetry/metrics_catalog.h"

namespace posture::telemetry {
namespace {

TEST(MetricsRegistry, CountersAddAndNeverGoDown) {
  MetricsRegistry registry;
  auto& counter = registry.counter("t_requests_total", "help", {"service"});
  counter.inc({"ec2"});
  counter.inc({"ec2"}, 2);
  counter.inc({"ec2"}, -5);
  counter.inc({"iam"});
  EXPECT_EQ(counter.value({"ec2"}), 3);
  EXPECT_EQ(counter.value({"iam"}), 1);
  EXPECT_EQ(counter.value({"s3"}), 0);
}

TEST(MetricsRegistry, DeclaringTwiceReturnsTheSameFamily) {
  MetricsRegistry registry;
  auto& a = registry.counter("t_total", "help", {"x"});
  auto& b = registry.counter("t_total", "other help", {"x"});
  EXPECT_EQ(&a, &b);
}

TEST(MetricsRegistry, ClashingTypeIsDetachedAndCountedAsDropped) {
  MetricsRegistry registry;
  registry.counter("t_clash", "help").inc();
  auto& gauge = registry.gauge("t_clash", "help");
  gauge.set(5);
  EXPECT_EQ(registry.dropped_series(), 1u);
  auto families = registry.snapshot();
  int named = 0;
  for (const auto& family : families) named += family.name == "t_clash";
  EXPECT_EQ(named, 1);
}

TEST(MetricsRegistry, WrongLabelArityIsDropped) {
  MetricsRegistry registry;
  auto& counter = registry.counter("t_total", "help", {"a", "b"});
  counter.inc({"only-one"});
  EXPECT_EQ(registry.dropped_series(), 1u);
  EXPECT_TRUE(counter.snapshot().series.empty());
}

TEST(MetricsRegistry, SeriesBeyondTheLimitAreDroppedAndCounted) {
  MetricsRegistry registry(3);
  auto& counter = registry.counter("t_total", "help", {"id"});
  for (int i = 0; i < 10; ++i) counter.inc({std::to_string(i)});
  counter.inc({"0"});  // an existing series still counts
  EXPECT_EQ(counter.snapshot().series.size(), 3u);
  EXPECT_EQ(counter.value({"0"}), 2);
  EXPECT_EQ(registry.dropped_series(), 7u);
  bool exposed = false;
  for (const auto& family : registry.snapshot()) {
    if (family.name == "posture_metrics_dropped_series_total") {
      exposed = true;
      EXPECT_EQ(family.series.at({}).value, 7);
    }
  }
  EXPECT_TRUE(exposed);
}

TEST(MetricsRegistry, GaugeReplaceSwapsTheWholeSet) {
  MetricsRegistry registry;
  auto& gauge = registry.gauge("t_findings", "help", {"check"});
  gauge.set({"a"}, 1);
  gauge.set({"b"}, 2);
  gauge.replace({{{"c"}, 3}});
  auto series = gauge.snapshot().series;
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series.at({"c"}).value, 3);
  gauge.add({"c"}, -1);
  EXPECT_EQ(gauge.value({"c"}), 2);
}

TEST(MetricsRegistry, HistogramCountsPerBucket) {
  MetricsRegistry registry;
  auto& histogram = registry.histogram("t_seconds", "help", {}, {1, 0.1, 0.5, 0.5});
  for (double v : {0.05, 0.1, 0.3, 0.7, 5.0}) histogram.observe({}, v);
  auto family = histogram.snapshot();
  EXPECT_EQ(family.buckets, (std::vector<double>{0.1, 0.5, 1}));  // sorted, deduplicated
  const auto& series = family.series.at({});
  EXPECT_EQ(series.bucket_counts, (std::vector<uint64_t>{2, 1, 1}));  // 0.1 falls in le=0.1
  EXPECT_EQ(series.count, 5u);
  EXPECT_DOUBLE_EQ(series.sum, 6.15);
}

TEST(MetricsRegistry, ConcurrentIncrementsAreNotLost) {
  MetricsRegistry registry;
  auto& counter = registry.counter("t_total", "help", {"t"});
  auto& histogram = registry.histogram("t_seconds", "help", {"t"}, LatencyBuckets());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        counter.inc({"x"});
        histogram.observe({"x"}, 0.01);
        if (i % 1000 == 0) (void)registry.snapshot();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(counter.value({"x"}), 40000);
  EXPECT_EQ(histogram.count({"x"}), 40000u);
}

TEST(PostureMetrics, AwsCallRecordFillsRequestThrottleRetryAndLatency) {
  MetricsRegistry registry;
  PostureMetrics metrics(registry);
  aws::CallRecord ok;
  ok.service = "ec2";
  ok.operation = "DescribeVpcs";
  ok.region = "eu-west-1";
  ok.attempts = 3;
  ok.throttles = 2;
  ok.duration = std::chrono::milliseconds(120);
  metrics.observe_call(ok);
  aws::CallRecord denied = ok;
  denied.attempts = 1;
  denied.throttles = 0;
  denied.error_code = "UnauthorizedOperation";
  metrics.observe_call(denied);
  EXPECT_EQ(metrics.aws_requests_total.value({"ec2", "DescribeVpcs", "ok"}), 1);
  EXPECT_EQ(metrics.aws_requests_total.value({"ec2", "DescribeVpcs", "UnauthorizedOperation"}), 1);
  EXPECT_EQ(metrics.aws_throttles_total.value({"ec2", "eu-west-1"}), 2);
  EXPECT_EQ(metrics.aws_retries_total.value({"ec2"}), 2);
  EXPECT_EQ(metrics.aws_request_duration_seconds.count({"ec2"}), 2u);
}

}  // namespace
}  // namespace posture::telemetry
