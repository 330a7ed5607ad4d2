// What alerts on a trail's CloudWatch Logs log group (CIS 4.x): the log
// group's metric filters (logs:DescribeMetricFilters with logGroupName),
// the alarms on their metrics (cloudwatch:DescribeAlarms in the log
// group's region; alarms on other metrics are dropped) and, for each SNS
// topic those alarms notify, its confirmed subscriptions
// (sns:ListSubscriptionsByTopic; "PendingConfirmation" does not count).
// Each step needs the previous one's answer, so they run in sequence on
// the calling thread; a region without filters stops after one call.
#pragma once

#include <string>

#include "aws/client.h"
#include "inventory/inventory.h"

namespace posture::collect {

// `log_group_arn` is the trail's CloudWatchLogsLogGroupArn
// ("arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs:*");
// `fallback_region` is used when the ARN names none.
inventory::Collected<inventory::TrailMonitoring> CollectTrailMonitoring(aws::AwsClient& client,
                                                                        const std::string& log_group_arn,
                                                                        const std::string& fallback_region);

}  // namespace posture::collect
