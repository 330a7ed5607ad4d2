#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/s3_support.h"
#include "iam/bucket_policy.h"

namespace posture::checks::s3_bucket_secure_transport {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  if (!RequireBuckets(inventory, sink)) return;
  for (const auto& bucket : *inventory.s3.buckets) {
    if (!RequireFacet(sink, bucket, bucket.policy)) continue;
    const auto region = BucketRegion(bucket);
    if (!bucket.policy->has_value()) {
      sink.fail(region, bucket.name, bucket.arn, "has no bucket policy, so requests over plain HTTP are accepted");
      continue;
    }
    const auto parsed = iam::ParsePolicy(**bucket.policy);
    if (!parsed.ok()) {
      sink.error(region, bucket.name, bucket.arn, "could not read the bucket policy: " + parsed.error);
      continue;
    }
    if (const auto statement = iam::FindSecureTransportDeny(*parsed.document)) {
      sink.pass(region, bucket.name, bucket.arn,
                "the bucket policy denies requests without TLS (" + *statement + ": aws:SecureTransport false)");
    } else {
      sink.fail(region, bucket.name, bucket.arn,
                "the bucket policy has no statement denying s3:* to everyone when aws:SecureTransport is false, "
                "so requests over plain HTTP are accepted");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "s3_bucket_secure_transport",
            .title = "S3 bucket policies deny requests not sent over TLS",
            .severity = Severity::kMedium,
            .category = Category::kStorage,
            .resource_type = "AWS::S3::Bucket",
            .scope = "L+C",
            .fails_when = "the bucket policy does not deny `aws:SecureTransport = false`",
            .risk = "Without a policy denying plain HTTP, objects and credentials-bearing requests can travel "
                    "unencrypted and be read or altered on the network.",
            .remediation = "aws s3api put-bucket-policy --bucket <bucket> --policy '{\"Version\":\"2012-10-17\","
                           "\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                           "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::<bucket>\",\"arn:aws:s3:::<bucket>/*\"],"
                           "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}'",
            .remediation_terraform =
                "resource \"aws_s3_bucket_policy\" \"tls_only\" {\n"
                "  bucket = aws_s3_bucket.this.id\n"
                "  policy = jsonencode({ Version = \"2012-10-17\", Statement = [{\n"
                "    Sid = \"DenyInsecureTransport\", Effect = \"Deny\", Principal = \"*\", Action = \"s3:*\",\n"
                "    Resource = [aws_s3_bucket.this.arn, \"${aws_s3_bucket.this.arn}/*\"],\n"
                "    Condition = { Bool = { \"aws:SecureTransport\" = \"false\" } } }] })\n"
                "}",
            .docs_url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html",
            .reads = {POSTURE_FIELD(Bucket, policy)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::s3_bucket_secure_transport
