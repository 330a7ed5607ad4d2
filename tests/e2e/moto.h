// End-to-end support: one moto_server per test process on a free loopback
// port, reset between tests, and a runner for the posture binary.
//
// MotoEnvironment starts `moto_server` (with MOTO_IAM_LOAD_MANAGED_POLICIES
// so AWS-managed policies exist) once; tests call Moto().reset(). When
// moto_server is not installed every e2e test is skipped with a message
// saying how to get it. Not thread-safe: tests run sequentially.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace posture::e2e {

class MotoServer {
 public:
  bool start();
  void stop();
  bool running() const { return pid_ > 0; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  // POST /moto-api/reset: forget every resource.
  void reset();

 private:
  int pid_ = -1;
  int port_ = 0;
};

MotoServer& Moto();

class MotoEnvironment : public ::testing::Environment {
 public:
  void SetUp() override;
  void TearDown() override;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the posture binary with `args` and exactly the environment `env`
// (plus PATH), with stdin closed. Fails the test on a hang (60 s). With
// POSTURE_REFERENCE_BINARY set, a `scan`, `iac` or `drift` run printing JSON
// runs that binary too and fails the test unless it gives the same exit
// code and report (times, request counts and error order aside).
RunResult RunPosture(const std::vector<std::string>& args, const std::map<std::string, std::string>& env);

// Runs `posture api ARGS...` (creating resources in moto) and fails the
// test unless it exits 0.
void Api(const std::vector<std::string>& args, const std::map<std::string, std::string>& env);

// The findings of `check_id` in a JSON report: resource id -> status.
std::map<std::string, std::string> Statuses(const nlohmann::json& report, const std::string& check_id);

// An environment pointing posture at moto with test credentials and a
// private HOME (no user config), region us-east-1.
std::map<std::string, std::string> MotoEnv();

// A loopback TCP port free right now (for servers the tests start).
int FreePort();

// A fresh temporary directory for one test's files.
std::string TempDir();
void WriteFile(const std::string& path, const std::string& content);

#define POSTURE_REQUIRE_MOTO()                                                                  \
  do {                                                                                          \
    if (!::posture::e2e::Moto().running())                                                      \
      GTEST_SKIP() << "moto_server not installed: pip install 'moto[server]' to run e2e tests"; \
    ::posture::e2e::Moto().reset();                                                             \
  } while (0)

}  // namespace posture::e2e
