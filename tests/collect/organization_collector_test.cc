// The AWS Organizations collector: the OU tree walked per parent (paged),
// accounts with their tags and parents, SCPs with their targets, "not in an
// organization" as a value and denied calls as section errors.
#include <gtest/gtest.h>

#include <algorithm>

#include "collect/collect.h"
#include "collect/fake_aws.h"
#include "collect/fixtures.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using aws::Json;
using testing::Call;
using testing::JsonError;
using testing::JsonReply;

constexpr const char* kManagement = "123456789012";

Json Account(const std::string& id, const std::string& status_member, const std::string& status) {
  return {{"Id", id},
          {"Arn", "arn:aws:organizations::123456789012:account/o-abc/" + id},
          {"Name", "acct-" + id},
          {"Email", id + "@example.com"},
          {status_member, status}};
}
Json Unit(const std::string& id, const std::string& name) {
  return {{"Id", id}, {"Arn", "arn:aws:organizations::123456789012:ou/o-abc/" + id}, {"Name", name}};
}

class OrganizationCollectorTest : public testing::CollectorTest {
 protected:
  // Root r-1 (SCPs enabled) holds the management account (two pages) and
  // ou-1; ou-1 holds 111 and ou-2; ou-2 holds 222 and ou-3; ou-3 holds 333
  // (a newer API answer: State instead of Status).
  void SetUp() override {
    CollectorTest::SetUp();
    aws_.on("organizations", "DescribeOrganization",
            JsonReply({{"Organization",
                        {{"Id", "o-abc"},
                         {"Arn", "arn:aws:organizations::123456789012:organization/o-abc"},
                         {"MasterAccountId", kManagement},
                         {"FeatureSet", "ALL"}}}}));
    aws_.on("organizations", "ListRoots",
            JsonReply({{"Roots",
                        {{{"Id", "r-1"},
                          {"Name", "Root"},
                          {"PolicyTypes",
                           {{{"Type", "TAG_POLICY"}, {"Status", "ENABLED"}},
                            {{"Type", "SERVICE_CONTROL_POLICY"}, {"Status", "ENABLED"}}}}}}}}));
    aws_.on("organizations", "ListOrganizationalUnitsForParent", [](const Call& call) {
      static const std::map<std::string, Json> kChildren = {{"r-1", Json::array({Unit("ou-1", "Workloads")})},
                                                            {"ou-1", Json::array({Unit("ou-2", "Prod")})},
                                                            {"ou-2", Json::array({Unit("ou-3", "Payments")})},
                                                            {"ou-3", Json::array()}};
      return JsonReply({{"OrganizationalUnits", kChildren.at(call.json.value("ParentId", ""))}});
    });
    aws_.on("organizations", "ListAccountsForParent", [](const Call& call) {
      const std::string parent = call.json.value("ParentId", "");
      if (parent == "r-1" && !call.json.contains("NextToken")) {
        return JsonReply({{"Accounts", Json::array()}, {"NextToken", "root-2"}});
      }
      if (parent == "r-1") return JsonReply({{"Accounts", {Account(kManagement, "Status", "ACTIVE")}}});
      if (parent == "ou-1") return JsonReply({{"Accounts", {Account("111", "Status", "SUSPENDED")}}});
      if (parent == "ou-2") return JsonReply({{"Accounts", {Account("222", "Status", "ACTIVE")}}});
      return JsonReply({{"Accounts", {Account("333", "State", "PENDING_CLOSURE")}}});
    });
    aws_.on("organizations", "ListTagsForResource", [](const Call& call) {
      const std::string id = call.json.value("ResourceId", "");
      if (id == "222" && !call.json.contains("NextToken")) {
        return JsonReply({{"Tags", {{{"Key", "env"}, {"Value", "prod"}}}}, {"NextToken", "tags-2"}});
      }
      if (id == "222") return JsonReply({{"Tags", {{{"Key", "team"}, {"Value", "pay"}}}}});
      return JsonReply({{"Tags", Json::array()}});
    });
  }

  static const inv::OrgAccount* FindAccount(const inv::Organization& org, const std::string& id) {
    auto it = std::find_if(org.accounts.begin(), org.accounts.end(), [&](const auto& a) { return a.id == id; });
    return it == org.accounts.end() ? nullptr : &*it;
  }
  static const inv::OrganizationalUnit* FindUnit(const inv::Organization& org, const std::string& id) {
    auto it = std::find_if(org.units.begin(), org.units.end(), [&](const auto& u) { return u.id == id; });
    return it == org.units.end() ? nullptr : &*it;
  }
};

TEST_F(OrganizationCollectorTest, WalksTheOuTreeAndMapsAccountsWithTheirParentsAndTags) {
  auto inventory = Collect({"organizations.structure"});
  const auto& structure = inventory.organizations.structure;
  ASSERT_TRUE(structure.ok()) << structure.error->message;
  const inv::Organization& org = *structure;
  EXPECT_EQ(org.id, "o-abc");
  EXPECT_EQ(org.arn, "arn:aws:organizations::123456789012:organization/o-abc");
  EXPECT_EQ(org.management_account_id, kManagement);
  EXPECT_EQ(org.root_id, "r-1");
  EXPECT_TRUE(org.scps_enabled);

  ASSERT_EQ(org.units.size(), 4u);
  ASSERT_NE(FindUnit(org, "r-1"), nullptr);
  EXPECT_EQ(FindUnit(org, "r-1")->name, "Root");
  EXPECT_EQ(FindUnit(org, "r-1")->parent_id, "");
  ASSERT_NE(FindUnit(org, "ou-3"), nullptr);
  EXPECT_EQ(FindUnit(org, "ou-3")->name, "Payments");
  EXPECT_EQ(FindUnit(org, "ou-3")->parent_id, "ou-2");
  EXPECT_EQ(FindUnit(org, "ou-2")->parent_id, "ou-1");
  EXPECT_EQ(FindUnit(org, "ou-1")->parent_id, "r-1");

  ASSERT_EQ(org.accounts.size(), 4u);
  const inv::OrgAccount* management = FindAccount(org, kManagement);
  ASSERT_NE(management, nullptr);
  EXPECT_EQ(management->parent_id, "r-1");
  EXPECT_EQ(management->arn, "arn:aws:organizations::123456789012:account/o-abc/123456789012");
  EXPECT_EQ(management->name, "acct-123456789012");
  EXPECT_EQ(management->email, "123456789012@example.com");
  EXPECT_EQ(management->status, "ACTIVE");
  EXPECT_EQ(FindAccount(org, "111")->parent_id, "ou-1");
  EXPECT_EQ(FindAccount(org, "111")->status, "SUSPENDED");
  EXPECT_EQ(FindAccount(org, "222")->parent_id, "ou-2");
  EXPECT_EQ(FindAccount(org, "222")->tags, (inv::Tags{{"env", "prod"}, {"team", "pay"}}));
  EXPECT_TRUE(FindAccount(org, "111")->tags.empty());
  EXPECT_EQ(FindAccount(org, "333")->parent_id, "ou-3");
  EXPECT_EQ(FindAccount(org, "333")->status, "PENDING_CLOSURE");  // read from State
  // The walk finds them in any order; the section lists them in a stable one.
  std::vector<std::string> account_order, unit_order;
  for (const auto& account : org.accounts) account_order.push_back(account.id);
  for (const auto& unit : org.units) unit_order.push_back(unit.id);
  EXPECT_EQ(account_order, (std::vector<std::string>{"111", "123456789012", "222", "333"}));
  EXPECT_EQ(unit_order, (std::vector<std::string>{"r-1", "ou-1", "ou-2", "ou-3"}));
  EXPECT_TRUE(inventory.errors.empty());
}

TEST_F(OrganizationCollectorTest, SendsEachParentAndAccountOnTheWireAndFollowsNextToken) {
  Collect({"organizations.structure"});
  std::multiset<std::string> unit_parents, account_parents, tagged;
  for (const Call& call : aws_.calls_of("organizations:ListOrganizationalUnitsForParent")) {
    unit_parents.insert(call.json.value("ParentId", ""));
    EXPECT_EQ(call.region, "us-east-1");
  }
  for (const Call& call : aws_.calls_of("organizations:ListAccountsForParent")) {
    account_parents.insert(call.json.value("ParentId", "") + "|" + call.json.value("NextToken", ""));
  }
  for (const Call& call : aws_.calls_of("organizations:ListTagsForResource")) {
    tagged.insert(call.json.value("ResourceId", "") + "|" + call.json.value("NextToken", ""));
  }
  EXPECT_EQ(unit_parents, (std::multiset<std::string>{"r-1", "ou-1", "ou-2", "ou-3"}));
  EXPECT_EQ(account_parents, (std::multiset<std::string>{"r-1|", "r-1|root-2", "ou-1|", "ou-2|", "ou-3|"}));
  EXPECT_EQ(tagged, (std::multiset<std::string>{"123456789012|", "111|", "222|", "222|tags-2", "333|"}));
  EXPECT_EQ(aws_.count("organizations:DescribeOrganization"), 1u);
  EXPECT_EQ(aws_.count("organizations:ListRoots"), 1u);
  EXPECT_EQ(aws_.count("organizations:ListPolicies"), 0u);  // SCPs not asked for
}

TEST_F(OrganizationCollectorTest, ScpsDisabledOnTheRootReadAsNotEnabled) {
  aws_.on("organizations", "ListRoots",
          JsonReply({{"Roots",
                      {{{"Id", "r-1"},
                        {"Name", "Root"},
                        {"PolicyTypes", {{{"Type", "SERVICE_CONTROL_POLICY"}, {"Status", "PENDING_DISABLE"}}}}}}}}));
  auto inventory = Collect({"organizations.structure"});
  ASSERT_TRUE(inventory.organizations.structure.ok());
  EXPECT_FALSE(inventory.organizations.structure->scps_enabled);
}

TEST_F(OrganizationCollectorTest, AnAccountInNoOrganizationIsAnEmptyValue) {
  const auto not_in_use =
      JsonError(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
  aws_.on("organizations", "DescribeOrganization", not_in_use);
  aws_.on("organizations", "ListPolicies", not_in_use);
  auto inventory = Collect({"organizations.structure", "organizations.scps"});
  ASSERT_TRUE(inventory.organizations.structure.ok());
  EXPECT_EQ(inventory.organizations.structure->id, "");
  EXPECT_TRUE(inventory.organizations.structure->accounts.empty());
  ASSERT_TRUE(inventory.organizations.scps.ok());
  EXPECT_TRUE(inventory.organizations.scps->empty());
  EXPECT_TRUE(inventory.errors.empty());
  EXPECT_EQ(aws_.count("organizations:ListRoots"), 0u);
}

TEST_F(OrganizationCollectorTest, DeniedDescribeOrganizationFailsTheSection) {
  aws_.on("organizations", "DescribeOrganization",
          JsonError(400, "AccessDeniedException", "You don't have permissions to access this resource."));
  auto inventory = Collect({"organizations.structure"});
  const auto& structure = inventory.organizations.structure;
  ASSERT_FALSE(structure.ok());
  ASSERT_TRUE(structure.error.has_value());
  EXPECT_EQ(structure.error->service, "organizations");
  EXPECT_EQ(structure.error->operation, "DescribeOrganization");
  EXPECT_EQ(structure.error->kind, "access_denied");
  EXPECT_EQ(structure.error->code, "AccessDeniedException");
  ASSERT_EQ(inventory.errors.size(), 1u);
}

TEST_F(OrganizationCollectorTest, ADeniedCallDeepInTheWalkFailsTheSection) {
  aws_.on("organizations", "ListTagsForResource", [](const Call& call) {
    if (call.json.value("ResourceId", "") == "333") return JsonError(400, "AccessDeniedException", "denied");
    return JsonReply({{"Tags", Json::array()}});
  });
  auto inventory = Collect({"organizations.structure"});
  const auto& structure = inventory.organizations.structure;
  ASSERT_FALSE(structure.ok());
  EXPECT_EQ(structure.error->operation, "ListTagsForResource");
  EXPECT_EQ(structure.error->kind, "access_denied");
}

TEST_F(OrganizationCollectorTest, ScpsAreListedWithTheirTargetsPaged) {
  aws_.on("organizations", "ListPolicies", [](const Call& call) {
    if (!call.json.contains("NextToken")) {
      return JsonReply({{"Policies",
                         {{{"Id", "p-FullAWSAccess"},
                           {"Arn", "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess"},
                           {"Name", "FullAWSAccess"},
                           {"Type", "SERVICE_CONTROL_POLICY"},
                           {"AwsManaged", true}}}},
                        {"NextToken", "pol-2"}});
    }
    return JsonReply({{"Policies",
                       {{{"Id", "p-deny"},
                         {"Arn", "arn:aws:organizations::123456789012:policy/o-abc/service_control_policy/p-deny"},
                         {"Name", "deny-leave"},
                         {"Type", "SERVICE_CONTROL_POLICY"},
                         {"AwsManaged", false}}}}});
  });
  aws_.on("organizations", "ListTargetsForPolicy", [](const Call& call) {
    if (call.json.value("PolicyId", "") == "p-deny") {
      if (!call.json.contains("NextToken")) {
        return JsonReply(
            {{"Targets", {{{"TargetId", "ou-1"}, {"Type", "ORGANIZATIONAL_UNIT"}}}}, {"NextToken", "t-2"}});
      }
      return JsonReply({{"Targets", {{{"TargetId", "111"}, {"Type", "ACCOUNT"}}}}});
    }
    return JsonReply({{"Targets", {{{"TargetId", "r-1"}, {"Type", "ROOT"}}}}});
  });
  auto inventory = Collect({"organizations.scps"});
  const auto& scps = inventory.organizations.scps;
  ASSERT_TRUE(scps.ok()) << scps.error->message;
  ASSERT_EQ(scps->size(), 2u);
  EXPECT_EQ((*scps)[0].id, "p-FullAWSAccess");
  EXPECT_TRUE((*scps)[0].aws_managed);
  EXPECT_EQ((*scps)[0].name, "FullAWSAccess");
  EXPECT_EQ((*scps)[0].target_ids, std::vector<std::string>{"r-1"});
  EXPECT_EQ((*scps)[1].id, "p-deny");
  EXPECT_EQ((*scps)[1].arn, "arn:aws:organizations::123456789012:policy/o-abc/service_control_policy/p-deny");
  EXPECT_FALSE((*scps)[1].aws_managed);
  EXPECT_EQ((*scps)[1].target_ids, (std::vector<std::string>{"ou-1", "111"}));

  const auto listings = aws_.calls_of("organizations:ListPolicies");
  ASSERT_EQ(listings.size(), 2u);
  for (const Call& call : listings) EXPECT_EQ(call.json.value("Filter", ""), "SERVICE_CONTROL_POLICY");
  EXPECT_EQ(listings[1].json.value("NextToken", ""), "pol-2");
  EXPECT_EQ(aws_.count("organizations:ListTargetsForPolicy"), 3u);
  // SCP evaluation needs the tree: asking for SCPs walks it too.
  ASSERT_TRUE(inventory.organizations.structure.ok());
  EXPECT_EQ(inventory.organizations.structure->accounts.size(), 4u);
}

TEST_F(OrganizationCollectorTest, ScpsNotEnabledAreAnEmptyList) {
  aws_.on("organizations", "ListPolicies",
          JsonError(400, "PolicyTypeNotEnabledException",
                    "This operation can be performed only for enabled policy types."));
  auto inventory = Collect({"organizations.scps"});
  ASSERT_TRUE(inventory.organizations.scps.ok());
  EXPECT_TRUE(inventory.organizations.scps->empty());
}

TEST_F(OrganizationCollectorTest, DeniedTargetsFailTheScpSection) {
  aws_.on("organizations", "ListPolicies",
          JsonReply({{"Policies", {{{"Id", "p-1"}, {"Name", "one"}, {"AwsManaged", false}}}}}));
  aws_.on("organizations", "ListTargetsForPolicy", JsonError(400, "AccessDeniedException", "denied"));
  auto inventory = Collect({"organizations.scps"});
  ASSERT_FALSE(inventory.organizations.scps.ok());
  EXPECT_EQ(inventory.organizations.scps.error->operation, "ListTargetsForPolicy");
  EXPECT_TRUE(inventory.organizations.structure.ok());
}

TEST_F(OrganizationCollectorTest, SectionsNotAskedForCostNoCall) {
  auto inventory = Collect({"ec2.security_groups"});
  for (const Call& call : aws_.calls()) {
    EXPECT_NE(call.service, "organizations") << call.key();
    EXPECT_NE(call.service, "identitystore") << call.key();
  }
  EXPECT_FALSE(inventory.organizations.structure.ok());
  EXPECT_FALSE(inventory.organizations.structure.error.has_value());
  EXPECT_FALSE(inventory.organizations.scps.ok());
  EXPECT_FALSE(inventory.organizations.identity_center.ok());
}

}  // namespace
}  // namespace posture::collect
