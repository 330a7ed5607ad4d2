// The section table: every section of the inventory, once.
//
// A section is one Collected<T> member of the inventory (inventory.h),
// named "<group>.<member>" after where it lives, or a per-resource facet of
// a section's items ("s3.buckets.policy" is Bucket::policy of every bucket
// in "s3.buckets"). Its row says what the collectors call to fill it and
// which inventory types it provides, and gives type-erased access to it, so
// that code handling every section alike — which sections a check needs,
// which ones an IaC run describes, the test fixtures — reads this table and
// never lists sections by hand. Adding a section is one row here plus its
// member, its collector and (for code) its mapper.
//
// The table is immutable and thread-safe; the accessors touch only the
// inventory they are given.
#pragma once

#include <string_view>
#include <vector>

#include "inventory/inventory.h"

namespace posture::inventory {

enum class SectionScope {
  kGlobal,        // once per account (IAM, S3's bucket list, CloudFront)
  kRegional,      // once per region
  kPerResource,   // one call per item of its parent section
  kOrganization,  // once, from the account that manages the organization
};
const char* SectionScopeName(SectionScope scope);  // "global", "regional", "per resource", "organization"

struct Section {
  std::string_view name;        // "ec2.security_groups"
  SectionScope scope = SectionScope::kGlobal;
  std::string_view service;     // the AWS service called ("ec2", "sso-admin")
  std::string_view operations;  // the calls that fill it, comma-separated; failures name the first
  // The inventory structs it fills ("SecurityGroup, SecurityGroupRule");
  // a facet names its member ("Bucket.policy").
  std::string_view provides;
  std::string_view parent;  // kPerResource: the section whose items carry it

  // Collected or failed (in any region); facets: their parent is.
  bool (*present)(const Inventory& inventory) = nullptr;
  // Fails the section: regional ones in error.region, facets on every item.
  void (*fail)(Inventory& inventory, const CollectionError& error) = nullptr;
  // Collects the section as empty (T{}) everywhere; facets: nothing to do.
  void (*set_empty)(Inventory& inventory) = nullptr;

  // The first of `operations`.
  std::string_view operation() const;
};

// Every section, in inventory order.
const std::vector<Section>& AllSections();
// The section named `name`, or nullptr.
const Section* FindSection(std::string_view name);

// The section a field ("Bucket.policy", "SecurityGroup.ingress",
// "IamUser.*") is read from: the facet providing exactly that member, else
// the section providing its struct; nullptr when none does.
const Section* SectionOfField(std::string_view field);

}  // namespace posture::inventory
