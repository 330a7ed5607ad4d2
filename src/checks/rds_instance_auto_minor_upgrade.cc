#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::rds_instance_auto_minor_upgrade {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(inventory, sink, &inventory::RegionInventory::rds, &inventory::RdsSections::db_instances,
                  [&](const inventory::RegionInventory& region, const inventory::DbInstance& db) {
                    const std::string arn = ResourceArn(db.arn, inventory, "rds", region.region, "db:" + db.id);
                    if (db.auto_minor_version_upgrade) {
                      sink.pass(region.region, db.id, arn, "automatic minor version upgrades are on");
                    } else {
                      sink.fail(region.region, db.id, arn,
                                "automatic minor version upgrades are off: engine security fixes are not applied");
                    }
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "rds_instance_auto_minor_upgrade",
            .title = "RDS instances apply minor engine upgrades automatically",
            .severity = Severity::kLow,
            .category = Category::kStorage,
            .resource_type = "AWS::RDS::DBInstance",
            .scope = "L+C",
            .fails_when = "auto minor version upgrade off",
            .risk = "Minor engine versions carry security fixes; without automatic upgrades the instance keeps running "
                    "known vulnerable versions.",
            .remediation = "aws rds modify-db-instance --db-instance-identifier <id> --auto-minor-version-upgrade "
                           "--apply-immediately",
            .remediation_terraform =
                "resource \"aws_db_instance\" \"this\" {\n  # ...\n  auto_minor_version_upgrade = true\n}",
            .docs_url = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html",
            .reads = {POSTURE_FIELD(DbInstance, auto_minor_version_upgrade)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::rds_instance_auto_minor_upgrade
