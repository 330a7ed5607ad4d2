#include "telemetry/log.h"

#include <cstdio>
#include <ctime>

#include "base/strings.h"
#include "telemetry/trace_context.h"

namespace posture::telemetry {
namespace {

// A text value needs quotes when it is empty or holds a space, quote, '=' or control character.
bool NeedsQuotes(std::string_view text) {
  if (text.empty()) return true;
  for (unsigned char c : text) {
    if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

const char* LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
    case LogLevel::kOff:
      break;
  }
  return "off";
}

std::optional<LogLevel> ParseLogLevel(std::string_view text) {
  for (auto level : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
    if (base::EqualsIgnoreCase(text, LogLevelName(level))) return level;
  }
  if (base::EqualsIgnoreCase(text, "warning")) return LogLevel::kWarn;
  return std::nullopt;
}

std::optional<LogFormat> ParseLogFormat(std::string_view text) {
  if (base::EqualsIgnoreCase(text, "json")) return LogFormat::kJson;
  if (base::EqualsIgnoreCase(text, "text")) return LogFormat::kText;
  return std::nullopt;
}

LogFormat DefaultLogFormat(bool stderr_is_tty) { return stderr_is_tty ? LogFormat::kText : LogFormat::kJson; }

LogEvent& LogEvent::with(std::string key, std::string value) {
  fields.push_back({std::move(key), std::move(value), 0, false});
  return *this;
}

LogEvent& LogEvent::with(std::string key, int64_t value) {
  fields.push_back({std::move(key), {}, value, true});
  return *this;
}

const LogField* LogEvent::field(std::string_view key) const {
  for (const auto& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

std::string Rfc3339Millis(std::chrono::system_clock::time_point time) {
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  int fraction = static_cast<int>(millis % 1000);
  if (fraction < 0) {
    fraction += 1000;
    --seconds;
  }
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  size_t length = std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%S", &tm);
  std::string out(buffer, length);
  out += '.';
  out += static_cast<char>('0' + fraction / 100);
  out += static_cast<char>('0' + fraction / 10 % 10);
  out += static_cast<char>('0' + fraction % 10);
  out += 'Z';
  return out;
}

void AppendJsonEscaped(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t plain = 0;  // start of the run of characters copied as they are
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(text.data() + plain, text.size() - plain);
}

std::string FormatJsonLine(const LogEvent& event) {
  std::string out;
  out.reserve(128 + event.msg.size() + 32 * event.fields.size());
  out += "{\"ts\":\"";
  out += Rfc3339Millis(event.time);
  out += "\",\"level\":\"";
  out += LogLevelName(event.level);
  out += "\",\"msg\":\"";
  AppendJsonEscaped(out, event.msg);
  out += '"';
  for (const auto& field : event.fields) {
    out += ",\"";
    AppendJsonEscaped(out, field.key);
    out += "\":";
    if (field.is_number) {
      out += std::to_string(field.number);
    } else {
      out += '"';
      AppendJsonEscaped(out, field.text);
      out += '"';
    }
  }
  out += '}';
  return out;
}

std::string FormatTextLine(const LogEvent& event) {
  std::string out = Rfc3339Millis(event.time);
  std::string level = LogLevelName(event.level);
  for (auto& c : level) c = static_cast<char>(c - 'a' + 'A');
  level.resize(5, ' ');
  out += ' ';
  out += level;
  out += ' ';
  out += event.msg;
  for (const auto& field : event.fields) {
    out += ' ';
    out += field.key;
    out += '=';
    if (field.is_number) {
      out += std::to_string(field.number);
    } else if (NeedsQuotes(field.text)) {
      out += '"';
      AppendJsonEscaped(out, field.text);
      out += '"';
    } else {
      out += field.text;
    }
  }
  return out;
}

void StreamSink::write(const LogEvent& event) {
  std::string line = format_ == LogFormat::kJson ? FormatJsonLine(event) : FormatTextLine(event);
  line += '\n';
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), stream_);
  std::fflush(stream_);
}

void Logger::add_sink(std::shared_ptr<LogSink> sink) {
  std::lock_guard lock(mutex_);
  sinks_.push_back(std::move(sink));
}

void Logger::reset() {
  std::lock_guard lock(mutex_);
  level_ = LogLevel::kOff;
  sinks_.clear();
}

bool Logger::has_sinks() const {
  std::lock_guard lock(mutex_);
  return !sinks_.empty();
}

void Logger::log(LogEvent event) {
  if (!enabled(event.level)) return;
  const Scope& scope = CurrentScope();
  if (!scope.account.empty() && !event.field("account"))
    event.fields.insert(event.fields.begin(), LogField{"account", scope.account, 0, false});
  if (scope.span.valid() && ActiveSpanRecorder()) {
    event.with("trace_id", HexId(scope.span.trace_id));
    event.with("span_id", HexId(scope.span.span_id));
  }
  std::vector<std::shared_ptr<LogSink>> sinks;
  {
    std::lock_guard lock(mutex_);
    sinks = sinks_;
  }
  for (const auto& sink : sinks) sink->write(event);
}

Logger& GlobalLogger() {
  static Logger logger;
  return logger;
}

void Log(LogLevel level, std::string msg, std::vector<LogField> fields) {
  Logger& logger = GlobalLogger();
  if (!logger.enabled(level)) return;
  LogEvent event;
  event.level = level;
  event.msg = std::move(msg);
  event.fields = std::move(fields);
  logger.log(std::move(event));
}

namespace {
std::atomic<bool> g_stderr_logging{false};
}  // namespace

void SetStderrLogging(bool on) { g_stderr_logging = on; }

void TelemetryWarning(const std::string& message) {
  if (g_stderr_logging && LogEnabled(LogLevel::kWarn)) {
    Log(LogLevel::kWarn, message);
    return;
  }
  std::string line = "posture: warning: " + message + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace posture::telemetry
