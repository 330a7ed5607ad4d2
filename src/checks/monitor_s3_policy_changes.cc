#include "checks/check.h"
#include "checks/cis_monitoring.h"
#include "checks/cis_patterns.h"

namespace posture::checks::monitor_s3_policy_changes {
namespace {

std::vector<nlohmann::json> Events() {
  return ApiCalls("s3.amazonaws.com",
                  {"PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
                   "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"});
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateMonitor({"S3 bucket policy and ACL changes", Events()}, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "monitor_s3_policy_changes",
            .title = "S3 bucket policy changes raise a CloudWatch alarm",
            .severity = Severity::kLow,
            .category = Category::kMonitoring,
            .resource_type = "AWS::Logs::MetricFilter",
            .scope = "L",
            .fails_when =
                "no metric filter on the log group of a multi-region trail matches the CIS pattern for bucket "
                "policy/ACL changes, or the filter has no CloudWatch alarm, or the alarm's SNS topic has no subscriber",
            .risk = "A changed bucket policy or ACL can expose data publicly within seconds; an alarm shortens the "
                    "time it stays open.",
            .remediation = CisRemediation("monitor_s3_policy_changes").cli,
            .remediation_terraform = CisRemediation("monitor_s3_policy_changes").terraform,
            .docs_url = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, log_group_arn),
                      POSTURE_FIELD(Trail, logging), POSTURE_FIELD(Trail, selectors), POSTURE_FIELD(Trail, monitoring)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::monitor_s3_policy_changes
