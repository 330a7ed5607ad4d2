#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/s3_support.h"

namespace posture::checks::s3_bucket_mfa_delete {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  if (!RequireBuckets(inventory, sink)) return;
  for (const auto& bucket : *inventory.s3.buckets) {
    if (!RequireFacet(sink, bucket, bucket.versioning)) continue;
    const auto region = BucketRegion(bucket);
    const auto& versioning = *bucket.versioning;
    if (versioning.status.empty()) {
      sink.pass(region, bucket.name, bucket.arn,
                "versioning has never been enabled, so there are no object versions for MFA delete to protect");
    } else if (base::EqualsIgnoreCase(versioning.mfa_delete, "Enabled")) {
      sink.pass(region, bucket.name, bucket.arn, "versioning is " + versioning.status + " with MFA delete enabled");
    } else {
      const std::string mfa = versioning.mfa_delete.empty() ? "never set" : versioning.mfa_delete;
      sink.fail(region, bucket.name, bucket.arn,
                "versioning is " + versioning.status + " but MFA delete is " + mfa +
                    ": object versions can be deleted, or versioning suspended, without an MFA code");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "s3_bucket_mfa_delete",
            .title = "Versioned S3 buckets require MFA to delete versions",
            .severity = Severity::kLow,
            .category = Category::kStorage,
            .resource_type = "AWS::S3::Bucket",
            .scope = "L",
            .fails_when = "versioning without MFA delete",
            .risk = "Stolen credentials alone can permanently delete object versions or suspend versioning, "
                    "destroying the recovery copies versioning keeps.",
            .remediation = "aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration "
                           "Status=Enabled,MFADelete=Enabled --mfa '<root-mfa-serial> <code>'  # as the root user",
            .remediation_terraform =
                "# MFA delete can only be enabled by the root user with its MFA code (aws_s3_bucket_versioning's\n"
                "# mfa_delete needs the mfa argument); run the AWS CLI command as root instead.",
            .docs_url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html",
            .reads = {POSTURE_FIELD(Bucket, versioning)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::s3_bucket_mfa_delete
