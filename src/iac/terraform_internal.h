// Internals of the Terraform reader (terraform*.cc), shared by its files and
// by nothing else. simdjson errors and Failure are exceptions inside the
// reader; ReadTerraform turns them into a ParseError.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "iac/resource.h"

namespace posture::iac::terraform {

namespace od = simdjson::ondemand;

// A semantic error at a byte offset of the text (a wrong version, a missing key).
struct Failure {
  std::size_t offset = 0;
  std::string message;
};

// What every part of one read shares.
struct ReadContext {
  const std::string& file;
  const char* base;  // the parsed buffer: offsets are pointer - base
  const ResourceSink& sink;
  SourceFormat format = SourceFormat::kTerraformPlan;
};

// ---- Values (terraform_values.cc) -------------------------------------------------
// An object key without copying when it has no escapes (the view lives until the
// document is rewound).
std::string_view KeyOf(od::field& field);
// A string value, likewise.
std::string_view StringOf(od::value value);
// Any value as JSON.
nlohmann::json ToJson(od::value value);
// The byte offset of `value`'s first token.
std::size_t OffsetOf(od::value& value, const char* base);

// "[0]" or "[\"key\"]" for an instance key (null -> "").
std::string IndexSuffix(const nlohmann::json& key);
// "module.a[0].module.b[\"k\"]" -> "module.a.module.b".
std::string StripInstanceKeys(std::string_view module_address);
// Joins a module address and a module-relative address with '.'.
std::string JoinAddress(std::string_view module_address, std::string_view relative);
// Terraform tags `posture:ignore:<check_id> = "<reason>"` of values.tags and
// values.tags_all (each check id once).
std::vector<Suppression> TagSuppressions(const nlohmann::json& values);
// The resource's own region: a `region` attribute (AWS provider 6), else the
// region part of its `arn`; "" when neither says.
std::string RegionOfValues(const nlohmann::json& values);
// Fills region (falling back to `provider_region`) and suppressions, then sends.
void Emit(ReadContext& context, std::string address, std::string type, nlohmann::json values,
          const std::string& provider_region, const std::string& module_source);

// ---- Plan configuration (terraform_references.cc) ----------------------------------
// What `configuration`, `prior_state` and `variables` say that the resource
// changes need: per resource (keyed by module path without instance keys +
// "[data.]type.name") the attribute expressions reduced to their references,
// and the provider's region; the modules' sources; plus every count/for_each
// instance address, to resolve a reference to the matching instance.
struct ResourceConfig {
  // Attribute -> a reference list (array of strings), a nested block (object)
  // or a list of blocks (array of objects/nulls); attributes without
  // references are left out.
  nlohmann::json expressions;
  std::string provider_key;
  std::string region;  // resolved after the first pass
};

struct PlanConfig {
  std::unordered_map<std::string, ResourceConfig> resources;
  std::unordered_map<std::string, std::string> module_sources;  // "module.a.module.b" -> "./modules/b"
  // provider_config key -> region expression (constant string, or "var.<name>").
  std::unordered_map<std::string, std::string> provider_regions;
  std::unordered_map<std::string, std::string> variables;  // root variables with string values
  // "module.a.module.b" + ":" + output name -> the output's references (relative to module b).
  std::unordered_map<std::string, std::vector<std::string>> module_outputs;
  // Base address (with module instance keys) -> its first instance address seen.
  std::unordered_map<std::string, std::string> first_instance;
  std::unordered_set<std::string> instances;
  // Known values of data sources (prior_state, or read during plan), by full address.
  std::unordered_map<std::string, nlohmann::json> data_values;

  // Reads `configuration` into this.
  void ReadConfiguration(od::value configuration);
  // Records an instance address ("aws_x.y[0]", "module.m.aws_x.y[\"k\"]").
  void NoteInstance(const std::string& address);
  // Resolves provider regions into each resource config (after the first pass).
  void Finish();
  // The config of the resource (mode "managed"/"data") in module `module_address`, or nullptr.
  const ResourceConfig* Find(std::string_view module_address, std::string_view mode, std::string_view type,
                             std::string_view name) const;
  // The region of resources with no resource config in module `module_address`.
  std::string DefaultRegion(std::string_view module_address) const;
  // The source of module `module_address` ("" for the root).
  std::string ModuleSource(std::string_view module_address) const;
};

// A resolved reference: the address of an instance (or data source) and the attribute named.
struct ResolvedReference {
  std::string address;
  std::string attribute;
};

// Resolves a reference list written in module `module_address` by the
// resource whose instance suffix is `own_index` ("[2]", or "").
std::vector<ResolvedReference> ResolveReferences(const PlanConfig& config, const nlohmann::json& references,
                                                 std::string_view module_address, std::string_view own_index);

// Writes Unknown("known after apply") markers into `after` wherever
// `after_unknown` says true, carrying references from `config`'s expressions.
void ApplyUnknowns(nlohmann::json& after, const nlohmann::json& after_unknown, const ResourceConfig* config,
                   const PlanConfig& plan, std::string_view module_address, std::string_view own_index);
// The same, reading after_unknown from the document (no JSON copy of it).
void ApplyUnknowns(nlohmann::json& after, od::value after_unknown, const ResourceConfig* config, const PlanConfig& plan,
                   std::string_view module_address, std::string_view own_index);

// ---- Readers ------------------------------------------------------------------------
// `terraform show -json` values / plan planned_values: {"root_module": {...}}.
void ReadStateValues(ReadContext& context, od::value values, const PlanConfig* config);
// Known data source values of prior_state's values into config.data_values.
void ReadDataValues(od::value values, PlanConfig& config);
// Raw .tfstate version 4 `resources`.
void ReadRawStateResources(ReadContext& context, od::value resources);
// Plan `resource_changes`.
void ReadResourceChanges(ReadContext& context, od::value changes, const PlanConfig& config);
// First pass over `resource_changes`: instance addresses and data values read during plan.
void ScanResourceChanges(od::value changes, PlanConfig& config);

}  // namespace posture::iac::terraform
