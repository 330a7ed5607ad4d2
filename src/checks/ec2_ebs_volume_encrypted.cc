#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::ec2_ebs_volume_encrypted {
namespace {

bool IsGone(const inventory::Volume& volume) {
  return base::EqualsIgnoreCase(volume.state, "deleting") || base::EqualsIgnoreCase(volume.state, "deleted");
}

std::string Attachment(const inventory::Volume& volume) {
  if (volume.attached_instance_ids.empty()) return "not attached";
  return "attached to " + base::Join(volume.attached_instance_ids);
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(
      inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::volumes,
      [&](const inventory::RegionInventory& region, const inventory::Volume& volume) {
        if (IsGone(volume)) return;
        const std::string arn = ResourceArn(volume.arn, inventory, "ec2", region.region, "volume/" + volume.id);
        if (volume.encrypted) {
          sink.pass(region.region, volume.id, arn,
                    "encrypted" + (volume.kms_key_id.empty() ? "" : " with KMS key " + volume.kms_key_id));
        } else {
          sink.fail(region.region, volume.id, arn,
                    "is not encrypted (" + std::to_string(volume.size_gib) + " GiB, " + Attachment(volume) + ")");
        }
      });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_ebs_volume_encrypted",
            .title = "EBS volumes are encrypted",
            .severity = Severity::kMedium,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::Volume",
            .scope = "L+C",
            .fails_when = "an EBS volume is not encrypted (CIS 4.0/5.0 5.1.1 with ec2_ebs_default_encryption)",
            .risk = "An unencrypted volume keeps its data, and every snapshot taken of it, readable to anyone who "
                    "obtains the snapshot or the underlying storage.",
            .remediation = "aws ec2 create-snapshot --volume-id <volume-id> && aws ec2 copy-snapshot "
                           "--source-snapshot-id <snapshot-id> --source-region <region> --encrypted  # then create "
                           "a volume from the encrypted copy and swap it in",
            .remediation_terraform = "resource \"aws_ebs_volume\" \"data\" {\n  # ...\n  encrypted  = true\n  "
                                     "kms_key_id = aws_kms_key.ebs.arn\n}",
            .docs_url = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
            .reads = {POSTURE_FIELD(Volume, encrypted)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_ebs_volume_encrypted
