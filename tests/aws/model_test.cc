#include "aws/model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "aws/models_embedded.h"
#include "aws/protocols/shape.h"

namespace posture::aws {
namespace {

const std::filesystem::path kModelsDir = std::filesystem::path(__FILE__).parent_path() / "../../src/aws/models";

// First in the file so that, run alone, it races the first parse.
TEST(ServiceModelTest, ConcurrentFirstUseYieldsOneInstancePerModel) {
  const std::vector<std::string> names = ServiceModelNames();
  constexpr int kThreads = 8;
  std::vector<std::vector<const ServiceModel*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread walks the models in a different order.
      for (size_t i = 0; i < names.size(); ++i) {
        seen[t].push_back(FindServiceModel(names[(i + static_cast<size_t>(t) * 3) % names.size()]));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    for (size_t i = 0; i < names.size(); ++i) {
      const std::string& name = names[(i + static_cast<size_t>(t) * 3) % names.size()];
      ASSERT_NE(seen[t][i], nullptr) << name;
      EXPECT_EQ(seen[t][i], FindServiceModel(name)) << name;
    }
  }
}

TEST(ServiceModelTest, NamesAreSortedAndCoverEveryEmbeddedModel) {
  const std::vector<std::string> names = ServiceModelNames();
  ASSERT_EQ(names.size(), kEmbeddedModelCount);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const char* expected : {"iam", "sts", "ec2", "s3", "s3control", "sso", "sso-admin", "network-firewall"}) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), expected)) << expected;
  }
}

TEST(ServiceModelTest, EmbeddedModelsMatchTheModelFiles) {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kModelsDir)) {
    if (entry.path().extension() == ".json") files.insert(entry.path().stem().string());
  }
  const std::vector<std::string> names = ServiceModelNames();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), files);
}

TEST(ServiceModelTest, FindReturnsTheSamePointerEveryTime) {
  const ServiceModel* iam = FindServiceModel("iam");
  ASSERT_NE(iam, nullptr);
  EXPECT_EQ(FindServiceModel("iam"), iam);
  EXPECT_EQ(FindServiceModel("no-such-service"), nullptr);
  EXPECT_EQ(FindServiceModel(""), nullptr);
  EXPECT_EQ(FindServiceModel("IAM"), nullptr);
}

TEST(ServiceModelTest, ParsesMetadata) {
  const ServiceModel* iam = FindServiceModel("iam");
  ASSERT_NE(iam, nullptr);
  EXPECT_EQ(iam->name(), "iam");
  EXPECT_EQ(iam->protocol(), "query");
  EXPECT_EQ(iam->api_version(), "2010-05-08");
  EXPECT_EQ(iam->endpoint_prefix(), "iam");
  EXPECT_EQ(iam->signing_name(), "iam");  // falls back to endpointPrefix
  EXPECT_EQ(iam->service_id(), "IAM");
  EXPECT_EQ(iam->global_endpoint(), "iam.amazonaws.com");
  EXPECT_EQ(iam->json_version(), "");
  EXPECT_EQ(iam->target_prefix(), "");

  const ServiceModel* sso_admin = FindServiceModel("sso-admin");
  ASSERT_NE(sso_admin, nullptr);
  EXPECT_EQ(sso_admin->name(), "sso-admin");
  EXPECT_EQ(sso_admin->protocol(), "json");
  EXPECT_EQ(sso_admin->json_version(), "1.1");
  EXPECT_EQ(sso_admin->target_prefix(), "SWBExternalService");
  EXPECT_EQ(sso_admin->endpoint_prefix(), "sso");
  EXPECT_EQ(sso_admin->signing_name(), "sso");
  EXPECT_EQ(sso_admin->service_id(), "SSO Admin");

  const ServiceModel* s3control = FindServiceModel("s3control");
  ASSERT_NE(s3control, nullptr);
  EXPECT_EQ(s3control->protocol(), "rest-xml");
  EXPECT_EQ(s3control->endpoint_prefix(), "s3-control");
  EXPECT_EQ(s3control->signing_name(), "s3");

  const ServiceModel* sso = FindServiceModel("sso");
  ASSERT_NE(sso, nullptr);
  EXPECT_EQ(sso->endpoint_prefix(), "portal.sso");
  EXPECT_EQ(sso->signing_name(), "awsssoportal");
}

TEST(ServiceModelTest, CloudWatchUsesTheLegacyQueryProtocol) {
  // botocore 1.43 would choose "json" from metadata.protocols; posture keeps query.
  const ServiceModel* cloudwatch = FindServiceModel("cloudwatch");
  ASSERT_NE(cloudwatch, nullptr);
  EXPECT_EQ(cloudwatch->protocol(), "query");
  EXPECT_EQ(cloudwatch->endpoint_prefix(), "monitoring");
}

TEST(ServiceModelTest, LooksUpOperationsShapesAndPaginators) {
  const ServiceModel* iam = FindServiceModel("iam");
  ASSERT_NE(iam, nullptr);
  const Json* list_users = iam->operation("ListUsers");
  ASSERT_NE(list_users, nullptr);
  EXPECT_EQ((*list_users)["http"]["method"], "POST");
  EXPECT_EQ((*list_users)["output"]["resultWrapper"], "ListUsersResult");
  EXPECT_EQ(iam->operation("DeleteUser"), nullptr);  // trimmed away
  EXPECT_EQ(iam->operation(""), nullptr);

  const Json* user = iam->shape("User");
  ASSERT_NE(user, nullptr);
  EXPECT_EQ((*user)["type"], "structure");
  EXPECT_EQ(iam->shape("NoSuchShape"), nullptr);

  const Json* paginator = iam->paginator("ListUsers");
  ASSERT_NE(paginator, nullptr);
  EXPECT_EQ((*paginator)["input_token"], "Marker");
  EXPECT_EQ((*paginator)["output_token"], "Marker");
  EXPECT_EQ((*paginator)["result_key"], "Users");
  EXPECT_EQ(iam->paginator("GetAccountSummary"), nullptr);

  const std::vector<std::string> operations = iam->operation_names();
  EXPECT_NE(std::find(operations.begin(), operations.end(), "ListUsers"), operations.end());
  EXPECT_NE(std::find(operations.begin(), operations.end(), "GetAccountAuthorizationDetails"), operations.end());
}

TEST(ServiceModelTest, ToleratesAMalformedModel) {
  ServiceModel empty(Json::array());
  EXPECT_EQ(empty.name(), "");
  EXPECT_EQ(empty.protocol(), "");
  EXPECT_EQ(empty.operation("X"), nullptr);
  EXPECT_EQ(empty.shape("X"), nullptr);
  EXPECT_EQ(empty.paginator("X"), nullptr);
  EXPECT_TRUE(empty.operation_names().empty());

  ServiceModel odd(Json{{"metadata", "not an object"}, {"operations", {{"Op", {{"name", "Op"}}}}}});
  EXPECT_EQ(odd.api_version(), "");
  EXPECT_NE(odd.operation("Op"), nullptr);
}

// Every shape reference in every embedded model resolves, so protocol code
// can rely on it.
TEST(ServiceModelTest, EveryShapeReferenceResolves) {
  for (const std::string& name : ServiceModelNames()) {
    const ServiceModel* model = FindServiceModel(name);
    ASSERT_NE(model, nullptr) << name;
    EXPECT_EQ(model->name(), name);
    EXPECT_TRUE(model->protocol() == "query" || model->protocol() == "ec2" || model->protocol() == "json" ||
                model->protocol() == "rest-json" || model->protocol() == "rest-xml")
        << name << ": " << model->protocol();
    for (const std::string& operation : model->operation_names()) {
      const Json& spec = *model->operation(operation);
      if (spec.contains("input")) {
        EXPECT_TRUE(InputRef(*model, spec).valid()) << name << ":" << operation;
      }
      if (spec.contains("output")) {
        EXPECT_TRUE(OutputRef(*model, spec).valid()) << name << ":" << operation;
      }
    }
  }
}

TEST(ServiceModelTest, EveryMemberListAndMapReferenceResolves) {
  size_t checked = 0;
  for (const std::string& name : ServiceModelNames()) {
    const ServiceModel* model = FindServiceModel(name);
    ASSERT_NE(model, nullptr);
    for (const std::string& operation : model->operation_names()) {
      // Walk everything reachable from the operation.
      std::vector<ShapeRef> pending;
      std::set<const Json*> seen;
      const Json& spec = *model->operation(operation);
      if (InputRef(*model, spec).valid()) pending.push_back(InputRef(*model, spec));
      if (OutputRef(*model, spec).valid()) pending.push_back(OutputRef(*model, spec));
      while (!pending.empty()) {
        const ShapeRef shape = pending.back();
        pending.pop_back();
        if (!seen.insert(&shape.shape()).second) continue;
        ++checked;
        const std::string_view type = shape.type();
        if (type == "structure") {
          for (const auto& [member, ref] : shape.members().items()) {
            const ShapeRef resolved = MemberShape(*model, shape, member);
            ASSERT_TRUE(resolved.valid()) << name << ":" << operation << " member " << member;
            pending.push_back(resolved);
          }
        } else if (type == "list") {
          ASSERT_TRUE(ListMember(*model, shape).valid()) << name << ":" << operation;
          pending.push_back(ListMember(*model, shape));
        } else if (type == "map") {
          ASSERT_TRUE(MapKey(*model, shape).valid()) << name << ":" << operation;
          ASSERT_TRUE(MapValue(*model, shape).valid()) << name << ":" << operation;
          pending.push_back(MapValue(*model, shape));
        } else {
          const std::set<std::string_view> scalars = {"string", "integer", "long",      "float",
                                                      "double", "boolean", "timestamp", "blob"};
          EXPECT_TRUE(scalars.count(type)) << name << ":" << operation << " has type " << type;
        }
      }
    }
  }
  EXPECT_GT(checked, 1000u);
}

// operations.txt is the contract: every operation it lists is in the model.
TEST(ServiceModelTest, EveryListedOperationIsModelled) {
  std::ifstream file(kModelsDir / "operations.txt");
  ASSERT_TRUE(file.good());
  std::string line;
  size_t listed = 0;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(':');
    ASSERT_NE(colon, std::string::npos) << line;
    const std::string service = line.substr(0, colon);
    const ServiceModel* model = FindServiceModel(service);
    ASSERT_NE(model, nullptr) << service;
    std::istringstream operations(line.substr(colon + 1));
    std::string operation;
    while (operations >> operation) {
      EXPECT_NE(model->operation(operation), nullptr) << service << ":" << operation;
      ++listed;
    }
  }
  EXPECT_GT(listed, 200u);
}

}  // namespace
}  // namespace posture::aws
