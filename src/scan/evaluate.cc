#include "scan/evaluate.h"

#include "telemetry/trace_context.h"

namespace posture::scan {

std::vector<checks::Finding> EvaluateChecks(const inventory::Inventory& inventory,
                                            const std::vector<const checks::Check*>& checks,
                                            const checks::CheckSettings& settings) {
  std::vector<checks::Finding> findings;
  for (const checks::Check* check : checks) {
    if (check == nullptr) continue;
    telemetry::CheckSpan span(check->metadata.id, inventory.account_id);
    const size_t before = findings.size();
    checks::EvaluateCheck(inventory, *check, settings, findings);
    span.findings(static_cast<int64_t>(findings.size() - before));
  }
  return findings;
}

}  // namespace posture::scan
