// `posture iac PATH...`: the checks of scope L+C on Terraform/OpenTofu plans
// and state and CloudFormation templates, before anything is deployed.
#pragma once

#include <string>
#include <vector>

namespace posture::cli {

// Exit codes: 0 nothing failing at or above --fail-on; 1 a file could not
// be read (the others are still checked and reported); 2 usage error; 3
// failing findings at or above --fail-on.
int RunIacCommand(const std::vector<std::string>& args);

}  // namespace posture::cli
