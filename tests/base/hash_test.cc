#include "base/hash.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "base/encoding.h"

namespace posture::base {
namespace {

std::string Bytes(size_t count, char value) { return std::string(count, value); }

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(base::Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(base::Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(base::Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(base::Sha256("abc").size(), 32u);
  EXPECT_EQ(base::HexEncode(base::Sha256("abc")), base::Sha256Hex("abc"));
}

// RFC 4231 test cases 1, 2, 6 and 7, plus a key exactly one block long.
TEST(HmacSha256, Rfc4231Vectors) {
  EXPECT_EQ(base::HexEncode(base::HmacSha256(Bytes(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(base::HexEncode(base::HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(
      base::HexEncode(base::HmacSha256(Bytes(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(
      base::HexEncode(base::HmacSha256(Bytes(131, '\xaa'),
                                       "This is a test using a larger than block-size key and a larger than block-size "
                                       "data. The key needs to be hashed before being used by the HMAC algorithm.")),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  EXPECT_EQ(base::HexEncode(base::HmacSha256(Bytes(64, 'k'), "msg")),
            "d62ad25bb128e96ab6ef43464aaf2bb91b5b85f013381e9ba6be747e8d0911b2");
}

TEST(HmacSha256, EmptyKeyAndData) {
  EXPECT_EQ(base::HexEncode(base::HmacSha256("", "")),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(HmacSha256, ThreadSafe) {
  const std::string expected = base::HmacSha256("Jefe", "what do ya want for nothing?");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (base::HmacSha256("Jefe", "what do ya want for nothing?") != expected) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : mismatches) EXPECT_EQ(count, 0);
}

TEST(Sha1Hex, KnownVectors) {
  EXPECT_EQ(base::Sha1Hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(base::Sha1Hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

TEST(Md5Base64, KnownVectors) {
  EXPECT_EQ(base::Md5Base64(""), "1B2M2Y8AsgTpgAmY7PhCfg==");
  EXPECT_EQ(base::Md5Base64("The quick brown fox jumps over the lazy dog"), "nhB9nTcrtoJr2B01QqQZ1g==");
}

}  // namespace
}  // namespace posture::base
