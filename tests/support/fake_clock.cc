#include "support/fake_clock.h"

#include <ctime>
#include <string>

namespace posture::testing {

FakeClock::FakeClock() : now_(Parse("2026-01-15T10:00:00Z")) {}

FakeClock::TimePoint FakeClock::Parse(std::string_view iso8601) {
  std::tm tm{};
  std::string text(iso8601);
  strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

FakeClock::TimePoint FakeClock::now() const {
  std::lock_guard lock(mutex_);
  return now_;
}

void FakeClock::sleep_for(std::chrono::milliseconds duration) {
  std::lock_guard lock(mutex_);
  sleeps_.push_back(duration);
  now_ += duration;
}

void FakeClock::advance(std::chrono::milliseconds duration) {
  std::lock_guard lock(mutex_);
  now_ += duration;
}

std::vector<std::chrono::milliseconds> FakeClock::sleeps() const {
  std::lock_guard lock(mutex_);
  return sleeps_;
}

}  // namespace posture::testing
