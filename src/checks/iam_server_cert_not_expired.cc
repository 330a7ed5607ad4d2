#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/iam_support.h"

namespace posture::checks::iam_server_cert_not_expired {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& certificates = inventory.iam.server_certificates;
  if (!sink.require(certificates, kGlobalRegion)) return;
  for (const auto& cert : *certificates) {
    const std::string arn = cert.arn.empty() ? "arn:" + inventory.partition + ":iam::" + inventory.account_id +
                                                   ":server-certificate/" + cert.name
                                             : cert.arn;
    const auto expires = ParseTime(cert.expiration);
    if (!expires) {
      sink.error(kGlobalRegion, cert.name, arn, "the expiration date \"" + cert.expiration + "\" could not be read");
      continue;
    }
    const std::int64_t days = DaysBetween(inventory.collected_at, *expires);
    if (*expires <= inventory.collected_at) {
      sink.fail(kGlobalRegion, cert.name, arn,
                "expired on " + DateOf(cert.expiration) + " (" + Count(static_cast<size_t>(-days), "day", "days") +
                    " ago); delete it so it cannot be deployed by mistake");
    } else {
      sink.pass(
          kGlobalRegion, cert.name, arn,
          "valid until " + DateOf(cert.expiration) + " (" + Count(static_cast<size_t>(days), "day", "days") + " left)");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_server_cert_not_expired",
            .title = "No expired IAM server certificates are stored",
            .severity = Severity::kMedium,
            .category = Category::kIdentity,
            .resource_type = "AWS::IAM::ServerCertificate",
            .scope = "L",
            .fails_when = "an IAM server certificate has expired",
            .risk = "An expired certificate deployed to a load balancer or CloudFront breaks TLS for clients and "
                    "teaches users to click through certificate warnings.",
            .remediation = "aws iam delete-server-certificate --server-certificate-name <name>",
            .remediation_terraform = "# remove the expired aws_iam_server_certificate resource (use ACM "
                                     "certificates instead) and apply",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html",
            .reads = {POSTURE_FIELD(ServerCertificate, expiration)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_server_cert_not_expired
