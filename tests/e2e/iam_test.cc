// The IAM access checks end to end: resources created in moto with
// `posture api`, then `posture scan --checks ... --format json`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/moto.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;

// Findings of `check_id`: resource id -> (status, message).
std::map<std::string, std::pair<std::string, std::string>> Findings(const Json& report, const std::string& check_id) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  for (const auto& f : report["findings"]) {
    if (f["check_id"] == check_id) out[f["resource_id"]] = {f["status"], f["message"]};
  }
  return out;
}

Json Scan(const std::string& checks, const std::map<std::string, std::string>& env) {
  auto result = RunPosture({"scan", "--region", "us-east-1", "--checks", checks, "--format", "json"}, env);
  EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 3) << result.err;
  auto report = Json::parse(result.out, nullptr, false);
  EXPECT_FALSE(report.is_discarded()) << result.out.substr(0, 500);
  return report;
}

constexpr const char* kAllIdentityChecks =
    "iam_root_not_used,iam_user_no_setup_access_keys,iam_user_unused_credentials,iam_user_single_active_key,"
    "iam_user_access_key_rotated,iam_support_role_exists,iam_server_cert_not_expired,accessanalyzer_enabled,"
    "iam_cloudshell_full_access_restricted,account_security_contact,iam_federation_in_use,"
    "iam_no_privilege_escalation,iam_policy_no_service_wildcard,iam_role_trust_restricted";

void BuildIdentity(const std::map<std::string, std::string>& env) {
  Api({"iam", "CreateUser", "--param", "UserName=setup"}, env);
  Api({"iam", "CreateAccessKey", "--param", "UserName=setup"}, env);
  Api({"iam", "CreateUser", "--param", "UserName=twokeys"}, env);
  Api({"iam", "CreateAccessKey", "--param", "UserName=twokeys"}, env);
  Api({"iam", "CreateAccessKey", "--param", "UserName=twokeys"}, env);
  Api({"iam", "CreateUser", "--param", "UserName=writer"}, env);
  Api({"iam", "PutUserPolicy", "--input",
       Json{
           {"UserName", "writer"},
           {"PolicyName", "write-policies"},
           {"PolicyDocument",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutUserPolicy","Resource":"*"}]})"}}
           .dump()},
      env);
  Api({"iam", "CreateUser", "--param", "UserName=shell"}, env);
  Api({"iam", "AttachUserPolicy", "--param", "UserName=shell", "--param",
       "PolicyArn=arn:aws:iam::aws:policy/AWSCloudShellFullAccess"},
      env);
  Api({"iam", "CreatePolicy", "--input",
       Json{{"PolicyName", "all-keys"},
            {"PolicyDocument",
             R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]})"}}
           .dump()},
      env);
  Api({"iam", "AttachUserPolicy", "--param", "UserName=shell", "--param",
       "PolicyArn=arn:aws:iam::123456789012:policy/all-keys"},
      env);
  Api({"iam", "CreateRole", "--input",
       Json{
           {"RoleName", "vendor"},
           {"AssumeRolePolicyDocument",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"}]})"}}
           .dump()},
      env);
  Api({"iam", "CreateRole", "--input",
       Json{
           {"RoleName", "support"},
           {"AssumeRolePolicyDocument",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]})"}}
           .dump()},
      env);
  Api({"iam", "AttachRolePolicy", "--param", "RoleName=support", "--param",
       "PolicyArn=arn:aws:iam::aws:policy/AWSSupportAccess"},
      env);
}

TEST(IdentityScan, ReportsCredentialsPoliciesTrustAndAccountSettings) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  BuildIdentity(env);
  const Json report = Scan(kAllIdentityChecks, env);

  // Keys created with the user and never used; two active keys; all fresh.
  EXPECT_EQ(Findings(report, "iam_user_no_setup_access_keys")["setup"].first, "FAIL");
  EXPECT_EQ(Findings(report, "iam_user_no_setup_access_keys")["writer"].first, "PASS");
  EXPECT_EQ(Findings(report, "iam_user_single_active_key")["twokeys"].first, "FAIL");
  EXPECT_EQ(Findings(report, "iam_user_single_active_key")["setup"].first, "PASS");
  EXPECT_EQ(Findings(report, "iam_user_access_key_rotated")["twokeys"].first, "PASS");
  EXPECT_EQ(Findings(report, "iam_user_unused_credentials")["setup"].first, "PASS");
  // moto's credential report has no root row: a clean ERROR, not a false PASS.
  auto root = Findings(report, "iam_root_not_used");
  ASSERT_EQ(root.size(), 1u);
  EXPECT_EQ(root.begin()->second.first, "ERROR");
  EXPECT_NE(root.begin()->second.second.find("<root_account>"), std::string::npos);

  EXPECT_EQ(Findings(report, "iam_support_role_exists")["123456789012"].first, "PASS");
  EXPECT_EQ(Findings(report, "iam_cloudshell_full_access_restricted")["shell"].first, "FAIL");
  EXPECT_EQ(Findings(report, "iam_no_privilege_escalation")["writer"].first, "FAIL");
  EXPECT_NE(Findings(report, "iam_no_privilege_escalation")["writer"].second.find("iam:PutUserPolicy"),
            std::string::npos);
  EXPECT_EQ(Findings(report, "iam_no_privilege_escalation")["setup"].first, "PASS");
  EXPECT_EQ(Findings(report, "iam_policy_no_service_wildcard")["all-keys"].first, "FAIL");
  EXPECT_EQ(Findings(report, "iam_role_trust_restricted")["vendor"].first, "FAIL");
  EXPECT_EQ(Findings(report, "iam_role_trust_restricted")["support"].first, "PASS");
  EXPECT_TRUE(Findings(report, "iam_server_cert_not_expired").empty());

  // No security contact yet; moto has no Access Analyzer.
  EXPECT_EQ(Findings(report, "account_security_contact")["123456789012"].first, "FAIL");
  auto analyzer = Findings(report, "accessanalyzer_enabled");
  ASSERT_EQ(analyzer.size(), 1u);
  EXPECT_EQ(analyzer.begin()->second.first, "ERROR");
  EXPECT_NE(analyzer.begin()->second.second.find("ListAnalyzers"), std::string::npos)
      << analyzer.begin()->second.second;
}

TEST(IdentityScan, SecurityContactAndFederationPass) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  Api({"account", "PutAlternateContact", "--input",
       Json{{"AlternateContactType", "SECURITY"},
            {"Name", "Sec Team"},
            {"Title", "CISO"},
            {"EmailAddress", "sec@example.com"},
            {"PhoneNumber", "+15550100"}}
           .dump()},
      env);
  const Json report = Scan("account_security_contact,iam_federation_in_use", env);
  auto contact = Findings(report, "account_security_contact")["123456789012"];
  EXPECT_EQ(contact.first, "PASS") << contact.second;
  EXPECT_NE(contact.second.find("sec@example.com"), std::string::npos);
  // moto answers ListInstances with an Identity Center instance in every region.
  auto federation = Findings(report, "iam_federation_in_use");
  ASSERT_EQ(federation.size(), 1u);
  EXPECT_EQ(federation.begin()->second.first, "PASS") << federation.begin()->second.second;
}

}  // namespace
}  // namespace posture::e2e
