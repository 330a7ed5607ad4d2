#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/trail_support.h"

namespace posture::checks::cloudtrail_kms_encrypted {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  bool incomplete = false;
  for (const TrailRef& ref : CollectedTrails(inventory, sink, incomplete)) {
    const auto& trail = *ref.trail;
    if (!trail.kms_key_id.empty()) {
      sink.pass(ref.region->region, trail.name, trail.arn, "log files are encrypted with KMS key " + trail.kms_key_id);
    } else {
      sink.fail(ref.region->region, trail.name, trail.arn,
                "log files are not encrypted with a KMS key (only S3-managed encryption): anyone who can read "
                "s3://" +
                    trail.s3_bucket + " can read them");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "cloudtrail_kms_encrypted",
            .title = "CloudTrail logs are encrypted with a KMS key",
            .severity = Severity::kMedium,
            .category = Category::kLogging,
            .resource_type = "AWS::CloudTrail::Trail",
            .scope = "L+C",
            .fails_when = "a trail is not encrypted with a KMS key",
            .risk = "With S3-managed encryption only, read access to the bucket is enough to read the audit "
                    "trail; a KMS key adds a second, separately audited permission.",
            .remediation = "aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>",
            .remediation_terraform = "resource \"aws_cloudtrail\" \"main\" {\n  # ...\n  kms_key_id = "
                                     "aws_kms_key.cloudtrail.arn\n}",
            .docs_url = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-"
                        "with-aws-kms.html",
            .reads = {POSTURE_FIELD(Trail, kms_key_id)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::cloudtrail_kms_encrypted
