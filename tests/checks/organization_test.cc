// The organization helpers: OU paths, SCP inheritance down the OU tree,
// production-account recognition and administrator permission sets.
#include "checks/organization.h"

#include <gtest/gtest.h>

#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

// Root
// ├── Workloads (ou-work)
// │   ├── Prod (ou-prod)
// │   │   └── EU (ou-eu)        shop-eu 222222222222
// │   └── Dev (ou-dev)          sandbox 333333333333
// └── management 123456789012, loose 444444444444
Organization Tree() {
  return Org({Ou("ou-work", "Workloads", "r-root"), Ou("ou-prod", "Prod", "ou-work"), Ou("ou-eu", "EU", "ou-prod"),
              Ou("ou-dev", "Dev", "ou-work")},
             {Member(kAccount, "management", "r-root"), Member("222222222222", "shop-eu", "ou-eu"),
              Member("333333333333", "sandbox", "ou-dev"), Member("444444444444", "loose", "r-root")});
}

std::vector<std::string> Names(const std::vector<AppliedScp>& applied) {
  std::vector<std::string> names;
  for (const auto& scp : applied) names.push_back(scp.policy->name);
  return names;
}

TEST(OuPathTest, NamesFromTheRootDown) {
  const Organization org = Tree();
  EXPECT_EQ(OuPath(org, "222222222222"), "Root/Workloads/Prod/EU");
  EXPECT_EQ(OuPath(org, "333333333333"), "Root/Workloads/Dev");
  EXPECT_EQ(OuPath(org, "444444444444"), "Root");
  EXPECT_EQ(OuPath(org, "999999999999"), "");  // not in the organization
}

TEST(OuPathTest, AncestorIdsFromTheAccountUp) {
  const Organization org = Tree();
  EXPECT_EQ(AncestorIds(org, "222222222222"),
            (std::vector<std::string>{"222222222222", "ou-eu", "ou-prod", "ou-work", "r-root"}));
  EXPECT_EQ(AncestorIds(org, "444444444444"), (std::vector<std::string>{"444444444444", "r-root"}));
  EXPECT_EQ(AncestorIds(org, "999999999999"), (std::vector<std::string>{"999999999999", "r-root"}));
}

TEST(OuPathTest, UnknownParentEndsTheWalkButTheRootStillCounts) {
  Organization org = Tree();
  org.accounts.push_back(Member("555555555555", "orphan", "ou-gone"));
  org.units.push_back(Ou("ou-child", "Child", "ou-missing"));
  org.accounts.push_back(Member("666666666666", "deep", "ou-child"));
  EXPECT_EQ(AncestorIds(org, "555555555555"), (std::vector<std::string>{"555555555555", "ou-gone", "r-root"}));
  EXPECT_EQ(OuPath(org, "555555555555"), "ou-gone");
  EXPECT_EQ(AncestorIds(org, "666666666666"),
            (std::vector<std::string>{"666666666666", "ou-child", "ou-missing", "r-root"}));
  EXPECT_EQ(OuPath(org, "666666666666"), "ou-missing/Child");
}

TEST(OuPathTest, ACycleInTheTreeEnds) {
  Organization org = Tree();
  org.units.push_back(Ou("ou-a", "A", "ou-b"));
  org.units.push_back(Ou("ou-b", "B", "ou-a"));
  org.units.push_back(Ou("ou-self", "Self", "ou-self"));
  org.accounts.push_back(Member("555555555555", "looped", "ou-a"));
  org.accounts.push_back(Member("666666666666", "selfish", "ou-self"));
  EXPECT_EQ(AncestorIds(org, "555555555555"), (std::vector<std::string>{"555555555555", "ou-a", "ou-b", "r-root"}));
  EXPECT_EQ(OuPath(org, "555555555555"), "B/A");
  EXPECT_EQ(AncestorIds(org, "666666666666"), (std::vector<std::string>{"666666666666", "ou-self", "r-root"}));
  // A policy on the cycle still reaches the account, and the walk ends.
  const std::vector<ServiceControlPolicy> on_b = {Scp("p-b", "OnB", {"ou-b"})};
  const auto applied = EffectiveScps(org, on_b, "555555555555");
  EXPECT_EQ(Names(applied), (std::vector<std::string>{"OnB"}));
}

TEST(ScpInheritanceTest, PoliciesOnRootOusAndTheAccountAllApply) {
  const Organization org = Tree();
  const std::vector<ServiceControlPolicy> scps = {
      FullAwsAccess({"r-root", "ou-work", "ou-prod", "ou-eu", "ou-dev", kAccount, "222222222222"}),
      Scp("p-root", "DenyLeaveOrg", {"r-root"}),
      Scp("p-prod", "ProdRegions", {"ou-prod"}),
      Scp("p-acct", "ShopOnly", {"222222222222"}),
      Scp("p-dev", "DevOnly", {"ou-dev"}),
      Scp("p-unattached", "Unattached", {}),
  };
  const auto shop = EffectiveScps(org, scps, "222222222222");
  EXPECT_EQ(Names(shop), (std::vector<std::string>{"FullAWSAccess", "DenyLeaveOrg", "ProdRegions", "ShopOnly"}));
  // Where each is attached, from the root down to the account.
  ASSERT_EQ(shop[0].attached_to.size(), 5u);  // root, Workloads, Prod, EU, the account
  EXPECT_EQ(shop[0].attached_to.front().id, "r-root");
  EXPECT_EQ(shop[0].attached_to.back().id, "222222222222");
  EXPECT_EQ(shop[2].describe(), "ProdRegions (attached to Prod)");
  EXPECT_EQ(shop[3].describe(), "ShopOnly (attached to shop-eu)");
  EXPECT_EQ(shop[1].attached_to.front().name, "Root");
  EXPECT_EQ(Names(Guardrails(shop)), (std::vector<std::string>{"DenyLeaveOrg", "ProdRegions", "ShopOnly"}));

  const auto sandbox = EffectiveScps(org, scps, "333333333333");
  EXPECT_EQ(Names(Guardrails(sandbox)), (std::vector<std::string>{"DenyLeaveOrg", "DevOnly"}));
}

TEST(ScpInheritanceTest, MovingAnAccountChangesWhatApplies) {
  Organization org = Tree();
  const std::vector<ServiceControlPolicy> scps = {FullAwsAccess({"r-root"}), Scp("p-prod", "ProdRegions", {"ou-prod"}),
                                                  Scp("p-dev", "DevOnly", {"ou-dev"})};
  EXPECT_EQ(Names(Guardrails(EffectiveScps(org, scps, "333333333333"))), (std::vector<std::string>{"DevOnly"}));
  org.accounts[2].parent_id = "ou-eu";  // sandbox moves under Prod/EU
  EXPECT_EQ(Names(Guardrails(EffectiveScps(org, scps, "333333333333"))), (std::vector<std::string>{"ProdRegions"}));
  EXPECT_EQ(OuPath(org, "333333333333"), "Root/Workloads/Prod/EU");
}

TEST(ScpInheritanceTest, FullAwsAccessAloneIsNoGuardrail) {
  const Organization org = Tree();
  const std::vector<ServiceControlPolicy> full = {FullAwsAccess({"r-root", "ou-prod"})};
  const auto applied = EffectiveScps(org, full, "222222222222");
  EXPECT_EQ(Names(applied), (std::vector<std::string>{"FullAWSAccess"}));
  EXPECT_EQ(applied[0].describe(), "FullAWSAccess (attached to Root, Prod)");
  EXPECT_TRUE(Guardrails(applied).empty());
  // Recognised by its id too, and a customer policy of the same name is not it.
  ServiceControlPolicy by_id = Scp("p-FullAWSAccess", "", {});
  EXPECT_TRUE(IsFullAwsAccess(by_id));
  EXPECT_FALSE(IsFullAwsAccess(Scp("p-1234", "FullAWSAccess", {})));
}

TEST(ScpInheritanceTest, PoliciesOnUnknownParentsStillApply) {
  Organization org = Tree();
  org.accounts.push_back(Member("555555555555", "orphan", "ou-gone"));
  const std::vector<ServiceControlPolicy> gone_and_root = {Scp("p-gone", "OnGone", {"ou-gone"}),
                                                           Scp("p-root", "OnRoot", {"r-root"})};
  const auto applied = EffectiveScps(org, gone_and_root, "555555555555");
  EXPECT_EQ(Names(applied), (std::vector<std::string>{"OnGone", "OnRoot"}));
  EXPECT_EQ(applied[0].describe(), "OnGone (attached to ou-gone)");
}

TEST(ProductionTest, AccountNamesMatchProdAsAWord) {
  const CheckSettings settings;
  for (const char* name : {"shop-prod", "prod", "PROD", "prod-eu", "ShopProd", "shop_prod_2", "shop-production",
                           "Production", "shop prod", "shop.prod", "prod1"}) {
    EXPECT_TRUE(IsProductionAccountName(settings, name)) << name;
  }
  for (const char* name : {"product-analytics", "productivity", "shopprod", "shop-preprod", "shop-pre-prod",
                           "shop-non-prod", "nonprod", "dev", "", "reproduce"}) {
    EXPECT_FALSE(IsProductionAccountName(settings, name)) << name;
  }
  // is_production itself keeps its substring rule for the other checks.
  EXPECT_TRUE(settings.is_production("product-analytics"));
}

TEST(ProductionTest, AccountNamesFollowConfiguredPatterns) {
  CheckSettings settings;
  settings.production_patterns = {"live", "prd-"};
  EXPECT_TRUE(IsProductionAccountName(settings, "shop-live"));
  EXPECT_TRUE(IsProductionAccountName(settings, "prd-shop"));  // not one word: substring
  EXPECT_FALSE(IsProductionAccountName(settings, "shop-prod"));
  EXPECT_FALSE(IsProductionAccountName(settings, "shop-production"));  // "production" does not contain "live"
  EXPECT_FALSE(IsProductionAccountName(settings, "delivery"));
}

TEST(ProductionTest, EvidenceFromOuTagOrName) {
  const CheckSettings settings;
  Organization org = Tree();
  org.accounts.push_back(Member("555555555555", "analytics", "ou-dev", {{"environment", "Production"}}));
  org.accounts.push_back(Member("666666666666", "shop-prod", "ou-dev"));
  org.accounts.push_back(Member("777777777777", "shop-staging", "ou-dev", {{"Environment", "preprod"}}));
  org.accounts.push_back(Member("888888888888", "product-analytics", "ou-dev", {{"Owner", "prod-team"}}));
  org.units.push_back(Ou("ou-preprod", "PreProd", "ou-work"));
  org.accounts.push_back(Member("999999999999", "shop-b", "ou-preprod"));
  const auto evidence = [&](const std::string& id) { return ProductionEvidence(settings, org, *FindAccount(org, id)); };
  EXPECT_EQ(evidence("222222222222"), "OU Prod");                     // via its parent's parent
  EXPECT_EQ(evidence("555555555555"), "tag environment=Production");  // the key case-insensitively
  EXPECT_EQ(evidence("666666666666"), "account name shop-prod");
  EXPECT_EQ(evidence("777777777777"), std::nullopt);  // preprod is excluded
  EXPECT_EQ(evidence("888888888888"), std::nullopt);  // "product" is not production; other tags do not count
  EXPECT_EQ(evidence("999999999999"), std::nullopt);
  EXPECT_EQ(evidence("333333333333"), std::nullopt);

  CheckSettings stage = settings;
  stage.environment_tag_key = "Stage";
  org.accounts.push_back(Member("101010101010", "data", "ou-dev", {{"stage", "prod"}}));
  EXPECT_EQ(ProductionEvidence(stage, org, org.accounts.back()), "tag stage=prod");
  EXPECT_EQ(ProductionEvidence(settings, org, org.accounts.back()), std::nullopt);
}

TEST(AdminPermissionSetTest, ManagedAdministratorAccessInAnyPartition) {
  EXPECT_TRUE(IsAdministratorAccessArn("arn:aws:iam::aws:policy/AdministratorAccess"));
  EXPECT_TRUE(IsAdministratorAccessArn("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"));
  EXPECT_TRUE(IsAdministratorAccessArn("arn:aws-cn:iam::aws:policy/AdministratorAccess"));
  EXPECT_FALSE(IsAdministratorAccessArn("arn:aws:iam::aws:policy/PowerUserAccess"));
  EXPECT_FALSE(IsAdministratorAccessArn("arn:aws:iam::123456789012:policy/AdministratorAccess"));
  EXPECT_FALSE(IsAdministratorAccessArn("arn::iam::aws:policy/AdministratorAccess"));
  EXPECT_FALSE(IsAdministratorAccessArn("arn:aws:iam::aws:policy/job-function/AdministratorAccess-Amplify"));

  const AdminAccess managed = ClassifyPermissionSet(PermSet("Admin", {kAdministratorAccess}));
  EXPECT_TRUE(managed.admin);
  EXPECT_EQ(managed.grant, "managed policy AdministratorAccess");
  EXPECT_FALSE(ClassifyPermissionSet(PermSet("Power", {"arn:aws:iam::aws:policy/PowerUserAccess"})).admin);
}

TEST(AdminPermissionSetTest, InlineFullAdmin) {
  const AdminAccess inline_admin = ClassifyPermissionSet(PermSet(
      "Inline", {}, R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"));
  EXPECT_TRUE(inline_admin.admin);
  EXPECT_EQ(inline_admin.grant, "inline policy allows every action on every resource (statement 1)");
  EXPECT_FALSE(ClassifyPermissionSet(PermSet("Reader", {}, R"({"Statement":[{"Effect":"Allow","Action":"s3:Get*",
      "Resource":"*"}]})"))
                   .admin);
  EXPECT_FALSE(
      ClassifyPermissionSet(PermSet("Deny", {}, R"({"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}})"))
          .admin);
  // As iam_policy_no_full_admin judges: an Allow with NotAction on "*" grants nearly everything.
  const AdminAccess not_action = ClassifyPermissionSet(
      PermSet("AllButIam", {}, R"({"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]})"));
  EXPECT_TRUE(not_action.admin);
  EXPECT_NE(not_action.grant.find("allows every action except iam:*"), std::string::npos) << not_action.grant;
  const AdminAccess broken = ClassifyPermissionSet(PermSet("Broken", {}, "{not json"));
  EXPECT_FALSE(broken.admin);
  EXPECT_NE(broken.error.find("could not read the inline policy"), std::string::npos) << broken.error;
}

TEST(AdminPermissionSetTest, BoundaryOtherThanAdministratorAccessLimitsIt) {
  PermissionSet customer_boundary = PermSet("Bounded", {kAdministratorAccess});
  customer_boundary.boundary = PermissionsBoundary{"", "/Boundaries/Limit"};
  const AdminAccess limited = ClassifyPermissionSet(customer_boundary);
  EXPECT_FALSE(limited.admin);
  EXPECT_EQ(limited.limited_by, "permissions boundary /Boundaries/Limit limits it");

  PermissionSet managed_boundary = PermSet("Bounded2", {kAdministratorAccess});
  managed_boundary.boundary = PermissionsBoundary{"arn:aws:iam::aws:policy/ReadOnlyAccess", ""};
  EXPECT_FALSE(ClassifyPermissionSet(managed_boundary).admin);

  PermissionSet admin_boundary = PermSet("Unbounded", {kAdministratorAccess});
  admin_boundary.boundary = PermissionsBoundary{kAdministratorAccess, ""};
  EXPECT_TRUE(ClassifyPermissionSet(admin_boundary).admin);
}

TEST(AdminPermissionSetTest, CustomerManagedReferencesAreNotJudged) {
  PermissionSet set = PermSet("Custom");
  set.customer_managed_policies = {"/AdminEverywhere"};
  EXPECT_FALSE(ClassifyPermissionSet(set).admin);
}

TEST(AdminPermissionSetTest, PrincipalsByNameOrId) {
  const PermissionSet set = PermSet("Admin", {kAdministratorAccess});
  EXPECT_EQ(DescribePrincipal(Assign(kAccount, set, "USER", "alice")), "user alice");
  AccountAssignment unnamed = Assign(kAccount, set, "GROUP", "x");
  unnamed.principal_name.clear();
  EXPECT_EQ(DescribePrincipal(unnamed), "group id-x");
}

TEST(FindingSinkTest, SetAccountChangesTheNextFindingsAccount) {
  const Check* check = FindCheck("org_scp_guardrails");
  ASSERT_NE(check, nullptr);
  const Inventory inventory = Estate();
  std::vector<Finding> findings;
  FindingSink sink(check->metadata, inventory, findings);
  sink.pass(kGlobalRegion, "a", "arn:a", "scanned account");
  sink.set_account("222222222222");
  sink.pass(kGlobalRegion, "b", "arn:b", "member account");
  sink.set_account("");
  sink.pass(kGlobalRegion, "c", "arn:c", "scanned account again");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].account_id, kAccount);
  EXPECT_EQ(findings[1].account_id, "222222222222");
  EXPECT_EQ(findings[2].account_id, kAccount);
}

}  // namespace
}  // namespace posture::checks::testing
