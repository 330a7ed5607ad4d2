// Durations on the command line: "30s", "15m", "1h", "1h30m", "500ms" (Go
// and Prometheus style: one or more number+unit pairs, units ms, s, m, h, d).
// Pure functions: thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/error.h"

namespace posture::serve {

// The duration `text` spells; kInvalidInput with a one-line message for an
// empty text, a number without a unit, an unknown unit, or a duration over
// 365 days.
[[nodiscard]] base::Result<std::chrono::milliseconds> ParseDuration(std::string_view text);

// "15m", "1h30m", "2s", "250ms": the shortest spelling ParseDuration reads back.
std::string FormatDuration(std::chrono::milliseconds duration);

}  // namespace posture::serve
