#include "aws/credentials/config_file.h"

#include <gtest/gtest.h>

#include "aws/credentials/environment.h"
#include "credentials_test_support.h"

namespace posture::aws {
namespace {

using testing::TempDir;

SharedConfig ParseBoth(const std::string& config_text, const std::string& credentials_text) {
  auto config_sections = ParseIni(config_text, "config");
  auto credentials_sections = ParseIni(credentials_text, "credentials");
  EXPECT_TRUE(config_sections.ok()) << config_sections.error().message();
  EXPECT_TRUE(credentials_sections.ok()) << credentials_sections.error().message();
  SharedConfig config;
  if (config_sections.ok()) config.add_config_file(*config_sections);
  if (credentials_sections.ok()) config.add_credentials_file(*credentials_sections);
  return config;
}

TEST(ConfigFileTest, ReadsProfilesSessionsAndCredentials) {
  SharedConfig config = ParseBoth(
      "[default]\n"
      "region = eu-west-1\n"
      "[profile dev]\n"
      "role_arn = arn:aws:iam::123456789012:role/dev\n"
      "source_profile = default\n"
      "[sso-session corp]\n"
      "sso_start_url = https://corp.awsapps.com/start\n"
      "sso_region = us-east-1\n"
      "[plugins]\n"
      "foo = bar\n",
      "[default]\n"
      "aws_access_key_id = AKIDEXAMPLE\n"
      "aws_secret_access_key = secret\n"
      "[ci]\n"
      "aws_access_key_id = AKIDCI\n");
  EXPECT_EQ(config.get("default", "region"), "eu-west-1");
  EXPECT_EQ(config.get("default", "aws_access_key_id"), "AKIDEXAMPLE");
  EXPECT_EQ(config.get("dev", "role_arn"), "arn:aws:iam::123456789012:role/dev");
  EXPECT_EQ(config.get("ci", "aws_access_key_id"), "AKIDCI");
  EXPECT_TRUE(config.has_profile("ci"));
  EXPECT_FALSE(config.has_profile("plugins"));
  EXPECT_FALSE(config.has_profile("corp"));
  ASSERT_NE(config.sso_session("corp"), nullptr);
  EXPECT_EQ(config.sso_session("corp")->at("sso_region"), "us-east-1");
  EXPECT_EQ(config.get("dev", "missing"), std::nullopt);
  EXPECT_EQ(config.get("nobody", "region"), std::nullopt);
  EXPECT_EQ(config.profile_names(), (std::vector<std::string>{"ci", "default", "dev"}));
}

TEST(ConfigFileTest, ProfileSectionsInTheCredentialsFileAreNamedLiterally) {
  SharedConfig config = ParseBoth("[dev]\nregion = x\n", "[profile dev]\naws_access_key_id = A\n");
  EXPECT_FALSE(config.has_profile("dev"));
  EXPECT_TRUE(config.has_profile("profile dev"));
}

TEST(ConfigFileTest, CredentialsFileWinsForKeysInBoth) {
  SharedConfig config = ParseBoth("[profile dev]\naws_access_key_id = FROM_CONFIG\nregion = us-west-2\n",
                                  "[dev]\naws_access_key_id = FROM_CREDENTIALS\n");
  EXPECT_EQ(config.get("dev", "aws_access_key_id"), "FROM_CREDENTIALS");
  EXPECT_EQ(config.get("dev", "region"), "us-west-2");
}

TEST(ConfigFileTest, CommentsWholeLineAndInline) {
  SharedConfig config = ParseBoth(
      "# leading comment\n"
      "; another\n"
      "[profile dev] # trailing comment on a header\n"
      "region = us-east-2 # inline\n"
      "output = json ; inline too\n"
      "hash = a#b;c\n"
      "   # indented comment\n"
      "empty = # only a comment\n",
      "");
  EXPECT_EQ(config.get("dev", "region"), "us-east-2");
  EXPECT_EQ(config.get("dev", "output"), "json");
  EXPECT_EQ(config.get("dev", "hash"), "a#b;c");
  EXPECT_EQ(config.get("dev", "empty"), "");
}

TEST(ConfigFileTest, NestedSubSectionsAndContinuations) {
  SharedConfig config = ParseBoth(
      "[default]\n"
      "s3 =\n"
      "  max_concurrent_requests = 10\n"
      "  addressing_style = path  # comment\n"
      "region = us-east-1\n"
      "note = first\n"
      "  second\n"
      "\tthird\n",
      "");
  EXPECT_EQ(config.get_nested("default", "s3", "max_concurrent_requests"), "10");
  EXPECT_EQ(config.get_nested("default", "s3", "addressing_style"), "path");
  EXPECT_EQ(config.get("default", "s3"), std::nullopt);
  EXPECT_EQ(config.get("default", "region"), "us-east-1");
  EXPECT_EQ(config.get("default", "note"), "first\nsecond\nthird");
  EXPECT_EQ(config.get_nested("default", "s3", "missing"), std::nullopt);
}

TEST(ConfigFileTest, KeysKeepTheirCaseAndColonsDelimit) {
  SharedConfig config = ParseBoth("[default]\nRegion = a\nregion = b\noutput: text\n", "");
  EXPECT_EQ(config.get("default", "Region"), "a");
  EXPECT_EQ(config.get("default", "region"), "b");
  EXPECT_EQ(config.get("default", "output"), "text");
}

TEST(ConfigFileTest, QuotedProfileNamesCrlfAndByteOrderMark) {
  SharedConfig config =
      ParseBoth("\xEF\xBB\xBF[profile \"my team\"]\r\nregion = us-east-1\r\n[profile a b]\r\nx = 1\r\n", "");
  EXPECT_EQ(config.get("my team", "region"), "us-east-1");
  EXPECT_EQ(config.profile_names(), (std::vector<std::string>{"my team"}));
}

TEST(ConfigFileTest, LaterDefaultSectionReplacesEarlierOne) {
  SharedConfig config = ParseBoth("[default]\nregion = a\noutput = json\n[profile default]\nregion = b\n", "");
  EXPECT_EQ(config.get("default", "region"), "b");
  EXPECT_EQ(config.get("default", "output"), std::nullopt);
}

struct MalformedCase {
  std::string text;
  int line;
  std::string what;
};

class MalformedConfigTest : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedConfigTest, ReportsFileAndLineOnOneLineWithoutTheContent) {
  const MalformedCase& c = GetParam();
  auto parsed = ParseIni(c.text, "/home/u/.aws/config");
  ASSERT_FALSE(parsed.ok());
  const base::Error& error = parsed.error();
  EXPECT_EQ(error.kind(), base::ErrorKind::kInvalidInput);
  EXPECT_EQ(error.message().rfind("/home/u/.aws/config:" + std::to_string(c.line) + ": ", 0), 0u) << error.message();
  EXPECT_NE(error.message().find(c.what), std::string::npos) << error.message();
  EXPECT_EQ(error.message().find('\n'), std::string::npos);
  EXPECT_EQ(error.message().find("wJalrXUtnFEMI"), std::string::npos) << error.message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedConfigTest,
    ::testing::Values(MalformedCase{"[default]\nregion = x\nwJalrXUtnFEMI/K7MDENG\n", 3, "expected"},
                      MalformedCase{"region = us-east-1\n", 1, "before any [section]"},
                      MalformedCase{"# c\n\n[default\nx = 1\n", 3, "does not end with ']'"},
                      MalformedCase{"[]\n", 1, "empty section name"},
                      MalformedCase{"[a]\nx = 1\n[a]\n", 3, "duplicate section [a] (first at line 1)"},
                      MalformedCase{"[a]\nx = 1\nx = wJalrXUtnFEMI\n", 3, "duplicate key"},
                      MalformedCase{"[a]\n = wJalrXUtnFEMI\n", 2, "missing key name"},
                      MalformedCase{"[a]\ns3 =\n  wJalrXUtnFEMI\n", 3, "nested section"}));

TEST(ConfigFileTest, EmptyTextHasNoSections) {
  auto parsed = ParseIni("", "x");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->empty());
}

TEST(ConfigFileTest, LoadsFilesNamedByTheEnvironment) {
  TempDir dir;
  std::string config_path = dir.write("cfg", "[profile dev]\nregion = ap-south-1\n");
  std::string credentials_path = dir.write("creds", "[dev]\naws_access_key_id = AKID\n");
  MapEnvironment env(
      {{"HOME", dir.path()}, {"AWS_CONFIG_FILE", config_path}, {"AWS_SHARED_CREDENTIALS_FILE", credentials_path}});
  auto config = LoadSharedConfig(env);
  ASSERT_TRUE(config.ok()) << config.error().message();
  EXPECT_EQ(config->get("dev", "region"), "ap-south-1");
  EXPECT_EQ(config->get("dev", "aws_access_key_id"), "AKID");
  EXPECT_EQ(config->config_file_label(), config_path);
}

TEST(ConfigFileTest, DefaultPathsUnderHomeAndMissingFilesAreFine) {
  TempDir dir;
  MapEnvironment env({{"HOME", dir.path()}});
  EXPECT_EQ(ConfigFilePath(env), dir.path() + "/.aws/config");
  EXPECT_EQ(CredentialsFilePath(env), dir.path() + "/.aws/credentials");
  auto empty = LoadSharedConfig(env);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->profile_names().empty());
  EXPECT_EQ(empty->config_file_label(), "~/.aws/config");

  dir.write(".aws/credentials", "[default]\naws_access_key_id = A\n");
  auto loaded = LoadSharedConfig(env);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->has_profile("default"));
  EXPECT_EQ(loaded->credentials_file_label(), "~/.aws/credentials");
}

TEST(ConfigFileTest, MalformedFileOnDiskNamesThePath) {
  TempDir dir;
  std::string path = dir.write("config", "[default]\nregion = x\nbroken line\n");
  MapEnvironment env({{"HOME", dir.path()}, {"AWS_CONFIG_FILE", path}});
  auto config = LoadSharedConfig(env);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message(), path +
                                          ":3: expected a [section] header, 'key = value' or an indented "
                                          "continuation line");
}

TEST(ConfigFileTest, DirectoryInsteadOfFileIsAnError) {
  TempDir dir;
  MapEnvironment env({{"HOME", dir.path()}, {"AWS_CONFIG_FILE", dir.path()}});
  auto config = LoadSharedConfig(env);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message().find("directory"), std::string::npos);
}

TEST(EnvironmentTest, MapEnvironmentTreatsEmptyAsUnset) {
  MapEnvironment env({{"A", "1"}, {"EMPTY", ""}});
  EXPECT_EQ(env.get("A"), "1");
  EXPECT_EQ(env.get("EMPTY"), std::nullopt);
  EXPECT_EQ(env.get("NONE"), std::nullopt);
  env.set("A", std::nullopt);
  EXPECT_EQ(env.get("A"), std::nullopt);
  EXPECT_EQ(env.home_directory(), std::nullopt);
}

TEST(EnvironmentTest, ProcessEnvironmentReadsGetenv) {
  setenv("POSTURE_ENV_TEST", "value", 1);
  EXPECT_EQ(RealEnvironment().get("POSTURE_ENV_TEST"), "value");
  unsetenv("POSTURE_ENV_TEST");
  EXPECT_EQ(RealEnvironment().get("POSTURE_ENV_TEST"), std::nullopt);
  EXPECT_TRUE(RealEnvironment().home_directory().has_value());
}

TEST(EnvironmentTest, ExpandPath) {
  MapEnvironment env({{"HOME", "/home/u"}, {"DIR", "/data"}});
  EXPECT_EQ(ExpandPath(env, "~/.aws/config"), "/home/u/.aws/config");
  EXPECT_EQ(ExpandPath(env, "~"), "/home/u");
  EXPECT_EQ(ExpandPath(env, "~other/x"), "~other/x");
  EXPECT_EQ(ExpandPath(env, "$DIR/a/${DIR}/b"), "/data/a//data/b");
  EXPECT_EQ(ExpandPath(env, "$UNSET/x${UNSET}$"), "$UNSET/x${UNSET}$");
  EXPECT_EQ(ExpandPath(env, "/plain/path"), "/plain/path");
}

TEST(EnvironmentTest, ResolveProfileName) {
  MapEnvironment env;
  EXPECT_EQ(ResolveProfileName(env, ""), "default");
  EXPECT_FALSE(ProfileNamedExplicitly(env, ""));
  env.set("AWS_DEFAULT_PROFILE", "legacy");
  EXPECT_EQ(ResolveProfileName(env, ""), "legacy");
  env.set("AWS_PROFILE", "dev");
  EXPECT_EQ(ResolveProfileName(env, ""), "dev");
  EXPECT_TRUE(ProfileNamedExplicitly(env, ""));
  EXPECT_EQ(ResolveProfileName(env, "cli"), "cli");
}

TEST(EnvironmentTest, ResolveRegion) {
  SharedConfig config = ParseBoth("[profile dev]\nregion = eu-central-1\n", "");
  MapEnvironment env;
  EXPECT_EQ(ResolveRegion(env, config, "default"), "");
  EXPECT_EQ(ResolveRegion(env, config, "dev"), "eu-central-1");
  env.set("AWS_DEFAULT_REGION", "us-west-1");
  EXPECT_EQ(ResolveRegion(env, config, "dev"), "us-west-1");
  env.set("AWS_REGION", "us-east-2");
  EXPECT_EQ(ResolveRegion(env, config, "dev"), "us-east-2");
}

TEST(EnvironmentTest, ResolveMaxAttempts) {
  SharedConfig config = ParseBoth("[profile dev]\nmax_attempts = 7\n[profile bad]\nmax_attempts = many\n", "");
  MapEnvironment env;
  EXPECT_EQ(ResolveMaxAttempts(env, config, "default").value(), 3);
  EXPECT_EQ(ResolveMaxAttempts(env, config, "dev").value(), 7);
  auto bad = ResolveMaxAttempts(env, config, "bad");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind(), base::ErrorKind::kInvalidInput);
  EXPECT_NE(bad.error().message().find("max_attempts in profile 'bad'"), std::string::npos);
  env.set("AWS_MAX_ATTEMPTS", "5");
  EXPECT_EQ(ResolveMaxAttempts(env, config, "bad").value(), 5);
  for (const char* invalid : {"0", "-1", "2x", "101"}) {
    env.set("AWS_MAX_ATTEMPTS", invalid);
    auto result = ResolveMaxAttempts(env, config, "dev");
    ASSERT_FALSE(result.ok()) << invalid;
    EXPECT_EQ(result.error().kind(), base::ErrorKind::kInvalidInput);
  }
}

TEST(EnvironmentTest, ResolveCaBundle) {
  SharedConfig config = ParseBoth("[default]\nca_bundle = ~/certs/ca.pem\n", "");
  MapEnvironment env({{"HOME", "/home/u"}});
  EXPECT_EQ(ResolveCaBundle(env, config, "default"), "/home/u/certs/ca.pem");
  EXPECT_EQ(ResolveCaBundle(env, config, "other"), "");
  env.set("AWS_CA_BUNDLE", "/etc/ca.pem");
  EXPECT_EQ(ResolveCaBundle(env, config, "default"), "/etc/ca.pem");
}

}  // namespace
}  // namespace posture::aws
