// `posture checks`: every registered check with its metadata, one check's
// details, or a framework's controls and the checks for each.
#pragma once

#include <string>
#include <vector>

namespace posture::cli {

int RunChecksCommand(const std::vector<std::string>& args);

}  // namespace posture::cli
