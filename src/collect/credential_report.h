// The IAM credential report: generate, poll until ready, decode, parse.
//
// GenerateCredentialReport starts a report (or reuses one under four hours
// old); GetCredentialReport answers ReportInProgress / ReportNotPresent
// until it is ready. Polling is bounded in count and in time slept. The
// CSV is read by header name, so column order and extra columns do not
// matter. Thread-safe: each call uses only its arguments.
#pragma once

#include <chrono>
#include <functional>
#include <string_view>
#include <vector>

#include "aws/client.h"
#include "base/error.h"
#include "inventory/inventory.h"

namespace posture::collect {

struct ReportPolling {
  int max_polls = 30;
  std::chrono::milliseconds first_delay{200};
  std::chrono::milliseconds max_delay{1000};
  std::chrono::milliseconds max_total_sleep{30000};
  std::function<void(std::chrono::milliseconds)> sleep;  // empty: std::this_thread::sleep_for
};

// Generates, waits for and parses the report; the failing call's error,
// or a "service_unavailable" error when the report is not ready in time.
inventory::Collected<std::vector<inventory::CredentialReportRow>> FetchCredentialReport(
    aws::AwsClient& client, const ReportPolling& polling = {});

// Parses the report's CSV. "N/A", "not_supported" and "no_information"
// read as nullopt (tri-state fields) or "" (dates). Parse error when there
// is no header row with a "user" column.
base::Result<std::vector<inventory::CredentialReportRow>> ParseCredentialReport(std::string_view csv);

}  // namespace posture::collect
