#include "aws/retry.h"

#include <gtest/gtest.h>

#include "aws/client.h"
#include "support/fake_clock.h"
#include "support/fake_transport.h"

namespace posture::aws {
namespace {

using testing::FakeClock;

base::Error Throttle() { return base::Error::Throttled("Rate exceeded").with_code("Throttling").with_http_status(400); }

TEST(RetryTest, ClassifiesRetryableErrors) {
  EXPECT_TRUE(IsRetryable(Throttle()));
  EXPECT_TRUE(IsRetryable(base::Error::InvalidInput("x").with_code("RequestLimitExceeded").with_http_status(503)));
  EXPECT_TRUE(IsRetryable(base::Error::InvalidInput("x").with_code("SlowDown").with_http_status(503)));
  EXPECT_TRUE(IsRetryable(base::Error::Network("connection reset")));
  for (int status : {500, 502, 503, 504}) {
    EXPECT_TRUE(IsRetryable(base::Error::ServiceUnavailable("x").with_http_status(status))) << status;
  }
  EXPECT_FALSE(IsRetryable(base::Error::ServiceUnavailable("x").with_http_status(501)));
  EXPECT_FALSE(IsRetryable(base::Error::AccessDenied("x").with_code("AccessDenied").with_http_status(403)));
  EXPECT_FALSE(IsRetryable(base::Error::NotFound("x").with_code("NoSuchEntity").with_http_status(404)));
  EXPECT_FALSE(IsRetryable(base::Error::InvalidInput("x").with_code("ValidationError").with_http_status(400)));
  EXPECT_FALSE(IsRetryable(base::Error::Network("bad cert").with_code("TlsVerificationFailed")));
}

TEST(RetryTest, BackoffIsFullJitterCappedAtTwentySeconds) {
  FakeClock clock;
  RetryOptions options;
  options.max_attempts = 10;
  options.adaptive = false;
  options.random = [] { return 0.999; };
  RetryStrategy strategy(options, clock);
  EXPECT_EQ(strategy.on_failure("s", Throttle(), 1)->count(), 999);
  EXPECT_EQ(strategy.on_failure("s", Throttle(), 2)->count(), 1998);
  EXPECT_EQ(strategy.on_failure("s", Throttle(), 5)->count(), 15984);
  EXPECT_EQ(strategy.on_failure("s", Throttle(), 6)->count(), 20000);
  EXPECT_FALSE(strategy.on_failure("s", Throttle(), 10).has_value());  // attempts exhausted
}

TEST(RetryTest, RetryQuotaStopsRetryStormsAndRefillsOnSuccess) {
  FakeClock clock;
  RetryOptions options;
  options.max_attempts = 3;
  options.adaptive = false;
  options.random = [] { return 0.0; };
  RetryStrategy strategy(options, clock);
  base::Error network = base::Error::Network("connection reset");
  int granted = 0;
  while (strategy.on_failure("s", network, 1).has_value()) ++granted;
  EXPECT_EQ(granted, 50);  // 500 tokens / 10 per network retry
  strategy.on_success("s", true);
  EXPECT_FALSE(strategy.on_failure("s", network, 1).has_value());    // 5 tokens < 10
  EXPECT_TRUE(strategy.on_failure("s", Throttle(), 1).has_value());  // 5 tokens suffice for a throttle
}

TEST(RetryTest, AdaptiveLimiterIsFreeUntilThrottledThenSlowsAndRecovers) {
  FakeClock clock;
  AdaptiveRateLimiter limiter(clock);
  for (int i = 0; i < 100; ++i) limiter.acquire();
  EXPECT_TRUE(clock.sleeps().empty());
  EXPECT_EQ(limiter.fill_rate(), 0.0);

  // Ten requests a second for a few seconds, then a throttle.
  for (int i = 0; i < 40; ++i) {
    clock.advance(std::chrono::milliseconds(100));
    limiter.on_response(false);
  }
  limiter.on_response(true);
  double throttled_rate = limiter.fill_rate();
  EXPECT_GT(throttled_rate, 0.0);
  EXPECT_LT(throttled_rate, 10.0);

  // Sending now waits for tokens.
  for (int i = 0; i < 20; ++i) limiter.acquire();
  EXPECT_FALSE(clock.sleeps().empty());

  // Successes over time raise the rate again (cubic recovery).
  for (int i = 0; i < 100; ++i) {
    clock.advance(std::chrono::milliseconds(100));
    limiter.on_response(false);
  }
  EXPECT_GT(limiter.fill_rate(), throttled_rate);
}

TEST(RetryTest, StrategyKeepsOneLimiterPerScope) {
  FakeClock clock;
  RetryOptions options;
  options.random = [] { return 0.0; };
  RetryStrategy strategy(options, clock);
  ASSERT_TRUE(strategy.on_failure("ec2/us-east-1", Throttle(), 1).has_value());
  strategy.before_attempt("iam/us-east-1");  // another scope is not slowed down
  EXPECT_TRUE(clock.sleeps().empty());
}

}  // namespace
}  // namespace posture::aws

namespace posture::aws {
namespace {

TEST(RegionRateLimitTest, ABurstOfOneSecondIsFreeThenRequestsAreSpaced) {
  testing::FakeClock clock;
  RegionRateLimit limit(10, clock);
  for (int i = 0; i < 10; ++i) limit.acquire("us-east-1");
  EXPECT_TRUE(clock.sleeps().empty());
  // The eleventh waits for one token (100 ms); sleeping advances the fake
  // clock, so the twelfth waits another 100 ms.
  limit.acquire("us-east-1");
  limit.acquire("us-east-1");
  EXPECT_EQ(clock.sleeps(),
            (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(100), std::chrono::milliseconds(100)}));
}

TEST(RegionRateLimitTest, RegionsHaveTheirOwnBuckets) {
  testing::FakeClock clock;
  RegionRateLimit limit(2, clock);
  limit.acquire("us-east-1");
  limit.acquire("us-east-1");
  limit.acquire("eu-west-1");
  limit.acquire("eu-west-1");
  EXPECT_TRUE(clock.sleeps().empty());
  limit.acquire("eu-west-1");
  EXPECT_EQ(clock.sleeps().size(), 1u);
}

TEST(RegionRateLimitTest, TokensAccrueWithTimeUpToOneSecondsWorth) {
  testing::FakeClock clock;
  RegionRateLimit limit(4, clock);
  for (int i = 0; i < 4; ++i) limit.acquire("us-east-1");
  clock.advance(std::chrono::seconds(10));  // refills to 4, not 40
  for (int i = 0; i < 4; ++i) limit.acquire("us-east-1");
  EXPECT_TRUE(clock.sleeps().empty());
  limit.acquire("us-east-1");
  EXPECT_EQ(clock.sleeps(), (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(250)}));
}

TEST(RegionRateLimitTest, TheClientPacesEveryAttempt) {
  testing::FakeClock clock;
  testing::FakeTransport transport;
  for (int i = 0; i < 3; ++i) {
    transport.push_response(200,
                            "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account>"
                            "</GetCallerIdentityResult></GetCallerIdentityResponse>");
  }
  ClientOptions options;
  options.region = "us-east-1";
  options.max_requests_per_second = 1;
  AwsClient client(transport,
                   std::make_shared<StaticCredentialProvider>(Credentials{"AKID", "SECRET", "", std::nullopt, "test"}),
                   options, clock);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(client.call("sts", "GetCallerIdentity").ok());
  EXPECT_EQ(clock.sleeps(),
            (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(1000), std::chrono::milliseconds(1000)}));
}

}  // namespace
}  // namespace posture::aws
