#include "cli/args.h"

#include <gtest/gtest.h>

namespace posture::cli {
namespace {

Args Make() {
  Args args("api");
  args.flag("--region", Args::Kind::kValue, "REGION", "region")
      .flag("--param", Args::Kind::kRepeated, "N=V", "param")
      .flag("--no-paginate", Args::Kind::kBool, "", "one page");
  return args;
}

TEST(ArgsTest, ParsesValuesRepeatedFlagsAndPositionals) {
  auto args = Make();
  ASSERT_TRUE(
      args.parse({"iam", "--region", "eu-west-1", "ListUsers", "--param=A=1", "--param", "B=2", "--no-paginate"}));
  EXPECT_EQ(args.value("--region"), "eu-west-1");
  EXPECT_EQ(args.values("--param"), (std::vector<std::string>{"A=1", "B=2"}));
  EXPECT_TRUE(args.has("--no-paginate"));
  EXPECT_EQ(args.positional(), (std::vector<std::string>{"iam", "ListUsers"}));
}

TEST(ArgsTest, UnknownFlagIsAOneLineError) {
  auto args = Make();
  EXPECT_FALSE(args.parse({"--regoin", "x"}));
  EXPECT_EQ(args.error(), "api: unknown flag --regoin (see posture api --help)");
  auto short_flag = Make();
  EXPECT_FALSE(short_flag.parse({"-x"}));
}

TEST(ArgsTest, MissingValueAndValueOnBoolAreErrors) {
  auto args = Make();
  EXPECT_FALSE(args.parse({"--region"}));
  EXPECT_NE(args.error().find("needs a value"), std::string::npos);
  auto b = Make();
  EXPECT_FALSE(b.parse({"--no-paginate=yes"}));
  EXPECT_NE(b.error().find("takes no value"), std::string::npos);
}

TEST(ArgsTest, DoubleDashEndsFlags) {
  auto args = Make();
  ASSERT_TRUE(args.parse({"--", "--region"}));
  EXPECT_EQ(args.positional(), (std::vector<std::string>{"--region"}));
  EXPECT_FALSE(args.has("--region"));
}

}  // namespace
}  // namespace posture::cli
