// Collection: calls AWS and fills an Inventory, every independent call in
// flight at once.
//
// CollectInventory runs one task per (collector, region) — plus the global
// IAM collector — on a bounded pool of worker threads sharing one
// AwsClient, and collects only the sections asked for. A failed call never
// aborts the scan: its section holds the CollectionError and the error is
// appended to Inventory::errors. Thread-safe: each task writes only its own
// sections; the progress callback may be called from worker threads.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "aws/client.h"
#include "inventory/inventory.h"

namespace posture::collect {

struct CollectOptions {
  std::vector<std::string> regions;  // already resolved (explicit or enabled regions)
  std::set<std::string> sections;    // section names (inventory/sections.h) to collect
  int concurrency = 64;              // worker threads = max calls in flight
  // Called after each task ends: (tasks done, tasks total).
  std::function<void(int done, int total)> progress;
};

// The account (and its partition) the client's credentials belong to: sts:GetCallerIdentity.
struct CallerIdentity {
  std::string account_id;
  std::string partition = "aws";
};
base::Result<CallerIdentity> IdentifyCaller(aws::AwsClient& client);

// An empty inventory of `account_id` over `regions` (duplicates dropped),
// collected "now".
inventory::Inventory NewInventory(const std::string& account_id, const std::string& partition,
                                  const std::vector<std::string>& regions);

// Fills an inventory for the account the client's credentials belong to.
// Fails only when the account itself cannot be identified
// (sts:GetCallerIdentity), since every finding needs the account id.
base::Result<inventory::Inventory> CollectInventory(aws::AwsClient& client, const CollectOptions& options);

}  // namespace posture::collect
