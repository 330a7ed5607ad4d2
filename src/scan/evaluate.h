// Running checks inside a scan: checks::EvaluateChecks with one trace span
// per check (its id, the account, how many findings it produced). Safe to
// call from any thread; spans nest under the caller's current span.
#pragma once

#include <vector>

#include "checks/check.h"

namespace posture::scan {

std::vector<checks::Finding> EvaluateChecks(const inventory::Inventory& inventory,
                                            const std::vector<const checks::Check*>& checks,
                                            const checks::CheckSettings& settings);

}  // namespace posture::scan
