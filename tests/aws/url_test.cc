#include "aws/url.h"

#include <gtest/gtest.h>

namespace posture::aws {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

TEST(ParseUrl, SplitsAllParts) {
  auto url = ParseUrl("https://ec2.us-east-1.amazonaws.com:8443/a/b%20c?X=1&y=%2F#frag");
  ASSERT_TRUE(url.ok()) << url.error().message();
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "ec2.us-east-1.amazonaws.com");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->path, "/a/b%20c");
  EXPECT_EQ(url->query, "X=1&y=%2F");
  EXPECT_EQ(url->authority(), "ec2.us-east-1.amazonaws.com:8443");
  EXPECT_EQ(url->origin(), "https://ec2.us-east-1.amazonaws.com:8443");
}

TEST(ParseUrl, EmptyPathBecomesSlash) {
  auto url = ParseUrl("http://localhost");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->path, "/");
  EXPECT_EQ(url->query, "");
  EXPECT_EQ(url->port, 0);

  auto with_query = ParseUrl("http://localhost?Action=X");
  ASSERT_TRUE(with_query.ok());
  EXPECT_EQ(with_query->path, "/");
  EXPECT_EQ(with_query->query, "Action=X");
}

TEST(ParseUrl, SchemeIsCaseInsensitive) {
  auto url = ParseUrl("HTTPS://example.com/");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->scheme, "https");
}

TEST(ParseUrl, AuthorityOmitsDefaultPorts) {
  EXPECT_EQ(ParseUrl("https://example.com:443/")->authority(), "example.com");
  EXPECT_EQ(ParseUrl("http://example.com:80/")->authority(), "example.com");
  EXPECT_EQ(ParseUrl("http://example.com:443/")->authority(), "example.com:443");
  EXPECT_EQ(ParseUrl("http://127.0.0.1:5000/")->origin(), "http://127.0.0.1:5000");
}

TEST(ParseUrl, Ipv6LiteralKeepsBrackets) {
  auto url = ParseUrl("http://[::1]:5000/x");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "[::1]");
  EXPECT_EQ(url->port, 5000);
  EXPECT_EQ(url->authority(), "[::1]:5000");

  auto no_port = ParseUrl("https://[fd00:ec2::254]");
  ASSERT_TRUE(no_port.ok());
  EXPECT_EQ(no_port->host, "[fd00:ec2::254]");
  EXPECT_EQ(no_port->port, 0);
}

TEST(ParseUrl, KeepsPathAsGiven) {
  auto url = ParseUrl("https://example.com//a/../b/ c");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->path, "//a/../b/ c");
}

TEST(ParseUrl, RejectsMalformed) {
  for (const char* bad : {"", "example.com/path", "ftp://example.com/", "https://", "https:///path", "https://host:0/",
                          "https://host:65536/", "https://host:12ab/", "https://host:/", "https://[::1/",
                          "https://[::1]x/", "https://user:pw@host/", "https://host/\r\nX: y"}) {
    auto url = ParseUrl(bad);
    ASSERT_FALSE(url.ok()) << bad;
    EXPECT_EQ(url.error().kind(), base::ErrorKind::kInvalidInput) << bad;
  }
}

TEST(ParseUrl, ErrorMessagesHideQueryAndUserInfo) {
  auto query = ParseUrl("ftp://host/?X-Amz-Security-Token=SECRETTOKEN");
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.error().message().find("SECRETTOKEN"), std::string::npos) << query.error().message();
  EXPECT_NE(query.error().message().find("ftp://host/"), std::string::npos) << query.error().message();

  auto path_at = ParseUrl("ftp://host/a@b");
  ASSERT_FALSE(path_at.ok());
  EXPECT_NE(path_at.error().message().find("ftp://host/a@b"), std::string::npos) << path_at.error().message();

  auto user = ParseUrl("https://me:SECRETPASSWORD@host/");
  ASSERT_FALSE(user.ok());
  EXPECT_EQ(user.error().message().find("SECRETPASSWORD"), std::string::npos) << user.error().message();
}

TEST(ParseQuery, DecodesPairs) {
  EXPECT_EQ(ParseQuery("a=1&b=%2F&c&d=&=e&&f=x=y"),
            (Params{{"a", "1"}, {"b", "/"}, {"c", ""}, {"d", ""}, {"", "e"}, {"f", "x=y"}}));
  EXPECT_TRUE(ParseQuery("").empty());
}

TEST(EncodeQuery, EncodesInOrder) {
  EXPECT_EQ(EncodeQuery({{"Action", "ListUsers"}, {"Version", "2010-05-08"}}), "Action=ListUsers&Version=2010-05-08");
  EXPECT_EQ(EncodeQuery({{"b key", "x/y z"}, {"a", ""}}), "b%20key=x%2Fy%20z&a=");
  EXPECT_EQ(EncodeQuery({}), "");
}

TEST(EncodeQuery, RoundTripsThroughParseQuery) {
  const Params params{{"Filter.1.Name", "tag:Name"}, {"Filter.1.Value.1", "a&b=c d+e"}, {"x", ""}};
  EXPECT_EQ(ParseQuery(EncodeQuery(params)), params);
}

}  // namespace
}  // namespace posture::aws
