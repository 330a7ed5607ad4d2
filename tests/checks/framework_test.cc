// The CIS frameworks data: it parses, it maps each check to the controls
// the published benchmarks give it (kPublishedMappings), every check it
// names is registered, and malformed documents are refused with a clear
// message.
#include "frameworks/framework.h"

#include <gtest/gtest.h>

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

// Which control of each CIS version a check evaluates, as the benchmarks
// number them (v3.0.0, v4.0.1, v5.0.0): the expectation the frameworks data
// is held to. "—": the version has no such control.
constexpr const char* kPublishedMappings = R"(
| check | CIS 3.0 | CIS 4.0.1 | CIS 5.0 |
|---|---|---|---|
| account_security_contact | 1.2 (manual) | 1.2 (manual) | 1.2 (manual) |
| iam_root_access_keys_absent | 1.4 | 1.4 | 1.3 |
| iam_root_mfa_enabled | 1.5 | 1.5 | 1.4 |
| iam_root_hardware_mfa | 1.6 | 1.6 (manual) | 1.5 (manual) |
| iam_root_not_used | 1.7 | 1.7 (manual) | 1.6 (manual) |
| iam_password_policy_min_length | 1.8 | 1.8 | 1.7 |
| iam_password_policy_reuse | 1.9 | 1.9 | 1.8 |
| iam_user_console_mfa | 1.10 | 1.10 | 1.9 |
| iam_user_no_setup_access_keys | 1.11 | 1.11 (manual) | 1.10 (manual) |
| iam_user_unused_credentials | 1.12 | 1.12 | 1.11 |
| iam_user_single_active_key | 1.13 | 1.13 | 1.12 |
| iam_user_access_key_rotated | 1.14 | 1.14 | 1.13 |
| iam_user_no_direct_policies | 1.15 | 1.15 | 1.14 |
| iam_policy_no_full_admin | 1.16 | 1.16 | 1.15 |
| iam_support_role_exists | 1.17 | 1.17 | 1.16 |
| ec2_instance_profile_attached | 1.18 (manual) | 1.18 | 1.17 |
| iam_server_cert_not_expired | 1.19 | 1.19 | 1.18 |
| accessanalyzer_enabled | 1.20 | 1.20 | 1.19 |
| iam_federation_in_use | 1.21 (manual) | 1.21 (manual) | 1.20 (manual) |
| iam_cloudshell_full_access_restricted | 1.22 (manual) | 1.22 (manual) | 1.21 (manual) |
| s3_bucket_secure_transport | 2.1.1 | 2.1.1 | 2.1.1 |
| s3_bucket_mfa_delete | 2.1.2 | 2.1.2 (manual) | 2.1.2 (manual) |
| macie_enabled | 2.1.3 (manual) | 2.1.3 (manual) | 2.1.3 (manual) |
| s3_public_access_block | 2.1.4 | 2.1.4 | 2.1.4 |
| ec2_ebs_default_encryption | 2.2.1 | 5.1.1 | 5.1.1 |
| ec2_ebs_volume_encrypted | — | 5.1.1 | 5.1.1 |
| rds_instance_encrypted | 2.3.1 | 2.2.1 | 2.2.1 |
| rds_instance_auto_minor_upgrade | 2.3.2 | 2.2.2 | 2.2.2 |
| rds_instance_not_public | 2.3.3 | 2.2.3 | 2.2.3 |
| rds_instance_multi_az | — | 2.2.4 (manual) | 2.2.4 (manual) |
| efs_encrypted | 2.4.1 | 2.3.1 | 2.3.1 |
| cloudtrail_multi_region | 3.1 | 3.1 | 3.1 (manual) |
| cloudtrail_log_validation | 3.2 | 3.2 | 3.2 |
| config_recorder_enabled | 3.3 | 3.3 | 3.3 |
| cloudtrail_bucket_access_logging | 3.4 | 3.4 | 3.4 (manual) |
| cloudtrail_kms_encrypted | 3.5 | 3.5 | 3.5 |
| kms_key_rotation | 3.6 | 3.6 | 3.6 |
| vpc_flow_logs_enabled | 3.7 | 3.7 | 3.7 |
| s3_object_write_logging / s3_object_read_logging | 3.8 / 3.9 | 3.8 / 3.9 | 3.8 / 3.9 |
| monitor_* (4.1–4.15) | 4.1–4.15 | 4.1–4.15 (4.2–4.15 manual) | 4.1–4.15 (manual) |
| securityhub_enabled | 4.16 | 4.16 | 4.16 |
| ec2_nacl_no_admin_ports_from_internet | 5.1 | 5.2 | 5.2 |
| ec2_sg_no_admin_ports_from_internet_ipv4 | 5.2 | 5.3 | 5.3 |
| ec2_sg_no_admin_ports_from_internet_ipv6 | 5.3 | 5.4 | 5.4 |
| ec2_default_sg_restricts_all | 5.4 | 5.5 | 5.5 |
| vpc_peering_routes_least_access | 5.5 (manual) | 5.6 (manual) | 5.6 (manual) |
| ec2_imdsv2_required | 5.6 | 5.7 | 5.7 |
| ec2_cifs_not_exposed | — | 5.1.2 (manual) | 5.1.2 |
)";

// The table above: check id -> one cell per CIS version.
std::map<std::string, std::vector<Mapped>> PublishedMappings() {
  std::map<std::string, std::vector<Mapped>> out;
  std::istringstream table(kPublishedMappings);
  std::string line;
  while (std::getline(table, line)) {
    if (!line.starts_with("| ")) continue;
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

TEST(FrameworkTest, MapsChecksAsTheBenchmarksDo) {
  const auto published = PublishedMappings();
  ASSERT_GT(published.size(), 40u);
  const char* versions[] = {"cis-3.0", "cis-4.0", "cis-5.0"};
  for (const auto& [check, cells] : published) {
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

TEST(FrameworkTest, MonitoringControlsAsTheBenchmarksNumberThem) {
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

TEST(FrameworkTest, EveryMappedCheckIsRegistered) {
  for (const auto& framework : AllFrameworks()) {
    for (const auto& control : framework.controls) {
      for (const auto& id : control.checks) {
        EXPECT_NE(checks::FindCheck(id), nullptr) << framework.id << " " << control.id << " names unknown check " << id;
      }
    }
  }
  // A check names at most one control of a version, which the reports show.
  for (const auto& check : checks::AllChecks()) {
    for (const auto& [framework, controls] : ControlsOf(check.metadata.id)) {
      EXPECT_EQ(controls.size(), 1u) << check.metadata.id << " in " << framework;
    }
  }
  EXPECT_EQ(FirstControlOf("iam_root_access_keys_absent", "cis-5.0"), "1.3");
  EXPECT_EQ(FirstControlOf("ec2_ebs_volume_encrypted", "cis-3.0"), "");
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
