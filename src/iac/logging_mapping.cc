// CloudTrail trails, KMS keys and GuardDuty detectors (Terraform and
// CloudFormation) into the regions' trails, kms_keys and
// guardduty_detectors. Defaults: see storage_mapping.h.
#include <set>

#include "iac/storage_mapping.h"

namespace posture::iac::storage {
namespace {

namespace inv = inventory;

// Terraform and CloudFormation names of one setting.
struct Key {
  const char* terraform;
  const char* cloudformation;
  const char* pick(bool tf) const { return tf ? terraform : cloudformation; }
};

std::vector<std::string> Strings(const Json& values, const Key& key, bool tf, bool& unknown) {
  return ReadStrings(Member(values, key.pick(tf)), unknown);
}

// The objects of a Terraform block list or CloudFormation list property.
std::vector<const Json*> Blocks(const Json& values, const char* key, bool& unknown) {
  std::vector<const Json*> out;
  const Json* list = Member(values, key);
  if (list == nullptr) return out;
  if (IsMarker(*list)) {
    unknown = true;
    return out;
  }
  if (list->is_object()) return {list};
  if (!list->is_array()) return out;
  for (const auto& item : *list) {
    if (item.is_object() && !IsMarker(item)) {
      out.push_back(&item);
    } else if (IsMarker(item)) {
      unknown = true;
    }
  }
  return out;
}

inv::EventSelector ReadEventSelector(const Json& values, bool tf, bool& unknown) {
  inv::EventSelector selector;
  const auto type = ReadString(values, tf ? "read_write_type" : "ReadWriteType");
  unknown = unknown || type.unknown;
  if (type.present && !type.value.empty()) selector.read_write_type = type.value;
  const auto management = ReadBool(values, tf ? "include_management_events" : "IncludeManagementEvents", true);
  unknown = unknown || management.unknown;
  selector.include_management_events = management.value;
  for (const Json* resource : Blocks(values, tf ? "data_resource" : "DataResources", unknown)) {
    const auto resource_type = ReadString(*resource, tf ? "type" : "Type");
    unknown = unknown || resource_type.unknown;
    selector.data_resources.push_back({resource_type.value, Strings(*resource, {"values", "Values"}, tf, unknown)});
  }
  selector.exclude_management_event_sources =
      Strings(values, {"exclude_management_event_sources", "ExcludeManagementEventSources"}, tf, unknown);
  return selector;
}

inv::AdvancedEventSelector ReadAdvancedSelector(const Json& values, bool tf, bool& unknown) {
  inv::AdvancedEventSelector selector;
  const auto name = ReadString(values, tf ? "name" : "Name");
  selector.name = name.value;
  for (const Json* field : Blocks(values, tf ? "field_selector" : "FieldSelectors", unknown)) {
    inv::FieldSelector out;
    const auto field_name = ReadString(*field, tf ? "field" : "Field");
    unknown = unknown || field_name.unknown;
    out.field = field_name.value;
    out.equals = Strings(*field, {"equals", "Equals"}, tf, unknown);
    out.not_equals = Strings(*field, {"not_equals", "NotEquals"}, tf, unknown);
    out.starts_with = Strings(*field, {"starts_with", "StartsWith"}, tf, unknown);
    out.not_starts_with = Strings(*field, {"not_starts_with", "NotStartsWith"}, tf, unknown);
    out.ends_with = Strings(*field, {"ends_with", "EndsWith"}, tf, unknown);
    out.not_ends_with = Strings(*field, {"not_ends_with", "NotEndsWith"}, tf, unknown);
    selector.fields.push_back(std::move(out));
  }
  return selector;
}

// The trail's selectors; AWS's default (all management events) when it declares none.
Setting<inv::TrailSelectors> ReadSelectors(const Json& values, bool tf) {
  Setting<inv::TrailSelectors> out;
  for (const Json* selector : Blocks(values, tf ? "event_selector" : "EventSelectors", out.unknown)) {
    out.value.event_selectors.push_back(ReadEventSelector(*selector, tf, out.unknown));
  }
  for (const Json* selector : Blocks(values, tf ? "advanced_event_selector" : "AdvancedEventSelectors", out.unknown)) {
    out.value.advanced.push_back(ReadAdvancedSelector(*selector, tf, out.unknown));
  }
  // With advanced selectors, GetEventSelectors returns only those.
  if (!out.value.advanced.empty()) out.value.event_selectors.clear();
  if (out.value.event_selectors.empty() && out.value.advanced.empty()) {
    out.value.event_selectors.push_back(inv::EventSelector{});
  }
  out.present = !out.unknown;
  return out;
}

// A value that is a marker naming nothing: mark `field` and say so.
bool MarkIfOpaque(const Json& values, const char* key, MappingContext& context, const std::string& address,
                  const char* field) {
  const Json* value = Member(values, key);
  if (value == nullptr || !IsOpaqueUnknown(*value)) return false;
  context.mark_unknown(address, field);
  return true;
}

// Reads a boolean into `target`, marking `field` unknown when it is.
void SetBool(const Json& values, const char* key, bool fallback, bool& target, MappingContext& context,
             const std::string& address, const char* field) {
  const auto value = ReadBool(values, key, fallback);
  if (value.unknown) context.mark_unknown(address, field);
  target = value.unknown ? false : value.value;
}

void AliasKnown(const Json& values, std::initializer_list<const char*> keys, MappingContext& context,
                const std::string& address) {
  for (const char* key : keys) {
    const auto value = ReadString(values, key);
    if (value.present && !value.value.empty()) context.alias(value.value, address);
  }
}

}  // namespace

bool LoggingMapper::add(const Resource& resource, MappingContext& context) {
  const std::string& type = resource.type;
  const Json& values = resource.values;
  const std::string& address = resource.address;
  const bool tf = IsTerraform(resource);
  static const std::set<std::string> kTypes = {"aws_cloudtrail", "AWS::CloudTrail::Trail", "aws_kms_key",
                                               "AWS::KMS::Key",  "aws_guardduty_detector", "AWS::GuardDuty::Detector"};
  if (kTypes.count(type) == 0) return false;
  seen_ = true;
  if (type == "aws_cloudtrail" || type == "AWS::CloudTrail::Trail") {
    PendingTrail pending;
    pending.region = RegionOf(resource, context);
    inv::Trail& trail = pending.trail;
    trail.name = address;
    trail.home_region = pending.region;
    trail.arn = ReadString(values, "arn").value;
    // The live id: the ARN (what DescribeTrails and state give), else state's id.
    context.record(resource, trail.arn.empty() && tf ? ReadString(values, "id").value : trail.arn);
    // Only the ARN: a trail's name is no id other resources refer to, and could collide with one.
    AliasKnown(values, {"arn"}, context, address);
    SetBool(values, tf ? "is_multi_region_trail" : "IsMultiRegionTrail", false, trail.multi_region, context, address,
            "Trail.multi_region");
    SetBool(values, tf ? "is_organization_trail" : "IsOrganizationTrail", false, trail.organization_trail, context,
            address, "Trail.organization_trail");
    SetBool(values, tf ? "enable_log_file_validation" : "EnableLogFileValidation", false, trail.log_file_validation,
            context, address, "Trail.log_file_validation");
    const char* bucket_key = tf ? "s3_bucket_name" : "S3BucketName";
    if (MarkIfOpaque(values, bucket_key, context, address, "Trail.s3_bucket")) {
      context.mark_unknown(address, "Trail.bucket_logging");
    } else if (const Json* bucket = Member(values, bucket_key)) {
      pending.bucket = *bucket;
    }
    const char* kms_key = tf ? "kms_key_id" : "KMSKeyId";
    if (!MarkIfOpaque(values, kms_key, context, address, "Trail.kms_key_id")) {
      if (const Json* kms = Member(values, kms_key)) {
        pending.kms_key.value = *kms;
        pending.kms_key.present = true;
      }
    }
    const char* group_key = tf ? "cloud_watch_logs_group_arn" : "CloudWatchLogsLogGroupArn";
    if (!MarkIfOpaque(values, group_key, context, address, "Trail.log_group_arn")) {
      if (const Json* group = Member(values, group_key)) trail.log_group_arn = context.canonical_id(*group);
    }
    const auto logging = ReadBool(values, tf ? "enable_logging" : "IsLogging", true);
    if (logging.unknown) {
      context.mark_unknown(address, "Trail.logging");
    } else {
      trail.logging.set(logging.value);
    }
    auto selectors = ReadSelectors(values, tf);
    if (selectors.unknown) {
      context.mark_unknown(address, "Trail.selectors");
    } else {
      trail.selectors.set(std::move(selectors.value));
    }
    // Monitoring (metric filters and alarms on the log group) is live-only.
    context.region(pending.region);
    trails_.push_back(std::move(pending));
    return true;
  }
  if (type == "aws_kms_key" || type == "AWS::KMS::Key") {
    AliasKnown(values, {"arn", "key_id", "id"}, context, address);
    const auto spec = ReadString(values, tf ? "customer_master_key_spec" : "KeySpec");
    const auto usage = ReadString(values, tf ? "key_usage" : "KeyUsage");
    const auto enabled = ReadBool(values, tf ? "is_enabled" : "Enabled", true);
    const auto origin = ReadString(values, "Origin");
    const auto key_store = ReadString(values, "custom_key_store_id");
    const auto external = ReadString(values, "xks_key_id");
    // Only enabled symmetric keys with AWS-generated material rotate (as the collector keeps them).
    const bool spec_ok = spec.unknown || !spec.present || spec.value == "SYMMETRIC_DEFAULT";
    const bool usage_ok = usage.unknown || !usage.present || usage.value == "ENCRYPT_DECRYPT";
    const bool origin_ok = !origin.present || origin.value == "AWS_KMS";
    const bool store_ok =
        !(key_store.present && !key_store.value.empty()) && !(external.present && !external.value.empty());
    if (!spec_ok || !usage_ok || !origin_ok || !store_ok || (!enabled.unknown && !enabled.value)) return true;
    const std::string region = RegionOf(resource, context);
    inv::KmsKey key;
    key.id = address;
    key.arn = ReadString(values, "arn").value;
    context.record(resource, ReadString(values, "key_id").value);
    const auto rotation = ReadBool(values, tf ? "enable_key_rotation" : "EnableKeyRotation", false);
    key.rotation_enabled = !rotation.unknown && rotation.value;
    // Whether the key is one CIS asks about, or whether it rotates, is unknown.
    if (rotation.unknown || spec.unknown || usage.unknown || enabled.unknown) {
      context.mark_unknown(address, "KmsKey.rotation_enabled");
    }
    context.region(region);
    keys_.emplace_back(region, std::move(key));
    return true;
  }
  if (type == "aws_guardduty_detector" || type == "AWS::GuardDuty::Detector") {
    const std::string region = RegionOf(resource, context);
    const auto enable = ReadBool(values, tf ? "enable" : "Enable", true);
    inv::GuardDutyDetector detector{address, enable.unknown ? "" : (enable.value ? "ENABLED" : "DISABLED")};
    context.record(resource, ReadString(values, "id").value);
    AliasKnown(values, {"id", "arn"}, context, address);
    if (enable.unknown) context.mark_unknown(address, "GuardDutyDetector.status");
    context.region(region);
    detectors_.emplace_back(region, std::move(detector));
    return true;
  }
  return false;
}

void LoggingMapper::finish(MappingContext& context, const S3Mapper& s3, bool write_keys) {
  auto& regions = context.inventory().regions;
  if (!trails_.empty()) {
    for (auto& region : regions) region.cloudtrail.trails.set({});
    for (auto& pending : trails_) {
      inv::Trail& trail = pending.trail;
      if (!pending.bucket.is_null()) {
        trail.s3_bucket = s3.bucket_id(pending.bucket, context);
        // Access logging is known only for a bucket of the run.
        const BucketFacts* bucket = s3.bucket(s3.bucket_address(pending.bucket, context));
        if (bucket != nullptr && bucket->logging_target) {
          trail.bucket_logging.set({bucket->name, bucket->region, *bucket->logging_target});
        } else if (!trail.s3_bucket.empty()) {
          context.mark_unknown(trail.name, "Trail.bucket_logging");
        }
      }
      if (pending.kms_key.present) trail.kms_key_id = context.canonical_id(pending.kms_key.value);
      context.region(pending.region).cloudtrail.trails.value->push_back(std::move(trail));
    }
  }
  if (write_keys) {
    for (auto& region : regions) region.kms.keys.set({});
  }
  for (auto& [region, key] : keys_) {
    auto& keys = context.region(region).kms.keys;
    if (!keys.ok()) keys.set({});
    keys.value->push_back(std::move(key));
  }
  // GuardDuty only in the regions that declare a detector.
  std::set<std::string> with_detector;
  for (auto& [region, detector] : detectors_) {
    auto& detectors = context.region(region).guardduty.detectors;
    if (with_detector.insert(region).second) detectors.set({});
    detectors.value->push_back(std::move(detector));
  }
}

}  // namespace posture::iac::storage
