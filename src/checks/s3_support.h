// Helpers the S3 checks share: per-bucket ERROR findings for a facet
// whose call failed, the bucket listing's own failure, and Block Public
// Access as the account and bucket settings combine. Pure functions:
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "inventory/inventory.h"

namespace posture::checks {

// "could not evaluate: s3:GetBucketPolicy failed in us-east-1 (access_denied, AccessDenied): ...".
std::string DescribeCollectionFailure(const std::optional<inventory::CollectionError>& error);

// The region of a bucket's findings ("global" when its location is unknown).
std::string_view BucketRegion(const inventory::Bucket& bucket);

// True when the bucket listing was collected; otherwise one "global" ERROR.
bool RequireBuckets(const inventory::Inventory& inventory, FindingSink& sink);

// True when `facet` of `bucket` was collected; otherwise an ERROR for the bucket.
template <typename T>
bool RequireFacet(FindingSink& sink, const inventory::Bucket& bucket, const inventory::Collected<T>& facet) {
  if (facet.ok()) return true;
  sink.error(BucketRegion(bucket), bucket.name, bucket.arn, DescribeCollectionFailure(facet.error));
  return false;
}

// The four Block Public Access settings of one bucket, each on when the
// account or the bucket turns it on. `known` is false when a level that
// could turn a setting on was not collected (its settings read as off).
struct EffectiveBlock {
  inventory::PublicAccessBlock settings;
  bool account_known = true;
  bool bucket_known = true;
};
EffectiveBlock CombineBlocks(const inventory::Collected<std::optional<inventory::PublicAccessBlock>>& account,
                             const inventory::Collected<std::optional<inventory::PublicAccessBlock>>& bucket);

// The names of the settings that are off: {"BlockPublicAcls", ...}.
std::vector<std::string> SettingsOff(const inventory::PublicAccessBlock& block);

}  // namespace posture::checks
