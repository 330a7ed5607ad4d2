#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::account_security_contact {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& contact = inventory.account.security_contact;
  if (!sink.require(contact, kGlobalRegion)) return;
  if (!contact->has_value()) {
    sink.fail(kGlobalRegion, inventory.account_id, RootArn(inventory),
              "no SECURITY alternate contact is registered, so AWS security notices reach only the root email");
    return;
  }
  const inventory::AlternateContact& c = **contact;
  std::string who = c.name.empty() ? c.email : c.name + (c.email.empty() ? "" : " <" + c.email + ">");
  sink.pass(kGlobalRegion, inventory.account_id, RootArn(inventory), "the SECURITY contact is " + who);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "account_security_contact",
            .title = "A security alternate contact is registered",
            .severity = Severity::kLow,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .fails_when = "no SECURITY alternate contact is registered",
            .risk = "AWS sends abuse reports and security notifications to the security contact; without one they "
                    "may reach nobody who acts on them.",
            .remediation = "aws account put-alternate-contact --alternate-contact-type SECURITY --name <name> "
                           "--email-address <security@example.com> --phone-number <phone> --title <title>",
            .remediation_terraform = "resource \"aws_account_alternate_contact\" \"security\" {\n"
                                     "  alternate_contact_type = \"SECURITY\"\n  name = \"Security team\"\n"
                                     "  title = \"Security\"\n  email_address = \"security@example.com\"\n"
                                     "  phone_number = \"+1-555-0100\"\n}",
            .docs_url =
                "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html",
            .reads = {POSTURE_EVERY_FIELD(AlternateContact)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::account_security_contact
