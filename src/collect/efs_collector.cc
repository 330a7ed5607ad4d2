// EFS: every file system of a region from DescribeFileSystems (one paged
// call), with its encryption and tags.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

// DescribeFileSystems' largest page.
constexpr int kMaxItems = 100;

inventory::FileSystem MapFileSystem(const aws::Json& item) {
  inventory::FileSystem fs;
  fs.id = Text(item, "FileSystemId");
  fs.arn = Text(item, "FileSystemArn");
  fs.name = Text(item, "Name");
  fs.encrypted = Flag(item, "Encrypted");
  fs.kms_key_id = Text(item, "KmsKeyId");
  fs.tags = ParseTags(item);
  return fs;
}

}  // namespace

void PlanEfs(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants("efs.file_systems")) return;
  SubmitList(ctx, region.efs.file_systems, CallSite{"efs", "DescribeFileSystems", region.region}, {{"MaxItems", kMaxItems}},
             "FileSystems", [](const aws::Json& item, std::vector<inventory::FileSystem>& out) {
               out.push_back(MapFileSystem(item));
             });
}

}  // namespace posture::collect
