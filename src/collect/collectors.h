// The collectors: one per AWS service, each turning that service's read
// calls into inventory sections.
//
// A collector's Plan function looks at the sections asked for and submits
// one task per section it owns (per region for regional services), so
// independent calls run at once; sections not asked for cost no call.
// Plan functions run on the scheduler thread before the pool is waited on;
// the tasks they submit run on pool threads (see section_tasks.h).
#pragma once

#include "collect/section_tasks.h"
#include "inventory/inventory.h"

namespace posture::collect {

// Each collector: submits tasks for the requested sections it owns.
void PlanIam(CollectContext& ctx, inventory::IamInventory& iam);
void PlanEc2(CollectContext& ctx, inventory::RegionInventory& region);
void PlanElbv2(CollectContext& ctx, inventory::RegionInventory& region);
void PlanWafv2(CollectContext& ctx, inventory::RegionInventory& region);
void PlanSecurityHub(CollectContext& ctx, inventory::RegionInventory& region);
void PlanSso(CollectContext& ctx, inventory::RegionInventory& region);

}  // namespace posture::collect
