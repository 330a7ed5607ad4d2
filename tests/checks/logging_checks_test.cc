// Fixture-driven cases for the logging (CloudTrail, Config, KMS, S3 data
// events), monitoring (CIS 4.1-4.15) and GuardDuty checks.
#include "checks/check_fixtures.h"
#include "checks/cis_patterns.h"

namespace posture::checks::testing {
namespace {

constexpr const char* kLogGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/main:*";
constexpr const char* kTopic = "arn:aws:sns:us-east-1:123456789012:security-alerts";

CollectionError Denied(std::string service, std::string operation) {
  return {std::move(service), std::move(operation), kRegion, "access_denied", "AccessDenied", "not authorized"};
}

EventSelector Classic(std::string read_write = "All", bool management = true) {
  EventSelector selector;
  selector.read_write_type = std::move(read_write);
  selector.include_management_events = management;
  return selector;
}

TrailSelectors Selectors(std::vector<EventSelector> classic, std::vector<AdvancedEventSelector> advanced = {}) {
  return TrailSelectors{std::move(classic), std::move(advanced)};
}

FieldSelector FieldEquals(std::string field, std::string value) {
  FieldSelector selector;
  selector.field = std::move(field);
  selector.equals = {std::move(value)};
  return selector;
}

class TrailBuilder {
 public:
  explicit TrailBuilder(std::string name) {
    trail_.name = name;
    trail_.arn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/" + name;
    trail_.home_region = kRegion;
    trail_.multi_region = true;
    trail_.log_file_validation = true;
    trail_.s3_bucket = name + "-logs";
    trail_.logging.set(true);
    trail_.selectors.set(Selectors({Classic()}));
  }
  TrailBuilder& single_region() {
    trail_.multi_region = false;
    return *this;
  }
  TrailBuilder& logging(bool on) {
    trail_.logging.set(on);
    return *this;
  }
  TrailBuilder& selectors(TrailSelectors selectors) {
    trail_.selectors.set(std::move(selectors));
    return *this;
  }
  TrailBuilder& validation(bool on) {
    trail_.log_file_validation = on;
    return *this;
  }
  TrailBuilder& kms(std::string key) {
    trail_.kms_key_id = std::move(key);
    return *this;
  }
  TrailBuilder& bucket(std::string bucket, std::string target = "") {
    trail_.s3_bucket = bucket;
    trail_.bucket_logging.set(BucketLogging{std::move(bucket), kRegion, std::move(target)});
    return *this;
  }
  TrailBuilder& log_group(std::string arn) {
    trail_.log_group_arn = std::move(arn);
    return *this;
  }
  TrailBuilder& monitoring(TrailMonitoring monitoring) {
    trail_.log_group_arn = kLogGroupArn;
    trail_.monitoring.set(std::move(monitoring));
    return *this;
  }
  template <typename T>
  TrailBuilder& fail(Collected<T> Trail::*part, CollectionError error) {
    (trail_.*part).fail(std::move(error));
    return *this;
  }
  operator Trail() const { return trail_; }  // NOLINT: implicit by design

 private:
  Trail trail_;
};
TrailBuilder MakeTrail(std::string name) { return TrailBuilder(std::move(name)); }

Estate WithTrails(std::vector<Trail> trails, Estate estate = Estate(), const std::string& region = kRegion) {
  estate.region(region).cloudtrail.trails.set(std::move(trails));
  return estate;
}

// A log group with one filter, its alarm and a topic with `confirmed` subscriptions.
TrailMonitoring Alerting(std::string pattern, int confirmed = 1, bool alarm = true) {
  TrailMonitoring monitoring;
  monitoring.log_group_name = "CloudTrail/main";
  monitoring.region = kRegion;
  monitoring.filters.push_back({"cis-filter", "CloudTrail/main", std::move(pattern), "CisMetric", "CISBenchmark"});
  if (alarm) {
    monitoring.alarms.push_back({"cis-alarm",
                                 "arn:aws:cloudwatch:us-east-1:123456789012:alarm:cis-alarm",
                                 "CisMetric",
                                 "CISBenchmark",
                                 {kTopic}});
    monitoring.confirmed_by_topic[kTopic] = confirmed;
  }
  return monitoring;
}

std::vector<CheckCase> MultiRegionCases() {
  const std::string id = "cloudtrail_multi_region";
  AdvancedEventSelector management{"all management", {FieldEquals("eventCategory", "Management")}};
  AdvancedEventSelector reads{"reads", {FieldEquals("eventCategory", "Management"), FieldEquals("readOnly", "true")}};
  EventSelector no_kms = Classic();
  no_kms.exclude_management_event_sources = {"kms.amazonaws.com"};
  return {
      {"multi_region_pass",
       id,
       WithTrails({MakeTrail("main")}),
       {In(Pass("main", "multi-region trail main is logging and records read and write management events"), kRegion)}},
      {"multi_region_advanced_pass",
       id,
       WithTrails({MakeTrail("adv").selectors(Selectors({}, {management}))}),
       {Pass("adv")}},
      {"multi_region_fail_reasons",
       id,
       WithTrails({MakeTrail("local").single_region(), MakeTrail("stopped").logging(false),
                   MakeTrail("writes").selectors(Selectors({Classic("WriteOnly")})),
                   MakeTrail("reads").selectors(Selectors({}, {reads})),
                   MakeTrail("nokms").selectors(Selectors({no_kms}))}),
       {In(Fail(kAccount,
                "trail local is single-region; multi-region trail stopped is not logging; multi-region trail writes "
                "records only write management events; multi-region trail reads records only read management "
                "events; multi-region trail nokms records no management events (excludes management events from "
                "kms.amazonaws.com)"),
           "global")}},
      {"multi_region_read_and_write_selectors",
       id,
       WithTrails({MakeTrail("split").selectors(Selectors({Classic("ReadOnly"), Classic("WriteOnly")}))}),
       {Pass("split")}},
      {"multi_region_no_trail", id, Estate(), {Fail(kAccount, "the account has no CloudTrail trail")}},
      {"multi_region_listing_failed",
       id,
       Estate().fail("cloudtrail.trails"),
       {Error(kAccount, "cloudtrail:DescribeTrails failed in us-east-1")}},
      {"multi_region_status_failed",
       id,
       WithTrails({MakeTrail("main").fail(&Trail::logging, Denied("cloudtrail", "GetTrailStatus"))}),
       {Error(kAccount, "cloudtrail:GetTrailStatus")}},
      {"multi_region_pass_despite_other_region_failing",
       id,
       WithTrails({MakeTrail("main")}, Estate().add_region(kOtherRegion).fail("cloudtrail.trails", kOtherRegion)),
       {Error(kAccount, "DescribeTrails", kOtherRegion), Pass("main")}},
  };
}

std::vector<CheckCase> TrailPropertyCases() {
  return {
      {"validation_mixed",
       "cloudtrail_log_validation",
       WithTrails({MakeTrail("good"), MakeTrail("bad").validation(false)}),
       {Pass("good", "log file integrity validation is enabled"),
        Fail("bad", "log file integrity validation is off: changes to the log files in s3://bad-logs")}},
      {"validation_failed", "cloudtrail_log_validation", Estate().fail("cloudtrail.trails"), {Error(kAccount)}},
      {"kms_mixed",
       "cloudtrail_kms_encrypted",
       WithTrails({MakeTrail("good").kms("arn:aws:kms:us-east-1:123456789012:key/k1"), MakeTrail("plain")}),
       {Pass("good", "encrypted with KMS key arn:aws:kms:us-east-1:123456789012:key/k1"),
        Fail("plain", "not encrypted with a KMS key")}},
      {"kms_failed",
       "cloudtrail_kms_encrypted",
       Estate().fail("cloudtrail.trails"),
       {Error(kAccount, "DescribeTrails")}},
      {"cloudwatch_logs_mixed",
       "cloudtrail_cloudwatch_logs_enabled",
       WithTrails({MakeTrail("watched").log_group(kLogGroupArn), MakeTrail("unwatched")}),
       {Pass("watched", "delivers its events to CloudWatch Logs " + std::string(kLogGroupArn)),
        Fail("unwatched", "does not deliver its events to CloudWatch Logs")}},
      {"cloudwatch_logs_failed",
       "cloudtrail_cloudwatch_logs_enabled",
       Estate().fail("cloudtrail.trails"),
       {Error(kAccount, "DescribeTrails")}},
      {"bucket_logging_mixed",
       "cloudtrail_bucket_access_logging",
       WithTrails({MakeTrail("a").bucket("logged", "access-logs"), MakeTrail("b").bucket("unlogged"),
                   MakeTrail("c").bucket("logged", "access-logs")}),
       {Pass("logged", "logs its access to s3://access-logs"),
        Fail("unlogged", "the bucket of trail b has no server access logging")}},
      {"bucket_logging_failed",
       "cloudtrail_bucket_access_logging",
       WithTrails({MakeTrail("a").fail(&Trail::bucket_logging, Denied("s3", "GetBucketLocation"))}),
       {Error(kAccount, "s3:GetBucketLocation failed")}},
  };
}

std::vector<CheckCase> S3DataEventCases() {
  EventSelector all_buckets = Classic();
  all_buckets.data_resources = {{"AWS::S3::Object", {"arn:aws:s3"}}};
  EventSelector writes = Classic("WriteOnly");
  writes.data_resources = {{"AWS::S3::Object", {"arn:aws:s3:::"}}};
  EventSelector one_bucket = Classic();
  one_bucket.data_resources = {{"AWS::S3::Object", {"arn:aws:s3:::payroll/"}}};
  AdvancedEventSelector advanced{
      "s3 data", {FieldEquals("eventCategory", "Data"), FieldEquals("resources.type", "AWS::S3::Object")}};
  AdvancedEventSelector advanced_one{
      "one bucket",
      {FieldEquals("eventCategory", "Data"), FieldEquals("resources.type", "AWS::S3::Object"),
       FieldSelector{"resources.ARN", {}, {}, {"arn:aws:s3:::payroll/"}, {}, {}, {}}}};
  return {
      {"s3_write_all",
       "s3_object_write_logging",
       WithTrails({MakeTrail("data").selectors(Selectors({all_buckets}))}),
       {Pass("data", "records S3 object write events for all buckets")}},
      {"s3_read_all",
       "s3_object_read_logging",
       WithTrails({MakeTrail("data").selectors(Selectors({all_buckets}))}),
       {Pass("data", "records S3 object read events for all buckets")}},
      {"s3_write_only_passes_write",
       "s3_object_write_logging",
       WithTrails({MakeTrail("w").selectors(Selectors({writes}))}),
       {Pass("w")}},
      {"s3_write_only_fails_read",
       "s3_object_read_logging",
       WithTrails({MakeTrail("w").selectors(Selectors({writes}))}),
       {Fail(kAccount, "trail w records no S3 object read events for all buckets")}},
      {"s3_one_bucket",
       "s3_object_write_logging",
       WithTrails({MakeTrail("b").selectors(Selectors({one_bucket}))}),
       {Fail(kAccount, "records S3 object events only for arn:aws:s3:::payroll/")}},
      {"s3_advanced",
       "s3_object_read_logging",
       WithTrails({MakeTrail("adv").selectors(Selectors({}, {advanced}))}),
       {Pass("adv")}},
      {"s3_advanced_one_bucket",
       "s3_object_read_logging",
       WithTrails({MakeTrail("adv").selectors(Selectors({}, {advanced_one}))}),
       {Fail(kAccount, "selector \"one bucket\" is restricted by resources.ARN")}},
      {"s3_single_region",
       "s3_object_write_logging",
       WithTrails({MakeTrail("local").single_region().selectors(Selectors({all_buckets}))}),
       {Fail(kAccount, "trail local records them but only in us-east-1")}},
      {"s3_not_logging",
       "s3_object_write_logging",
       WithTrails({MakeTrail("off").logging(false).selectors(Selectors({all_buckets}))}),
       {Fail(kAccount, "trail off records them but is not logging")}},
      {"s3_no_trail", "s3_object_read_logging", Estate(), {Fail(kAccount, "the account has no trail")}},
      {"s3_selectors_failed",
       "s3_object_write_logging",
       WithTrails({MakeTrail("x").fail(&Trail::selectors, Denied("cloudtrail", "GetEventSelectors"))}),
       {Error(kAccount, "cloudtrail:GetEventSelectors")}},
  };
}

Estate WithRecorders(std::vector<ConfigRecorder> recorders, Estate estate = Estate(),
                     const std::string& region = kRegion) {
  estate.region(region).config.recorders.set(std::move(recorders));
  return estate;
}

std::vector<CheckCase> ConfigCases() {
  const std::string id = "config_recorder_enabled";
  const ConfigRecorder good{"default", true, true, true, "SUCCESS"};
  const ConfigRecorder regional{"default", true, false, true, "SUCCESS"};
  return {
      {"config_good_and_missing",
       id,
       WithRecorders({good}, Estate().add_region(kOtherRegion)),
       {In(Pass("default", "is recording all supported resource types, including global resources"), kRegion),
        In(Fail(kAccount, "no AWS Config recorder exists in eu-west-1"), kOtherRegion)}},
      {"config_global_elsewhere",
       id,
       WithRecorders({regional}, WithRecorders({good}, Estate().add_region(kOtherRegion)), kOtherRegion),
       {Pass("default"), In(Pass("default", "is recording all supported resource types"), kOtherRegion)}},
      {"config_no_global_anywhere",
       id,
       WithRecorders({regional}),
       {Fail("default", "global resources (IAM) are recorded in no scanned region")}},
      {"config_selected_types",
       id,
       WithRecorders({{"default", false, false, true, "SUCCESS"}}),
       {Fail("default", "records only selected resource types")}},
      {"config_stopped",
       id,
       WithRecorders({{"default", true, true, false, "FAILURE"}}),
       {Fail("default", "is stopped (last status FAILURE)")}},
      {"config_failed",
       id,
       Estate().fail("config.recorders"),
       {Error(kAccount, "config:DescribeConfigurationRecorders")}},
  };
}

std::vector<CheckCase> KmsAndGuardDutyCases() {
  Estate keys;
  keys.region().kms.keys.set({{"k2", "arn:aws:kms:us-east-1:123456789012:key/k2", false},
                              {"k1", "arn:aws:kms:us-east-1:123456789012:key/k1", true}});
  Estate detectors = Estate().add_region(kOtherRegion).add_region("ap-south-1");
  detectors.region().guardduty.detectors.set({{"d-on", "ENABLED"}});
  detectors.region(kOtherRegion).guardduty.detectors.set({{"d-off", "DISABLED"}});
  return {
      {"kms_rotation",
       "kms_key_rotation",
       keys,
       {Pass("k1", "automatic rotation"), Fail("k2", "never rotated automatically")}},
      {"kms_failed", "kms_key_rotation", Estate().fail("kms.keys"), {Error(kAccount, "kms:ListKeys")}},
      {"guardduty_regions",
       "guardduty_enabled",
       detectors,
       {In(Pass("d-on", "GuardDuty detector d-on is enabled"), kRegion),
        In(Fail("d-off", "no enabled GuardDuty detector in eu-west-1: d-off (DISABLED)"), kOtherRegion),
        In(Fail(kAccount, "GuardDuty is not enabled in ap-south-1 (no detector)"), "ap-south-1")}},
      {"guardduty_failed",
       "guardduty_enabled",
       Estate().fail("guardduty.detectors"),
       {Error(kAccount, "guardduty:ListDetectors")}},
  };
}

const char* kMonitorIds[] = {
    "monitor_unauthorized_api_calls", "monitor_console_signin_no_mfa", "monitor_root_usage",
    "monitor_iam_policy_changes",     "monitor_cloudtrail_changes",    "monitor_console_auth_failures",
    "monitor_cmk_disable_delete",     "monitor_s3_policy_changes",     "monitor_config_changes",
    "monitor_security_group_changes", "monitor_nacl_changes",          "monitor_network_gateway_changes",
    "monitor_route_table_changes",    "monitor_vpc_changes",           "monitor_organizations_changes",
};

std::vector<CheckCase> MonitorCases() {
  std::vector<CheckCase> cases;
  // Each control passes with the CIS-recommended pattern and fails with a
  // filter meant for another control.
  for (const char* id : kMonitorIds) {
    const std::string pattern(CisRecommendedPattern(id));
    const std::string other(CisRecommendedPattern(std::string(id) == "monitor_vpc_changes" ? "monitor_nacl_changes"
                                                                                           : "monitor_vpc_changes"));
    cases.push_back(
        {std::string(id).substr(8) + "_cis_pattern_passes",
         id,
         WithTrails({MakeTrail("main").monitoring(Alerting(pattern))}),
         {In(Pass("cis-filter", "alarm cis-alarm notifies " + std::string(kTopic) + " (1 confirmed subscription)"),
             kRegion)}});
    cases.push_back({std::string(id).substr(8) + "_other_pattern_fails",
                     id,
                     WithTrails({MakeTrail("main").monitoring(Alerting(other))}),
                     {Fail(kAccount, "no metric filter on log group CloudTrail/main of trail main matches")}});
  }
  const std::string id = "monitor_unauthorized_api_calls";
  const std::string cis(CisRecommendedPattern(id));
  cases.push_back(
      {"monitor_partial_pattern",
       id,
       WithTrails({MakeTrail("main").monitoring(Alerting(R"({ $.errorCode = "*UnauthorizedOperation" })"))}),
       {Fail(kAccount, "filter cis-filter does not match GetObject failing with AccessDenied")}});
  cases.push_back({"monitor_catch_all",
                   id,
                   WithTrails({MakeTrail("main").monitoring(Alerting("{ $.eventName = * }"))}),
                   {Fail(kAccount, "matches unrelated events too")}});
  cases.push_back({"monitor_malformed_pattern",
                   id,
                   WithTrails({MakeTrail("main").monitoring(Alerting(R"({ ($.errorCode = "AccessDenied*" })"))}),
                   {Fail(kAccount, "cannot be evaluated (expected ')'")}});
  cases.push_back({"monitor_no_alarm",
                   id,
                   WithTrails({MakeTrail("main").monitoring(Alerting(cis, 0, false))}),
                   {Fail(kAccount, "no CloudWatch alarm watches its metric CISBenchmark/CisMetric")}});
  cases.push_back({"monitor_pending_subscription",
                   id,
                   WithTrails({MakeTrail("main").monitoring(Alerting(cis, 0))}),
                   {Fail(kAccount,
                         "alarm cis-alarm on metric CISBenchmark/CisMetric notifies no SNS topic with a "
                         "confirmed subscription")}});
  cases.push_back({"monitor_no_log_group",
                   id,
                   WithTrails({MakeTrail("main")}),
                   {Fail(kAccount, "multi-region trail main sends no events to CloudWatch Logs")}});
  cases.push_back({"monitor_trail_not_logging",
                   id,
                   WithTrails({MakeTrail("main").logging(false).monitoring(Alerting(cis))}),
                   {Fail(kAccount, "multi-region trail main is not logging")}});
  cases.push_back({"monitor_single_region_trail",
                   id,
                   WithTrails({MakeTrail("main").single_region().monitoring(Alerting(cis))}),
                   {Fail(kAccount, "trail main is single-region")}});
  cases.push_back({"monitor_no_filters",
                   id,
                   WithTrails({MakeTrail("main").monitoring(TrailMonitoring{"CloudTrail/main", kRegion, {}, {}, {}})}),
                   {Fail(kAccount, "(it has no filters)")}});
  cases.push_back({"monitor_collection_failed",
                   id,
                   WithTrails({MakeTrail("main")
                                   .monitoring(Alerting(cis))
                                   .fail(&Trail::monitoring, Denied("logs", "DescribeMetricFilters"))}),
                   {Error(kAccount, "logs:DescribeMetricFilters")}});
  cases.push_back({"monitor_no_trails", id, Estate(), {Fail(kAccount, "the account has no CloudTrail trail")}});
  return cases;
}

INSTANTIATE_TEST_SUITE_P(MultiRegion, CheckCaseTest, ::testing::ValuesIn(MultiRegionCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(TrailProperties, CheckCaseTest, ::testing::ValuesIn(TrailPropertyCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(S3DataEvents, CheckCaseTest, ::testing::ValuesIn(S3DataEventCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Config, CheckCaseTest, ::testing::ValuesIn(ConfigCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(KmsAndGuardDuty, CheckCaseTest, ::testing::ValuesIn(KmsAndGuardDutyCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Monitoring, CheckCaseTest, ::testing::ValuesIn(MonitorCases()), CaseName);

}  // namespace
}  // namespace posture::checks::testing
