// The IAM server certificate and identity provider sections, the account's
// security contact ("none registered" is a value) and IAM Access Analyzer
// per region (paged).
#include <gtest/gtest.h>

#include "collect/collect.h"
#include "collect/fake_aws.h"
#include "collect/fixtures.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using testing::Call;
using testing::FakeAws;
using testing::IamXml;
using testing::JsonError;
using testing::JsonReply;
using testing::Xml;
using testing::XmlError;

using IdentityCollectorTest = testing::CollectorTest;

TEST_F(IdentityCollectorTest, ServerCertificatesArePagedAndMapped) {
  aws_.on("iam", "ListServerCertificates", [](const Call& call) {
    if (call.param("Marker").empty()) {
      return Xml(IamXml("ListServerCertificates",
                        "<IsTruncated>true</IsTruncated><Marker>page-2</Marker><ServerCertificateMetadataList><member>"
                        "<ServerCertificateName>a</ServerCertificateName><Path>/</Path>"
                        "<Arn>arn:aws:iam::123456789012:server-certificate/a</Arn><ServerCertificateId>ASCA1"
                        "</ServerCertificateId><Expiration>2025-01-01T00:00:00Z</Expiration></member>"
                        "</ServerCertificateMetadataList>"));
    }
    return Xml(IamXml("ListServerCertificates",
                      "<IsTruncated>false</IsTruncated><ServerCertificateMetadataList><member>"
                      "<ServerCertificateName>b</ServerCertificateName><Path>/</Path>"
                      "<Arn>arn:aws:iam::123456789012:server-certificate/b</Arn><ServerCertificateId>ASCA2"
                      "</ServerCertificateId><Expiration>2030-01-01T00:00:00Z</Expiration></member>"
                      "</ServerCertificateMetadataList>"));
  });
  auto inventory = Collect({"iam.server_certificates"});
  ASSERT_TRUE(inventory.iam.server_certificates.ok());
  const auto& certs = *inventory.iam.server_certificates;
  ASSERT_EQ(certs.size(), 2u);
  EXPECT_EQ(certs[0].name, "a");
  EXPECT_EQ(certs[0].arn, "arn:aws:iam::123456789012:server-certificate/a");
  EXPECT_EQ(certs[0].expiration, "2025-01-01T00:00:00Z");
  EXPECT_EQ(certs[1].name, "b");
  const auto calls = aws_.calls();
  ASSERT_EQ(aws_.count("iam:ListServerCertificates"), 2u);
  EXPECT_EQ(calls[1].param("MaxItems"), "1000");
  EXPECT_EQ(calls[2].param("Marker"), "page-2");
}

TEST_F(IdentityCollectorTest, IdentityProvidersJoinBothListings) {
  auto inventory = Collect({"iam.identity_providers"});
  ASSERT_TRUE(inventory.iam.identity_providers.ok());
  EXPECT_EQ(inventory.iam.identity_providers->saml,
            std::vector<std::string>{"arn:aws:iam::123456789012:saml-provider/corp"});
  EXPECT_TRUE(inventory.iam.identity_providers->oidc.empty());
  EXPECT_EQ(aws_.count("iam:ListSAMLProviders"), 1u);
  EXPECT_EQ(aws_.count("iam:ListOpenIDConnectProviders"), 1u);
}

TEST_F(IdentityCollectorTest, IdentityProviderFailureFailsTheSection) {
  aws_.on("iam", "ListOpenIDConnectProviders", XmlError(403, "AccessDenied", "not authorized"));
  auto inventory = Collect({"iam.identity_providers"});
  ASSERT_FALSE(inventory.iam.identity_providers.ok());
  EXPECT_EQ(inventory.iam.identity_providers.error->operation, "ListOpenIDConnectProviders");
  EXPECT_EQ(inventory.iam.identity_providers.error->kind, "access_denied");
  ASSERT_EQ(inventory.errors.size(), 1u);
}

TEST_F(IdentityCollectorTest, SecurityContactIsRead) {
  auto inventory = Collect({"account.security_contact"});
  ASSERT_TRUE(inventory.account.security_contact.ok());
  ASSERT_TRUE(inventory.account.security_contact->has_value());
  const inv::AlternateContact& contact = **inventory.account.security_contact;
  EXPECT_EQ(contact.name, "Sec Team");
  EXPECT_EQ(contact.email, "sec@example.com");
  EXPECT_EQ(contact.phone, "+1-555-0100");
  EXPECT_EQ(contact.title, "CISO");
  const Call call = aws_.calls().back();
  EXPECT_EQ(call.key(), "account:GetAlternateContact");
  EXPECT_EQ(call.json.value("AlternateContactType", ""), "SECURITY");
  EXPECT_EQ(call.region, "us-east-1");  // the global endpoint signs for us-east-1
  EXPECT_EQ(call.url, "https://account.us-east-1.amazonaws.com/getAlternateContact");
}

TEST_F(IdentityCollectorTest, NoSecurityContactIsAValueNotAnError) {
  aws_.on("account", "GetAlternateContact",
          JsonError(404, "ResourceNotFoundException", "No contact of the inputted alternate contact type found."));
  auto inventory = Collect({"account.security_contact"});
  ASSERT_TRUE(inventory.account.security_contact.ok());
  EXPECT_FALSE(inventory.account.security_contact->has_value());
  EXPECT_TRUE(inventory.errors.empty());
}

TEST_F(IdentityCollectorTest, SecurityContactDeniedIsAnError) {
  aws_.on("account", "GetAlternateContact", JsonError(403, "AccessDeniedException", "not authorized"));
  auto inventory = Collect({"account.security_contact"});
  ASSERT_FALSE(inventory.account.security_contact.ok());
  EXPECT_EQ(inventory.account.security_contact.error->service, "account");
  EXPECT_EQ(inventory.account.security_contact.error->kind, "access_denied");
}

TEST_F(IdentityCollectorTest, AnalyzersPerRegionWithPaging) {
  aws_.on("access-analyzer", "ListAnalyzers", [](const Call& call) {
    if (call.url.find("nextToken=") == std::string::npos) {
      return JsonReply({{"analyzers",
                         {{{"arn", "arn:aws:access-analyzer:" + call.region + ":123456789012:analyzer/a"},
                           {"name", "a"},
                           {"type", "ACCOUNT_UNUSED_ACCESS"},
                           {"createdAt", "2026-01-01T00:00:00Z"},
                           {"status", "ACTIVE"}}}},
                        {"nextToken", "t2"}});
    }
    return JsonReply({{"analyzers",
                       {{{"arn", "arn:aws:access-analyzer:" + call.region + ":123456789012:analyzer/b"},
                         {"name", "b"},
                         {"type", "ORGANIZATION"},
                         {"createdAt", "2026-01-01T00:00:00Z"},
                         {"status", "ACTIVE"}}}}});
  });
  auto inventory = Collect({"accessanalyzer.analyzers"}, {"us-east-1", "eu-west-1"});
  for (const auto& region : inventory.regions) {
    SCOPED_TRACE(region.region);
    ASSERT_TRUE(region.accessanalyzer.analyzers.ok());
    ASSERT_EQ(region.accessanalyzer.analyzers->size(), 2u);
    EXPECT_EQ(region.accessanalyzer.analyzers->at(0).type, "ACCOUNT_UNUSED_ACCESS");
    EXPECT_EQ(region.accessanalyzer.analyzers->at(1).name, "b");
    EXPECT_EQ(region.accessanalyzer.analyzers->at(1).status, "ACTIVE");
    EXPECT_EQ(region.accessanalyzer.analyzers->at(1).arn,
              "arn:aws:access-analyzer:" + region.region + ":123456789012:analyzer/b");
  }
  EXPECT_EQ(aws_.count("access-analyzer:ListAnalyzers"), 4u);
  const Call first = aws_.calls()[1];
  EXPECT_NE(first.url.find("maxResults=100"), std::string::npos) << first.url;
}

TEST_F(IdentityCollectorTest, AnalyzerFailureFailsOnlyThatRegion) {
  aws_.on("access-analyzer", "ListAnalyzers", [](const Call& call) {
    if (call.region == "eu-west-1") return JsonError(403, "AccessDeniedException", "not authorized");
    return JsonReply({{"analyzers", aws::Json::array()}});
  });
  auto inventory = Collect({"accessanalyzer.analyzers"}, {"us-east-1", "eu-west-1"});
  ASSERT_TRUE(inventory.region("us-east-1")->accessanalyzer.analyzers.ok());
  EXPECT_TRUE(inventory.region("us-east-1")->accessanalyzer.analyzers->empty());
  const auto& eu = inventory.region("eu-west-1")->accessanalyzer.analyzers;
  ASSERT_FALSE(eu.ok());
  EXPECT_EQ(eu.error->region, "eu-west-1");
  EXPECT_EQ(eu.error->operation, "ListAnalyzers");
}

TEST_F(IdentityCollectorTest, CredentialReportKeepsPasswordLastChanged) {
  auto inventory = Collect({"iam.credential_report"});
  ASSERT_TRUE(inventory.iam.credential_report.ok());
  const auto& rows = *inventory.iam.credential_report;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].password_last_changed, "");  // not_supported
  EXPECT_EQ(rows[1].password_last_changed, "2024-03-01T12:00:00+00:00");
  EXPECT_EQ(rows[1].password_last_used, "");     // no_information
  EXPECT_EQ(rows[2].password_last_changed, "");  // N/A
}

}  // namespace
}  // namespace posture::collect
