// Pushing metrics to a Prometheus Pushgateway (batch jobs that end before a
// scrape could reach them).
//
// PushMetrics PUTs the text format to {url}/metrics/job/{job}, which
// replaces every metric the gateway held for that job. It uses posture's own
// HTTP transport, so proxies and CA bundles work as for AWS calls. A gateway
// that is down or answers non-2xx gives an error value; callers warn and go
// on (a push never changes a scan's outcome). Thread-safe.
#pragma once

#include <chrono>
#include <string>

#include "aws/http.h"
#include "base/error.h"

namespace posture::telemetry {

struct PushOptions {
  std::string job = "posture";
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
};

// Checks a --pushgateway value: an http:// or https:// URL with a host and
// no query or fragment. Returns the message of a usage error, or "".
std::string ValidatePushgatewayUrl(const std::string& url);

// The push URL: {url without trailing slashes}/metrics/job/{job}.
std::string PushgatewayTarget(const std::string& url, const std::string& job);

// PUTs `text` (Prometheus text format 0.0.4). kNetwork when the gateway
// cannot be reached, kServiceUnavailable/kInvalidInput on a non-2xx answer
// (status and the start of its body in the message).
[[nodiscard]] base::Status PushMetrics(aws::HttpTransport& transport, const std::string& url, const std::string& text,
                                       const PushOptions& options = {});

}  // namespace posture::telemetry
