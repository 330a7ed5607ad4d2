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

// Identity (issue 4, demo_estate_identity.cc): users with keys made at
// setup and a second active key, CloudShell full access, a kms:* policy, a
// user who can attach policies, a role open to another account next to one
// guarded by an external ID, and a support role.
aws::Status BuildDemoIdentity(aws::AwsClient& client);
// The logging and monitoring part (demo_estate_logging.cc): a multi-region
// trail with KMS, validation, an access-logged bucket, S3 write data events
// and CloudWatch alarms for CIS 4.1 and 4.3 (4.4 without an alarm); a
// legacy single-region trail in eu-west-1 with none of that; a rotating and
// a non-rotating KMS key; AWS Config and GuardDuty in us-east-1 only.
aws::Status BuildDemoLogging(aws::AwsClient& client);

}  // namespace posture::cli
