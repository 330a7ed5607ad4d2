#include "serve/duration.h"

#include <cctype>

namespace posture::serve {
namespace {

constexpr int64_t kMsPerSecond = 1000;
constexpr int64_t kMsPerMinute = 60 * kMsPerSecond;
constexpr int64_t kMsPerHour = 60 * kMsPerMinute;
constexpr int64_t kMsPerDay = 24 * kMsPerHour;
constexpr int64_t kMaxMs = 365 * kMsPerDay;

base::Error Malformed(std::string_view text, const std::string& why) {
  return base::Error::InvalidInput("'" + std::string(text) + "' is not a duration (" + why +
                                   "; write it like 30s, 15m, 1h or 1h30m)");
}

}  // namespace

base::Result<std::chrono::milliseconds> ParseDuration(std::string_view text) {
  if (text.empty()) return Malformed(text, "it is empty");
  int64_t total = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return Malformed(text, "expected a number");
    int64_t number = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      number = number * 10 + (text[i] - '0');
      if (number > kMaxMs) return Malformed(text, "longer than 365 days");
      ++i;
    }
    size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view unit = text.substr(unit_start, i - unit_start);
    int64_t scale = 0;
    if (unit == "ms") {
      scale = 1;
    } else if (unit == "s") {
      scale = kMsPerSecond;
    } else if (unit == "m") {
      scale = kMsPerMinute;
    } else if (unit == "h") {
      scale = kMsPerHour;
    } else if (unit == "d") {
      scale = kMsPerDay;
    } else if (unit.empty()) {
      return Malformed(text, "a number needs a unit: ms, s, m, h or d");
    } else {
      return Malformed(text, "unknown unit '" + std::string(unit) + "'");
    }
    total += number * scale;
    if (total > kMaxMs) return Malformed(text, "longer than 365 days");
  }
  return std::chrono::milliseconds(total);
}

std::string FormatDuration(std::chrono::milliseconds duration) {
  int64_t ms = duration.count();
  if (ms == 0) return "0s";
  std::string out;
  for (auto [scale, unit] :
       {std::pair{kMsPerDay, "d"}, {kMsPerHour, "h"}, {kMsPerMinute, "m"}, {kMsPerSecond, "s"}, {int64_t{1}, "ms"}}) {
    if (ms >= scale) {
      out += std::to_string(ms / scale) + unit;
      ms %= scale;
    }
  }
  return out;
}

}  // namespace posture::serve
