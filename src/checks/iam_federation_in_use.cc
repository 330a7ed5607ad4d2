#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::iam_federation_in_use {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const IdentityCenterStatus sso = SummarizeIdentityCenter(inventory);
  const auto& providers = inventory.iam.identity_providers;
  std::vector<std::string> federation;
  if (sso.enabled()) federation.push_back("IAM Identity Center (" + sso.describe_instances() + ")");
  if (providers.ok()) {
    if (!providers->saml.empty()) federation.push_back("SAML providers " + base::Join(providers->saml));
    if (!providers->oidc.empty()) federation.push_back("OIDC providers " + base::Join(providers->oidc));
  }
  if (!federation.empty()) {
    sink.pass(kGlobalRegion, inventory.account_id, RootArn(inventory),
              "federation in use: " + base::Join(federation, "; "));
    return;
  }
  // Nothing found: only a complete answer proves there is nothing.
  if (!sink.require(providers, kGlobalRegion)) return;
  if (!RequireIdentityCenterKnown(sso, sink)) return;
  std::string message =
      "no IAM Identity Center instance and no SAML or OIDC identity provider: people sign in "
      "as IAM users";
  if (!sso.failed_regions.empty())
    message += " (could not check Identity Center in " + base::Join(sso.failed_regions) + ")";
  sink.fail(kGlobalRegion, inventory.account_id, RootArn(inventory), message);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_federation_in_use",
            .title = "People sign in through federation (Identity Center or an identity provider)",
            .severity = Severity::kLow,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .fails_when = "neither IAM Identity Center nor a SAML/OIDC identity provider is configured",
            .risk = "Without federation each person holds long-lived IAM user credentials managed account by "
                    "account, outside the company directory's joiner-mover-leaver process.",
            .remediation = "aws sso-admin create-instance  # or: aws iam create-saml-provider --name <idp> "
                           "--saml-metadata-document file://metadata.xml",
            .remediation_terraform = "resource \"aws_iam_saml_provider\" \"corp\" {\n  name                   = "
                                     "\"corp-idp\"\n  saml_metadata_document = file(\"metadata.xml\")\n}",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers.html",
            .reads = {POSTURE_FIELD(IdentityProviders, saml), POSTURE_FIELD(IdentityProviders, oidc),
                      POSTURE_FIELD(IdentityCenterInstance, instance_arn)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_federation_in_use
