// CollectInventory: account resolution, section selection, partial
// failure, concurrency and read-only calls, over canned AWS answers.
#include "collect/collect.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "collect/fake_aws.h"
#include "collect/fixtures.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using testing::AllSections;
using testing::AnswerSmallEstate;
using testing::Call;
using testing::FakeAws;

CollectOptions Options(std::set<std::string> sections, std::vector<std::string> regions = {"us-east-1"}) {
  CollectOptions options;
  options.regions = std::move(regions);
  options.sections = std::move(sections);
  options.concurrency = 16;
  return options;
}

bool IsRead(const std::string& operation) {
  return operation.starts_with("Describe") || operation.starts_with("List") || operation.starts_with("Get") ||
         operation == "GenerateCredentialReport";
}

TEST(CollectTest, FailsWithTheCallersErrorWhenTheAccountCannotBeIdentified) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  aws.on("sts", "GetCallerIdentity",
         testing::XmlError(403, "InvalidClientTokenId", "The security token included in the request is invalid."));
  auto result = CollectInventory(aws.client(), Options(AllSections()));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), "InvalidClientTokenId");
  EXPECT_EQ(aws.keys(), std::vector<std::string>{"sts:GetCallerIdentity"});
}

TEST(CollectTest, FullScanFillsEverySectionWithReadCallsOnly) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  auto result = CollectInventory(aws.client(), Options(AllSections(), {"us-east-1", "eu-west-1"}));
  ASSERT_TRUE(result.ok()) << result.error().describe();
  const inv::Inventory& inventory = *result;
  EXPECT_EQ(inventory.account_id, "123456789012");
  EXPECT_EQ(inventory.partition, "aws");
  EXPECT_TRUE(inventory.errors.empty()) << inventory.errors.front().operation << ": "
                                        << inventory.errors.front().message;
  EXPECT_TRUE(inventory.iam.account_summary.ok());
  EXPECT_TRUE(inventory.iam.password_policy.ok());
  EXPECT_TRUE(inventory.iam.authorization.ok());
  EXPECT_TRUE(inventory.iam.virtual_mfa_devices.ok());
  EXPECT_TRUE(inventory.iam.credential_report.ok());
  EXPECT_TRUE(inventory.s3.buckets.ok());
  EXPECT_TRUE(inventory.s3control.account_public_access_block.ok());
  ASSERT_EQ(inventory.regions.size(), 2u);
  for (const auto& region : inventory.regions) {
    SCOPED_TRACE(region.region);
    EXPECT_TRUE(region.ec2.security_groups.ok());
    EXPECT_TRUE(region.ec2.network_acls.ok());
    EXPECT_TRUE(region.ec2.instances.ok());
    EXPECT_TRUE(region.ec2.vpcs.ok());
    EXPECT_TRUE(region.ec2.vpc_peerings.ok());
    EXPECT_TRUE(region.elbv2.load_balancers.ok());
    EXPECT_TRUE(region.wafv2.web_acl_by_resource.ok());
    EXPECT_TRUE(region.securityhub.hub.ok());
    EXPECT_TRUE(region.securityhub.findings.ok());
    EXPECT_TRUE(region.identity_center.instances.ok());
    EXPECT_TRUE(region.ec2.volumes.ok());
    EXPECT_TRUE(region.ec2.ebs_default_encryption.ok());
    EXPECT_TRUE(region.ec2.flow_logs.ok());
    EXPECT_TRUE(region.ec2.route_tables.ok());
    EXPECT_TRUE(region.apigateway.stages.ok());
    EXPECT_TRUE(region.network_firewall.firewalls.ok());
    EXPECT_TRUE(region.rds.db_instances.ok());
    EXPECT_TRUE(region.efs.file_systems.ok());
  }
  EXPECT_TRUE(inventory.cloudfront.distributions.ok());
  EXPECT_TRUE(inventory.organizations.structure.ok());
  EXPECT_TRUE(inventory.organizations.scps.ok());
  EXPECT_TRUE(inventory.organizations.identity_center.ok());
  EXPECT_EQ(inventory.region("eu-west-1")->ec2.instances->front().arn,
            "arn:aws:ec2:eu-west-1:123456789012:instance/i-0pub");

  for (const Call& call : aws.calls()) EXPECT_TRUE(IsRead(call.operation)) << call.key();
  // 1 STS + 6 IAM (generate, get) + per region: 5 EC2, 1 ELBv2, 2 WAF (list, one public ALB), 3 Security Hub,
  // 1 Identity Center; 4 global (server certificates, SAML, OIDC, security contact) + 1 Access Analyzer
  // per region; network and edge: 1 CloudFront + per region 4 EC2, 2 API Gateway (list, one public API),
  // 1 Network Firewall; storage: 8 S3/S3 Control (list, location, 5 facets of one bucket, account
  // block), 1 Macie + per region 1 RDS, 1 EFS; organizations: 2 (DescribeOrganization, ListPolicies: in
  // no organization; the permission sets share Identity Center's ListInstances).
  EXPECT_EQ(aws.calls().size(), 1u + 6u + 2u * 12u + 4u + 2u * 1u + 1u + 2u * 7u + 9u + 2u * 2u + 2u);
  std::set<std::string> regions;
  for (const Call& call : aws.calls()) {
    if (call.service == "ec2") regions.insert(call.region);
  }
  EXPECT_EQ(regions, (std::set<std::string>{"us-east-1", "eu-west-1"}));
}

TEST(CollectTest, SectionsNotRequestedAreNeverCalled) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  auto result = CollectInventory(aws.client(), Options({"ec2.security_groups", "iam.account_summary"}));
  ASSERT_TRUE(result.ok());
  auto keys = aws.keys();
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"ec2:DescribeSecurityGroups", "iam:GetAccountSummary", "sts:GetCallerIdentity"}));
  const auto& region = result->regions.front();
  EXPECT_TRUE(region.ec2.security_groups.ok());
  EXPECT_FALSE(region.ec2.instances.ok());
  EXPECT_FALSE(region.ec2.instances.error.has_value());  // not collected, not failed
  EXPECT_FALSE(result->iam.credential_report.ok());
}

TEST(CollectTest, NoSectionsMeansOnlyTheIdentityCall) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  auto result = CollectInventory(aws.client(), Options({}, {"us-east-1", "us-west-2"}));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(aws.keys(), std::vector<std::string>{"sts:GetCallerIdentity"});
  EXPECT_EQ(result->regions.size(), 2u);
}

TEST(CollectTest, DeniedCallFailsOnlyItsSectionAndIsListedInErrors) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  aws.on("ec2", "DescribeInstances", [](const Call& call) {
    if (call.region != "eu-west-1") {
      return testing::Xml(testing::Ec2Xml("DescribeInstances", "reservationSet", testing::kReservation));
    }
    return posture::testing::MakeResponse(
        403,
        "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform "
        "this operation.</Message></Error></Errors><RequestID>req-denied</RequestID></Response>");
  });
  aws.on("iam", "GetAccountAuthorizationDetails",
         testing::XmlError(403, "AccessDenied",
                           "User: arn:aws:iam::123456789012:user/audit is not authorized to perform: "
                           "iam:GetAccountAuthorizationDetails"));
  auto result = CollectInventory(aws.client(), Options(AllSections(), {"us-east-1", "eu-west-1"}));
  ASSERT_TRUE(result.ok());
  const auto& eu = *result->region("eu-west-1");
  ASSERT_FALSE(eu.ec2.instances.ok());
  const inv::CollectionError& error = *eu.ec2.instances.error;
  EXPECT_EQ(error.service, "ec2");
  EXPECT_EQ(error.operation, "DescribeInstances");
  EXPECT_EQ(error.region, "eu-west-1");
  EXPECT_EQ(error.kind, "access_denied");
  EXPECT_EQ(error.code, "UnauthorizedOperation");
  EXPECT_NE(error.message.find("not authorized"), std::string::npos);
  EXPECT_EQ(error.message.find("ec2:DescribeInstances: "), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("req-denied"), std::string::npos);
  EXPECT_TRUE(eu.ec2.security_groups.ok());
  EXPECT_TRUE(result->region("us-east-1")->ec2.instances.ok());

  ASSERT_FALSE(result->iam.authorization.ok());
  EXPECT_EQ(result->iam.authorization.error->region, "");
  EXPECT_TRUE(result->iam.account_summary.ok());

  ASSERT_EQ(result->errors.size(), 2u);
  std::set<std::string> failed;
  for (const auto& e : result->errors) failed.insert(e.operation + "@" + e.region);
  EXPECT_EQ(failed, (std::set<std::string>{"DescribeInstances@eu-west-1", "GetAccountAuthorizationDetails@"}));
}

TEST(CollectTest, PartitionAndAccountComeFromTheCallerIdentity) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  aws.on("sts", "GetCallerIdentity",
         testing::Xml(testing::CallerIdentityXml("arn:aws-us-gov:sts::123456789012:assumed-role/audit/session")));
  auto result = CollectInventory(aws.client(), Options({"ec2.instances", "ec2.network_acls"}));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->partition, "aws-us-gov");
  EXPECT_EQ(result->regions.front().ec2.instances->front().arn,
            "arn:aws-us-gov:ec2:us-east-1:123456789012:instance/i-0pub");
  EXPECT_EQ(result->regions.front().ec2.network_acls->front().arn,
            "arn:aws-us-gov:ec2:us-east-1:123456789012:network-acl/acl-0abc");
}

TEST(CollectTest, DuplicateRegionsAreCollectedOnce) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  auto result = CollectInventory(aws.client(), Options({"ec2.vpcs"}, {"us-east-1", "us-east-1"}));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->regions.size(), 1u);
  EXPECT_EQ(aws.count("ec2:DescribeVpcs"), 1u);
}

// All five EC2 calls of a region must be in flight together: each answer
// waits until the other four have arrived.
TEST(CollectTest, IndependentCallsAreInFlightAtOnce) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  std::mutex mutex;
  std::condition_variable arrived;
  int waiting = 0;
  int max_waiting = 0;
  constexpr int kEc2Sections = 5;
  auto barrier = [&](testing::Responder inner) {
    return [&, inner](const Call& call) {
      std::unique_lock lock(mutex);
      max_waiting = std::max(max_waiting, ++waiting);
      arrived.notify_all();
      arrived.wait_for(lock, std::chrono::seconds(5), [&] { return max_waiting >= kEc2Sections; });
      --waiting;
      lock.unlock();
      return inner(call);
    };
  };
  for (const char* op : {"DescribeSecurityGroups", "DescribeNetworkAcls", "DescribeInstances", "DescribeVpcs",
                         "DescribeVpcPeeringConnections"}) {
    auto response = testing::Xml(testing::Ec2Xml(op, "unused", ""));
    aws.on("ec2", op, barrier([response](const Call&) { return response; }));
  }
  auto options = Options({"ec2.security_groups", "ec2.network_acls", "ec2.instances", "ec2.vpcs", "ec2.vpc_peerings"});
  auto started = std::chrono::steady_clock::now();
  auto result = CollectInventory(aws.client(), options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(max_waiting, kEc2Sections);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
}

TEST(CollectTest, ConcurrencyBoundsCallsInFlight) {
  FakeAws aws;
  AnswerSmallEstate(aws);
  std::atomic<int> in_flight{0};
  std::atomic<int> peak{0};
  auto slow = testing::Xml(testing::Ec2Xml("DescribeVpcs", "vpcSet", testing::kVpcs));
  aws.on("ec2", "DescribeVpcs", [&, slow](const Call&) {
    int now = ++in_flight;
    int seen = peak.load();
    while (now > seen && !peak.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    --in_flight;
    return slow;
  });
  auto options = Options({"ec2.vpcs"}, {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
                                        "eu-central-1", "ap-southeast-1"});
  options.concurrency = 3;
  int reported_total = 0;
  int reported_done = 0;
  options.progress = [&](int done, int total) {
    reported_done = done;
    reported_total = total;
  };
  auto result = CollectInventory(aws.client(), options);
  ASSERT_TRUE(result.ok());
  EXPECT_LE(peak.load(), 3);
  EXPECT_EQ(aws.count("ec2:DescribeVpcs"), 8u);
  EXPECT_EQ(reported_done, 8);
  EXPECT_EQ(reported_total, 8);
}

}  // namespace
}  // namespace posture::collect
