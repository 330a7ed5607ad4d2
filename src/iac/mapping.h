// Translating IaC resources into the Inventory the checks read (DESIGN.md
// principle 2: one rule, live and code).
//
// The InventoryBuilder takes resources one at a time (so a 100,000-resource
// plan never exists in memory as JSON) and hands each to the domain mapper
// that knows its type: network_mapping.cc (EC2/VPC and the public edge),
// iam_mapping.cc (IAM), storage_mapping.cc (S3, RDS, EFS, logging).
// Each mapper keeps compact typed values and, in finish(), joins the split
// resources (rules to their group, bucket facets to their bucket, policy
// attachments to their principal) and writes the inventory.
//
// Identity: an inventory object made from IaC has its Terraform address or
// CloudFormation logical id as its `id` (or `name`, or bucket `name`), so a
// finding's resource_id is the address (DESIGN.md). References to another
// resource, by marker or by its real id known from state, resolve to that
// resource's address (MappingContext::canonical_id). Not thread-safe: one
// builder per run, on one thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "iac/resource.h"
#include "inventory/inventory.h"

namespace posture::iac {

// What the run knows about one inventory object made from IaC.
struct ResourceInfo {
  std::string address;  // also the object's id in the inventory
  std::string type;     // the IaC type: "aws_security_group" / "AWS::EC2::SecurityGroup"
  SourceFormat format = SourceFormat::kTerraformPlan;
  SourceLocation location;
  std::vector<Suppression> suppressions;
  // The live id when the file knows it (state, or a plan's existing
  // resources): what `posture drift` matches against AWS.
  std::string real_id;
  // Inventory fields whose value is unknown until apply, named
  // "<Struct>.<field>" ("Instance.http_tokens", "SecurityGroup.ingress"):
  // checks reading them report ERROR "unknown until apply" (see unknowns.h).
  std::set<std::string> unknown_fields;
};

// The result of a run.
struct IacInventory {
  inventory::Inventory inventory;
  // Every inventory object made, by its id in the inventory (the address).
  std::map<std::string, ResourceInfo> resources;
  // Objects whose finding resource id is not their address (a bucket keeps
  // its real name, which its policy's ARNs name; an ARN used as the id):
  // inventory id -> address. See MappingContext::identify.
  std::map<std::string, std::string> address_of;
  // Resources of types no mapper handles, by type: count (reported, not checked).
  std::map<std::string, int> unsupported;
};

// Shared state of one run, handed to every mapper.
class MappingContext {
 public:
  explicit MappingContext(IacInventory& out) : out_(out) {}

  inventory::Inventory& inventory() { return out_.inventory; }
  // The region inventory for `region` ("" -> the run's default region),
  // created on first use.
  inventory::RegionInventory& region(const std::string& region);
  void set_default_region(std::string region) { default_region_ = std::move(region); }
  const std::string& default_region() const { return default_region_; }

  // Records the object made from `resource` (with `real_id` when known) and
  // returns its info, to which the mapper adds unknown fields.
  ResourceInfo& record(const Resource& resource, std::string real_id = {});
  // Says that the object made from `address` is known to the checks as
  // `inventory_id` (its name or ARN) rather than by its address.
  void identify(const std::string& address, const std::string& inventory_id);
  // Marks an inventory field of object `address` unknown until apply.
  void mark_unknown(const std::string& address, std::string field);
  // Remembers that `real_id` (an id, ARN or name from state) is object `address`.
  void alias(const std::string& real_id, const std::string& address);
  // The inventory id for a reference value: a $ref marker -> its address; a
  // known real id or ARN of an object of the run -> that object's address;
  // any other string -> itself; unknown or null -> "". Call in finish(),
  // once every resource is recorded.
  std::string canonical_id(const nlohmann::json& value) const;
  std::string canonical_id(const std::string& value) const;

 private:
  IacInventory& out_;
  std::string default_region_;
  std::map<std::string, std::string> aliases_;  // real id / ARN / name -> address
};

// The info of the object a finding names (by address, or by the id given
// to identify()), or nullptr.
const ResourceInfo* FindResource(const IacInventory& iac, const std::string& resource_id);

// One domain's translation.
class DomainMapper {
 public:
  virtual ~DomainMapper() = default;
  // Takes `resource` when its type is this domain's (keeping what the
  // inventory needs, never the JSON) and returns true; false otherwise.
  virtual bool add(const Resource& resource, MappingContext& context) = 0;
  // Joins split resources and writes this domain's inventory sections.
  // Sections of per-resource checks are set (possibly empty) whenever the
  // run holds any resource of the domain; account-level sections (password
  // policy, EBS default encryption, GuardDuty, trails, account Block Public
  // Access) only when the files declare them, so that a template that does
  // not manage them is not failed for their absence.
  virtual void finish(MappingContext& context) = 0;
};

std::unique_ptr<DomainMapper> NewNetworkMapper();  // network_mapping.cc
std::unique_ptr<DomainMapper> NewIamMapper();      // iam_mapping.cc
std::unique_ptr<DomainMapper> NewStorageMapper();  // storage_mapping.cc

// Feeds resources to every mapper; finish() returns the inventory.
class InventoryBuilder {
 public:
  InventoryBuilder();
  void set_default_region(std::string region);
  void add(Resource&& resource);
  IacInventory finish();

 private:
  IacInventory out_;
  MappingContext context_{out_};
  std::vector<std::unique_ptr<DomainMapper>> mappers_;
};

// ---- Comparing inventory objects (conformance tests and drift) -------------

// One inventory object's security-relevant attributes, with its own id/ARN
// left out and the ids of other objects it refers to passed through an
// IdMap, so the same resource read from a plan, a state, a template or live
// AWS compares equal (drift maps addresses to real ids; the conformance
// tests map every spelling of one resource to one label).
struct ComparableObject {
  std::string type;  // CloudFormation type name: "AWS::EC2::SecurityGroup"
  std::string id;    // the object's id in its inventory, passed through the IdMap
  std::string region;
  nlohmann::json attributes;
};
using IdMap = std::function<std::string(const std::string&)>;
void AppendNetworkComparables(const inventory::Inventory& inventory, const IdMap& ids,
                              std::vector<ComparableObject>& out);
void AppendIamComparables(const inventory::Inventory& inventory, const IdMap& ids, std::vector<ComparableObject>& out);
void AppendStorageComparables(const inventory::Inventory& inventory, const IdMap& ids,
                              std::vector<ComparableObject>& out);
// All of the above; `ids` defaults to the identity.
std::vector<ComparableObject> Comparables(const inventory::Inventory& inventory, const IdMap& ids = {});

}  // namespace posture::iac
