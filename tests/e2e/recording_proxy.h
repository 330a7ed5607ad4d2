// A loopback HTTP proxy in front of moto for end-to-end tests: forwards
// every request, records the AWS operation it carries, and can answer
// chosen operations with an injected error instead. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "aws/curl_transport.h"
#include "support/local_http_server.h"

namespace posture::e2e {

struct RecordedCall {
  std::string method;
  std::string path;
  std::string operation;  // "DescribeSecurityGroups" (query/ec2/json); empty for REST
};

class RecordingProxy {
 public:
  explicit RecordingProxy(std::string upstream);
  std::string url() const { return server_->url(); }
  // Answers `operation` (query/ec2 Action or json target) with `status` and `body`.
  void inject(const std::string& operation, int status, std::string body);
  // The same, only for requests whose body (URL-decoded for the query
  // protocol) contains `needle`: AssumeRole of one account's role.
  void inject_when(const std::string& operation, std::string needle, int status, std::string body);
  std::vector<RecordedCall> calls() const;
  // While paused, every proxy forwards (and injects) without recording: a
  // second run of the same command (moto.h, POSTURE_REFERENCE_BINARY) leaves
  // the test's view of the calls as it was.
  static void PauseRecording(bool paused);

 private:
  testing::ServerResponse handle(const testing::ServerRequest& request);

  std::string upstream_;
  aws::CurlTransport transport_;
  mutable std::mutex mutex_;
  std::vector<RecordedCall> calls_;
  struct Injection {
    std::string needle;  // "" matches every request
    int status;
    std::string body;
  };
  std::multimap<std::string, Injection> injected_;  // by operation
  std::unique_ptr<testing::LocalHttpServer> server_;
};

}  // namespace posture::e2e
