// The native JSON format (DESIGN.md "Findings").
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace posture::report {

std::string RenderJson(const ScanResult& result, const RenderOptions&) {
  using nlohmann::ordered_json;
  ordered_json out;
  out["tool"] = {{"name", "posture"}, {"version", POSTURE_VERSION}};
  out["scan"] = {{"started_at", result.started_at},
                 {"finished_at", result.finished_at},
                 {"accounts", result.accounts},
                 {"regions", result.regions},
                 {"source", result.source}};
  if (result.source == "iac") out["scan"]["files"] = result.files;
  ordered_json findings = ordered_json::array();
  for (const auto& f : result.findings) {
    ordered_json compliance = ordered_json::object();
    for (const auto& [framework, controls] : f.compliance) compliance[framework] = controls;
    findings.push_back({{"check_id", f.check_id},
                        {"status", checks::StatusName(f.status)},
                        {"severity", checks::SeverityName(f.severity)},
                        {"muted", f.muted},
                        {"account_id", f.account_id},
                        {"region", f.region},
                        {"resource_type", f.resource_type},
                        {"resource_id", f.resource_id},
                        {"resource_arn", f.resource_arn},
                        {"message", f.message},
                        {"compliance", compliance},
                        {"location", nullptr}});
    auto& finding = findings.back();
    if (f.location) {
      ordered_json location = {{"file", f.location->file}};
      if (f.location->line > 0) location["line"] = f.location->line;
      location["address"] = f.location->address;
      if (!f.location->module_source.empty()) location["module_source"] = f.location->module_source;
      finding["location"] = std::move(location);
    }
    if (!f.mute_reason.empty()) finding["mute_reason"] = f.mute_reason;
    if (!result.account_summaries.empty()) {
      finding["account_name"] = f.account_name;
      finding["ou_path"] = f.ou_path;
      finding["account_tags"] = f.account_tags;
    }
  }
  out["findings"] = std::move(findings);
  ordered_json errors = ordered_json::array();
  for (const auto& e : result.errors) {
    errors.push_back({{"service", e.service},
                      {"operation", e.operation},
                      {"region", e.region},
                      {"code", e.code.empty() ? e.kind : e.code},
                      {"message", e.message}});
    if (!e.account_id.empty()) errors.back()["account_id"] = e.account_id;
  }
  out["errors"] = std::move(errors);
  if (!result.account_summaries.empty()) out["organization"] = {{"id", result.organization_id}};
  if (!result.account_summaries.empty()) {
    ordered_json accounts = ordered_json::array();
    for (const auto& summary : result.account_summaries) {
      std::map<std::string, int> failing;  // by severity, unmuted FAIL findings
      int passed = 0, errored = 0;
      for (const auto& f : result.findings) {
        if (f.account_id != summary.account_id) continue;
        if (f.status == checks::FindingStatus::kPass) ++passed;
        if (f.status == checks::FindingStatus::kError) ++errored;
        if (f.status == checks::FindingStatus::kFail && !f.muted) ++failing[checks::SeverityName(f.severity)];
      }
      ordered_json fail = ordered_json::object();
      for (auto severity : {checks::Severity::kCritical, checks::Severity::kHigh, checks::Severity::kMedium,
                            checks::Severity::kLow, checks::Severity::kInfo}) {
        fail[checks::SeverityName(severity)] = failing[checks::SeverityName(severity)];
      }
      accounts.push_back({{"account_id", summary.account_id},
                          {"name", summary.name},
                          {"ou_path", summary.ou_path},
                          {"tags", summary.tags},
                          {"status", summary.status},
                          {"reason", summary.reason.empty() ? ordered_json(nullptr) : ordered_json(summary.reason)},
                          {"requests", summary.requests},
                          {"findings", {{"fail", std::move(fail)}, {"pass", passed}, {"error", errored}}}});
    }
    out["accounts"] = std::move(accounts);
  }
  if (!result.compliance.empty()) {
    ordered_json compliance = ordered_json::array();
    for (const auto& summary : result.compliance) {
      ordered_json controls = ordered_json::array();
      for (const auto& control : summary.controls) {
        controls.push_back({{"id", control.control->id},
                            {"title", control.control->title},
                            {"status", report::ControlStatusName(control.status)},
                            {"checks", control.control->checks},
                            {"findings", {{"pass", control.pass}, {"fail", control.fail}, {"error", control.error}}}});
      }
      compliance.push_back({{"framework", summary.framework->id},
                            {"title", summary.framework->display_name()},
                            {"automated_controls", summary.automated},
                            {"automated_passing", summary.automated_passing},
                            {"manual_controls", summary.manual},
                            {"percent_passing", std::round(summary.percent_passing() * 10) / 10},
                            {"controls", std::move(controls)}});
    }
    out["compliance"] = std::move(compliance);
  }
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace posture::report
