#include "aws/regions.h"

#include <gtest/gtest.h>

#include "support/fake_clock.h"
#include "support/fake_transport.h"

namespace posture::aws {
namespace {

class RegionsTest : public ::testing::Test {
 protected:
  AwsClient Client() {
    ClientOptions options;
    options.region = "us-east-1";
    options.retry.adaptive = false;
    Credentials credentials{"AKID", "secret", "", std::nullopt, "test"};
    return AwsClient(transport_, std::make_shared<StaticCredentialProvider>(credentials), options, clock_);
  }
  testing::FakeTransport transport_;
  testing::FakeClock clock_;
};

TEST_F(RegionsTest, ListsEnabledRegionsSortedAndSkipsNotOptedIn) {
  transport_.push_response(200, R"(<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>r1</requestId>
  <regionInfo>
    <item><regionName>us-west-2</regionName><regionEndpoint>ec2.us-west-2.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
    <item><regionName>af-south-1</regionName><regionEndpoint>ec2.af-south-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus></item>
    <item><regionName>ap-east-1</regionName><regionEndpoint>ec2.ap-east-1.amazonaws.com</regionEndpoint><optInStatus>opted-in</optInStatus></item>
    <item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
  </regionInfo>
</DescribeRegionsResponse>)");
  auto client = Client();
  auto regions = DiscoverEnabledRegions(client);
  ASSERT_TRUE(regions.ok()) << regions.error().describe();
  EXPECT_EQ(*regions, (std::vector<std::string>{"ap-east-1", "eu-west-1", "us-west-2"}));
  auto request = transport_.requests().at(0);
  EXPECT_EQ(request.url, "https://ec2.us-east-1.amazonaws.com/");
  EXPECT_NE(request.body.find("Action=DescribeRegions"), std::string::npos);
}

TEST_F(RegionsTest, DeniedDiscoveryIsTheCallsError) {
  transport_.push_response(
      403,
      R"(<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r2</RequestID></Response>)");
  auto client = Client();
  auto regions = DiscoverEnabledRegions(client);
  ASSERT_FALSE(regions.ok());
  EXPECT_EQ(regions.error().kind(), base::ErrorKind::kAccessDenied);
  EXPECT_EQ(regions.error().request_id(), "r2");
}

}  // namespace
}  // namespace posture::aws
