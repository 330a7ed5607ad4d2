// The IAM Identity Center collector: the instance found in any region,
// permission sets with their policies and boundary, assignments per
// organization account with principal names, and the failures that do and
// do not fail the section.
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

constexpr const char* kInstance = "arn:aws:sso:::instance/ssoins-1";
constexpr const char* kStore = "d-store1";
const std::string kPs1 = std::string(kInstance) + "/ps-1";
const std::string kPs2 = std::string(kInstance) + "/ps-2";
const std::string kPs3 = std::string(kInstance) + "/ps-3";
const std::vector<std::string> kRegions = {"us-east-1", "eu-west-1"};

class IdentityCenterCollectorTest : public testing::CollectorTest {
 protected:
  // The instance lives in eu-west-1. Three permission sets (the third on a
  // second page); an organization of two accounts, 123456789012 (ps-1 to
  // user u-1) and 111 (ps-1 to u-1 and group g-1, paged; ps-2 to u-2).
  void SetUp() override {
    CollectorTest::SetUp();
    aws_.on("sso", "ListInstances", [](const Call& call) {
      if (call.region != "eu-west-1") return JsonReply({{"Instances", Json::array()}});
      return JsonReply({{"Instances", {{{"InstanceArn", kInstance}, {"IdentityStoreId", kStore}}}}});
    });
    aws_.on("sso", "ListPermissionSets", [](const Call& call) {
      if (!call.json.contains("NextToken"))
        return JsonReply({{"PermissionSets", {kPs1, kPs2}}, {"NextToken", "ps-page-2"}});
      return JsonReply({{"PermissionSets", {kPs3}}});
    });
    aws_.on("sso", "DescribePermissionSet", [](const Call& call) {
      const std::string arn = call.json.value("PermissionSetArn", "");
      return JsonReply(
          {{"PermissionSet", {{"Name", "name-" + arn.substr(arn.size() - 4)}, {"PermissionSetArn", arn}}}});
    });
    aws_.on("sso", "ListManagedPoliciesInPermissionSet", [](const Call& call) {
      if (call.json.value("PermissionSetArn", "") != kPs1)
        return JsonReply({{"AttachedManagedPolicies", Json::array()}});
      if (!call.json.contains("NextToken")) {
        return JsonReply({{"AttachedManagedPolicies",
                           {{{"Name", "AdministratorAccess"}, {"Arn", "arn:aws:iam::aws:policy/AdministratorAccess"}}}},
                          {"NextToken", "mp-2"}});
      }
      return JsonReply({{"AttachedManagedPolicies",
                         {{{"Name", "ReadOnlyAccess"}, {"Arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}}});
    });
    aws_.on("sso", "GetInlinePolicyForPermissionSet", [](const Call& call) {
      if (call.json.value("PermissionSetArn", "") != kPs1) return JsonReply({{"InlinePolicy", ""}});
      return JsonReply({{"InlinePolicy", R"({"Version":"2012-10-17","Statement":[]})"}});
    });
    aws_.on("sso", "ListCustomerManagedPolicyReferencesInPermissionSet", [](const Call& call) {
      if (call.json.value("PermissionSetArn", "") != kPs1) {
        return JsonReply({{"CustomerManagedPolicyReferences", Json::array()}});
      }
      return JsonReply(
          {{"CustomerManagedPolicyReferences", {{{"Name", "TeamPol"}, {"Path", "/team/"}}, {{"Name", "RootPol"}}}}});
    });
    aws_.on("sso", "GetPermissionsBoundaryForPermissionSet", [](const Call& call) {
      const std::string arn = call.json.value("PermissionSetArn", "");
      if (arn == kPs1) {
        return JsonReply({{"PermissionsBoundary", {{"ManagedPolicyArn", "arn:aws:iam::aws:policy/PowerUserAccess"}}}});
      }
      if (arn == kPs2) {
        return JsonReply(
            {{"PermissionsBoundary", {{"CustomerManagedPolicyReference", {{"Name", "Bound"}, {"Path", "/b/"}}}}}});
      }
      return JsonError(400, "ResourceNotFoundException", "No permissions boundary found.");
    });
    aws_.on("sso", "ListPermissionSetsProvisionedToAccount", [](const Call& call) {
      if (call.json.value("AccountId", "") == "111") return JsonReply({{"PermissionSets", {kPs1, kPs2}}});
      return JsonReply({{"PermissionSets", {kPs1}}});
    });
    aws_.on("sso", "ListAccountAssignments", [](const Call& call) {
      const std::string account = call.json.value("AccountId", "");
      const std::string set = call.json.value("PermissionSetArn", "");
      auto assignment = [&](const std::string& type, const std::string& id) {
        return Json{{"AccountId", account}, {"PermissionSetArn", set}, {"PrincipalType", type}, {"PrincipalId", id}};
      };
      if (account == "111" && set == kPs1 && !call.json.contains("NextToken")) {
        return JsonReply({{"AccountAssignments", {assignment("USER", "u-1")}}, {"NextToken", "as-2"}});
      }
      if (account == "111" && set == kPs1) return JsonReply({{"AccountAssignments", {assignment("GROUP", "g-1")}}});
      if (account == "111") return JsonReply({{"AccountAssignments", {assignment("USER", "u-2")}}});
      return JsonReply({{"AccountAssignments", {assignment("USER", "u-1")}}});
    });
    aws_.on("identitystore", "DescribeUser", [](const Call& call) {
      if (call.json.value("UserId", "") == "u-2") return JsonError(400, "AccessDeniedException", "denied");
      return JsonReply({{"UserName", "alice"}, {"UserId", "u-1"}, {"IdentityStoreId", kStore}});
    });
    aws_.on("identitystore", "DescribeGroup",
            JsonReply({{"GroupId", "g-1"}, {"DisplayName", "Admins"}, {"IdentityStoreId", kStore}}));
    // The organization: the root holds both accounts.
    aws_.on("organizations", "DescribeOrganization",
            JsonReply({{"Organization", {{"Id", "o-abc"}, {"MasterAccountId", "123456789012"}}}}));
    aws_.on("organizations", "ListRoots", JsonReply({{"Roots", {{{"Id", "r-1"}, {"Name", "Root"}}}}}));
    aws_.on("organizations", "ListOrganizationalUnitsForParent", JsonReply({{"OrganizationalUnits", Json::array()}}));
    aws_.on("organizations", "ListAccountsForParent",
            JsonReply({{"Accounts",
                        {{{"Id", "123456789012"}, {"Status", "ACTIVE"}}, {{"Id", "111"}, {"Status", "ACTIVE"}}}}}));
    aws_.on("organizations", "ListTagsForResource", JsonReply({{"Tags", Json::array()}}));
  }

  static const inv::PermissionSet& Set(const inv::IdentityCenter& center, const std::string& arn) {
    auto it = std::find_if(center.permission_sets.begin(), center.permission_sets.end(),
                           [&](const auto& set) { return set.arn == arn; });
    EXPECT_NE(it, center.permission_sets.end()) << arn;
    return *it;
  }

  // "account|permission set suffix|type|id|name" of each assignment, sorted.
  static std::vector<std::string> Assignments(const inv::IdentityCenter& center) {
    std::vector<std::string> out;
    for (const auto& a : center.assignments) {
      out.push_back(a.account_id + "|" + a.permission_set_arn.substr(a.permission_set_arn.size() - 4) + "|" +
                    a.principal_type + "|" + a.principal_id + "|" + a.principal_name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_F(IdentityCenterCollectorTest, PermissionSetsCarryTheirPoliciesAndBoundary) {
  auto inventory = Collect({"organizations.identity_center"}, kRegions);
  const auto& center = inventory.organizations.identity_center;
  ASSERT_TRUE(center.ok()) << center.error->operation << ": " << center.error->message;
  ASSERT_EQ(center->permission_sets.size(), 3u);

  const inv::PermissionSet& admin = Set(*center, kPs1);
  EXPECT_EQ(admin.name, "name-ps-1");
  EXPECT_EQ(admin.instance_arn, kInstance);
  EXPECT_EQ(admin.managed_policy_arns, (std::vector<std::string>{"arn:aws:iam::aws:policy/AdministratorAccess",
                                                                 "arn:aws:iam::aws:policy/ReadOnlyAccess"}));
  EXPECT_EQ(admin.inline_policy, R"({"Version":"2012-10-17","Statement":[]})");
  EXPECT_EQ(admin.customer_managed_policies, (std::vector<std::string>{"/team/TeamPol", "/RootPol"}));
  ASSERT_TRUE(admin.boundary.has_value());
  EXPECT_EQ(admin.boundary->managed_policy_arn, "arn:aws:iam::aws:policy/PowerUserAccess");
  EXPECT_EQ(admin.boundary->customer_policy_name, "");

  const inv::PermissionSet& bounded = Set(*center, kPs2);
  ASSERT_TRUE(bounded.boundary.has_value());
  EXPECT_EQ(bounded.boundary->customer_policy_name, "/b/Bound");
  EXPECT_EQ(bounded.boundary->managed_policy_arn, "");
  EXPECT_EQ(bounded.inline_policy, "");
  EXPECT_TRUE(bounded.managed_policy_arns.empty());

  const inv::PermissionSet& plain = Set(*center, kPs3);  // found on the second page
  EXPECT_EQ(plain.name, "name-ps-3");
  EXPECT_FALSE(plain.boundary.has_value());  // ResourceNotFoundException: none
  EXPECT_TRUE(inventory.errors.empty());
}

TEST_F(IdentityCenterCollectorTest, CallsGoToTheInstancesRegionWithItsArn) {
  Collect({"organizations.identity_center"}, kRegions);
  EXPECT_EQ(aws_.count("sso:ListInstances"), 2u);
  const auto listings = aws_.calls_of("sso:ListPermissionSets");
  ASSERT_EQ(listings.size(), 2u);
  EXPECT_EQ(listings[1].json.value("NextToken", ""), "ps-page-2");
  for (const char* operation :
       {"DescribePermissionSet", "GetInlinePolicyForPermissionSet",
        "ListCustomerManagedPolicyReferencesInPermissionSet", "GetPermissionsBoundaryForPermissionSet"}) {
    const auto calls = aws_.calls_of(std::string("sso:") + operation);
    EXPECT_EQ(calls.size(), 3u) << operation;  // one per permission set
    std::set<std::string> sets;
    for (const Call& call : calls) {
      EXPECT_EQ(call.region, "eu-west-1") << operation;
      EXPECT_EQ(call.json.value("InstanceArn", ""), kInstance) << operation;
      sets.insert(call.json.value("PermissionSetArn", ""));
    }
    EXPECT_EQ(sets, (std::set<std::string>{kPs1, kPs2, kPs3})) << operation;
  }
  EXPECT_EQ(aws_.count("sso:ListManagedPoliciesInPermissionSet"), 4u);  // ps-1 has two pages
  for (const Call& call : aws_.calls()) EXPECT_NE(call.service, "organizations") << call.key();
}

TEST_F(IdentityCenterCollectorTest, AssignmentsOfEveryOrganizationAccountNameTheirPrincipals) {
  auto inventory = Collect({"organizations.identity_center", "organizations.structure"}, kRegions);
  const auto& center = inventory.organizations.identity_center;
  ASSERT_TRUE(center.ok()) << center.error->operation << ": " << center.error->message;
  EXPECT_EQ(Assignments(*center), (std::vector<std::string>{"111|ps-1|GROUP|g-1|Admins", "111|ps-1|USER|u-1|alice",
                                                            "111|ps-2|USER|u-2|", "123456789012|ps-1|USER|u-1|alice"}));
  std::multiset<std::string> accounts;
  for (const Call& call : aws_.calls_of("sso:ListPermissionSetsProvisionedToAccount")) {
    EXPECT_EQ(call.json.value("InstanceArn", ""), kInstance);
    EXPECT_EQ(call.region, "eu-west-1");
    accounts.insert(call.json.value("AccountId", ""));
  }
  EXPECT_EQ(accounts, (std::multiset<std::string>{"111", "123456789012"}));
  std::multiset<std::string> listed;
  for (const Call& call : aws_.calls_of("sso:ListAccountAssignments")) {
    EXPECT_EQ(call.json.value("InstanceArn", ""), kInstance);
    listed.insert(call.json.value("AccountId", "") + "|" +
                  call.json.value("PermissionSetArn", "").substr(kPs1.size() - 4) + "|" +
                  call.json.value("NextToken", ""));
  }
  EXPECT_EQ(listed, (std::multiset<std::string>{"111|ps-1|", "111|ps-1|as-2", "111|ps-2|", "123456789012|ps-1|"}));

  // One lookup per distinct principal, in the instance's identity store and region.
  const auto users = aws_.calls_of("identitystore:DescribeUser");
  ASSERT_EQ(users.size(), 2u);
  for (const Call& call : users) {
    EXPECT_EQ(call.json.value("IdentityStoreId", ""), kStore);
    EXPECT_EQ(call.region, "eu-west-1");
  }
  const auto groups = aws_.calls_of("identitystore:DescribeGroup");
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].json.value("GroupId", ""), "g-1");

  // The failed lookup of u-2 leaves its name empty, listed in the errors only.
  ASSERT_EQ(inventory.errors.size(), 1u);
  EXPECT_EQ(inventory.errors[0].service, "identitystore");
  EXPECT_EQ(inventory.errors[0].operation, "DescribeUser");
  EXPECT_EQ(inventory.errors[0].kind, "access_denied");
}

TEST_F(IdentityCenterCollectorTest, WithoutTheStructureOnlyThisAccountIsListed) {
  auto inventory = Collect({"organizations.identity_center"}, kRegions);
  ASSERT_TRUE(inventory.organizations.identity_center.ok());
  EXPECT_EQ(Assignments(*inventory.organizations.identity_center),
            std::vector<std::string>{"123456789012|ps-1|USER|u-1|alice"});
  const auto calls = aws_.calls_of("sso:ListPermissionSetsProvisionedToAccount");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].json.value("AccountId", ""), "123456789012");
}

TEST_F(IdentityCenterCollectorTest, AnAccountInNoOrganizationListsItsOwnAssignments) {
  aws_.on("organizations", "DescribeOrganization",
          JsonError(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization."));
  auto inventory = Collect({"organizations.identity_center", "organizations.structure"}, kRegions);
  ASSERT_TRUE(inventory.organizations.identity_center.ok());
  EXPECT_EQ(inventory.organizations.identity_center->assignments.size(), 1u);
  EXPECT_EQ(aws_.calls_of("sso:ListPermissionSetsProvisionedToAccount").at(0).json.value("AccountId", ""),
            "123456789012");
}

TEST_F(IdentityCenterCollectorTest, ABoundaryTheServerDoesNotImplementIsNoBoundaryButListed) {
  // moto_server answers operations it lacks with an HTML 500 page and no AWS error code.
  aws_.on("sso", "GetPermissionsBoundaryForPermissionSet", [](const Call&) {
    return posture::testing::MakeResponse(500, "<!doctype html><title>500 Internal Server Error</title>",
                                          {{"Content-Type", "text/html"}});
  });
  auto inventory = Collect({"organizations.identity_center"}, kRegions);
  const auto& center = inventory.organizations.identity_center;
  ASSERT_TRUE(center.ok()) << center.error->message;
  for (const auto& set : center->permission_sets) EXPECT_FALSE(set.boundary.has_value()) << set.arn;
  size_t listed = 0;
  for (const auto& error : inventory.errors) {
    if (error.operation == "GetPermissionsBoundaryForPermissionSet") ++listed;
  }
  EXPECT_EQ(listed, 3u);
}

TEST_F(IdentityCenterCollectorTest, ABoundaryLookupThatFailsForRealFailsTheSection) {
  aws_.on("sso", "GetPermissionsBoundaryForPermissionSet", JsonError(400, "AccessDeniedException", "denied"));
  auto inventory = Collect({"organizations.identity_center"}, kRegions);
  ASSERT_FALSE(inventory.organizations.identity_center.ok());
  EXPECT_EQ(inventory.organizations.identity_center.error->operation, "GetPermissionsBoundaryForPermissionSet");
}

TEST_F(IdentityCenterCollectorTest, ADeniedPermissionSetLookupFailsTheSection) {
  aws_.on("sso", "DescribePermissionSet", JsonError(400, "AccessDeniedException", "denied"));
  auto inventory = Collect({"organizations.identity_center"}, kRegions);
  const auto& center = inventory.organizations.identity_center;
  ASSERT_FALSE(center.ok());
  EXPECT_EQ(center.error->service, "sso-admin");
  EXPECT_EQ(center.error->operation, "DescribePermissionSet");
  EXPECT_EQ(center.error->region, "eu-west-1");
  EXPECT_EQ(center.error->kind, "access_denied");
}

TEST_F(IdentityCenterCollectorTest, ARegionWhoseListingFailsFailsBothSectionsWithOneError) {
  aws_.on("sso", "ListInstances", [](const Call& call) {
    if (call.region == "us-east-1") return JsonError(400, "AccessDeniedException", "denied");
    return JsonReply({{"Instances", {{{"InstanceArn", kInstance}, {"IdentityStoreId", kStore}}}}});
  });
  auto inventory = Collect({"organizations.identity_center", "identity_center.instances"}, kRegions);
  EXPECT_EQ(aws_.count("sso:ListInstances"), 2u);  // one call per region serves both sections
  ASSERT_FALSE(inventory.organizations.identity_center.ok());
  EXPECT_EQ(inventory.organizations.identity_center.error->operation, "ListInstances");
  EXPECT_FALSE(inventory.region("us-east-1")->identity_center.instances.ok());
  ASSERT_TRUE(inventory.region("eu-west-1")->identity_center.instances.ok());
  EXPECT_EQ(inventory.region("eu-west-1")->identity_center.instances->size(), 1u);
  ASSERT_EQ(inventory.errors.size(), 1u);
}

TEST_F(IdentityCenterCollectorTest, NoInstanceAnywhereIsAnEmptyValue) {
  aws_.on("sso", "ListInstances", JsonReply({{"Instances", Json::array()}}));
  auto inventory = Collect({"organizations.identity_center"}, kRegions);
  ASSERT_TRUE(inventory.organizations.identity_center.ok());
  EXPECT_TRUE(inventory.organizations.identity_center->permission_sets.empty());
  EXPECT_TRUE(inventory.organizations.identity_center->assignments.empty());
  EXPECT_EQ(aws_.calls().size(), 1u + 2u);  // the identity call and ListInstances per region
}

TEST_F(IdentityCenterCollectorTest, SectionNotAskedForCostsNoCallBeyondTheInstances) {
  auto inventory = Collect({"identity_center.instances"}, kRegions);
  auto keys = aws_.keys();
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"sso:ListInstances", "sso:ListInstances", "sts:GetCallerIdentity"}));
  EXPECT_FALSE(inventory.organizations.identity_center.ok());
  EXPECT_FALSE(inventory.organizations.identity_center.error.has_value());
  ASSERT_TRUE(inventory.region("eu-west-1")->identity_center.instances.ok());
  EXPECT_EQ(inventory.region("eu-west-1")->identity_center.instances->size(), 1u);
}

}  // namespace
}  // namespace posture::collect
