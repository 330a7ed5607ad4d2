// Hex, base64 and percent-encoding (base/encoding.h).
#include "base/encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace posture::base {
namespace {

TEST(UriEncode, KeepsOnlyUnreserved) {
  EXPECT_EQ(UriEncode("-._~AZaz09"), "-._~AZaz09");
  EXPECT_EQ(UriEncode("a b+c/d=e&f*g%"), "a%20b%2Bc%2Fd%3De%26f%2Ag%25");
  EXPECT_EQ(UriEncode("a/b c", /*keep_slash=*/true), "a/b%20c");
  EXPECT_EQ(UriEncode("\xE1\x88\xB4"), "%E1%88%B4");
  EXPECT_EQ(UriEncode(std::string_view("\0\xFF", 2)), "%00%FF");
  EXPECT_EQ(UriEncode(""), "");
}

TEST(UriDecode, DecodesEscapesAndKeepsTheRest) {
  EXPECT_EQ(UriDecode("a%20b%2fc%2F"), "a b/c/");
  EXPECT_EQ(UriDecode("%E1%88%B4"), "\xE1\x88\xB4");
  EXPECT_EQ(UriDecode("a+b"), "a+b");
  EXPECT_EQ(UriDecode("100%"), "100%");
  EXPECT_EQ(UriDecode("%4"), "%4");
  EXPECT_EQ(UriDecode("%zz%41"), "%zzA");
  EXPECT_EQ(UriDecode("%%41"), "%A");
}

TEST(UriEncode, RoundTripsEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  EXPECT_EQ(UriDecode(UriEncode(all)), all);
}

TEST(HexEncode, Lowercase) {
  EXPECT_EQ(base::HexEncode(std::string("\x00\x01\xab\xff", 4)), "0001abff");
  EXPECT_EQ(base::HexEncode(""), "");
}

// RFC 4648 section 10.
TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base::Base64Encode(plain), encoded);
    std::string decoded = "garbage";
    ASSERT_TRUE(base::Base64Decode(encoded, decoded)) << encoded;
    EXPECT_EQ(decoded, plain);
  }
}

TEST(Base64, RoundTripsEveryByteAndLength) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  for (size_t length = 0; length <= all.size(); length += 7) {
    const std::string input = all.substr(0, length);
    std::string decoded;
    ASSERT_TRUE(base::Base64Decode(base::Base64Encode(input), decoded));
    EXPECT_EQ(decoded, input);
  }
  EXPECT_EQ(base::Base64Encode("\xfb\xff"), "+/8=");
}

TEST(Base64Decode, AcceptsMissingPaddingAndWhitespace) {
  std::string out;
  ASSERT_TRUE(base::Base64Decode("Zm9vYg", out));
  EXPECT_EQ(out, "foob");
  ASSERT_TRUE(base::Base64Decode("Zm9v\r\nYmFy\n", out));
  EXPECT_EQ(out, "foobar");
}

TEST(Base64Decode, RejectsMalformed) {
  for (const char* bad : {"Zm9v!", "Z", "Zm9vY", "Zg===", "Zm9=v", "=Zm9", "Zm9vYg=", "Zm9v====", "Zm-_"}) {
    std::string out = "unchanged";
    EXPECT_FALSE(base::Base64Decode(bad, out)) << bad;
    EXPECT_EQ(out, "unchanged") << bad;
  }
}

TEST(UriDecodeStrict, RefusesMalformedEscapes) {
  EXPECT_EQ(UriDecodeStrict("a%20b"), std::optional<std::string>("a b"));
  EXPECT_EQ(UriDecodeStrict("100%"), std::nullopt);
  EXPECT_EQ(UriDecodeStrict("%4"), std::nullopt);
  EXPECT_EQ(UriDecodeStrict("%zz"), std::nullopt);
}

TEST(HexDigitValue, BothCases) {
  EXPECT_EQ(HexDigitValue('0'), 0);
  EXPECT_EQ(HexDigitValue('a'), 10);
  EXPECT_EQ(HexDigitValue('F'), 15);
  EXPECT_EQ(HexDigitValue('g'), -1);
}

}  // namespace
}  // namespace posture::base
