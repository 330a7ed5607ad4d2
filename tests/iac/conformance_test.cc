// One rule, one behaviour: each directory under testdata/conformance holds
// the same resources written as a Terraform plan, a Terraform state, a
// CloudFormation JSON and a YAML template. Every spelling must translate to
// identical inventory objects (compared as Comparables, with each
// resource's address, logical id and real id relabelled to one name), and
// every check that runs on code must give the same verdicts on each.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "checks/check.h"
#include "iac/load.h"

namespace posture::iac {
namespace {

namespace fs = std::filesystem;

const fs::path kConformanceDir = fs::path(POSTURE_IAC_TESTDATA_DIR) / "conformance";

std::string ConformanceRead(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The comparables of one file, sorted, with every id relabelled.
nlohmann::json ConformanceComparables(const fs::path& file, const std::map<std::string, std::string>& labels,
                                      std::string& error) {
  InventoryBuilder builder;
  LoadResult result;
  std::string text = ConformanceRead(file);
  LoadIacText(file.string(), text, true, builder, result);
  for (const auto& e : result.errors) error += e.text() + "\n";
  IacInventory iac = builder.finish();
  auto relabel = [&](const std::string& id) {
    auto it = labels.find(id);
    return it == labels.end() ? id : it->second;
  };
  nlohmann::json objects = nlohmann::json::array();
  for (auto& object : Comparables(iac.inventory, relabel)) {
    objects.push_back({{"type", object.type}, {"id", object.id}, {"attributes", object.attributes}});
  }
  std::sort(objects.begin(), objects.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return std::tie(a["type"].get_ref<const std::string&>(), a["id"].get_ref<const std::string&>()) <
           std::tie(b["type"].get_ref<const std::string&>(), b["id"].get_ref<const std::string&>());
  });
  // Verdicts of the code checks: "check_id resource" -> status (with the unknown fields of the resource).
  std::vector<const checks::Check*> code_checks;
  for (const auto& check : checks::AllChecks()) {
    if (check.metadata.scope == "L+C") code_checks.push_back(&check);
  }
  nlohmann::json verdicts = nlohmann::json::object();
  for (const auto& f : checks::EvaluateChecks(iac.inventory, code_checks)) {
    verdicts[f.check_id + " " + relabel(f.resource_id)] = checks::StatusName(f.status);
  }
  nlohmann::json unknown = nlohmann::json::object();
  for (const auto& [address, info] : iac.resources) {
    if (!info.unknown_fields.empty()) unknown[relabel(address)] = info.unknown_fields;
  }
  return {{"objects", objects}, {"verdicts", verdicts}, {"unknown", unknown}};
}

std::vector<std::string> ConformanceCases() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kConformanceDir, ec)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class ConformanceTest : public testing::TestWithParam<std::string> {};

TEST(ConformanceFixtures, CoverTheResourceTypes) {
  // One case per family of resource types the code checks read.
  EXPECT_GE(ConformanceCases().size(), 21u);
}

TEST_P(ConformanceTest, EverySpellingGivesTheSameInventory) {
  fs::path dir = kConformanceDir / GetParam();
  std::map<std::string, std::string> labels;
  auto label_json = nlohmann::json::parse(ConformanceRead(dir / "labels.json"));
  for (const auto& [id, label] : label_json.items()) {
    if (label.is_string() && !id.starts_with("_")) labels[id] = label.get<std::string>();
  }
  std::optional<nlohmann::json> reference;
  std::string reference_name;
  int spellings = 0;
  for (const char* name : {"plan.json", "state.json", "template.json", "template.yaml"}) {
    if (!fs::exists(dir / name)) continue;
    ++spellings;
    std::string error;
    nlohmann::json objects = ConformanceComparables(dir / name, labels, error);
    EXPECT_EQ(error, "") << name;
    EXPECT_FALSE(objects["objects"].empty()) << name << " made no inventory object";
    if (!reference) {
      reference = objects;
      reference_name = name;
      continue;
    }
    EXPECT_EQ(objects, *reference) << name << " differs from " << reference_name << ":\n"
                                   << objects.dump(1) << "\nvs\n"
                                   << reference->dump(1);
  }
  EXPECT_GE(spellings, 2) << "a conformance case needs at least two spellings";
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ConformanceTest, testing::ValuesIn(ConformanceCases()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ConformanceTest);

}  // namespace
}  // namespace posture::iac
