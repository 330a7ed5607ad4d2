#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::rds_instance_not_public {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(
      inventory, sink, &inventory::RegionInventory::rds, &inventory::RdsSections::db_instances,
      [&](const inventory::RegionInventory& region, const inventory::DbInstance& db) {
        const std::string arn = ResourceArn(db.arn, inventory, "rds", region.region, "db:" + db.id);
        if (!db.publicly_accessible) {
          sink.pass(region.region, db.id, arn, "not publicly accessible");
        } else {
          sink.fail(region.region, db.id, arn,
                    "is publicly accessible: its endpoint resolves to a public IP address reachable from the internet");
        }
      });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "rds_instance_not_public",
            .title = "RDS instances are not publicly accessible",
            .severity = Severity::kCritical,
            .category = Category::kStorage,
            .resource_type = "AWS::RDS::DBInstance",
            .scope = "L+C",
            .fails_when = "PubliclyAccessible is true",
            .risk = "A publicly accessible database can be reached from the internet, exposing it to password guessing "
                    "and exploits of the engine.",
            .remediation =
                "aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately",
            .remediation_terraform =
                "resource \"aws_db_instance\" \"this\" {\n  # ...\n  publicly_accessible = false\n}",
            .docs_url =
                "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
            .reads = {POSTURE_FIELD(DbInstance, publicly_accessible)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::rds_instance_not_public
