// RefreshingProvider: caches the credentials of another provider and
// refreshes them before they expire.
//
// Credentials without an expiration are cached for good. Temporary ones are
// refreshed once they expire within the advisory window (5 minutes): one
// caller performs the refresh while concurrent callers keep using the
// cached credentials; once they are within the mandatory window (10 seconds,
// so a request signed now still arrives in time) or there are none, callers
// wait for that one refresh instead of starting their own. A refresh that
// fails while the cached credentials are still usable keeps them and is
// retried no sooner than 30 seconds later; a failure with nothing usable is
// returned to the caller and to everyone who waited on that refresh.
// Thread-safe: fetch() may be called from any number of threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "aws/clock.h"
#include "aws/credentials/credentials.h"

namespace posture::aws {

struct RefreshTiming {
  std::chrono::seconds advisory{std::chrono::minutes(5)};
  std::chrono::seconds mandatory{10};
  // Minimum time between two refresh attempts while cached credentials are
  // still usable.
  std::chrono::seconds retry_interval{30};
};

class RefreshingProvider final : public CredentialProvider {
 public:
  // `clock` must outlive the provider.
  RefreshingProvider(std::shared_ptr<CredentialProvider> inner, Clock& clock, RefreshTiming timing = {});

  base::Result<Credentials> fetch() override;
  std::string name() const override { return inner_->name(); }

  // Refreshes attempted so far, and how many of them failed (a failure
  // while cached credentials were still usable is a degraded mode worth a
  // warning and a metric); for tests and metrics.
  uint64_t refresh_count() const;
  uint64_t failed_refresh_count() const;

 private:
  bool usable_locked(Clock::TimePoint now) const;

  std::shared_ptr<CredentialProvider> inner_;
  Clock& clock_;
  RefreshTiming timing_;
  mutable std::mutex mutex_;
  std::condition_variable refreshed_;
  std::optional<Credentials> cached_;
  bool refreshing_ = false;
  uint64_t refreshes_ = 0;
  uint64_t failed_refreshes_ = 0;
  std::optional<base::Error> last_error_;  // of the latest refresh, when it failed
  Clock::TimePoint next_attempt_{};
};

}  // namespace posture::aws
