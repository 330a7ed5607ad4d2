// The network and edge checks end to end: the demo's network and
// edge estate is built in moto with posture's own client, then `posture
// scan --checks ...` must report the expected PASS and FAIL findings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "aws/credentials/environment.h"
#include "demo/estate.h"
#include "e2e/moto.h"
#include "e2e/recording_proxy.h"
#include "scan/aws_context.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;

constexpr const char* kNetworkEdgeChecks =
    "ec2_ebs_default_encryption,ec2_ebs_volume_encrypted,vpc_flow_logs_enabled,vpc_peering_routes_least_access,"
    "ec2_cifs_not_exposed,ec2_instance_profile_attached,cloudfront_waf,apigateway_stage_waf,vpc_egress_inspected";

// Builds the network and edge demo estate in moto.
void BuildEstate() {
  aws::MapEnvironment env;
  for (const auto& [name, value] : MotoEnv()) env.set(name, value);
  auto context = scan::AwsContext::Create(scan::AwsFlags{"", "us-east-1", Moto().url()}, env);
  ASSERT_TRUE(context.ok()) << context.error().describe();
  auto built = demo::BuildNetworkEdge((*context)->client());
  ASSERT_TRUE(built.ok()) << built.error().describe();
}

Json Scan(const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"scan",     "--region", "us-east-1,eu-west-1", "--checks", kNetworkEdgeChecks,
                                   "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto result = RunPosture(args, MotoEnv());
  EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 3) << result.err;
  auto report = Json::parse(result.out, nullptr, false);
  EXPECT_FALSE(report.is_discarded()) << result.out.substr(0, 500) << result.err;
  return report;
}

std::vector<Json> FindingsOf(const Json& report, const std::string& check) {
  std::vector<Json> out;
  for (const auto& f : report["findings"]) {
    if (f["check_id"] == check) out.push_back(f);
  }
  return out;
}

// The status of each finding of `check`.
std::multiset<std::string> StatusList(const Json& report, const std::string& check) {
  std::multiset<std::string> out;
  for (const auto& f : FindingsOf(report, check)) out.insert(f["status"].get<std::string>());
  return out;
}

// The first finding of `check` whose message contains `fragment`.
std::optional<Json> FindingWith(const Json& report, const std::string& check, const std::string& fragment) {
  for (const auto& f : FindingsOf(report, check)) {
    if (f["message"].get<std::string>().find(fragment) != std::string::npos) return f;
  }
  return std::nullopt;
}

TEST(NetworkEdge, ChecksPassAndFailOnTheDemoEstate) {
  POSTURE_REQUIRE_MOTO();
  BuildEstate();
  const Json report = Scan();

  // EBS: default encryption on in us-east-1 only; one encrypted and one plain volume.
  std::map<std::string, std::string> by_region;
  for (const auto& f : FindingsOf(report, "ec2_ebs_default_encryption")) by_region[f["region"]] = f["status"];
  EXPECT_EQ(by_region, (std::map<std::string, std::string>{{"us-east-1", "PASS"}, {"eu-west-1", "FAIL"}}));
  EXPECT_EQ(StatusList(report, "ec2_ebs_volume_encrypted"), (std::multiset<std::string>{"FAIL", "PASS"}));

  // Flow logs: edge-app has a REJECT flow log; every other VPC (edge-db, the defaults) has none.
  auto flow = StatusList(report, "vpc_flow_logs_enabled");
  EXPECT_EQ(flow.count("PASS"), 1u);
  EXPECT_GE(flow.count("FAIL"), 2u);
  EXPECT_TRUE(FindingWith(report, "vpc_flow_logs_enabled", "REJECT to cloud-watch-logs edge-app-flow").has_value());

  // Peering routes: the app table routes the whole db VPC, the db table one subnet.
  EXPECT_EQ(StatusList(report, "vpc_peering_routes_least_access"), (std::multiset<std::string>{"FAIL", "PASS"}));
  const auto wide = FindingWith(report, "vpc_peering_routes_least_access", "routes 10.41.0.0/16 to pcx-");
  ASSERT_TRUE(wide.has_value());
  EXPECT_EQ((*wide)["status"], "FAIL");
  EXPECT_EQ((*wide)["resource_type"], "AWS::EC2::RouteTable");

  // CIFS: the group open to the world fails critical; default network ACLs admit everything (medium).
  const auto smb = FindingWith(report, "ec2_cifs_not_exposed", "allows tcp/445 from 0.0.0.0/0");
  ASSERT_TRUE(smb.has_value());
  EXPECT_EQ((*smb)["status"], "FAIL");
  EXPECT_EQ((*smb)["severity"], "critical");
  EXPECT_EQ((*smb)["resource_type"], "AWS::EC2::SecurityGroup");
  const auto acl = FindingWith(report, "ec2_cifs_not_exposed", "(entry 100, all traffic)");
  ASSERT_TRUE(acl.has_value());
  EXPECT_EQ((*acl)["severity"], "medium");
  EXPECT_EQ((*acl)["resource_type"], "AWS::EC2::NetworkAcl");

  // CloudFront (global): one distribution with a web ACL, one without.
  auto cloudfront = FindingsOf(report, "cloudfront_waf");
  ASSERT_EQ(cloudfront.size(), 2u);
  std::multiset<std::string> cloudfront_statuses;
  for (const auto& f : cloudfront) {
    cloudfront_statuses.insert(f["status"].get<std::string>());
    EXPECT_EQ(f["region"], "global");
    // As listed (moto's ARNs lack the empty region field: arn:aws:cloudfront:123456789012:distribution/...).
    EXPECT_TRUE(f["resource_arn"].get<std::string>().starts_with("arn:aws:cloudfront:")) << f.dump();
    EXPECT_NE(f["resource_arn"].get<std::string>().find(":distribution/"), std::string::npos) << f.dump();
  }
  EXPECT_EQ(cloudfront_statuses, (std::multiset<std::string>{"FAIL", "PASS"}));

  // API Gateway: prod has the web ACL, dev none; the private API is not judged.
  auto stages = FindingsOf(report, "apigateway_stage_waf");
  ASSERT_EQ(stages.size(), 2u);
  for (const auto& f : stages) {
    const std::string id = f["resource_id"];
    EXPECT_EQ(f["status"], id.ends_with("/prod") ? "PASS" : "FAIL") << f.dump();
    EXPECT_NE(f["message"].get<std::string>().find("REGIONAL REST API shop-api"), std::string::npos) << f.dump();
  }

  // Egress: an internet route with no firewall in us-east-1, a firewall in eu-west-1.
  by_region.clear();
  for (const auto& f : FindingsOf(report, "vpc_egress_inspected")) by_region[f["region"]] = f["status"];
  EXPECT_EQ(by_region, (std::map<std::string, std::string>{{"us-east-1", "FAIL"}, {"eu-west-1", "PASS"}}));
  EXPECT_TRUE(FindingWith(report, "vpc_egress_inspected", "egress-inspection").has_value());

  // No instance runs in this estate: nothing to judge, nothing failed to collect.
  EXPECT_TRUE(FindingsOf(report, "ec2_instance_profile_attached").empty());
  EXPECT_TRUE(report["errors"].empty()) << report["errors"].dump();
}

TEST(NetworkEdge, InstanceWithoutProfileFails) {
  POSTURE_REQUIRE_MOTO();
  aws::MapEnvironment env;
  for (const auto& [name, value] : MotoEnv()) env.set(name, value);
  auto context = scan::AwsContext::Create(scan::AwsFlags{"", "us-east-1", Moto().url()}, env);
  ASSERT_TRUE(context.ok());
  auto run = (*context)->client().call(
      "ec2", "RunInstances",
      {{"ImageId", "ami-03cf127a"}, {"MinCount", 1}, {"MaxCount", 1}, {"InstanceType", "t3.micro"}});
  ASSERT_TRUE(run.ok()) << run.error().describe();
  const std::string id = (*run)["Instances"][0].value("InstanceId", "");
  const Json report = Scan();
  auto findings = FindingsOf(report, "ec2_instance_profile_attached");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0]["resource_id"], id);
  EXPECT_EQ(findings[0]["status"], "FAIL");
  EXPECT_EQ(findings[0]["compliance"]["cis-3.0"][0], "1.18");
}

TEST(NetworkEdge, DeniedCallsGiveCleanErrorFindings) {
  POSTURE_REQUIRE_MOTO();
  BuildEstate();
  RecordingProxy proxy(Moto().url());
  proxy.inject("ListFirewalls", 400,
               R"({"__type":"AccessDeniedException","message":"not authorized to list firewalls"})");
  proxy.inject("GetEbsEncryptionByDefault", 403,
               "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to "
               "perform this operation.</Message></Error></Errors><RequestID>denied-2</RequestID></Response>");
  auto env = MotoEnv();
  env["AWS_ENDPOINT_URL"] = proxy.url();
  auto result =
      RunPosture({"scan", "--region", "us-east-1,eu-west-1", "--checks", kNetworkEdgeChecks, "--format", "json"}, env);
  ASSERT_EQ(result.exit_code, 3) << result.err;
  const Json report = Json::parse(result.out);
  for (const char* check : {"vpc_egress_inspected", "ec2_ebs_default_encryption"}) {
    auto findings = FindingsOf(report, check);
    ASSERT_EQ(findings.size(), 2u) << check;  // one per region
    for (const auto& f : findings) EXPECT_EQ(f["status"], "ERROR") << f.dump();
  }
  EXPECT_TRUE(FindingWith(report, "vpc_egress_inspected", "network-firewall:ListFirewalls failed in").has_value());
  EXPECT_TRUE(FindingWith(report, "ec2_ebs_default_encryption", "UnauthorizedOperation").has_value());
  // The other checks are unaffected.
  EXPECT_EQ(StatusList(report, "vpc_peering_routes_least_access"), (std::multiset<std::string>{"FAIL", "PASS"}));
  EXPECT_EQ(report["errors"].size(), 4u);  // two operations in two regions

  // Every call the scan made is a read.
  for (const auto& call : proxy.calls()) {
    if (!call.operation.empty()) {
      EXPECT_TRUE(call.operation.starts_with("Describe") || call.operation.starts_with("List") ||
                  call.operation.starts_with("Get"))
          << call.operation;
    } else {
      EXPECT_EQ(call.method, "GET") << call.path;
    }
  }
}

}  // namespace
}  // namespace posture::e2e
