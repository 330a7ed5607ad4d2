// Comparables of the storage and logging inventory (mapping.h): the fields
// the checks read, ids of other objects through the IdMap, lists sorted.
// A section or facet left uncollected compares as "uncollected". ACL grants
// to canonical users compare without their id: the file never knows the
// owner's canonical id, so only who else (groups) holds what compares.
#include <algorithm>

#include "iac/mapping.h"

namespace posture::iac {
namespace {

namespace inv = inventory;
using Json = nlohmann::json;

constexpr const char* kUncollected = "uncollected";

template <typename T, typename Fn>
Json Facet(const inv::Collected<T>& collected, Fn&& fn) {
  return collected.ok() ? Json(fn(*collected.value)) : Json(kUncollected);
}

Json Sorted(Json list) {
  std::sort(list.begin(), list.end(), [](const Json& a, const Json& b) { return a.dump() < b.dump(); });
  return list;
}

Json SortedStrings(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return Json(values);
}

Json Policy(const std::optional<std::string>& policy) {
  if (!policy) return nullptr;
  Json parsed = Json::parse(*policy, nullptr, false);
  return parsed.is_discarded() ? Json(*policy) : parsed;
}

Json Grants(const std::vector<inv::AclGrant>& grants) {
  Json out = Json::array();
  for (const auto& grant : grants) {
    Json item{{"type", grant.grantee_type}, {"permission", grant.permission}};
    if (!grant.grantee_uri.empty()) item["uri"] = grant.grantee_uri;
    out.push_back(std::move(item));
  }
  return Sorted(std::move(out));
}

Json Block(const std::optional<inv::PublicAccessBlock>& block) {
  if (!block) return nullptr;
  return {{"block_public_acls", block->block_public_acls},
          {"ignore_public_acls", block->ignore_public_acls},
          {"block_public_policy", block->block_public_policy},
          {"restrict_public_buckets", block->restrict_public_buckets}};
}

Json Selectors(const inv::TrailSelectors& selectors) {
  Json classic = Json::array();
  for (const auto& selector : selectors.event_selectors) {
    Json resources = Json::array();
    for (const auto& resource : selector.data_resources) {
      resources.push_back({{"type", resource.type}, {"values", SortedStrings(resource.values)}});
    }
    classic.push_back({{"read_write_type", selector.read_write_type},
                       {"include_management_events", selector.include_management_events},
                       {"data_resources", Sorted(std::move(resources))},
                       {"exclude_management_event_sources", SortedStrings(selector.exclude_management_event_sources)}});
  }
  Json advanced = Json::array();
  for (const auto& selector : selectors.advanced) {
    Json fields = Json::array();
    for (const auto& field : selector.fields) {
      fields.push_back({{"field", field.field},
                        {"equals", SortedStrings(field.equals)},
                        {"not_equals", SortedStrings(field.not_equals)},
                        {"starts_with", SortedStrings(field.starts_with)},
                        {"not_starts_with", SortedStrings(field.not_starts_with)},
                        {"ends_with", SortedStrings(field.ends_with)},
                        {"not_ends_with", SortedStrings(field.not_ends_with)}});
    }
    advanced.push_back({{"name", selector.name}, {"fields", Sorted(std::move(fields))}});
  }
  return {{"event_selectors", Sorted(std::move(classic))}, {"advanced", Sorted(std::move(advanced))}};
}

Json Tags(const inv::Tags& tags) { return Json(tags); }

std::string Mapped(const IdMap& ids, const std::string& id) { return id.empty() ? id : ids(id); }

void AppendRegion(const inv::RegionInventory& region, const IdMap& ids, std::vector<ComparableObject>& out) {
  if (region.rds.db_instances.ok()) {
    for (const auto& db : *region.rds.db_instances) {
      out.push_back({"AWS::RDS::DBInstance",
                     ids(db.id),
                     region.region,
                     {{"engine", db.engine},
                      {"storage_encrypted", db.storage_encrypted},
                      {"auto_minor_version_upgrade", db.auto_minor_version_upgrade},
                      {"publicly_accessible", db.publicly_accessible},
                      {"multi_az", db.multi_az},
                      {"tags", Tags(db.tags)}}});
    }
  }
  if (region.efs.file_systems.ok()) {
    for (const auto& fs : *region.efs.file_systems) {
      out.push_back({"AWS::EFS::FileSystem",
                     ids(fs.id),
                     region.region,
                     {{"encrypted", fs.encrypted},
                      {"kms_key_id", Mapped(ids, fs.kms_key_id)},
                      {"name", fs.name},
                      {"tags", Tags(fs.tags)}}});
    }
  }
  if (region.cloudtrail.trails.ok()) {
    for (const auto& trail : *region.cloudtrail.trails) {
      Json logging = Facet(trail.bucket_logging, [&](const inv::BucketLogging& value) {
        return Json{{"bucket", Mapped(ids, value.bucket)},
                    {"region", value.region},
                    {"target_bucket", Mapped(ids, value.target_bucket)}};
      });
      out.push_back({"AWS::CloudTrail::Trail",
                     ids(trail.name),
                     region.region,
                     {{"multi_region", trail.multi_region},
                      {"organization_trail", trail.organization_trail},
                      {"log_file_validation", trail.log_file_validation},
                      {"s3_bucket", Mapped(ids, trail.s3_bucket)},
                      {"kms_key_id", Mapped(ids, trail.kms_key_id)},
                      {"log_group_arn", Mapped(ids, trail.log_group_arn)},
                      {"logging", Facet(trail.logging, [](bool value) { return value; })},
                      {"selectors", Facet(trail.selectors, Selectors)},
                      {"bucket_logging", std::move(logging)}}});
    }
  }
  if (region.kms.keys.ok()) {
    for (const auto& key : *region.kms.keys) {
      out.push_back({"AWS::KMS::Key", ids(key.id), region.region, {{"rotation_enabled", key.rotation_enabled}}});
    }
  }
  if (region.guardduty.detectors.ok()) {
    for (const auto& detector : *region.guardduty.detectors) {
      out.push_back({"AWS::GuardDuty::Detector", ids(detector.id), region.region, {{"status", detector.status}}});
    }
  }
}

}  // namespace

void AppendStorageComparables(const inv::Inventory& inventory, const IdMap& ids, std::vector<ComparableObject>& out) {
  if (inventory.s3.buckets.ok()) {
    for (const auto& bucket : *inventory.s3.buckets) {
      out.push_back({"AWS::S3::Bucket",
                     ids(bucket.name),
                     bucket.region,
                     {{"policy", Facet(bucket.policy, Policy)},
                      {"acl", Facet(bucket.acl, Grants)},
                      {"public_access_block", Facet(bucket.public_access_block, Block)},
                      {"versioning", Facet(bucket.versioning, [](const inv::BucketVersioning& value) {
                         return Json{{"status", value.status}, {"mfa_delete", value.mfa_delete}};
                       })}}});
    }
  }
  const auto& account = inventory.s3control.account_public_access_block;
  if (account.ok() && account->has_value()) {
    out.push_back({"AWS::S3::AccountPublicAccessBlock", "account", "global", Block(*account.value)});
  }
  for (const auto& region : inventory.regions) AppendRegion(region, ids, out);
}

}  // namespace posture::iac
