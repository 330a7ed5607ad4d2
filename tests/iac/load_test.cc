#include "iac/load.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace posture::iac {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLoadTemplate =
    "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n";

void LoadWrite(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

fs::path LoadTempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("posture-load-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(LoadIacTest, DirectoriesAreSearchedByContent) {
  fs::path dir = LoadTempDir("dir");
  LoadWrite(dir / "stacks" / "kms.yaml", kLoadTemplate);
  LoadWrite(dir / "cdk.out" / "App.template.json",
            R"({"Resources":{"Logs":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"logs"}}}})");
  LoadWrite(dir / "package.json", R"({"name":"not-iac","version":"1.0.0"})");  // JSON, not IaC: skipped
  LoadWrite(dir / "k8s.yaml", "apiVersion: v1\nkind: ConfigMap\n");            // YAML, not IaC: skipped
  LoadWrite(dir / "notes.txt", "Resources: nothing\n");                        // not a candidate name
  LoadWrite(dir / ".git" / "config.json", R"({"Resources":{"X":{"Type":"AWS::S3::Bucket"}}})");  // not entered
  LoadResult result = LoadIac({dir.string()});
  EXPECT_TRUE(result.errors.empty()) << result.errors[0].text();
  ASSERT_EQ(result.files.size(), 2u);
  EXPECT_EQ(result.files[0].format, SourceFormat::kCloudFormation);
  EXPECT_TRUE(result.iac.resources.count("Key"));
  EXPECT_EQ(result.iac.unsupported.size(), 0u);
  fs::remove_all(dir);
}

TEST(LoadIacTest, AFileNamedExplicitlyMustBeIac) {
  fs::path dir = LoadTempDir("explicit");
  LoadWrite(dir / "package.json", R"({"name":"not-iac"})");
  LoadResult result = LoadIac({(dir / "package.json").string(), (dir / "missing.json").string()});
  ASSERT_EQ(result.errors.size(), 2u);
  EXPECT_NE(result.errors[0].text().find("not a Terraform plan or state"), std::string::npos);
  EXPECT_NE(result.errors[1].text().find("no such file or directory"), std::string::npos);
  fs::remove_all(dir);
}

TEST(LoadIacTest, StdinIsRead) {
  std::istringstream in(kLoadTemplate);
  LoadOptions options;
  options.stdin_stream = &in;
  LoadResult result = LoadIac({"-"}, options);
  EXPECT_TRUE(result.errors.empty());
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].path, "-");
  EXPECT_TRUE(result.iac.resources.count("Key"));
}

TEST(LoadIacTest, AMalformedFileDoesNotStopTheOthers) {
  fs::path dir = LoadTempDir("malformed");
  LoadWrite(dir / "a-broken.json", R"({"Resources": {"Key": {"Type": )");
  LoadWrite(dir / "b-good.yaml", kLoadTemplate);
  LoadResult result = LoadIac({dir.string()});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].text().find("a-broken.json:1:"), std::string::npos) << result.errors[0].text();
  EXPECT_TRUE(result.iac.resources.count("Key"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace posture::iac
