#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/organization.h"

namespace posture::checks::org_scp_guardrails {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& structure = inventory.organizations.structure;
  const auto& scps = inventory.organizations.scps;
  const bool have_structure = RequireOrganizationSection(structure, sink);
  const bool have_scps = RequireOrganizationSection(scps, sink);
  if (!have_structure || !have_scps) return;
  sink.set_resource_type("AWS::Organizations::Account");
  ForEachProductionAccount(inventory, *structure, sink, [&](const ProductionAccount& production) {
    const auto& [account, arn, about] = production;
    if (!structure->scps_enabled) {
      sink.fail(kGlobalRegion, account.id, arn,
                about +
                    "service control policies are not enabled on the organization root, so no guardrail "
                    "applies to it");
      return;
    }
    const auto guardrails = Guardrails(EffectiveScps(*structure, *scps, account.id));
    if (guardrails.empty()) {
      sink.fail(kGlobalRegion, account.id, arn,
                about +
                    "no service control policy other than FullAWSAccess is attached to the account, to an OU on "
                    "its path or to the root");
      return;
    }
    std::vector<std::string> described;
    for (const auto& scp : guardrails) described.push_back(scp.describe());
    sink.pass(kGlobalRegion, account.id, arn, about + "guardrail SCPs apply: " + base::Join(described));
  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "org_scp_guardrails",
            .title = "Production accounts are under service control policies other than FullAWSAccess",
            .severity = Severity::kMedium,
            .category = Category::kAccountAccess,
            .resource_type = "AWS::Organizations::Account",
            .scope = "L",
            .fails_when = "an OU or account holding production accounts has no SCP other than FullAWSAccess",
            .risk = "Without a guardrail SCP, nothing above the account stops its administrators (or a stolen "
                    "administrator session) from disabling CloudTrail, leaving the organization or using "
                    "unapproved regions in production.",
            .remediation = "aws organizations attach-policy --policy-id <guardrail-scp-id> --target-id "
                           "<prod-ou-id>  # after aws organizations enable-policy-type --root-id <root-id> "
                           "--policy-type SERVICE_CONTROL_POLICY and create-policy --type SERVICE_CONTROL_POLICY",
            .remediation_terraform = "resource \"aws_organizations_policy\" \"prod_guardrails\" {\n"
                                     "  name    = \"prod-guardrails\"\n"
                                     "  type    = \"SERVICE_CONTROL_POLICY\"\n"
                                     "  content = data.aws_iam_policy_document.prod_guardrails.json\n"
                                     "}\n"
                                     "resource \"aws_organizations_policy_attachment\" \"prod\" {\n"
                                     "  policy_id = aws_organizations_policy.prod_guardrails.id\n"
                                     "  target_id = aws_organizations_organizational_unit.prod.id\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
            .reads = {POSTURE_FIELD(Organization, scps_enabled), POSTURE_EVERY_FIELD(OrgAccount),
                      POSTURE_EVERY_FIELD(OrganizationalUnit), POSTURE_EVERY_FIELD(ServiceControlPolicy)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::org_scp_guardrails
