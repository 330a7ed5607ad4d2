// CloudTrail trails with the per-trail facts checks ask about.
//
// Which region reports a trail. DescribeTrails answers in every region with
// every trail that applies there: the region's own trails plus "shadow"
// copies of multi-region trails homed elsewhere and of organization trails
// (includeShadowTrails, the default). Asking with includeShadowTrails=false
// would hide an organization trail from a member account, which is exactly
// the trail CIS 3.1 accepts there, so we ask with shadows and keep each
// trail once: in its home region when that region is scanned, else in the
// first scanned region (a multi-region trail homed in an unscanned region
// still covers the scanned ones). A single-region trail of an unscanned
// region is not seen, as it records nothing in the scanned regions.
//
// Per kept trail, each as its own concurrent part and only when a check
// needs it: GetTrailStatus, GetEventSelectors (by trail ARN, which also
// works for shadow trails), the S3 bucket's access logging
// (GetBucketLocation, then GetBucketLogging in the bucket's region) and,
// for multi-region trails sending to CloudWatch Logs, the monitoring chain
// (trail_monitoring.cc). A failed part fails only that part of that trail.
#include <set>

#include "collect/collectors.h"
#include "collect/trail_monitoring.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using Trails = std::vector<inv::Trail>;
using Join = SectionJoin<Trails>;

std::vector<std::string> Strings(const aws::Json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

inv::Trail MapTrail(const aws::Json& item) {
  inv::Trail trail;
  trail.name = Text(item, "Name");
  trail.arn = Text(item, "TrailARN");
  trail.home_region = Text(item, "HomeRegion");
  trail.multi_region = Flag(item, "IsMultiRegionTrail");
  trail.organization_trail = Flag(item, "IsOrganizationTrail");
  trail.log_file_validation = Flag(item, "LogFileValidationEnabled");
  trail.s3_bucket = Text(item, "S3BucketName");
  trail.kms_key_id = Text(item, "KmsKeyId");
  trail.log_group_arn = Text(item, "CloudWatchLogsLogGroupArn");
  return trail;
}

inv::TrailSelectors MapTrailSelectors(const aws::Json& output) {
  inv::TrailSelectors out;
  for (const auto& item : Items(output, "EventSelectors")) {
    inv::EventSelector selector;
    if (const std::string type = Text(item, "ReadWriteType"); !type.empty()) selector.read_write_type = type;
    const auto& include = Member(item, "IncludeManagementEvents");
    selector.include_management_events = include.is_boolean() ? include.get<bool>() : true;
    for (const auto& resource : Items(item, "DataResources")) {
      selector.data_resources.push_back({Text(resource, "Type"), Strings(Member(resource, "Values"))});
    }
    selector.exclude_management_event_sources = Strings(Member(item, "ExcludeManagementEventSources"));
    out.event_selectors.push_back(std::move(selector));
  }
  for (const auto& item : Items(output, "AdvancedEventSelectors")) {
    inv::AdvancedEventSelector selector;
    selector.name = Text(item, "Name");
    for (const auto& field : Items(item, "FieldSelectors")) {
      selector.fields.push_back({Text(field, "Field"), Strings(Member(field, "Equals")),
                                 Strings(Member(field, "NotEquals")), Strings(Member(field, "StartsWith")),
                                 Strings(Member(field, "NotStartsWith")), Strings(Member(field, "EndsWith")),
                                 Strings(Member(field, "NotEndsWith"))});
    }
    out.advanced.push_back(std::move(selector));
  }
  return out;
}

// "" and "EU" are GetBucketLocation's names for us-east-1 and eu-west-1.
std::string BucketRegion(const std::string& constraint) {
  if (constraint.empty()) return "us-east-1";
  if (constraint == "EU") return "eu-west-1";
  return constraint;
}

inv::Collected<inv::BucketLogging> ReadBucketLogging(aws::AwsClient& client, const std::string& bucket,
                                                     const std::string& location_region) {
  const CallSite location_site{"s3", "GetBucketLocation", location_region};
  auto location = client.call(location_site.service, location_site.operation, {{"Bucket", bucket}}, location_region);
  if (!location.ok()) return Failure<inv::BucketLogging>(location_site.failure(location.error()));
  inv::BucketLogging out;
  out.bucket = bucket;
  out.region = BucketRegion(Text(*location, "LocationConstraint"));
  const CallSite logging_site{"s3", "GetBucketLogging", out.region};
  auto logging = client.call(logging_site.service, logging_site.operation, {{"Bucket", bucket}}, out.region);
  if (!logging.ok()) return Failure<inv::BucketLogging>(logging_site.failure(logging.error()));
  out.target_bucket = Text(Member(*logging, "LoggingEnabled"), "TargetBucket");
  return Success(std::move(out));
}

// Stores `outcome` into one trail's part, logging its error.
template <typename T>
void StorePart(CollectContext& ctx, Join& join, size_t index, inv::Collected<T> inv::Trail::*part,
               inv::Collected<T> outcome) {
  if (outcome.error) ctx.errors.add(*outcome.error);
  join.update([&](Trails& trails) { trails[index].*part = std::move(outcome); });
}

// Submits one part of trail `index`: `fetch()` returns the part's outcome.
template <typename T, typename Fetch>
void SubmitTrailPart(CollectContext& ctx, const std::shared_ptr<Join>& join, size_t index,
                     inv::Collected<T> inv::Trail::*part, CallSite site, Fetch fetch) {
  SubmitPart(ctx, join, site, [&ctx, index, part, site, fetch = std::move(fetch)](Join& joined) mutable {
    StorePart(ctx, joined, index, part, Guarded<T>(site, fetch));
    return std::optional<inv::CollectionError>();
  });
}

struct Wanted {
  bool status, selectors, bucket_logging, monitoring;
  bool any() const { return status || selectors || bucket_logging || monitoring; }
};

int PartsOf(const inv::Trail& trail, const Wanted& wanted) {
  return (wanted.status ? 1 : 0) + (wanted.selectors ? 1 : 0) +
         (wanted.bucket_logging && !trail.s3_bucket.empty() ? 1 : 0) +
         (wanted.monitoring && trail.multi_region && !trail.log_group_arn.empty() ? 1 : 0);
}

void SubmitTrailParts(CollectContext& ctx, const std::shared_ptr<Join>& join, const Trails& trails,
                      const std::string& region, const Wanted& wanted) {
  aws::AwsClient& client = ctx.client;
  // GetBucketLocation answers for any bucket at the partition's global endpoint region.
  const std::string location_region = ctx.partition == "aws" ? "us-east-1" : region;
  for (size_t i = 0; i < trails.size(); ++i) {
    const inv::Trail& trail = trails[i];
    if (wanted.status) {
      const CallSite site{"cloudtrail", "GetTrailStatus", region};
      SubmitTrailPart(ctx, join, i, &inv::Trail::logging, site, [&client, site, arn = trail.arn] {
        auto status = client.call(site.service, site.operation, {{"Name", arn}}, site.region);
        if (!status.ok()) return Failure<bool>(site.failure(status.error()));
        return Success(Flag(*status, "IsLogging"));
      });
    }
    if (wanted.selectors) {
      const CallSite site{"cloudtrail", "GetEventSelectors", region};
      SubmitTrailPart(ctx, join, i, &inv::Trail::selectors, site, [&client, site, arn = trail.arn] {
        auto selectors = client.call(site.service, site.operation, {{"TrailName", arn}}, site.region);
        if (!selectors.ok()) return Failure<inv::TrailSelectors>(site.failure(selectors.error()));
        return Success(MapTrailSelectors(*selectors));
      });
    }
    if (wanted.bucket_logging && !trail.s3_bucket.empty()) {
      const CallSite site{"s3", "GetBucketLocation", location_region};
      SubmitTrailPart(ctx, join, i, &inv::Trail::bucket_logging, site,
                      [&client, bucket = trail.s3_bucket, location_region] {
                        return ReadBucketLogging(client, bucket, location_region);
                      });
    }
    if (wanted.monitoring && trail.multi_region && !trail.log_group_arn.empty()) {
      const CallSite site{"logs", "DescribeMetricFilters", region};
      SubmitTrailPart(ctx, join, i, &inv::Trail::monitoring, site, [&client, arn = trail.log_group_arn, region] {
        return CollectTrailMonitoring(client, arn, region);
      });
    }
  }
}

}  // namespace

void PlanCloudTrail(CollectContext& ctx, std::vector<inv::RegionInventory>& regions) {
  const Wanted wanted{ctx.wants("cloudtrail.trails.logging"), ctx.wants("cloudtrail.trails.selectors"),
                      ctx.wants("cloudtrail.trails.bucket_logging"), ctx.wants("cloudtrail.trails.monitoring")};
  if (!wanted.any() && !ctx.wants("cloudtrail.trails")) return;
  if (regions.empty()) return;
  std::set<std::string> scanned;
  for (const auto& region : regions) scanned.insert(region.region);
  const std::string first = regions.front().region;

  for (auto& region : regions) {
    const CallSite site{"cloudtrail", "DescribeTrails", region.region};
    SubmitStaged(
        ctx, region.cloudtrail.trails, site,
        [&ctx, &section = region.cloudtrail.trails, site, scanned, first, wanted]() -> std::optional<inv::Collected<Trails>> {
          auto listed = ctx.client.call(site.service, site.operation, {{"includeShadowTrails", true}}, site.region);
          if (!listed.ok()) return Failure<Trails>(site.failure(listed.error()));
          Trails trails;
          for (const auto& item : Items(*listed, "trailList")) {
            inv::Trail trail = MapTrail(item);
            if (trail.home_region.empty()) trail.home_region = site.region;
            const bool home_scanned = scanned.count(trail.home_region) > 0;
            const bool kept = home_scanned ? trail.home_region == site.region : site.region == first;
            if (kept) trails.push_back(std::move(trail));
          }
          int parts = 0;
          for (const auto& trail : trails) parts += PartsOf(trail, wanted);
          if (parts == 0) return Success(std::move(trails));
          auto join = std::make_shared<Join>(ctx, section, trails, parts);
          SubmitTrailParts(ctx, join, trails, site.region, wanted);
          return std::nullopt;
        });
  }
}

}  // namespace posture::collect
