#include "checks/s3_support.h"

#include "checks/check_support.h"

namespace posture::checks {

std::string DescribeCollectionFailure(const std::optional<inventory::CollectionError>& error) {
  if (!error) return "the data this check needs was not collected";
  std::string message = "could not evaluate: " + error->service + ":" + error->operation + " failed";
  if (!error->region.empty()) message += " in " + error->region;
  message += " (" + error->kind;
  if (!error->code.empty()) message += ", " + error->code;
  message += ")";
  if (!error->message.empty()) message += ": " + error->message;
  return message;
}

std::string_view BucketRegion(const inventory::Bucket& bucket) {
  return bucket.region.empty() ? kGlobalRegion : std::string_view(bucket.region);
}

bool RequireBuckets(const inventory::Inventory& inventory, FindingSink& sink) {
  return sink.require(inventory.s3.buckets, kGlobalRegion);
}

EffectiveBlock CombineBlocks(const inventory::Collected<std::optional<inventory::PublicAccessBlock>>& account,
                             const inventory::Collected<std::optional<inventory::PublicAccessBlock>>& bucket) {
  EffectiveBlock out;
  out.account_known = account.ok();
  out.bucket_known = bucket.ok();
  for (const auto* level : {&account, &bucket}) {
    if (!level->ok() || !level->value->has_value()) continue;
    const inventory::PublicAccessBlock& block = **level->value;
    out.settings.block_public_acls |= block.block_public_acls;
    out.settings.ignore_public_acls |= block.ignore_public_acls;
    out.settings.block_public_policy |= block.block_public_policy;
    out.settings.restrict_public_buckets |= block.restrict_public_buckets;
  }
  return out;
}

std::vector<std::string> SettingsOff(const inventory::PublicAccessBlock& block) {
  std::vector<std::string> off;
  if (!block.block_public_acls) off.push_back("BlockPublicAcls");
  if (!block.ignore_public_acls) off.push_back("IgnorePublicAcls");
  if (!block.block_public_policy) off.push_back("BlockPublicPolicy");
  if (!block.restrict_public_buckets) off.push_back("RestrictPublicBuckets");
  return off;
}

}  // namespace posture::checks
