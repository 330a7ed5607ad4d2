// The sample account `posture demo` scans: moto_server (a local AWS
// endpoint) started as a child process on a free loopback port, with the
// built-in vulnerable estate (estate.h) created in it by posture's own
// client. Start() points this process's AWS settings at it (credentials,
// region, endpoint; the user's own profile and credentials no longer
// apply), so call it before any thread starts. The server stops when the
// object is destroyed.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "base/error.h"

namespace posture::demo {

class SampleAccount {
 public:
  // Fails with one line: moto_server is not installed (and how to install
  // it), cannot be started, or did not answer within a minute.
  static base::Result<std::unique_ptr<SampleAccount>> Start();
  ~SampleAccount();
  SampleAccount(const SampleAccount&) = delete;
  SampleAccount& operator=(const SampleAccount&) = delete;

  // "http://127.0.0.1:PORT"
  const std::string& url() const { return url_; }
  // Creates the estate; the first failed call's error.
  base::Status build();

 private:
  SampleAccount() = default;
  pid_t pid_ = -1;
  std::string url_;
};

}  // namespace posture::demo
