// `posture demo`: scans a built-in vulnerable sample estate with no AWS
// account: starts moto_server on a free loopback port, builds the estate
// with posture's own client (src/demo), scans it and stops the server.
#pragma once

#include <string>
#include <vector>

namespace posture::cli {

// The scan flags apply to the scan (--format json, --checks ...). Exit codes:
// 0 the demo ran (findings are the point, not a failure), 1 it could not
// run (moto_server missing or failing), 2 usage error.
int RunDemoCommand(const std::vector<std::string>& args);

}  // namespace posture::cli
