// S3 buckets and their split resources (Terraform aws_s3_bucket_* and
// CloudFormation AWS::S3::Bucket/BucketPolicy) into storage.buckets; the
// account's Block Public Access into storage.account_public_access_block.
// Defaults: see storage_mapping.h.
#include "iac/storage_mapping.h"

namespace posture::iac::storage {
namespace {

namespace inv = inventory;

// The four settings, as Terraform (snake_case) or CloudFormation (PascalCase) name them.
Setting<std::optional<inv::PublicAccessBlock>> ReadBlock(const Json& values, bool terraform) {
  Setting<std::optional<inv::PublicAccessBlock>> out;
  const auto acls = ReadBool(values, terraform ? "block_public_acls" : "BlockPublicAcls", false);
  const auto ignore = ReadBool(values, terraform ? "ignore_public_acls" : "IgnorePublicAcls", false);
  const auto policy = ReadBool(values, terraform ? "block_public_policy" : "BlockPublicPolicy", false);
  const auto restrict = ReadBool(values, terraform ? "restrict_public_buckets" : "RestrictPublicBuckets", false);
  out.unknown = acls.unknown || ignore.unknown || policy.unknown || restrict.unknown;
  out.present = !out.unknown;
  if (out.present) out.value = inv::PublicAccessBlock{acls.value, ignore.value, policy.value, restrict.value};
  return out;
}

// aws_s3_bucket_versioning's status ("Enabled", "Suspended", "Disabled": never enabled) or CFN's Status.
Setting<inv::BucketVersioning> ReadVersioningStatus(const Json& config, const char* status_key, const char* mfa_key) {
  Setting<inv::BucketVersioning> out;
  const auto status = ReadString(config, status_key);
  const auto mfa = ReadString(config, mfa_key);
  out.unknown = status.unknown || mfa.unknown;
  out.present = !out.unknown;
  out.value.status = status.value == "Disabled" ? "" : status.value;
  out.value.mfa_delete = mfa.value;
  return out;
}

Setting<Json> ReadPolicy(const Json& values, const char* key, bool computed_when_unset) {
  Setting<Json> out;
  const Json* policy = Member(values, key);
  if (policy == nullptr) return out;
  if (IsMarker(*policy)) {
    out.unknown = !(computed_when_unset && IsOpaqueUnknown(*policy));
    return out;
  }
  if (policy->is_string() && policy->get_ref<const std::string&>().empty()) return out;
  out.value = *policy;
  out.present = true;
  return out;
}

Setting<Json> ReadTarget(const Json& values, const char* key) {
  Setting<Json> out;
  const Json* target = Member(values, key);
  if (target == nullptr) return out;
  if (IsOpaqueUnknown(*target)) {
    out.unknown = true;
  } else {
    out.value = *target;
    out.present = true;
  }
  return out;
}

// The legacy inline settings of aws_s3_bucket (provider v3 style; v4+
// state also shows the values the split resources set).
BucketFacets TerraformBucketFacets(const Json& values) {
  BucketFacets facets;
  facets.policy = ReadPolicy(values, "policy", true);
  const Json* acl = Member(values, "acl");
  if (acl != nullptr && IsOpaqueUnknown(*acl) && IsComputedWhenUnset("aws_s3_bucket", "acl")) acl = nullptr;
  facets.acl = acl == nullptr ? Setting<std::vector<inv::AclGrant>>{} : ReadCanned(ReadString(values, "acl"));
  if (!facets.acl.present && !facets.acl.unknown) facets.acl = ReadGrantBlocks(values);
  if (const Json* versioning = Member(values, "versioning");
      versioning != nullptr && IsMarker(*versioning) && !IsOpaqueUnknown(*versioning)) {
    facets.versioning.unknown = true;
  } else if (const Json* block = Block(values, "versioning")) {
    const auto enabled = ReadBool(*block, "enabled", false);
    const auto mfa = ReadBool(*block, "mfa_delete", false);
    facets.versioning.unknown = enabled.unknown || mfa.unknown;
    facets.versioning.present = !facets.versioning.unknown;
    // The provider reports Suspended as enabled = false: "" is the closest it lets us say.
    facets.versioning.value = {enabled.value ? "Enabled" : "", mfa.value ? "Enabled" : ""};
  }
  if (const Json* logging = Member(values, "logging");
      logging != nullptr && IsMarker(*logging) && !IsOpaqueUnknown(*logging)) {
    facets.logging_target.unknown = true;
  } else if (const Json* block = Block(values, "logging")) {
    facets.logging_target = ReadTarget(*block, "target_bucket");
  }
  return facets;
}

BucketFacets CloudFormationBucketFacets(const Resource& resource) {
  const Json& values = resource.values;
  BucketFacets facets;
  if (const Json* block = Member(values, "PublicAccessBlockConfiguration")) {
    if (IsMarker(*block)) {
      facets.block.unknown = true;
    } else {
      facets.block = ReadBlock(*block, false);
    }
  }
  facets.acl = ReadCanned(ReadString(values, "AccessControl"));
  if (const Json* versioning = Member(values, "VersioningConfiguration")) {
    if (IsMarker(*versioning)) {
      facets.versioning.unknown = true;
    } else {
      facets.versioning = ReadVersioningStatus(*versioning, "Status", "MfaDelete");
    }
  }
  if (const Json* logging = Member(values, "LoggingConfiguration")) {
    if (IsMarker(*logging)) {
      facets.logging_target.unknown = true;
    } else {
      facets.logging_target = ReadTarget(*logging, "DestinationBucketName");
      // Without a destination, S3 writes the logs into the bucket itself.
      if (!facets.logging_target.present && !facets.logging_target.unknown) {
        facets.logging_target.value = Reference(resource.address);
        facets.logging_target.present = true;
      }
    }
  }
  // OwnershipControls (BucketOwnerEnforced disables ACLs) is not modelled:
  // AWS refuses a public AccessControl then, and reporting the ACL the
  // template asks for is the useful answer.
  return facets;
}

}  // namespace

void BucketFacets::merge(const BucketFacets& other) {
  auto take = [](auto& mine, const auto& theirs) {
    if (theirs.present || theirs.unknown) mine = theirs;
  };
  take(policy, other.policy);
  take(acl, other.acl);
  take(block, other.block);
  take(versioning, other.versioning);
  take(logging_target, other.logging_target);
}

bool S3Mapper::add(const Resource& resource, MappingContext& context) {
  const std::string& type = resource.type;
  const Json& values = resource.values;
  if (type == "aws_s3_bucket" || type == "AWS::S3::Bucket") {
    const bool terraform = type == "aws_s3_bucket";
    PendingBucket bucket;
    bucket.address = resource.address;
    bucket.region = RegionOf(resource, context);
    const auto name = ReadString(values, terraform ? "bucket" : "BucketName");
    bucket.name_known = name.present && !name.value.empty();
    bucket.name = bucket.name_known ? name.value : resource.address;
    bucket.facets = terraform ? TerraformBucketFacets(values) : CloudFormationBucketFacets(resource);
    const auto id = ReadString(values, "id");
    context.record(resource, id.present ? id.value : std::string());
    if (bucket.name_known) {
      names_.emplace(bucket.name, resource.address);
      context.alias(bucket.name, resource.address);
      context.alias("arn:" + context.inventory().partition + ":s3:::" + bucket.name, resource.address);
      context.identify(resource.address, bucket.name);
    }
    if (const auto arn = ReadString(values, "arn"); arn.present) context.alias(arn.value, resource.address);
    context.region(bucket.region);
    buckets_.push_back(std::move(bucket));
    return true;
  }
  SplitFacet split;
  if (type == "aws_s3_bucket_public_access_block") {
    split.facets.block = ReadBlock(values, true);
  } else if (type == "aws_s3_bucket_policy") {
    split.facets.policy = ReadPolicy(values, "policy", false);
    split.facets.policy.unknown = split.facets.policy.unknown || !split.facets.policy.present;
  } else if (type == "AWS::S3::BucketPolicy") {
    split.facets.policy = ReadPolicy(values, "PolicyDocument", false);
    split.facets.policy.unknown = split.facets.policy.unknown || !split.facets.policy.present;
  } else if (type == "aws_s3_bucket_acl") {
    split.facets.acl = ReadCanned(ReadString(values, "acl"));
    if (!split.facets.acl.present && !split.facets.acl.unknown) split.facets.acl = ReadAccessControlPolicy(values);
    if (!split.facets.acl.present) split.facets.acl.unknown = true;
  } else if (type == "aws_s3_bucket_versioning") {
    const Json* config = Block(values, "versioning_configuration");
    if (config == nullptr) {
      split.facets.versioning.unknown = true;
    } else {
      split.facets.versioning = ReadVersioningStatus(*config, "status", "mfa_delete");
    }
  } else if (type == "aws_s3_bucket_logging") {
    split.facets.logging_target = ReadTarget(values, "target_bucket");
  } else if (type == "aws_s3_bucket_ownership_controls") {
    // Not modelled (see CloudFormationBucketFacets): taken so that it is not reported unsupported.
    return true;
  } else if (type == "aws_s3_account_public_access_block") {
    auto block = ReadBlock(values, true);
    account_block_.unknown = block.unknown;
    account_block_.present = block.present;
    if (block.present) account_block_.value = *block.value;
    account_block_address_ = resource.address;
    context.record(resource);
    return true;
  } else {
    return false;
  }
  // The bucket it belongs to is joined in finish(); a split resource makes
  // no inventory object of its own (and one whose bucket is not in the run
  // is left out: its other facets are unknown).
  split.bucket = values.contains("bucket") ? values.at("bucket") : values.value("Bucket", Json());
  splits_.push_back(std::move(split));
  return true;
}

void S3Mapper::finish(MappingContext& context, bool write_buckets) {
  std::map<std::string, size_t> by_address;
  for (size_t i = 0; i < buckets_.size(); ++i) by_address[buckets_[i].address] = i;
  for (const auto& split : splits_) {
    auto it = by_address.find(bucket_address(split.bucket, context));
    if (it != by_address.end()) buckets_[it->second].facets.merge(split.facets);
  }
  for (const auto& pending : buckets_) facts_[pending.address] = {pending.name, pending.region, std::string()};
  auto resolve = [&](const Json& reference) {
    const std::string address = bucket_address(reference, context);
    const BucketFacts* facts = bucket(address);
    if (facts == nullptr) return address;
    // A policy names a bucket by ARN ("!GetAtt Logs.Arn") or by name ("!Ref Logs").
    const Json* attribute = Member(reference, "$attr");
    if (attribute != nullptr && (*attribute == "Arn" || *attribute == "arn"))
      return "arn:" + context.inventory().partition + ":s3:::" + facts->name;
    return facts->name;
  };

  std::vector<inv::Bucket> out;
  for (const auto& pending : buckets_) {
    const BucketFacets& facets = pending.facets;
    const std::string& address = pending.address;
    inv::Bucket bucket;
    bucket.name = pending.name;
    bucket.region = pending.region;
    if (pending.name_known) bucket.arn = "arn:" + context.inventory().partition + ":s3:::" + pending.name;

    std::optional<std::string> policy;
    if (facets.policy.present) policy = PolicyText(facets.policy.value, resolve);
    if (facets.policy.unknown || (facets.policy.present && !policy)) {
      context.mark_unknown(address, "Bucket.policy");
    } else {
      bucket.policy.set(policy);
    }
    if (facets.acl.unknown) {
      context.mark_unknown(address, "Bucket.acl");
    } else {
      bucket.acl.set(facets.acl.present ? facets.acl.value : std::vector<inv::AclGrant>{OwnerGrant()});
    }
    if (facets.block.unknown) {
      context.mark_unknown(address, "Bucket.public_access_block");
    } else {
      // Undeclared: the four settings on, as AWS creates buckets since April 2023.
      bucket.public_access_block.set(facets.block.present ? facets.block.value
                                                          : inv::PublicAccessBlock{true, true, true, true});
    }
    if (facets.versioning.unknown) {
      context.mark_unknown(address, "Bucket.versioning");
    } else {
      bucket.versioning.set(facets.versioning.value);
    }
    BucketFacts& facts = facts_[address];
    if (facets.logging_target.unknown) {
      facts.logging_target.reset();
    } else if (facets.logging_target.present) {
      facts.logging_target = bucket_id(facets.logging_target.value, context);
    }
    out.push_back(std::move(bucket));
  }
  if (write_buckets) {
    context.inventory().s3.buckets.set(std::move(out));
    // Not declared: nullopt when the run holds buckets, so each is judged on
    // its own block; uncollected otherwise (nothing to judge).
    if (!buckets_.empty() && !account_block_.present && !account_block_.unknown) {
      context.inventory().s3control.account_public_access_block.set(std::nullopt);
    }
  }
  if (account_block_.present) {
    context.inventory().s3control.account_public_access_block.set(account_block_.value);
  } else if (account_block_.unknown) {
    context.mark_unknown(account_block_address_, "S3ControlSections.account_public_access_block");
  }
}

const BucketFacts* S3Mapper::bucket(const std::string& address) const {
  auto it = facts_.find(address);
  return it == facts_.end() ? nullptr : &it->second;
}

std::string S3Mapper::bucket_address(const Json& reference, const MappingContext& context) const {
  // A bucket's own name first: another resource of the run may be aliased by the same text.
  if (reference.is_string()) {
    auto it = names_.find(reference.get<std::string>());
    if (it != names_.end()) return it->second;
  }
  return context.canonical_id(reference);
}

std::string S3Mapper::bucket_id(const Json& reference, const MappingContext& context) const {
  const std::string address = bucket_address(reference, context);
  const BucketFacts* facts = bucket(address);
  return facts == nullptr ? address : facts->name;
}

}  // namespace posture::iac::storage
