#include <set>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/trail_support.h"

namespace posture::checks::cloudtrail_bucket_access_logging {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  bool incomplete = false;
  std::set<std::string> seen;  // trails sharing a bucket: one finding per bucket
  for (const TrailRef& ref : CollectedTrails(inventory, sink, incomplete)) {
    const auto& trail = *ref.trail;
    if (trail.s3_bucket.empty() || !seen.insert(trail.s3_bucket).second) continue;
    if (!sink.require(trail.bucket_logging, ref.region->region)) continue;
    const auto& logging = *trail.bucket_logging;
    const std::string arn = "arn:" + inventory.partition + ":s3:::" + trail.s3_bucket;
    const std::string region = logging.region.empty() ? ref.region->region : logging.region;
    if (!logging.target_bucket.empty()) {
      sink.pass(region, trail.s3_bucket, arn,
                "the bucket of trail " + trail.name + " logs its access to s3://" + logging.target_bucket);
    } else {
      sink.fail(region, trail.s3_bucket, arn,
                "the bucket of trail " + trail.name +
                    " has no server access logging: reads and deletions of the audit logs leave no record");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "cloudtrail_bucket_access_logging",
            .title = "CloudTrail S3 buckets have server access logging",
            .severity = Severity::kLow,
            .category = Category::kLogging,
            .resource_type = "AWS::S3::Bucket",
            .scope = "L+C",
            .fails_when = "the trail's S3 bucket has no access logging",
            .risk = "Without access logs on the trail's bucket, nobody can tell who read, copied or deleted the "
                    "audit logs themselves.",
            .remediation = "aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status "
                           "'{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"trail/\"}}'",
            .remediation_terraform = "resource \"aws_s3_bucket_logging\" \"trail\" {\n  bucket        = "
                                     "aws_s3_bucket.trail.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  "
                                     "target_prefix = \"trail/\"\n}",
            .docs_url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html",
            .reads = {POSTURE_FIELD(Trail, s3_bucket), POSTURE_FIELD(Trail, bucket_logging)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::cloudtrail_bucket_access_logging
