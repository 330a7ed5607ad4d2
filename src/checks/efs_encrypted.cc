#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::efs_encrypted {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(inventory, sink, &inventory::RegionInventory::efs, &inventory::EfsSections::file_systems,
                  [&](const inventory::RegionInventory& region, const inventory::FileSystem& fs) {
                    const std::string arn =
                        ResourceArn(fs.arn, inventory, "elasticfilesystem", region.region, "file-system/" + fs.id);
                    if (fs.encrypted) {
                      sink.pass(region.region, fs.id, arn,
                                "encrypted at rest" + (fs.kms_key_id.empty() ? "" : " with " + fs.kms_key_id));
                    } else {
                      sink.fail(region.region, fs.id, arn,
                                "is not encrypted at rest: encryption can only be chosen when the file system is "
                                "created");
                    }
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "efs_encrypted",
            .title = "EFS file systems are encrypted at rest",
            .severity = Severity::kMedium,
            .category = Category::kStorage,
            .resource_type = "AWS::EFS::FileSystem",
            .scope = "L+C",
            .fails_when = "file system not encrypted",
            .risk = "Data on an unencrypted file system is readable from the underlying storage and its backups "
                    "without any key.",
            .remediation = "aws efs create-file-system --encrypted --kms-key-id <key>  # then copy the data (e.g. "
                           "with AWS DataSync) and delete the unencrypted file system",
            .remediation_terraform =
                "resource \"aws_efs_file_system\" \"this\" {\n  encrypted = true  # forces a new file system\n}",
            .docs_url = "https://docs.aws.amazon.com/efs/latest/ug/encryption.html",
            .reads = {POSTURE_FIELD(FileSystem, encrypted)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::efs_encrypted
