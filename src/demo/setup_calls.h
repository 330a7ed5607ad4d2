// The sample estate's setup calls (estate*.cc): after the first failure
// every later call is skipped, and that failure is what the build returns.
// Internal to src/demo; one build, one thread.
#pragma once

#include <string>
#include <utility>

#include "aws/client.h"

namespace posture::demo {

class SetupCalls {
 public:
  // `region`: where calls go unless they name one ("": the client's region).
  explicit SetupCalls(aws::AwsClient& client, std::string region = "") : client_(client), region_(std::move(region)) {}

  // The operation's output; an empty object when it or an earlier call failed.
  aws::Json call(const char* service, const char* operation, const aws::Json& input) {
    return call(service, operation, input, region_);
  }
  aws::Json call(const char* service, const char* operation, const aws::Json& input, const std::string& region) {
    if (!status_.ok()) return aws::Json::object();
    auto result = client_.call(service, operation, input, region);
    if (!result.ok()) {
      status_ = std::move(result.error());
      return aws::Json::object();
    }
    return std::move(*result);
  }
  const base::Status& status() const { return status_; }

 private:
  aws::AwsClient& client_;
  std::string region_;
  base::Status status_ = base::Ok{};
};

}  // namespace posture::demo
