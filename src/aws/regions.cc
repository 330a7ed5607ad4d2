#include "aws/regions.h"

#include <algorithm>

namespace posture::aws {

base::Result<std::vector<std::string>> DiscoverEnabledRegions(AwsClient& client) {
  // Without AllRegions the API lists only enabled regions; the status filter
  // guards against endpoints that list every region anyway.
  auto result = client.call("ec2", "DescribeRegions", Json::object());
  if (!result.ok()) return std::move(result.error());
  std::vector<std::string> regions;
  for (const auto& region : result->value("Regions", Json::array())) {
    std::string status = region.value("OptInStatus", "opt-in-not-required");
    if (status == "not-opted-in") continue;
    if (auto name = region.find("RegionName"); name != region.end() && name->is_string()) {
      regions.push_back(name->get<std::string>());
    }
  }
  std::sort(regions.begin(), regions.end());
  if (regions.empty()) return base::Error::ServiceUnavailable("ec2:DescribeRegions listed no enabled region");
  return regions;
}

}  // namespace posture::aws
