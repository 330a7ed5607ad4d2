// node_exporter textfile: atomic replacement and clear errors.
#include "telemetry/metrics_textfile.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace posture::telemetry {
namespace {

std::string TextfileTestDir() {
  auto dir = std::filesystem::temp_directory_path() / ("posture-textfile-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string TextfileRead(const std::string& path) {
  std::ifstream in(path);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(MetricsTextfile, WritesAndReplacesLeavingNoTemporaryFile) {
  std::string dir = TextfileTestDir();
  std::string path = dir + "/posture.prom";
  ASSERT_TRUE(WriteTextfileAtomically(path, "a 1\n").ok());
  ASSERT_TRUE(WriteTextfileAtomically(path, "b 2\n").ok());
  EXPECT_EQ(TextfileRead(path), "b 2\n");
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1);
  std::filesystem::remove_all(dir);
}

TEST(MetricsTextfile, ReaderNeverSeesAPartialFile) {
  std::string dir = TextfileTestDir();
  std::string path = dir + "/posture.prom";
  std::string big_a(200000, 'a'), big_b(100000, 'b');
  ASSERT_TRUE(WriteTextfileAtomically(path, big_a).ok());
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(WriteTextfileAtomically(path, i % 2 ? big_a : big_b).ok());
    done = true;
  });
  while (!done) {
    std::string seen = TextfileRead(path);
    ASSERT_TRUE(seen == big_a || seen == big_b) << seen.size();
  }
  writer.join();
  std::filesystem::remove_all(dir);
}

TEST(MetricsTextfile, MissingDirectoryIsAClearError) {
  auto status = WriteTextfileAtomically("/nonexistent-posture-dir/x.prom", "a 1\n");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message().find("/nonexistent-posture-dir/x.prom"), std::string::npos);
  EXPECT_NE(status.error().message().find("No such file"), std::string::npos) << status.error().message();
}

TEST(MetricsTextfile, EmptyPathOrDirectoryIsRejected) {
  EXPECT_FALSE(WriteTextfileAtomically("", "a").ok());
  EXPECT_FALSE(WriteTextfileAtomically("/tmp/", "a").ok());
}

}  // namespace
}  // namespace posture::telemetry
