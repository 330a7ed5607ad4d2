#include "aws/sigv4.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/fake_clock.h"

namespace posture::aws {
namespace {

namespace fs = std::filesystem;
using testing::FakeClock;

// ---------------------------------------------------------------------------
// The AWS SigV4 signing test suite (as aws-c-auth runs it): every directory
// holds a raw request, its signing context and the expected intermediate
// products for the header form and the query (presigned) form.

const fs::path kSuiteDir = POSTURE_SIGNING_SUITE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ReadExpected(const fs::path& path) {
  std::string text = ReadFile(path);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

struct RawRequest {
  std::string method;
  std::string target;  // path and query as written in the request line
  Headers headers;
  std::string body;
};

// Parses an HTTP/1.1 request as the suite writes it: the request target may
// hold spaces, a header line starting with whitespace continues the previous
// header (obsolete line folding), repeated header names stay separate.
RawRequest ParseRawRequest(std::string_view text) {
  RawRequest request;
  size_t head_end = text.find("\n\n");
  if (head_end != std::string_view::npos) {
    request.body = std::string(text.substr(head_end + 2));
  } else {
    head_end = text.size();
  }
  std::string_view head = text.substr(0, head_end);
  bool first = true;
  while (!head.empty()) {
    const size_t eol = head.find('\n');
    std::string_view line = head.substr(0, eol);
    head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (first) {
      first = false;
      const size_t method_end = line.find(' ');
      const size_t version_start = line.rfind(' ');
      request.method = std::string(line.substr(0, method_end));
      request.target = std::string(line.substr(method_end + 1, version_start - method_end - 1));
      continue;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !request.headers.empty()) {
      request.headers.back().second.append(" ").append(line);
      continue;
    }
    const size_t colon = line.find(':');
    request.headers.emplace_back(std::string(line.substr(0, colon)), std::string(line.substr(colon + 1)));
  }
  return request;
}

struct SuiteCase {
  Credentials credentials;
  SigningParams params;
  std::chrono::seconds expires{0};
  RawRequest raw;
  HttpRequest request;
};

SuiteCase LoadCase(const std::string& name) {
  const fs::path dir = kSuiteDir / name;
  SuiteCase out;
  const auto context = nlohmann::json::parse(ReadFile(dir / "context.json"));
  const auto& credentials = context.at("credentials");
  out.credentials.access_key_id = credentials.at("access_key_id").get<std::string>();
  out.credentials.secret_access_key = credentials.at("secret_access_key").get<std::string>();
  out.credentials.session_token = credentials.value("token", "");
  out.params.region = context.at("region").get<std::string>();
  out.params.service = context.at("service").get<std::string>();
  out.params.time = FakeClock::Parse(context.at("timestamp").get<std::string>());
  out.params.normalize_path = context.at("normalize").get<bool>();
  // The suite's request paths are the bytes on the wire; like aws-c-auth
  // every case encodes them once more, normalized or not.
  out.params.double_encode_path = true;
  // The suite's "sign_body" means "send the payload hash as
  // x-amz-content-sha256"; the body is hashed into the signature in every case.
  out.params.sign_body = true;
  out.params.add_content_sha256_header = context.at("sign_body").get<bool>();
  out.params.omit_session_token = context.value("omit_session_token", false);
  out.expires = std::chrono::seconds(context.at("expiration_in_seconds").get<int>());

  out.raw = ParseRawRequest(ReadFile(dir / "request.txt"));
  const auto host = std::find_if(out.raw.headers.begin(), out.raw.headers.end(),
                                 [](const auto& h) { return HeaderNameEquals(h.first, "host"); });
  EXPECT_NE(host, out.raw.headers.end()) << name << ": request.txt has no Host header";
  out.request.method = out.raw.method;
  out.request.url = "https://" + (host == out.raw.headers.end() ? std::string() : host->second) + out.raw.target;
  out.request.headers = out.raw.headers;
  out.request.body = out.raw.body;
  return out;
}

std::vector<std::string> ListSuiteCases() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(kSuiteDir, error)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(SigningSuite, EveryDirectoryIsACompleteCase) {
  const auto names = ListSuiteCases();
  ASSERT_FALSE(names.empty()) << "no signing suite cases under " << kSuiteDir;
  for (const auto& name : names) {
    for (const char* file : {"context.json", "request.txt", "header-canonical-request.txt", "header-string-to-sign.txt",
                             "header-signature.txt", "header-signed-request.txt", "query-canonical-request.txt",
                             "query-string-to-sign.txt", "query-signature.txt", "query-signed-request.txt"}) {
      EXPECT_TRUE(fs::exists(kSuiteDir / name / file)) << name << " lacks " << file;
    }
  }
}

class SigningSuiteTest : public ::testing::TestWithParam<std::string> {
 protected:
  fs::path Dir() const { return kSuiteDir / GetParam(); }
};

TEST_P(SigningSuiteTest, HeaderForm) {
  SuiteCase c = LoadCase(GetParam());
  auto result = SignRequest(c.request, c.credentials, c.params);
  ASSERT_TRUE(result.ok()) << result.error().message();
  EXPECT_EQ(result->canonical_request, ReadExpected(Dir() / "header-canonical-request.txt"));
  EXPECT_EQ(result->string_to_sign, ReadExpected(Dir() / "header-string-to-sign.txt"));
  EXPECT_EQ(result->signature, ReadExpected(Dir() / "header-signature.txt"));

  // The signed request carries exactly the expected headers (any order).
  const RawRequest expected = ParseRawRequest(ReadFile(Dir() / "header-signed-request.txt"));
  auto normalized = [](const Headers& headers) {
    std::multimap<std::string, std::string> out;
    for (const auto& [name, value] : headers) {
      std::string lower = name;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
      out.emplace(lower, value);
    }
    return out;
  };
  EXPECT_EQ(normalized(c.request.headers), normalized(expected.headers));
  EXPECT_EQ(c.request.url, "https://" + *c.request.header("host") + expected.target);
}

TEST_P(SigningSuiteTest, QueryForm) {
  SuiteCase c = LoadCase(GetParam());
  const Headers headers_before = c.request.headers;
  auto result = PresignRequest(c.request, c.credentials, c.params, c.expires);
  ASSERT_TRUE(result.ok()) << result.error().message();
  EXPECT_EQ(result->canonical_request, ReadExpected(Dir() / "query-canonical-request.txt"));
  EXPECT_EQ(result->string_to_sign, ReadExpected(Dir() / "query-string-to-sign.txt"));
  EXPECT_EQ(result->signature, ReadExpected(Dir() / "query-signature.txt"));

  const RawRequest expected = ParseRawRequest(ReadFile(Dir() / "query-signed-request.txt"));
  EXPECT_EQ(c.request.url, "https://" + *c.request.header("host") + expected.target);
  EXPECT_EQ(c.request.headers, headers_before);
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Aws, SigningSuiteTest, ::testing::ValuesIn(ListSuiteCases()), CaseName);

// ---------------------------------------------------------------------------
// Cases beyond the suite. Expected signatures come from botocore 1.43 signing
// the same request at the same time.

constexpr char kAccessKeyId[] = "AKIDEXAMPLE";
constexpr char kSigningSecret[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr char kSigningToken[] = "SESSIONTOKEN/+=";

Credentials TestCredentials(bool with_token = true) {
  Credentials credentials;
  credentials.access_key_id = kAccessKeyId;
  credentials.secret_access_key = kSigningSecret;
  if (with_token) credentials.session_token = kSigningToken;
  return credentials;
}

SigningParams SigningParamsFor(std::string service) {
  SigningParams params;
  params.region = "us-east-1";
  params.service = std::move(service);
  params.time = FakeClock::Parse("2015-08-30T12:36:00Z");
  return params;
}

SigningParams S3Params() {
  SigningParams params = SigningParamsFor("s3");
  params.sign_body = false;
  params.add_content_sha256_header = true;
  params.normalize_path = false;
  params.double_encode_path = false;
  return params;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(SignRequest, S3KeepsTheKeySingleEncodedAndSignsTheContentHash) {
  HttpRequest request;
  request.url = "https://s3.us-east-1.amazonaws.com/bucket/my%20file%2Bx.txt";
  auto result = SignRequest(request, TestCredentials(), S3Params());
  ASSERT_TRUE(result.ok()) << result.error().message();

  const auto lines = Lines(result->canonical_request);
  ASSERT_EQ(lines.size(), 10u) << result->canonical_request;
  EXPECT_EQ(lines[0], "GET");
  EXPECT_EQ(lines[1], "/bucket/my%20file%2Bx.txt");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(lines[3], "host:s3.us-east-1.amazonaws.com");
  EXPECT_EQ(lines[4], "x-amz-content-sha256:UNSIGNED-PAYLOAD");
  EXPECT_EQ(lines[5], "x-amz-date:20150830T123600Z");
  EXPECT_EQ(lines[6], std::string("x-amz-security-token:") + kSigningToken);
  EXPECT_EQ(lines[8], "host;x-amz-content-sha256;x-amz-date;x-amz-security-token");
  EXPECT_EQ(lines[9], "UNSIGNED-PAYLOAD");

  ASSERT_NE(request.header("x-amz-content-sha256"), nullptr);
  EXPECT_EQ(*request.header("x-amz-content-sha256"), "UNSIGNED-PAYLOAD");
  ASSERT_NE(request.header("x-amz-security-token"), nullptr);
  EXPECT_EQ(*request.header("x-amz-security-token"), kSigningToken);
  EXPECT_EQ(*request.header("host"), "s3.us-east-1.amazonaws.com");
  EXPECT_EQ(result->signature, "7ddb5d6da1e51aff4dabb3c5ce29a065415c3c8751d65ad9d91075cdc511c8bb");
  EXPECT_EQ(*request.header("authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, "
            "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, "
            "Signature=7ddb5d6da1e51aff4dabb3c5ce29a065415c3c8751d65ad9d91075cdc511c8bb");
  EXPECT_EQ(request.url, "https://s3.us-east-1.amazonaws.com/bucket/my%20file%2Bx.txt");
}

TEST(SignRequest, S3DoesNotNormalizeThePath) {
  HttpRequest request;
  request.url = "https://bucket.s3.amazonaws.com//a/./b/../c%2F";
  auto result = SignRequest(request, TestCredentials(), S3Params());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Lines(result->canonical_request)[1], "//a/./b/../c%2F");
}

TEST(SignRequest, OtherServicesEncodeTheWirePathAgain) {
  HttpRequest request;
  request.url =
      "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/"
      "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-fn/policy?Qualifier=a%20b";
  auto result = SignRequest(request, TestCredentials(/*with_token=*/false), SigningParamsFor("lambda"));
  ASSERT_TRUE(result.ok());
  const auto lines = Lines(result->canonical_request);
  EXPECT_EQ(
      lines[1],
      "/2015-03-31/functions/arn%253Aaws%253Alambda%253Aus-east-1%253A123456789012%253Afunction%253Amy-fn/policy");
  EXPECT_EQ(lines[2], "Qualifier=a%20b");
  EXPECT_EQ(result->signature, "8ea6f1431a1964c96832a4c8bc3db279a47cfd3054b2ebf6f8116c9dc144c12f");
  EXPECT_EQ(request.header("x-amz-security-token"), nullptr);
  EXPECT_EQ(request.header("x-amz-content-sha256"), nullptr);
}

TEST(SignRequest, QueryProtocolPostWithBodyAndToken) {
  HttpRequest request;
  request.method = "POST";
  request.url = "https://iam.amazonaws.com/";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  request.body = "Action=ListUsers&Version=2010-05-08";
  auto result = SignRequest(request, TestCredentials(), SigningParamsFor("iam"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Lines(result->canonical_request).back(),
            "b6359072c78d70ebee1e81adcbab4f01bf2c23245fa365ef83fe8f1f955085e2");
  EXPECT_EQ(result->signature, "717767ceda3892f0cca7c203a666c2a28961adf40d6e1638a7a9351b6d2f856c");
}

TEST(SignRequest, CanonicalQuerySortsByNameThenValue) {
  HttpRequest request;
  request.url = "https://ec2.us-east-1.amazonaws.com/?b=2&a=2&a=1&a-b=x&A=z&c+d=%7e&e&&f=%zz";
  auto result = SignRequest(request, TestCredentials(false), SigningParamsFor("ec2"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Lines(result->canonical_request)[2], "A=z&a=1&a=2&a-b=x&b=2&c%2Bd=~&e=&f=%25zz");
  EXPECT_EQ(request.url, "https://ec2.us-east-1.amazonaws.com/?b=2&a=2&a=1&a-b=x&A=z&c+d=%7e&e&&f=%zz");
}

TEST(SignRequest, AddsHostFromTheAuthority) {
  HttpRequest request;
  request.url = "https://sts.amazonaws.com:443/";
  ASSERT_TRUE(SignRequest(request, TestCredentials(), SigningParamsFor("sts")).ok());
  EXPECT_EQ(*request.header("host"), "sts.amazonaws.com");

  HttpRequest local;
  local.url = "http://127.0.0.1:5000/";
  auto result = SignRequest(local, TestCredentials(), SigningParamsFor("sts"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*local.header("host"), "127.0.0.1:5000");
  EXPECT_NE(result->canonical_request.find("\nhost:127.0.0.1:5000\n"), std::string::npos);
}

TEST(SignRequest, SkipsHeadersThatChangeInFlight) {
  HttpRequest request;
  request.url = "https://ec2.us-east-1.amazonaws.com/";
  request.headers = {{"User-Agent", "posture/0.1"},
                     {"X-Amzn-Trace-Id", "Root=1-abc"},
                     {"Expect", "100-continue"},
                     {"X-Amz-Target", "Foo.Bar"}};
  auto result = SignRequest(request, TestCredentials(false), SigningParamsFor("ec2"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Lines(result->canonical_request)[7], "host;x-amz-date;x-amz-target");
  EXPECT_EQ(*request.header("user-agent"), "posture/0.1");
}

TEST(SignRequest, ResigningReplacesThePreviousSignature) {
  HttpRequest request;
  request.url = "https://iam.amazonaws.com/";
  SigningParams params = SigningParamsFor("iam");
  ASSERT_TRUE(SignRequest(request, TestCredentials(), params).ok());

  params.time += std::chrono::minutes(5);
  HttpRequest fresh;
  fresh.url = request.url;
  auto expected = SignRequest(fresh, TestCredentials(), params);
  auto again = SignRequest(request, TestCredentials(), params);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->canonical_request, expected->canonical_request);
  EXPECT_EQ(again->signature, expected->signature);
  for (const char* name : {"authorization", "x-amz-date", "x-amz-security-token", "host"}) {
    EXPECT_EQ(std::count_if(request.headers.begin(), request.headers.end(),
                            [&](const auto& h) { return HeaderNameEquals(h.first, name); }),
              1)
        << name;
  }

  // Credentials that lost their session token must not leave the old one behind.
  ASSERT_TRUE(SignRequest(request, TestCredentials(/*with_token=*/false), params).ok());
  EXPECT_EQ(request.header("x-amz-security-token"), nullptr);
}

// Signing keys are cached per thread; a changed secret, day, region or
// service must never reuse a key derived for another.
TEST(SignRequest, SigningKeyFollowsSecretDayRegionAndService) {
  auto sign = [](const Credentials& credentials, const SigningParams& params) {
    HttpRequest request;
    request.url = "https://s3.us-east-1.amazonaws.com/bucket/my%20file%2Bx.txt";
    return SignRequest(request, credentials, params)->signature;
  };
  const std::string reference = "7ddb5d6da1e51aff4dabb3c5ce29a065415c3c8751d65ad9d91075cdc511c8bb";
  EXPECT_EQ(sign(TestCredentials(), S3Params()), reference);

  Credentials other_secret = TestCredentials();
  other_secret.secret_access_key = "another-secret";
  SigningParams other_day = S3Params();
  other_day.time += std::chrono::hours(24);
  SigningParams other_region = S3Params();
  other_region.region = "eu-west-1";
  SigningParams other_service = S3Params();
  other_service.service = "s3-object-lambda";
  std::vector<std::string> seen = {reference};
  seen.push_back(sign(other_secret, S3Params()));
  seen.push_back(sign(TestCredentials(), other_day));
  seen.push_back(sign(TestCredentials(), other_region));
  seen.push_back(sign(TestCredentials(), other_service));
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end()) << "two scopes produced the same signature";

  // Cycle through more scopes than a thread keeps, then come back.
  for (int i = 0; i < 20; ++i) {
    SigningParams params = S3Params();
    params.region = "region-" + std::to_string(i);
    sign(TestCredentials(), params);
  }
  EXPECT_EQ(sign(TestCredentials(), S3Params()), reference);
}

TEST(SignRequest, IsThreadSafe) {
  HttpRequest request;
  request.url = "https://s3.us-east-1.amazonaws.com/bucket/my%20file%2Bx.txt";
  const std::string expected = SignRequest(request, TestCredentials(), S3Params())->signature;
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        HttpRequest copy;
        copy.url = "https://s3.us-east-1.amazonaws.com/bucket/my%20file%2Bx.txt";
        auto result = SignRequest(copy, TestCredentials(), S3Params());
        if (!result.ok() || result->signature != expected) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : mismatches) EXPECT_EQ(count, 0);
}

TEST(PresignRequest, S3UrlWithUnsignedPayload) {
  HttpRequest request;
  request.url = "https://bucket.s3.us-east-1.amazonaws.com/dir/my%20file%2Bx.txt?versionId=abc";
  SigningParams params = S3Params();
  auto result = PresignRequest(request, TestCredentials(), params, std::chrono::seconds(900));
  ASSERT_TRUE(result.ok()) << result.error().message();
  EXPECT_EQ(Lines(result->canonical_request)[1], "/dir/my%20file%2Bx.txt");
  EXPECT_EQ(Lines(result->canonical_request).back(), "UNSIGNED-PAYLOAD");
  EXPECT_EQ(result->signature, "80670b933f796dc859957ae9005db3cb0f36ddc09c63dacc3b9baa7b6719ffab");
  EXPECT_EQ(request.url,
            "https://bucket.s3.us-east-1.amazonaws.com/dir/my%20file%2Bx.txt?versionId=abc"
            "&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request"
            "&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900"
            "&X-Amz-Security-Token=SESSIONTOKEN%2F%2B%3D"
            "&X-Amz-Signature=80670b933f796dc859957ae9005db3cb0f36ddc09c63dacc3b9baa7b6719ffab");
  EXPECT_TRUE(request.headers.empty());
}

TEST(PresignRequest, PresigningAgainReplacesThePreviousParameters) {
  HttpRequest request;
  request.url = "https://bucket.s3.us-east-1.amazonaws.com/key?versionId=abc#fragment";
  ASSERT_TRUE(PresignRequest(request, TestCredentials(), S3Params(), std::chrono::seconds(60)).ok());
  const std::string first = request.url;
  ASSERT_TRUE(PresignRequest(request, TestCredentials(), S3Params(), std::chrono::seconds(60)).ok());
  EXPECT_EQ(request.url, first);
  EXPECT_EQ(request.url.find('#'), std::string::npos);
}

TEST(SigV4Errors, EmptyCredentials) {
  for (Credentials credentials : {Credentials{}, Credentials{"", kSigningSecret, kSigningToken, {}, "test"},
                                  Credentials{kAccessKeyId, "", kSigningToken, {}, "test"}}) {
    HttpRequest request;
    request.url = "https://iam.amazonaws.com/";
    auto signed_request = SignRequest(request, credentials, SigningParamsFor("iam"));
    ASSERT_FALSE(signed_request.ok());
    EXPECT_EQ(signed_request.error().kind(), base::ErrorKind::kCredentials);
    EXPECT_TRUE(request.headers.empty()) << "a failed signing must leave the request alone";

    auto presigned = PresignRequest(request, credentials, SigningParamsFor("iam"), std::chrono::seconds(60));
    ASSERT_FALSE(presigned.ok());
    EXPECT_EQ(presigned.error().kind(), base::ErrorKind::kCredentials);
    EXPECT_EQ(request.url, "https://iam.amazonaws.com/");
  }
}

TEST(SigV4Errors, UnparsableUrl) {
  for (const char* url : {"", "iam.amazonaws.com/", "ftp://iam.amazonaws.com/", "https:///x", "https://host:99999/"}) {
    HttpRequest request;
    request.url = url;
    auto result = SignRequest(request, TestCredentials(), SigningParamsFor("iam"));
    ASSERT_FALSE(result.ok()) << url;
    EXPECT_EQ(result.error().kind(), base::ErrorKind::kInvalidInput) << url;
    auto presigned = PresignRequest(request, TestCredentials(), SigningParamsFor("iam"), std::chrono::seconds(60));
    ASSERT_FALSE(presigned.ok()) << url;
    EXPECT_EQ(presigned.error().kind(), base::ErrorKind::kInvalidInput) << url;
  }
}

TEST(SigV4Errors, MissingRegionOrServiceAndBadExpiry) {
  HttpRequest request;
  request.url = "https://iam.amazonaws.com/";
  SigningParams params = SigningParamsFor("iam");
  params.region.clear();
  auto result = SignRequest(request, TestCredentials(), params);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind(), base::ErrorKind::kInvalidInput);

  for (auto expires : {std::chrono::seconds(0), std::chrono::seconds(-1), std::chrono::seconds(604801)}) {
    auto presigned = PresignRequest(request, TestCredentials(), SigningParamsFor("iam"), expires);
    ASSERT_FALSE(presigned.ok());
    EXPECT_EQ(presigned.error().kind(), base::ErrorKind::kInvalidInput);
  }
  EXPECT_TRUE(PresignRequest(request, TestCredentials(), SigningParamsFor("iam"), std::chrono::seconds(604800)).ok());
}

TEST(SigV4Errors, MessagesNeverCarrySecrets) {
  const std::string secret = "SECRET-wJalrXUtnFEMI";
  const std::string token = "TOKEN-IQoJb3JpZ2luX2Vj";
  std::vector<base::Error> errors;
  auto collect = [&](const base::Result<SigningResult>& result) {
    ASSERT_FALSE(result.ok());
    errors.push_back(result.error());
  };
  HttpRequest bad_url;
  bad_url.url = "ftp://host/?X-Amz-Security-Token=" + token;
  collect(SignRequest(bad_url, Credentials{kAccessKeyId, secret, token, {}, "test"}, SigningParamsFor("iam")));
  collect(PresignRequest(bad_url, Credentials{kAccessKeyId, secret, token, {}, "test"}, SigningParamsFor("iam"),
                         std::chrono::seconds(60)));
  HttpRequest good_url;
  good_url.url = "https://iam.amazonaws.com/";
  collect(SignRequest(good_url, Credentials{"", secret, token, {}, "test"}, SigningParamsFor("iam")));
  collect(PresignRequest(good_url, Credentials{kAccessKeyId, secret, token, {}, "test"}, SigningParamsFor("iam"),
                         std::chrono::seconds(0)));
  SigningParams no_service = SigningParamsFor("");
  collect(SignRequest(good_url, Credentials{kAccessKeyId, secret, token, {}, "test"}, no_service));
  for (const auto& error : errors) {
    EXPECT_EQ(error.describe().find(secret), std::string::npos) << error.describe();
    EXPECT_EQ(error.describe().find(token), std::string::npos) << error.describe();
  }
}

}  // namespace
}  // namespace posture::aws
