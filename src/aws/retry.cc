#include "aws/retry.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <string_view>

namespace posture::aws {
namespace {

constexpr std::array<std::string_view, 7> kTransientCodes = {
    "RequestTimeout",  "RequestTimeoutException", "PriorRequestNotComplete", "InternalError",
    "InternalFailure", "ServiceUnavailable",      "IDPCommunicationError"};
constexpr std::array<int, 4> kTransientStatuses = {500, 502, 503, 504};

constexpr int kInitialRetryQuota = 500;
constexpr int kRetryCost = 5;
constexpr int kNetworkRetryCost = 10;
constexpr int kNoRetryIncrement = 1;

// CUBIC constants of the SDKs' adaptive mode.
constexpr double kBeta = 0.7;
constexpr double kScaleConstant = 0.4;
constexpr double kSmoothing = 0.8;
constexpr double kMinFillRate = 0.5;
constexpr double kMinCapacity = 1.0;

double DefaultRandom() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

bool IsRetryable(const base::Error& error) {
  if (error.kind() == base::ErrorKind::kThrottled || base::IsThrottlingCode(error.code())) return true;
  if (error.kind() == base::ErrorKind::kNetwork) return error.code() != "TlsVerificationFailed";
  if (std::find(kTransientCodes.begin(), kTransientCodes.end(), error.code()) != kTransientCodes.end()) return true;
  return std::find(kTransientStatuses.begin(), kTransientStatuses.end(), error.http_status()) !=
         kTransientStatuses.end();
}

AdaptiveRateLimiter::AdaptiveRateLimiter(Clock& clock) : clock_(clock) {
  last_rate_bucket_ = std::floor(now_seconds());
  last_refill_ = now_seconds();
}

double AdaptiveRateLimiter::now_seconds() const {
  using namespace std::chrono;
  return duration<double>(clock_.now().time_since_epoch()).count();
}

void AdaptiveRateLimiter::refill_locked(double now_s) {
  double elapsed = std::max(0.0, now_s - last_refill_);
  current_capacity_ = std::min(max_capacity_, current_capacity_ + elapsed * fill_rate_);
  last_refill_ = now_s;
}

void AdaptiveRateLimiter::acquire() {
  for (;;) {
    std::chrono::milliseconds wait{0};
    {
      std::lock_guard lock(mutex_);
      if (!enabled_) return;
      refill_locked(now_seconds());
      if (current_capacity_ >= 1.0) {
        current_capacity_ -= 1.0;
        return;
      }
      double seconds = (1.0 - current_capacity_) / fill_rate_;
      wait = std::chrono::milliseconds(static_cast<int64_t>(std::ceil(seconds * 1000.0)));
    }
    clock_.sleep_for(std::max(wait, std::chrono::milliseconds(1)));
  }
}

RegionRateLimit::RegionRateLimit(double per_second, Clock& clock) : clock_(clock), per_second_(per_second) {}

void RegionRateLimit::acquire(const std::string& region) {
  std::chrono::milliseconds wait{0};
  {
    std::lock_guard lock(mutex_);
    const Clock::TimePoint now = clock_.now();
    auto [entry, inserted] = buckets_.try_emplace(region, Bucket{per_second_, now});
    Bucket& bucket = entry->second;
    const double elapsed_s = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(per_second_, bucket.tokens + std::max(0.0, elapsed_s) * per_second_);
    bucket.updated = now;
    // The token is taken now; a negative balance is the queue of callers
    // ahead, each waiting for its own token to accrue.
    bucket.tokens -= 1.0;
    if (bucket.tokens >= -1e-9) return;
    wait = std::chrono::milliseconds(static_cast<int64_t>(std::ceil(-bucket.tokens / per_second_ * 1000.0 - 1e-6)));
  }
  clock_.sleep_for(wait);
}

void AdaptiveRateLimiter::on_response(bool throttled) {
  std::lock_guard lock(mutex_);
  double now_s = now_seconds();

  // Measured send rate, smoothed over half-second buckets.
  double bucket = std::floor(now_s * 2.0) / 2.0;
  ++request_count_;
  if (bucket > last_rate_bucket_) {
    double current_rate = request_count_ / (bucket - last_rate_bucket_);
    measured_rate_ = current_rate * kSmoothing + measured_rate_ * (1.0 - kSmoothing);
    request_count_ = 0;
    last_rate_bucket_ = bucket;
  }

  double calculated;
  if (throttled) {
    double rate = enabled_ ? std::min(measured_rate_, fill_rate_) : measured_rate_;
    last_max_rate_ = rate;
    last_throttle_time_ = now_s;
    calculated = rate * kBeta;
    enabled_ = true;
  } else {
    if (!enabled_) return;
    double window = std::cbrt(last_max_rate_ * (1.0 - kBeta) / kScaleConstant);
    double t = now_s - last_throttle_time_ - window;
    calculated = kScaleConstant * t * t * t + last_max_rate_;
  }
  double new_rate = std::min(calculated, 2.0 * measured_rate_);
  refill_locked(now_s);
  fill_rate_ = std::max(new_rate, kMinFillRate);
  max_capacity_ = std::max(new_rate, kMinCapacity);
  current_capacity_ = std::min(current_capacity_, max_capacity_);
}

double AdaptiveRateLimiter::fill_rate() const {
  std::lock_guard lock(mutex_);
  return enabled_ ? fill_rate_ : 0.0;
}

RetryStrategy::RetryStrategy(RetryOptions options, Clock& clock)
    : options_(std::move(options)), clock_(clock), quota_(kInitialRetryQuota) {
  if (!options_.random) options_.random = DefaultRandom;
  options_.max_attempts = std::max(1, options_.max_attempts);
}

AdaptiveRateLimiter& RetryStrategy::limiter(const std::string& scope) {
  std::lock_guard lock(mutex_);
  auto& slot = limiters_[scope];
  if (!slot) slot = std::make_unique<AdaptiveRateLimiter>(clock_);
  return *slot;
}

void RetryStrategy::before_attempt(const std::string& scope) {
  if (options_.adaptive) limiter(scope).acquire();
}

std::optional<std::chrono::milliseconds> RetryStrategy::on_failure(const std::string& scope, const base::Error& error,
                                                                   int attempt) {
  bool throttled = error.kind() == base::ErrorKind::kThrottled || base::IsThrottlingCode(error.code());
  if (options_.adaptive) limiter(scope).on_response(throttled);
  if (!IsRetryable(error) || attempt >= options_.max_attempts) return std::nullopt;
  {
    std::lock_guard lock(mutex_);
    int cost = error.kind() == base::ErrorKind::kNetwork ? kNetworkRetryCost : kRetryCost;
    if (quota_ < cost) return std::nullopt;
    quota_ -= cost;
  }
  double exponential = std::pow(2.0, attempt - 1) * 1000.0;
  double delay_ms = std::min(options_.random() * exponential, static_cast<double>(options_.max_backoff.count()));
  return std::chrono::milliseconds(static_cast<int64_t>(delay_ms));
}

void RetryStrategy::on_success(const std::string& scope, bool retried) {
  if (options_.adaptive) limiter(scope).on_response(false);
  std::lock_guard lock(mutex_);
  quota_ = std::min(kInitialRetryQuota, quota_ + (retried ? kRetryCost : kNoRetryIncrement));
}

}  // namespace posture::aws
