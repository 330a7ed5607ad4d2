// Fixture-driven cases for the load balancer, Security Hub and Identity
// Center checks.
#include "checks/check_fixtures.h"

namespace posture::checks::testing {
namespace {

constexpr const char* kCisStandard = "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0";
constexpr const char* kFsbpStandard =
    "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0";

std::vector<CheckCase> WafCases() {
  const std::string id = "elbv2_internet_facing_waf";
  const LoadBalancer protected_alb = Alb("shop");
  return {
      {"waf_mixed",
       id,
       Estate()
           .load_balancers(
               {protected_alb, Alb("api"), Alb("internal", "internal"), Alb("nlb", "internet-facing", "network")})
           .web_acls({{protected_alb.arn, "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop/1"}}),
       {Pass("shop", "protected by WAFv2 web ACL arn:aws:wafv2"),
        Fail("api", "internet-facing application load balancer (api.elb.amazonaws.com) has no WAFv2 web ACL")}},
      {"waf_acls_failed",
       id,
       Estate().load_balancers({Alb("api")}).fail("wafv2.web_acl_by_resource"),
       {Error(kAccount, "wafv2:ListWebACLs")}},
      {"waf_acls_failed_but_nothing_public",
       id,
       Estate().load_balancers({Alb("internal", "internal")}).fail("wafv2.web_acl_by_resource"),
       {}},
      {"waf_load_balancers_failed",
       id,
       Estate().fail("elbv2.load_balancers"),
       {Error(kAccount, "elbv2:DescribeLoadBalancers")}},
  };
}

std::vector<CheckCase> SecurityHubCases() {
  return {
      {"hub_per_region",
       "securityhub_enabled",
       Estate().add_region(kOtherRegion).security_hub(Hub(true, {kCisStandard, kFsbpStandard})),
       {In(Pass(kAccount,
                "Security Hub is enabled with standards: cis-aws-foundations-benchmark v1.2.0, "
                "aws-foundational-security-best-practices v1.0.0"),
           kRegion),
        In(Fail(kAccount, "Security Hub is not enabled in eu-west-1"), kOtherRegion)}},
      {"hub_without_standards",
       "securityhub_enabled",
       Estate().security_hub(Hub(true)),
       {Pass(kAccount, "no security standard is enabled")}},
      {"hub_failed",
       "securityhub_enabled",
       Estate().add_region(kOtherRegion).fail("securityhub.hub", kOtherRegion),
       {In(Fail(kAccount), kRegion), Error(kAccount, "securityhub:DescribeHub failed in eu-west-1", kOtherRegion)}},

      {"hub_critical_findings",
       "securityhub_no_critical_findings",
       Estate().security_hub_findings(
           HubFindings(true, {{"CRITICAL", 2}, {"HIGH", 3}, {"MEDIUM", 5}, {"INFORMATIONAL", 1}})),
       {Fail(kAccount,
             "5 active CRITICAL or HIGH findings (active findings: 2 CRITICAL, 3 HIGH, 5 MEDIUM, 1 "
             "INFORMATIONAL)")}},
      {"hub_only_low_findings",
       "securityhub_no_critical_findings",
       Estate().security_hub_findings(HubFindings(true, {{"LOW", 4}, {"HIGH", 0}})),
       {Pass(kAccount, "no active CRITICAL or HIGH findings (active findings: 4 LOW)")}},
      {"hub_no_findings",
       "securityhub_no_critical_findings",
       Estate().security_hub_findings(HubFindings(true, {{"CRITICAL", 0}, {"HIGH", 0}})),
       {Without(Pass(kAccount, "no active CRITICAL or HIGH findings"), "(")}},
      {"hub_disabled_skipped",
       "securityhub_no_critical_findings",
       Estate().security_hub_findings(HubFindings(false)),
       {}},
      {"hub_findings_failed",
       "securityhub_no_critical_findings",
       Estate().fail("securityhub.findings"),
       {Error(kAccount, "GetFindings")}},
  };
}

std::vector<CheckCase> SsoCases() {
  return {
      {"sso_on",
       "sso_enabled",
       Estate().add_region(kOtherRegion).sso({Sso(kOtherRegion)}, kOtherRegion),
       {In(Pass("arn:aws:sso:::instance/ssoins-1",
                "IAM Identity Center is enabled: arn:aws:sso:::instance/ssoins-1 "
                "(eu-west-1)"),
           "global")}},
      {"sso_off",
       "sso_enabled",
       Estate().add_region(kOtherRegion),
       {Fail(kAccount, "no IAM Identity Center instance is configured in the scanned regions")}},
      {"sso_off_some_regions_failed",
       "sso_enabled",
       Estate().add_region(kOtherRegion).fail("identity_center.instances", kOtherRegion),
       {Fail(kAccount, "(could not check eu-west-1)")}},
      {"sso_on_some_regions_failed",
       "sso_enabled",
       Estate().add_region(kOtherRegion).sso({Sso()}).fail("identity_center.instances", kOtherRegion),
       {Pass("arn:aws:sso:::instance/ssoins-1")}},
      {"sso_all_regions_failed",
       "sso_enabled",
       Estate().add_region(kOtherRegion).fail("identity_center.instances").fail("identity_center.instances", kOtherRegion),
       {Error(kAccount, "sso-admin:ListInstances failed in us-east-1", "global")}},

      {"prefer_sso_console_users",
       "iam_user_console_prefer_sso",
       Estate().sso({Sso()}).report(
           {Row("<root_account>", std::nullopt, true), Row("alice", true, true), Row("ci", false, false)}),
       {Fail("alice", "has a console password although IAM Identity Center is enabled"),
        Pass("ci", "has no console password")}},
      {"prefer_sso_not_enabled",
       "iam_user_console_prefer_sso",
       Estate().report({Row("alice", true, true)}),
       {In(Pass(kAccount, "does not apply: IAM Identity Center is not enabled"), "global")}},
      {"prefer_sso_unknown",
       "iam_user_console_prefer_sso",
       Estate().report({Row("alice", true, true)}).fail("identity_center.instances"),
       {Error(kAccount, "sso-admin:ListInstances")}},
      {"prefer_sso_report_failed",
       "iam_user_console_prefer_sso",
       Estate().sso({Sso()}).fail("iam.credential_report"),
       {Error(kAccount, "iam:GetCredentialReport")}},
  };
}

INSTANTIATE_TEST_SUITE_P(Waf, CheckCaseTest, ::testing::ValuesIn(WafCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(SecurityHub, CheckCaseTest, ::testing::ValuesIn(SecurityHubCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(Sso, CheckCaseTest, ::testing::ValuesIn(SsoCases()), CaseName);

}  // namespace
}  // namespace posture::checks::testing
