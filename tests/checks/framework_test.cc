// The CIS frameworks data: it parses, it agrees with the catalog's mapping
// table (../shared/CHECKS.md) and the registry, malformed documents are
// refused with a clear message.
#include "frameworks/framework.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace posture::frameworks {
namespace {

// "| check | 1.4 | 1.4 (manual) | 1.3 |" -> cells without the bars.
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  std::getline(stream, cell, '|');
  while (std::getline(stream, cell, '|')) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  if (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

struct Mapped {
  std::string control;  // "" for "—"
  bool manual = false;
};

// The "Framework mappings" table: check id -> one cell per CIS version.
std::map<std::string, std::vector<Mapped>> CatalogMappings() {
  std::map<std::string, std::vector<Mapped>> out;
  std::ifstream file(POSTURE_CHECKS_MD);
  EXPECT_TRUE(file) << "cannot read " << POSTURE_CHECKS_MD;
  std::string line;
  bool in_table = false;
  while (std::getline(file, line)) {
    if (line.starts_with("## Framework mappings")) in_table = true;
    if (!in_table || !line.starts_with("| ")) continue;
    const auto cells = Cells(line);
    if (cells.size() != 4 || cells[0] == "check" || cells[0].starts_with("monitor_")) continue;
    // "s3_object_write_logging / s3_object_read_logging | 3.8 / 3.9 | ..." holds two checks.
    std::vector<std::string> ids;
    std::stringstream names(cells[0]);
    for (std::string id; std::getline(names, id, '/');) ids.push_back(Cells("|" + id + "|").at(0));
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t version = 1; version < 4; ++version) {
        std::string cell = cells[version];
        Mapped mapped;
        if (const auto manual = cell.find(" (manual)"); manual != std::string::npos) {
          mapped.manual = true;
          cell.erase(manual);
        }
        if (ids.size() > 1) {
          std::stringstream parts(cell);
          std::vector<std::string> controls;
          for (std::string part; std::getline(parts, part, '/');) controls.push_back(Cells("|" + part + "|").at(0));
          cell = controls.at(i);
        }
        mapped.control = cell == "—" ? "" : cell;
        out[ids[i]].push_back(mapped);
      }
    }
  }
  return out;
}

TEST(FrameworkTest, ThreeCisVersionsLoad) {
  ASSERT_EQ(AllFrameworks().size(), 3u);
  EXPECT_EQ(FrameworkIds(), "cis-3.0, cis-4.0, cis-5.0");
  const Framework* v3 = FindFramework("cis-3.0");
  ASSERT_NE(v3, nullptr);
  EXPECT_EQ(v3->display_name(), "CIS Amazon Web Services Foundations Benchmark v3.0.0");
  EXPECT_EQ(FindFramework("cis-9.9"), nullptr);
  // Manual controls with no API are listed too (1.1 contact details, 1.3 security questions).
  EXPECT_EQ(v3->controls.front().id, "1.1");
  EXPECT_TRUE(v3->controls.front().manual);
  EXPECT_TRUE(v3->controls.front().checks.empty());
}

TEST(FrameworkTest, AgreesWithTheCatalogMappingTable) {
  const auto catalog = CatalogMappings();
  ASSERT_GT(catalog.size(), 40u);
  const char* versions[] = {"cis-3.0", "cis-4.0", "cis-5.0"};
  for (const auto& [check, cells] : catalog) {
    for (size_t v = 0; v < 3; ++v) {
      SCOPED_TRACE(check + " in " + versions[v]);
      const Framework* framework = FindFramework(versions[v]);
      ASSERT_NE(framework, nullptr);
      const Control* found = nullptr;
      for (const auto& control : framework->controls) {
        for (const auto& id : control.checks) {
          if (id == check) found = &control;
        }
      }
      if (cells[v].control.empty()) {
        EXPECT_EQ(found, nullptr);
        continue;
      }
      ASSERT_NE(found, nullptr);
      EXPECT_EQ(found->id, cells[v].control);
      EXPECT_EQ(found->manual, cells[v].manual);
    }
  }
}

TEST(FrameworkTest, MonitoringControlsFollowTheCatalog) {
  // "monitor_* (4.1–4.15) | 4.1–4.15 | 4.1–4.15 (4.2–4.15 manual) | 4.1–4.15 (manual)"
  for (const char* version : {"cis-3.0", "cis-4.0", "cis-5.0"}) {
    int monitoring = 0;
    for (const auto& control : FindFramework(version)->controls) {
      if (control.checks.size() != 1 || !control.checks[0].starts_with("monitor_")) continue;
      ++monitoring;
      const bool manual =
          std::string(version) == "cis-5.0" || (std::string(version) == "cis-4.0" && control.id != "4.1");
      EXPECT_EQ(control.manual, manual) << version << " " << control.id;
    }
    EXPECT_EQ(monitoring, 15) << version;
  }
}

TEST(FrameworkTest, EveryMappedCheckIsRegisteredAndAgreesWithItsMetadata) {
  for (const auto& framework : AllFrameworks()) {
    for (const auto& control : framework.controls) {
      for (const auto& id : control.checks) {
        const checks::Check* check = checks::FindCheck(id);
        ASSERT_NE(check, nullptr) << framework.id << " " << control.id << " names unknown check " << id;
        if (framework.id == "cis-3.0") {
          EXPECT_EQ(check->metadata.cis_3_0, control.id) << id;
        }
      }
    }
  }
  for (const auto& check : checks::AllChecks()) {
    const auto& controls = ControlsOf(check.metadata.id);
    const auto v3 = controls.find("cis-3.0");
    if (check.metadata.cis_3_0.empty()) {
      EXPECT_EQ(v3, controls.end()) << check.metadata.id;
    } else {
      ASSERT_NE(v3, controls.end()) << check.metadata.id;
      EXPECT_EQ(v3->second, std::vector<std::string>{std::string(check.metadata.cis_3_0)});
    }
  }
}

std::string ParseErrorOf(std::string_view json) {
  try {
    ParseFrameworks(json);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(FrameworkTest, MalformedDocumentsAreRefusedWithAClearMessage) {
  EXPECT_EQ(ParseErrorOf("{\"frameworks\": ["), "frameworks: malformed JSON");
  EXPECT_EQ(ParseErrorOf("{}"), "frameworks: no 'frameworks' list");
  EXPECT_EQ(ParseErrorOf(R"({"frameworks": [{"title": "t", "version": "1", "controls": []}]})"),
            "frameworks: missing or empty string 'id'");
  EXPECT_EQ(ParseErrorOf(R"({"frameworks": [{"id": "x", "title": "t", "version": "1"}]})"),
            "framework x: no 'controls' list");
  EXPECT_EQ(ParseErrorOf(R"({"frameworks": [{"id": "x", "title": "t", "version": "1",
                             "controls": [{"id": "1.1", "title": "a"}]}]})"),
            "framework x control 1.1: an automated control needs at least one check");
  EXPECT_EQ(ParseErrorOf(R"({"frameworks": [{"id": "x", "title": "t", "version": "1",
                             "controls": [{"id": "1.1", "title": "a", "checks": "c"}]}]})"),
            "framework x control 1.1: 'checks' must be a list of check ids");
  EXPECT_EQ(ParseErrorOf(R"({"frameworks": [{"id": "x", "title": "t", "version": "1", "controls": [
                             {"id": "1.1", "title": "a", "manual": true},
                             {"id": "1.1", "title": "b", "manual": true}]}]})"),
            "framework x control 1.1: defined twice");
  EXPECT_EQ(ParseErrorOf(R"({"frameworks": [{"id": "x", "title": "t", "version": "1", "controls": []},
                                            {"id": "x", "title": "t", "version": "2", "controls": []}]})"),
            "framework x: defined twice");
}

}  // namespace
}  // namespace posture::frameworks
