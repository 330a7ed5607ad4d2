// The built-in vulnerable sample estate `posture demo` scans: created with
// posture's own client on a local AWS endpoint (moto). Not thread-safe.
#pragma once

#include "aws/client.h"

namespace posture::cli {

// Regions the sample estate spans (and the demo scans).
inline constexpr const char* kDemoRegions[] = {"us-east-1", "eu-west-1"};

// Creates, in us-east-1 and eu-west-1: VPCs tagged prod and dev with an
// active peering between prod and dev, open and closed security groups and
// a network ACL open on SSH, public and private instances (IMDSv1 and v2),
// internet-facing load balancers with and without a WAF web ACL, IAM users
// with and without MFA and direct policies, an admin policy, a weak
// password policy, and Security Hub enabled in us-east-1 with critical
// findings. Returns the first failed call's error.
aws::Status BuildDemoEstate(aws::AwsClient& client);

// The storage part (demo_estate_storage.cc): a public S3 bucket and a
// private TLS-only one in us-east-1, a bucket in eu-west-1 where Macie is
// paused, two production RDS instances (one public and unencrypted, one
// encrypted and Multi-AZ) and two EFS file systems (encrypted and not).
aws::Status BuildDemoStorage(aws::AwsClient& client);

}  // namespace posture::cli
