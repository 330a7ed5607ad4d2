// The logging and monitoring part of the demo estate: trails, Config,
// KMS keys, CloudWatch metric filters and alarms, GuardDuty.
#include <string>

#include "checks/cis_patterns.h"
#include "demo/estate.h"
#include "demo/setup_calls.h"

namespace posture::demo {
namespace {

using aws::Json;

constexpr const char* kAccount = "123456789012";
constexpr const char* kHome = "us-east-1";
constexpr const char* kOther = "eu-west-1";
constexpr const char* kLogGroup = "CloudTrail/posture-demo";
constexpr const char* kNamespace = "CISBenchmark";

std::string Key(SetupCalls& c, bool rotate, const std::string& region = kHome) {
  const Json created = c.call("kms", "CreateKey", {{"Description", "posture demo key"}}, region);
  const std::string id = created.contains("KeyMetadata") ? created["KeyMetadata"].value("KeyId", "") : "";
  if (rotate) c.call("kms", "EnableKeyRotation", {{"KeyId", id}}, region);
  return id;
}

// A metric filter with the CIS pattern of `check_id` and, when `alarm`, an
// alarm on its metric notifying `topic`.
void Monitor(SetupCalls& c, const std::string& check_id, const std::string& topic, bool alarm) {
  const std::string metric = "posture-demo-" + check_id;
  c.call("logs", "PutMetricFilter",
         {{"logGroupName", kLogGroup},
          {"filterName", metric},
          {"filterPattern", std::string(checks::CisRecommendedPattern(check_id))},
          {"metricTransformations",
           Json::array({{{"metricName", metric}, {"metricNamespace", kNamespace}, {"metricValue", "1"}}})}});
  if (!alarm) return;
  c.call("cloudwatch", "PutMetricAlarm",
         {{"AlarmName", metric},
          {"MetricName", metric},
          {"Namespace", kNamespace},
          {"Statistic", "Sum"},
          {"Period", 300},
          {"EvaluationPeriods", 1},
          {"Threshold", 1},
          {"ComparisonOperator", "GreaterThanOrEqualToThreshold"},
          {"AlarmActions", Json::array({topic})}});
}

}  // namespace

base::Status BuildLogging(aws::AwsClient& client) {
  SetupCalls c(client, kHome);
  // Buckets: the main trail's bucket logs its access, the legacy trail's does not.
  for (const char* bucket : {"posture-demo-trail", "posture-demo-legacy-trail", "posture-demo-access-logs"}) {
    c.call("s3", "CreateBucket", {{"Bucket", bucket}});
  }
  c.call("s3", "PutBucketAcl", {{"Bucket", "posture-demo-access-logs"}, {"ACL", "log-delivery-write"}});
  c.call("s3", "PutBucketLogging",
         {{"Bucket", "posture-demo-trail"},
          {"BucketLoggingStatus",
           {{"LoggingEnabled", {{"TargetBucket", "posture-demo-access-logs"}, {"TargetPrefix", "trail/"}}}}}});

  // KMS: one rotating and one never-rotating customer key.
  const std::string trail_key = Key(c, true);
  Key(c, false);

  // CloudWatch: the main trail's log group, an alerting topic with a
  // confirmed subscriber, and alarms for CIS 4.1 and 4.3 only (4.4 has a
  // filter but no alarm; the rest have nothing).
  c.call("logs", "CreateLogGroup", {{"logGroupName", kLogGroup}});
  const std::string topic =
      c.call("sns", "CreateTopic", {{"Name", "posture-demo-security-alerts"}}).value("TopicArn", "");
  c.call("sns", "Subscribe", {{"TopicArn", topic}, {"Protocol", "email"}, {"Endpoint", "security@example.com"}});
  Monitor(c, "monitor_unauthorized_api_calls", topic, true);
  Monitor(c, "monitor_root_usage", topic, true);
  Monitor(c, "monitor_iam_policy_changes", topic, false);

  // The main trail: multi-region, validated, KMS-encrypted, logging all
  // management events and S3 object writes (not reads) to CloudWatch Logs.
  const std::string log_group_arn =
      std::string("arn:aws:logs:") + kHome + ":" + kAccount + ":log-group:" + kLogGroup + ":*";
  c.call("cloudtrail", "CreateTrail",
         {{"Name", "posture-demo-main"},
          {"S3BucketName", "posture-demo-trail"},
          {"IsMultiRegionTrail", true},
          {"EnableLogFileValidation", true},
          {"KmsKeyId", trail_key},
          {"CloudWatchLogsLogGroupArn", log_group_arn},
          {"CloudWatchLogsRoleArn", std::string("arn:aws:iam::") + kAccount + ":role/posture-demo-cloudtrail"}});
  c.call("cloudtrail", "StartLogging", {{"Name", "posture-demo-main"}});
  c.call("cloudtrail", "PutEventSelectors",
         {{"TrailName", "posture-demo-main"},
          {"EventSelectors",
           Json::array({{{"ReadWriteType", "All"}, {"IncludeManagementEvents", true}},
                        {{"ReadWriteType", "WriteOnly"},
                         {"IncludeManagementEvents", false},
                         {"DataResources",
                          Json::array({{{"Type", "AWS::S3::Object"}, {"Values", Json::array({"arn:aws:s3"})}}})}}})}});
  // A legacy single-region trail in eu-west-1: no validation, no KMS, not logging.
  c.call("cloudtrail", "CreateTrail", {{"Name", "posture-demo-legacy"}, {"S3BucketName", "posture-demo-legacy-trail"}},
         kOther);

  // AWS Config records everything in us-east-1 only; GuardDuty likewise.
  c.call("s3", "CreateBucket", {{"Bucket", "posture-demo-config"}});
  c.call("config", "PutConfigurationRecorder",
         {{"ConfigurationRecorder",
           {{"name", "default"},
            {"roleARN", std::string("arn:aws:iam::") + kAccount + ":role/posture-demo-config"},
            {"recordingGroup", {{"allSupported", true}, {"includeGlobalResourceTypes", true}}}}}});
  c.call("config", "PutDeliveryChannel",
         {{"DeliveryChannel", {{"name", "default"}, {"s3BucketName", "posture-demo-config"}}}});
  c.call("config", "StartConfigurationRecorder", {{"ConfigurationRecorderName", "default"}});
  c.call("guardduty", "CreateDetector", {{"Enable", true}});
  return c.status();
}

}  // namespace posture::demo
