// Security Hub: DescribeHub, then (only when the hub is enabled) the
// enabled standards and the active CRITICAL/HIGH findings at once. The
// standards are informational: their failure is logged but leaves the
// section usable; a failed findings count fails the section, since a
// missing count would read as "no findings".
#include "collect/collectors.h"

namespace posture::collect {
namespace {

using State = inventory::SecurityHubState;
using Join = SectionJoin<State>;

// GetFindings' and GetEnabledStandards' largest page.
constexpr int kMaxResults = 100;
constexpr const char* kCountedLabels[] = {"CRITICAL", "HIGH"};
constexpr const char* kOpenWorkflows[] = {"NEW", "NOTIFIED"};

aws::Json Equals(std::initializer_list<const char*> values) {
  aws::Json list = aws::Json::array();
  for (const char* value : values) list.push_back({{"Value", value}, {"Comparison", "EQUALS"}});
  return list;
}

aws::Json ActiveFindingsQuery() {
  aws::Json filters = {{"RecordState", Equals({"ACTIVE"})},
                       {"WorkflowStatus", Equals({kOpenWorkflows[0], kOpenWorkflows[1]})},
                       {"SeverityLabel", Equals({kCountedLabels[0], kCountedLabels[1]})}};
  return {{"Filters", std::move(filters)}, {"MaxResults", kMaxResults}};
}

// The query's filter again: a server that ignores filters (moto does) must
// not inflate the counts.
bool IsActiveAndOpen(const aws::Json& finding) {
  const std::string record_state = Text(finding, "RecordState");
  if (!record_state.empty() && record_state != "ACTIVE") return false;
  const std::string workflow = Text(Member(finding, "Workflow"), "Status");
  return workflow.empty() || workflow == kOpenWorkflows[0] || workflow == kOpenWorkflows[1];
}

std::optional<inventory::CollectionError> CountFindings(aws::AwsClient& client, const CallSite& site, Join& join) {
  std::map<std::string, int> counts;
  for (const char* label : kCountedLabels) counts[label] = 0;
  auto status = ForEachItem(client, site, ActiveFindingsQuery(), "Findings", [&](const aws::Json& finding) {
    if (!IsActiveAndOpen(finding)) return;
    auto it = counts.find(Text(Member(finding, "Severity"), "Label"));
    if (it != counts.end()) ++it->second;
  });
  if (!status.ok()) return site.failure(status.error());
  join.update([&](State& state) { state.active_findings_by_severity = std::move(counts); });
  return std::nullopt;
}

void ReadStandards(aws::AwsClient& client, ErrorLog& errors, const CallSite& site, Join& join) {
  std::vector<std::string> standards;
  auto status = ForEachItem(client, site, {{"MaxResults", kMaxResults}}, "StandardsSubscriptions",
                            [&](const aws::Json& subscription) {
                              const std::string state = Text(subscription, "StandardsStatus");
                              if (state == "DELETING" || state == "FAILED") return;
                              standards.push_back(Text(subscription, "StandardsArn"));
                            });
  if (!status.ok()) {
    errors.add(site.failure(status.error()));
    return;
  }
  join.update([&](State& state) { state.standards = std::move(standards); });
}

std::optional<inventory::Collected<State>> DescribeThenDetails(CollectContext& ctx,
                                                               inventory::Collected<State>& section,
                                                               const std::string& region) {
  const CallSite site{"securityhub", "DescribeHub", region};
  auto hub = ctx.client.call(site.service, site.operation, aws::Json::object(), region);
  if (!hub.ok()) {
    // Security Hub's answer in a region where the account is not subscribed.
    if (hub.error().code() == "InvalidAccessException") return Success(State{});
    return Failure<State>(site.failure(hub.error()));
  }
  State state;
  state.enabled = true;
  state.hub_arn = Text(*hub, "HubArn");
  auto join = std::make_shared<Join>(ctx, section, std::move(state), 2);
  const CallSite standards_site{"securityhub", "GetEnabledStandards", region};
  SubmitPart(ctx, join, standards_site, [&ctx, standards_site](Join& joined) {
    ReadStandards(ctx.client, ctx.errors, standards_site, joined);
    return std::optional<inventory::CollectionError>();
  });
  const CallSite findings_site{"securityhub", "GetFindings", region};
  SubmitPart(ctx, join, findings_site, [&client = ctx.client, findings_site](Join& joined) {
    return CountFindings(client, findings_site, joined);
  });
  return std::nullopt;
}

}  // namespace

void PlanSecurityHub(CollectContext& ctx, inventory::RegionInventory& region) {
  if (!ctx.wants(inventory::kSectionSecurityHub)) return;
  auto& section = region.security_hub;
  SubmitStaged(ctx, section, CallSite{"securityhub", "DescribeHub", region.region},
               [&ctx, &section, name = region.region] { return DescribeThenDetails(ctx, section, name); });
}

}  // namespace posture::collect
