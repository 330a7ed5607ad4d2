// `posture scan`, `posture checks` and `posture demo` against moto.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "aws/credentials/environment.h"
#include "checks/check.h"
#include "demo/estate.h"
#include "e2e/moto.h"
#include "e2e/recording_proxy.h"
#include "scan/aws_context.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;

Json ApiJson(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  std::vector<std::string> full{"api"};
  full.insert(full.end(), args.begin(), args.end());
  auto result = RunPosture(full, env);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return Json::parse(result.out, nullptr, false);
}

// A small estate: one open and one closed security group, a user with a
// console password and no MFA, a weak password policy.
void BuildSmallEstate(const std::map<std::string, std::string>& env) {
  auto vpc = ApiJson({"ec2", "CreateVpc", "--param", "CidrBlock=10.9.0.0/16"}, env);
  std::string vpc_id = vpc["Vpc"]["VpcId"];
  auto open = ApiJson({"ec2", "CreateSecurityGroup", "--param", "GroupName=open-ssh", "--param", "Description=x",
                       "--param", "VpcId=" + vpc_id},
                      env);
  Api({"ec2", "AuthorizeSecurityGroupIngress", "--input",
       Json{{"GroupId", open["GroupId"]},
            {"IpPermissions",
             {{{"IpProtocol", "tcp"}, {"FromPort", 0}, {"ToPort", 1024}, {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}}}}}}
           .dump()},
      env);
  auto closed = ApiJson({"ec2", "CreateSecurityGroup", "--param", "GroupName=closed", "--param", "Description=x",
                         "--param", "VpcId=" + vpc_id},
                        env);
  Api({"ec2", "AuthorizeSecurityGroupIngress", "--input",
       Json{{"GroupId", closed["GroupId"]},
            {"IpPermissions",
             {{{"IpProtocol", "tcp"}, {"FromPort", 22}, {"ToPort", 22}, {"IpRanges", {{{"CidrIp", "10.0.0.0/8"}}}}}}}}
           .dump()},
      env);
  Api({"iam", "CreateUser", "--param", "UserName=nomfa"}, env);
  Api({"iam", "CreateLoginProfile", "--param", "UserName=nomfa", "--param", "Password=Passw0rd!Passw0rd"}, env);
  Api({"iam", "UpdateAccountPasswordPolicy", "--param", "MinimumPasswordLength=8"}, env);
}

TEST(Scan, FindsOpenGroupsAndWeakIdentityAndIsReadOnly) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  BuildSmallEstate(env);
  RecordingProxy proxy(Moto().url());
  env["AWS_ENDPOINT_URL"] = proxy.url();
  auto result = RunPosture({"scan", "--region", "us-east-1", "--format", "json"}, env);
  ASSERT_EQ(result.exit_code, 3) << result.err;
  auto report = Json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << result.out;
  EXPECT_EQ(report["scan"]["accounts"][0], "123456789012");
  EXPECT_EQ(report["scan"]["source"], "live");

  auto admin = Statuses(report, "ec2_sg_no_admin_ports_from_internet_ipv4");
  int failing = 0, passing = 0;
  for (const auto& [id, status] : admin) (status == "FAIL" ? failing : passing)++;
  EXPECT_EQ(failing, 1);  // open-ssh: tcp 0-1024 covers 22
  EXPECT_GE(passing, 2);  // closed, default groups
  EXPECT_EQ(Statuses(report, "iam_password_policy_min_length").begin()->second, "FAIL");
  EXPECT_EQ(Statuses(report, "iam_user_console_mfa")["nomfa"], "FAIL");
  for (const auto& f : report["findings"]) {
    EXPECT_FALSE(f["message"].get<std::string>().empty()) << f.dump();
    EXPECT_FALSE(f["account_id"].get<std::string>().empty()) << f.dump();
    EXPECT_TRUE(f.contains("compliance")) << f.dump();
  }

  // Every call the scan made is a read (plus GenerateCredentialReport).
  auto calls = proxy.calls();
  ASSERT_FALSE(calls.empty());
  for (const auto& call : calls) {
    if (!call.operation.empty()) {
      bool read = call.operation.starts_with("Describe") || call.operation.starts_with("List") ||
                  call.operation.starts_with("Get") || call.operation == "GenerateCredentialReport";
      EXPECT_TRUE(read) << call.operation;
    } else {
      bool read = call.method == "GET" || (call.method == "POST" && call.path == "/findings") ||
                  (call.method == "POST" && call.path == "/getAlternateContact");
      EXPECT_TRUE(read) << call.method << " " << call.path;
    }
  }
}

TEST(Scan, DeniedCallGivesErrorFindingsWhileOtherChecksComplete) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  BuildSmallEstate(env);
  RecordingProxy proxy(Moto().url());
  proxy.inject("DescribeSecurityGroups", 403,
               "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to "
               "perform this operation.</Message></Error></Errors><RequestID>denied-1</RequestID></Response>");
  env["AWS_ENDPOINT_URL"] = proxy.url();
  auto result = RunPosture({"scan", "--region", "us-east-1", "--format", "json"}, env);
  ASSERT_EQ(result.exit_code, 3) << result.err;
  auto report = Json::parse(result.out);
  auto sg = Statuses(report, "ec2_sg_no_admin_ports_from_internet_ipv4");
  ASSERT_EQ(sg.size(), 1u);
  EXPECT_EQ(sg.begin()->second, "ERROR");
  bool mentioned = false;
  for (const auto& f : report["findings"]) {
    if (f["check_id"] == "ec2_sg_no_admin_ports_from_internet_ipv4") {
      mentioned = f["message"].get<std::string>().find("DescribeSecurityGroups") != std::string::npos;
    }
  }
  EXPECT_TRUE(mentioned);
  ASSERT_GE(report["errors"].size(), 1u);
  EXPECT_EQ(report["errors"][0]["code"], "UnauthorizedOperation");
  EXPECT_EQ(Statuses(report, "iam_user_console_mfa")["nomfa"], "FAIL");  // other checks still ran
}

TEST(Scan, TableReportAndChecksList) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  BuildSmallEstate(env);
  env["NO_COLOR"] = "1";
  auto table = RunPosture({"scan", "--region", "us-east-1"}, env);
  ASSERT_EQ(table.exit_code, 3) << table.err;
  EXPECT_NE(table.out.find("HIGH"), std::string::npos);
  EXPECT_NE(table.out.find("ec2_sg_no_admin_ports_from_internet_ipv4"), std::string::npos);
  EXPECT_NE(table.out.find("Summary"), std::string::npos);
  EXPECT_EQ(table.out.find("\033["), std::string::npos);  // no colour when not a TTY

  auto fail_on_critical = RunPosture(
      {"scan", "--region", "us-east-1", "--fail-on", "critical", "--checks", "iam_password_policy_min_length"}, env);
  EXPECT_EQ(fail_on_critical.exit_code, 0) << fail_on_critical.err;

  auto checks = RunPosture({"checks"}, env);
  ASSERT_EQ(checks.exit_code, 0);
  EXPECT_NE(checks.out.find("ec2_imdsv2_required"), std::string::npos);
  EXPECT_NE(checks.out.find("5.6"), std::string::npos);
}

// The control of `framework_id` in a JSON report's compliance section.
Json Control(const Json& report, const std::string& id) {
  for (const auto& control : report["compliance"][0]["controls"]) {
    if (control["id"] == id) return control;
  }
  return Json();
}

TEST(Scan, FrameworkComplianceWithAConfigFile) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  BuildSmallEstate(env);
  const std::string config = ::testing::TempDir() + "/posture-e2e-config.yaml";
  std::ofstream(config) << "checks:\n  disabled: [iam_user_console_mfa]\nthresholds:\n  password_min_length: 8\n";
  auto result = RunPosture(
      {"scan", "--region", "us-east-1", "--framework", "cis-3.0", "--config", config, "--format", "json"}, env);
  ASSERT_EQ(result.exit_code, 3) << result.err;
  auto report = Json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << result.out.substr(0, 500);
  ASSERT_EQ(report["compliance"].size(), 1u);
  EXPECT_EQ(report["compliance"][0]["framework"], "cis-3.0");
  EXPECT_EQ(report["compliance"][0]["title"], "CIS Amazon Web Services Foundations Benchmark v3.0.0");
  EXPECT_EQ(Control(report, "1.8")["status"], "PASS");      // the config lowered the minimum to the policy's 8
  EXPECT_EQ(Control(report, "1.10")["status"], "NOT_RUN");  // disabled in the config
  EXPECT_EQ(Control(report, "5.2")["status"], "FAIL");      // open-ssh
  EXPECT_EQ(Control(report, "1.1")["status"], "MANUAL");
  EXPECT_GT(report["compliance"][0]["automated_controls"].get<int>(), 40);
  EXPECT_TRUE(report["compliance"][0]["percent_passing"].is_number());
  for (const auto& f : report["findings"]) {
    EXPECT_NE(f["check_id"], "iam_user_console_mfa");
    // Only checks of the framework ran; each finding names its CIS 3.0 control.
    EXPECT_TRUE(f["compliance"].contains("cis-3.0")) << f.dump();
  }
  EXPECT_FALSE(Statuses(report, "ec2_sg_no_admin_ports_from_internet_ipv4").empty());
  EXPECT_TRUE(Statuses(report, "sso_enabled").empty());  // in no CIS version

  env["NO_COLOR"] = "1";
  auto table = RunPosture({"scan", "--region", "us-east-1", "--framework", "cis-5.0", "--config", config}, env);
  EXPECT_NE(table.out.find("CIS Amazon Web Services Foundations Benchmark v5.0.0 (cis-5.0): "), std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("automated controls pass"), std::string::npos);

  auto detail = RunPosture({"checks", "ec2_imdsv2_required"}, env);
  ASSERT_EQ(detail.exit_code, 0) << detail.err;
  for (const char* part : {"cis-3.0 5.6", "cis-4.0 5.7", "Fix with the AWS CLI", "Fix in Terraform", "https://"}) {
    EXPECT_NE(detail.out.find(part), std::string::npos) << part << "\n" << detail.out;
  }
  EXPECT_EQ(RunPosture({"checks", "no_such_check"}, env).exit_code, 2);

  auto listing = RunPosture({"checks", "--framework", "cis-5.0"}, env);
  ASSERT_EQ(listing.exit_code, 0) << listing.err;
  EXPECT_NE(listing.out.find("1.9     automated  Ensure multi-factor authentication"), std::string::npos)
      << listing.out;

  std::ofstream(config) << "thresholds:\n  pasword_min_length: 8\n";
  auto bad = RunPosture({"scan", "--region", "us-east-1", "--config", config}, env);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown key 'pasword_min_length'"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.err.find('\n'), bad.err.size() - 1) << bad.err;
  auto unknown = RunPosture({"scan", "--framework", "cis-9"}, env);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("cis-3.0, cis-4.0, cis-5.0"), std::string::npos) << unknown.err;
}

TEST(Scan, BadInputIsAOneLineError) {
  auto env = MotoEnv();
  for (const auto& [args, code] :
       std::vector<std::pair<std::vector<std::string>, int>>{{{"scan", "--format", "xml"}, 2},
                                                             {{"scan", "--checks", "no_such_check"}, 2},
                                                             {{"scan", "--severity", "urgent"}, 2},
                                                             {{"scan", "--bogus"}, 2}}) {
    auto result = RunPosture(args, env);
    EXPECT_EQ(result.exit_code, code) << result.err;
    EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  }
  env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1";
  env["AWS_MAX_ATTEMPTS"] = "1";
  auto unreachable = RunPosture({"scan", "--region", "us-east-1"}, env);
  EXPECT_EQ(unreachable.exit_code, 1);
  EXPECT_NE(unreachable.err.find("could not connect"), std::string::npos) << unreachable.err;
  EXPECT_EQ(unreachable.err.find('\n'), unreachable.err.size() - 1) << unreachable.err;
}

TEST(Demo, ShowsFindingsFromEveryCheck) {
  POSTURE_REQUIRE_MOTO();
  auto result = RunPosture({"demo", "--format", "json"}, MotoEnv());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto report = Json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << result.out.substr(0, 500);
  std::set<std::string> failing;
  std::set<std::string> seen;
  for (const auto& f : report["findings"]) {
    seen.insert(f["check_id"]);
    if (f["status"] == "FAIL") failing.insert(f["check_id"]);
  }
  for (const char* id :
       {"ec2_sg_no_admin_ports_from_internet_ipv4", "ec2_sg_no_admin_ports_from_internet_ipv6",
        "ec2_sg_no_open_sensitive_ports", "ec2_default_sg_restricts_all", "ec2_nacl_no_admin_ports_from_internet",
        "ec2_imdsv2_required", "ec2_instance_not_directly_public", "vpc_environment_isolation",
        "iam_password_policy_min_length", "iam_password_policy_reuse", "iam_user_console_mfa",
        "iam_user_no_direct_policies", "iam_policy_no_full_admin", "securityhub_enabled",
        "securityhub_no_critical_findings", "iam_user_console_prefer_sso",
        // Storage
        "s3_bucket_secure_transport", "s3_bucket_mfa_delete", "s3_public_access_block", "s3_bucket_not_public",
        "macie_enabled", "rds_instance_encrypted", "rds_instance_auto_minor_upgrade", "rds_instance_not_public",
        "rds_instance_multi_az", "efs_encrypted"}) {
    EXPECT_TRUE(failing.count(id)) << id;
  }
  // Every registered check reports on the demo estate, except those with
  // nothing to evaluate there (no server certificate can be made in moto's IAM here).
  for (const auto& check : checks::AllChecks()) {
    const std::string id(check.metadata.id);
    if (id == "iam_server_cert_not_expired") continue;
    // The organization checks need an organization (posture scan --organization): the demo
    // account is in none, so they have nothing to evaluate.
    if (id == "sso_admin_assigned_to_groups" || id == "org_prod_access_restricted" || id == "org_scp_guardrails") {
      continue;
    }
    EXPECT_TRUE(seen.count(id)) << id << " has no finding in the demo";
  }
  for (const char* id : {"ec2_ebs_default_encryption", "ec2_ebs_volume_encrypted", "vpc_flow_logs_enabled",
                         "vpc_peering_routes_least_access", "ec2_cifs_not_exposed", "ec2_instance_profile_attached",
                         "cloudfront_waf", "apigateway_stage_waf", "vpc_egress_inspected"}) {
    EXPECT_TRUE(failing.count(id)) << id;
  }
  // One internet-facing ALB has a web ACL, the other has none.
  std::set<std::string> waf_statuses;
  for (const auto& f : report["findings"]) {
    if (f["check_id"] == "elbv2_internet_facing_waf") waf_statuses.insert(f["status"].get<std::string>());
  }
  EXPECT_EQ(waf_statuses, (std::set<std::string>{"PASS", "FAIL"}));
}

// The demo's estate built in this test's moto and scanned as `posture demo`
// scans it, so that the run is reproducible (see POSTURE_REFERENCE_BINARY in
// moto.h): the demo itself starts its own endpoint.
TEST(Demo, TheSampleEstateScannedDirectly) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  aws::MapEnvironment environment;
  for (const auto& [name, value] : env) environment.set(name, value);
  scan::AwsFlags flags;
  flags.endpoint_url = env.at("AWS_ENDPOINT_URL");
  flags.region = demo::kRegions[0];
  auto context = scan::AwsContext::Create(flags, environment);
  ASSERT_TRUE(context.ok()) << context.error().describe();
  auto built = demo::BuildEstate((*context)->client());
  ASSERT_TRUE(built.ok()) << built.error().describe();

  auto result = RunPosture({"scan", "--region", "us-east-1,eu-west-1", "--format", "json"}, env);
  ASSERT_EQ(result.exit_code, 3) << result.err;
  auto report = Json::parse(result.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << result.out.substr(0, 500);
  std::set<std::string> failing;
  for (const auto& f : report["findings"]) {
    if (f["status"] == "FAIL") failing.insert(f["check_id"]);
  }
  for (const char* id : {"ec2_sg_no_admin_ports_from_internet_ipv4", "iam_policy_no_full_admin", "s3_bucket_not_public",
                         "cloudtrail_log_validation", "vpc_environment_isolation"}) {
    EXPECT_TRUE(failing.count(id)) << id;
  }
}

}  // namespace
}  // namespace posture::e2e
