// How serve holds the config between scans.
#include "serve/serve_observer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace posture::serve {
namespace {

TEST(ServeObserver, ConfigIsReReadOnlyOnReloadAndABadReloadKeepsThePrevious) {
  auto dir = std::filesystem::temp_directory_path() / ("posture-serve-config-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "posture.yaml").string();
  std::ofstream(path) << "checks:\n  disabled: [iam_support_role_exists]\n";
  telemetry::MetricsRegistry registry;
  telemetry::PostureMetrics metrics(registry);
  ServeState state(registry);
  auto first = scan::LoadConfig(path, aws::RealEnvironment());
  ASSERT_TRUE(first.ok());
  ServeScanObserver observer(state, metrics, *first);
  EXPECT_EQ(observer.config_for_next_scan(path).settings.disabled_checks.count("iam_support_role_exists"), 1u);

  std::ofstream(path) << "checks:\n  disabled: [guardduty_enabled]\n";
  EXPECT_EQ(observer.config_for_next_scan(path).settings.disabled_checks.count("iam_support_role_exists"),
            1u);  // no SIGHUP
  observer.request_reload();
  EXPECT_EQ(observer.config_for_next_scan(path).settings.disabled_checks.count("guardduty_enabled"), 1u);

  std::ofstream(path) << "checks: [unclosed\n";
  observer.request_reload();
  auto kept = observer.config_for_next_scan(path);
  EXPECT_EQ(kept.settings.disabled_checks.count("guardduty_enabled"), 1u);
  EXPECT_EQ(metrics.scan_errors_total.value({"config"}), 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace posture::serve
