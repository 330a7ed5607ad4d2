#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/s3_support.h"

namespace posture::checks::s3_bucket_server_access_logging {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  if (!RequireBuckets(inventory, sink)) return;
  for (const auto& bucket : *inventory.s3.buckets) {
    if (!RequireFacet(sink, bucket, bucket.logging)) continue;
    const auto region = BucketRegion(bucket);
    const auto& logging = *bucket.logging;
    if (!logging.target_bucket.empty()) {
      sink.pass(region, bucket.name, bucket.arn,
                "server access logging writes to s3://" + logging.target_bucket + "/" + logging.target_prefix);
    } else {
      sink.fail(region, bucket.name, bucket.arn,
                "server access logging is off: requests to the bucket leave no record of who read or changed what");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "s3_bucket_server_access_logging",
            .title = "S3 buckets have server access logging enabled",
            .severity = Severity::kMedium,
            .category = Category::kLogging,
            .resource_type = "AWS::S3::Bucket",
            .scope = "L",
            .fails_when = "a bucket has no server access logging target",
            .risk = "Without access logs an investigation cannot tell which requests read, wrote or deleted "
                    "objects, from where and with which credentials; CloudTrail records object access only when "
                    "data events are on.",
            .remediation = "aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status "
                           "'{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"<bucket>/\"}}'",
            .remediation_terraform = "resource \"aws_s3_bucket_logging\" \"data\" {\n  bucket        = "
                                     "aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  "
                                     "target_prefix = \"data/\"\n}",
            .docs_url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
            .reads = {POSTURE_FIELD(Bucket, logging)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::s3_bucket_server_access_logging
