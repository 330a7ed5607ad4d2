// Conformance with the live API: for the conformance fixtures of types moto
// supports (tests/iac/testdata/conformance/<case>/moto.json), the same
// resources are created in moto, collected by the live collectors, and must
// give the same inventory objects (Comparables) as the Terraform plan of the
// fixture. moto.json: {"calls": [{"service", "operation", "input", "label",
// "id_path"}]} — `label` names the created object (as labels.json does) and
// `id_path` is the JSON pointer of its id in the response. "${label}" in an
// input is replaced by that object's live id.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aws/client.h"
#include "aws/credentials/credentials.h"
#include "aws/curl_transport.h"
#include "checks/check.h"
#include "collect/collect.h"
#include "e2e/moto.h"
#include "iac/load.h"

namespace posture::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kLiveConformanceDir = fs::path(POSTURE_IAC_TESTDATA_DIR) / "conformance";

std::string LiveRead(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Substitute(std::string text, const std::map<std::string, std::string>& ids) {
  for (const auto& [label, id] : ids) {
    std::string token = "${" + label + "}";
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + id.size())) {
      text.replace(at, token.size(), id);
    }
  }
  return text;
}

// Comparables of the labelled objects, sorted.
Json LabelledComparables(const inventory::Inventory& inventory, const std::map<std::string, std::string>& labels) {
  Json out = Json::array();
  auto relabel = [&](const std::string& id) {
    auto it = labels.find(id);
    return it == labels.end() ? id : it->second;
  };
  std::set<std::string> wanted;
  for (const auto& [id, label] : labels) wanted.insert(label);
  for (auto& object : iac::Comparables(inventory, relabel)) {
    if (!wanted.count(object.id)) continue;  // moto's defaults (VPC, groups, ACLs) and other cases' objects
    out.push_back({{"type", object.type}, {"id", object.id}, {"attributes", object.attributes}});
  }
  std::sort(out.begin(), out.end(), [](const Json& a, const Json& b) {
    return std::tie(a["type"].get_ref<const std::string&>(), a["id"].get_ref<const std::string&>()) <
           std::tie(b["type"].get_ref<const std::string&>(), b["id"].get_ref<const std::string&>());
  });
  return out;
}

std::vector<std::string> LiveCases() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kLiveConformanceDir, ec)) {
    if (fs::exists(entry.path() / "moto.json")) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class LiveConformanceTest : public testing::TestWithParam<std::string> {};

TEST_P(LiveConformanceTest, MotoGivesThePlansInventory) {
  POSTURE_REQUIRE_MOTO();
  fs::path dir = kLiveConformanceDir / GetParam();
  static aws::CurlTransport transport;
  aws::ClientOptions options;
  options.region = "us-east-1";
  options.endpoints.all = Moto().url();
  aws::AwsClient client(transport,
                        std::make_shared<aws::StaticCredentialProvider>(aws::Credentials{
                            "AKIATESTTESTTEST1234", "testsecretkeytestsecretkeytestsecretkey1", "", {}, "test"}),
                        options);

  // Labels of the plan's spellings, then of the live ids as they are created.
  std::map<std::string, std::string> labels;
  const Json label_json = Json::parse(LiveRead(dir / "labels.json"));
  for (const auto& [id, label] : label_json.items()) {
    if (label.is_string() && !id.starts_with("_")) labels[id] = label.get<std::string>();
  }
  std::map<std::string, std::string> live_ids;  // label -> live id
  const Json moto = Json::parse(LiveRead(dir / "moto.json"));
  for (const auto& call : moto["calls"]) {
    Json input = Json::parse(Substitute(call.value("input", Json::object()).dump(), live_ids));
    auto result = client.call(call["service"].get<std::string>(), call["operation"].get<std::string>(), input);
    ASSERT_TRUE(result.ok()) << call.dump() << ": " << result.error().describe();
    if (call.contains("label")) {
      std::string id = (*result)[Json::json_pointer(call["id_path"].get<std::string>())].get<std::string>();
      live_ids[call["label"]] = id;
      labels[id] = call["label"];
    }
  }

  // What the code checks read, plus bucket versioning (compared, though only a live check reads it);
  // not every section: moto lacks some services, and their retried 500s cost seconds per case.
  std::vector<const checks::Check*> code_checks;
  for (const auto& check : checks::AllChecks()) {
    if (check.metadata.scope == "L+C") code_checks.push_back(&check);
  }
  collect::CollectOptions collect;
  collect.regions = {"us-east-1"};
  collect.sections = checks::NeededSections(code_checks);
  collect.sections.insert("s3.buckets.versioning");
  auto live = collect::CollectInventory(client, collect);
  ASSERT_TRUE(live.ok());

  iac::InventoryBuilder builder;
  iac::LoadResult loaded;
  iac::LoadIacText((dir / "plan.json").string(), LiveRead(dir / "plan.json"), true, builder, loaded);
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors[0].text();
  auto planned = builder.finish();

  Json from_plan = LabelledComparables(planned.inventory, labels);
  Json from_moto = LabelledComparables(*live, labels);
  EXPECT_FALSE(from_plan.empty());
  EXPECT_EQ(from_moto, from_plan) << "live:\n" << from_moto.dump(1) << "\nplan:\n" << from_plan.dump(1);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, LiveConformanceTest, testing::ValuesIn(LiveCases()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(LiveConformanceTest);

}  // namespace
}  // namespace posture::e2e
