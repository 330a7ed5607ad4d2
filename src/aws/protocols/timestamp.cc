#include "aws/protocols/timestamp.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "aws/json.h"

namespace posture::aws {
namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kMicrosPerDay = kMicrosPerSecond * kSecondsPerDay;
// Keeps epoch arithmetic far from int64 overflow (about year 292,000).
constexpr double kMaxAbsEpochSeconds = 9.0e12;
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 7> kWeekdays = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // from 1970-01-01

struct Civil {
  int64_t year;
  unsigned month;
  unsigned day;
};

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t y, unsigned m) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeap(y)) ? 29 : kDays[m - 1];
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// A cursor over the text being parsed.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool done() const { return pos_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Exactly `count` digits.
  bool digits(size_t count, int64_t& out) {
    if (text_.size() - pos_ < count) return false;
    int64_t value = 0;
    for (size_t i = 0; i < count; ++i) {
      const char c = text_[pos_ + i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos_ += count;
    out = value;
    return true;
  }
  // One or more digits (at most `max`).
  bool some_digits(size_t max, int64_t& out) {
    size_t n = 0;
    while (pos_ + n < text_.size() && n < max && text_[pos_ + n] >= '0' && text_[pos_ + n] <= '9') ++n;
    return n > 0 && digits(n, out);
  }
  // A fraction after '.', as microseconds; extra digits are truncated.
  bool fraction(int64_t& micros) {
    int64_t value = 0;
    size_t n = 0;
    while (!done() && peek() >= '0' && peek() <= '9') {
      if (n < 6) value = value * 10 + (peek() - '0');
      ++n;
      ++pos_;
    }
    for (size_t i = n; i < 6; ++i) value *= 10;
    micros = value;
    return n > 0;
  }
  std::string_view rest() const { return text_.substr(pos_); }
  void skip_spaces() {
    while (peek() == ' ') ++pos_;
  }
  bool word(std::string_view& out) {
    const size_t start = pos_;
    while (!done() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))) ++pos_;
    out = text_.substr(start, pos_ - start);
    return !out.empty();
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

std::optional<EpochMicros> Compose(int64_t y, int64_t mo, int64_t d, int64_t h, int64_t mi, int64_t s, int64_t micros,
                                   int64_t offset_seconds) {
  if (mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, static_cast<unsigned>(mo))) return std::nullopt;
  if (h > 24 || mi > 59 || s > 60) return std::nullopt;
  const int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const int64_t seconds = days * kSecondsPerDay + h * 3600 + mi * 60 + s - offset_seconds;
  return seconds * kMicrosPerSecond + micros;
}

// "+01:00", "-0500", "+01", "Z".
bool ParseZone(Scanner& in, int64_t& offset_seconds) {
  offset_seconds = 0;
  if (in.done()) return true;
  if (in.accept('Z') || in.accept('z')) return true;
  const char sign = in.peek();
  if (sign != '+' && sign != '-') return false;
  in.accept(sign);
  int64_t hours = 0;
  int64_t minutes = 0;
  if (!in.digits(2, hours)) return false;
  in.accept(':');
  if (!in.done() && !in.digits(2, minutes)) return false;
  offset_seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
  return true;
}

std::optional<EpochMicros> ParseIso8601(std::string_view text) {
  Scanner in(text);
  int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, micros = 0, offset = 0;
  if (!in.digits(4, y) || !in.accept('-') || !in.digits(2, mo) || !in.accept('-') || !in.digits(2, d)) {
    return std::nullopt;
  }
  if (in.done()) return Compose(y, mo, d, 0, 0, 0, 0, 0);
  if (!in.accept('T') && !in.accept('t') && !in.accept(' ')) return std::nullopt;
  if (!in.digits(2, h) || !in.accept(':') || !in.digits(2, mi)) return std::nullopt;
  if (in.accept(':')) {
    if (!in.digits(2, s)) return std::nullopt;
    if ((in.accept('.') || in.accept(',')) && !in.fraction(micros)) return std::nullopt;
  }
  if (!ParseZone(in, offset) || !in.done()) return std::nullopt;
  return Compose(y, mo, d, h, mi, s, micros, offset);
}

// "Wed, 01 May 2024 12:00:00 GMT" (the weekday is optional and not checked).
std::optional<EpochMicros> ParseRfc822(std::string_view text) {
  Scanner in(text);
  std::string_view word;
  if (in.word(word)) {
    if (!in.accept(',')) return std::nullopt;
    in.skip_spaces();
  }
  int64_t d = 0, y = 0, h = 0, mi = 0, s = 0, offset = 0;
  if (!in.some_digits(2, d)) return std::nullopt;
  in.skip_spaces();
  if (!in.word(word)) return std::nullopt;
  int64_t month = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (word.size() == 3 && (word[0] | 0x20) == (kMonths[i][0] | 0x20) && word.substr(1) == kMonths[i] + 1) {
      month = static_cast<int64_t>(i) + 1;
    }
  }
  if (month == 0) return std::nullopt;
  in.skip_spaces();
  if (!in.digits(4, y)) return std::nullopt;
  in.skip_spaces();
  if (!in.digits(2, h) || !in.accept(':') || !in.digits(2, mi)) return std::nullopt;
  if (in.accept(':') && !in.digits(2, s)) return std::nullopt;
  in.skip_spaces();
  const std::string_view zone = in.rest();
  if (zone.empty() || zone == "GMT" || zone == "UTC" || zone == "UT" || zone == "Z") {
    return Compose(y, month, d, h, mi, s, 0, 0);
  }
  if (!ParseZone(in, offset) || !in.done()) return std::nullopt;
  return Compose(y, month, d, h, mi, s, 0, offset);
}

std::optional<EpochMicros> FromEpochSeconds(double seconds) {
  if (!std::isfinite(seconds) || std::fabs(seconds) > kMaxAbsEpochSeconds) return std::nullopt;
  return static_cast<EpochMicros>(std::llround(seconds * static_cast<double>(kMicrosPerSecond)));
}

std::optional<EpochMicros> ParseEpoch(std::string_view text) {
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return std::nullopt;
  }
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return FromEpochSeconds(value);
}

}  // namespace

std::optional<EpochMicros> ParseWireTimestamp(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);
  if (auto iso = ParseIso8601(text)) return iso;
  if (auto epoch = ParseEpoch(text)) return epoch;
  return ParseRfc822(text);
}

std::optional<EpochMicros> WireTimestampFromJson(const Json& value) {
  if (value.is_number()) return FromEpochSeconds(value.get<double>());
  if (value.is_string()) return ParseWireTimestamp(value.get_ref<const std::string&>());
  return std::nullopt;
}

std::string FormatIso8601(EpochMicros time) {
  const int64_t days = FloorDiv(time, kMicrosPerDay);
  const int64_t in_day = time - days * kMicrosPerDay;
  const Civil date = CivilFromDays(days);
  const int64_t seconds = in_day / kMicrosPerSecond;
  const int64_t micros = in_day % kMicrosPerSecond;
  char buffer[64];
  int n = std::snprintf(buffer, sizeof(buffer), "%04lld-%02u-%02uT%02lld:%02lld:%02lld",
                        static_cast<long long>(date.year), date.month, date.day, static_cast<long long>(seconds / 3600),
                        static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
  std::string out(buffer, static_cast<size_t>(n));
  if (micros != 0 && micros % 1000 == 0) {
    n = std::snprintf(buffer, sizeof(buffer), ".%03lld", static_cast<long long>(micros / 1000));
    out.append(buffer, static_cast<size_t>(n));
  } else if (micros != 0) {
    n = std::snprintf(buffer, sizeof(buffer), ".%06lld", static_cast<long long>(micros));
    out.append(buffer, static_cast<size_t>(n));
  }
  out += 'Z';
  return out;
}

std::string FormatRfc822(EpochMicros time) {
  const int64_t days = FloorDiv(time, kMicrosPerDay);
  const int64_t seconds = (time - days * kMicrosPerDay) / kMicrosPerSecond;
  const Civil date = CivilFromDays(days);
  const auto weekday = static_cast<size_t>(((days % 7) + 7) % 7);
  char buffer[64];
  const int n =
      std::snprintf(buffer, sizeof(buffer), "%s, %02u %s %04lld %02lld:%02lld:%02lld GMT", kWeekdays[weekday], date.day,
                    kMonths[date.month - 1], static_cast<long long>(date.year), static_cast<long long>(seconds / 3600),
                    static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
  return std::string(buffer, static_cast<size_t>(n));
}

int64_t EpochSeconds(EpochMicros time) { return FloorDiv(time, kMicrosPerSecond); }

Json FormatWireTimestamp(EpochMicros time, std::string_view format) {
  std::string lower(format);
  for (char& c : lower) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  if (lower == "unixtimestamp") return EpochSeconds(time);
  if (lower == "rfc822") return FormatRfc822(time);
  return FormatIso8601(time);
}

}  // namespace posture::aws
