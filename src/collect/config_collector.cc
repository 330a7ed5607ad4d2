// AWS Config: the region's configuration recorders
// (DescribeConfigurationRecorders) and whether each is recording
// (DescribeConfigurationRecorderStatus), both at once, merged by recorder
// name. A region with no recorder answers with empty lists: a value.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using Recorders = std::vector<inv::ConfigRecorder>;
using Join = SectionJoin<Recorders>;

inv::ConfigRecorder& Named(Recorders& recorders, const std::string& name) {
  for (auto& recorder : recorders) {
    if (recorder.name == name) return recorder;
  }
  recorders.emplace_back().name = name;
  return recorders.back();
}

}  // namespace

void PlanConfig(CollectContext& ctx, inv::RegionInventory& region) {
  if (!ctx.wants("config.recorders")) return;
  auto join = std::make_shared<Join>(ctx, region.config.recorders, Recorders{}, 2);
  aws::AwsClient& client = ctx.client;

  const CallSite recorders{"config", "DescribeConfigurationRecorders", region.region};
  SubmitPart(ctx, join, recorders, [&client, site = recorders](Join& joined) -> std::optional<inv::CollectionError> {
    auto answer = client.call(site.service, site.operation, aws::Json::object(), site.region);
    if (!answer.ok()) return site.failure(answer.error());
    joined.update([&](Recorders& list) {
      for (const auto& item : Items(*answer, "ConfigurationRecorders")) {
        inv::ConfigRecorder& recorder = Named(list, Text(item, "name"));
        const auto& group = Member(item, "recordingGroup");
        recorder.all_supported = Flag(group, "allSupported");
        recorder.include_global_resource_types = Flag(group, "includeGlobalResourceTypes");
      }
    });
    return std::nullopt;
  });

  const CallSite statuses{"config", "DescribeConfigurationRecorderStatus", region.region};
  SubmitPart(ctx, join, statuses, [&client, site = statuses](Join& joined) -> std::optional<inv::CollectionError> {
    auto answer = client.call(site.service, site.operation, aws::Json::object(), site.region);
    if (!answer.ok()) return site.failure(answer.error());
    joined.update([&](Recorders& list) {
      for (const auto& item : Items(*answer, "ConfigurationRecordersStatus")) {
        inv::ConfigRecorder& recorder = Named(list, Text(item, "name"));
        recorder.recording = Flag(item, "recording");
        recorder.last_status = Text(item, "lastStatus");
      }
    });
    return std::nullopt;
  });
}

}  // namespace posture::collect
