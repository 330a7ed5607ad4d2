#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::rds_instance_encrypted {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(
      inventory, sink, &inventory::RegionInventory::rds, &inventory::RdsSections::db_instances,
      [&](const inventory::RegionInventory& region, const inventory::DbInstance& db) {
        const std::string arn = ResourceArn(db.arn, inventory, "rds", region.region, "db:" + db.id);
        if (db.storage_encrypted) {
          sink.pass(region.region, db.id, arn, "storage is encrypted");
        } else {
          sink.fail(
              region.region, db.id, arn,
              "storage is not encrypted: data files, snapshots and backups can be read by anyone who obtains them");
        }
      });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "rds_instance_encrypted",
            .title = "RDS instances encrypt their storage",
            .severity = Severity::kMedium,
            .category = Category::kStorage,
            .resource_type = "AWS::RDS::DBInstance",
            .scope = "L+C",
            .fails_when = "storage not encrypted",
            .risk = "Unencrypted database storage, snapshots and backups expose their data to anyone who gets a copy "
                    "of the volume or snapshot.",
            .remediation = "aws rds create-db-instance-read-replica --db-instance-identifier <new-id> "
                           "--source-db-instance-identifier <id> --kms-key-id <key>  # encryption cannot be turned on "
                           "in place: restore an encrypted snapshot copy and switch over",
            .remediation_terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  storage_encrypted = true  # "
                                     "forces a new instance: migrate the data\n}",
            .docs_url = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
            .reads = {POSTURE_FIELD(DbInstance, storage_encrypted)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::rds_instance_encrypted
