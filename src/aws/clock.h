// Time as seen by the AWS layer: a seam so tests run with a fixed clock and
// record sleeps instead of waiting. Implementations must be thread-safe.
#pragma once

#include <chrono>

namespace posture::aws {

class Clock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
  // Blocks the calling thread for `duration` (a fake clock just advances).
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

// The real wall clock; a process-wide instance.
Clock& SystemClock();

}  // namespace posture::aws
