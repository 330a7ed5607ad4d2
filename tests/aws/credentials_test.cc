// Environment, process and refreshing providers, timestamps, and the
// default chain's order.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "aws/credentials/chain.h"
#include "aws/credentials/environment_provider.h"
#include "aws/credentials/process_provider.h"
#include "aws/credentials/provider_support.h"
#include "aws/credentials/refreshing_provider.h"
#include "credentials_test_support.h"
#include "support/fake_clock.h"
#include "support/fake_transport.h"

namespace posture::aws {
namespace {

using namespace std::chrono_literals;
using testing::FakeClock;
using testing::FakeTransport;
using testing::TempDir;

constexpr const char* kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
constexpr const char* kToken = "FwoGZXIvYXdzEXAMPLETOKEN==";

void ExpectNoSecrets(const base::Error& error) {
  EXPECT_EQ(error.message().find(kSecret), std::string::npos) << error.message();
  EXPECT_EQ(error.message().find(kToken), std::string::npos) << error.message();
  EXPECT_EQ(error.describe().find(kSecret), std::string::npos);
  EXPECT_EQ(error.message().find('\n'), std::string::npos) << error.message();
}

// ---- timestamps ----

TEST(TimestampTest, ParsesTheFormsCredentialSourcesUse) {
  auto base = FakeClock::Parse("2026-01-15T11:00:00Z");
  EXPECT_EQ(ParseExpiration("2026-01-15T11:00:00Z"), base);
  EXPECT_EQ(ParseExpiration("2026-01-15T11:00:00.250Z"), base + 250ms);
  EXPECT_EQ(ParseExpiration("2026-01-15T12:00:00+01:00"), base);
  EXPECT_EQ(ParseExpiration("2026-01-15T10:30:00-0030"), base);
  EXPECT_EQ(ParseExpiration("2026-01-15T11:00:00UTC"), base);
  EXPECT_EQ(ParseExpiration("2026-01-15 11:00:00"), base);
  EXPECT_EQ(ParseExpiration("2026-01-15T11:00:00Z\n"), base);
  for (const char* bad : {"", "tomorrow", "UTC", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                          "2026-01-15T11:00:00+1", "2026-01-15T11:00:00.Z", "2026-01-15T11:00:00 PST"}) {
    EXPECT_EQ(ParseExpiration(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(FormatExpiration(base + 999ms), "2026-01-15T11:00:00Z");
  EXPECT_EQ(EpochMillis(base + 5ms), 1768474800005);
}

TEST(ProviderSupportTest, NotConfiguredIsACredentialsErrorWithAMarker) {
  base::Error error = NotConfigured("nothing here");
  EXPECT_EQ(error.kind(), base::ErrorKind::kCredentials);
  EXPECT_TRUE(IsNotConfigured(error));
  EXPECT_FALSE(IsNotConfigured(base::Error::Credentials("broken")));
  EXPECT_TRUE(IsNotConfigured(AsCredentialsError(error, "ctx")));
  base::Error wrapped = AsCredentialsError(
      base::Error::AccessDenied("not allowed").with_code("AccessDenied").with_request_id("r1"), "profile dev");
  EXPECT_EQ(wrapped.kind(), base::ErrorKind::kCredentials);
  EXPECT_EQ(wrapped.message(), "profile dev: AccessDenied: not allowed");
  EXPECT_EQ(wrapped.describe(), "profile dev: AccessDenied: not allowed (request id r1)");
}

// ---- environment provider ----

TEST(EnvironmentProviderTest, NotConfiguredWithoutVariables) {
  MapEnvironment env;
  FakeClock clock;
  EnvironmentProvider provider(env, clock);
  auto credentials = provider.fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_TRUE(IsNotConfigured(credentials.error()));
}

TEST(EnvironmentProviderTest, ReadsKeysTokenAndExpiration) {
  MapEnvironment env({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                      {"AWS_SECRET_ACCESS_KEY", kSecret},
                      {"AWS_SESSION_TOKEN", kToken},
                      {"AWS_CREDENTIAL_EXPIRATION", "2026-01-15T12:00:00Z"}});
  FakeClock clock;
  EnvironmentProvider provider(env, clock);
  auto credentials = provider.fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_EQ(credentials->access_key_id, "AKIDENV");
  EXPECT_EQ(credentials->secret_access_key, kSecret);
  EXPECT_EQ(credentials->session_token, kToken);
  EXPECT_EQ(credentials->expiration, FakeClock::Parse("2026-01-15T12:00:00Z"));
  EXPECT_EQ(credentials->source, "environment");
}

TEST(EnvironmentProviderTest, LegacySecurityToken) {
  MapEnvironment env(
      {{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"AWS_SECRET_ACCESS_KEY", kSecret}, {"AWS_SECURITY_TOKEN", kToken}});
  FakeClock clock;
  auto credentials = EnvironmentProvider(env, clock).fetch();
  ASSERT_TRUE(credentials.ok());
  EXPECT_EQ(credentials->session_token, kToken);
  EXPECT_FALSE(credentials->expiration);
}

TEST(EnvironmentProviderTest, HalfSetVariablesAreAClearError) {
  FakeClock clock;
  MapEnvironment only_id({{"AWS_ACCESS_KEY_ID", "AKIDENV"}});
  auto missing_secret = EnvironmentProvider(only_id, clock).fetch();
  ASSERT_FALSE(missing_secret.ok());
  EXPECT_FALSE(IsNotConfigured(missing_secret.error()));
  EXPECT_EQ(missing_secret.error().message(),
            "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both");

  MapEnvironment only_secret({{"AWS_SECRET_ACCESS_KEY", kSecret}, {"AWS_SESSION_TOKEN", kToken}});
  auto missing_id = EnvironmentProvider(only_secret, clock).fetch();
  ASSERT_FALSE(missing_id.ok());
  EXPECT_FALSE(IsNotConfigured(missing_id.error()));
  ExpectNoSecrets(missing_id.error());
}

TEST(EnvironmentProviderTest, ExpiredOrMalformedExpiration) {
  FakeClock clock;
  MapEnvironment env({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                      {"AWS_SECRET_ACCESS_KEY", kSecret},
                      {"AWS_SESSION_TOKEN", kToken},
                      {"AWS_CREDENTIAL_EXPIRATION", "2026-01-15T09:00:00Z"}});
  auto expired = EnvironmentProvider(env, clock).fetch();
  ASSERT_FALSE(expired.ok());
  EXPECT_NE(expired.error().message().find("expired at 2026-01-15T09:00:00Z"), std::string::npos);
  ExpectNoSecrets(expired.error());

  env.set("AWS_CREDENTIAL_EXPIRATION", "soon");
  auto malformed = EnvironmentProvider(env, clock).fetch();
  ASSERT_FALSE(malformed.ok());
  EXPECT_NE(malformed.error().message().find("AWS_CREDENTIAL_EXPIRATION"), std::string::npos);
}

// ---- process provider ----

std::string WriteScript(const TempDir& dir, const std::string& name, const std::string& body) {
  std::string path = dir.write(name, "#!/bin/sh\n" + body);
  chmod(path.c_str(), 0700);
  return path;
}

TEST(SplitCommandLineTest, HonoursQuotesAndEscapes) {
  auto words = SplitCommandLine(R"(  /usr/bin/tool --a "two words" 'single "q"' es\ caped "q\"uote\\" mixed"x"y  )");
  ASSERT_TRUE(words.ok());
  EXPECT_EQ(*words, (std::vector<std::string>{"/usr/bin/tool", "--a", "two words", "single \"q\"", "es caped",
                                              "q\"uote\\", "mixedxy"}));
  EXPECT_EQ(SplitCommandLine(R"("C:\path\x")").value(), std::vector<std::string>{"C:\\path\\x"});
  EXPECT_EQ(SplitCommandLine(R"(a "" b)").value(), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_TRUE(SplitCommandLine("   ").value().empty());
  EXPECT_FALSE(SplitCommandLine(R"(tool "open)").ok());
  EXPECT_FALSE(SplitCommandLine("tool 'open").ok());
  EXPECT_FALSE(SplitCommandLine("tool \\").ok());
}

TEST(ProcessProviderTest, ReadsCredentialsFromStdout) {
  TempDir dir;
  std::string script = WriteScript(
      dir, "my tool.sh",
      "printf '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"%s\", "
      "\"SessionToken\": \"%s|%s\", \"Expiration\": \"2026-01-15T11:00:00Z\"}' \"$SECRET\" \"$1\" \"$2\"\n");
  setenv("SECRET", kSecret, 1);
  ProcessProvider provider("\"" + script + "\" first 'second arg'", "dev");
  auto credentials = provider.fetch();
  unsetenv("SECRET");
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_EQ(credentials->access_key_id, "AKIDPROC");
  EXPECT_EQ(credentials->secret_access_key, kSecret);
  EXPECT_EQ(credentials->session_token, "first|second arg");
  EXPECT_EQ(credentials->expiration, FakeClock::Parse("2026-01-15T11:00:00Z"));
  EXPECT_EQ(credentials->source, "profile dev (credential_process)");
}

TEST(ProcessProviderTest, LongTermCredentialsHaveNoExpiration) {
  TempDir dir;
  std::string script =
      WriteScript(dir, "tool", "echo '{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"S\"}'\n");
  auto credentials = ProcessProvider(script, "dev").fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_FALSE(credentials->expiration);
  EXPECT_TRUE(credentials->session_token.empty());
}

struct ProcessFailure {
  std::string body;
  std::string expected;
};

class ProcessFailureTest : public ::testing::TestWithParam<ProcessFailure> {};

TEST_P(ProcessFailureTest, FailsClearlyWithoutEchoingOutput) {
  TempDir dir;
  std::string script = WriteScript(dir, "tool", GetParam().body);
  auto credentials = ProcessProvider(script, "dev", 2s).fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().kind(), base::ErrorKind::kCredentials);
  EXPECT_FALSE(IsNotConfigured(credentials.error()));
  EXPECT_NE(credentials.error().message().find("credential_process of profile dev: " + GetParam().expected),
            std::string::npos)
      << credentials.error().message();
  ExpectNoSecrets(credentials.error());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ProcessFailureTest,
    ::testing::Values(
        ProcessFailure{std::string("echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"") + kSecret +
                           "\"}'\nexit 3\n",
                       "the command exited with status 3"},
        ProcessFailure{std::string("echo 'not json ") + kSecret + "'\n", "the command's output is not a JSON object"},
        ProcessFailure{
            std::string("echo '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"") + kSecret + "\"}'\n",
            "the command's output must have \"Version\": 1"},
        ProcessFailure{
            std::string("echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SessionToken\": \"") + kToken + "\"}'\n",
            "SecretAccessKey is missing"},
        ProcessFailure{std::string("echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"") + kSecret +
                           "\", \"Expiration\": \"never\"}'\n",
                       "Expiration is not an ISO 8601 timestamp"},
        ProcessFailure{"kill -9 $$\n", "the command was killed by signal 9"}));

TEST(ProcessProviderTest, SlowCommandIsKilledAtTheDeadline) {
  TempDir dir;
  std::string script = WriteScript(dir, "slow", "exec sleep 30\n");
  auto started = std::chrono::steady_clock::now();
  auto credentials = ProcessProvider(script, "dev", 300ms).fetch();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
  ASSERT_FALSE(credentials.ok());
  EXPECT_NE(credentials.error().message().find("did not finish within 300 ms"), std::string::npos);
}

TEST(ProcessProviderTest, MissingProgramOrEmptyCommand) {
  auto missing = ProcessProvider("/nonexistent/posture-tool --x", "dev").fetch();
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message().find("cannot run '/nonexistent/posture-tool'"), std::string::npos);
  auto empty = ProcessProvider("  ", "dev").fetch();
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message().find("the command is empty"), std::string::npos);
  auto unterminated = ProcessProvider("tool \"x", "dev").fetch();
  ASSERT_FALSE(unterminated.ok());
  EXPECT_NE(unterminated.error().message().find("unterminated"), std::string::npos);
}

// ---- refreshing provider ----

class CountingProvider final : public CredentialProvider {
 public:
  using Script = std::function<base::Result<Credentials>(int call)>;
  explicit CountingProvider(Script script, std::chrono::milliseconds delay = 0ms)
      : script_(std::move(script)), delay_(delay) {}
  base::Result<Credentials> fetch() override {
    int call = ++calls_;
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    return script_(call);
  }
  std::string name() const override { return "counting"; }
  int calls() const { return calls_.load(); }

 private:
  Script script_;
  std::chrono::milliseconds delay_;
  std::atomic<int> calls_{0};
};

Credentials Temporary(const std::string& key_id, Clock::TimePoint expiration) {
  Credentials credentials;
  credentials.access_key_id = key_id;
  credentials.secret_access_key = kSecret;
  credentials.session_token = kToken;
  credentials.expiration = expiration;
  return credentials;
}

TEST(RefreshingProviderTest, CachesLongTermCredentialsForGood) {
  FakeClock clock;
  auto inner = std::make_shared<CountingProvider>([](int) {
    Credentials credentials;
    credentials.access_key_id = "AKID";
    credentials.secret_access_key = kSecret;
    return base::Result<Credentials>(credentials);
  });
  RefreshingProvider provider(inner, clock);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(provider.fetch().ok());
    clock.advance(std::chrono::hours(24));
  }
  EXPECT_EQ(inner->calls(), 1);
  EXPECT_EQ(provider.name(), "counting");
}

TEST(RefreshingProviderTest, RefreshesWithinFiveMinutesOfExpiry) {
  FakeClock clock;
  auto start = clock.now();
  auto inner = std::make_shared<CountingProvider>(
      [&](int call) { return base::Result<Credentials>(Temporary("AKID" + std::to_string(call), clock.now() + 1h)); });
  RefreshingProvider provider(inner, clock);
  EXPECT_EQ(provider.fetch()->access_key_id, "AKID1");
  clock.advance(54min);
  EXPECT_EQ(provider.fetch()->access_key_id, "AKID1");
  EXPECT_EQ(inner->calls(), 1);
  clock.advance(2min);  // 4 minutes before expiry
  EXPECT_EQ(provider.fetch()->access_key_id, "AKID2");
  EXPECT_EQ(provider.fetch()->expiration, start + 56min + 1h);
  EXPECT_EQ(inner->calls(), 2);
  EXPECT_EQ(provider.refresh_count(), 2u);
}

TEST(RefreshingProviderTest, KeepsValidCredentialsWhenARefreshFailsAndRetriesLater) {
  FakeClock clock;
  auto expiry = clock.now() + 1h;
  auto inner = std::make_shared<CountingProvider>([&](int call) -> base::Result<Credentials> {
    if (call == 1) return Temporary("AKID1", expiry);
    if (call <= 3) return base::Error::Network("sts unreachable");
    return Temporary("AKID4", expiry + 1h);
  });
  RefreshingProvider provider(inner, clock);
  ASSERT_TRUE(provider.fetch().ok());
  clock.advance(57min);
  EXPECT_EQ(provider.fetch()->access_key_id, "AKID1");  // refresh failed, old ones kept
  EXPECT_EQ(inner->calls(), 2);
  EXPECT_EQ(provider.fetch()->access_key_id, "AKID1");  // no immediate retry
  EXPECT_EQ(inner->calls(), 2);
  clock.advance(31s);
  EXPECT_EQ(provider.fetch()->access_key_id, "AKID1");  // retried, failed again
  EXPECT_EQ(inner->calls(), 3);
  clock.advance(31s);
  EXPECT_EQ(provider.fetch()->access_key_id, "AKID4");
  EXPECT_EQ(inner->calls(), 4);
  EXPECT_EQ(provider.failed_refresh_count(), 2u);
}

TEST(RefreshingProviderTest, ExpiredAndFailedIsAnError) {
  FakeClock clock;
  auto expiry = clock.now() + 10min;
  auto inner = std::make_shared<CountingProvider>([&](int call) -> base::Result<Credentials> {
    if (call == 1) return Temporary("AKID1", expiry);
    return base::Error::Credentials("sts: denied");
  });
  RefreshingProvider provider(inner, clock);
  ASSERT_TRUE(provider.fetch().ok());
  clock.advance(10min);
  auto credentials = provider.fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().message(), "sts: denied");
  clock.advance(1s);
  EXPECT_FALSE(provider.fetch().ok());  // tries again: nothing usable to fall back on
  EXPECT_EQ(inner->calls(), 3);
}

TEST(RefreshingProviderTest, NotConfiguredPassesThroughUncached) {
  FakeClock clock;
  auto inner =
      std::make_shared<CountingProvider>([](int) -> base::Result<Credentials> { return NotConfigured("none"); });
  RefreshingProvider provider(inner, clock);
  auto credentials = provider.fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_TRUE(IsNotConfigured(credentials.error()));
  EXPECT_FALSE(provider.fetch().ok());
  EXPECT_EQ(inner->calls(), 2);
}

TEST(RefreshingProviderTest, SixteenThreadsShareOneRefresh) {
  constexpr int kThreads = 16;
  FakeClock clock;
  auto inner = std::make_shared<CountingProvider>(
      [&](int call) { return base::Result<Credentials>(Temporary("AKID" + std::to_string(call), clock.now() + 1h)); },
      50ms);
  RefreshingProvider provider(inner, clock);

  auto run_all = [&](std::vector<std::string>& keys) {
    std::barrier start(kThreads);
    std::vector<std::thread> threads;
    keys.assign(kThreads, "");
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        auto credentials = provider.fetch();
        keys[i] = credentials.ok() ? credentials->access_key_id : "error";
      });
    }
    for (auto& thread : threads) thread.join();
  };

  std::vector<std::string> keys;
  run_all(keys);
  EXPECT_EQ(inner->calls(), 1);
  for (const auto& key : keys) EXPECT_EQ(key, "AKID1");

  clock.advance(57min);  // advisory window: one refresh, the others keep using AKID1
  run_all(keys);
  EXPECT_EQ(inner->calls(), 2);
  for (const auto& key : keys) EXPECT_TRUE(key == "AKID1" || key == "AKID2") << key;
  EXPECT_EQ(provider.fetch()->access_key_id, "AKID2");

  clock.advance(2h);  // expired: everyone waits for the one refresh
  run_all(keys);
  EXPECT_EQ(inner->calls(), 3);
  for (const auto& key : keys) EXPECT_EQ(key, "AKID3");
}

// ---- chain ----

class ChainTest : public ::testing::Test {
 protected:
  ChainTest() {
    env_.set("HOME", dir_.path());
    env_.set("AWS_EC2_METADATA_DISABLED", "true");
  }

  base::Result<std::shared_ptr<CredentialProvider>> make(const std::string& profile = "") {
    ChainOptions options;
    options.transport = &transport_;
    options.clock = &clock_;
    options.env = &env_;
    options.profile = profile;
    return MakeDefaultCredentialChain(options);
  }

  base::Result<Credentials> fetch(const std::string& profile = "") {
    auto chain = make(profile);
    if (!chain.ok()) return chain.error();
    return (*chain)->fetch();
  }

  void set_env_keys() {
    env_.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    env_.set("AWS_SECRET_ACCESS_KEY", kSecret);
  }

  std::string write_process_script(const std::string& key_id, int exit_code = 0) {
    std::string body = "echo '{\"Version\": 1, \"AccessKeyId\": \"" + key_id + "\", \"SecretAccessKey\": \"" +
                       std::string(kSecret) + "\"}'\nexit " + std::to_string(exit_code) + "\n";
    return WriteScript(dir_, "process-" + key_id + ".sh", body);
  }

  TempDir dir_;
  MapEnvironment env_;
  FakeClock clock_;
  FakeTransport transport_;
};

TEST_F(ChainTest, NothingConfiguredIsOneClearLine) {
  auto credentials = fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().kind(), base::ErrorKind::kCredentials);
  EXPECT_EQ(credentials.error().message(),
            "no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, use --profile, or run on a "
            "machine with an instance role");
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(ChainTest, UnreachableMetadataServiceFallsThroughToTheSameMessage) {
  env_.set("AWS_EC2_METADATA_DISABLED", std::nullopt);
  transport_.set_handler(
      [](const HttpRequest&) -> base::Result<HttpResponse> { return base::Error::Network("timed out"); });
  auto credentials = fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().message(), std::string(kNoCredentialsMessage));
  ASSERT_GE(transport_.request_count(), 1u);
  EXPECT_EQ(transport_.requests()[0].url, "http://169.254.169.254/latest/api/token");
}

TEST_F(ChainTest, EnvironmentBeatsProfile) {
  set_env_keys();
  dir_.write(".aws/credentials", "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n");
  auto credentials = fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_EQ(credentials->access_key_id, "AKIDENV");
  EXPECT_EQ(credentials->source, "environment");
}

TEST_F(ChainTest, ProfileFromCredentialsFile) {
  dir_.write(".aws/credentials",
             "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n"
             "aws_session_token = t\n");
  auto chain = make();
  ASSERT_TRUE(chain.ok());
  auto credentials = (*chain)->fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_EQ(credentials->access_key_id, "AKIDPROFILE");
  EXPECT_EQ(credentials->session_token, "t");
  EXPECT_EQ(credentials->source, "profile default");
  EXPECT_EQ((*chain)->name(), "profile default");
  EXPECT_TRUE((*chain)->fetch().ok());
}

TEST_F(ChainTest, ExplicitProfileOptionSkipsTheEnvironmentLikeTheCli) {
  set_env_keys();
  dir_.write(".aws/credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n");
  auto credentials = fetch("dev");
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_EQ(credentials->access_key_id, "AKIDDEV");
}

TEST_F(ChainTest, AwsProfileSelectsTheProfileButEnvironmentKeysStillWin) {
  dir_.write(".aws/credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n");
  env_.set("AWS_PROFILE", "dev");
  EXPECT_EQ(fetch()->access_key_id, "AKIDDEV");
  set_env_keys();
  EXPECT_EQ(fetch()->access_key_id, "AKIDENV");
}

TEST_F(ChainTest, UnknownNamedProfileIsAnErrorNotAFallThrough) {
  set_env_keys();
  auto from_option = make("nope");
  ASSERT_FALSE(from_option.ok());
  EXPECT_EQ(from_option.error().kind(), base::ErrorKind::kCredentials);
  EXPECT_EQ(from_option.error().message(), "profile 'nope' not found in ~/.aws/config or ~/.aws/credentials");

  env_.set("AWS_PROFILE", "missing");
  auto from_env = make();
  ASSERT_FALSE(from_env.ok());
  EXPECT_EQ(from_env.error().message(), "profile 'missing' not found in ~/.aws/config or ~/.aws/credentials");
}

TEST_F(ChainTest, NamedProfileWithoutCredentialsFallsThrough) {
  dir_.write(".aws/config", "[profile regional]\nregion = eu-west-1\n");
  auto credentials = fetch("regional");
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().message(), std::string(kNoCredentialsMessage));
}

TEST_F(ChainTest, ProfileBeatsContainer) {
  dir_.write(".aws/credentials", "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n");
  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds");
  auto credentials = fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_EQ(credentials->access_key_id, "AKIDPROFILE");
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(ChainTest, ContainerBeatsInstanceMetadata) {
  env_.set("AWS_EC2_METADATA_DISABLED", std::nullopt);
  env_.set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
  transport_.set_handler([](const HttpRequest& request) -> base::Result<HttpResponse> {
    if (request.url == "http://169.254.170.2/v2/credentials/abc") {
      return testing::MakeResponse(200, std::string(R"({"AccessKeyId":"AKIDECS","SecretAccessKey":")") + kSecret +
                                            R"(","Token":"t","Expiration":"2026-01-15T16:00:00Z"})");
    }
    return base::Error::Network("unexpected " + request.url);
  });
  auto credentials = fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_EQ(credentials->access_key_id, "AKIDECS");
  EXPECT_EQ(credentials->source, "container");
  EXPECT_EQ(transport_.request_count(), 1u);
}

TEST_F(ChainTest, InstanceMetadataIsTheLastResort) {
  env_.set("AWS_EC2_METADATA_DISABLED", std::nullopt);
  transport_.set_handler([](const HttpRequest& request) -> base::Result<HttpResponse> {
    if (request.method == "PUT") return testing::MakeResponse(200, "imds-token");
    if (request.url.ends_with("/security-credentials/")) return testing::MakeResponse(200, "web-role");
    return testing::MakeResponse(200, std::string(R"({"Code":"Success","AccessKeyId":"AKIDIMDS","SecretAccessKey":")") +
                                          kSecret + R"(","Token":"t","Expiration":"2026-01-15T16:00:00Z"})");
  });
  auto credentials = fetch();
  ASSERT_TRUE(credentials.ok()) << credentials.error().message();
  EXPECT_EQ(credentials->access_key_id, "AKIDIMDS");
  EXPECT_EQ(credentials->source, "imds (role web-role)");
}

TEST_F(ChainTest, ConfiguredSourceThatFailsStopsTheChain) {
  std::string script = write_process_script("AKIDPROC", 1);
  dir_.write(".aws/config", "[default]\ncredential_process = " + script + "\n");
  env_.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds");
  auto credentials = fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_NE(credentials.error().message().find("credential_process of profile default: the command exited with "
                                               "status 1"),
            std::string::npos)
      << credentials.error().message();
  EXPECT_EQ(transport_.request_count(), 0u);
  ExpectNoSecrets(credentials.error());
}

TEST_F(ChainTest, HalfSetEnvironmentStopsTheChain) {
  env_.set("AWS_ACCESS_KEY_ID", "AKIDENV");
  dir_.write(".aws/credentials", "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n");
  auto credentials = fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_NE(credentials.error().message().find("AWS_SECRET_ACCESS_KEY is not"), std::string::npos);
}

TEST_F(ChainTest, WebIdentityFileWithoutRoleStopsTheChain) {
  env_.set("AWS_WEB_IDENTITY_TOKEN_FILE", dir_.write("token", "jwt"));
  dir_.write(".aws/credentials", "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n");
  auto credentials = fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().message(),
            "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not; set both");
}

TEST_F(ChainTest, MalformedConfigFailsConstruction) {
  dir_.write(".aws/config", "[default]\nregion = us-east-1\n[profile x\n");
  auto chain = make();
  ASSERT_FALSE(chain.ok());
  EXPECT_EQ(chain.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(chain.error().message(), dir_.path() + "/.aws/config:3: section header does not end with ']'");
}

TEST_F(ChainTest, RequiresATransport) {
  ChainOptions options;
  options.env = &env_;
  EXPECT_FALSE(MakeDefaultCredentialChain(options).ok());
}

TEST(CredentialChainTest, SkipsNotConfiguredAndRemembersTheAnsweringStep) {
  auto absent =
      std::make_shared<CountingProvider>([](int) -> base::Result<Credentials> { return NotConfigured("no"); });
  auto present = std::make_shared<CountingProvider>([](int) {
    Credentials credentials;
    credentials.access_key_id = "AKID";
    credentials.secret_access_key = kSecret;
    return base::Result<Credentials>(credentials);
  });
  auto never =
      std::make_shared<CountingProvider>([](int) -> base::Result<Credentials> { return base::Error::Internal("x"); });
  CredentialChain chain({absent, present, never});
  EXPECT_EQ(chain.name(), "chain");
  ASSERT_TRUE(chain.fetch().ok());
  ASSERT_TRUE(chain.fetch().ok());
  EXPECT_EQ(absent->calls(), 1);
  EXPECT_EQ(present->calls(), 2);
  EXPECT_EQ(never->calls(), 0);
  EXPECT_EQ(chain.name(), "counting");
}

TEST(CredentialChainTest, StopsAtAConfiguredFailure) {
  auto failing = std::make_shared<CountingProvider>([](int) -> base::Result<Credentials> {
    return base::Error::Credentials("profile dev: assuming role x: AccessDenied");
  });
  auto later = std::make_shared<CountingProvider>([](int) -> base::Result<Credentials> { return NotConfigured("no"); });
  CredentialChain chain({failing, later});
  auto credentials = chain.fetch();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().message(), "profile dev: assuming role x: AccessDenied");
  EXPECT_EQ(later->calls(), 0);
}

}  // namespace
}  // namespace posture::aws
