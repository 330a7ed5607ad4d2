// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps,
// SonarQube): one rule per check that reported, one result per FAIL finding
// with the file and line of the resource. ERROR findings (could not
// evaluate) become tool notifications, not alerts; muted findings carry an
// in-source suppression with its reason.
#include <map>
#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "frameworks/framework.h"
#include "report/report.h"

namespace posture::report {
namespace {

using ordered_json = nlohmann::ordered_json;

// GitHub ranks alerts by `security-severity` (0-10): >= 9 critical, >= 7 high, >= 4 medium.
const char* SecuritySeverity(checks::Severity severity) {
  switch (severity) {
    case checks::Severity::kCritical:
      return "9.5";
    case checks::Severity::kHigh:
      return "8.0";
    case checks::Severity::kMedium:
      return "5.5";
    case checks::Severity::kLow:
      return "3.0";
    case checks::Severity::kInfo:
      return "0.0";
  }
  return "0.0";
}

const char* Level(checks::Severity severity) {
  if (checks::SeverityRank(severity) >= checks::SeverityRank(checks::Severity::kHigh)) return "error";
  if (severity == checks::Severity::kMedium) return "warning";
  return "note";
}

// "TitleCaseName" from a snake_case check id, as SARIF's `name` suggests.
std::string RuleName(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '_') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return name;
}

ordered_json Rule(const checks::Check& check) {
  const auto& m = check.metadata;
  std::string help = std::string(m.risk) + "\n\nRemediation (AWS CLI): " + std::string(m.remediation) +
                     "\n\nRemediation (Terraform):\n" + std::string(m.remediation_terraform);
  std::string markdown = std::string(m.risk) + "\n\n**Remediation (AWS CLI)**\n\n```\n" + std::string(m.remediation) +
                         "\n```\n\n**Remediation (Terraform)**\n\n```hcl\n" + std::string(m.remediation_terraform) +
                         "\n```\n\n[AWS documentation](" + std::string(m.docs_url) + ")";
  ordered_json tags = {"security", "aws"};
  const auto cis = frameworks::FirstControlOf(m.id, frameworks::kReportedFramework);
  if (!cis.empty()) tags.push_back(std::string(frameworks::kReportedFramework) + "/" + std::string(cis));
  return {{"id", m.id},
          {"name", RuleName(m.id)},
          {"shortDescription", {{"text", m.title}}},
          {"fullDescription", {{"text", m.risk}}},
          {"help", {{"text", help}, {"markdown", markdown}}},
          {"helpUri", m.docs_url},
          {"defaultConfiguration", {{"level", Level(m.severity)}}},
          {"properties",
           {{"security-severity", SecuritySeverity(m.severity)},
            {"severity", checks::SeverityName(m.severity)},
            {"precision", "high"},
            {"tags", tags}}}};
}

// A repository-relative URI for a path as the user gave it.
std::string Uri(const std::string& file) {
  std::string path = file;
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  if (!path.empty() && path[0] == '/') return "file://" + path;
  return path;
}

ordered_json Location(const checks::Finding& f) {
  ordered_json logical = {{"fullyQualifiedName", f.location ? f.location->address : f.resource_id},
                          {"kind", "resource"}};
  ordered_json location = ordered_json::object();
  if (f.location && !f.location->file.empty() && f.location->file != "-") {
    ordered_json physical = {{"artifactLocation", {{"uri", Uri(f.location->file)}}}};
    if (f.location->line > 0) physical["region"] = {{"startLine", f.location->line}};
    location["physicalLocation"] = std::move(physical);
  }
  location["logicalLocations"] = ordered_json::array({logical});
  return location;
}

}  // namespace

std::string RenderSarif(const ScanResult& result, const RenderOptions&) {
  std::map<std::string, int> rule_index;
  ordered_json rules = ordered_json::array();
  ordered_json results = ordered_json::array();
  ordered_json notifications = ordered_json::array();
  for (const auto& f : result.findings) {
    if (f.status == checks::FindingStatus::kPass) continue;
    if (f.status == checks::FindingStatus::kError) {
      notifications.push_back({{"level", "warning"},
                               {"message", {{"text", f.check_id + " on " + f.resource_id + ": " + f.message}}},
                               {"associatedRule", {{"id", f.check_id}}}});
      continue;
    }
    auto [it, added] = rule_index.emplace(f.check_id, static_cast<int>(rules.size()));
    if (added) {
      const checks::Check* check = checks::FindCheck(f.check_id);
      rules.push_back(check ? Rule(*check) : ordered_json{{"id", f.check_id}});
    }
    std::string address = f.location ? f.location->address : f.resource_id;
    ordered_json entry = {{"ruleId", f.check_id},
                          {"ruleIndex", it->second},
                          {"level", Level(f.severity)},
                          {"message", {{"text", f.resource_id + ": " + f.message}}},
                          {"locations", ordered_json::array({Location(f)})},
                          {"partialFingerprints",
                           {{"postureFinding/v1", base::Sha256Hex(f.check_id + "|" + f.account_id + "|" + address)}}},
                          {"properties", {{"severity", checks::SeverityName(f.severity)}}}};
    if (f.muted) {
      entry["suppressions"] =
          ordered_json::array({{{"kind", "inSource"}, {"status", "accepted"}, {"justification", f.mute_reason}}});
    }
    results.push_back(std::move(entry));
  }
  ordered_json invocation = {{"executionSuccessful", true}};
  if (!result.started_at.empty()) invocation["startTimeUtc"] = result.started_at;
  if (!result.finished_at.empty()) invocation["endTimeUtc"] = result.finished_at;
  for (const auto& error : result.errors) {
    notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", error.service + ":" + error.operation + " failed: " + error.message}}}});
  }
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  ordered_json run = {{"tool",
                       {{"driver",
                         {{"name", "posture"},
                          {"version", POSTURE_VERSION},
                          {"semanticVersion", POSTURE_VERSION},
                          {"rules", std::move(rules)}}}}},
                      {"invocations", ordered_json::array({std::move(invocation)})},
                      {"results", std::move(results)},
                      {"columnKind", "unicodeCodePoints"}};
  ordered_json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", ordered_json::array({std::move(run)})}};
  return sarif.dump(2) + "\n";
}

}  // namespace posture::report
