#include "checks/cis_monitoring.h"

#include "checks/check_support.h"
#include "checks/filter_pattern.h"
#include "checks/trail_support.h"

namespace posture::checks {
namespace {

using nlohmann::json;

// A read-only call nobody alerts on: a filter matching it matches everything.
json UnrelatedCall() {
  json event = ApiCall("ec2.amazonaws.com", "DescribeInstances");
  event["readOnly"] = true;
  return event;
}

std::string Describe(const json& event) {
  std::string name = event.value("eventName", "event");
  if (event.contains("errorCode")) name += " failing with " + event["errorCode"].get<std::string>();
  if (event.contains("errorMessage")) name += " (\"" + event["errorMessage"].get<std::string>() + "\")";
  const auto& identity = event["userIdentity"];
  if (identity.value("type", "") == "Root") name += " by the root user";
  return name;
}

// How far a candidate got; the FAIL reports the furthest.
enum class Stage { kTrail, kFilter, kAlarm, kSubscriber };

struct Progress {
  Stage best = Stage::kTrail;
  std::vector<std::string> reasons;
  void note(Stage stage, std::string reason) {
    if (stage < best) return;
    if (stage > best) reasons.clear();
    best = stage;
    reasons.push_back(std::move(reason));
  }
};

std::string MetricName(const inventory::MetricFilter& filter) {
  return filter.metric_namespace + "/" + filter.metric_name;
}

}  // namespace

json ApiCall(std::string_view source, std::string_view name) {
  return {{"eventVersion", "1.09"},
          {"userIdentity",
           {{"type", "IAMUser"},
            {"principalId", "AIDAEXAMPLE"},
            {"arn", "arn:aws:iam::123456789012:user/alice"},
            {"accountId", "123456789012"},
            {"userName", "alice"}}},
          {"eventTime", "2026-01-01T00:00:00Z"},
          {"eventSource", source},
          {"eventName", name},
          {"awsRegion", "us-east-1"},
          {"sourceIPAddress", "203.0.113.10"},
          {"userAgent", "aws-cli/2.15.0"},
          {"requestParameters", json::object()},
          {"responseElements", nullptr},
          {"readOnly", false},
          {"eventType", "AwsApiCall"},
          {"managementEvent", true},
          {"recipientAccountId", "123456789012"},
          {"eventCategory", "Management"}};
}

std::vector<json> ApiCalls(std::string_view source, std::initializer_list<std::string_view> names) {
  std::vector<json> events;
  for (auto name : names) events.push_back(ApiCall(source, name));
  return events;
}

bool PatternCovers(const MonitorSpec& spec, const std::string& pattern, std::string& why) {
  std::string error;
  const auto parsed = FilterPattern::Parse(pattern, &error);
  if (!parsed) {
    why = "cannot be evaluated (" + error + ")";
    return false;
  }
  std::vector<std::string> missed;
  for (const auto& event : spec.events) {
    if (!parsed->matches(event)) missed.push_back(Describe(event));
  }
  if (!missed.empty()) {
    why = "does not match " + base::Join(missed);
    return false;
  }
  if (parsed->matches(UnrelatedCall())) {
    why = "matches unrelated events too (a DescribeInstances call)";
    return false;
  }
  return true;
}

void EvaluateMonitor(const MonitorSpec& spec, const inventory::Inventory& inventory, FindingSink& sink) {
  bool incomplete = false;
  Progress progress;
  for (const TrailRef& ref : CollectedTrails(inventory, sink, incomplete)) {
    const auto& trail = *ref.trail;
    const std::string& region = ref.region->region;
    std::string why;
    if (!CoversAccount(ref, sink, incomplete, why)) {
      if (!why.empty()) progress.note(Stage::kTrail, why);
      continue;
    }
    if (trail.log_group_arn.empty()) {
      progress.note(Stage::kTrail, "multi-region trail " + trail.name + " sends no events to CloudWatch Logs");
      continue;
    }
    if (!sink.require(trail.monitoring, region)) {
      incomplete = true;
      continue;
    }
    const auto& monitoring = *trail.monitoring;
    const std::string group = "log group " + monitoring.log_group_name + " of trail " + trail.name;
    std::vector<const inventory::MetricFilter*> matching;
    std::vector<std::string> misses;
    for (const auto& filter : monitoring.filters) {
      std::string miss;
      if (PatternCovers(spec, filter.pattern, miss)) {
        matching.push_back(&filter);
      } else {
        misses.push_back("filter " + filter.name + " " + miss);
      }
    }
    if (matching.empty()) {
      progress.note(Stage::kFilter,
                    "no metric filter on " + group + " matches " + spec.what +
                        (misses.empty() ? " (it has no filters)" : " (" + base::Join(misses, "; ") + ")"));
      continue;
    }
    for (const auto* filter : matching) {
      bool alarmed = false;
      for (const auto& alarm : monitoring.alarms) {
        if (alarm.metric_name != filter->metric_name || alarm.metric_namespace != filter->metric_namespace) continue;
        alarmed = true;
        for (const auto& action : alarm.alarm_actions) {
          const auto topic = monitoring.confirmed_by_topic.find(action);
          if (topic == monitoring.confirmed_by_topic.end() || topic->second == 0) continue;
          sink.pass(monitoring.region, filter->name, LogGroupArn(trail),
                    "metric filter " + filter->name + " on " + group + " matches " + spec.what + "; alarm " +
                        alarm.name + " notifies " + action + " (" +
                        Count(topic->second, "confirmed subscription", "confirmed subscriptions") + ")");
          return;
        }
        progress.note(Stage::kSubscriber, "alarm " + alarm.name + " on metric " + MetricName(*filter) +
                                              " notifies no SNS topic with a confirmed subscription");
      }
      if (!alarmed) {
        progress.note(Stage::kAlarm, "metric filter " + filter->name + " matches " + spec.what +
                                         " but no CloudWatch alarm watches its metric " + MetricName(*filter));
      }
    }
  }
  if (incomplete) return;
  sink.fail(kGlobalRegion, inventory.account_id, RootArn(inventory),
            "no alarm on " + spec.what + ": " +
                (progress.reasons.empty() ? std::string("the account has no CloudTrail trail")
                                          : base::Join(progress.reasons, "; ")));
}

}  // namespace posture::checks
