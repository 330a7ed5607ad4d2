#include "collect/trail_monitoring.h"

#include <set>
#include <utility>

#include "collect/section_tasks.h"
#include "collect/support.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using Monitoring = inv::TrailMonitoring;

// DescribeMetricFilters' and DescribeAlarms' largest pages.
constexpr int kFilterPage = 50;
constexpr int kAlarmPage = 100;

// The ARN's fields: arn:partition:service:region:account:resource.
std::vector<std::string> ArnFields(const std::string& arn, size_t count) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (fields.size() + 1 < count) {
    const size_t colon = arn.find(':', start);
    if (colon == std::string::npos) break;
    fields.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  fields.push_back(arn.substr(start));
  return fields;
}

// "CloudTrail/logs" from "...:log-group:CloudTrail/logs:*".
std::string LogGroupName(const std::string& resource) {
  std::string name = resource;
  if (name.starts_with("log-group:")) name.erase(0, 10);
  if (name.ends_with(":*")) name.erase(name.size() - 2);
  return name;
}

}  // namespace

inv::Collected<Monitoring> CollectTrailMonitoring(aws::AwsClient& client, const std::string& log_group_arn,
                                                  const std::string& fallback_region) {
  const auto arn = ArnFields(log_group_arn, 6);
  Monitoring out;
  out.region = arn.size() == 6 && !arn[3].empty() ? arn[3] : fallback_region;
  out.log_group_name = LogGroupName(arn.back());

  const CallSite filters_site{"logs", "DescribeMetricFilters", out.region};
  auto status = ForEachItem(client, filters_site, {{"logGroupName", out.log_group_name}, {"limit", kFilterPage}},
                            "metricFilters", [&](const aws::Json& item) {
                              inv::MetricFilter filter;
                              filter.name = Text(item, "filterName");
                              filter.log_group = Text(item, "logGroupName");
                              filter.pattern = Text(item, "filterPattern");
                              const auto& transformations = Items(item, "metricTransformations");
                              if (!transformations.empty()) {
                                filter.metric_name = Text(transformations[0], "metricName");
                                filter.metric_namespace = Text(transformations[0], "metricNamespace");
                              }
                              out.filters.push_back(std::move(filter));
                            });
  if (!status.ok()) return Failure<Monitoring>(filters_site.failure(status.error()));
  if (out.filters.empty()) return Success(std::move(out));

  std::set<std::pair<std::string, std::string>> metrics;
  for (const auto& filter : out.filters) metrics.insert({filter.metric_name, filter.metric_namespace});
  const CallSite alarms_site{"cloudwatch", "DescribeAlarms", out.region};
  status = ForEachItem(client, alarms_site, {{"MaxRecords", kAlarmPage}}, "MetricAlarms", [&](const aws::Json& item) {
    inv::MetricAlarm alarm{
        Text(item, "AlarmName"), Text(item, "AlarmArn"), Text(item, "MetricName"), Text(item, "Namespace"), {}};
    for (const auto& action : Items(item, "AlarmActions")) {
      if (action.is_string()) alarm.alarm_actions.push_back(action.get<std::string>());
    }
    if (metrics.count({alarm.metric_name, alarm.metric_namespace})) out.alarms.push_back(std::move(alarm));
  });
  if (!status.ok()) return Failure<Monitoring>(alarms_site.failure(status.error()));

  std::set<std::string> topics;
  for (const auto& alarm : out.alarms) {
    for (const auto& action : alarm.alarm_actions) {
      const auto fields = ArnFields(action, 6);
      if (fields.size() == 6 && fields[2] == "sns") topics.insert(action);
    }
  }
  for (const auto& topic : topics) {
    const CallSite site{"sns", "ListSubscriptionsByTopic", ArnFields(topic, 6)[3]};
    int confirmed = 0;
    status = ForEachItem(client, site, {{"TopicArn", topic}}, "Subscriptions", [&](const aws::Json& item) {
      const std::string arn = Text(item, "SubscriptionArn");
      if (arn.starts_with("arn:")) ++confirmed;  // not "PendingConfirmation" or "Deleted"
    });
    if (!status.ok()) {
      // A deleted topic notifies nobody.
      if (status.error().kind() != base::ErrorKind::kNotFound) return Failure<Monitoring>(site.failure(status.error()));
    }
    out.confirmed_by_topic[topic] = confirmed;
  }
  return Success(std::move(out));
}

}  // namespace posture::collect
