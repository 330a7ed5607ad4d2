// What the logging and monitoring checks derive from trails: which events a
// trail's selectors record, and which trails cover the whole account (the
// trails CIS 3.1 and 4.x build on). Pure functions over the inventory:
// thread-safe.
#pragma once

#include <string>
#include <vector>

#include "checks/check.h"
#include "inventory/inventory.h"

namespace posture::checks {

// Which reads and writes a trail's selectors record, with what keeps a
// kind from being complete ("excludes management events from kms.amazonaws.com").
struct EventCoverage {
  bool read = false;
  bool write = false;
  std::vector<std::string> gaps;
  bool all() const { return read && write; }
};

// Management events (classic IncludeManagementEvents / advanced
// eventCategory = Management with no other restriction than readOnly).
EventCoverage ManagementEvents(const inventory::TrailSelectors& selectors);
// S3 object data events for every bucket (classic DataResources
// AWS::S3::Object on "arn:<partition>:s3" or "arn:<partition>:s3:::";
// advanced eventCategory = Data, resources.type = AWS::S3::Object, with no
// other restriction than readOnly).
EventCoverage S3ObjectEvents(const inventory::TrailSelectors& selectors);

// A trail with the region its inventory entry came from.
struct TrailRef {
  const inventory::RegionInventory* region;
  const inventory::Trail* trail;
};

// Every collected trail; emits one ERROR per region whose listing failed
// and sets `incomplete`.
std::vector<TrailRef> CollectedTrails(const inventory::Inventory& inventory, FindingSink& sink, bool& incomplete);

// Whether `trail` is multi-region, logging and records every management
// event. Emits an ERROR (and sets `incomplete`) when its status or
// selectors are missing; otherwise, when it does not qualify, says why in
// `why` ("is not logging").
bool CoversAccount(const TrailRef& ref, FindingSink& sink, bool& incomplete, std::string& why);

// "arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/logs" (the
// trail's CloudWatchLogsLogGroupArn without its ":*" suffix).
std::string LogGroupArn(const inventory::Trail& trail);

}  // namespace posture::checks
