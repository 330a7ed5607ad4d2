// IAM (global, called in the client's default region): each section is its
// own call chain, all at once.
#include "collect/collectors.h"
#include "collect/credential_report.h"
#include "collect/iam_mapping.h"

namespace posture::collect {
namespace {

namespace inv = inventory;

// The largest page IAM's list calls accept.
constexpr int kMaxItems = 1000;

CallSite Iam(const char* operation) { return CallSite{"iam", operation, ""}; }

inv::Collected<inv::AccountSummary> AccountSummary(aws::AwsClient& client) {
  const CallSite site = Iam("GetAccountSummary");
  auto output = client.call(site.service, site.operation);
  if (!output.ok()) return Failure<inv::AccountSummary>(site.failure(output.error()));
  return Success(MapAccountSummary(*output));
}

inv::Collected<std::optional<inv::PasswordPolicy>> PasswordPolicy(aws::AwsClient& client) {
  using Value = std::optional<inv::PasswordPolicy>;
  const CallSite site = Iam("GetAccountPasswordPolicy");
  auto output = client.call(site.service, site.operation);
  if (output.ok()) return Success(Value(MapPasswordPolicy(*output)));
  // NoSuchEntity: the account has no password policy, which is a fact.
  if (output.error().kind() == base::ErrorKind::kNotFound) return Success(Value());
  return Failure<Value>(site.failure(output.error()));
}

inv::Collected<inv::AuthorizationDetails> Authorization(aws::AwsClient& client) {
  const CallSite site = Iam("GetAccountAuthorizationDetails");
  // AWS-managed policy documents are left out: no check reads them, and with
  // them the answer is megabytes (over 1,400 policies) instead of kilobytes.
  const aws::Json input = {{"Filter", {"User", "Role", "Group", "LocalManagedPolicy"}}, {"MaxItems", kMaxItems}};
  inv::AuthorizationDetails details;
  auto status = client.paginate(site.service, site.operation, input, site.region, [&](const aws::Json& page) {
    AddAuthorizationPage(page, details);
    return true;
  });
  if (!status.ok()) return Failure<inv::AuthorizationDetails>(site.failure(status.error()));
  return Success(std::move(details));
}

}  // namespace

void PlanIam(CollectContext& ctx, inv::IamInventory& iam) {
  aws::AwsClient& client = ctx.client;
  if (ctx.wants(inv::kSectionIamAccountSummary)) {
    SubmitSection(ctx, iam.account_summary, Iam("GetAccountSummary"), [&client] { return AccountSummary(client); });
  }
  if (ctx.wants(inv::kSectionIamPasswordPolicy)) {
    SubmitSection(ctx, iam.password_policy, Iam("GetAccountPasswordPolicy"),
                  [&client] { return PasswordPolicy(client); });
  }
  if (ctx.wants(inv::kSectionIamAuthorization)) {
    SubmitSection(ctx, iam.authorization, Iam("GetAccountAuthorizationDetails"),
                  [&client] { return Authorization(client); });
  }
  if (ctx.wants(inv::kSectionIamVirtualMfaDevices)) {
    SubmitList(ctx, iam.virtual_mfa_devices, Iam("ListVirtualMFADevices"), {{"MaxItems", kMaxItems}},
               "VirtualMFADevices", [](const aws::Json& item, std::vector<inv::VirtualMfaDevice>& out) {
                 out.push_back(MapVirtualMfaDevice(item));
               });
  }
  if (ctx.wants(inv::kSectionIamCredentialReport)) {
    SubmitSection(ctx, iam.credential_report, Iam("GetCredentialReport"),
                  [&client] { return FetchCredentialReport(client); });
  }
}

}  // namespace posture::collect
