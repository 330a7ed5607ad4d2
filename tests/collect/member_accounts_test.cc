// CollectMemberAccounts through the fake AWS: account choice and filters, one
// client per member account, an account whose role cannot be assumed,
// suspended accounts, OU paths and membership.
#include "collect/member_accounts.h"

#include <gtest/gtest.h>

#include "collect/fake_aws.h"

namespace posture::collect {
namespace {

using testing::Call;
using testing::FakeAws;
using testing::JsonError;
using testing::JsonReply;
using testing::Xml;

constexpr const char* kCaller = "123456789012";
constexpr const char* kWeb = "111111111111";
constexpr const char* kSandbox = "222222222222";
constexpr const char* kClosed = "333333333333";
constexpr const char* kDev = "444444444444";

// Member credentials: access key "AK<account>", or the AssumeRole failure.
class MemberCredentials : public aws::CredentialProvider {
 public:
  explicit MemberCredentials(std::string account) : account_(std::move(account)) {}
  base::Result<aws::Credentials> fetch() override {
    if (account_ == kSandbox) {
      return base::Error::Credentials("assume role arn:aws:iam::" + account_ +
                                      ":role/OrganizationAccountAccessRole: AccessDenied: not authorized");
    }
    return aws::Credentials{"AK" + account_, "secret", "token", std::nullopt, "test"};
  }
  std::string name() const override { return "member " + account_; }

 private:
  std::string account_;
};

aws::Json OrgAccountJson(const std::string& id, const std::string& name, const std::string& status = "ACTIVE") {
  return {{"Id", id},
          {"Arn", "arn:aws:organizations::" + std::string(kCaller) + ":account/o-abc/" + id},
          {"Name", name},
          {"Email", name + "@example.com"},
          {"Status", status}};
}

class OrganizationScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    aws_.on("sts", "GetCallerIdentity",
            Xml("<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account>"
                "<Arn>arn:aws:iam::123456789012:user/auditor</Arn></GetCallerIdentityResult>"
                "</GetCallerIdentityResponse>"));
    aws_.on("organizations", "DescribeOrganization",
            JsonReply({{"Organization",
                        {{"Id", "o-abc"},
                         {"Arn", "arn:aws:organizations::123456789012:organization/o-abc"},
                         {"MasterAccountId", kCaller},
                         {"FeatureSet", "ALL"}}}}));
    aws_.on("organizations", "ListRoots",
            JsonReply({{"Roots",
                        {{{"Id", "r-root"},
                          {"Name", "Root"},
                          {"Arn", "arn:aws:organizations::123456789012:root/o-abc/r-root"},
                          {"PolicyTypes", aws::Json::array()}}}}}));
    aws_.on("organizations", "ListOrganizationalUnitsForParent", [](const Call& call) {
      if (call.json.value("ParentId", "") == "r-root") {
        return JsonReply({{"OrganizationalUnits",
                           {{{"Id", "ou-prod"}, {"Name", "Prod"}, {"Arn", "arn:ou-prod"}},
                            {{"Id", "ou-dev"}, {"Name", "Dev"}, {"Arn", "arn:ou-dev"}}}}});
      }
      return JsonReply({{"OrganizationalUnits", aws::Json::array()}});
    });
    aws_.on("organizations", "ListAccountsForParent", [](const Call& call) {
      const std::string parent = call.json.value("ParentId", "");
      aws::Json accounts = aws::Json::array();
      if (parent == "r-root") accounts.push_back(OrgAccountJson(kCaller, "management"));
      if (parent == "ou-prod") {
        accounts.push_back(OrgAccountJson(kWeb, "web"));
        accounts.push_back(OrgAccountJson(kSandbox, "sandbox"));
        accounts.push_back(OrgAccountJson(kClosed, "closed", "SUSPENDED"));
      }
      if (parent == "ou-dev") accounts.push_back(OrgAccountJson(kDev, "dev"));
      return JsonReply({{"Accounts", accounts}});
    });
    aws_.on("organizations", "ListTagsForResource", [](const Call& call) {
      if (call.json.value("ResourceId", "") == kWeb) {
        return JsonReply({{"Tags", {{{"Key", "Environment"}, {"Value", "production"}}}}});
      }
      return JsonReply({{"Tags", aws::Json::array()}});
    });
    // Each account answers with its own password policy length.
    aws_.on("iam", "GetAccountPasswordPolicy", [](const Call& call) {
      const std::string length = call.access_key == "AK" + std::string(kWeb) ? "16" : "8";
      return Xml(
          "<GetAccountPasswordPolicyResponse><GetAccountPasswordPolicyResult><PasswordPolicy>"
          "<MinimumPasswordLength>" +
          length +
          "</MinimumPasswordLength></PasswordPolicy></GetAccountPasswordPolicyResult>"
          "</GetAccountPasswordPolicyResponse>");
    });
  }

  base::Result<MemberAccounts> Scan(MemberAccountsOptions options = {}) {
    if (options.sections.empty()) options.sections = {"iam.password_policy"};
    return CollectMemberAccounts(
        aws_.client(),
        [&](const inventory::OrgAccount& account, const std::string& partition) {
          EXPECT_EQ(partition, "aws");
          std::lock_guard lock(mutex_);
          made_for_.push_back(account.id);
          return aws_.client_with(std::make_shared<MemberCredentials>(account.id));
        },
        options);
  }

  const MemberAccount* Find(const MemberAccounts& scan, const std::string& id) {
    for (const auto& account : scan.accounts) {
      if (account.account.id == id) return &account;
    }
    return nullptr;
  }

  FakeAws aws_;
  std::mutex mutex_;
  std::vector<std::string> made_for_;
};

TEST_F(OrganizationScanTest, ScansEveryActiveAccountWithItsOwnClient) {
  auto scan = Scan();
  ASSERT_TRUE(scan.ok()) << scan.error().describe();
  EXPECT_EQ(scan->organization.id, "o-abc");
  ASSERT_EQ(scan->accounts.size(), 5u);

  const MemberAccount* web = Find(*scan, kWeb);
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->outcome, AccountOutcome::kScanned);
  EXPECT_EQ(web->ou_path, "Root/Prod");
  ASSERT_TRUE(web->inventory.iam.password_policy.ok());
  EXPECT_EQ((*web->inventory.iam.password_policy)->minimum_length, 16);
  EXPECT_GT(web->requests, 0u);
  ASSERT_TRUE(web->inventory.membership.has_value());
  EXPECT_EQ(web->inventory.membership->organization_id, "o-abc");
  EXPECT_EQ(web->inventory.membership->account_name, "web");
  EXPECT_EQ(web->inventory.membership->ou_path, "Root/Prod");
  EXPECT_EQ(web->inventory.membership->account_tags.at("Environment"), "production");

  // The caller's own account uses the caller's client, not an assumed role.
  const MemberAccount* management = Find(*scan, kCaller);
  ASSERT_NE(management, nullptr);
  EXPECT_EQ(management->outcome, AccountOutcome::kScanned);
  EXPECT_EQ(management->ou_path, "Root");
  EXPECT_EQ((*management->inventory.iam.password_policy)->minimum_length, 8);
  EXPECT_EQ(std::count(made_for_.begin(), made_for_.end(), kCaller), 0);
}

TEST_F(OrganizationScanTest, AnAccountThatCannotBeEnteredFailsAloneAndSuspendedOnesAreSkipped) {
  auto scan = Scan();
  ASSERT_TRUE(scan.ok());
  const MemberAccount* sandbox = Find(*scan, kSandbox);
  ASSERT_NE(sandbox, nullptr);
  EXPECT_EQ(sandbox->outcome, AccountOutcome::kFailed);
  EXPECT_NE(sandbox->reason.find("AccessDenied"), std::string::npos) << sandbox->reason;
  EXPECT_FALSE(sandbox->inventory.iam.password_policy.ok());
  // No call was made for it: the credentials failed first.
  for (const auto& call : aws_.calls()) EXPECT_NE(call.access_key, "AK" + std::string(kSandbox));

  const MemberAccount* closed = Find(*scan, kClosed);
  ASSERT_NE(closed, nullptr);
  EXPECT_EQ(closed->outcome, AccountOutcome::kSkipped);
  EXPECT_NE(closed->reason.find("SUSPENDED"), std::string::npos);
  EXPECT_EQ(std::count(made_for_.begin(), made_for_.end(), kClosed), 0);

  EXPECT_EQ(Find(*scan, kDev)->outcome, AccountOutcome::kScanned);
}

TEST_F(OrganizationScanTest, FiltersNarrowTheAccounts) {
  MemberAccountsOptions by_ou;
  by_ou.units = {"ou-dev"};
  auto scan = Scan(by_ou);
  ASSERT_TRUE(scan.ok());
  ASSERT_EQ(scan->accounts.size(), 1u);
  EXPECT_EQ(scan->accounts[0].account.id, kDev);

  MemberAccountsOptions by_id;
  by_id.accounts = {kWeb, kDev};
  by_id.exclude_accounts = {kDev};
  scan = Scan(by_id);
  ASSERT_TRUE(scan.ok());
  ASSERT_EQ(scan->accounts.size(), 1u);
  EXPECT_EQ(scan->accounts[0].account.id, kWeb);

  MemberAccountsOptions root;
  root.units = {"r-root"};  // every account, at any depth
  scan = Scan(root);
  ASSERT_TRUE(scan.ok());
  EXPECT_EQ(scan->accounts.size(), 5u);
}

TEST_F(OrganizationScanTest, FiltersNamingWhatTheOrganizationLacksFail) {
  MemberAccountsOptions unknown_account;
  unknown_account.accounts = {"999999999999"};
  auto scan = Scan(unknown_account);
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.error().message().find("account 999999999999 is not in organization o-abc"), std::string::npos);

  MemberAccountsOptions unknown_ou;
  unknown_ou.units = {"ou-nope"};
  scan = Scan(unknown_ou);
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.error().message().find("ou-nope"), std::string::npos);
}

TEST_F(OrganizationScanTest, AnAccountInNoOrganizationIsAClearError) {
  aws_.on("organizations", "DescribeOrganization",
          JsonError(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization."));
  aws_.on("organizations", "ListRoots",
          JsonError(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization."));
  auto scan = Scan();
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.error().message().find("is not in an AWS Organization"), std::string::npos) << scan.error().message();
}

TEST_F(OrganizationScanTest, ADeniedListingIsAnActionableError) {
  aws_.on("organizations", "DescribeOrganization", JsonError(400, "AccessDeniedException", "not allowed"));
  aws_.on("organizations", "ListRoots", JsonError(400, "AccessDeniedException", "not allowed"));
  auto scan = Scan();
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.error().message().find("management account or a delegated administrator"), std::string::npos)
      << scan.error().message();
}

}  // namespace
}  // namespace posture::collect
