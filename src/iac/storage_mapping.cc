// The storage and logging DomainMapper: RDS instances and EFS file systems
// here, S3 (s3_mapping.cc) and CloudTrail/KMS/GuardDuty
// (logging_mapping.cc) beside it. Defaults: see storage_mapping.h.
#include "iac/storage_mapping.h"

namespace posture::iac {
namespace storage {

namespace inv = inventory;

bool IsComputedWhenUnset(std::string_view type, std::string_view key) {
  if (type == "aws_s3_bucket") {
    return key == "acl" || key == "grant" || key == "policy" || key == "versioning" || key == "logging";
  }
  if (type == "aws_efs_file_system") return key == "encrypted";
  if (type == "aws_db_instance") return key == "multi_az" || key == "storage_encrypted";
  return false;
}

std::string RegionOf(const Resource& resource, const MappingContext& context) {
  if (!resource.region.empty()) return resource.region;
  // Terraform AWS provider v6 (and aws_s3_bucket in v5) name the resource's region.
  if (IsTerraform(resource)) {
    const auto region = ReadString(resource.values, "region");
    if (region.present && !region.value.empty()) return region.value;
  }
  return context.default_region();
}

namespace {

// A boolean the checks read: AWS's default when absent (or when a plan's
// placeholder stands for an unset computed attribute); unknown marks `field`.
bool CheckedBool(const Resource& resource, const char* key, bool fallback, MappingContext& context, const char* field) {
  const Json* raw = Member(resource.values, key);
  if (raw != nullptr && IsOpaqueUnknown(*raw) && IsTerraform(resource) && IsComputedWhenUnset(resource.type, key)) {
    return fallback;
  }
  const auto value = ReadBool(resource.values, key, fallback);
  if (value.unknown) {
    context.mark_unknown(resource.address, field);
    return false;
  }
  return value.value;
}

bool Declared(const Json& values, const char* key) {
  const Json* value = Member(values, key);
  return value != nullptr && !(value->is_string() && value->get_ref<const std::string&>().empty());
}

// True when the file leaves `key` to AWS (absent, or a plan's placeholder).
bool LeftToAws(const Resource& resource, const char* key) {
  const Json* value = Member(resource.values, key);
  return value == nullptr || (IsTerraform(resource) && IsOpaqueUnknown(*value));
}

void MarkTags(const Setting<inv::Tags>& tags, MappingContext& context, const std::string& address, const char* field) {
  if (tags.unknown) context.mark_unknown(address, field);
}

class DatabaseMapper {
 public:
  bool add(const Resource& resource, MappingContext& context) {
    if (resource.type == "aws_db_instance" || resource.type == "AWS::RDS::DBInstance") {
      add_db(resource, context);
      return true;
    }
    if (resource.type == "aws_efs_file_system" || resource.type == "AWS::EFS::FileSystem") {
      add_fs(resource, context);
      return true;
    }
    return false;
  }

  bool empty() const { return dbs_.empty() && file_systems_.empty(); }

  void finish(MappingContext& context) {
    for (auto& [region, db] : dbs_) context.region(region).rds.db_instances.value->push_back(std::move(db));
    for (auto& pending : file_systems_) {
      if (!pending.kms.is_null()) pending.fs.kms_key_id = context.canonical_id(pending.kms);
      context.region(pending.region).efs.file_systems.value->push_back(std::move(pending.fs));
    }
  }

 private:
  void add_db(const Resource& resource, MappingContext& context) {
    const bool tf = IsTerraform(resource);
    const Json& values = resource.values;
    const std::string& address = resource.address;
    inv::DbInstance db;
    db.id = address;
    db.arn = ReadString(values, "arn").value;
    db.engine = ReadString(values, tf ? "engine" : "Engine").value;
    const auto identifier = ReadString(values, tf ? "identifier" : "DBInstanceIdentifier");
    context.record(resource, identifier.value);
    if (identifier.present) context.alias(identifier.value, address);
    if (!db.arn.empty()) context.alias(db.arn, address);

    const char* encrypted_key = tf ? "storage_encrypted" : "StorageEncrypted";
    // Replicas, restores and Aurora cluster members take their encryption from their source or cluster.
    const bool inherits = tf ? Declared(values, "replicate_source_db") || Declared(values, "snapshot_identifier")
                             : Declared(values, "DBClusterIdentifier") ||
                                   Declared(values, "SourceDBInstanceIdentifier") ||
                                   Declared(values, "DBSnapshotIdentifier");
    if (inherits && LeftToAws(resource, encrypted_key)) {
      context.mark_unknown(address, "DbInstance.storage_encrypted");
    } else {
      db.storage_encrypted = CheckedBool(resource, encrypted_key, false, context, "DbInstance.storage_encrypted");
    }
    db.auto_minor_version_upgrade = CheckedBool(resource, tf ? "auto_minor_version_upgrade" : "AutoMinorVersionUpgrade",
                                                true, context, "DbInstance.auto_minor_version_upgrade");
    if (!tf && Member(values, "PubliclyAccessible") == nullptr) {
      // AWS decides from the subnets' VPC (public when it has an internet gateway).
      context.mark_unknown(address, "DbInstance.publicly_accessible");
    } else {
      db.publicly_accessible = CheckedBool(resource, tf ? "publicly_accessible" : "PubliclyAccessible", false, context,
                                           "DbInstance.publicly_accessible");
    }
    db.multi_az = CheckedBool(resource, tf ? "multi_az" : "MultiAZ", false, context, "DbInstance.multi_az");
    const auto tags = ReadTags(resource);
    MarkTags(tags, context, address, "DbInstance.tags");
    db.tags = tags.value;
    const std::string region = RegionOf(resource, context);
    context.region(region);
    dbs_.emplace_back(region, std::move(db));
  }

  void add_fs(const Resource& resource, MappingContext& context) {
    const bool tf = IsTerraform(resource);
    const Json& values = resource.values;
    const std::string& address = resource.address;
    PendingFileSystem pending;
    inv::FileSystem& fs = pending.fs;
    fs.id = address;
    fs.arn = ReadString(values, "arn").value;
    const auto id = ReadString(values, tf ? "id" : "FileSystemId");
    context.record(resource, id.value);
    if (id.present) context.alias(id.value, address);
    if (!fs.arn.empty()) context.alias(fs.arn, address);
    fs.encrypted = CheckedBool(resource, tf ? "encrypted" : "Encrypted", false, context, "FileSystem.encrypted");
    if (const Json* kms = Member(values, tf ? "kms_key_id" : "KmsKeyId")) {
      if (!IsOpaqueUnknown(*kms)) pending.kms = *kms;
    }
    const auto tags = ReadTags(resource, "FileSystemTags");
    MarkTags(tags, context, address, "FileSystem.tags");
    fs.tags = tags.value;
    if (auto name = fs.tags.find("Name"); name != fs.tags.end()) fs.name = name->second;
    pending.region = RegionOf(resource, context);
    context.region(pending.region);
    file_systems_.push_back(std::move(pending));
  }

  struct PendingFileSystem {
    std::string region;
    inv::FileSystem fs;
    Json kms;  // a reference or an id/ARN
  };
  std::vector<std::pair<std::string, inv::DbInstance>> dbs_;
  std::vector<PendingFileSystem> file_systems_;
};

class StorageMapper : public DomainMapper {
 public:
  bool add(const Resource& resource, MappingContext& context) override {
    return s3_.add(resource, context) || logging_.add(resource, context) || databases_.add(resource, context);
  }

  void finish(MappingContext& context) override {
    // Per-resource sections are set (possibly empty) in every region once
    // the run holds any storage or logging resource; trails and GuardDuty
    // only where declared (logging_mapping.cc).
    const bool any = !s3_.empty() || !logging_.empty() || !databases_.empty();
    if (any) {
      for (auto& region : context.inventory().regions) {
        region.rds.db_instances.set({});
        region.efs.file_systems.set({});
      }
    }
    s3_.finish(context, any);
    logging_.finish(context, s3_, any);
    databases_.finish(context);
  }

 private:
  S3Mapper s3_;
  LoggingMapper logging_;
  DatabaseMapper databases_;
};

}  // namespace
}  // namespace storage

std::unique_ptr<DomainMapper> NewStorageMapper() { return std::make_unique<storage::StorageMapper>(); }

}  // namespace posture::iac
