// Drift: what differs between Terraform state and the live estate, compared
// on the security-relevant attributes of each object (Comparables).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "iac/mapping.h"

namespace posture::iac {

struct AttributeChange {
  std::string attribute;  // top-level attribute of the comparable: "ingress", "encrypted"
  nlohmann::json in_state;
  nlohmann::json live;
};

struct DriftItem {
  enum class Kind { kUnmanaged, kMissing, kChanged };
  Kind kind = Kind::kChanged;
  std::string type;     // "AWS::EC2::SecurityGroup"
  std::string id;       // the live id (or the state's, for missing resources)
  std::string region;
  std::string address;  // Terraform address; "" for unmanaged resources
  std::vector<AttributeChange> changes;  // kChanged only
};

const char* DriftKindName(DriftItem::Kind kind);  // "unmanaged", "missing", "changed"

// Compares the state's objects (ids already mapped to live ids; `address_of`
// gives each live id's Terraform address) with the live objects. Live
// objects AWS creates on its own (default VPCs, security groups and network
// ACLs, AWS managed policies, service-linked roles) are not reported as
// unmanaged unless the state manages them. Only types the state holds at
// least one of, or that `all_types` is true for, are checked for unmanaged
// objects.
std::vector<DriftItem> CompareWithState(const std::vector<ComparableObject>& state,
                                        const std::vector<ComparableObject>& live,
                                        const std::map<std::string, std::string>& address_of,
                                        bool all_types = false);

// The comparables of a state inventory, with ids (own and referenced) mapped
// to the live ids the state records (ResourceInfo::real_id), and the map
// from live id to address.
std::vector<ComparableObject> StateComparables(const IacInventory& state,
                                               std::map<std::string, std::string>& address_of);

}  // namespace posture::iac
