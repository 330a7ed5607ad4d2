// IAM (global, called in the client's default region): each section is its
// own call chain, all at once. iam.identity_providers joins two concurrent
// calls (ListSAMLProviders, ListOpenIDConnectProviders) into one section.
#include "collect/collectors.h"
#include "collect/credential_report.h"
#include "collect/iam_mapping.h"

namespace posture::collect {
namespace {

namespace inv = inventory;

// The largest page IAM's list calls accept.
constexpr int kMaxItems = 1000;

CallSite Iam(const char* operation) { return CallSite{"iam", operation, ""}; }

const CallSite kSaml = Iam("ListSAMLProviders");
const CallSite kOidc = Iam("ListOpenIDConnectProviders");

inv::Collected<inv::IamAccountSummary> AccountSummary(aws::AwsClient& client) {
  const CallSite site = Iam("GetAccountSummary");
  auto output = client.call(site.service, site.operation);
  if (!output.ok()) return Failure<inv::IamAccountSummary>(site.failure(output.error()));
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

// One identity provider listing: the ARNs of `list`'s items.
std::optional<inv::CollectionError> ListProviders(aws::AwsClient& client, const CallSite& site, const char* list,
                                                  std::vector<std::string>& arns) {
  auto output = client.call(site.service, site.operation);
  if (!output.ok()) return site.failure(output.error());
  arns = TextOfEach(Items(*output, list), "Arn");
  return std::nullopt;
}

void PlanIdentityProviders(CollectContext& ctx, inv::IamSections& iam) {
  auto join =
      std::make_shared<SectionJoin<inv::IdentityProviders>>(ctx, iam.identity_providers, inv::IdentityProviders{}, 2);
  aws::AwsClient& client = ctx.client;
  SubmitPart(ctx, join, kSaml, [&client](SectionJoin<inv::IdentityProviders>& section) {
    std::vector<std::string> arns;
    auto error = ListProviders(client, kSaml, "SAMLProviderList", arns);
    section.update([&](inv::IdentityProviders& value) { value.saml = std::move(arns); });
    return error;
  });
  SubmitPart(ctx, join, kOidc, [&client](SectionJoin<inv::IdentityProviders>& section) {
    std::vector<std::string> arns;
    auto error = ListProviders(client, kOidc, "OpenIDConnectProviderList", arns);
    section.update([&](inv::IdentityProviders& value) { value.oidc = std::move(arns); });
    return error;
  });
}

}  // namespace

void PlanIam(CollectContext& ctx, inv::IamSections& iam) {
  aws::AwsClient& client = ctx.client;
  if (ctx.wants("iam.account_summary")) {
    SubmitSection(ctx, iam.account_summary, Iam("GetAccountSummary"), [&client] { return AccountSummary(client); });
  }
  if (ctx.wants("iam.password_policy")) {
    SubmitSection(ctx, iam.password_policy, Iam("GetAccountPasswordPolicy"),
                  [&client] { return PasswordPolicy(client); });
  }
  if (ctx.wants("iam.authorization")) {
    SubmitSection(ctx, iam.authorization, Iam("GetAccountAuthorizationDetails"),
                  [&client] { return Authorization(client); });
  }
  if (ctx.wants("iam.virtual_mfa_devices")) {
    SubmitList(ctx, iam.virtual_mfa_devices, Iam("ListVirtualMFADevices"), {{"MaxItems", kMaxItems}},
               "VirtualMFADevices", [](const aws::Json& item, std::vector<inv::VirtualMfaDevice>& out) {
                 out.push_back(MapVirtualMfaDevice(item));
               });
  }
  if (ctx.wants("iam.credential_report")) {
    SubmitSection(ctx, iam.credential_report, Iam("GetCredentialReport"),
                  [&client] { return FetchCredentialReport(client); });
  }
  if (ctx.wants("iam.server_certificates")) {
    SubmitList(ctx, iam.server_certificates, Iam("ListServerCertificates"), {{"MaxItems", kMaxItems}},
               "ServerCertificateMetadataList", [](const aws::Json& item, std::vector<inv::ServerCertificate>& out) {
                 out.push_back({Text(item, "ServerCertificateName"), Text(item, "Arn"), Text(item, "Expiration")});
               });
  }
  if (ctx.wants("iam.identity_providers")) PlanIdentityProviders(ctx, iam);
}

}  // namespace posture::collect
