#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/s3_support.h"
#include "iam/bucket_policy.h"

namespace posture::checks::s3_bucket_not_public {
namespace {

constexpr std::string_view kAllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
constexpr std::string_view kAuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

// What one source of access (the policy or the ACL) says.
struct Exposure {
  bool unknown = false;  // its call failed or the policy could not be read
  std::string why;       // why it cannot be read, or the public grant; empty: not public
};

Exposure PolicyExposure(const inventory::Bucket& bucket) {
  if (!bucket.policy.ok()) return {true, DescribeCollectionFailure(bucket.policy.error)};
  if (!bucket.policy->has_value()) return {};
  const auto parsed = iam::ParsePolicy(**bucket.policy);
  if (!parsed.ok()) return {true, "could not read the bucket policy: " + parsed.error};
  if (auto grant = iam::FindPublicGrant(*parsed.document)) return {false, "bucket policy " + *grant};
  return {};
}

Exposure AclExposure(const inventory::Bucket& bucket) {
  if (!bucket.acl.ok()) return {true, DescribeCollectionFailure(bucket.acl.error)};
  std::vector<std::string> grants;
  for (const auto& grant : *bucket.acl) {
    if (grant.grantee_uri == kAllUsers) grants.push_back(grant.permission + " to AllUsers (everyone)");
    if (grant.grantee_uri == kAuthenticatedUsers) {
      grants.push_back(grant.permission + " to AuthenticatedUsers (any AWS account)");
    }
  }
  if (grants.empty()) return {};
  return {false, "ACL grants " + base::Join(grants)};
}

void EvaluateBucket(const inventory::Inventory& inventory, FindingSink& sink, const inventory::Bucket& bucket) {
  const auto region = BucketRegion(bucket);
  const EffectiveBlock block =
      CombineBlocks(inventory.s3control.account_public_access_block, bucket.public_access_block);
  // A public policy is neutralised by BlockPublicPolicy or RestrictPublicBuckets, a public ACL by IgnorePublicAcls.
  const bool policy_blocked = block.settings.block_public_policy || block.settings.restrict_public_buckets;
  const bool acl_blocked = block.settings.ignore_public_acls;
  const Exposure policy = policy_blocked ? Exposure{} : PolicyExposure(bucket);
  const Exposure acl = acl_blocked ? Exposure{} : AclExposure(bucket);

  std::vector<std::string> public_grants;
  for (const auto* exposure : {&policy, &acl}) {
    if (!exposure->unknown && !exposure->why.empty()) public_grants.push_back(exposure->why);
  }
  const bool levels_known = block.account_known && block.bucket_known;
  if (!public_grants.empty() && levels_known) {
    sink.fail(region, bucket.name, bucket.arn,
              base::Join(public_grants, "; ") + ", and Block Public Access does not neutralise it");
    return;
  }
  for (const auto* exposure : {&policy, &acl}) {
    if (exposure->unknown) return sink.error(region, bucket.name, bucket.arn, exposure->why);
  }
  if (!public_grants.empty()) {
    // A Block Public Access level we could not read might neutralise the grant.
    const auto& failed =
        block.account_known ? bucket.public_access_block.error : inventory.s3control.account_public_access_block.error;
    return sink.error(region, bucket.name, bucket.arn,
                      base::Join(public_grants, "; ") + "; " + DescribeCollectionFailure(failed));
  }
  if (policy_blocked && acl_blocked) {
    sink.pass(region, bucket.name, bucket.arn, "Block Public Access neutralises public policies and ACLs");
  } else {
    sink.pass(region, bucket.name, bucket.arn, "neither the bucket policy nor the ACL grants access to everyone");
  }
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  if (!RequireBuckets(inventory, sink)) return;
  for (const auto& bucket : *inventory.s3.buckets) EvaluateBucket(inventory, sink, bucket);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "s3_bucket_not_public",
            .title = "S3 buckets do not grant access to everyone",
            .severity = Severity::kCritical,
            .category = Category::kStorage,
            .resource_type = "AWS::S3::Bucket",
            .scope = "L+C",
            .fails_when = "the bucket policy or ACL grants access to everyone",
            .risk = "A bucket policy or ACL open to everyone lets anyone on the internet (or any AWS account) read "
                    "or change the bucket's objects.",
            .remediation = "aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration "
                           "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,"
                           "RestrictPublicBuckets=true  # then remove the public statement or grant",
            .remediation_terraform = "resource \"aws_s3_bucket_public_access_block\" \"this\" {\n"
                                     "  bucket                  = aws_s3_bucket.this.id\n"
                                     "  block_public_acls       = true\n"
                                     "  ignore_public_acls      = true\n"
                                     "  block_public_policy     = true\n"
                                     "  restrict_public_buckets = true\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
            .reads = {POSTURE_FIELD(Bucket, policy), POSTURE_FIELD(Bucket, acl),
                      POSTURE_FIELD(Bucket, public_access_block),
                      POSTURE_FIELD(S3ControlSections, account_public_access_block)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::s3_bucket_not_public
