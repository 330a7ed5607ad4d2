// Providers that call AWS: assume role, web identity, SSO, and the profile
// resolution that builds them, against a scripted transport.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <barrier>
#include <mutex>
#include <thread>

#include "aws/credentials/assume_role_provider.h"
#include "aws/credentials/profile_provider.h"
#include "aws/credentials/refreshing_provider.h"
#include "aws/credentials/sso_provider.h"
#include "aws/credentials/web_identity_provider.h"
#include "aws/url.h"
#include "credentials_test_support.h"
#include "support/fake_clock.h"
#include "support/fake_transport.h"

namespace posture::aws {
namespace {

using namespace std::chrono_literals;
using testing::FakeClock;
using testing::FakeTransport;
using testing::FormFields;
using testing::MakeResponse;
using testing::StsCredentialsXml;
using testing::StsErrorXml;
using testing::TempDir;

constexpr const char* kSourceSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSOURCEKEY";
constexpr const char* kSourceToken = "FwoGZXIvYXdzSOURCETOKEN==";
constexpr const char* kRoleSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbROLESECRET";
constexpr const char* kRoleToken = "IQoJb3JpZ2luX2VjROLETOKEN==";
constexpr const char* kWebToken = "eyJhbGciOiJSUzI1NiJ9.WEBIDENTITYTOKEN.sig";
constexpr const char* kSsoToken = "aoaAAAAAGSSOACCESSTOKEN";
constexpr const char* kRoleArn = "arn:aws:iam::123456789012:role/audit";

void ExpectNoStsSecrets(const base::Error& error) {
  for (const char* secret : {kSourceSecret, kSourceToken, kRoleSecret, kRoleToken, kWebToken, kSsoToken}) {
    EXPECT_EQ(error.describe().find(secret), std::string::npos) << error.describe();
  }
  EXPECT_EQ(error.describe().find('\n'), std::string::npos) << error.describe();
}

std::string AssumeRoleXml(const std::string& key_id, const std::string& expiration = "2026-01-15T11:00:00Z") {
  return StsCredentialsXml("AssumeRole", key_id, kRoleSecret, kRoleToken, expiration);
}

std::string AuthorizationKeyId(const HttpRequest& request) {
  const std::string* authorization = request.header("Authorization");
  if (!authorization) return "";
  auto start = authorization->find("Credential=");
  if (start == std::string::npos) return "";
  start += 11;
  return authorization->substr(start, authorization->find('/', start) - start);
}

std::string QueryParameter(const std::string& url, const std::string& name) {
  auto parsed = ParseUrl(url);
  if (!parsed.ok()) return "";
  for (const auto& [key, value] : ParseQuery(parsed->query)) {
    if (key == name) return value;
  }
  return "";
}

std::shared_ptr<CredentialProvider> SourceCredentials(const std::string& key_id = "AKIDSOURCE") {
  Credentials credentials;
  credentials.access_key_id = key_id;
  credentials.secret_access_key = kSourceSecret;
  credentials.session_token = kSourceToken;
  credentials.source = "test source";
  return std::make_shared<StaticCredentialProvider>(credentials);
}

class StsTest : public ::testing::Test {
 protected:
  StsTest() {
    env_.set("HOME", dir_.path());
    env_.set("AWS_EC2_METADATA_DISABLED", "true");
    context_.transport = &transport_;
    context_.clock = &clock_;
    context_.env = &env_;
  }

  std::shared_ptr<const SharedConfig> load() {
    auto config = LoadSharedConfig(env_);
    EXPECT_TRUE(config.ok()) << config.error().message();
    return std::make_shared<const SharedConfig>(config.ok() ? std::move(config).value() : SharedConfig());
  }

  base::Result<Credentials> fetch_profile(const std::string& profile) {
    ProfileProvider provider(profile, load(), context_, true);
    return provider.fetch();
  }

  // Answers AssumeRole for any role with keys named after the role's last path element.
  void answer_assume_role_by_role_name() {
    transport_.set_handler([](const HttpRequest& request) -> base::Result<HttpResponse> {
      auto fields = FormFields(request.body);
      std::string role = fields["RoleArn"].substr(fields["RoleArn"].rfind('/') + 1);
      return MakeResponse(200, AssumeRoleXml("ASIA" + role));
    });
  }

  TempDir dir_;
  MapEnvironment env_;
  FakeClock clock_;
  FakeTransport transport_;
  ProviderContext context_;
};

// ---- assume role ----

TEST_F(StsTest, AssumeRoleSendsTheParametersSignedWithTheSource) {
  context_.region = "eu-west-1";
  transport_.push_response(200, AssumeRoleXml("ASIAROLE"));
  AssumeRoleOptions options;
  options.role_arn = kRoleArn;
  options.role_session_name = "audit-session";
  options.external_id = "ext-123";
  options.duration_seconds = 1800;
  options.label = "profile audit";
  AssumeRoleProvider provider(context_, SourceCredentials(), options);
  auto credentials = provider.fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIAROLE");
  EXPECT_EQ(credentials->secret_access_key, kRoleSecret);
  EXPECT_EQ(credentials->session_token, kRoleToken);
  EXPECT_EQ(credentials->expiration, FakeClock::Parse("2026-01-15T11:00:00Z"));
  EXPECT_EQ(credentials->source, "profile audit (assume role)");

  ASSERT_EQ(transport_.request_count(), 1u);
  HttpRequest request = transport_.requests()[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url.rfind("https://sts.eu-west-1.amazonaws.com", 0), 0u) << request.url;
  auto fields = FormFields(request.body);
  EXPECT_EQ(fields["Action"], "AssumeRole");
  EXPECT_EQ(fields["RoleArn"], kRoleArn);
  EXPECT_EQ(fields["RoleSessionName"], "audit-session");
  EXPECT_EQ(fields["ExternalId"], "ext-123");
  EXPECT_EQ(fields["DurationSeconds"], "1800");
  EXPECT_EQ(AuthorizationKeyId(request), "AKIDSOURCE");
  ASSERT_NE(request.header("X-Amz-Security-Token"), nullptr);
  EXPECT_EQ(*request.header("X-Amz-Security-Token"), kSourceToken);
}

TEST_F(StsTest, AssumeRoleDefaultsSessionNameAndRegion) {
  transport_.push_response(200, AssumeRoleXml("ASIAROLE"));
  AssumeRoleOptions options;
  options.role_arn = kRoleArn;
  AssumeRoleProvider provider(context_, SourceCredentials(), options);
  ASSERT_TRUE(provider.fetch().ok());
  HttpRequest request = transport_.requests()[0];
  EXPECT_EQ(request.url.rfind("https://sts.us-east-1.amazonaws.com", 0), 0u) << request.url;
  auto fields = FormFields(request.body);
  EXPECT_EQ(fields["RoleSessionName"], "posture-1768471200000");
  EXPECT_EQ(fields.count("ExternalId"), 0u);
  EXPECT_EQ(fields.count("DurationSeconds"), 0u);
}

TEST_F(StsTest, AssumeRoleHonoursEndpointOverrides) {
  context_.endpoints.all = "http://127.0.0.1:5000";
  transport_.push_response(200, AssumeRoleXml("ASIAROLE"));
  AssumeRoleOptions options;
  options.role_arn = kRoleArn;
  ASSERT_TRUE(AssumeRoleProvider(context_, SourceCredentials(), options).fetch().ok());
  EXPECT_EQ(transport_.requests()[0].url.rfind("http://127.0.0.1:5000", 0), 0u) << transport_.requests()[0].url;
}

TEST_F(StsTest, AssumeRoleDeniedIsACredentialsErrorNamingTheRole) {
  transport_.push_response(403, StsErrorXml("AccessDenied", "User is not authorized to perform: sts:AssumeRole"));
  AssumeRoleOptions options;
  options.role_arn = kRoleArn;
  options.label = "profile audit";
  auto credentials = AssumeRoleProvider(context_, SourceCredentials(), options).fetch();
  ASSERT_FALSE(credentials.ok());
  const base::Error& error = credentials.error();
  EXPECT_EQ(error.kind(), base::ErrorKind::kCredentials);
  EXPECT_EQ(error.code(), "AccessDenied");
  EXPECT_EQ(error.message().rfind(std::string("profile audit: assuming role ") + kRoleArn + ": ", 0), 0u)
      << error.message();
  EXPECT_NE(error.message().find("not authorized"), std::string::npos);
  ExpectNoStsSecrets(error);
}

TEST_F(StsTest, AssumeRoleWithAMalformedResponseDoesNotQuoteIt) {
  transport_.push_response(200, "<AssumeRoleResponse><AssumeRoleResult><Credentials><SecretAccessKey>" +
                                    std::string(kRoleSecret) + "</SecretAccessKey>");
  AssumeRoleOptions options;
  options.role_arn = kRoleArn;
  auto credentials = AssumeRoleProvider(context_, SourceCredentials(), options).fetch();
  ASSERT_FALSE(credentials.ok());
  ExpectNoStsSecrets(credentials.error());
}

class BrokenSource final : public CredentialProvider {
 public:
  base::Result<Credentials> fetch() override { return base::Error::Credentials("profile base: source broken"); }
  std::string name() const override { return "broken"; }
};

TEST_F(StsTest, SourceFailureIsReported) {
  AssumeRoleOptions options;
  options.role_arn = kRoleArn;
  options.label = "profile top";
  auto credentials = AssumeRoleProvider(context_, std::make_shared<BrokenSource>(), options).fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().kind(), base::ErrorKind::kCredentials);
  EXPECT_NE(credentials.error().message().find("profile top: assuming role"), std::string::npos)
      << credentials.error().message();
  EXPECT_NE(credentials.error().message().find("profile base: source broken"), std::string::npos);
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(StsTest, RefreshesBeforeExpiryAndOnlyOnceUnderSixteenThreads) {
  constexpr int kThreads = 16;
  std::atomic<int> calls{0};
  transport_.set_handler([&](const HttpRequest&) -> base::Result<HttpResponse> {
    int call = ++calls;
    std::this_thread::sleep_for(50ms);
    return MakeResponse(
        200, AssumeRoleXml("ASIA" + std::to_string(call), call == 1 ? "2026-01-15T11:00:00Z" : "2026-01-15T12:00:00Z"));
  });
  AssumeRoleOptions options;
  options.role_arn = kRoleArn;
  auto provider = std::make_shared<RefreshingProvider>(
      std::make_shared<AssumeRoleProvider>(context_, SourceCredentials(), options), clock_);

  auto run_all = [&] {
    std::barrier start(kThreads);
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&] {
        start.arrive_and_wait();
        if (!provider->fetch().ok()) ++failures;
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0);
  };

  run_all();
  EXPECT_EQ(calls.load(), 1);
  clock_.advance(54min);
  run_all();
  EXPECT_EQ(calls.load(), 1);
  clock_.advance(2min);  // 4 minutes before 11:00
  run_all();
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(provider->fetch()->access_key_id, "ASIA2");
}

// ---- web identity ----

TEST_F(StsTest, WebIdentityFromEnvironmentIsUnsignedAndRereadsTheToken) {
  std::string token_file = dir_.write("token", std::string(kWebToken) + "\n");
  env_.set("AWS_WEB_IDENTITY_TOKEN_FILE", token_file);
  env_.set("AWS_ROLE_ARN", kRoleArn);
  env_.set("AWS_ROLE_SESSION_NAME", "ci-run");
  context_.region = "ap-southeast-2";
  auto options = WebIdentityOptionsFromEnvironment(env_);
  ASSERT_TRUE(options.ok());
  ASSERT_TRUE(options->has_value());
  WebIdentityProvider provider(context_, **options);

  transport_.push_response(
      200, StsCredentialsXml("AssumeRoleWithWebIdentity", "ASIAWEB1", kRoleSecret, kRoleToken, "2026-01-15T11:00:00Z"));
  auto credentials = provider.fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIAWEB1");
  EXPECT_EQ(credentials->source, "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)");
  HttpRequest first = transport_.requests()[0];
  EXPECT_EQ(first.url.rfind("https://sts.ap-southeast-2.amazonaws.com", 0), 0u) << first.url;
  EXPECT_EQ(first.header("Authorization"), nullptr);
  auto fields = FormFields(first.body);
  EXPECT_EQ(fields["Action"], "AssumeRoleWithWebIdentity");
  EXPECT_EQ(fields["RoleArn"], kRoleArn);
  EXPECT_EQ(fields["RoleSessionName"], "ci-run");
  EXPECT_EQ(fields["WebIdentityToken"], kWebToken);

  dir_.write("token", "rotated-token");
  transport_.push_response(
      200, StsCredentialsXml("AssumeRoleWithWebIdentity", "ASIAWEB2", kRoleSecret, kRoleToken, "2026-01-15T12:00:00Z"));
  ASSERT_TRUE(provider.fetch().ok());
  EXPECT_EQ(FormFields(transport_.requests()[1].body)["WebIdentityToken"], "rotated-token");
}

TEST_F(StsTest, WebIdentityEnvironmentOptions) {
  auto none = WebIdentityOptionsFromEnvironment(env_);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  env_.set("AWS_ROLE_ARN", kRoleArn);
  EXPECT_FALSE(WebIdentityOptionsFromEnvironment(env_)->has_value());
  env_.set("AWS_ROLE_ARN", std::nullopt);
  env_.set("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token");
  auto half = WebIdentityOptionsFromEnvironment(env_);
  ASSERT_FALSE(half.ok());
  EXPECT_EQ(half.error().kind(), base::ErrorKind::kCredentials);
}

TEST_F(StsTest, WebIdentityErrorsNeverContainTheToken) {
  WebIdentityOptions options;
  options.token_file = dir_.write("token", kWebToken);
  options.role_arn = kRoleArn;
  transport_.push_response(400, StsErrorXml("InvalidIdentityToken", "Couldn't retrieve verification key"));
  auto rejected = WebIdentityProvider(context_, options).fetch();
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().code(), "InvalidIdentityToken");
  ExpectNoStsSecrets(rejected.error());

  options.token_file = dir_.path() + "/missing-token";
  auto missing = WebIdentityProvider(context_, options).fetch();
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message().find("does not exist"), std::string::npos);

  options.token_file = dir_.write("empty", "\n");
  auto empty = WebIdentityProvider(context_, options).fetch();
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message().find("is empty"), std::string::npos);
  EXPECT_EQ(transport_.request_count(), 1u);
}

// ---- profiles ----

TEST_F(StsTest, ProfileWithStaticKeys) {
  dir_.write(".aws/credentials", std::string("[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = ") +
                                     kSourceSecret + "\naws_session_token = " + kSourceToken + "\n");
  auto credentials = fetch_profile("dev");
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "AKIDDEV");
  EXPECT_EQ(credentials->secret_access_key, kSourceSecret);
  EXPECT_EQ(credentials->session_token, kSourceToken);
  EXPECT_EQ(credentials->source, "profile dev");
}

TEST_F(StsTest, ProfileWithHalfStaticKeys) {
  dir_.write(".aws/credentials",
             std::string("[a]\naws_access_key_id = AKIDA\n[b]\naws_secret_access_key = ") + kSourceSecret + "\n");
  auto a = fetch_profile("a");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message(), "profile a has aws_access_key_id but no aws_secret_access_key");
  auto b = fetch_profile("b");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().message(), "profile b has aws_secret_access_key but no aws_access_key_id");
  ExpectNoStsSecrets(b.error());
}

TEST_F(StsTest, RoleWithSourceProfilePassesEverySetting) {
  dir_.write(".aws/config", std::string("[profile audit]\nrole_arn = ") + kRoleArn +
                                "\nsource_profile = base\nexternal_id = ext-9\nrole_session_name = me\n"
                                "duration_seconds = 3600\nregion = eu-north-1\n");
  dir_.write(".aws/credentials",
             std::string("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = ") + kSourceSecret + "\n");
  context_.region = "eu-north-1";
  transport_.push_response(200, AssumeRoleXml("ASIAAUDIT"));
  auto credentials = fetch_profile("audit");
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIAAUDIT");
  EXPECT_EQ(credentials->source, "profile audit (assume role)");
  HttpRequest request = transport_.requests()[0];
  EXPECT_EQ(request.url.rfind("https://sts.eu-north-1.amazonaws.com", 0), 0u);
  auto fields = FormFields(request.body);
  EXPECT_EQ(fields["RoleArn"], kRoleArn);
  EXPECT_EQ(fields["ExternalId"], "ext-9");
  EXPECT_EQ(fields["RoleSessionName"], "me");
  EXPECT_EQ(fields["DurationSeconds"], "3600");
  EXPECT_EQ(AuthorizationKeyId(request), "AKIDBASE");
}

TEST_F(StsTest, ChainedRolesAssumeInOrder) {
  dir_.write(".aws/config",
             "[profile top]\nrole_arn = arn:aws:iam::111111111111:role/top\nsource_profile = middle\n"
             "[profile middle]\nrole_arn = arn:aws:iam::222222222222:role/middle\nsource_profile = base\n"
             "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n");
  answer_assume_role_by_role_name();
  auto credentials = fetch_profile("top");
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIAtop");
  auto requests = transport_.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(FormFields(requests[0].body)["RoleArn"], "arn:aws:iam::222222222222:role/middle");
  EXPECT_EQ(AuthorizationKeyId(requests[0]), "AKIDBASE");
  EXPECT_EQ(FormFields(requests[1].body)["RoleArn"], "arn:aws:iam::111111111111:role/top");
  EXPECT_EQ(AuthorizationKeyId(requests[1]), "ASIAmiddle");
}

TEST_F(StsTest, SourceProfileWithStaticKeysUsesThemEvenWithARole) {
  dir_.write(".aws/config",
             "[profile self]\nrole_arn = arn:aws:iam::111111111111:role/self\nsource_profile = self\n"
             "aws_access_key_id = AKIDSELF\naws_secret_access_key = s\n"
             "[profile top]\nrole_arn = arn:aws:iam::111111111111:role/top\nsource_profile = both\n"
             "[profile both]\nrole_arn = arn:aws:iam::111111111111:role/both\nsource_profile = x\n"
             "aws_access_key_id = AKIDBOTH\naws_secret_access_key = s\n");
  answer_assume_role_by_role_name();
  auto self = fetch_profile("self");
  ASSERT_TRUE(self.ok()) << self.error().describe();
  EXPECT_EQ(self->access_key_id, "ASIAself");
  ASSERT_EQ(transport_.request_count(), 1u);
  EXPECT_EQ(AuthorizationKeyId(transport_.requests()[0]), "AKIDSELF");

  auto top = fetch_profile("top");
  ASSERT_TRUE(top.ok()) << top.error().describe();
  ASSERT_EQ(transport_.request_count(), 2u);
  EXPECT_EQ(FormFields(transport_.requests()[1].body)["RoleArn"], "arn:aws:iam::111111111111:role/top");
  EXPECT_EQ(AuthorizationKeyId(transport_.requests()[1]), "AKIDBOTH");
}

TEST_F(StsTest, SourceProfileLoopsAreErrors) {
  dir_.write(".aws/config",
             "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
             "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n"
             "[profile me]\nrole_arn = arn:aws:iam::1:role/me\nsource_profile = me\n");
  auto loop = fetch_profile("a");
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.error().message(), "profile a: source_profile loop a -> b -> a");
  auto self = fetch_profile("me");
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().message(), "profile me: source_profile loop me -> me");
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(StsTest, MfaProfilesAreRefused) {
  dir_.write(".aws/config",
             "[profile mfa]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = base\n"
             "mfa_serial = arn:aws:iam::1:mfa/me\n"
             "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n");
  auto credentials = fetch_profile("mfa");
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().message(),
            "profile mfa requires MFA (mfa_serial); posture cannot prompt for a code: run with credentials from "
            "`aws sts get-session-token` or a profile without mfa_serial");
}

TEST_F(StsTest, CredentialSourceEnvironment) {
  dir_.write(".aws/config", "[profile ci]\nrole_arn = arn:aws:iam::1:role/ci\ncredential_source = Environment\n");
  auto without_env = fetch_profile("ci");
  ASSERT_FALSE(without_env.ok());
  EXPECT_FALSE(IsNotConfigured(without_env.error()));
  EXPECT_NE(without_env.error().message().find("credential_source Environment"), std::string::npos)
      << without_env.error().message();

  env_.set("AWS_ACCESS_KEY_ID", "AKIDENV");
  env_.set("AWS_SECRET_ACCESS_KEY", kSourceSecret);
  answer_assume_role_by_role_name();
  auto credentials = fetch_profile("ci");
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIAci");
  EXPECT_EQ(AuthorizationKeyId(transport_.requests().back()), "AKIDENV");
}

TEST_F(StsTest, CredentialSourceInstanceMetadataDisabledIsAnError) {
  dir_.write(".aws/config",
             "[profile ec2]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Ec2InstanceMetadata\n");
  auto credentials = fetch_profile("ec2");
  ASSERT_FALSE(credentials.ok());
  EXPECT_FALSE(IsNotConfigured(credentials.error()));
  EXPECT_NE(credentials.error().message().find("AWS_EC2_METADATA_DISABLED"), std::string::npos);
}

struct BadProfile {
  std::string config;
  std::string message;
};

class BadProfileTest : public StsTest, public ::testing::WithParamInterface<BadProfile> {};

TEST_P(BadProfileTest, IsAClearCredentialsError) {
  dir_.write(".aws/config", GetParam().config);
  auto credentials = fetch_profile("p");
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().kind(), base::ErrorKind::kCredentials);
  EXPECT_FALSE(IsNotConfigured(credentials.error()));
  EXPECT_EQ(credentials.error().message(), GetParam().message);
  EXPECT_EQ(transport_.request_count(), 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadProfileTest,
    ::testing::Values(
        BadProfile{"[profile p]\nrole_arn = r\n",
                   "profile p has role_arn but neither source_profile nor credential_source"},
        BadProfile{"[profile p]\nrole_arn = r\nsource_profile = q\ncredential_source = Environment\n",
                   "profile p has both source_profile and credential_source; keep one"},
        BadProfile{"[profile p]\nrole_arn = r\ncredential_source = Laptop\n",
                   "profile p: credential_source 'Laptop' is not one of Environment, Ec2InstanceMetadata, "
                   "EcsContainer"},
        BadProfile{"[profile p]\nrole_arn = r\nsource_profile = ghost\n",
                   "profile p: source_profile 'ghost' does not exist in ~/.aws/config or ~/.aws/credentials"},
        BadProfile{"[profile p]\nrole_arn = r\nsource_profile = q\n[profile q]\nregion = x\n",
                   "profile p: source_profile 'q' has no credentials"},
        BadProfile{"[profile p]\nrole_arn = r\nsource_profile = q\nduration_seconds = 1h\n",
                   "profile p: duration_seconds must be a positive number of seconds"},
        BadProfile{"[profile p]\nweb_identity_token_file = /t\n",
                   "profile p has web_identity_token_file but no role_arn; add role_arn"},
        BadProfile{"[profile p]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n",
                   "profile p: sso_session 'corp' has no [sso-session corp] section in ~/.aws/config"},
        BadProfile{"[profile p]\nsso_start_url = https://x\nsso_role_name = r\n",
                   "profile p is missing SSO settings: sso_region, sso_account_id"},
        BadProfile{"[profile p]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n"
                   "sso_region = us-west-2\n[sso-session corp]\nsso_start_url = https://x\nsso_region = us-east-1\n",
                   "profile p: sso_region differs from the one in [sso-session corp]; remove it from the profile"}));

TEST_F(StsTest, UnknownOrEmptyProfiles) {
  dir_.write(".aws/config", "[profile empty]\nregion = us-east-1\n");
  auto unknown = fetch_profile("ghost");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message(), "profile 'ghost' not found in ~/.aws/config or ~/.aws/credentials");
  EXPECT_FALSE(IsNotConfigured(unknown.error()));

  ProfileProvider defaulted("default", load(), context_, false);
  auto absent = defaulted.fetch();
  ASSERT_FALSE(absent.ok());
  EXPECT_TRUE(IsNotConfigured(absent.error()));

  auto empty = fetch_profile("empty");
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(IsNotConfigured(empty.error()));
}

TEST_F(StsTest, ProfileWithWebIdentity) {
  std::string token = dir_.write("token", kWebToken);
  dir_.write(".aws/config", "[profile eks]\nrole_arn = " + std::string(kRoleArn) +
                                "\nweb_identity_token_file = " + token + "\nrole_session_name = pod\n");
  transport_.push_response(
      200, StsCredentialsXml("AssumeRoleWithWebIdentity", "ASIAEKS", kRoleSecret, kRoleToken, "2026-01-15T11:00:00Z"));
  auto credentials = fetch_profile("eks");
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIAEKS");
  EXPECT_EQ(credentials->source, "profile eks (web identity)");
  auto fields = FormFields(transport_.requests()[0].body);
  EXPECT_EQ(fields["Action"], "AssumeRoleWithWebIdentity");
  EXPECT_EQ(fields["WebIdentityToken"], kWebToken);
  EXPECT_EQ(fields["RoleSessionName"], "pod");
}

TEST_F(StsTest, ProfileWithCredentialProcess) {
  std::string script = dir_.write(
      "proc.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"s\"}'\n");
  chmod(script.c_str(), 0700);
  dir_.write(".aws/config", "[profile proc]\ncredential_process = " + script + "\n");
  auto credentials = fetch_profile("proc");
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "AKIDPROC");
}

// ---- SSO ----

std::string SsoCache(const std::string& expires_at) {
  return std::string(R"({"startUrl": "https://corp.awsapps.com/start", "region": "us-east-1", "accessToken": ")") +
         kSsoToken + R"(", "expiresAt": ")" + expires_at + R"("})";
}

std::string RoleCredentialsJson() {
  return std::string(R"({"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": ")") + kRoleSecret +
         R"(", "sessionToken": ")" + kRoleToken + R"(", "expiration": 1768478400000}})";
}

TEST_F(StsTest, SsoSessionProfileUsesTheCachedToken) {
  dir_.write(".aws/config",
             "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n"
             "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n");
  dir_.write(".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json", SsoCache("2026-01-15T18:00:00Z"));
  transport_.push_response(200, RoleCredentialsJson());
  auto credentials = fetch_profile("sso");
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIASSO");
  EXPECT_EQ(credentials->secret_access_key, kRoleSecret);
  EXPECT_EQ(credentials->session_token, kRoleToken);
  EXPECT_EQ(credentials->expiration, FakeClock::Parse("2026-01-15T12:00:00Z"));
  EXPECT_EQ(credentials->source, "profile sso (sso)");

  HttpRequest request = transport_.requests()[0];
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.url.rfind("https://portal.sso.eu-west-1.amazonaws.com/federation/credentials", 0), 0u)
      << request.url;
  EXPECT_EQ(QueryParameter(request.url, "role_name"), "ReadOnly");
  EXPECT_EQ(QueryParameter(request.url, "account_id"), "123456789012");
  ASSERT_NE(request.header("x-amz-sso_bearer_token"), nullptr);
  EXPECT_EQ(*request.header("x-amz-sso_bearer_token"), kSsoToken);
  EXPECT_EQ(request.header("Authorization"), nullptr);
}

TEST_F(StsTest, LegacySsoProfileHashesTheStartUrl) {
  dir_.write(".aws/config",
             "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\n"
             "sso_account_id = 123456789012\nsso_role_name = Admin\n");
  dir_.write(".aws/sso/cache/79e435d7a515078e81c9dffc35f38d5687ebd3a7.json", SsoCache("2026-01-15T18:00:00Z"));
  transport_.push_response(200, RoleCredentialsJson());
  auto credentials = fetch_profile("legacy");
  ASSERT_TRUE(credentials.ok()) << credentials.error().describe();
  EXPECT_EQ(credentials->access_key_id, "ASIASSO");
}

TEST_F(StsTest, SsoExpiredMissingOrRevokedTokens) {
  dir_.write(".aws/config",
             "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n"
             "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n");
  auto missing = fetch_profile("sso");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message().find("no cached SSO token"), std::string::npos);
  EXPECT_NE(missing.error().message().find("run `aws sso login --profile sso`"), std::string::npos);

  std::string cache = ".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json";
  dir_.write(cache, SsoCache("2026-01-15T09:59:59Z"));
  auto expired = fetch_profile("sso");
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().message(), "SSO session expired; run `aws sso login --profile sso`");
  ExpectNoStsSecrets(expired.error());

  dir_.write(cache, SsoCache("2026-01-15T18:00:00Z"));
  transport_.push_response(401, R"({"message": "Session token not found or invalid"})",
                           {{"x-amzn-ErrorType", "UnauthorizedException"}});
  auto revoked = fetch_profile("sso");
  ASSERT_FALSE(revoked.ok());
  EXPECT_EQ(revoked.error().message(), "SSO session expired or was revoked; run `aws sso login --profile sso`");
  ExpectNoStsSecrets(revoked.error());

  dir_.write(cache, "{not json");
  auto corrupt = fetch_profile("sso");
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.error().message().find("is not JSON"), std::string::npos);
}

TEST_F(StsTest, SsoTokenPath) {
  SsoOptions options;
  options.profile = "x";
  options.session_name = "corp";
  options.sso_region = "us-east-1";
  options.cache_directory = "/cache";
  EXPECT_EQ(SsoProvider(context_, options).token_path(), "/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
  options.cache_directory.clear();
  EXPECT_EQ(SsoProvider(context_, options).token_path(),
            dir_.path() + "/.aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
}

}  // namespace
}  // namespace posture::aws
