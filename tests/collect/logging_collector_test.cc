// CloudTrail (with the trail's bucket logging and CloudWatch monitoring
// chain), AWS Config, KMS and GuardDuty collectors against canned answers.
#include <gtest/gtest.h>

#include "collect/collect.h"
#include "collect/fake_aws.h"
#include "collect/fixtures.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using aws::Json;
using testing::Call;
using testing::FakeAws;
using testing::JsonError;
using testing::JsonReply;
using testing::Xml;
using testing::XmlError;

// FakeAws names a json operation by its X-Amz-Target after the first '.',
// which for CloudTrail's dotted target prefix leaves part of the prefix.
std::string Trail(const std::string& operation) {
  return "amazonaws.cloudtrail.v20131101.CloudTrail_20131101." + operation;
}

constexpr const char* kMainArn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/main";
constexpr const char* kLogGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/main:*";
constexpr const char* kTopic = "arn:aws:sns:us-east-1:123456789012:alerts";
constexpr const char* kQuietTopic = "arn:aws:sns:us-east-1:123456789012:quiet";

Json TrailJson(const std::string& name, const std::string& home, bool multi_region) {
  return {{"Name", name},
          {"S3BucketName", name + "-logs"},
          {"IncludeGlobalServiceEvents", true},
          {"IsMultiRegionTrail", multi_region},
          {"HomeRegion", home},
          {"TrailARN", "arn:aws:cloudtrail:" + home + ":123456789012:trail/" + name},
          {"LogFileValidationEnabled", name == "main"},
          {"HasCustomEventSelectors", true},
          {"HasInsightSelectors", false},
          {"IsOrganizationTrail", false}};
}

std::string QueryXml(const std::string& operation, const std::string& result, const std::string& ns) {
  return testing::QueryXml(operation, result, ns);
}

class LoggingCollectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    aws_.on("sts", "GetCallerIdentity", Xml(testing::CallerIdentityXml()));
    aws_.on("cloudtrail", Trail("DescribeTrails"), [](const Call& call) {
      Json main = TrailJson("main", "us-east-1", true);
      main["KmsKeyId"] = "arn:aws:kms:us-east-1:123456789012:key/k1";
      main["CloudWatchLogsLogGroupArn"] = kLogGroupArn;
      Json trails = Json::array({main, TrailJson("faraway", "ap-south-1", true)});
      if (call.region == "eu-west-1") trails.push_back(TrailJson("local-eu", "eu-west-1", false));
      return JsonReply({{"trailList", trails}});
    });
    aws_.on("cloudtrail", Trail("GetTrailStatus"), [](const Call& call) {
      return JsonReply({{"IsLogging", call.json.value("Name", "") == kMainArn}});
    });
    aws_.on("cloudtrail", Trail("GetEventSelectors"), [](const Call& call) {
      return JsonReply({{"TrailARN", call.json.value("TrailName", "")},
                        {"EventSelectors",
                         {{{"ReadWriteType", "WriteOnly"},
                           {"IncludeManagementEvents", true},
                           {"DataResources", {{{"Type", "AWS::S3::Object"}, {"Values", {"arn:aws:s3"}}}}},
                           {"ExcludeManagementEventSources", {"kms.amazonaws.com"}}}}},
                        {"AdvancedEventSelectors",
                         {{{"Name", "s3"},
                           {"FieldSelectors",
                            {{{"Field", "eventCategory"}, {"Equals", {"Data"}}},
                             {{"Field", "resources.ARN"}, {"StartsWith", {"arn:aws:s3:::b/"}}}}}}}}});
    });
  }

  inv::Inventory Collect(std::set<std::string> sections,
                         std::vector<std::string> regions = {"us-east-1", "eu-west-1"}) {
    CollectOptions options;
    options.regions = std::move(regions);
    options.sections = std::move(sections);
    auto result = CollectInventory(aws_.client(), options);
    EXPECT_TRUE(result.ok());
    return std::move(*result);
  }

  std::vector<Call> CallsTo(const std::string& key) {
    std::vector<Call> out;
    for (const auto& call : aws_.calls()) {
      if (call.key() == key) out.push_back(call);
    }
    return out;
  }

  FakeAws aws_;
};

TEST_F(LoggingCollectorTest, EachTrailIsKeptOnceInItsHomeRegionOrTheFirstScannedOne) {
  auto inventory = Collect({"cloudtrail.trails"});
  const auto& east = inventory.regions[0].cloudtrail.trails;
  const auto& west = inventory.regions[1].cloudtrail.trails;
  ASSERT_TRUE(east.ok()) << east.error->message;
  ASSERT_TRUE(west.ok());
  // main is homed here; faraway's home region is not scanned, so the first scanned region keeps it.
  ASSERT_EQ(east->size(), 2u);
  EXPECT_EQ(east->at(0).name, "main");
  EXPECT_EQ(east->at(1).name, "faraway");
  ASSERT_EQ(west->size(), 1u);
  EXPECT_EQ(west->at(0).name, "local-eu");

  const inv::Trail& main = east->at(0);
  EXPECT_EQ(main.arn, kMainArn);
  EXPECT_EQ(main.home_region, "us-east-1");
  EXPECT_TRUE(main.multi_region);
  EXPECT_TRUE(main.log_file_validation);
  EXPECT_EQ(main.s3_bucket, "main-logs");
  EXPECT_EQ(main.kms_key_id, "arn:aws:kms:us-east-1:123456789012:key/k1");
  EXPECT_EQ(main.log_group_arn, kLogGroupArn);
  EXPECT_FALSE(west->at(0).log_file_validation);
  // Parts nobody asked for are neither collected nor failed, and cost no call.
  EXPECT_FALSE(main.logging.ok());
  EXPECT_FALSE(main.logging.error.has_value());
  EXPECT_EQ(aws_.calls().size(), 3u);  // sts + DescribeTrails in each region
  for (const auto& call : CallsTo("cloudtrail:" + Trail("DescribeTrails"))) {
    EXPECT_EQ(call.json.value("includeShadowTrails", false), true);
  }
}

TEST_F(LoggingCollectorTest, StatusAndSelectorsPerTrailByArn) {
  auto inventory = Collect({"cloudtrail.trails.logging", "cloudtrail.trails.selectors"}, {"us-east-1"});
  const auto& trails = inventory.regions[0].cloudtrail.trails;
  ASSERT_TRUE(trails.ok());
  ASSERT_EQ(trails->size(), 2u);
  const inv::Trail& main = trails->at(0);
  ASSERT_TRUE(main.logging.ok());
  EXPECT_TRUE(*main.logging);
  ASSERT_TRUE(trails->at(1).logging.ok());
  EXPECT_FALSE(*trails->at(1).logging);
  ASSERT_TRUE(main.selectors.ok());
  const auto& selectors = *main.selectors;
  ASSERT_EQ(selectors.event_selectors.size(), 1u);
  EXPECT_EQ(selectors.event_selectors[0].read_write_type, "WriteOnly");
  EXPECT_TRUE(selectors.event_selectors[0].include_management_events);
  ASSERT_EQ(selectors.event_selectors[0].data_resources.size(), 1u);
  EXPECT_EQ(selectors.event_selectors[0].data_resources[0].type, "AWS::S3::Object");
  EXPECT_EQ(selectors.event_selectors[0].data_resources[0].values, std::vector<std::string>{"arn:aws:s3"});
  EXPECT_EQ(selectors.event_selectors[0].exclude_management_event_sources,
            std::vector<std::string>{"kms.amazonaws.com"});
  ASSERT_EQ(selectors.advanced.size(), 1u);
  EXPECT_EQ(selectors.advanced[0].name, "s3");
  ASSERT_EQ(selectors.advanced[0].fields.size(), 2u);
  EXPECT_EQ(selectors.advanced[0].fields[0].field, "eventCategory");
  EXPECT_EQ(selectors.advanced[0].fields[0].equals, std::vector<std::string>{"Data"});
  EXPECT_EQ(selectors.advanced[0].fields[1].starts_with, std::vector<std::string>{"arn:aws:s3:::b/"});
  std::set<std::string> names;
  for (const auto& call : CallsTo("cloudtrail:" + Trail("GetTrailStatus"))) names.insert(call.json.value("Name", ""));
  EXPECT_EQ(names, (std::set<std::string>{kMainArn, "arn:aws:cloudtrail:ap-south-1:123456789012:trail/faraway"}));
  EXPECT_EQ(CallsTo("cloudtrail:" + Trail("GetEventSelectors")).size(), 2u);
}

TEST_F(LoggingCollectorTest, AFailedPartFailsOnlyThatPartOfThatTrail) {
  aws_.on("cloudtrail", Trail("GetTrailStatus"), [](const Call& call) {
    if (call.json.value("Name", "") == kMainArn) return JsonError(400, "AccessDeniedException", "denied");
    return JsonReply({{"IsLogging", true}});
  });
  auto inventory = Collect({"cloudtrail.trails.logging", "cloudtrail.trails.selectors"}, {"us-east-1"});
  const auto& trails = inventory.regions[0].cloudtrail.trails;
  ASSERT_TRUE(trails.ok());
  ASSERT_FALSE(trails->at(0).logging.ok());
  EXPECT_EQ(trails->at(0).logging.error->operation, "GetTrailStatus");
  EXPECT_EQ(trails->at(0).logging.error->kind, "access_denied");
  EXPECT_TRUE(trails->at(0).selectors.ok());
  EXPECT_TRUE(trails->at(1).logging.ok());
  ASSERT_EQ(inventory.errors.size(), 1u);
  EXPECT_EQ(inventory.errors[0].operation, "GetTrailStatus");
}

TEST_F(LoggingCollectorTest, DescribeTrailsFailureFailsTheRegion) {
  aws_.on("cloudtrail", Trail("DescribeTrails"), [](const Call& call) {
    if (call.region == "eu-west-1") return JsonError(400, "AccessDeniedException", "denied");
    return JsonReply({{"trailList", Json::array()}});
  });
  auto inventory = Collect({"cloudtrail.trails", "cloudtrail.trails.logging"});
  EXPECT_TRUE(inventory.regions[0].cloudtrail.trails.ok());
  ASSERT_FALSE(inventory.regions[1].cloudtrail.trails.ok());
  EXPECT_EQ(inventory.regions[1].cloudtrail.trails.error->operation, "DescribeTrails");
  EXPECT_EQ(inventory.regions[1].cloudtrail.trails.error->region, "eu-west-1");
}

TEST_F(LoggingCollectorTest, BucketLoggingIsAskedInTheBucketsRegion) {
  auto s3 = [](const Call& call) {
    if (call.url.find("location") != std::string::npos) {
      if (call.url.find("faraway") != std::string::npos) return XmlError(403, "AccessDenied", "Access Denied");
      return Xml("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">EU</LocationConstraint>");
    }
    return Xml(
        "<BucketLoggingStatus xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LoggingEnabled>"
        "<TargetBucket>access-logs</TargetBucket><TargetPrefix>main/</TargetPrefix></LoggingEnabled>"
        "</BucketLoggingStatus>");
  };
  for (const char* operation : {"GetBucketLocation", "GetBucketLogging"}) aws_.on("s3", operation, s3);
  auto inventory = Collect({"cloudtrail.trails.bucket_logging"}, {"us-east-1"});
  const auto& trails = inventory.regions[0].cloudtrail.trails;
  ASSERT_TRUE(trails.ok());
  const auto& logging = trails->at(0).bucket_logging;
  ASSERT_TRUE(logging.ok()) << logging.error->message;
  EXPECT_EQ(logging->bucket, "main-logs");
  EXPECT_EQ(logging->region, "eu-west-1");
  EXPECT_EQ(logging->target_bucket, "access-logs");
  ASSERT_FALSE(trails->at(1).bucket_logging.ok());
  EXPECT_EQ(trails->at(1).bucket_logging.error->operation, "GetBucketLocation");
  std::map<std::string, std::string> regions;
  for (const auto& call : aws_.calls()) {
    if (call.service == "s3")
      regions[call.url.find("location") != std::string::npos ? "location" : "logging"] = call.region;
  }
  EXPECT_EQ(regions["location"], "us-east-1");
  EXPECT_EQ(regions["logging"], "eu-west-1");
}

std::string AlarmMember(const std::string& name, const std::string& metric, const std::string& topic) {
  return "<member><AlarmName>" + name +
         "</AlarmName><AlarmArn>arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name + "</AlarmArn><MetricName>" +
         metric + "</MetricName><Namespace>CISBenchmark</Namespace>" + "<AlarmActions><member>" + topic +
         "</member></AlarmActions><StateValue>OK</StateValue></member>";
}

TEST_F(LoggingCollectorTest, MonitoringFollowsFiltersToAlarmsToConfirmedSubscribers) {
  aws_.on("logs", "DescribeMetricFilters", [](const Call& call) {
    EXPECT_EQ(call.json.value("logGroupName", ""), "CloudTrail/main");
    EXPECT_EQ(call.region, "us-east-1");
    if (!call.json.contains("nextToken")) {
      return JsonReply(
          {{"metricFilters",
            {{{"filterName", "unauthorized"},
              {"logGroupName", "CloudTrail/main"},
              {"filterPattern", "{ $.errorCode = \"AccessDenied*\" }"},
              {"metricTransformations",
               {{{"metricName", "Unauthorized"}, {"metricNamespace", "CISBenchmark"}, {"metricValue", "1"}}}}}}},
           {"nextToken", "page-2"}});
    }
    return JsonReply({{"metricFilters",
                       {{{"filterName", "root"},
                         {"logGroupName", "CloudTrail/main"},
                         {"filterPattern", "{ $.userIdentity.type = \"Root\" }"},
                         {"metricTransformations",
                          {{{"metricName", "Root"}, {"metricNamespace", "CISBenchmark"}, {"metricValue", "1"}}}}}}}});
  });
  aws_.on("monitoring", "DescribeAlarms", [](const Call&) {
    return Xml(QueryXml("DescribeAlarms",
                        "<MetricAlarms>" + AlarmMember("unauthorized-alarm", "Unauthorized", kTopic) +
                            AlarmMember("root-alarm", "Root", kQuietTopic) +
                            AlarmMember("cpu", "CPUUtilization", "arn:aws:sns:us-east-1:123456789012:ops") +
                            "</MetricAlarms>",
                        "http://monitoring.amazonaws.com/doc/2010-08-01/"));
  });
  aws_.on("sns", "ListSubscriptionsByTopic", [](const Call& call) {
    const std::string topic = call.param("TopicArn");
    const std::string arn = topic == kTopic ? topic + ":1111" : "PendingConfirmation";
    return Xml(QueryXml("ListSubscriptionsByTopic",
                        "<Subscriptions><member><TopicArn>" + topic +
                            "</TopicArn><Protocol>email</Protocol>"
                            "<SubscriptionArn>" +
                            arn +
                            "</SubscriptionArn><Owner>123456789012</Owner>"
                            "<Endpoint>sec@example.com</Endpoint></member><member><TopicArn>" +
                            topic +
                            "</TopicArn><Protocol>email</Protocol><SubscriptionArn>PendingConfirmation"
                            "</SubscriptionArn><Owner>123456789012</Owner><Endpoint>x@example.com</Endpoint>"
                            "</member></Subscriptions>",
                        "http://sns.amazonaws.com/doc/2010-03-31/"));
  });
  auto inventory = Collect({"cloudtrail.trails.monitoring"}, {"us-east-1"});
  const auto& trails = inventory.regions[0].cloudtrail.trails;
  ASSERT_TRUE(trails.ok());
  const auto& monitoring = trails->at(0).monitoring;
  ASSERT_TRUE(monitoring.ok()) << monitoring.error->message;
  EXPECT_EQ(monitoring->log_group_name, "CloudTrail/main");
  EXPECT_EQ(monitoring->region, "us-east-1");
  ASSERT_EQ(monitoring->filters.size(), 2u);
  EXPECT_EQ(monitoring->filters[0].name, "unauthorized");
  EXPECT_EQ(monitoring->filters[0].pattern, "{ $.errorCode = \"AccessDenied*\" }");
  EXPECT_EQ(monitoring->filters[0].metric_name, "Unauthorized");
  EXPECT_EQ(monitoring->filters[0].metric_namespace, "CISBenchmark");
  ASSERT_EQ(monitoring->alarms.size(), 2u);  // not the CPU alarm
  EXPECT_EQ(monitoring->alarms[0].name, "unauthorized-alarm");
  EXPECT_EQ(monitoring->alarms[0].alarm_actions, std::vector<std::string>{kTopic});
  EXPECT_EQ(monitoring->confirmed_by_topic, (std::map<std::string, int>{{kTopic, 1}, {kQuietTopic, 0}}));
  // faraway has no log group: no monitoring call for it.
  EXPECT_FALSE(trails->at(1).monitoring.ok());
  EXPECT_FALSE(trails->at(1).monitoring.error.has_value());
  EXPECT_EQ(CallsTo("logs:DescribeMetricFilters").size(), 2u);
  EXPECT_EQ(CallsTo("monitoring:DescribeAlarms").size(), 1u);
  EXPECT_EQ(CallsTo("sns:ListSubscriptionsByTopic").size(), 2u);
}

TEST_F(LoggingCollectorTest, NoFiltersMeansNoAlarmCalls) {
  aws_.on("logs", "DescribeMetricFilters", JsonReply({{"metricFilters", Json::array()}}));
  auto inventory = Collect({"cloudtrail.trails.monitoring"}, {"us-east-1"});
  const auto& monitoring = inventory.regions[0].cloudtrail.trails->at(0).monitoring;
  ASSERT_TRUE(monitoring.ok());
  EXPECT_TRUE(monitoring->filters.empty());
  EXPECT_EQ(CallsTo("monitoring:DescribeAlarms").size(), 0u);
}

TEST_F(LoggingCollectorTest, MonitoringFailureNamesTheCall) {
  aws_.on(
      "logs", "DescribeMetricFilters",
      JsonReply(
          {{"metricFilters",
            {{{"filterName", "f"},
              {"filterPattern", "{ $.a = 1 }"},
              {"metricTransformations", {{{"metricName", "M"}, {"metricNamespace", "N"}, {"metricValue", "1"}}}}}}}}));
  aws_.on("monitoring", "DescribeAlarms", XmlError(403, "AccessDenied", "User is not authorized"));
  auto inventory = Collect({"cloudtrail.trails.monitoring"}, {"us-east-1"});
  const auto& monitoring = inventory.regions[0].cloudtrail.trails->at(0).monitoring;
  ASSERT_FALSE(monitoring.ok());
  EXPECT_EQ(monitoring.error->service, "cloudwatch");
  EXPECT_EQ(monitoring.error->operation, "DescribeAlarms");
}

TEST_F(LoggingCollectorTest, ConfigRecordersMergeWithTheirStatus) {
  aws_.on("config", "DescribeConfigurationRecorders",
          JsonReply({{"ConfigurationRecorders",
                      {{{"name", "default"},
                        {"roleARN", "arn:aws:iam::123456789012:role/config"},
                        {"recordingGroup", {{"allSupported", true}, {"includeGlobalResourceTypes", true}}}}}}}));
  aws_.on("config", "DescribeConfigurationRecorderStatus",
          JsonReply({{"ConfigurationRecordersStatus",
                      {{{"name", "default"}, {"recording", true}, {"lastStatus", "SUCCESS"}}}}}));
  auto inventory = Collect({"config.recorders"}, {"us-east-1"});
  const auto& recorders = inventory.regions[0].config.recorders;
  ASSERT_TRUE(recorders.ok());
  ASSERT_EQ(recorders->size(), 1u);
  EXPECT_EQ(recorders->at(0).name, "default");
  EXPECT_TRUE(recorders->at(0).all_supported);
  EXPECT_TRUE(recorders->at(0).include_global_resource_types);
  EXPECT_TRUE(recorders->at(0).recording);
  EXPECT_EQ(recorders->at(0).last_status, "SUCCESS");
}

TEST_F(LoggingCollectorTest, ConfigFailureFailsTheSection) {
  aws_.on("config", "DescribeConfigurationRecorders", JsonReply({{"ConfigurationRecorders", Json::array()}}));
  aws_.on("config", "DescribeConfigurationRecorderStatus", JsonError(400, "AccessDeniedException", "denied"));
  auto inventory = Collect({"config.recorders"}, {"us-east-1"});
  ASSERT_FALSE(inventory.regions[0].config.recorders.ok());
  EXPECT_EQ(inventory.regions[0].config.recorders.error->operation, "DescribeConfigurationRecorderStatus");
}

TEST_F(LoggingCollectorTest, KmsKeysOnlyCustomerManagedSymmetricEnabled) {
  aws_.on("kms", "ListKeys",
          JsonReply({{"Keys",
                      {{{"KeyId", "aws-1"}, {"KeyArn", "arn:aws:kms:us-east-1:123456789012:key/aws-1"}},
                       {{"KeyId", "cust-1"}, {"KeyArn", "arn:aws:kms:us-east-1:123456789012:key/cust-1"}},
                       {{"KeyId", "rsa-1"}, {"KeyArn", "arn:aws:kms:us-east-1:123456789012:key/rsa-1"}},
                       {{"KeyId", "gone-1"}, {"KeyArn", "arn:aws:kms:us-east-1:123456789012:key/gone-1"}}}},
                     {"Truncated", false}}));
  aws_.on("kms", "ListAliases",
          JsonReply({{"Aliases",
                      {{{"AliasName", "alias/aws/s3"}, {"TargetKeyId", "aws-1"}},
                       {{"AliasName", "alias/app"}, {"TargetKeyId", "cust-1"}}}},
                     {"Truncated", false}}));
  aws_.on("kms", "DescribeKey", [](const Call& call) {
    const std::string id = call.json.value("KeyId", "");
    if (id == "gone-1") return JsonError(400, "NotFoundException", "key not found");
    return JsonReply({{"KeyMetadata",
                       {{"KeyId", id},
                        {"Arn", "arn:aws:kms:us-east-1:123456789012:key/" + id},
                        {"KeyManager", "CUSTOMER"},
                        {"KeyState", "Enabled"},
                        {"Origin", "AWS_KMS"},
                        {"KeySpec", id == "rsa-1" ? "RSA_2048" : "SYMMETRIC_DEFAULT"}}}});
  });
  aws_.on("kms", "GetKeyRotationStatus", JsonReply({{"KeyRotationEnabled", true}}));
  auto inventory = Collect({"kms.keys"}, {"us-east-1"});
  const auto& keys = inventory.regions[0].kms.keys;
  ASSERT_TRUE(keys.ok()) << keys.error->message;
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(keys->at(0).id, "cust-1");
  EXPECT_EQ(keys->at(0).arn, "arn:aws:kms:us-east-1:123456789012:key/cust-1");
  EXPECT_TRUE(keys->at(0).rotation_enabled);
  EXPECT_EQ(CallsTo("kms:DescribeKey").size(), 3u);  // not the AWS-managed key
  ASSERT_EQ(CallsTo("kms:GetKeyRotationStatus").size(), 1u);
  EXPECT_EQ(CallsTo("kms:GetKeyRotationStatus")[0].json.value("KeyId", ""), "cust-1");
}

TEST_F(LoggingCollectorTest, KmsDescribeFailureFailsTheSection) {
  aws_.on("kms", "ListKeys", JsonReply({{"Keys", {{{"KeyId", "k"}}}}}));
  aws_.on("kms", "ListAliases", JsonReply({{"Aliases", Json::array()}}));
  aws_.on("kms", "DescribeKey", JsonError(400, "AccessDeniedException", "denied"));
  auto inventory = Collect({"kms.keys"}, {"us-east-1"});
  ASSERT_FALSE(inventory.regions[0].kms.keys.ok());
  EXPECT_EQ(inventory.regions[0].kms.keys.error->operation, "DescribeKey");
}

TEST_F(LoggingCollectorTest, GuardDutyDetectorsAndTheirStatus) {
  aws_.on("guardduty", "GET /detector", [](const Call& call) {
    if (call.region == "eu-west-1") return JsonReply({{"detectorIds", Json::array()}});
    return JsonReply({{"detectorIds", {"d-1"}}});
  });
  aws_.on("guardduty", "GET /detector/d-1",
          JsonReply({{"status", "ENABLED"},
                     {"serviceRole", "arn:aws:iam::123456789012:role/gd"},
                     {"createdAt", "2026-01-01T00:00:00Z"}}));
  auto inventory = Collect({"guardduty.detectors"});
  const auto& east = inventory.regions[0].guardduty.detectors;
  ASSERT_TRUE(east.ok()) << east.error->message;
  ASSERT_EQ(east->size(), 1u);
  EXPECT_EQ(east->at(0).id, "d-1");
  EXPECT_EQ(east->at(0).status, "ENABLED");
  ASSERT_TRUE(inventory.regions[1].guardduty.detectors.ok());
  EXPECT_TRUE(inventory.regions[1].guardduty.detectors->empty());
}

TEST_F(LoggingCollectorTest, GuardDutyFailure) {
  aws_.on("guardduty", "GET /detector", JsonError(403, "AccessDeniedException", "denied"));
  auto inventory = Collect({"guardduty.detectors"}, {"us-east-1"});
  ASSERT_FALSE(inventory.regions[0].guardduty.detectors.ok());
  EXPECT_EQ(inventory.regions[0].guardduty.detectors.error->operation, "ListDetectors");
}

}  // namespace
}  // namespace posture::collect
