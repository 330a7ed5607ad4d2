// The terminal report: failing findings grouped by severity then check, one
// line per resource with its region and the reason, then errors and a summary.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "frameworks/framework.h"
#include "report/report.h"

namespace posture::report {
namespace {

struct Style {
  bool color;
  std::string wrap(const char* code, const std::string& text) const {
    return color ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }
  std::string bold(const std::string& t) const { return wrap("1", t); }
  std::string dim(const std::string& t) const { return wrap("2", t); }
  std::string severity(checks::Severity s, const std::string& t) const {
    switch (s) {
      case checks::Severity::kCritical:
        return wrap("1;35", t);
      case checks::Severity::kHigh:
        return wrap("1;31", t);
      case checks::Severity::kMedium:
        return wrap("33", t);
      case checks::Severity::kLow:
        return wrap("36", t);
      case checks::Severity::kInfo:
        return wrap("2", t);
    }
    return t;
  }
  std::string status(checks::FindingStatus s) const {
    switch (s) {
      case checks::FindingStatus::kPass:
        return wrap("32", "PASS ");
      case checks::FindingStatus::kFail:
        return wrap("31", "FAIL ");
      case checks::FindingStatus::kError:
        return wrap("33", "ERROR");
    }
    return "";
  }
};

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

std::string Pad(std::string text, size_t width) {
  if (text.size() < width) text.resize(width, ' ');
  return text;
}

std::string CheckHeading(const std::string& id) {
  const checks::Check* check = checks::FindCheck(id);
  if (!check) return id;
  std::string heading = id + " — " + std::string(check->metadata.title);
  const auto cis = frameworks::FirstControlOf(id, frameworks::kReportedFramework);
  if (!cis.empty()) heading += " (CIS " + std::string(cis) + ")";
  return heading;
}

std::string ControlStatus(const Style& style, report::ControlStatus status) {
  const std::string name = Pad(report::ControlStatusName(status), 7);
  switch (status) {
    case report::ControlStatus::kPass:
      return style.wrap("32", name);
    case report::ControlStatus::kFail:
      return style.wrap("31", name);
    case report::ControlStatus::kError:
      return style.wrap("33", name);
    case report::ControlStatus::kManual:
    case report::ControlStatus::kNotRun:
      return style.dim(name);
  }
  return name;
}

// "4 FAIL, 1 ERROR" for a control's findings ("" when none).
std::string FindingCounts(const report::ControlResult& control) {
  std::string out;
  for (const auto& [count, name] :
       {std::pair{control.fail, "FAIL"}, {control.error, "ERROR"}, {control.pass, "PASS"}}) {
    if (count > 0) out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + name;
  }
  return out;
}

std::string RenderCompliance(const Style& style, const report::ComplianceSummary& summary) {
  char percent[16];
  std::snprintf(percent, sizeof(percent), "%.1f%%", summary.percent_passing());
  std::string out = "\n" + style.bold(summary.framework->display_name()) + " (" + summary.framework->id +
                    "): " + std::to_string(summary.automated_passing) + " of " + std::to_string(summary.automated) +
                    " automated controls pass (" + percent + "); " + std::to_string(summary.manual) +
                    " manual controls to review\n";
  for (const auto& control : summary.controls) {
    std::string checks;
    for (const auto& id : control.control->checks) checks += (checks.empty() ? "" : ", ") + id;
    const std::string counts = FindingCounts(control);
    out += "  " + Pad(control.control->id, 6) + " " + ControlStatus(style, control.status) + " " +
           control.control->title + "\n";
    if (!checks.empty()) out += "         " + style.dim(checks + (counts.empty() ? "" : " — " + counts)) + "\n";
  }
  return out;
}

// Organization scans: FAIL counts by severity for each account, and why an
// account was not scanned.
std::string RenderAccounts(const Style& style, const ScanResult& result) {
  std::string out = "\n" + style.bold("Accounts") + " (organization " + result.organization_id + ", " +
                    std::to_string(result.account_summaries.size()) + " accounts; failing findings by severity)\n";
  out += "  " + Pad("ACCOUNT", 13) + " " + Pad("NAME", 20) + " " + Pad("OU", 24) +
         "  CRIT  HIGH   MED   LOW ERROR  STATUS\n";
  const checks::Severity severities[] = {checks::Severity::kCritical, checks::Severity::kHigh,
                                         checks::Severity::kMedium, checks::Severity::kLow};
  for (const auto& account : result.account_summaries) {
    std::map<checks::Severity, int> failing;
    int errors = 0;
    for (const auto& f : result.findings) {
      if (f.account_id != account.account_id) continue;
      if (f.status == checks::FindingStatus::kFail && !f.muted) ++failing[f.severity];
      if (f.status == checks::FindingStatus::kError) ++errors;
    }
    out += "  " + Pad(account.account_id, 13) + " " + Pad(account.name, 20) + " " + Pad(account.ou_path, 24);
    char counts[64];
    if (account.status == "scanned") {
      std::snprintf(counts, sizeof(counts), " %5d %5d %5d %5d %5d  ", failing[severities[0]], failing[severities[1]],
                    failing[severities[2]], failing[severities[3]], errors);
      out += counts + style.wrap("32", "scanned") + "\n";
    } else {
      std::snprintf(counts, sizeof(counts), " %5s %5s %5s %5s %5d  ", "-", "-", "-", "-", errors);
      out += counts + style.wrap("33", account.status + ": " + account.reason) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string RenderTable(const ScanResult& result, const RenderOptions& options) {
  Style style{options.color};
  std::string out;
  std::string accounts, regions;
  for (const auto& a : result.accounts) accounts += (accounts.empty() ? "" : ", ") + a;
  for (const auto& r : result.regions) regions += (regions.empty() ? "" : ", ") + r;
  const bool organization = !result.account_summaries.empty();
  if (result.source == "iac") {
    out += style.bold("posture iac") + " — " + std::to_string(result.files.size()) +
           (result.files.size() == 1 ? " file" : " files") + " — regions " + regions + "\n";
  } else if (organization) {
    out += style.bold("posture scan") + " — organization " + result.organization_id + ", " +
           std::to_string(result.account_summaries.size()) + " accounts — regions " + regions + "\n";
  } else {
    out += style.bold("posture scan") + " — account " + accounts + " — regions " + regions + "\n";
  }
  // Accounts not scanned are explained once in the accounts table, not once per check.
  std::set<std::string> not_scanned;
  for (const auto& account : result.account_summaries) {
    if (account.status != "scanned") not_scanned.insert(account.account_id);
  }

  // severity rank (desc) -> check id -> findings shown
  std::map<int, std::map<std::string, std::vector<const checks::Finding*>>, std::greater<>> groups;
  int pass = 0, fail = 0, error = 0;
  std::set<std::pair<std::string, std::string>> resources;
  for (const auto& f : result.findings) {
    resources.insert({f.region, f.resource_id});
    if (f.status == checks::FindingStatus::kPass) ++pass;
    if (f.status == checks::FindingStatus::kFail) ++fail;
    if (f.status == checks::FindingStatus::kError) ++error;
    if (f.status == checks::FindingStatus::kPass && !options.show_passed) continue;
    if (not_scanned.count(f.account_id)) continue;
    groups[checks::SeverityRank(f.severity)][f.check_id].push_back(&f);
  }

  for (const auto& [rank, by_check] : groups) {
    checks::Severity severity = by_check.begin()->second.front()->severity;
    out += "\n" + style.severity(severity, Upper(checks::SeverityName(severity))) + "\n";
    for (const auto& [check_id, findings] : by_check) {
      out += "  " + style.bold(CheckHeading(check_id)) + "\n";
      for (const auto* f : findings) {
        if (f->location) {  // posture iac: where the resource is written, not a region
          std::string where =
              f->location->file + (f->location->line > 0 ? ":" + std::to_string(f->location->line) : "");
          out += "    " + style.status(f->status) + " " + Pad(f->resource_id, 36) + " " + f->message +
                 (f->muted ? style.dim(" (muted: " + f->mute_reason + ")") : "") + "\n" + "         " +
                 style.dim(where) + "\n";
          continue;
        }
        out += "    " + style.status(f->status) + " " + (organization ? Pad(f->account_id, 13) + " " : "") +
               Pad(f->region, 14) + " " + Pad(f->resource_id, 24) + " " + f->message +
               (f->muted ? style.dim(" (muted)") : "") + "\n";
      }
    }
  }
  if (groups.empty()) out += "\nNo failing findings.\n";

  if (!result.errors.empty()) {
    out += "\n" + style.bold("Calls that failed") + " (affected checks report ERROR)\n";
    for (const auto& e : result.errors) {
      out += "  " + (e.account_id.empty() ? "" : Pad(e.account_id, 13) + " ") +
             Pad(e.region.empty() ? "global" : e.region, 14) + " " + e.service + ":" + e.operation + "  " + e.message +
             "\n";
    }
  }

  for (const auto& summary : result.compliance) out += RenderCompliance(style, summary);
  if (organization) out += RenderAccounts(style, result);

  char seconds[32];
  std::snprintf(seconds, sizeof(seconds), "%.2f s", result.duration_seconds);
  out += "\n" + style.bold("Summary") + ": " + std::to_string(result.checks_run) + " checks, " +
         std::to_string(resources.size()) + " resources evaluated — " + style.wrap("32", "PASS") + " " +
         std::to_string(pass) + ", " + style.wrap("31", "FAIL") + " " + std::to_string(fail) + ", " +
         style.wrap("33", "ERROR") + " " + std::to_string(error) + " — " + seconds +
         (result.source == "iac" ? std::string("\n") : ", " + std::to_string(result.api_requests) + " API requests\n");
  return out;
}

}  // namespace posture::report
