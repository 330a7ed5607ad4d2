// ProcessProvider: credentials printed by an external command, the
// `credential_process` setting of a profile.
//
// The command line is split like a POSIX shell word list (whitespace
// separates words; double quotes group and honour \" \\ \$ \`; single
// quotes group literally; a backslash outside quotes escapes the next
// character), run without a shell (PATH is searched), with this process's
// environment, stdin and stderr; its stdout must be JSON
// {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?,
// "Expiration"?}. A non-zero exit, a timeout (the process is killed), more
// than 1 MiB of output or bad JSON is a kCredentials error that never
// quotes the output, which may hold secrets. Thread-safe: each fetch runs
// the command once.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "aws/credentials/credentials.h"

namespace posture::aws {

// Splits `command` into words as described above. InvalidInput for an
// unterminated quote or a trailing backslash.
base::Result<std::vector<std::string>> SplitCommandLine(std::string_view command);

class ProcessProvider final : public CredentialProvider {
 public:
  static constexpr std::chrono::milliseconds kDefaultTimeout{std::chrono::minutes(1)};

  // `profile` names the profile in messages.
  ProcessProvider(std::string command, std::string profile, std::chrono::milliseconds timeout = kDefaultTimeout);

  base::Result<Credentials> fetch() override;
  std::string name() const override { return "profile " + profile_ + " (credential_process)"; }

 private:
  std::string command_;
  std::string profile_;
  std::chrono::milliseconds timeout_;
};

}  // namespace posture::aws
