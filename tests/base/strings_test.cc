// The shared text helpers (base/strings.h).
#include "base/strings.h"

#include <gtest/gtest.h>

namespace posture::base {
namespace {

TEST(Trim, WhitespaceByDefaultOrTheGivenCharacters) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(Trim(" \t "), "");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" a\r", kBlanks), "a\r");
}

TEST(EqualsIgnoreCase, AsciiOnly) {
  EXPECT_TRUE(EqualsIgnoreCase("Allow", "aLLOW"));
  EXPECT_FALSE(EqualsIgnoreCase("Allow", "Allo"));
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\x84", "\xC3\xA4"));  // no Unicode folding
  EXPECT_TRUE(ContainsIgnoreCase("Production-EU", "prod"));
  EXPECT_FALSE(ContainsIgnoreCase("staging", "prod"));
  EXPECT_TRUE(ContainsIgnoreCase("x", ""));
  EXPECT_EQ(ToLowerAscii("AbC-1"), "abc-1");
}

TEST(JoinAndSplit, Lists) {
  EXPECT_EQ(Join({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(Join({}, "/"), "");
  EXPECT_EQ(SplitList("a,b,,c,"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(SplitList("").empty());
}

}  // namespace
}  // namespace posture::base
