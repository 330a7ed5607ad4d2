// The account itself: its SECURITY alternate contact (account
// GetAlternateContact); ResourceNotFoundException means none is
// registered, which is a value.
#include "collect/collectors.h"

namespace posture::collect {
namespace {

namespace inv = inventory;

const CallSite kContact{"account", "GetAlternateContact", ""};

inv::Collected<std::optional<inv::AlternateContact>> SecurityContact(aws::AwsClient& client) {
  using Value = std::optional<inv::AlternateContact>;
  auto output = client.call(kContact.service, kContact.operation, {{"AlternateContactType", "SECURITY"}});
  if (!output.ok()) {
    const base::Error& error = output.error();
    if (error.code() == "ResourceNotFoundException") return Success(Value());
    return Failure<Value>(kContact.failure(error));
  }
  const aws::Json& contact = Member(*output, "AlternateContact");
  return Success(Value(inv::AlternateContact{Text(contact, "Name"), Text(contact, "EmailAddress"),
                                             Text(contact, "PhoneNumber"), Text(contact, "Title")}));
}

}  // namespace

void PlanAccount(CollectContext& ctx, inv::AccountSections& account) {
  if (!ctx.wants("account.security_contact")) return;
  SubmitSection(ctx, account.security_contact, kContact, [&client = ctx.client] { return SecurityContact(client); });
}

}  // namespace posture::collect
