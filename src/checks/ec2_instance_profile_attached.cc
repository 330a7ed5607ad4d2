#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::ec2_instance_profile_attached {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(
      inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::instances,
      [&](const inventory::RegionInventory& region, const inventory::Instance& instance) {
        // The catalog judges running instances: a stopped one holds no credentials.
        if (!base::EqualsIgnoreCase(instance.state, "running")) return;
        const std::string arn = ResourceArn(instance.arn, inventory, "ec2", region.region, "instance/" + instance.id);
        if (instance.instance_profile_arn.empty()) {
          sink.fail(region.region, instance.id, arn,
                    "running instance has no IAM instance profile: software on it that calls AWS must "
                    "carry long-lived access keys");
        } else {
          sink.pass(region.region, instance.id, arn, "uses instance profile " + instance.instance_profile_arn);
        }
      });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_instance_profile_attached",
            .title = "Running EC2 instances use an IAM instance profile",
            .severity = Severity::kLow,
            .category = Category::kIdentity,
            .resource_type = "AWS::EC2::Instance",
            .scope = "L+C",
            .fails_when = "a running instance has no IAM instance profile",
            .risk = "An instance without a role gets AWS access from access keys stored on it, which do not rotate "
                    "and are easily copied off the machine.",
            .remediation = "aws ec2 associate-iam-instance-profile --instance-id <instance-id> "
                           "--iam-instance-profile Name=<profile-name>",
            .remediation_terraform = "resource \"aws_instance\" \"app\" {\n  # ...\n  iam_instance_profile = "
                                     "aws_iam_instance_profile.app.name\n}",
            .docs_url = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
            .reads = {POSTURE_FIELD(Instance, instance_profile_arn), POSTURE_FIELD(Instance, state)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_instance_profile_attached
