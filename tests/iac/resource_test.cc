#include "iac/resource.h"

#include <gtest/gtest.h>

namespace posture::iac {
namespace {

TEST(IacResourceTest, MarkersAreRecognised) {
  EXPECT_TRUE(IsUnknown(Unknown("known after apply")));
  EXPECT_FALSE(IsUnknown(nlohmann::json("sg-1")));
  EXPECT_FALSE(IsUnknown(Reference("aws_security_group.web")));
  ASSERT_NE(ReferencedAddress(Reference("aws_security_group.web")), nullptr);
  EXPECT_EQ(*ReferencedAddress(Reference("aws_security_group.web")), "aws_security_group.web");
  EXPECT_EQ(ReferencedAddress(nlohmann::json("x")), nullptr);
}

TEST(IacResourceTest, ErrorTextNamesFileAndLine) {
  EXPECT_EQ((ParseError{"a.yaml", 7, "bad"}).text(), "a.yaml:7: bad");
  EXPECT_EQ((ParseError{"plan.json", 0, "bad"}).text(), "plan.json: bad");
  EXPECT_EQ(LineOfOffset("a\nb\nc", 4), 3);
  EXPECT_EQ(LineOfOffset("abc", 99), 1);
}

}  // namespace
}  // namespace posture::iac
