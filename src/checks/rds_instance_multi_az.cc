#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::rds_instance_multi_az {
namespace {

// Only production instances need Multi-AZ; others yield no finding.
void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const CheckSettings& settings = sink.settings();
  ForEachRegional(inventory, sink, &inventory::RegionInventory::rds, &inventory::RdsSections::db_instances,
                  [&](const inventory::RegionInventory& region, const inventory::DbInstance& db) {
                    const auto* tag = EnvironmentTag(db.tags, settings.environment_tag_key);
                    if (tag == nullptr || !settings.is_production(tag->second)) return;
                    const std::string arn = ResourceArn(db.arn, inventory, "rds", region.region, "db:" + db.id);
                    const std::string env = tag->first + "=" + tag->second;
                    if (db.multi_az) {
                      sink.pass(region.region, db.id, arn, "production instance (" + env + ") is Multi-AZ");
                    } else {
                      sink.fail(region.region, db.id, arn,
                                "production instance (" + env +
                                    ") is not Multi-AZ: an Availability Zone failure takes the database down");
                    }
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "rds_instance_multi_az",
            .title = "Production RDS instances are Multi-AZ",
            .severity = Severity::kLow,
            .category = Category::kStorage,
            .resource_type = "AWS::RDS::DBInstance",
            .scope = "L+C",
            .fails_when = "a production-tagged instance is not Multi-AZ (CIS 4.0 2.2.4)",
            .risk = "A single-AZ production database is unavailable for the length of any outage of its "
                    "Availability Zone or host, and fails over only by restore.",
            .remediation = "aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately",
            .remediation_terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  multi_az = true\n}",
            .docs_url = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
            .reads = {POSTURE_FIELD(DbInstance, multi_az), POSTURE_FIELD(DbInstance, tags)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::rds_instance_multi_az
