// `posture drift --state FILE`: what differs between Terraform state and the
// live account: resources no state manages (made by hand), resources the
// state holds that no longer exist, and security-relevant attributes that
// changed (security group rules, public access, encryption, policies).
#pragma once

#include <string>
#include <vector>

namespace posture::cli {

// Exit codes: 0 no drift; 1 the state could not be read or AWS not reached;
// 2 usage error; 3 drift found.
int RunDriftCommand(const std::vector<std::string>& args);

}  // namespace posture::cli
