// The registry (checks/all_checks.cc), the check files and the catalog
// (docs/checks.md) agree: every check file is registered under its own id,
// every check's metadata is complete and reads fields the section table
// knows, and the committed catalog is the one the registry generates.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "checks/catalog.h"
#include "checks/check.h"
#include "checks/cis_patterns.h"
#include "inventory/sections.h"

namespace posture::checks {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path);
  EXPECT_TRUE(file) << "cannot read " << path;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::set<std::string> RegisteredIds() {
  std::set<std::string> ids;
  for (const auto& check : AllChecks()) ids.emplace(check.metadata.id);
  return ids;
}

TEST(RegistryTest, IdsAreUnique) {
  std::set<std::string_view> ids;
  for (const auto& check : AllChecks()) EXPECT_TRUE(ids.insert(check.metadata.id).second) << check.metadata.id;
  EXPECT_EQ(FindCheck("no_such_check"), nullptr);
}

// A check file that defines a check but is missing from the list would
// silently never run: every src/checks/<id>.cc defining kCheck is
// registered, in namespace <id>, with id <id>.
TEST(RegistryTest, EveryCheckFileIsRegisteredUnderItsOwnId) {
  const std::set<std::string> registered = RegisteredIds();
  std::set<std::string> files;
  for (const auto& entry : fs::directory_iterator(POSTURE_CHECKS_SOURCE_DIR)) {
    if (entry.path().extension() != ".cc") continue;
    const std::string text = ReadFile(entry.path());
    if (text.find("extern const Check kCheck{") == std::string::npos) continue;
    const std::string id = entry.path().stem().string();
    files.insert(id);
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_NE(text.find("namespace posture::checks::" + id + " {"), std::string::npos);
    EXPECT_NE(text.find(".id = \"" + id + "\""), std::string::npos);
    EXPECT_TRUE(registered.count(id)) << "not listed in all_checks.cc";
  }
  for (const auto& id : registered) EXPECT_TRUE(files.count(id)) << id << " has no file src/checks/" << id << ".cc";
}

TEST(RegistryTest, MetadataIsComplete) {
  for (const auto& check : AllChecks()) {
    const auto& m = check.metadata;
    SCOPED_TRACE(std::string(m.id));
    EXPECT_NE(check.evaluate, nullptr);
    EXPECT_FALSE(m.title.empty());
    EXPECT_TRUE(m.resource_type.starts_with("AWS::")) << m.resource_type;
    EXPECT_TRUE(m.scope == "L" || m.scope == "L+C") << m.scope;
    EXPECT_FALSE(m.fails_when.empty());
    EXPECT_GT(m.risk.size(), 40u);
    EXPECT_FALSE(m.remediation.empty());
    EXPECT_FALSE(m.remediation_terraform.empty());
    EXPECT_TRUE(m.docs_url.starts_with("https://docs.aws.amazon.com/")) << m.docs_url;
    if (!m.declared_in_code_by.empty()) {
      EXPECT_EQ(m.scope, "L+C") << "only code declares settings";
    }
  }
}

// What a check reads decides what the scan collects for it: every field
// names a section of the table, exactly one.
TEST(RegistryTest, EveryFieldReadLivesInOneSection) {
  for (const auto& check : AllChecks()) {
    SCOPED_TRACE(std::string(check.metadata.id));
    const auto fields = FieldsReadBy(check.metadata);
    EXPECT_FALSE(fields.empty());
    for (std::string_view field : fields) {
      const inventory::Section* section = inventory::SectionOfField(field);
      ASSERT_NE(section, nullptr) << field << " is in no section of inventory/sections.cc";
      const std::string_view type = field.substr(0, field.find('.'));
      int providers = 0;
      for (const auto& row : inventory::AllSections()) {
        if (row.scope == inventory::SectionScope::kPerResource) continue;
        std::string list = "," + std::string(row.provides) + ",";
        std::erase(list, ' ');
        if (list.find("," + std::string(type) + ",") != std::string::npos) ++providers;
      }
      EXPECT_EQ(providers, 1) << type << " is provided by " << providers << " sections";
    }
    EXPECT_FALSE(SectionsRead(check.metadata).empty());
  }
}

TEST(RegistryTest, SectionsComeFromTheFieldsRead) {
  const Check* bucket_public = FindCheck("s3_bucket_not_public");
  ASSERT_NE(bucket_public, nullptr);
  EXPECT_EQ(SectionsRead(bucket_public->metadata),
            (std::set<std::string>{"s3.buckets", "s3.buckets.acl", "s3.buckets.policy",
                                   "s3.buckets.public_access_block", "s3control.account_public_access_block"}));
  const Check* monitor = FindCheck("monitor_root_usage");
  ASSERT_NE(monitor, nullptr);
  EXPECT_EQ(SectionsRead(monitor->metadata),
            (std::set<std::string>{"cloudtrail.trails", "cloudtrail.trails.logging", "cloudtrail.trails.monitoring",
                                   "cloudtrail.trails.selectors"}));
  const Check* encrypted = FindCheck("rds_instance_encrypted");
  ASSERT_NE(encrypted, nullptr);
  EXPECT_EQ(NeededSections({encrypted, monitor}).size(), 5u);
}

// The monitor_* fixes are built from the one recommended pattern each.
TEST(RegistryTest, MonitoringFixesUseTheRecommendedPattern) {
  int monitors = 0;
  for (const auto& check : AllChecks()) {
    const auto& m = check.metadata;
    if (!m.id.starts_with("monitor_")) continue;
    ++monitors;
    SCOPED_TRACE(std::string(m.id));
    const std::string pattern(CisRecommendedPattern(m.id));
    ASSERT_FALSE(pattern.empty());
    EXPECT_NE(m.remediation.find("--filter-pattern '" + pattern + "'"), std::string_view::npos);
    EXPECT_NE(m.remediation_terraform.find("\"aws_cloudwatch_log_metric_filter\" \"" + std::string(m.id) + "\""),
              std::string_view::npos);
  }
  EXPECT_EQ(monitors, 15);
  const auto& vpc = CisRemediation("monitor_s3_policy_changes");
  EXPECT_NE(vpc.cli.find("--filter-name S3PolicyChanges "), std::string::npos);
  EXPECT_NE(vpc.terraform.find("pattern        = \"{ ($.eventSource = s3.amazonaws.com)"), std::string::npos);
  EXPECT_TRUE(CisRemediation("iam_root_mfa_enabled").cli.empty());
}

std::string CommittedCatalog() { return ReadFile(fs::path(POSTURE_DOCS_DIR) / "checks.md"); }

TEST(CatalogTest, CommittedCatalogIsTheGeneratedOne) {
  EXPECT_TRUE(CommittedCatalog() == RenderCatalogMarkdown())
      << "docs/checks.md is out of date: regenerate it with `posture checks --format markdown > docs/checks.md`";
}

// Read back from the committed file: the same ids, either way.
TEST(CatalogTest, CatalogAndRegistryListTheSameChecks) {
  std::set<std::string> listed;
  std::istringstream catalog(CommittedCatalog());
  const std::regex row(R"(^\| ([a-z0-9_]+) \| (critical|high|medium|low|info) \|)");
  for (std::string line; std::getline(catalog, line);) {
    std::smatch match;
    if (std::regex_search(line, match, row)) {
      EXPECT_TRUE(listed.insert(match[1]).second) << match[1] << " twice";
    }
  }
  const std::set<std::string> registered = RegisteredIds();
  for (const auto& id : registered) EXPECT_TRUE(listed.count(id)) << id << " is not in docs/checks.md";
  for (const auto& id : listed) EXPECT_TRUE(registered.count(id)) << id << " is in docs/checks.md but not registered";
}

TEST(CatalogTest, ListsEveryCategoryAndFramework) {
  const std::string catalog = RenderCatalogMarkdown();
  for (Category category : kCategories) {
    EXPECT_NE(catalog.find(std::string("## ") + CategoryTitle(category) + "\n"), std::string::npos);
  }
  EXPECT_NE(catalog.find("| iam_root_access_keys_absent | critical | L | the root user has an access key | "
                         "cis-3.0 1.4, cis-4.0 1.4, cis-5.0 1.3 |"),
            std::string::npos);
  EXPECT_NE(catalog.find("### CIS Amazon Web Services Foundations Benchmark v5.0.0 (`cis-5.0`)"), std::string::npos);
  EXPECT_NE(catalog.find("Admin ports** are tcp 22, 3389"), std::string::npos);
}

}  // namespace
}  // namespace posture::checks
