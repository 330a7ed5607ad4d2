// `posture api SERVICE OPERATION`: calls one AWS operation and prints the
// parsed (by default fully paginated) response as JSON. The user's debugging
// tool and the end-to-end driver of the AWS layer.
#pragma once

#include <string>
#include <vector>

namespace posture::cli {

// Returns the process exit code: 0 success, 1 the call failed, 2 usage error.
int RunApiCommand(const std::vector<std::string>& args);

}  // namespace posture::cli
