#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/network_rules.h"

namespace posture::checks::ec2_instance_not_directly_public {
namespace {

void EvaluateInstance(const inventory::Inventory& inventory, FindingSink& sink,
                      const inventory::RegionInventory& region, const inventory::Instance& instance) {
  const std::string arn = ResourceArn(instance.arn, inventory, "ec2", region.region, "instance/" + instance.id);
  const auto public_ips = InstancePublicIps(instance);
  if (public_ips.empty()) {
    sink.pass(region.region, instance.id, arn, "has no public IP address");
    return;
  }
  const InstanceExposure exposure = ExposureOf(instance, *region.ec2.security_groups);
  const std::string address = "public IP " + base::Join(public_ips);
  const std::string stopped = base::EqualsIgnoreCase(instance.state, "running")
                                  ? ""
                                  : " (the instance is " + instance.state + "; exposed once running)";
  if (!exposure.admin.empty()) {
    std::vector<std::string> ports;
    for (int port : exposure.admin_ports) ports.push_back("tcp/" + std::to_string(port));
    sink.fail(region.region, instance.id, arn,
              "reachable from the internet on admin port " + base::Join(ports) + ": " + address + "; " +
                  base::Join(exposure.admin, "; ") + stopped,
              Severity::kCritical);
  } else if (!exposure.any.empty()) {
    sink.fail(region.region, instance.id, arn,
              "reachable from the internet: " + address + "; " + base::Join(exposure.any, "; ") + stopped);
  } else {
    std::string message = "has " + address + " but none of its security groups admits traffic from the internet";
    if (!exposure.unknown_groups.empty()) {
      message += " (groups not in the inventory, not evaluated: " + base::Join(exposure.unknown_groups) + ")";
    }
    sink.pass(region.region, instance.id, arn, std::move(message));
  }
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.ec2.instances, region.region) ||
        !sink.require(region.ec2.security_groups, region.region)) {
      continue;
    }
    for (const auto& instance : *region.ec2.instances) {
      if (IsLiveInstance(instance)) EvaluateInstance(inventory, sink, region, instance);
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_instance_not_directly_public",
            .title = "EC2 instances are not directly reachable from the internet",
            .severity = Severity::kHigh,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::Instance",
            .scope = "L+C",
            .fails_when = "an instance has a public IP and a security group that admits traffic from the internet "
                          "(critical when an admin port is reachable)",
            .risk = "An instance with a public IP and a security group open to the internet is attacked directly, "
                    "bypassing load balancers and WAF; an open SSH or RDP port makes it critical.",
            .remediation = "aws ec2 revoke-security-group-ingress --group-id <sg-id> --security-group-rule-ids "
                           "<sgr-id>  # or serve it through a load balancer and release the public address: "
                           "aws ec2 disassociate-address --association-id <eipassoc-id>",
            .remediation_terraform = "# Serve it through an aws_lb instead; changing this replaces the instance\n"
                                     "resource \"aws_instance\" \"example\" {\n"
                                     "  # ...\n"
                                     "  associate_public_ip_address = false\n"
                                     "}\n"
                                     "# and drop its aws_eip_association and its groups' 0.0.0.0/0 and ::/0 ingress",
            .docs_url = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html",
            .reads = {POSTURE_FIELD(Instance, public_ip), POSTURE_FIELD(Instance, group_ids),
                      POSTURE_FIELD(Instance, interfaces), POSTURE_FIELD(SecurityGroup, ingress)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_instance_not_directly_public
