// Enabled-region discovery: the regions a scan covers by default.
// Thread-safe (it only calls the client).
#pragma once

#include <string>
#include <vector>

#include "aws/client.h"

namespace posture::aws {

// Calls ec2:DescribeRegions in the client's default region and returns the
// regions enabled for the account (opt-in not required, or opted in),
// sorted. The error is the call's error, unchanged.
base::Result<std::vector<std::string>> DiscoverEnabledRegions(AwsClient& client);

}  // namespace posture::aws
