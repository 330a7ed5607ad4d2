// Retry policy and client-side rate adaptation.
//
// RetryStrategy follows the AWS SDKs' "standard" retry mode: at most
// max_attempts attempts (default 3; AWS_MAX_ATTEMPTS / max_attempts in the
// config file), retry on throttling codes, on 500/502/503/504 and on
// transient network errors, never on other 4xx; delay before attempt n+1 is
// random(0,1) * 2^(n-1) seconds capped at 20 s ("full jitter"); a retry quota
// (500 tokens, 5 per retry, 10 per network error, refunded on success) stops
// retry storms when a service is down.
//
// AdaptiveRateLimiter adds the SDKs' "adaptive" idea: one token bucket per
// service and region whose fill rate drops multiplicatively when a throttle
// is seen and recovers along a cubic curve after. All classes are
// thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "aws/clock.h"
#include "base/error.h"

namespace posture::aws {

struct RetryOptions {
  int max_attempts = 3;
  std::chrono::milliseconds max_backoff{20000};
  bool adaptive = true;  // client-side rate limiting after throttles
  // Source of randomness in [0, 1); a seam for tests.
  std::function<double()> random;
};

// True when an error is worth another attempt: throttling, 5xx (500, 502,
// 503, 504), transient network failures.
bool IsRetryable(const base::Error& error);

// A token bucket for one service and region.
class AdaptiveRateLimiter {
 public:
  explicit AdaptiveRateLimiter(Clock& clock);
  // Blocks (via the clock) until a send token is available. Free until the
  // first throttle is seen.
  void acquire();
  // Feeds the outcome of a response back into the fill rate.
  void on_response(bool throttled);
  double fill_rate() const;  // tokens per second; 0 while unlimited

 private:
  void refill_locked(double now_s);
  double now_seconds() const;

  Clock& clock_;
  mutable std::mutex mutex_;
  bool enabled_ = false;
  double fill_rate_ = 0;
  double max_capacity_ = 0;
  double current_capacity_ = 0;
  double last_refill_ = 0;
  double last_max_rate_ = 0;
  double last_throttle_time_ = 0;
  double measured_rate_ = 0;
  double last_rate_bucket_ = 0;
  int request_count_ = 0;
};

// A fixed ceiling on one client's request rate in each region: a token
// bucket per region holding one second's worth of requests. With one client
// per account this is the per-account-and-region limit of organization
// scans (AWS throttles per account and region), so one large account
// cannot provoke throttling for itself or hold the shared workers.
class RegionRateLimit {
 public:
  // `per_second` > 0.
  RegionRateLimit(double per_second, Clock& clock);
  // Takes a token for `region`, first waiting (via the clock) for one to
  // accrue. Waiting callers are served in arrival order.
  void acquire(const std::string& region);
  double per_second() const { return per_second_; }

 private:
  struct Bucket {
    double tokens = 0;
    Clock::TimePoint updated;
  };

  Clock& clock_;
  const double per_second_;
  std::mutex mutex_;
  std::map<std::string, Bucket> buckets_;
};

class RetryStrategy {
 public:
  RetryStrategy(RetryOptions options, Clock& clock);

  int max_attempts() const { return options_.max_attempts; }
  // Waits for the rate limiter of `scope` (service/region) when adaptive.
  void before_attempt(const std::string& scope);
  // Records the outcome of an attempt; returns the delay before the next
  // attempt, or nullopt when the error must not be retried (not retryable,
  // attempts exhausted, retry quota empty). `attempt` counts from 1.
  std::optional<std::chrono::milliseconds> on_failure(const std::string& scope, const base::Error& error, int attempt);
  void on_success(const std::string& scope, bool retried);

 private:
  AdaptiveRateLimiter& limiter(const std::string& scope);

  RetryOptions options_;
  Clock& clock_;
  std::mutex mutex_;
  int quota_ = 500;
  std::map<std::string, std::unique_ptr<AdaptiveRateLimiter>> limiters_;
};

}  // namespace posture::aws
