#include "aws/credentials/refreshing_provider.h"

#include <exception>

namespace posture::aws {

RefreshingProvider::RefreshingProvider(std::shared_ptr<CredentialProvider> inner, Clock& clock, RefreshTiming timing)
    : inner_(std::move(inner)), clock_(clock), timing_(timing) {}

uint64_t RefreshingProvider::refresh_count() const {
  std::lock_guard lock(mutex_);
  return refreshes_;
}

uint64_t RefreshingProvider::failed_refresh_count() const {
  std::lock_guard lock(mutex_);
  return failed_refreshes_;
}

bool RefreshingProvider::usable_locked(Clock::TimePoint now) const {
  return cached_ && !cached_->expires_within(now, timing_.mandatory);
}

base::Result<Credentials> RefreshingProvider::fetch() {
  std::unique_lock lock(mutex_);
  for (;;) {
    Clock::TimePoint now = clock_.now();
    if (cached_ && !cached_->expires_within(now, timing_.advisory)) return *cached_;
    bool usable = usable_locked(now);
    if (refreshing_) {
      if (usable) return *cached_;
      uint64_t seen = refreshes_;
      refreshed_.wait(lock, [&] { return !refreshing_; });
      if (refreshes_ != seen && last_error_ && !usable_locked(clock_.now())) return *last_error_;
      continue;
    }
    if (usable && now < next_attempt_) return *cached_;

    refreshing_ = true;
    lock.unlock();
    base::Result<Credentials> result =
        base::Error::Internal("credential provider " + inner_->name() + " threw an exception");
    try {
      result = inner_->fetch();
    } catch (const std::exception& e) {
      result = base::Error::Internal("credential provider " + inner_->name() + " threw: " + e.what());
    } catch (...) {
    }
    lock.lock();
    refreshing_ = false;
    ++refreshes_;
    now = clock_.now();
    next_attempt_ = now + timing_.retry_interval;
    if (result.ok()) {
      cached_ = std::move(result).value();
      last_error_.reset();
      refreshed_.notify_all();
      return *cached_;
    }
    ++failed_refreshes_;
    last_error_ = result.error();
    refreshed_.notify_all();
    if (usable_locked(now)) return *cached_;
    return result.error();
  }
}

}  // namespace posture::aws
