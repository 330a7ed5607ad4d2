#include "iam/policy.h"

#include <gtest/gtest.h>

namespace posture::iam {
namespace {

PolicyDocument Parse(const char* json) {
  const ParsedPolicy parsed = ParsePolicy(json);
  EXPECT_TRUE(parsed.ok()) << parsed.error;
  return parsed.ok() ? *parsed.document : PolicyDocument{};
}

TEST(PolicyTest, ParsesSingleStatementWithStrings) {
  const auto doc = Parse(R"({"Version":"2012-10-17","Statement":{"Sid":"A","Effect":"Allow","Action":"s3:GetObject",
                                "Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}})");
  EXPECT_EQ(doc.version, "2012-10-17");
  ASSERT_EQ(doc.statements.size(), 1u);
  const Statement& s = doc.statements[0];
  EXPECT_EQ(s.sid, "A");
  EXPECT_TRUE(s.allow);
  EXPECT_EQ(s.actions, std::vector<std::string>{"s3:GetObject"});
  EXPECT_EQ(s.resources, std::vector<std::string>{"arn:aws:s3:::b/*"});
  EXPECT_TRUE(s.has_condition);
  EXPECT_FALSE(s.has_not_action);
}

TEST(PolicyTest, ParsesStatementArraysAndLists) {
  const auto doc = Parse(R"({"Statement":[{"Effect":"Deny","NotAction":["iam:*"],"NotResource":"arn:x"},
                                          {"Effect":"Allow","Action":["a:B","c:D"],"Resource":["*"]}]})");
  ASSERT_EQ(doc.statements.size(), 2u);
  EXPECT_FALSE(doc.statements[0].allow);
  EXPECT_TRUE(doc.statements[0].has_not_action);
  EXPECT_TRUE(doc.statements[0].has_not_resource);
  EXPECT_EQ(doc.statements[0].not_actions, std::vector<std::string>{"iam:*"});
  EXPECT_EQ(doc.statements[1].actions, (std::vector<std::string>{"a:B", "c:D"}));
}

TEST(PolicyTest, ReportsMalformedDocuments) {
  struct Case {
    const char* json;
    const char* error;
  };
  const Case cases[] = {
      {R"({"Statement": [)", "malformed policy JSON: parse error at line 1, column 16"},
      {"", "malformed policy JSON"},
      {"not json", "malformed policy JSON"},
      {"[]", "policy document must be a JSON object"},
      {R"({"Version":"2012-10-17"})", "policy document has no Statement"},
      {R"({"Statement":"x"})", "Statement must be an object or an array of objects"},
      {R"({"Statement":[42]})", "statement 1: must be a JSON object"},
      {R"({"Statement":[{"Action":"*","Resource":"*"}]})", "statement 1: Effect must be"},
      {R"({"Statement":[{"Effect":"Maybe","Action":"*"}]})", "not \"Maybe\""},
      {R"({"Statement":[{"Effect":"Allow"},{"Effect":"Allow","Action":7}]})",
       "statement 2: Action must be a string or an array of strings"},
      {R"({"Statement":{"Effect":"Allow","Resource":["*",1]}})", "Resource must contain only strings"},
  };
  for (const auto& c : cases) {
    const ParsedPolicy parsed = ParsePolicy(c.json);
    EXPECT_FALSE(parsed.ok()) << c.json;
    EXPECT_NE(parsed.error.find(c.error), std::string::npos) << c.json << " -> " << parsed.error;
  }
}

TEST(PolicyTest, FullAdmin) {
  struct Case {
    const char* json;
    bool full_admin;
  };
  const Case cases[] = {
      {R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})", true},
      {R"({"Statement":{"Effect":"Allow","Action":"*:*","Resource":"*"}})", true},
      {R"({"Statement":{"Effect":"Allow","Action":[" * "],"Resource":["arn:a","*"]}})", true},
      {R"({"Statement":{"Effect":"allow","Action":"*","Resource":"*"}})", true},
      {R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}})",
       true},
      {R"({"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}})", false},
      {R"({"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})", false},
      {R"({"Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*"}})", false},
      {R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b"}})", false},
      {R"({"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}})", false},
      {R"({"Statement":{"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::b"}})", false},
      {R"({"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"*","Resource":"*"}]})",
       true},
  };
  for (const auto& c : cases) EXPECT_EQ(AllowsFullAdmin(Parse(c.json)), c.full_admin) << c.json;
}

TEST(PolicyTest, AdminGrantDescribesNearlyEverything) {
  const auto not_action = FindAdminGrant(Parse(R"({"Statement":[{"Sid":"Ops","Effect":"Allow","NotAction":["iam:*"],
                                                                  "Resource":"*","Condition":{"x":{}}}]})"));
  ASSERT_TRUE(not_action);
  EXPECT_EQ(not_action->kind, AdminGrant::Kind::kNotAction);
  EXPECT_EQ(not_action->describe(),
            "allows every action except iam:* on every resource (an Allow with NotAction grants nearly everything) "
            "(statement \"Ops\"), subject to a Condition");

  const auto not_resource =
      FindAdminGrant(Parse(R"({"Statement":{"Effect":"Allow","Action":"*","NotResource":"arn:b"}})"));
  ASSERT_TRUE(not_resource);
  EXPECT_EQ(not_resource->kind, AdminGrant::Kind::kNotResource);
  EXPECT_NE(not_resource->describe().find("every resource except arn:b"), std::string::npos);

  // Full admin wins over an earlier NotAction statement.
  const auto both = FindAdminGrant(Parse(R"({"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"},
                                                          {"Effect":"Allow","Action":"*","Resource":"*"}]})"));
  ASSERT_TRUE(both);
  EXPECT_EQ(both->kind, AdminGrant::Kind::kFullAdmin);
  EXPECT_EQ(both->statement_index, 1u);
  EXPECT_EQ(both->describe(), "allows every action on every resource (statement 2)");

  EXPECT_FALSE(FindAdminGrant(Parse(R"({"Statement":{"Effect":"Deny","NotAction":"iam:*","Resource":"*"}})")));
  EXPECT_FALSE(FindAdminGrant(Parse(R"({"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"arn:b"}})")));
}

TEST(PolicyTest, WildcardActions) {
  EXPECT_TRUE(IsWildcardAction("*"));
  EXPECT_TRUE(IsWildcardAction("*:*"));
  EXPECT_TRUE(IsWildcardAction(" * "));
  EXPECT_FALSE(IsWildcardAction("s3:*"));
  EXPECT_FALSE(IsWildcardAction("*:Get*"));
  EXPECT_FALSE(IsWildcardAction(""));
}

}  // namespace
}  // namespace posture::iam
