// The built-in vulnerable sample estate `posture demo` scans: created with
// posture's own client on a local AWS endpoint (moto). Not thread-safe.
#pragma once

#include "aws/client.h"

namespace posture::demo {

// Regions the sample estate spans (and the demo scans).
inline constexpr const char* kRegions[] = {"us-east-1", "eu-west-1"};

// Creates, in us-east-1 and eu-west-1: VPCs tagged prod and dev with an
// active peering between prod and dev, open and closed security groups and
// a network ACL open on SSH, public and private instances (IMDSv1 and v2),
// internet-facing load balancers with and without a WAF web ACL, IAM users
// with and without MFA and direct policies, an admin policy, a weak
// password policy, and Security Hub enabled in us-east-1 with critical
// findings. Returns the first failed call's error.
base::Status BuildEstate(aws::AwsClient& client);

// The IAM part (estate_iam.cc): users with keys made at
// setup and a second active key, CloudShell full access, a kms:* policy, a
// user who can attach policies, a role open to another account next to one
// guarded by an external ID, and a support role.
base::Status BuildIam(aws::AwsClient& client);
// The logging and monitoring part (estate_logging.cc): a multi-region
// trail with KMS, validation, an access-logged bucket, S3 write data events
// and CloudWatch alarms for CIS 4.1 and 4.3 (4.4 without an alarm); a
// legacy single-region trail in eu-west-1 with none of that; a rotating and
// a non-rotating KMS key; AWS Config and GuardDuty in us-east-1 only.
base::Status BuildLogging(aws::AwsClient& client);
// The network and edge part (estate_network.cc): in us-east-1
// an encrypted and an unencrypted volume, EBS encryption by default (off in
// eu-west-1), VPCs with and without a REJECT flow log, a peering with a
// too-wide and a narrow route, an internet route without a Network Firewall
// (with one in eu-west-1), SMB open to the world and to 10.0.0.0/8,
// CloudFront distributions with and without a web ACL, and a regional REST
// API with a protected and an unprotected stage. Returns the first failed
// call's error.
base::Status BuildNetworkEdge(aws::AwsClient& client);
// The storage part (estate_storage.cc): a public S3 bucket and a
// private TLS-only one in us-east-1, a bucket in eu-west-1 where Macie is
// paused, two production RDS instances (one public and unencrypted, one
// encrypted and Multi-AZ) and two EFS file systems (encrypted and not).
base::Status BuildStorage(aws::AwsClient& client);

}  // namespace posture::demo
