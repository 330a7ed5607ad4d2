// Security Hub, as two independent sections:
// - state: DescribeHub, then (only when the hub is enabled) the enabled
//   standards. The standards are informational: their failure is logged but
//   leaves the section usable.
// - findings: the active CRITICAL/HIGH findings, counted by severity. A
//   region that is not subscribed answers InvalidAccessException, which is a
//   value (hub disabled), not an error; any other failure fails the section,
//   since a missing count would read as "no findings".
#include "collect/collectors.h"

namespace posture::collect {
namespace {

using State = inventory::SecurityHubState;
using Findings = inventory::SecurityHubFindings;

// GetFindings' and GetEnabledStandards' largest page.
constexpr int kMaxResults = 100;
constexpr const char* kCountedLabels[] = {"CRITICAL", "HIGH"};
constexpr const char* kOpenWorkflows[] = {"NEW", "NOTIFIED"};

// Security Hub's answer in a region where the account is not subscribed.
bool IsNotSubscribed(const base::Error& error) { return error.code() == "InvalidAccessException"; }

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

inventory::Collected<Findings> CountFindings(aws::AwsClient& client, const CallSite& site) {
  Findings out;
  out.hub_enabled = true;
  for (const char* label : kCountedLabels) out.active_by_severity[label] = 0;
  auto status = ForEachItem(client, site, ActiveFindingsQuery(), "Findings", [&](const aws::Json& finding) {
    if (!IsActiveAndOpen(finding)) return;
    auto it = out.active_by_severity.find(Text(Member(finding, "Severity"), "Label"));
    if (it != out.active_by_severity.end()) ++it->second;
  });
  if (!status.ok()) {
    if (IsNotSubscribed(status.error())) return Success(Findings{});
    return Failure<Findings>(site.failure(status.error()));
  }
  return Success(std::move(out));
}

std::vector<std::string> ReadStandards(aws::AwsClient& client, ErrorLog& errors, const CallSite& site) {
  std::vector<std::string> standards;
  auto status = ForEachItem(client, site, {{"MaxResults", kMaxResults}}, "StandardsSubscriptions",
                            [&](const aws::Json& subscription) {
                              const std::string state = Text(subscription, "StandardsStatus");
                              if (state == "DELETING" || state == "FAILED") return;
                              standards.push_back(Text(subscription, "StandardsArn"));
                            });
  if (!status.ok()) {
    errors.add(site.failure(status.error()));
    return {};
  }
  return standards;
}

inventory::Collected<State> DescribeHub(CollectContext& ctx, const std::string& region) {
  const CallSite site{"securityhub", "DescribeHub", region};
  auto hub = ctx.client.call(site.service, site.operation, aws::Json::object(), region);
  if (!hub.ok()) {
    if (IsNotSubscribed(hub.error())) return Success(State{});
    return Failure<State>(site.failure(hub.error()));
  }
  State state;
  state.enabled = true;
  state.hub_arn = Text(*hub, "HubArn");
  state.standards = ReadStandards(ctx.client, ctx.errors, CallSite{"securityhub", "GetEnabledStandards", region});
  return Success(std::move(state));
}

}  // namespace

void PlanSecurityHub(CollectContext& ctx, inventory::RegionInventory& region) {
  if (ctx.wants("securityhub.hub")) {
    SubmitSection(ctx, region.securityhub.hub, CallSite{"securityhub", "DescribeHub", region.region},
                  [&ctx, name = region.region] { return DescribeHub(ctx, name); });
  }
  if (ctx.wants("securityhub.findings")) {
    const CallSite site{"securityhub", "GetFindings", region.region};
    SubmitSection(ctx, region.securityhub.findings, site,
                  [&client = ctx.client, site] { return CountFindings(client, site); });
  }
}

}  // namespace posture::collect
