// KMS keys whose rotation CIS 3.6 asks about. ListKeys and ListAliases
// (each paged) first; keys behind an "alias/aws/..." alias are AWS-managed
// and cost no further call. Every other key is described (DescribeKey), all
// at once, and only enabled, customer-managed, symmetric keys with
// KMS-generated material (imported material and custom key stores cannot
// rotate automatically) get a GetKeyRotationStatus. A key deleted since it
// was listed is skipped; any other failure fails the section, as a missing
// key would read as compliant.
#include <algorithm>
#include <set>

#include "collect/collectors.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using Keys = std::vector<inv::KmsKey>;
using Join = SectionJoin<Keys>;

constexpr int kListKeysPage = 1000;
constexpr int kListAliasesPage = 100;

bool Rotatable(const aws::Json& metadata) {
  std::string spec = Text(metadata, "KeySpec");
  if (spec.empty()) spec = Text(metadata, "CustomerMasterKeySpec");
  const std::string origin = Text(metadata, "Origin");
  return Text(metadata, "KeyManager") == "CUSTOMER" && Text(metadata, "KeyState") == "Enabled" &&
         spec == "SYMMETRIC_DEFAULT" && (origin.empty() || origin == "AWS_KMS");
}

std::optional<inv::CollectionError> ReadKey(aws::AwsClient& client, const std::string& region, const std::string& id,
                                            Join& join) {
  const CallSite describe{"kms", "DescribeKey", region};
  auto key = client.call(describe.service, describe.operation, {{"KeyId", id}}, region);
  if (!key.ok()) {
    if (key.error().kind() == base::ErrorKind::kNotFound) return std::nullopt;
    return describe.failure(key.error());
  }
  const auto& metadata = Member(*key, "KeyMetadata");
  if (!Rotatable(metadata)) return std::nullopt;
  const CallSite rotation{"kms", "GetKeyRotationStatus", region};
  auto status = client.call(rotation.service, rotation.operation, {{"KeyId", id}}, region);
  if (!status.ok()) {
    if (status.error().kind() == base::ErrorKind::kNotFound) return std::nullopt;
    return rotation.failure(status.error());
  }
  inv::KmsKey out{id, Text(metadata, "Arn"), Flag(*status, "KeyRotationEnabled")};
  join.update([&](Keys& keys) { keys.push_back(std::move(out)); });
  return std::nullopt;
}

}  // namespace

void PlanKms(CollectContext& ctx, inv::RegionInventory& region) {
  if (!ctx.wants("kms.keys")) return;
  const CallSite site{"kms", "ListKeys", region.region};
  SubmitStaged(
      ctx, region.kms.keys, site, [&ctx, &section = region.kms.keys, site]() -> std::optional<inv::Collected<Keys>> {
        std::vector<std::string> ids;
        auto status = ForEachItem(ctx.client, site, {{"Limit", kListKeysPage}}, "Keys",
                                  [&](const aws::Json& key) { ids.push_back(Text(key, "KeyId")); });
        if (!status.ok()) return Failure<Keys>(site.failure(status.error()));
        if (ids.empty()) return Success(Keys{});
        const CallSite aliases{"kms", "ListAliases", site.region};
        std::set<std::string> aws_managed;
        status =
            ForEachItem(ctx.client, aliases, {{"Limit", kListAliasesPage}}, "Aliases", [&](const aws::Json& alias) {
              if (Text(alias, "AliasName").starts_with("alias/aws/")) {
                aws_managed.insert(Text(alias, "TargetKeyId"));
              }
            });
        if (!status.ok()) return Failure<Keys>(aliases.failure(status.error()));
        std::erase_if(ids, [&](const std::string& id) { return aws_managed.count(id) > 0; });
        if (ids.empty()) return Success(Keys{});
        auto join = std::make_shared<Join>(ctx, section, Keys{}, static_cast<int>(ids.size()));
        join->before_publish([](Keys& keys) { SortBy(keys, [](const auto& key) { return key.id; }); });
        const CallSite describe{"kms", "DescribeKey", site.region};
        for (auto& id : ids) {
          SubmitPart(ctx, join, describe,
                     [&client = ctx.client, region = site.region, id = std::move(id)](Join& joined) {
                       return ReadKey(client, region, id, joined);
                     });
        }
        return std::nullopt;
      });
}

}  // namespace posture::collect
