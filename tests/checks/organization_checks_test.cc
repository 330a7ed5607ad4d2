// Fixture-driven cases for the organization checks (CHECKS.md section 7):
// administrator permission sets, access to production accounts, SCP
// guardrails, and Identity Center seen through the organization.
#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

constexpr const char* kShopEu = "222222222222";     // under Root/Workloads/Prod/EU
constexpr const char* kSandbox = "333333333333";    // under Root/Workloads/Dev
constexpr const char* kAnalytics = "555555555555";  // Environment=production, under Dev
constexpr const char* kShopProd = "666666666666";   // named shop-prod, under Dev
constexpr const char* kRetired = "777777777777";    // under Prod, suspended

constexpr const char* kInlineAdmin =
    R"({"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}]})";

Organization Company() {
  return Org({Ou("ou-work", "Workloads", "r-root"), Ou("ou-prod", "Prod", "ou-work"), Ou("ou-eu", "EU", "ou-prod"),
              Ou("ou-dev", "Dev", "ou-work")},
             {Member(kAccount, "management", "r-root"), Member(kShopEu, "shop-eu", "ou-eu"),
              Member(kSandbox, "sandbox", "ou-dev"),
              Member(kAnalytics, "analytics", "ou-dev", {{"Environment", "production"}}),
              Member(kShopProd, "shop-prod", "ou-dev"), Member(kRetired, "retired", "ou-prod", {}, "SUSPENDED")});
}

const PermissionSet kAdminSet = PermSet("Admin", {kAdministratorAccess});
const PermissionSet kReader = PermSet("Reader", {"arn:aws:iam::aws:policy/ReadOnlyAccess"});

PermissionSet Bounded() {
  PermissionSet set = PermSet("Bounded", {kAdministratorAccess});
  set.boundary = PermissionsBoundary{"", "/Boundaries/Limit"};
  return set;
}

OrgMembership MemberOf(std::vector<IdentityCenterInstance> instances) {
  OrgMembership membership;
  membership.organization_id = "o-test";
  membership.account_name = "shop-eu";
  membership.ou_path = "Root/Workloads/Prod/EU";
  membership.identity_center_instances = std::move(instances);
  return membership;
}

std::vector<CheckCase> AdminAssignmentCases() {
  const std::string id = "sso_admin_assigned_to_groups";
  const PermissionSet inline_admin = PermSet("InlineAdmin", {}, kInlineAdmin);
  return {
      {"admin_sets_to_users_and_groups",
       id,
       Estate().identity_center(IdentityCenter{
           {kAdminSet, inline_admin, kReader, Bounded()},
           {Assign(kShopEu, kAdminSet, "USER", "alice@example.com"), Assign(kShopEu, kAdminSet, "GROUP", "Admins"),
            Assign(kSandbox, kAdminSet, "USER", "bob@example.com"), Assign(kShopEu, inline_admin, "GROUP", "Ops"),
            Assign(kSandbox, inline_admin, "GROUP", "Ops"), Assign(kShopEu, kReader, "USER", "carol@example.com"),
            Assign(kShopEu, Bounded(), "USER", "dave@example.com")}}),
       {In(Fail("Admin",
                "administrator permission set Admin (managed policy AdministratorAccess) is assigned directly to "
                "user alice@example.com in account 222222222222; assign it to a group instead"),
           "global"),
        Fail("Admin", "user bob@example.com in account 333333333333"),
        Pass("InlineAdmin", "administrator permission set InlineAdmin is assigned only to groups: group Ops"),
        Pass("Bounded",
             "has managed policy AdministratorAccess but its permissions boundary /Boundaries/Limit limits it, so it "
             "is not treated as administrator access")}},
      {"admin_set_unassigned",
       id,
       Estate().identity_center(IdentityCenter{{kAdminSet}, {}}),
       {Pass("Admin", "administrator permission set Admin is not assigned to anyone")}},
      {"no_admin_sets",
       id,
       Estate().identity_center(IdentityCenter{{kReader}, {Assign(kShopEu, kReader, "USER", "carol")}}),
       {}},
      {"unreadable_inline_policy",
       id,
       Estate().identity_center(IdentityCenter{{PermSet("Broken", {}, "{\"Statement\": [")}, {}}),
       {Error("Broken", "permission set Broken: could not read the inline policy")}},
      {"admin_sets_not_collected", id, Estate(), {}},
      {"admin_sets_failed",
       id,
       Estate().fail("organizations.identity_center"),
       {Error(kAccount, "sso-admin:ListPermissionSets failed (access_denied", "global")}},
  };
}

std::vector<CheckCase> ProdAccessCases() {
  const std::string id = "org_prod_access_restricted";
  const IdentityCenter assignments{
      {kAdminSet, kReader, PermSet("Ops", {kAdministratorAccess})},
      {Assign(kShopEu, kAdminSet, "GROUP", "Admins"), Assign(kShopEu, kAdminSet, "GROUP", "Oncall"),
       Assign(kShopEu, PermSet("Ops", {kAdministratorAccess}), "GROUP", "Admins"),
       Assign(kShopEu, kReader, "USER", "carol"), Assign(kAnalytics, kAdminSet, "USER", "alice"),
       Assign(kAnalytics, kAdminSet, "GROUP", "Admins"), Assign(kShopProd, kAdminSet, "GROUP", "A"),
       Assign(kShopProd, kAdminSet, "GROUP", "B"), Assign(kShopProd, kAdminSet, "GROUP", "C"),
       Assign(kSandbox, kAdminSet, "USER", "alice"), Assign(kRetired, kAdminSet, "USER", "alice")}};
  Organization no_arns = Company();
  for (auto& account : no_arns.accounts) account.arn.clear();
  return {
      {"prod_accounts",
       id,
       Estate().organization(Company()).identity_center(assignments),
       {About(In(Pass(kShopEu,
                      "production account shop-eu (OU Prod, OU path Root/Workloads/Prod/EU): administrator access is "
                      "held by 2 groups (at most 2 groups allowed): group Admins (Admin, Ops); group Oncall (Admin)"),
                 "global"),
              kShopEu),
        About(Fail(kAnalytics,
                   "production account analytics (tag Environment=production, OU path Root/Workloads/Dev): 1 user "
                   "holds administrator access directly instead of through a group: group Admins (Admin); user "
                   "alice (Admin)"),
              kAnalytics),
        About(Fail(kShopProd,
                   "production account shop-prod (account name shop-prod, OU path Root/Workloads/Dev): 3 groups hold "
                   "administrator access, at most 2 groups allowed: group A (Admin); group B (Admin); group C (Admin)"),
              kShopProd)}},
      {"prod_without_admins",
       id,
       Estate().organization(no_arns).identity_center(IdentityCenter{{kAdminSet}, {}}),
       {About(Pass(kShopEu, "no administrator access is assigned"), kShopEu),
        About(Pass(kAnalytics, "no administrator access is assigned"), kAnalytics),
        About(Pass(kShopProd, "no administrator access is assigned"), kShopProd)}},
      {"prod_bounded_set_is_not_admin",
       id,
       Estate()
           .organization(Org({}, {Member(kShopProd, "shop-prod", "r-root")}))
           .identity_center(IdentityCenter{{Bounded()}, {Assign(kShopProd, Bounded(), "USER", "dave")}}),
       {About(Pass(kShopProd, "no administrator access is assigned"), kShopProd)}},
      {"prod_no_organization", id, Estate().organization(Organization{}).identity_center(IdentityCenter{}), {}},
      {"prod_not_collected", id, Estate(), {}},
      {"prod_structure_failed",
       id,
       Estate().fail("organizations.structure").identity_center(assignments),
       {Error(kAccount, "organizations:DescribeOrganization failed", "global")}},
      {"prod_both_failed",
       id,
       Estate().fail("organizations.structure").fail("organizations.identity_center"),
       {Error(kAccount, "organizations:DescribeOrganization"), Error(kAccount, "sso-admin:ListPermissionSets")}},
  };
}

std::vector<CheckCase> ScpGuardrailCases() {
  const std::string id = "org_scp_guardrails";
  const std::vector<ServiceControlPolicy> scps = {
      FullAwsAccess({"r-root", "ou-work", "ou-prod", "ou-eu", "ou-dev"}),
      Scp("p-prod", "ProdRegions", {"ou-prod"}),
      Scp("p-analytics", "AnalyticsDenyDelete", {kAnalytics}),
  };
  Organization disabled = Company();
  disabled.scps_enabled = false;
  return {
      {"guardrails_by_inheritance",
       id,
       Estate().organization(Company()).scps(scps),
       {About(In(Pass(kShopEu,
                      "production account shop-eu (OU Prod, OU path Root/Workloads/Prod/EU): guardrail SCPs apply: "
                      "ProdRegions (attached to Prod)"),
                 "global"),
              kShopEu),
        About(Pass(kAnalytics, "guardrail SCPs apply: AnalyticsDenyDelete (attached to analytics)"), kAnalytics),
        About(Fail(kShopProd,
                   "production account shop-prod (account name shop-prod, OU path Root/Workloads/Dev): no service "
                   "control policy other than FullAWSAccess is attached to the account, to an OU on its path or to "
                   "the root"),
              kShopProd)}},
      {"guardrails_full_access_only",
       id,
       Estate().organization(Company()).scps({FullAwsAccess({"r-root"})}),
       {About(Fail(kShopEu, "OU path Root/Workloads/Prod/EU): no service control policy other than FullAWSAccess"),
              kShopEu),
        About(Fail(kAnalytics, "other than FullAWSAccess"), kAnalytics),
        About(Fail(kShopProd, "other than FullAWSAccess"), kShopProd)}},
      {"guardrails_scps_disabled",
       id,
       Estate().organization(disabled).scps({}),
       {About(Fail(kShopEu, "service control policies are not enabled on the organization root"), kShopEu),
        About(Fail(kAnalytics, "not enabled on the organization root"), kAnalytics),
        About(Fail(kShopProd, "not enabled on the organization root"), kShopProd)}},
      {"guardrails_no_organization", id, Estate().organization(Organization{}).scps({}), {}},
      {"guardrails_not_collected", id, Estate(), {}},
      {"guardrails_scps_failed",
       id,
       Estate().organization(Company()).fail("organizations.scps"),
       {Error(kAccount, "organizations:ListPolicies failed", "global")}},
  };
}

std::vector<CheckCase> OrganizationSsoCases() {
  return {
      {"sso_through_organization",
       "sso_enabled",
       Estate().membership(MemberOf({Sso()})),
       {In(Pass("arn:aws:sso:::instance/ssoins-1",
                "IAM Identity Center is enabled through the organization o-test: arn:aws:sso:::instance/ssoins-1 "
                "(us-east-1)"),
           "global")}},
      {"sso_through_organization_regions_failed",
       "sso_enabled",
       Estate().membership(MemberOf({Sso()})).fail("identity_center.instances"),
       {Pass("arn:aws:sso:::instance/ssoins-1", "through the organization o-test")}},
      {"sso_organization_without_instance",
       "sso_enabled",
       Estate().membership(MemberOf({})),
       {Fail(kAccount, "no IAM Identity Center instance is configured")}},
      {"prefer_sso_through_organization",
       "iam_user_console_prefer_sso",
       Estate().membership(MemberOf({Sso()})).report({Row("alice", true, true), Row("ci", false, false)}),
       {Fail("alice", "has a console password although IAM Identity Center is enabled"), Pass("ci")}},
      {"prefer_sso_through_organization_regions_failed",
       "iam_user_console_prefer_sso",
       Estate().membership(MemberOf({Sso()})).fail("identity_center.instances").report({Row("alice", true, true)}),
       {Fail("alice")}},
      {"prefer_sso_organization_without_instance",
       "iam_user_console_prefer_sso",
       Estate().membership(MemberOf({})).report({Row("alice", true, true)}),
       {Pass(kAccount, "does not apply")}},
  };
}

INSTANTIATE_TEST_SUITE_P(SsoAdmin, CheckCaseTest, ::testing::ValuesIn(AdminAssignmentCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(OrgProdAccess, CheckCaseTest, ::testing::ValuesIn(ProdAccessCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(OrgScpGuardrails, CheckCaseTest, ::testing::ValuesIn(ScpGuardrailCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(OrgSso, CheckCaseTest, ::testing::ValuesIn(OrganizationSsoCases()), CaseName);

// Hand-written: the configured number of administrator groups, and the
// ARN and resource type of the findings about member accounts.
TEST(OrgProdAccessTest, TheAllowedNumberOfGroupsIsConfigurable) {
  const Inventory inventory = Estate()
                                  .organization(Org({}, {Member(kShopProd, "shop-prod", "r-root")}))
                                  .identity_center(IdentityCenter{{kAdminSet},
                                                                  {Assign(kShopProd, kAdminSet, "GROUP", "A"),
                                                                   Assign(kShopProd, kAdminSet, "GROUP", "B"),
                                                                   Assign(kShopProd, kAdminSet, "GROUP", "C")}});
  const Check* check = FindCheck("org_prod_access_restricted");
  ASSERT_NE(check, nullptr);
  CheckSettings settings;
  settings.production_admin_principals_max = 3;
  auto findings = EvaluateChecks(inventory, {check}, settings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, FindingStatus::kPass) << findings[0].message;
  EXPECT_NE(findings[0].message.find("at most 3 groups allowed"), std::string::npos) << findings[0].message;
  EXPECT_EQ(findings[0].resource_type, "AWS::Organizations::Account");
  EXPECT_EQ(findings[0].resource_arn, "arn:aws:organizations::123456789012:account/o-test/666666666666");
  EXPECT_EQ(findings[0].account_id, kShopProd);

  settings.production_admin_principals_max = 0;
  findings = EvaluateChecks(inventory, {check}, settings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, FindingStatus::kFail);
  EXPECT_NE(findings[0].message.find("3 groups hold administrator access, at most 0 groups allowed"), std::string::npos)
      << findings[0].message;
}

TEST(OrgProdAccessTest, AnAccountWithoutArnGetsOneBuilt) {
  Organization org = Org({}, {Member(kShopProd, "shop-prod", "r-root")});
  org.accounts[0].arn.clear();
  const Inventory inventory = Estate().organization(org).scps({});
  const auto findings = EvaluateChecks(inventory, {FindCheck("org_scp_guardrails")});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].resource_arn, "arn:aws:organizations::123456789012:account/o-test/666666666666");
  EXPECT_EQ(findings[0].resource_type, "AWS::Organizations::Account");
}

}  // namespace
}  // namespace posture::checks::testing
