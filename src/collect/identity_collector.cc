// The rest of the Identity data, each section its own call chain, all at
// once:
// - iam.server_certificates: ListServerCertificates (paged).
// - iam.identity_providers: ListSAMLProviders and ListOpenIDConnectProviders,
//   two concurrent calls joined into one section.
// - account.security_contact: account GetAlternateContact for SECURITY;
//   ResourceNotFoundException means none is registered, which is a value.
// - accessanalyzer.analyzers (per region): ListAnalyzers (paged).
#include "collect/collectors.h"

namespace posture::collect {
namespace {

namespace inv = inventory;

// The largest page of IAM's list calls and of ListAnalyzers.
constexpr int kIamMaxItems = 1000;
constexpr int kAnalyzerMaxResults = 100;

const CallSite kSaml{"iam", "ListSAMLProviders", ""};
const CallSite kOidc{"iam", "ListOpenIDConnectProviders", ""};
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

// One identity provider listing: the ARNs of `list`'s items.
std::optional<inv::CollectionError> ListProviders(aws::AwsClient& client, const CallSite& site, const char* list,
                                                  std::vector<std::string>& arns) {
  auto output = client.call(site.service, site.operation);
  if (!output.ok()) return site.failure(output.error());
  arns = TextOfEach(Items(*output, list), "Arn");
  return std::nullopt;
}

void PlanIdentityProviders(CollectContext& ctx, inv::IamInventory& iam) {
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

void PlanIdentity(CollectContext& ctx, inv::IamInventory& iam) {
  if (ctx.wants(inv::kSectionIamServerCertificates)) {
    SubmitList(ctx, iam.server_certificates, CallSite{"iam", "ListServerCertificates", ""},
               {{"MaxItems", kIamMaxItems}}, "ServerCertificateMetadataList",
               [](const aws::Json& item, std::vector<inv::ServerCertificate>& out) {
                 out.push_back({Text(item, "ServerCertificateName"), Text(item, "Arn"), Text(item, "Expiration")});
               });
  }
  if (ctx.wants(inv::kSectionIamIdentityProviders)) PlanIdentityProviders(ctx, iam);
  if (ctx.wants(inv::kSectionSecurityContact)) {
    SubmitSection(ctx, iam.security_contact, kContact, [&client = ctx.client] { return SecurityContact(client); });
  }
}

void PlanAccessAnalyzer(CollectContext& ctx, inv::RegionInventory& region) {
  if (!ctx.wants(inv::kSectionAccessAnalyzers)) return;
  SubmitList(ctx, region.access_analyzers, CallSite{"accessanalyzer", "ListAnalyzers", region.region},
             {{"maxResults", kAnalyzerMaxResults}}, "analyzers",
             [](const aws::Json& item, std::vector<inv::AccessAnalyzer>& out) {
               out.push_back({Text(item, "arn"), Text(item, "name"), Text(item, "type"), Text(item, "status")});
             });
}

}  // namespace posture::collect
