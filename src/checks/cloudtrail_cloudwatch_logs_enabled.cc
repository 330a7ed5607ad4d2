#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/trail_support.h"

namespace posture::checks::cloudtrail_cloudwatch_logs_enabled {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  bool incomplete = false;
  for (const TrailRef& ref : CollectedTrails(inventory, sink, incomplete)) {
    const auto& trail = *ref.trail;
    if (!trail.log_group_arn.empty()) {
      sink.pass(ref.region->region, trail.name, trail.arn,
                "delivers its events to CloudWatch Logs " + trail.log_group_arn);
    } else {
      sink.fail(ref.region->region, trail.name, trail.arn,
                "does not deliver its events to CloudWatch Logs: no metric filter or alarm can watch them");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "cloudtrail_cloudwatch_logs_enabled",
            .title = "CloudTrail trails deliver their events to CloudWatch Logs",
            .severity = Severity::kLow,
            .category = Category::kLogging,
            .resource_type = "AWS::CloudTrail::Trail",
            .scope = "L+C",
            .fails_when = "a trail has no CloudWatch Logs log group",
            .risk = "Events that stay in S3 only are read after the fact: without a log group no metric filter, "
                    "alarm or subscription can react to root sign-ins, policy changes or disabled logging as they "
                    "happen.",
            .remediation = "aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn "
                           "<log-group-arn> --cloud-watch-logs-role-arn <role-arn>",
            .remediation_terraform = "resource \"aws_cloudtrail\" \"main\" {\n  # ...\n  "
                                     "cloud_watch_logs_group_arn = \"${aws_cloudwatch_log_group.trail.arn}:*\"\n  "
                                     "cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn\n}",
            .docs_url = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-"
                        "cloudwatch-logs.html",
            .reads = {POSTURE_FIELD(Trail, log_group_arn)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::cloudtrail_cloudwatch_logs_enabled
