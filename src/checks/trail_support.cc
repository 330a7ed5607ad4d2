#include "checks/trail_support.h"

#include <algorithm>

#include "checks/check_support.h"

namespace posture::checks {
namespace {

using inventory::AdvancedEventSelector;
using inventory::FieldSelector;

bool Only(const std::vector<std::string>& values, std::string_view value) {
  return values.size() == 1 && values.front() == value;
}

bool HasCondition(const FieldSelector& field) {
  return !field.equals.empty() || !field.not_equals.empty() || !field.starts_with.empty() ||
         !field.not_starts_with.empty() || !field.ends_with.empty() || !field.not_ends_with.empty();
}

bool OnlyEquals(const FieldSelector& field, std::string_view value) {
  return Only(field.equals, value) && field.not_equals.empty() && field.starts_with.empty() &&
         field.not_starts_with.empty() && field.ends_with.empty() && field.not_ends_with.empty();
}

// "arn:aws:s3" or "arn:aws:s3:::" (any partition): every bucket.
bool AllBuckets(const std::string& value) {
  if (!value.starts_with("arn:")) return false;
  const size_t colon = value.find(':', 4);
  if (colon == std::string::npos) return false;
  const std::string_view rest = std::string_view(value).substr(colon);
  return rest == ":s3" || rest == ":s3:::";
}

// Adds what an advanced selector records to `coverage` when its fields are
// `category` plus the `required` ones (each Equals exactly one value), and
// optionally readOnly; other fields narrow it, which `gaps` notes.
void AddAdvanced(const AdvancedEventSelector& selector, std::string_view category,
                 const std::vector<std::pair<std::string_view, std::string_view>>& required, EventCoverage& coverage) {
  bool category_ok = false;
  size_t required_ok = 0;
  bool read = true, write = true;
  std::vector<std::string> narrowing;
  for (const auto& field : selector.fields) {
    if (field.field == "eventCategory") {
      category_ok = OnlyEquals(field, category);
      if (!category_ok) return;
      continue;
    }
    if (field.field == "readOnly") {
      if (OnlyEquals(field, "true")) {
        write = false;
      } else if (OnlyEquals(field, "false")) {
        read = false;
      } else if (HasCondition(field)) {
        narrowing.push_back("readOnly");
      }
      continue;
    }
    const auto want =
        std::find_if(required.begin(), required.end(), [&](const auto& pair) { return pair.first == field.field; });
    if (want != required.end()) {
      if (!OnlyEquals(field, want->second)) return;  // records something else
      ++required_ok;
      continue;
    }
    if (HasCondition(field)) narrowing.push_back(field.field);
  }
  if (!category_ok || required_ok != required.size()) return;
  const std::string name = selector.name.empty() ? "an advanced event selector" : "selector \"" + selector.name + "\"";
  if (!narrowing.empty()) {
    coverage.gaps.push_back(name + " is restricted by " + base::Join(narrowing));
    return;
  }
  coverage.read = coverage.read || read;
  coverage.write = coverage.write || write;
}

void AddReadWrite(const std::string& type, EventCoverage& coverage) {
  if (type == "All" || type == "ReadOnly") coverage.read = true;
  if (type == "All" || type == "WriteOnly") coverage.write = true;
}

}  // namespace

EventCoverage ManagementEvents(const inventory::TrailSelectors& selectors) {
  EventCoverage coverage;
  for (const auto& selector : selectors.event_selectors) {
    if (!selector.include_management_events) continue;
    if (!selector.exclude_management_event_sources.empty()) {
      coverage.gaps.push_back("excludes management events from " +
                              base::Join(selector.exclude_management_event_sources));
      continue;
    }
    AddReadWrite(selector.read_write_type, coverage);
  }
  for (const auto& selector : selectors.advanced) AddAdvanced(selector, "Management", {}, coverage);
  return coverage;
}

EventCoverage S3ObjectEvents(const inventory::TrailSelectors& selectors) {
  EventCoverage coverage;
  for (const auto& selector : selectors.event_selectors) {
    for (const auto& resource : selector.data_resources) {
      if (resource.type != "AWS::S3::Object") continue;
      if (std::any_of(resource.values.begin(), resource.values.end(), AllBuckets)) {
        AddReadWrite(selector.read_write_type, coverage);
      } else if (!resource.values.empty()) {
        coverage.gaps.push_back("records S3 object events only for " + base::Join(resource.values));
      }
    }
  }
  for (const auto& selector : selectors.advanced) {
    AddAdvanced(selector, "Data", {{"resources.type", "AWS::S3::Object"}}, coverage);
  }
  return coverage;
}

std::vector<TrailRef> CollectedTrails(const inventory::Inventory& inventory, FindingSink& sink, bool& incomplete) {
  std::vector<TrailRef> trails;
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.cloudtrail.trails, region.region)) {
      incomplete = true;
      continue;
    }
    for (const auto& trail : *region.cloudtrail.trails) trails.push_back({&region, &trail});
  }
  return trails;
}

bool CoversAccount(const TrailRef& ref, FindingSink& sink, bool& incomplete, std::string& why) {
  const auto& trail = *ref.trail;
  if (!trail.multi_region) {
    why = "trail " + trail.name + " is single-region";
    return false;
  }
  if (!sink.require(trail.logging, ref.region->region) || !sink.require(trail.selectors, ref.region->region)) {
    incomplete = true;
    return false;
  }
  if (!*trail.logging) {
    why = "multi-region trail " + trail.name + " is not logging";
    return false;
  }
  const EventCoverage management = ManagementEvents(*trail.selectors);
  if (!management.all()) {
    why = "multi-region trail " + trail.name + " records " +
          (management.read    ? "only read"
           : management.write ? "only write"
                              : "no") +
          " management events";
    if (!management.gaps.empty()) why += " (" + base::Join(management.gaps, "; ") + ")";
    return false;
  }
  return true;
}

std::string LogGroupArn(const inventory::Trail& trail) {
  std::string arn = trail.log_group_arn;
  if (arn.ends_with(":*")) arn.erase(arn.size() - 2);
  return arn;
}

}  // namespace posture::checks
