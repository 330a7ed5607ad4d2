// --interval and --shutdown-timeout durations.
#include "serve/duration.h"

#include <gtest/gtest.h>

namespace posture::serve {
namespace {

using std::chrono::milliseconds;

TEST(ServeDuration, ParsesUnitsAndSequences) {
  EXPECT_EQ(*ParseDuration("30s"), milliseconds(30000));
  EXPECT_EQ(*ParseDuration("15m"), milliseconds(15 * 60000));
  EXPECT_EQ(*ParseDuration("1h"), milliseconds(3600000));
  EXPECT_EQ(*ParseDuration("1h30m"), milliseconds(5400000));
  EXPECT_EQ(*ParseDuration("250ms"), milliseconds(250));
  EXPECT_EQ(*ParseDuration("1d"), milliseconds(86400000));
  EXPECT_EQ(*ParseDuration("0s"), milliseconds(0));
}

TEST(ServeDuration, RejectsMalformedTextWithAClearMessage) {
  for (const char* text : {"", "15", "m", "1.5h", "-1s", "10 s", "5y", "1h30", "s30", "9999999999h", "366d"}) {
    auto parsed = ParseDuration(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().kind(), base::ErrorKind::kInvalidInput);
    EXPECT_NE(parsed.error().message().find("30s, 15m, 1h"), std::string::npos) << parsed.error().message();
  }
  EXPECT_NE(ParseDuration("5y").error().message().find("unknown unit 'y'"), std::string::npos);
  EXPECT_NE(ParseDuration("15").error().message().find("needs a unit"), std::string::npos);
}

TEST(ServeDuration, FormatsTheShortestSpelling) {
  EXPECT_EQ(FormatDuration(milliseconds(15 * 60000)), "15m");
  EXPECT_EQ(FormatDuration(milliseconds(5400000)), "1h30m");
  EXPECT_EQ(FormatDuration(milliseconds(1500)), "1s500ms");
  EXPECT_EQ(FormatDuration(milliseconds(0)), "0s");
  EXPECT_EQ(*ParseDuration(FormatDuration(milliseconds(90061001))), milliseconds(90061001));
}

}  // namespace
}  // namespace posture::serve
