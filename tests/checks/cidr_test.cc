// CIDR parsing (including malformed input) and containment.
#include "checks/cidr.h"

#include <gtest/gtest.h>

namespace posture::checks {
namespace {

Cidr Parse(std::string_view text) {
  std::string error;
  auto cidr = ParseCidr(text, &error);
  EXPECT_TRUE(cidr.has_value()) << text << ": " << error;
  return cidr.value_or(Cidr{});
}

TEST(CidrTest, ParsesIpv4AndIpv6AndMasksHostBits) {
  EXPECT_EQ(Parse("10.1.0.0/16").to_string(), "10.1.0.0/16");
  EXPECT_EQ(Parse("10.1.2.3/16").to_string(), "10.1.0.0/16");
  EXPECT_EQ(Parse("10.1.2.3").to_string(), "10.1.2.3/32");
  EXPECT_EQ(Parse("0.0.0.0/0").to_string(), "0.0.0.0/0");
  EXPECT_EQ(Parse("2600:1f18:0:ff::/56").to_string(), "2600:1f18::/56");
  EXPECT_EQ(Parse("::/0").family, IpFamily::kIpv6);
  EXPECT_EQ(Parse("::/0").prefix, 0);
  EXPECT_EQ(Parse("10.0.0.7/29").to_string(), "10.0.0.0/29");
}

TEST(CidrTest, MalformedInputSaysWhatIsWrong) {
  struct Case {
    const char* text;
    const char* error;
  };
  for (const Case& c :
       {Case{"", "empty CIDR block"},
        Case{"10.0.0/16", "\"10.0.0/16\" is not a CIDR block: \"10.0.0\" is not an IPv4 address"},
        Case{"10.0.0.256/8", "is not an IPv4 address"},
        Case{"10.0.0.0/33", "the prefix length must be a number from 0 to 32"},
        Case{"10.0.0.0/", "the prefix length must be a number from 0 to 32"},
        Case{"10.0.0.0/1a", "the prefix length must be a number from 0 to 32"},
        Case{"10.0.0.0/-1", "the prefix length must be a number from 0 to 32"}, Case{"2001:db8::/129", "from 0 to 128"},
        Case{"2001:db8:::/64", "is not an IPv6 address"}, Case{"pl-123", "is not an IPv4 address"}}) {
    std::string error;
    EXPECT_FALSE(ParseCidr(c.text, &error).has_value()) << c.text;
    EXPECT_NE(error.find(c.error), std::string::npos) << c.text << " -> " << error;
  }
  EXPECT_FALSE(ParseCidr("garbage").has_value());  // no error sink needed
}

TEST(CidrTest, Covers) {
  EXPECT_TRUE(CidrCovers(Parse("10.1.0.0/16"), Parse("10.1.0.0/16")));
  EXPECT_TRUE(CidrCovers(Parse("10.0.0.0/8"), Parse("10.1.0.0/16")));
  EXPECT_TRUE(CidrCovers(Parse("0.0.0.0/0"), Parse("192.168.0.0/24")));
  EXPECT_FALSE(CidrCovers(Parse("10.1.3.0/24"), Parse("10.1.0.0/16")));
  EXPECT_FALSE(CidrCovers(Parse("10.2.0.0/16"), Parse("10.1.0.0/16")));
  EXPECT_FALSE(CidrCovers(Parse("10.1.0.0/17"), Parse("10.1.128.0/17")));
  EXPECT_TRUE(CidrCovers(Parse("10.1.0.0/15"), Parse("10.1.128.0/17")));
  EXPECT_TRUE(CidrCovers(Parse("2600:1f18::/48"), Parse("2600:1f18:0:ff00::/56")));
  EXPECT_FALSE(CidrCovers(Parse("2600:1f18::/64"), Parse("2600:1f18::/56")));
  EXPECT_FALSE(CidrCovers(Parse("::/0"), Parse("10.0.0.0/8")));  // families differ
}

}  // namespace
}  // namespace posture::checks
