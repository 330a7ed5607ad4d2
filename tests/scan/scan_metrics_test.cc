// A scan's outcome as metrics.
#include "scan/scan_metrics.h"

#include <gtest/gtest.h>

namespace posture::scan {
namespace {

checks::Finding ScanMetricsFinding(const std::string& check, checks::FindingStatus status, const std::string& region,
                                   bool muted = false) {
  checks::Finding finding;
  finding.check_id = check;
  finding.status = status;
  finding.severity = checks::Severity::kHigh;
  finding.account_id = "123456789012";
  finding.region = region;
  finding.muted = muted;
  return finding;
}

TEST(ScanMetrics, SuccessReplacesFindingsAndCountsErrors) {
  telemetry::MetricsRegistry registry;
  telemetry::PostureMetrics metrics(registry);
  report::ScanResult first;
  first.findings = {ScanMetricsFinding("a", checks::FindingStatus::kFail, "us-east-1"),
                    ScanMetricsFinding("a", checks::FindingStatus::kFail, "us-east-1"),
                    ScanMetricsFinding("b", checks::FindingStatus::kPass, ""),
                    ScanMetricsFinding("c", checks::FindingStatus::kFail, "eu-west-1", true)};
  inventory::CollectionError denied;
  denied.service = "ec2";
  denied.kind = "access_denied";
  first.errors.push_back(denied);
  first.duration_seconds = 1.5;
  RecordScanSuccess(metrics, first, std::chrono::system_clock::time_point(std::chrono::seconds(1000)));
  EXPECT_EQ(metrics.findings.value({"high", "FAIL", "a", "123456789012", "us-east-1"}), 2);
  EXPECT_EQ(metrics.findings.value({"high", "PASS", "b", "123456789012", "global"}), 1);
  EXPECT_EQ(metrics.findings.value({"high", "MUTED", "c", "123456789012", "eu-west-1"}), 1);
  EXPECT_EQ(metrics.scan_errors_total.value({"access_denied"}), 1);
  EXPECT_EQ(metrics.scan_duration_seconds.value(), 1.5);
  EXPECT_EQ(metrics.last_scan_success_timestamp_seconds.value(), 1000);
  EXPECT_EQ(metrics.last_scan_success.value(), 1);

  report::ScanResult second;
  second.findings = {ScanMetricsFinding("b", checks::FindingStatus::kPass, "")};
  RecordScanSuccess(metrics, second, std::chrono::system_clock::time_point(std::chrono::seconds(2000)));
  EXPECT_EQ(metrics.findings.snapshot().series.size(), 1u);  // "a" and "c" are gone
  EXPECT_EQ(metrics.scans_total.value({"success"}), 2);
}

TEST(ScanMetrics, FailureKeepsTheLastFindings) {
  telemetry::MetricsRegistry registry;
  telemetry::PostureMetrics metrics(registry);
  report::ScanResult result;
  result.findings = {ScanMetricsFinding("a", checks::FindingStatus::kFail, "us-east-1")};
  RecordScanSuccess(metrics, result, std::chrono::system_clock::now());
  RecordScanFailure(metrics, "network");
  EXPECT_EQ(metrics.last_scan_success.value(), 0);
  EXPECT_EQ(metrics.scans_total.value({"failure"}), 1);
  EXPECT_EQ(metrics.scan_errors_total.value({"network"}), 1);
  EXPECT_EQ(metrics.findings.value({"high", "FAIL", "a", "123456789012", "us-east-1"}), 1);
}

}  // namespace
}  // namespace posture::scan
