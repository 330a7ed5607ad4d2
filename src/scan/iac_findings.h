// Running the checks on an inventory made from IaC (src/iac) and tying each
// finding back to the code: which checks apply to code, where the resource
// is written, in-code suppressions, and values known only after apply.
// Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "checks/check.h"
#include "iac/mapping.h"

namespace posture::scan {

// True when the inventory holds `section` (a name from inventory/sections.h) as a value or
// an error; IaC leaves sections the files do not describe unset.
bool SectionPresent(const inventory::Inventory& inventory, std::string_view section);

// The checks among `candidates` that run on code: scope L+C, and every
// section they read described by the files (a template that does not
// manage GuardDuty is not failed for lacking a detector).
std::vector<const checks::Check*> ChecksForCode(const inventory::Inventory& inventory,
                                                const std::vector<const checks::Check*>& candidates);

// Drops verdicts about account-level settings the files do not declare,
// gives each finding its location (file, line, address, module source),
// mutes findings the resource suppresses for that check (with the reason),
// and turns a PASS or FAIL that depends on a value unknown until apply into
// ERROR "unknown until apply: <field>". Which fields a check reads and which
// resource types declare an account-level setting come from its metadata
// (checks::FieldsReadBy, checks::DeclaringTypes).
void AnnotateCodeFindings(const iac::IacInventory& iac, std::vector<checks::Finding>& findings);

}  // namespace posture::scan
