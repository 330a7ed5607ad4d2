// The config file: every setting read, defaults kept, malformed or
// misspelt files refused with the file and line, and where it is found.
#include "scan/config.h"

#include <gtest/gtest.h>

#include "../aws/credentials_test_support.h"

namespace posture::scan {
namespace {

checks::CheckSettings Parsed(const std::string& yaml) {
  auto config = ParseConfig(yaml, "posture.yaml");
  EXPECT_TRUE(config.ok()) << config.error().message();
  return config.ok() ? config->settings : checks::CheckSettings{};
}

std::string ErrorOf(const std::string& yaml) {
  auto config = ParseConfig(yaml, "posture.yaml");
  EXPECT_FALSE(config.ok());
  return config.ok() ? "" : config.error().message();
}

TEST(ConfigTest, EverySettingIsRead) {
  const auto settings = Parsed(R"(
checks:
  disabled: [iam_user_no_direct_policies, sso_enabled]
  extra_sensitive_ports: [8080, 9092]
thresholds:
  password_min_length: 16
  password_reuse_prevention: 12
  access_key_max_age_days: 60
  credential_unused_days: 30
  root_usage_window_days: 7
  production_admin_principals_max: 1
environment:
  tag_key: Stage
production:
  patterns: [prod, live]
  exclude_patterns: [preprod]
)");
  EXPECT_EQ(settings.disabled_checks, (std::set<std::string>{"iam_user_no_direct_policies", "sso_enabled"}));
  EXPECT_EQ(settings.extra_sensitive_ports, (std::vector<int>{8080, 9092}));
  EXPECT_EQ(settings.password_min_length, 16);
  EXPECT_EQ(settings.password_reuse_prevention, 12);
  EXPECT_EQ(settings.access_key_max_age_days, 60);
  EXPECT_EQ(settings.credential_unused_days, 30);
  EXPECT_EQ(settings.root_usage_window_days, 7);
  EXPECT_EQ(settings.production_admin_principals_max, 1);
  EXPECT_EQ(settings.environment_tag_key, "Stage");
  EXPECT_TRUE(settings.is_production("Live-EU"));
  EXPECT_FALSE(settings.is_production("preprod"));
  EXPECT_TRUE(settings.is_production("nonprod"));  // no longer excluded: the list was replaced
}

TEST(ConfigTest, AnEmptyOrPartialFileKeepsTheDefaults) {
  const auto empty = Parsed("");
  EXPECT_EQ(empty.password_min_length, 14);
  EXPECT_EQ(empty.environment_tag_key, "Environment");
  const auto partial = Parsed("thresholds:\n  password_min_length: 20\n");
  EXPECT_EQ(partial.password_min_length, 20);
  EXPECT_EQ(partial.password_reuse_prevention, 24);
  EXPECT_EQ(partial.access_key_max_age_days, 90);
  EXPECT_EQ(partial.production_admin_principals_max, 2);
  EXPECT_TRUE(partial.is_production("prod"));
  EXPECT_FALSE(partial.is_production("non-prod"));
}

TEST(ConfigTest, MistakesNameTheFileLineAndProblem) {
  EXPECT_EQ(ErrorOf("thresholds:\n  pasword_min_length: 14\n"),
            "config posture.yaml:2: unknown key 'pasword_min_length' under 'thresholds' (expected one of: "
            "access_key_max_age_days, credential_unused_days, password_min_length, password_reuse_prevention, "
            "production_admin_principals_max, root_usage_window_days)");
  EXPECT_EQ(ErrorOf("threshold:\n  password_min_length: 14\n"),
            "config posture.yaml:1: unknown key 'threshold' (expected one of: checks, environment, production, "
            "thresholds)");
  EXPECT_EQ(ErrorOf("thresholds:\n  password_min_length: fourteen\n"),
            "config posture.yaml:2: 'thresholds.password_min_length' must be a whole number from 6 to 128");
  EXPECT_EQ(ErrorOf("thresholds:\n  password_min_length: 4\n"),
            "config posture.yaml:2: 'thresholds.password_min_length' must be a whole number from 6 to 128");
  EXPECT_EQ(ErrorOf("thresholds:\n  production_admin_principals_max: two\n"),
            "config posture.yaml:2: 'thresholds.production_admin_principals_max' must be a whole number from 0 to "
            "100");
  EXPECT_EQ(ErrorOf("thresholds:\n  production_admin_principals_max: -1\n"),
            "config posture.yaml:2: 'thresholds.production_admin_principals_max' must be a whole number from 0 to "
            "100");
  EXPECT_EQ(ErrorOf("checks:\n  disabled: [no_such_check]\n"),
            "config posture.yaml:2: unknown check 'no_such_check' in checks.disabled (see posture checks)");
  EXPECT_EQ(ErrorOf("checks:\n  disabled: sso_enabled\n"),
            "config posture.yaml:2: 'checks.disabled' must be a list of check ids");
  EXPECT_EQ(ErrorOf("checks:\n  extra_sensitive_ports: [80, 70000]\n"),
            "config posture.yaml:2: 'checks.extra_sensitive_ports entry' must be a whole number from 0 to 65535");
  EXPECT_EQ(ErrorOf("environment:\n  tag_key: ''\n"),
            "config posture.yaml:2: 'environment.tag_key' must be a non-empty string");
  EXPECT_EQ(ErrorOf("production:\n  patterns: []\n"),
            "config posture.yaml:2: 'production.patterns' must name at least one pattern");
  EXPECT_EQ(ErrorOf("- a\n- b\n"), "config posture.yaml:1: '' must be a mapping of keys to values");
  const std::string broken = ErrorOf("thresholds: [\n");
  EXPECT_TRUE(broken.starts_with("config posture.yaml:")) << broken;
  EXPECT_NE(broken.find("not valid YAML"), std::string::npos) << broken;
  EXPECT_EQ(broken.find('\n'), std::string::npos) << broken;
}

TEST(ConfigTest, WhereTheFileIsFound) {
  testing::TempDir dir;
  aws::MapEnvironment env({{"HOME", dir.path()}});
  EXPECT_EQ(FindConfigPath(std::nullopt, env), "");  // no file anywhere: defaults
  auto defaults = LoadConfig(std::nullopt, env);
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->path, "");

  const std::string home_config = dir.write(".config/posture/config.yaml", "thresholds:\n  password_min_length: 15\n");
  EXPECT_EQ(FindConfigPath(std::nullopt, env), home_config);
  auto loaded = LoadConfig(std::nullopt, env);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  EXPECT_EQ(loaded->settings.password_min_length, 15);

  const std::string xdg = dir.write("xdg/posture/config.yaml", "");
  env.set("XDG_CONFIG_HOME", dir.path() + "/xdg");
  EXPECT_EQ(FindConfigPath(std::nullopt, env), xdg);

  env.set("POSTURE_CONFIG", dir.path() + "/from-env.yaml");
  EXPECT_EQ(FindConfigPath(std::nullopt, env), dir.path() + "/from-env.yaml");
  EXPECT_EQ(FindConfigPath(std::string("explicit.yaml"), env), "explicit.yaml");

  auto missing = LoadConfig(std::nullopt, env);  // $POSTURE_CONFIG names a file that is not there
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message(), "config " + dir.path() + "/from-env.yaml: cannot read the file");
}

}  // namespace
}  // namespace posture::scan
