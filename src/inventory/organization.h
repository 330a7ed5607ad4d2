// The OU tree of an AWS Organization: finding accounts and units, the path
// from an account up to the root, and its OU path by name. Used by the
// organization collector (which OUs a scan chooses) and the organization
// checks (which SCPs reach an account). Pure functions: thread-safe;
// pointers returned point into the argument.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "inventory/inventory.h"

namespace posture::inventory {

// The account with `account_id`, or nullptr.
const OrgAccount* FindAccount(const Organization& org, std::string_view account_id);
// The root or OU with `id`, or nullptr.
const OrganizationalUnit* FindUnit(const Organization& org, std::string_view id);
// The name of the unit or account with `id`; the id when it has none or is unknown.
std::string NodeName(const Organization& org, const std::string& id);

// The ids from the account up to the root: the account id, the OU holding
// it, that OU's parents..., the root. The walk stops at an id the
// organization does not list (kept: the account is known to sit under it)
// and at an id already seen (a broken tree must not loop); the
// organization's root id is always last. An unknown account yields only its
// own id and the root id.
std::vector<std::string> AncestorIds(const Organization& org, std::string_view account_id);

// The names of the OUs from the root down to the one holding the account:
// "Root/Workloads/Prod". A unit the organization does not list shows as
// its id and the path starts there ("ou-gone/Prod"); "" for an unknown
// account.
std::string OuPath(const Organization& org, std::string_view account_id);

}  // namespace posture::inventory
