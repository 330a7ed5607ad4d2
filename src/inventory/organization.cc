#include "inventory/organization.h"

#include <algorithm>
#include <set>

namespace posture::inventory {
namespace {

// The OUs above an account, from the one holding it upwards (see AncestorIds).
std::vector<std::string> UnitsAbove(const Organization& org, std::string_view account_id) {
  std::vector<std::string> units;
  const auto* account = FindAccount(org, account_id);
  if (account == nullptr) return units;
  std::set<std::string, std::less<>> seen = {std::string(account_id)};
  std::string next = account->parent_id;
  while (!next.empty() && seen.insert(next).second) {
    units.push_back(next);
    const auto* unit = FindUnit(org, next);
    if (unit == nullptr) break;
    next = unit->parent_id;
  }
  return units;
}

}  // namespace

const OrgAccount* FindAccount(const Organization& org, std::string_view account_id) {
  for (const auto& account : org.accounts) {
    if (account.id == account_id) return &account;
  }
  return nullptr;
}

const OrganizationalUnit* FindUnit(const Organization& org, std::string_view id) {
  for (const auto& unit : org.units) {
    if (unit.id == id) return &unit;
  }
  return nullptr;
}

std::string NodeName(const Organization& org, const std::string& id) {
  if (const auto* unit = FindUnit(org, id); unit != nullptr && !unit->name.empty()) return unit->name;
  if (const auto* account = FindAccount(org, id); account != nullptr && !account->name.empty()) return account->name;
  return id;
}

std::vector<std::string> AncestorIds(const Organization& org, std::string_view account_id) {
  std::vector<std::string> ids = {std::string(account_id)};
  for (auto& unit : UnitsAbove(org, account_id)) ids.push_back(std::move(unit));
  // Whatever the state of the tree, every account sits under the root.
  if (!org.root_id.empty() && std::find(ids.begin(), ids.end(), org.root_id) == ids.end()) {
    ids.push_back(org.root_id);
  }
  return ids;
}

std::string OuPath(const Organization& org, std::string_view account_id) {
  const auto units = UnitsAbove(org, account_id);
  std::string path;
  for (auto it = units.rbegin(); it != units.rend(); ++it) {
    if (!path.empty()) path += "/";
    path += NodeName(org, *it);
  }
  return path;
}

}  // namespace posture::inventory
