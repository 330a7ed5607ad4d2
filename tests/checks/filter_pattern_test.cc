// The CloudWatch Logs filter pattern parser and evaluator.
#include "checks/filter_pattern.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace posture::checks {
namespace {

using nlohmann::json;

const json kEvent = {
    {"eventName", "ConsoleLogin"},
    {"eventSource", "signin.amazonaws.com"},
    {"errorCode", "Client.UnauthorizedOperation"},
    {"userIdentity", {{"type", "Root"}, {"sessionContext", {{"mfa", true}}}}},
    {"additionalEventData", {{"MFAUsed", "No"}}},
    {"readOnly", false},
    {"responseElements", nullptr},
    {"latency", 250},
    {"resources", json::array({{{"ARN", "arn:aws:s3:::bucket"}}, {{"ARN", "arn:aws:s3:::other"}}})},
};

bool Matches(const std::string& pattern) {
  std::string error;
  auto parsed = FilterPattern::Parse(pattern, &error);
  EXPECT_TRUE(parsed.has_value()) << pattern << ": " << error;
  return parsed && parsed->matches(kEvent);
}

std::string ParseError(const std::string& pattern) {
  std::string error;
  auto parsed = FilterPattern::Parse(pattern, &error);
  EXPECT_FALSE(parsed.has_value()) << pattern;
  return error;
}

TEST(FilterPatternTest, Equality) {
  EXPECT_TRUE(Matches(R"({ $.eventName = "ConsoleLogin" })"));
  EXPECT_TRUE(Matches("{$.eventName=ConsoleLogin}"));
  EXPECT_FALSE(Matches(R"({ $.eventName = "consolelogin" })"));  // case-sensitive
  EXPECT_TRUE(Matches(R"({ $.eventName != "CreateUser" })"));
  EXPECT_FALSE(Matches(R"({ $.eventName != "ConsoleLogin" })"));
  EXPECT_TRUE(Matches(R"({ $.additionalEventData.MFAUsed != "Yes" })"));
}

TEST(FilterPatternTest, Wildcards) {
  EXPECT_TRUE(Matches(R"({ $.errorCode = "*UnauthorizedOperation" })"));
  EXPECT_TRUE(Matches(R"({ $.errorCode = "Client.*" })"));
  EXPECT_TRUE(Matches("{ $.errorCode = *Unauthorized* }"));
  EXPECT_FALSE(Matches(R"({ $.errorCode = "AccessDenied*" })"));
  EXPECT_TRUE(Matches("{ $.eventSource = * }"));
}

TEST(FilterPatternTest, AbsentFieldsMatchOnlyNotExists) {
  EXPECT_FALSE(Matches(R"({ $.missing = "x" })"));
  EXPECT_FALSE(Matches(R"({ $.missing != "x" })"));
  EXPECT_TRUE(Matches("{ $.userIdentity.invokedBy NOT EXISTS }"));
  EXPECT_FALSE(Matches("{ $.userIdentity.type NOT EXISTS }"));
  EXPECT_TRUE(Matches("{ $.userIdentity.type EXISTS }"));
}

TEST(FilterPatternTest, BooleansNullsNumbersAndArrays) {
  EXPECT_TRUE(Matches("{ $.readOnly IS FALSE }"));
  EXPECT_FALSE(Matches("{ $.readOnly IS TRUE }"));
  EXPECT_TRUE(Matches("{ $.userIdentity.sessionContext.mfa is true }"));
  EXPECT_TRUE(Matches("{ $.responseElements IS NULL }"));
  EXPECT_FALSE(Matches("{ $.eventName IS NULL }"));
  EXPECT_TRUE(Matches("{ $.latency > 200 }"));
  EXPECT_TRUE(Matches("{ $.latency <= 250 }"));
  EXPECT_FALSE(Matches("{ $.latency < 250.0 }"));
  EXPECT_TRUE(Matches("{ $.latency = 250 }"));
  EXPECT_FALSE(Matches("{ $.eventName > 3 }"));
  EXPECT_TRUE(Matches(R"({ $.resources[1].ARN = "arn:aws:s3:::other" })"));
  EXPECT_FALSE(Matches(R"({ $.resources[2].ARN = * })"));
}

TEST(FilterPatternTest, AndBindsTighterThanOr) {
  // true || (false && false)
  EXPECT_TRUE(Matches(R"({ $.eventName = ConsoleLogin || $.errorCode = "x" && $.readOnly IS TRUE })"));
  // (true || false) && false
  EXPECT_FALSE(Matches(R"({ ($.eventName = ConsoleLogin || $.errorCode = "x") && $.readOnly IS TRUE })"));
  EXPECT_TRUE(Matches(
      R"({ (($.eventSource = signin.amazonaws.com) && (($.eventName = A) || ($.eventName = ConsoleLogin))) })"));
}

TEST(FilterPatternTest, QuotedValuesKeepOperatorsAndEscapes) {
  const json event = {{"errorMessage", "Failed authentication && (retry)"}, {"quote", "say \"hi\""}};
  std::string error;
  auto parsed = FilterPattern::Parse(R"p({ $.errorMessage = "Failed authentication && (retry)" })p", &error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_TRUE(parsed->matches(event));
  parsed = FilterPattern::Parse(R"p({ $.quote = "say \"hi\"" })p", &error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_TRUE(parsed->matches(event));
}

TEST(FilterPatternTest, MalformedPatternsSayWhatAndWhere) {
  EXPECT_EQ(ParseError(""), "the pattern is empty at 0");
  EXPECT_EQ(ParseError("   "), "the pattern is empty at 3");
  EXPECT_EQ(ParseError("ConsoleLogin"), "not a JSON filter pattern (expected '{') at 0");
  EXPECT_EQ(ParseError("[ip, user, status]"),
            "space-delimited patterns ([...]) are not JSON conditions and are not supported at 0");
  EXPECT_EQ(ParseError("{ $.eventName = ConsoleLogin"), "expected '}' but the pattern ended at 28");
  EXPECT_EQ(ParseError("{ ($.eventName = ConsoleLogin }"), "expected ')' at 30");
  EXPECT_EQ(ParseError("{ $.eventName = ConsoleLogin } extra"), "unexpected text after '}' at 31");
  EXPECT_EQ(ParseError("{ }"), "expected a condition ($.field ...) or '(' but found '}' at 2");
  EXPECT_EQ(ParseError("{ eventName = x }"), "expected a condition ($.field ...) or '(' but found 'e' at 2");
  EXPECT_EQ(ParseError("{ $ = x }"), "expected a field selector such as $.eventName at 3");
  EXPECT_EQ(ParseError("{ $. = x }"), "expected a field name after '.' at 4");
  EXPECT_EQ(ParseError("{ $.a[x] = 1 }"), "expected an array index (digits) after '[' at 6");
  EXPECT_EQ(ParseError("{ $.a[1 = 1 }"), "expected ']' at 7");
  EXPECT_EQ(ParseError("{ $.eventName ConsoleLogin }"),
            "expected an operator (=, !=, <, <=, >, >=, IS, NOT EXISTS) after the selector at 14");
  EXPECT_EQ(ParseError("{ $.eventName = }"), "expected a value but found '}' at 16");
  EXPECT_EQ(ParseError(R"({ $.eventName = "ConsoleLogin })"), "unterminated quoted value at 31");
  EXPECT_EQ(ParseError("{ $.latency > fast }"), "expected a number after a numeric comparison, found 'fast' at 18");
  EXPECT_EQ(ParseError("{ $.readOnly IS MAYBE }"), "expected TRUE, FALSE or NULL after IS at 16");
  EXPECT_EQ(ParseError("{ $.a NOT THERE }"), "expected EXISTS after NOT at 10");
  EXPECT_EQ(ParseError("{ $.a = %ab+c% }"), "regular expression values (%...%) are not supported at 8");
  EXPECT_EQ(ParseError("{ $.a = 1 && }"), "expected a condition ($.field ...) or '(' but found '}' at 13");
  EXPECT_EQ(ParseError("{ $.a = 1 || "), "expected a condition but the pattern ended at 13");
  EXPECT_EQ(ParseError(std::string(100, '(')).substr(0, 26), "not a JSON filter pattern ");
  EXPECT_EQ(ParseError("{" + std::string(100, '(') + "$.a = 1" + std::string(100, ')') + "}"),
            "parentheses nested deeper than 64 at 65");
}

}  // namespace
}  // namespace posture::checks
