#include "cli/drift_command.h"

#include <unistd.h>

#include <iostream>
#include <set>

#include "base/strings.h"
#include "checks/check.h"
#include "cli/args.h"
#include "cli/scan_plan.h"
#include "collect/collect.h"
#include "iac/drift.h"
#include "iac/load.h"
#include "report/report.h"
#include "scan/aws_context.h"

namespace posture::cli {
namespace {

constexpr int kExitDrift = kExitFindings;

constexpr const char* kUsage =
    "usage: posture drift --state FILE [--region R,...] [--profile P] [--endpoint-url URL]\n"
    "                     [--format table|json] [--output FILE|-] [--all-types] [--max-in-flight N]\n"
    "\n"
    "Compares Terraform state (`terraform show -json` output or a .tfstate file) with the live\n"
    "account: resources no state manages (made by hand), resources in state that no longer\n"
    "exist, and changed security-relevant attributes (security group rules, public access,\n"
    "encryption, MFA and policies). Unmanaged resources are reported for the types the state\n"
    "manages (--all-types: every type posture compares). Exit codes: 0 no drift, 1 the state\n"
    "could not be read or the account not scanned, 2 usage error, 3 drift found.\n"
    "\n"
    "flags:\n";

// The sections every check on code reads: what drift compares.
std::set<std::string> CodeSections() {
  std::vector<const checks::Check*> code_checks;
  for (const auto& check : checks::AllChecks()) {
    if (check.metadata.scope == "L+C") code_checks.push_back(&check);
  }
  return checks::NeededSections(code_checks);
}

std::string Short(const nlohmann::json& value) {
  std::string text = value.is_null() ? "(none)" : value.dump();
  return text.size() > 120 ? text.substr(0, 117) + "..." : text;
}

std::string RenderDriftTable(const std::vector<iac::DriftItem>& drift, const std::string& account) {
  std::string out = "Drift between Terraform state and account " + account + "\n\n";
  if (drift.empty()) return out + "No drift.\n";
  for (const auto& item : drift) {
    std::string kind = iac::DriftKindName(item.kind);
    out += "  " + kind + std::string(11 - kind.size(), ' ') + item.type + " " + item.id + " (" + item.region + ")";
    if (!item.address.empty()) out += "  " + item.address;
    out += "\n";
    for (const auto& change : item.changes) {
      out +=
          "      " + change.attribute + ": state " + Short(change.in_state) + " -> live " + Short(change.live) + "\n";
    }
  }
  std::map<std::string, int> counts;
  for (const auto& item : drift) ++counts[iac::DriftKindName(item.kind)];
  out += "\n";
  for (const auto& [kind, count] : counts) out += std::to_string(count) + " " + kind + "  ";
  return out + "\n";
}

std::string RenderDriftJson(const std::vector<iac::DriftItem>& drift, const std::string& account,
                            const std::vector<inventory::CollectionError>& errors) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const auto& item : drift) {
    nlohmann::ordered_json entry = {
        {"kind", iac::DriftKindName(item.kind)},
        {"resource_type", item.type},
        {"resource_id", item.id},
        {"region", item.region},
        {"address", item.address.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(item.address)}};
    if (item.kind == iac::DriftItem::Kind::kChanged) {
      nlohmann::ordered_json changes = nlohmann::ordered_json::array();
      for (const auto& change : item.changes) {
        changes.push_back({{"attribute", change.attribute}, {"state", change.in_state}, {"live", change.live}});
      }
      entry["changes"] = std::move(changes);
    }
    items.push_back(std::move(entry));
  }
  nlohmann::ordered_json error_list = nlohmann::ordered_json::array();
  for (const auto& e : errors) {
    error_list.push_back({{"service", e.service},
                          {"operation", e.operation},
                          {"region", e.region},
                          {"code", e.code.empty() ? e.kind : e.code},
                          {"message", e.message}});
  }
  nlohmann::ordered_json out = {{"tool", {{"name", "posture"}, {"version", POSTURE_VERSION}}},
                                {"account_id", account},
                                {"drift", std::move(items)},
                                {"errors", std::move(error_list)}};
  return out.dump(2) + "\n";
}

}  // namespace

int RunDriftCommand(const std::vector<std::string>& argv) {
  Args args("drift");
  args.flag("--state", Args::Kind::kValue, "FILE", "Terraform state: `terraform show -json` output or .tfstate")
      .flag("--profile", Args::Kind::kValue, "NAME", "profile from ~/.aws/config")
      .flag("--region", Args::Kind::kValue, "R,...", "regions to compare (default: the state's, else AWS_REGION)")
      .flag("--endpoint-url", Args::Kind::kValue, "URL", "send every request to this endpoint")
      .flag("--format", Args::Kind::kValue, "FORMAT", "table (default) or json")
      .flag("--output", Args::Kind::kValue, "FILE", "write the report to FILE (- for stdout)")
      .flag("--all-types", Args::Kind::kBool, "", "report unmanaged resources of every compared type")
      .flag("--max-in-flight", Args::Kind::kValue, "N", "most AWS calls in flight at once (64)")
      .flag("--help", Args::Kind::kBool, "", "show this help");
  if (auto exit = ParseCommandLine(args, argv, kUsage)) return *exit;
  auto state_path = args.value("--state");
  if (!state_path || !args.positional().empty()) {
    std::cerr << "posture drift: --state FILE is required (and no other argument)\n";
    return kExitUsage;
  }
  std::string format = args.value_or("--format", "table");
  if (format != "table" && format != "json") {
    std::cerr << "posture drift: unknown --format '" << format << "' (table, json)\n";
    return kExitUsage;
  }
  int concurrency = 64;
  if (!WholeNumberFlag(args, "drift", "--max-in-flight", 1024, concurrency)) return kExitUsage;
  if (concurrency == 0) {
    std::cerr << "posture drift: --max-in-flight must be at least 1\n";
    return kExitUsage;
  }
  std::vector<std::string> regions = base::SplitList(args.value_or("--region", ""));
  scan::AwsFlags flags{args.value_or("--profile", ""), regions.empty() ? "" : regions.front(),
                       args.value_or("--endpoint-url", ""), 0};
  auto context = scan::AwsContext::Create(flags, aws::RealEnvironment());
  if (!context.ok()) {
    std::cerr << "posture: " << context.error().describe() << "\n";
    return kExitFailed;
  }

  iac::LoadOptions load;
  load.region = regions.empty() ? (*context)->region() : regions.front();
  iac::LoadResult state = iac::LoadIac({*state_path}, load);
  for (const auto& error : state.errors) std::cerr << "posture drift: " << error.text() << "\n";
  if (!state.errors.empty()) return kExitFailed;
  for (const auto& file : state.files) {
    if (file.format != iac::SourceFormat::kTerraformState) {
      std::cerr << "posture drift: " << file.path << " is a " << iac::SourceFormatName(file.format)
                << ", not Terraform state (use `terraform show -json` or the .tfstate file)\n";
      return kExitUsage;
    }
  }
  if (regions.empty()) {
    for (const auto& region : state.iac.inventory.regions) regions.push_back(region.region);
    if (regions.empty()) regions.push_back(load.region);
  }

  collect::CollectOptions options;
  options.regions = regions;
  options.sections = CodeSections();
  options.concurrency = concurrency;
  auto live = collect::CollectInventory((*context)->client(), options);
  if (!live.ok()) {
    std::cerr << "posture: cannot identify the account: " << live.error().describe() << "\n";
    return kExitFailed;
  }
  for (const auto& error : live->errors) {
    std::cerr << "posture drift: warning: " << error.service << ":" << error.operation << " failed"
              << (error.region.empty() ? "" : " in " + error.region) << ": " << error.message
              << " (resources it lists are not compared)\n";
  }
  std::map<std::string, std::string> address_of;
  auto in_state = iac::StateComparables(state.iac, address_of);
  auto now = iac::Comparables(*live);
  // A type whose live listing failed cannot say what is missing or unmanaged.
  auto drift = iac::CompareWithState(in_state, now, address_of, args.has("--all-types"));
  if (!live->errors.empty()) {
    std::set<std::string> live_types;
    for (const auto& object : now) live_types.insert(object.type);
    std::erase_if(drift, [&](const iac::DriftItem& item) {
      return item.kind == iac::DriftItem::Kind::kMissing && !live_types.count(item.type);
    });
  }

  std::string text = format == "json" ? RenderDriftJson(drift, live->account_id, live->errors)
                                      : RenderDriftTable(drift, live->account_id);
  if (!WriteOutput(args.value_or("--output", "-"), text)) {
    std::cerr << "posture: cannot write the report\n";
    return kExitFailed;
  }
  return drift.empty() ? kExitOk : kExitDrift;
}

}  // namespace posture::cli
