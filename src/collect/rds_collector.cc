// RDS: every DB instance of a region from DescribeDBInstances (one paged
// call), with the settings the storage checks read and its tags.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

// DescribeDBInstances' largest page.
constexpr int kMaxRecords = 100;

inventory::DbInstance MapDbInstance(const aws::Json& item) {
  inventory::DbInstance db;
  db.id = Text(item, "DBInstanceIdentifier");
  db.arn = Text(item, "DBInstanceArn");
  db.engine = Text(item, "Engine");
  db.storage_encrypted = Flag(item, "StorageEncrypted");
  db.auto_minor_version_upgrade = Flag(item, "AutoMinorVersionUpgrade");
  db.publicly_accessible = Flag(item, "PubliclyAccessible");
  db.multi_az = Flag(item, "MultiAZ");
  aws::Json tags = {{"Tags", Items(item, "TagList")}};
  db.tags = ParseTags(tags);
  return db;
}

}  // namespace

void PlanRds(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants("rds.db_instances")) return;
  SubmitList(
      ctx, region.rds.db_instances, CallSite{"rds", "DescribeDBInstances", region.region}, {{"MaxRecords", kMaxRecords}},
      "DBInstances",
      [](const aws::Json& item, std::vector<inventory::DbInstance>& out) { out.push_back(MapDbInstance(item)); });
}

}  // namespace posture::collect
