// IAM Access Analyzer: every analyzer of a region (ListAnalyzers, paged).
#include "collect/collectors.h"

namespace posture::collect {
namespace {

// ListAnalyzers' largest page.
constexpr int kMaxResults = 100;

}  // namespace

void PlanAccessAnalyzer(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants("accessanalyzer.analyzers")) return;
  SubmitList(ctx, region.accessanalyzer.analyzers, CallSite{"accessanalyzer", "ListAnalyzers", region.region},
             {{"maxResults", kMaxResults}}, "analyzers",
             [](const aws::Json& item, std::vector<inventory::AccessAnalyzer>& out) {
               out.push_back({Text(item, "arn"), Text(item, "name"), Text(item, "type"), Text(item, "status")});
             });
}

}  // namespace posture::collect
