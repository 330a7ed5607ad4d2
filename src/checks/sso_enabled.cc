#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/organization.h"

namespace posture::checks::sso_enabled {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  // In an organization scan the organization's instance serves this member account.
  if (OrganizationHasIdentityCenter(inventory)) {
    const auto& membership = *inventory.membership;
    const auto& instance = membership.identity_center_instances.front();
    sink.pass(kGlobalRegion, instance.instance_arn, instance.instance_arn,
              "IAM Identity Center is enabled through the organization " + membership.organization_id + ": " +
                  instance.instance_arn + (instance.region.empty() ? "" : " (" + instance.region + ")"));
    return;
  }
  const IdentityCenterStatus sso = SummarizeIdentityCenter(inventory);
  if (!RequireIdentityCenterKnown(sso, sink)) return;
  if (sso.enabled()) {
    const auto* first = sso.instances.front();
    sink.pass(kGlobalRegion, first->instance_arn, first->instance_arn,
              "IAM Identity Center is enabled: " + sso.describe_instances());
    return;
  }
  // Identity Center lives in one home region: when some regions could not
  // be read it may be there, so the message names them.
  const std::string unchecked =
      sso.failed_regions.empty() ? "" : " (could not check " + base::Join(sso.failed_regions) + ")";
  sink.fail(kGlobalRegion, inventory.account_id, RootArn(inventory),
            "no IAM Identity Center instance is configured in the scanned regions" + unchecked);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "sso_enabled",
            .title = "IAM Identity Center is enabled",
            .severity = Severity::kHigh,
            .category = Category::kAccountAccess,
            .resource_type = "AWS::SSO::Instance",
            .scope = "L",
            .fails_when = "no IAM Identity Center instance is configured",
            .risk = "Without IAM Identity Center, people sign in with long-lived IAM users and passwords per account "
                    "instead of central, short-lived, MFA-protected access that is revoked in one place.",
            .remediation = "Enable IAM Identity Center in the organization's management account console (or aws "
                           "sso-admin create-instance for an account instance)",
            .remediation_terraform = "# Terraform cannot enable IAM Identity Center: enable it in the management\n"
                                     "# account's console (or aws sso-admin create-instance for an account\n"
                                     "# instance), then manage aws_ssoadmin_permission_set resources",
            .docs_url = "https://docs.aws.amazon.com/singlesignon/latest/userguide/get-set-up-for-idc.html",
            .reads = {POSTURE_FIELD(IdentityCenterInstance, instance_arn)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::sso_enabled
