#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::ec2_ebs_default_encryption {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  sink.set_resource_type(kAccountResourceType);
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.ec2.ebs_default_encryption, region.region)) continue;
    if (region.ec2.ebs_default_encryption->enabled) {
      sink.pass(region.region, inventory.account_id, RootArn(inventory),
                "EBS encryption by default is enabled in " + region.region);
    } else {
      sink.fail(region.region, inventory.account_id, RootArn(inventory),
                "EBS encryption by default is disabled in " + region.region +
                    ": new volumes and snapshot copies are created unencrypted unless each request asks otherwise");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_ebs_default_encryption",
            .title = "EBS encryption by default is enabled in every region",
            .severity = Severity::kMedium,
            .category = Category::kStorage,
            .resource_type = "AWS::::Account",
            .scope = "L+C",
            .fails_when = "EBS encryption by default is off in a region",
            .risk = "Without encryption by default, any volume created without an explicit encryption flag stores "
                    "its data, and its snapshots, unencrypted at rest.",
            .remediation = "aws ec2 enable-ebs-encryption-by-default --region <region>",
            .remediation_terraform = "resource \"aws_ebs_encryption_by_default\" \"this\" {\n  enabled = true\n}",
            .docs_url = "https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html",
            .reads = {POSTURE_FIELD(EbsDefaultEncryption, enabled)},
            .declared_in_code_by = "aws_ebs_encryption_by_default",
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_ebs_default_encryption
