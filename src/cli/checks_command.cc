#include "cli/checks_command.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checks/catalog.h"
#include "checks/check.h"
#include "cli/args.h"
#include "cli/scan_plan.h"
#include "frameworks/framework.h"

namespace posture::cli {

namespace {

// `posture checks --framework ID`: the framework's controls and their checks.
int ListFramework(const frameworks::Framework& framework, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json controls = nlohmann::ordered_json::array();
    for (const auto& control : framework.controls) {
      controls.push_back({{"id", control.id},
                          {"title", control.title},
                          {"assessment", control.manual ? "manual" : "automated"},
                          {"checks", control.checks}});
    }
    nlohmann::ordered_json out = {
        {"framework", framework.id}, {"title", framework.display_name()}, {"controls", std::move(controls)}};
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%s (%s)\n\n%-7s %-10s %s\n", framework.display_name().c_str(), framework.id.c_str(), "CONTROL",
              "ASSESSED", "TITLE / CHECKS");
  for (const auto& control : framework.controls) {
    std::string checks;
    for (const auto& id : control.checks) checks += (checks.empty() ? "" : ", ") + id;
    std::printf("%-7s %-10s %s\n", control.id.c_str(), control.manual ? "manual" : "automated", control.title.c_str());
    if (!checks.empty()) std::printf("%-18s %s\n", "", checks.c_str());
  }
  return kExitOk;
}

// `posture checks ID`: everything posture knows about one check.
int ShowCheck(const checks::Check& check, const std::string& format) {
  const auto& m = check.metadata;
  if (format == "json") {
    nlohmann::ordered_json compliance = nlohmann::ordered_json::object();
    for (const auto& [framework, controls] : frameworks::ControlsOf(m.id)) compliance[framework] = controls;
    std::cout << nlohmann::ordered_json({{"id", m.id},
                                         {"severity", checks::SeverityName(m.severity)},
                                         {"title", m.title},
                                         {"compliance", std::move(compliance)},
                                         {"scope", m.scope},
                                         {"resource_type", m.resource_type},
                                         {"risk", m.risk},
                                         {"remediation", m.remediation},
                                         {"remediation_terraform", m.remediation_terraform},
                                         {"docs_url", m.docs_url},
                                         {"reads", checks::FieldsReadBy(m)},
                                         {"sections", checks::SectionsRead(m)}})
                     .dump(2)
              << "\n";
    return kExitOk;
  }
  std::string compliance;
  for (const auto& [framework, controls] : frameworks::ControlsOf(m.id)) {
    for (const auto& control : controls) compliance += (compliance.empty() ? "" : ", ") + framework + " " + control;
  }
  std::string reads;
  for (std::string_view field : checks::FieldsReadBy(m)) reads += (reads.empty() ? "" : ", ") + std::string(field);
  std::cout << m.id << " — " << m.title << "\n\n"
            << "severity:     " << checks::SeverityName(m.severity) << "\n"
            << "resource:     " << m.resource_type << "\n"
            << "scope:        " << (m.scope == "L" ? "live scans" : "live scans and infrastructure as code") << "\n"
            << "compliance:   " << (compliance.empty() ? "—" : compliance) << "\n"
            << "reads:        " << reads << "\n\n"
            << "Risk\n  " << m.risk << "\n\n"
            << "Fix with the AWS CLI\n  " << m.remediation << "\n\n"
            << "Fix in Terraform\n";
  std::stringstream terraform{std::string(m.remediation_terraform)};
  for (std::string line; std::getline(terraform, line);) std::cout << "  " << line << "\n";
  std::cout << "\nDocumentation\n  " << m.docs_url << "\n";
  return kExitOk;
}

}  // namespace

int RunChecksCommand(const std::vector<std::string>& argv) {
  Args args("checks");
  args.flag("--format", Args::Kind::kValue, "FORMAT", "table (default), json, or markdown (the catalog)")
      .flag("--framework", Args::Kind::kValue, "ID", "list a CIS version's controls and the checks for each")
      .flag("--help", Args::Kind::kBool, "", "show this help");
  if (!args.parse(argv)) {
    std::cerr << "posture " << args.error() << "\n";
    return kExitUsage;
  }
  if (args.has("--help")) {
    std::cout << "usage: posture checks [ID] [--format table|json|markdown] [--framework ID]\n\nLists every check "
                 "posture runs, one check's details (risk, remediation, docs), or a framework's controls.\n"
                 "--format markdown prints the whole catalog (docs/checks.md).\n\nflags:\n"
              << args.usage();
    return kExitOk;
  }
  std::string format = args.value_or("--format", "table");
  if (format != "table" && format != "json" && format != "markdown") {
    std::cerr << "posture checks: unknown --format '" << format << "' (table, json, markdown)\n";
    return kExitUsage;
  }
  if (format == "markdown") {
    if (!args.positional().empty() || args.has("--framework")) {
      std::cerr << "posture checks: --format markdown prints the whole catalog: name no check or framework\n";
      return kExitUsage;
    }
    std::cout << checks::RenderCatalogMarkdown();
    return kExitOk;
  }
  if (args.positional().size() > 1) {
    std::cerr << "posture checks: name one check at a time\n";
    return kExitUsage;
  }
  if (!args.positional().empty()) {
    const checks::Check* check = checks::FindCheck(args.positional()[0]);
    if (!check) {
      std::cerr << "posture checks: unknown check '" << args.positional()[0] << "' (see posture checks)\n";
      return kExitUsage;
    }
    return ShowCheck(*check, format);
  }
  if (auto id = args.value("--framework")) {
    const frameworks::Framework* framework = frameworks::FindFramework(*id);
    if (!framework) {
      std::cerr << "posture checks: unknown --framework '" << *id << "' (" << frameworks::FrameworkIds() << ")\n";
      return kExitUsage;
    }
    return ListFramework(*framework, format);
  }
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& check : checks::AllChecks()) {
      const auto& m = check.metadata;
      nlohmann::ordered_json compliance = nlohmann::ordered_json::object();
      for (const auto& [framework, controls] : frameworks::ControlsOf(m.id)) compliance[framework] = controls;
      list.push_back({{"id", m.id},
                      {"severity", checks::SeverityName(m.severity)},
                      {"title", m.title},
                      {"cis-3.0", frameworks::FirstControlOf(m.id, "cis-3.0")},
                      {"compliance", std::move(compliance)},
                      {"scope", m.scope},
                      {"resource_type", m.resource_type},
                      {"risk", m.risk},
                      {"remediation", m.remediation},
                      {"remediation_terraform", m.remediation_terraform},
                      {"docs_url", m.docs_url}});
    }
    std::cout << list.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%-44s %-9s %-6s %-5s %s\n", "ID", "SEVERITY", "CIS", "SCOPE", "TITLE");
  for (const auto& check : checks::AllChecks()) {
    const auto& m = check.metadata;
    const auto cis = frameworks::FirstControlOf(m.id, frameworks::kReportedFramework);
    std::printf("%-44.*s %-9s %-6.*s %-5.*s %.*s\n", static_cast<int>(m.id.size()), m.id.data(),
                checks::SeverityName(m.severity), static_cast<int>(cis.size()), cis.data(),
                static_cast<int>(m.scope.size()), m.scope.data(), static_cast<int>(m.title.size()), m.title.data());
  }
  return kExitOk;
}

}  // namespace posture::cli
