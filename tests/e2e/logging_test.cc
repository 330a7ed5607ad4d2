// The logging and monitoring checks end to end: the demo's logging estate
// built in moto with posture's own client, then `posture scan` read back.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/credentials/environment.h"
#include "demo/estate.h"
#include "e2e/moto.h"
#include "e2e/recording_proxy.h"
#include "scan/aws_context.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;

constexpr const char* kLoggingChecks =
    "cloudtrail_multi_region,cloudtrail_log_validation,config_recorder_enabled,cloudtrail_bucket_access_logging,"
    "cloudtrail_kms_encrypted,kms_key_rotation,s3_object_write_logging,s3_object_read_logging,"
    "monitor_unauthorized_api_calls,monitor_root_usage,monitor_iam_policy_changes,monitor_vpc_changes,"
    "guardduty_enabled";

void BuildLoggingEstate(const std::map<std::string, std::string>& env) {
  aws::MapEnvironment environment;
  for (const auto& [name, value] : env) environment.set(name, value);
  scan::AwsFlags flags;
  flags.endpoint_url = env.at("AWS_ENDPOINT_URL");
  flags.region = "us-east-1";
  auto context = scan::AwsContext::Create(flags, environment);
  ASSERT_TRUE(context.ok()) << context.error().describe();
  auto built = demo::BuildLogging((*context)->client());
  ASSERT_TRUE(built.ok()) << built.error().describe();
}

// check id -> resource id -> status
std::map<std::string, std::map<std::string, std::string>> ByCheck(const Json& report) {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const auto& f : report["findings"]) {
    out[f["check_id"].get<std::string>()][f["resource_id"].get<std::string>()] = f["status"].get<std::string>();
  }
  return out;
}

int CountStatus(const std::map<std::string, std::string>& findings, const std::string& status) {
  int n = 0;
  for (const auto& [id, s] : findings) n += s == status ? 1 : 0;
  return n;
}

TEST(LoggingScan, TrailsConfigKeysAlarmsAndGuardDuty) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  BuildLoggingEstate(env);
  RecordingProxy proxy(Moto().url());
  env["AWS_ENDPOINT_URL"] = proxy.url();
  auto result =
      RunPosture({"scan", "--region", "us-east-1,eu-west-1", "--checks", kLoggingChecks, "--format", "json"}, env);
  ASSERT_EQ(result.exit_code, 3) << result.err;
  auto report = Json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << result.out;
  auto checks = ByCheck(report);
  const std::string account = "123456789012";

  EXPECT_EQ(checks["cloudtrail_multi_region"]["posture-demo-main"], "PASS") << result.out;
  EXPECT_EQ(checks["cloudtrail_log_validation"]["posture-demo-main"], "PASS");
  EXPECT_EQ(checks["cloudtrail_log_validation"]["posture-demo-legacy"], "FAIL");
  EXPECT_EQ(checks["cloudtrail_kms_encrypted"]["posture-demo-main"], "PASS");
  EXPECT_EQ(checks["cloudtrail_kms_encrypted"]["posture-demo-legacy"], "FAIL");
  EXPECT_EQ(checks["cloudtrail_bucket_access_logging"]["posture-demo-trail"], "PASS");
  EXPECT_EQ(checks["cloudtrail_bucket_access_logging"]["posture-demo-legacy-trail"], "FAIL");
  EXPECT_EQ(checks["config_recorder_enabled"]["default"], "PASS");
  EXPECT_EQ(checks["config_recorder_enabled"][account], "FAIL");  // eu-west-1 has no recorder
  EXPECT_EQ(CountStatus(checks["kms_key_rotation"], "PASS"), 1);
  EXPECT_EQ(CountStatus(checks["kms_key_rotation"], "FAIL"), 1);
  EXPECT_EQ(checks["s3_object_write_logging"]["posture-demo-main"], "PASS");
  EXPECT_EQ(checks["s3_object_read_logging"][account], "FAIL");
  EXPECT_EQ(checks["monitor_unauthorized_api_calls"]["posture-demo-monitor_unauthorized_api_calls"], "PASS");
  EXPECT_EQ(checks["monitor_root_usage"]["posture-demo-monitor_root_usage"], "PASS");
  EXPECT_EQ(checks["monitor_iam_policy_changes"][account], "FAIL");
  EXPECT_EQ(checks["monitor_vpc_changes"][account], "FAIL");
  EXPECT_EQ(CountStatus(checks["guardduty_enabled"], "PASS"), 1);
  EXPECT_EQ(checks["guardduty_enabled"][account], "FAIL");  // eu-west-1
  for (const auto& [check, findings] : checks) EXPECT_EQ(CountStatus(findings, "ERROR"), 0) << check;

  for (const auto& call : proxy.calls()) {
    if (call.operation.empty()) {
      EXPECT_EQ(call.method, "GET") << call.path;
    } else {
      const bool read = call.operation.starts_with("Describe") || call.operation.starts_with("List") ||
                        call.operation.starts_with("Get");
      EXPECT_TRUE(read) << call.operation;
    }
  }
}

TEST(LoggingScan, DeniedTrailListingGivesErrorsNotFailures) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  BuildLoggingEstate(env);
  RecordingProxy proxy(Moto().url());
  proxy.inject(
      "DescribeTrails", 400,
      R"({"__type":"AccessDeniedException","message":"User is not authorized to perform cloudtrail:DescribeTrails"})");
  env["AWS_ENDPOINT_URL"] = proxy.url();
  auto result = RunPosture({"scan", "--region", "us-east-1", "--checks", kLoggingChecks, "--format", "json"}, env);
  ASSERT_EQ(result.exit_code, 3) << result.err;  // Config, KMS and GuardDuty still fail somewhere
  auto checks = ByCheck(Json::parse(result.out));
  const std::string account = "123456789012";
  for (const char* id :
       {"cloudtrail_multi_region", "cloudtrail_log_validation", "monitor_root_usage", "s3_object_write_logging"}) {
    ASSERT_EQ(checks[id].size(), 1u) << id;
    EXPECT_EQ(checks[id][account], "ERROR") << id;
  }
  EXPECT_EQ(checks["config_recorder_enabled"]["default"], "PASS");
  EXPECT_EQ(CountStatus(checks["kms_key_rotation"], "FAIL"), 1);
}

}  // namespace
}  // namespace posture::e2e
