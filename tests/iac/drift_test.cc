#include "iac/drift.h"

#include <gtest/gtest.h>

namespace posture::iac {
namespace {

ComparableObject DriftObject(std::string type, std::string id, nlohmann::json attributes) {
  return {std::move(type), std::move(id), "us-east-1", std::move(attributes)};
}

TEST(DriftTest, FindsUnmanagedMissingAndChanged) {
  std::vector<ComparableObject> state = {
      DriftObject("AWS::EC2::SecurityGroup", "sg-1", {{"name", "web"}, {"ingress", {"tcp/443 0.0.0.0/0"}}}),
      DriftObject("AWS::EC2::SecurityGroup", "sg-2", {{"name", "db"}}),
      DriftObject("AWS::S3::Bucket", "logs", {{"versioning", "Enabled"}}),
  };
  std::vector<ComparableObject> live = {
      DriftObject("AWS::EC2::SecurityGroup", "sg-1",
                  {{"name", "web"}, {"ingress", {"tcp/443 0.0.0.0/0", "tcp/22 0.0.0.0/0"}}}),
      DriftObject("AWS::EC2::SecurityGroup", "sg-9", {{"name", "clickops"}}),
      DriftObject("AWS::EC2::SecurityGroup", "sg-d", {{"name", "default"}}),
      DriftObject("AWS::S3::Bucket", "logs", {{"versioning", "Enabled"}}),
      DriftObject("AWS::IAM::User", "alice", {}),
  };
  std::map<std::string, std::string> address_of = {{"sg-1", "aws_security_group.web"},
                                                   {"sg-2", "aws_security_group.db"}};
  auto drift = CompareWithState(state, live, address_of);
  ASSERT_EQ(drift.size(), 3u);
  EXPECT_EQ(drift[0].kind, DriftItem::Kind::kChanged);
  EXPECT_EQ(drift[0].address, "aws_security_group.web");
  ASSERT_EQ(drift[0].changes.size(), 1u);
  EXPECT_EQ(drift[0].changes[0].attribute, "ingress");
  EXPECT_EQ(drift[1].kind, DriftItem::Kind::kMissing);
  EXPECT_EQ(drift[1].id, "sg-2");
  EXPECT_EQ(drift[2].kind, DriftItem::Kind::kUnmanaged);
  EXPECT_EQ(drift[2].id, "sg-9");  // not the default group, and not the user: the state manages no users
  EXPECT_EQ(CompareWithState(state, live, address_of, /*all_types=*/true).size(), 4u);
}

TEST(DriftTest, NoDriftWhenEqual) {
  std::vector<ComparableObject> same = {DriftObject("AWS::KMS::Key", "k-1", {{"rotation_enabled", true}})};
  EXPECT_TRUE(CompareWithState(same, same, {}).empty());
  EXPECT_STREQ(DriftKindName(DriftItem::Kind::kUnmanaged), "unmanaged");
}

}  // namespace
}  // namespace posture::iac
