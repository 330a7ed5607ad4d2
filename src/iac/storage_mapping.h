// The parts of the storage and logging mapper (NewStorageMapper in
// mapping.h): S3 (s3_mapping.cc), CloudTrail, KMS and GuardDuty
// (logging_mapping.cc), RDS and EFS (storage_mapping.cc, which also joins
// the three into one DomainMapper). Internal to src/iac; one run, one
// thread.
//
// Defaults modelled where the file says nothing (what the live API returns
// for a resource created without the setting):
// - S3 bucket: no policy; an ACL granting the owner FULL_CONTROL; Block
//   Public Access ALL FOUR ON at the bucket level (AWS's default for every
//   bucket created since April 2023: GetPublicAccessBlock on such a bucket
//   returns the four settings true); versioning never enabled; no access
//   logging. moto does not apply the 2023 default: a live conformance test
//   against moto must declare the block explicitly.
// - Account Block Public Access: as declared; else nullopt (not configured)
//   when the run holds buckets, so each bucket is judged on its own block
//   (as Checkov does), and uncollected when it holds none.
// - RDS: storage not encrypted, auto minor version upgrade on, not Multi-AZ;
//   Terraform sends publicly_accessible = false when unset, CloudFormation
//   leaves it to AWS, which makes the instance public when its subnets'
//   VPC has an internet gateway: unknown from the template alone.
// - EFS: not encrypted (CreateFileSystem's default).
// - CloudTrail: logging on (Terraform's enable_logging default; required in
//   CloudFormation), one event selector recording all management events
//   (what GetEventSelectors returns for a trail created without selectors).
// - KMS: a symmetric ENCRYPT_DECRYPT key, enabled, rotation off.
// - GuardDuty: Terraform enables the detector unless `enable = false`.
//
// Terraform plans mark an Optional+Computed attribute the configuration
// does not set as unknown ("known after apply") with no reference: the
// provider fills it at apply. For the attributes listed in
// IsComputedWhenUnset (aws_s3_bucket's legacy inline acl, grant, policy,
// versioning and logging; aws_efs_file_system.encrypted; aws_db_instance's
// multi_az and storage_encrypted) such a marker reads as "not set" (the AWS
// default); one that names a reference is a configured expression and stays
// unknown.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iac/mapping.h"
#include "iac/storage_values.h"

namespace posture::iac::storage {

// True when an opaque unknown of attribute `key` of a Terraform `type` is
// the provider's placeholder for an unset Optional+Computed attribute.
bool IsComputedWhenUnset(std::string_view type, std::string_view key);

// What the trail mapping needs to know about a bucket of the run.
struct BucketFacts {
  std::string name;    // its inventory name (real name, or its address)
  std::string region;  // its region
  // Where its server access logs go: the target's inventory name; "" when
  // logging is off; nullopt when unknown until apply.
  std::optional<std::string> logging_target;
};

// A bucket's facets as the file declares them (present), cannot know them
// (unknown) or leaves them to AWS's default (neither).
struct BucketFacets {
  Setting<Json> policy;  // the document as written: JSON text or an object
  Setting<std::vector<inventory::AclGrant>> acl;
  Setting<std::optional<inventory::PublicAccessBlock>> block;
  Setting<inventory::BucketVersioning> versioning;
  Setting<Json> logging_target;  // a reference or a bucket name; "" when off
  // Overrides each facet `other` declares or cannot know.
  void merge(const BucketFacets& other);
};

// ACLs (s3_acl_mapping.cc). The owner's own grant (its canonical id is
// not in the file): what AWS gives a bucket created without an ACL.
inventory::AclGrant OwnerGrant();
// The grants of a canned ACL name; unknown when the name is, or AWS rejects it.
Setting<std::vector<inventory::AclGrant>> ReadCanned(const Setting<std::string>& canned);
// aws_s3_bucket's `grant` blocks ({id, type, uri, permissions}).
Setting<std::vector<inventory::AclGrant>> ReadGrantBlocks(const Json& values);
// aws_s3_bucket_acl's access_control_policy grants.
Setting<std::vector<inventory::AclGrant>> ReadAccessControlPolicy(const Json& values);

class S3Mapper {
 public:
  bool add(const Resource& resource, MappingContext& context);
  // Joins the split resources into their buckets and writes
  // storage.buckets (when `write_buckets`) and the account block.
  void finish(MappingContext& context, bool write_buckets);
  bool empty() const {
    return buckets_.empty() && splits_.empty() && !account_block_.present && !account_block_.unknown;
  }

  // After finish(): a bucket of the run by its address, or nullptr.
  const BucketFacts* bucket(const std::string& address) const;
  // The address of the bucket of the run a reference or name designates,
  // else what the context resolves it to.
  std::string bucket_address(const Json& reference, const MappingContext& context) const;
  // After finish(): the inventory name of the bucket a reference or name
  // designates (its address resolved by the context), or the value itself.
  std::string bucket_id(const Json& reference, const MappingContext& context) const;

  struct PendingBucket {
    std::string address;
    std::string name;  // the real name when known, else the address
    bool name_known = false;
    std::string region;
    BucketFacets facets;
  };
  // A separate resource setting one facet of a bucket (aws_s3_bucket_policy, ...).
  struct SplitFacet {
    Json bucket;  // the bucket: a reference or its name
    BucketFacets facets;
  };

 private:
  std::vector<PendingBucket> buckets_;
  std::vector<SplitFacet> splits_;
  Setting<inventory::PublicAccessBlock> account_block_;
  std::string account_block_address_;
  std::map<std::string, BucketFacts> facts_;  // by address
  std::map<std::string, std::string> names_;  // known bucket name -> address
};

class LoggingMapper {
 public:
  bool add(const Resource& resource, MappingContext& context);
  // Writes trails, KMS keys and GuardDuty detectors; kms_keys into every
  // region when `write_keys`.
  void finish(MappingContext& context, const S3Mapper& s3, bool write_keys);
  bool empty() const { return !seen_; }

  struct PendingTrail {
    std::string region;
    inventory::Trail trail;  // scalars filled in add()
    Json bucket;             // s3_bucket_name: a reference or a name
    Setting<Json> kms_key;   // a reference or an id/ARN
  };

 private:
  std::vector<PendingTrail> trails_;
  std::vector<std::pair<std::string, inventory::KmsKey>> keys_;                  // region, key
  std::vector<std::pair<std::string, inventory::GuardDutyDetector>> detectors_;  // region, detector
  bool seen_ = false;  // took any resource (also keys CIS leaves out)
};

// Region of a resource: its own, or the run's default.
std::string RegionOf(const Resource& resource, const MappingContext& context);

}  // namespace posture::iac::storage
