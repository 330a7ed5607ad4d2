#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::ec2_imdsv2_required {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::instances,
                  [&](const inventory::RegionInventory& region, const inventory::Instance& instance) {
                    if (!IsLiveInstance(instance)) return;
                    const std::string arn =
                        ResourceArn(instance.arn, inventory, "ec2", region.region, "instance/" + instance.id);
                    if (base::EqualsIgnoreCase(instance.http_endpoint, "disabled")) {
                      sink.pass(region.region, instance.id, arn, "the instance metadata service is disabled");
                    } else if (base::EqualsIgnoreCase(instance.http_tokens, "required")) {
                      sink.pass(region.region, instance.id, arn, "requires IMDSv2 session tokens");
                    } else {
                      const std::string tokens = instance.http_tokens.empty() ? "unset" : instance.http_tokens;
                      sink.fail(region.region, instance.id, arn,
                                "does not require IMDSv2 (http_tokens is " + tokens +
                                    "): IMDSv1 requests can read the instance role's credentials");
                    }
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_imdsv2_required",
            .title = "EC2 instances require IMDSv2",
            .severity = Severity::kMedium,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::Instance",
            .scope = "L+C",
            .fails_when = "an instance does not require IMDSv2 tokens",
            .risk = "With IMDSv1 allowed, a server-side request forgery in any application on the instance can "
                    "read its role credentials from the metadata service.",
            .remediation = "aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens "
                           "required --http-endpoint enabled",
            .remediation_terraform = "resource \"aws_instance\" \"example\" {\n"
                                     "  # ...\n"
                                     "  metadata_options {\n"
                                     "    http_endpoint = \"enabled\"\n"
                                     "    http_tokens   = \"required\"\n"
                                     "  }\n"
                                     "}",
            .docs_url =
                "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
            .reads = {POSTURE_FIELD(Instance, http_tokens), POSTURE_FIELD(Instance, http_endpoint)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_imdsv2_required
