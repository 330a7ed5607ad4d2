#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/s3_support.h"

namespace posture::checks::s3_public_access_block {
namespace {

using Block = std::optional<inventory::PublicAccessBlock>;

std::string Describe(const Block& block) {
  if (!block) return "not configured";
  const auto off = SettingsOff(*block);
  if (off.empty()) return "all four on";
  return base::Join(off) + " off";
}

// The account level: it protects every bucket, including future ones.
void EvaluateAccount(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& account = inventory.s3control.account_public_access_block;
  if (!sink.require(account, kGlobalRegion)) return;
  sink.set_resource_type(kAccountResourceType);
  const std::string text = "account-level S3 Block Public Access is " + Describe(*account);
  if (account->has_value() && (*account)->all_on()) {
    sink.pass(kGlobalRegion, inventory.account_id, RootArn(inventory), text + ": it covers every bucket");
  } else {
    sink.fail(kGlobalRegion, inventory.account_id, RootArn(inventory), text + ": buckets rely on their own settings");
  }
  sink.set_resource_type("AWS::S3::Bucket");
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateAccount(inventory, sink);
  if (!RequireBuckets(inventory, sink)) return;
  const auto& account = inventory.s3control.account_public_access_block;
  for (const auto& bucket : *inventory.s3.buckets) {
    const auto region = BucketRegion(bucket);
    const EffectiveBlock effective = CombineBlocks(account, bucket.public_access_block);
    if (effective.settings.all_on()) {
      sink.pass(region, bucket.name, bucket.arn, "all four Block Public Access settings are on (account or bucket)");
      continue;
    }
    // A level we could not read might turn the missing settings on.
    if (!effective.bucket_known) {
      RequireFacet(sink, bucket, bucket.public_access_block);
      continue;
    }
    if (!effective.account_known) {
      sink.error(region, bucket.name, bucket.arn, DescribeCollectionFailure(account.error));
      continue;
    }
    sink.fail(region, bucket.name, bucket.arn,
              base::Join(SettingsOff(effective.settings)) + " off at both levels (account: " + Describe(*account) +
                  "; bucket: " + Describe(*bucket.public_access_block) + ")");
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "s3_public_access_block",
            .title = "S3 Block Public Access is fully on for the account or each bucket",
            .severity = Severity::kHigh,
            .category = Category::kStorage,
            .resource_type = "AWS::S3::Bucket",
            .scope = "L+C",
            .fails_when = "account-level and bucket-level Block Public Access are not all four on",
            .risk = "Without all four Block Public Access settings, one careless ACL or bucket policy can expose "
                    "the bucket's data to the whole internet.",
            .remediation = "aws s3control put-public-access-block --account-id <account-id> "
                           "--public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,"
                           "BlockPublicPolicy=true,RestrictPublicBuckets=true",
            .remediation_terraform = "resource \"aws_s3_account_public_access_block\" \"this\" {\n"
                                     "  block_public_acls       = true\n"
                                     "  ignore_public_acls      = true\n"
                                     "  block_public_policy     = true\n"
                                     "  restrict_public_buckets = true\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
            .reads = {POSTURE_FIELD(Bucket, public_access_block),
                      POSTURE_FIELD(S3ControlSections, account_public_access_block)},
            .declared_in_code_by = "aws_s3_account_public_access_block",
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::s3_public_access_block
