// Error values and the AWS error codes every layer classifies alike.
#include "base/error.h"

#include <gtest/gtest.h>

namespace posture::base {
namespace {

TEST(ErrorTest, ThrottlingCodesMatchTheSdks) {
  for (const char* code :
       {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException"}) {
    EXPECT_TRUE(IsThrottlingCode(code)) << code;
  }
  EXPECT_FALSE(IsThrottlingCode("AccessDenied"));
}

TEST(ErrorTest, DescribeNamesCodeAndRequestId) {
  EXPECT_EQ(Error::AccessDenied("no").with_code("AccessDenied").with_request_id("r1").describe(),
            "AccessDenied: no (request id r1)");
  EXPECT_EQ(Error::Parse("bad AccessDenied text").with_code("AccessDenied").describe(), "bad AccessDenied text");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kServiceUnavailable), "service_unavailable");
  Result<int> failed = Error::NotFound("gone");
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace posture::base
