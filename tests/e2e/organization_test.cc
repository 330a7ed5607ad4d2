// Organization scans end to end: an AWS Organization built in moto (a
// management account, six members in two OUs, an SCP on the Prod OU,
// Identity Center permission sets given to a user and to a group), scanned
// with `posture scan --organization` through a proxy that denies the role
// of one account (moto lets any role be assumed).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/client.h"
#include "aws/credentials/assume_role_provider.h"
#include "aws/curl_transport.h"
#include "e2e/moto.h"
#include "e2e/recording_proxy.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;

constexpr const char* kAccessDenied =
    "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform "
    "sts:AssumeRole on the role</Message></Error><RequestId>denied</RequestId></ErrorResponse>";

// The organization lives in a moto_server of its own, stopped after the
// suite: resetting a moto that holds many accounts takes seconds.
MotoServer& OrgMoto() {
  static MotoServer server;
  return server;
}

aws::ClientOptions MotoOptions() {
  aws::ClientOptions options;
  options.region = "us-east-1";
  options.endpoints.all = OrgMoto().url();
  return options;
}

aws::CurlTransport& Transport() {
  static aws::CurlTransport transport;
  return transport;
}

// The estate: ids of what the test asserts on.
struct Org {
  std::string root, prod_ou, dev_ou;
  std::map<std::string, std::string> ids;  // account name -> id
  std::string management = "123456789012";
};

// Builds the organization once for the whole suite (moto is slow to create
// accounts); the tests only read it.
class OrganizationScan : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!Moto().running() || !OrgMoto().start()) return;
    management_ = std::make_unique<aws::AwsClient>(
        Transport(),
        std::make_shared<aws::StaticCredentialProvider>(
            aws::Credentials{"AKIATESTTESTTEST1234", "testsecretkeytestsecretkeytestsecretkey1", "", {}, "test"}),
        MotoOptions());
    org_ = Build();
  }
  static void TearDownTestSuite() {
    management_.reset();
    OrgMoto().stop();
  }

  void SetUp() override {
    if (!OrgMoto().running()) GTEST_SKIP() << "moto_server not installed: pip install 'moto[server]' to run e2e tests";
    ASSERT_FALSE(org_.ids.empty()) << "building the organization failed";
  }

  static Json Call(aws::AwsClient& client, const std::string& service, const std::string& operation,
                   const Json& input) {
    auto result = client.call(service, operation, input);
    EXPECT_TRUE(result.ok()) << service << ":" << operation << ": " << (result.ok() ? "" : result.error().describe());
    return result.ok() ? *result : Json::object();
  }

  // A client acting in `account` (moto scopes assumed-role credentials to it).
  static std::unique_ptr<aws::AwsClient> Member(const std::string& account) {
    Json out = Call(
        *management_, "sts", "AssumeRole",
        {{"RoleArn", "arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole"}, {"RoleSessionName", "test"}});
    auto credentials = aws::CredentialsFromStsOutput(out, "test");
    EXPECT_TRUE(credentials.ok());
    return std::make_unique<aws::AwsClient>(Transport(), std::make_shared<aws::StaticCredentialProvider>(*credentials),
                                            MotoOptions());
  }

  static std::string CreateAccount(Org& org, const std::string& name, const std::string& ou) {
    Json created =
        Call(*management_, "organizations", "CreateAccount", {{"AccountName", name}, {"Email", name + "@example.com"}});
    std::string id = created["CreateAccountStatus"]["AccountId"];
    Call(*management_, "organizations", "MoveAccount",
         {{"AccountId", id}, {"SourceParentId", org.root}, {"DestinationParentId", ou}});
    org.ids[name] = id;
    return id;
  }

  static Org Build() {
    Org org;
    Call(*management_, "organizations", "CreateOrganization", {{"FeatureSet", "ALL"}});
    org.root = Call(*management_, "organizations", "ListRoots", Json::object())["Roots"][0]["Id"];
    org.prod_ou = Call(*management_, "organizations", "CreateOrganizationalUnit",
                       {{"ParentId", org.root}, {"Name", "Prod"}})["OrganizationalUnit"]["Id"];
    org.dev_ou = Call(*management_, "organizations", "CreateOrganizationalUnit",
                      {{"ParentId", org.root}, {"Name", "Dev"}})["OrganizationalUnit"]["Id"];
    CreateAccount(org, "web", org.prod_ou);
    std::string data = CreateAccount(org, "data", org.prod_ou);
    CreateAccount(org, "dev-1", org.dev_ou);
    CreateAccount(org, "dev-2", org.dev_ou);
    CreateAccount(org, "shop-prod", org.dev_ou);  // production by name, outside the guarded OU
    CreateAccount(org, "sandbox", org.dev_ou);    // its role is denied by the proxy
    Call(*management_, "organizations", "TagResource",
         {{"ResourceId", data}, {"Tags", Json::array({{{"Key", "Environment"}, {"Value", "production"}}})}});

    // An SCP guarding the Prod OU (beside FullAWSAccess everywhere).
    Call(*management_, "organizations", "EnablePolicyType",
         {{"RootId", org.root}, {"PolicyType", "SERVICE_CONTROL_POLICY"}});
    std::string scp = Call(
        *management_, "organizations", "CreatePolicy",
        {{"Name", "deny-leaving"},
         {"Description", "guardrail"},
         {"Type", "SERVICE_CONTROL_POLICY"},
         {"Content",
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]})"}})
        ["Policy"]["PolicySummary"]["Id"];
    Call(*management_, "organizations", "AttachPolicy", {{"PolicyId", scp}, {"TargetId", org.prod_ou}});

    // Findings that differ per account: a strong password policy and a
    // console user in "web" only.
    auto web = Member(org.ids["web"]);
    Call(*web, "iam", "UpdateAccountPasswordPolicy", {{"MinimumPasswordLength", 16}});
    Call(*web, "iam", "CreateUser", {{"UserName", "clicker"}});
    Call(*web, "iam", "CreateLoginProfile", {{"UserName", "clicker"}, {"Password", "Correct-Horse-42!"}});

    // Identity Center: administrators for "web" through a group, for "data" through a user.
    Json instance = Call(*management_, "sso-admin", "ListInstances", Json::object())["Instances"][0];
    const std::string instance_arn = instance["InstanceArn"];
    const std::string store = instance["IdentityStoreId"];
    std::string alice = Call(*management_, "identitystore", "CreateUser",
                             {{"IdentityStoreId", store},
                              {"UserName", "alice"},
                              {"DisplayName", "Alice"},
                              {"Name", {{"GivenName", "Alice"}, {"FamilyName", "Admin"}}}})["UserId"];
    std::string admins = Call(*management_, "identitystore", "CreateGroup",
                              {{"IdentityStoreId", store}, {"DisplayName", "prod-admins"}})["GroupId"];
    std::string admin_set =
        Call(*management_, "sso-admin", "CreatePermissionSet",
             {{"InstanceArn", instance_arn}, {"Name", "Admin"}})["PermissionSet"]["PermissionSetArn"];
    Call(*management_, "sso-admin", "AttachManagedPolicyToPermissionSet",
         {{"InstanceArn", instance_arn},
          {"PermissionSetArn", admin_set},
          {"ManagedPolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"}});
    auto assign = [&](const std::string& account, const std::string& type, const std::string& principal) {
      Call(*management_, "sso-admin", "CreateAccountAssignment",
           {{"InstanceArn", instance_arn},
            {"TargetId", account},
            {"TargetType", "AWS_ACCOUNT"},
            {"PermissionSetArn", admin_set},
            {"PrincipalType", type},
            {"PrincipalId", principal}});
    };
    assign(org.ids["web"], "GROUP", admins);
    assign(org.ids["data"], "USER", alice);
    Call(*management_, "sso-admin", "ProvisionPermissionSet",
         {{"InstanceArn", instance_arn}, {"PermissionSetArn", admin_set}, {"TargetType", "ALL_PROVISIONED_ACCOUNTS"}});
    return org;
  }

  static std::map<std::string, std::string> Env(const RecordingProxy& proxy) {
    auto env = MotoEnv();
    env["AWS_ENDPOINT_URL"] = proxy.url();
    return env;
  }

  static inline std::unique_ptr<aws::AwsClient> management_;
  static inline Org org_;
};

constexpr const char* kOrganizationChecks =
    "iam_password_policy_min_length,iam_user_console_prefer_sso,sso_enabled,sso_admin_assigned_to_groups,"
    "org_prod_access_restricted,org_scp_guardrails";

// status of `check_id` for resource `resource` in `account`.
std::string StatusOf(const Json& report, const std::string& check_id, const std::string& account,
                     const std::string& resource = "") {
  std::string status;
  for (const auto& f : report["findings"]) {
    if (f["check_id"] != check_id || f["account_id"] != account) continue;
    if (!resource.empty() && f["resource_id"] != resource) continue;
    if (status.empty() || f["status"] == "FAIL") status = f["status"];
  }
  return status;
}

const Json* AccountEntry(const Json& report, const std::string& id) {
  for (const auto& account : report["accounts"]) {
    if (account["account_id"] == id) return &account;
  }
  return nullptr;
}

TEST_F(OrganizationScan, ScansEveryAccountAndReportsTheOneThatCannotBeEntered) {
  const Org& org = org_;
  RecordingProxy proxy(OrgMoto().url());
  proxy.inject_when("AssumeRole", org.ids.at("sandbox"), 403, kAccessDenied);
  auto result = RunPosture(
      {"scan", "--organization", "--region", "us-east-1", "--checks", kOrganizationChecks, "--format", "json"},
      Env(proxy));
  ASSERT_EQ(result.exit_code, 3) << result.err;
  Json report = Json::parse(result.out);

  // Every account is listed; the denied one failed, the rest were scanned.
  ASSERT_EQ(report["accounts"].size(), 7u) << report["accounts"].dump();
  for (const auto& [name, id] : org.ids) {
    const Json* entry = AccountEntry(report, id);
    ASSERT_NE(entry, nullptr) << name;
    EXPECT_EQ((*entry)["name"], name);
    EXPECT_EQ((*entry)["status"], name == "sandbox" ? "failed" : "scanned") << name << " " << entry->dump();
  }
  const Json* sandbox = AccountEntry(report, org.ids.at("sandbox"));
  EXPECT_NE((*sandbox)["reason"].get<std::string>().find("AccessDenied"), std::string::npos) << sandbox->dump();
  EXPECT_EQ((*AccountEntry(report, org.ids.at("web")))["ou_path"], "Root/Prod");
  EXPECT_EQ((*AccountEntry(report, org.management))["status"], "scanned");

  // Account checks differ per account; the denied account reports ERROR.
  EXPECT_EQ(StatusOf(report, "iam_password_policy_min_length", org.ids.at("web")), "PASS");
  EXPECT_EQ(StatusOf(report, "iam_password_policy_min_length", org.ids.at("dev-1")), "FAIL");
  EXPECT_EQ(StatusOf(report, "iam_password_policy_min_length", org.ids.at("sandbox")), "ERROR");
  EXPECT_EQ(StatusOf(report, "iam_user_console_prefer_sso", org.ids.at("web")), "FAIL");
  EXPECT_EQ(StatusOf(report, "sso_enabled", org.ids.at("dev-2")), "PASS");

  // Organization checks: admin given to a user, production access, SCPs.
  EXPECT_EQ(StatusOf(report, "sso_admin_assigned_to_groups", org.management), "FAIL");
  EXPECT_EQ(StatusOf(report, "org_prod_access_restricted", org.ids.at("web")), "PASS");
  EXPECT_EQ(StatusOf(report, "org_prod_access_restricted", org.ids.at("data")), "FAIL");
  EXPECT_EQ(StatusOf(report, "org_scp_guardrails", org.ids.at("web")), "PASS");
  EXPECT_EQ(StatusOf(report, "org_scp_guardrails", org.ids.at("shop-prod")), "FAIL");
  EXPECT_EQ(StatusOf(report, "org_scp_guardrails", org.ids.at("dev-1")), "");  // not production

  // Findings carry the account's name, OU path and tags.
  for (const auto& f : report["findings"]) {
    if (f["account_id"] != org.ids.at("data")) continue;
    EXPECT_EQ(f["account_name"], "data");
    EXPECT_EQ(f["ou_path"], "Root/Prod");
    EXPECT_EQ(f["account_tags"]["Environment"], "production");
  }
}

TEST_F(OrganizationScan, TheTableHasAPerAccountSummary) {
  const Org& org = org_;
  RecordingProxy proxy(OrgMoto().url());
  proxy.inject_when("AssumeRole", org.ids.at("sandbox"), 403, kAccessDenied);
  auto result =
      RunPosture({"scan", "--organization", "--region", "us-east-1", "--checks", kOrganizationChecks}, Env(proxy));
  ASSERT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.out.find("Accounts (organization o-"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("failed: "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Root/Prod"), std::string::npos);
}

TEST_F(OrganizationScan, FiltersChooseAccountsByIdAndOu) {
  const Org& org = org_;
  auto env = MotoEnv();
  env["AWS_ENDPOINT_URL"] = OrgMoto().url();
  auto only_prod = RunPosture({"scan", "--organization", "--region", "us-east-1", "--checks",
                               "iam_password_policy_min_length", "--ou", org.prod_ou, "--format", "json"},
                              env);
  ASSERT_NE(only_prod.exit_code, 1) << only_prod.err;
  Json report = Json::parse(only_prod.out);
  std::set<std::string> scanned;
  for (const auto& account : report["accounts"]) scanned.insert(account["account_id"]);
  EXPECT_EQ(scanned, (std::set<std::string>{org.ids.at("web"), org.ids.at("data")}));

  auto chosen = RunPosture(
      {"scan", "--organization", "--region", "us-east-1", "--checks", "iam_password_policy_min_length", "--accounts",
       org.ids.at("dev-1") + "," + org.ids.at("web"), "--exclude-accounts", org.ids.at("web"), "--format", "json"},
      env);
  report = Json::parse(chosen.out);
  ASSERT_EQ(report["accounts"].size(), 1u);
  EXPECT_EQ(report["accounts"][0]["account_id"], org.ids.at("dev-1"));

  auto unknown = RunPosture({"scan", "--organization", "--region", "us-east-1", "--accounts", "999999999999"}, env);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("999999999999 is not in organization"), std::string::npos) << unknown.err;
}

TEST(OrganizationScope, AnAccountInNoOrganizationGetsAClearError) {
  POSTURE_REQUIRE_MOTO();
  auto result = RunPosture({"scan", "--organization", "--region", "us-east-1"}, MotoEnv());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("organization"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

TEST(OrganizationScope, NeedOrganizationAndWellFormedIds) {
  auto result = RunPosture({"scan", "--ou", "ou-ab12-cdef3456"}, MotoEnv());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--ou needs --organization"), std::string::npos) << result.err;
  result = RunPosture({"scan", "--organization", "--accounts", "12345"}, MotoEnv());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("not an AWS account id"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace posture::e2e
