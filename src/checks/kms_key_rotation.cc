#include <algorithm>

#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::kms_key_rotation {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.kms.keys, region.region)) continue;
    std::vector<const inventory::KmsKey*> keys;
    for (const auto& key : *region.kms.keys) keys.push_back(&key);
    std::sort(keys.begin(), keys.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
    for (const auto* key : keys) {
      const std::string arn = ResourceArn(key->arn, inventory, "kms", region.region, "key/" + key->id);
      if (key->rotation_enabled) {
        sink.pass(region.region, key->id, arn, "automatic rotation of the key material is enabled");
      } else {
        sink.fail(region.region, key->id, arn,
                  "customer-managed symmetric key is enabled but its key material is never rotated automatically");
      }
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "kms_key_rotation",
            .title = "Customer-managed symmetric KMS keys rotate automatically",
            .severity = Severity::kMedium,
            .category = Category::kLogging,
            .resource_type = "AWS::KMS::Key",
            .scope = "L+C",
            .fails_when = "a customer-managed symmetric key has rotation off",
            .risk = "Key material that never rotates protects ever more data over time, so a compromised key "
                    "exposes everything it ever encrypted.",
            .remediation = "aws kms enable-key-rotation --key-id <key-id> --region <region>",
            .remediation_terraform = "resource \"aws_kms_key\" \"main\" {\n  # ...\n  enable_key_rotation = true\n}",
            .docs_url = "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
            .reads = {POSTURE_FIELD(KmsKey, rotation_enabled)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::kms_key_rotation
