// Structured logging: one event per line, as JSON (for Loki and
// Elasticsearch, no parsing rules needed) or as human-readable text.
//
// A LogEvent is a level, a message and ordered key/value fields; the
// logger stamps the time and, from the thread's current scope
// (trace_context.h), the account and the trace and span ids. Events below
// the logger's level cost one atomic load. Every sink receives every
// enabled event. Thread-safe: Log() may be called from any thread; sinks
// are added before the first event and live until the logger is reset.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace posture::telemetry {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kOff = 4 };

// "debug", "info", "warn", "error".
const char* LogLevelName(LogLevel level);
// Parses "debug|info|warn|error" (also "warning"), any case.
std::optional<LogLevel> ParseLogLevel(std::string_view text);

enum class LogFormat { kText, kJson };
// Parses "text|json".
std::optional<LogFormat> ParseLogFormat(std::string_view text);
// The default format: json unless stderr is a terminal.
LogFormat DefaultLogFormat(bool stderr_is_tty);

struct LogField {
  std::string key;
  std::string text;
  int64_t number = 0;
  bool is_number = false;
};

struct LogEvent {
  std::chrono::system_clock::time_point time = std::chrono::system_clock::now();
  LogLevel level = LogLevel::kInfo;
  std::string msg;
  std::vector<LogField> fields;  // in the order they are written

  LogEvent& with(std::string key, std::string value);
  LogEvent& with(std::string key, int64_t value);
  // The value of field `key`, or nullptr.
  const LogField* field(std::string_view key) const;
};

// "2026-12-01T00:00:00.123Z": RFC 3339, UTC, milliseconds.
std::string Rfc3339Millis(std::chrono::system_clock::time_point time);

// One JSON object, no newline: {"ts":..,"level":..,"msg":..,<fields>}.
// Strings are escaped per RFC 8259 (control characters as \u00XX).
std::string FormatJsonLine(const LogEvent& event);
// "2026-12-01T00:00:00.123Z WARN  msg key=value key2="quoted value"".
std::string FormatTextLine(const LogEvent& event);
// `text` as the inside of a JSON string.
void AppendJsonEscaped(std::string& out, std::string_view text);

class LogSink {
 public:
  virtual ~LogSink() = default;
  // Receives every enabled event; must not block for long (any thread).
  virtual void write(const LogEvent& event) = 0;
};

// Writes each event as one line to a FILE* (stderr), under a lock.
class StreamSink final : public LogSink {
 public:
  StreamSink(std::FILE* stream, LogFormat format) : stream_(stream), format_(format) {}
  void write(const LogEvent& event) override;

 private:
  std::FILE* stream_;
  LogFormat format_;
  std::mutex mutex_;
};

class Logger {
 public:
  Logger() = default;
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  void set_level(LogLevel level) { level_.store(level, std::memory_order_relaxed); }
  LogLevel level() const { return level_.load(std::memory_order_relaxed); }
  bool enabled(LogLevel level) const { return level >= this->level() && level != LogLevel::kOff; }
  // Adds a sink (before logging starts).
  void add_sink(std::shared_ptr<LogSink> sink);
  // Removes every sink and turns logging off.
  void reset();
  bool has_sinks() const;

  // Adds the scope's account/trace fields, then hands the event to the sinks.
  void log(LogEvent event);

 private:
  std::atomic<LogLevel> level_{LogLevel::kOff};
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<LogSink>> sinks_;
};

// The process's logger (off until configured).
Logger& GlobalLogger();

inline bool LogEnabled(LogLevel level) { return GlobalLogger().enabled(level); }
// Logs `msg` at `level` with `fields` (skipped cheaply when disabled).
void Log(LogLevel level, std::string msg, std::vector<LogField> fields = {});
inline void Log(LogEvent event) { GlobalLogger().log(std::move(event)); }

// Whether a stderr sink is configured (TelemetryWarning's choice).
void SetStderrLogging(bool on);

// A warning about posture's own telemetry (an export endpoint down): logged
// when stderr logging is on, else printed as one plain line to stderr.
void TelemetryWarning(const std::string& message);

}  // namespace posture::telemetry
