// A manual clock for tests: now() is fixed until advanced; sleep_for()
// advances time and records the requested sleeps. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string_view>
#include <vector>

#include "aws/clock.h"

namespace posture::testing {

class FakeClock : public aws::Clock {
 public:
  FakeClock();
  explicit FakeClock(TimePoint start) : now_(start) {}
  // Parses "2015-08-30T12:36:00Z".
  static TimePoint Parse(std::string_view iso8601);

  TimePoint now() const override;
  void sleep_for(std::chrono::milliseconds duration) override;
  void advance(std::chrono::milliseconds duration);
  std::vector<std::chrono::milliseconds> sleeps() const;

 private:
  mutable std::mutex mutex_;
  TimePoint now_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace posture::testing
