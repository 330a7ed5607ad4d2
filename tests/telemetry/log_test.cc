// The structured log line formats, levels and the logger's scope fields.
#include "telemetry/log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "telemetry/trace_context.h"

namespace posture::telemetry {
namespace {

// Collects events (test sink).
class LogTestSink final : public LogSink {
 public:
  void write(const LogEvent& event) override {
    std::lock_guard lock(mutex);
    events.push_back(event);
  }
  std::mutex mutex;
  std::vector<LogEvent> events;
};

LogEvent LogTestEvent() {
  LogEvent event;
  event.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1764547200123));  // 2025-12-01
  event.level = LogLevel::kWarn;
  event.msg = "aws call failed";
  event.with("account", "123456789012")
      .with("region", "us-east-1")
      .with("service", "ec2")
      .with("operation", "DescribeInstances")
      .with("http_status", int64_t{403})
      .with("attempts", int64_t{1})
      .with("duration_ms", int64_t{12})
      .with("aws_request_id", "req-1")
      .with("check_id", "ec2_imdsv2_required");
  return event;
}

TEST(LogFormatTest, JsonLineHasTimestampLevelMessageAndFieldsInOrder) {
  std::string line = FormatJsonLine(LogTestEvent());
  EXPECT_EQ(line,
            "{\"ts\":\"2025-12-01T00:00:00.123Z\",\"level\":\"warn\",\"msg\":\"aws call failed\",\"account\":"
            "\"123456789012\",\"region\":\"us-east-1\",\"service\":\"ec2\",\"operation\":\"DescribeInstances\","
            "\"http_status\":403,\"attempts\":1,\"duration_ms\":12,\"aws_request_id\":\"req-1\",\"check_id\":"
            "\"ec2_imdsv2_required\"}");
  auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["http_status"], 403);
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(LogFormatTest, JsonEscapesQuotesBackslashesAndControlCharacters) {
  LogEvent event;
  event.msg = "say \"hi\"\\ \n\t\r\x01 ünïcode";
  event.with("we\"ird",
             "a\x1f"
             "b");
  std::string line = FormatJsonLine(event);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["msg"], event.msg);
  EXPECT_EQ(parsed["we\"ird"],
            "a\x1f"
            "b");
  EXPECT_NE(line.find("\\u0001"), std::string::npos);
  EXPECT_NE(line.find("\\u001f"), std::string::npos);
}

TEST(LogFormatTest, TimestampIsRfc3339UtcWithMilliseconds) {
  std::regex rfc3339(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)");
  EXPECT_TRUE(std::regex_match(Rfc3339Millis(std::chrono::system_clock::now()), rfc3339));
  EXPECT_EQ(Rfc3339Millis(std::chrono::system_clock::time_point(std::chrono::milliseconds(5))),
            "1970-01-01T00:00:00.005Z");
  EXPECT_EQ(Rfc3339Millis(std::chrono::system_clock::time_point(std::chrono::milliseconds(951782400000))),
            "2000-02-29T00:00:00.000Z");
}

TEST(LogFormatTest, TextLineIsOneHumanReadableLine) {
  LogEvent event = LogTestEvent();
  event.with("error", "not allowed = \"no\"");
  std::string line = FormatTextLine(event);
  EXPECT_EQ(line.rfind("2025-12-01T00:00:00.123Z WARN  aws call failed account=123456789012 region=us-east-1", 0), 0u)
      << line;
  EXPECT_NE(line.find("http_status=403"), std::string::npos);
  EXPECT_NE(line.find("error=\"not allowed = \\\"no\\\"\""), std::string::npos) << line;
  event.with("multi", "a\nb");
  EXPECT_EQ(FormatTextLine(event).find('\n'), std::string::npos);
}

TEST(LogLevelTest, ParsesNamesAndRejectsOthers) {
  EXPECT_EQ(ParseLogLevel("debug"), LogLevel::kDebug);
  EXPECT_EQ(ParseLogLevel("INFO"), LogLevel::kInfo);
  EXPECT_EQ(ParseLogLevel("warn"), LogLevel::kWarn);
  EXPECT_EQ(ParseLogLevel("warning"), LogLevel::kWarn);
  EXPECT_EQ(ParseLogLevel("error"), LogLevel::kError);
  EXPECT_FALSE(ParseLogLevel("verbose"));
  EXPECT_FALSE(ParseLogLevel(""));
  EXPECT_EQ(ParseLogFormat("json"), LogFormat::kJson);
  EXPECT_EQ(ParseLogFormat("text"), LogFormat::kText);
  EXPECT_FALSE(ParseLogFormat("logfmt"));
}

TEST(LogLevelTest, JsonIsTheDefaultUnlessStderrIsATerminal) {
  EXPECT_EQ(DefaultLogFormat(false), LogFormat::kJson);
  EXPECT_EQ(DefaultLogFormat(true), LogFormat::kText);
}

TEST(LoggerTest, DropsEventsBelowTheLevel) {
  Logger logger;
  auto sink = std::make_shared<LogTestSink>();
  logger.add_sink(sink);
  logger.set_level(LogLevel::kWarn);
  for (auto level : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
    LogEvent event;
    event.level = level;
    logger.log(event);
  }
  ASSERT_EQ(sink->events.size(), 2u);
  EXPECT_EQ(sink->events[0].level, LogLevel::kWarn);
  EXPECT_FALSE(logger.enabled(LogLevel::kInfo));
  logger.reset();
  EXPECT_FALSE(logger.enabled(LogLevel::kError));
}

// Records nothing: makes the scope's span count as "tracing on".
class LogTestRecorder final : public SpanRecorder {
 public:
  void record(SpanData) override {}
  SpanContext region_span(const SpanContext&, std::string_view, std::string_view) override { return {}; }
  void close_regions(const SpanContext&) override {}
};

TEST(LoggerTest, AddsTheScopesAccountAndTraceIds) {
  Logger logger;
  auto sink = std::make_shared<LogTestSink>();
  logger.add_sink(sink);
  logger.set_level(LogLevel::kDebug);
  LogTestRecorder recorder;
  InstallSpanRecorder(&recorder);
  {
    ScopedSpan span("collect ec2", {}, "111122223333");
    logger.log(LogEvent{});
    std::thread([&, task = Propagate([&] { logger.log(LogEvent{}); })] { task(); }).join();
  }
  InstallSpanRecorder(nullptr);
  logger.log(LogEvent{});
  ASSERT_EQ(sink->events.size(), 3u);
  for (int i = 0; i < 2; ++i) {
    auto parsed = nlohmann::json::parse(FormatJsonLine(sink->events[i]));
    EXPECT_EQ(parsed["account"], "111122223333");
    EXPECT_EQ(parsed["trace_id"].get<std::string>().size(), 32u);
    EXPECT_EQ(parsed["span_id"].get<std::string>().size(), 16u);
  }
  EXPECT_EQ(sink->events[0].field("span_id")->text, sink->events[1].field("span_id")->text);
  EXPECT_FALSE(sink->events[2].field("account"));
  EXPECT_FALSE(sink->events[2].field("trace_id"));
}

}  // namespace
}  // namespace posture::telemetry
