// Principal and Condition parsing, and the bucket policy questions of the
// S3 checks (src/iam/bucket_policy.h).
#include "iam/bucket_policy.h"

#include <gtest/gtest.h>

namespace posture::iam {
namespace {

PolicyDocument Parse(const std::string& text) {
  auto parsed = ParsePolicy(text);
  EXPECT_TRUE(parsed.ok()) << parsed.error;
  return parsed.ok() ? *parsed.document : PolicyDocument{};
}

std::string ParseError(const std::string& text) {
  auto parsed = ParsePolicy(text);
  EXPECT_FALSE(parsed.ok());
  return parsed.error;
}

TEST(BucketPolicyTest, ReadsPrincipalsAndConditions) {
  const auto document = Parse(R"({"Statement":[
    {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*",
     "Condition":{"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"s3:TlsVersion":1.2},
                  "StringEquals":{"aws:SourceVpce":["vpce-1","vpce-2"]}}},
    {"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::1:root"],"Service":"s3.amazonaws.com"},"Action":"*"}]})");
  ASSERT_EQ(document.statements.size(), 2u);
  const Statement& first = document.statements[0];
  EXPECT_TRUE(first.has_principal);
  EXPECT_EQ(first.principals.at("AWS"), std::vector<std::string>{"*"});
  ASSERT_EQ(first.conditions.size(), 3u);
  EXPECT_EQ(first.conditions[0].op, "Bool");
  EXPECT_EQ(first.conditions[0].key, "aws:SecureTransport");
  EXPECT_EQ(first.conditions[0].values, std::vector<std::string>{"true"});
  EXPECT_EQ(first.conditions[1].values, std::vector<std::string>{"1.2"});
  EXPECT_EQ(first.conditions[2].values, (std::vector<std::string>{"vpce-1", "vpce-2"}));
  const Statement& second = document.statements[1];
  EXPECT_FALSE(second.has_principal);
  EXPECT_TRUE(second.has_not_principal);
  EXPECT_EQ(second.not_principals.at("Service"), std::vector<std::string>{"s3.amazonaws.com"});
}

TEST(BucketPolicyTest, MalformedPrincipalsAndConditionsSayWhere) {
  EXPECT_EQ(ParseError(R"({"Statement":[{"Effect":"Allow","Principal":"someone"}]})"),
            "statement 1: Principal must be \"*\" or an object such as {\"AWS\": \"...\"}");
  EXPECT_EQ(ParseError(R"({"Statement":[{"Effect":"Allow","Principal":{"AWS":7}}]})"),
            "statement 1: Principal.AWS must be a string or an array of strings");
  EXPECT_EQ(ParseError(R"({"Statement":[{"Effect":"Allow","NotPrincipal":["*"]}]})"),
            "statement 1: NotPrincipal must be \"*\" or an object such as {\"AWS\": \"...\"}");
  EXPECT_EQ(ParseError(R"({"Statement":[{"Effect":"Allow","Condition":"yes"}]})"),
            "statement 1: Condition must be an object of operators");
  EXPECT_EQ(ParseError(R"({"Statement":[{"Effect":"Allow","Condition":{"Bool":true}}]})"),
            "statement 1: Condition operator Bool must map condition keys to values");
  EXPECT_EQ(ParseError(R"({"Statement":[{"Effect":"Allow","Condition":{"Bool":{"aws:SecureTransport":{"x":1}}}}]})"),
            "statement 1: Condition Bool aws:SecureTransport must have string, boolean or number values");
  EXPECT_EQ(ParseError(R"({"Statement":[{"Effect":"Allow","Condition":{"IpAddress":{"aws:SourceIp":[null]}}}]})"),
            "statement 1: Condition IpAddress aws:SourceIp must have string, boolean or number values");
}

TEST(BucketPolicyTest, FindsTheSecureTransportDeny) {
  EXPECT_EQ(FindSecureTransportDeny(Parse(R"({"Statement":[{"Sid":"Tls","Effect":"Deny","Principal":"*",
      "Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:securetransport":"FALSE"}}}]})")),
            "statement \"Tls\"");
  // Allow instead of Deny, a named principal, a partial action list, "true", or another operator: not enough.
  for (
      const char* text : {
          R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})",
          R"({"Statement":[{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})",
          R"({"Statement":[{"Effect":"Deny","Principal":"*","Action":["s3:GetObject"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})",
          R"({"Statement":[{"Effect":"Deny","Principal":"*","NotAction":"s3:ListBucket","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})",
          R"({"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]})",
          R"({"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"StringEquals":{"aws:SecureTransport":"false"}}}]})",
          R"({"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*"}]})",
      }) {
    EXPECT_EQ(FindSecureTransportDeny(Parse(text)), std::nullopt) << text;
  }
}

TEST(BucketPolicyTest, FindsPublicGrantsUnlessAConditionLimitsWho) {
  const auto grant =
      FindPublicGrant(Parse(R"({"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:root","*"]},
        "Action":["s3:GetObject","s3:ListBucket"],"Condition":{"Bool":{"aws:SecureTransport":"true"}}}]})"));
  ASSERT_TRUE(grant);
  EXPECT_EQ(*grant,
            "statement 1 allows s3:GetObject, s3:ListBucket to everyone (Principal \"*\"), and its conditions do "
            "not limit who");
  EXPECT_TRUE(FindPublicGrant(Parse(R"({"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:root"},
      "Action":"s3:*"}]})")));
  EXPECT_TRUE(FindPublicGrant(Parse(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*",
      "Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}]})")));
  EXPECT_TRUE(FindPublicGrant(Parse(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*",
      "Condition":{"StringLike":{"aws:PrincipalOrgID":"*"}}}]})")));
  for (
      const char* text : {
          R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]})",
          R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]})",
          R"({"Statement":[{"Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject"}]})",
          R"({"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*"}]})",
          R"({"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:*"}]})",
      }) {
    EXPECT_EQ(FindPublicGrant(Parse(text)), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace posture::iam
