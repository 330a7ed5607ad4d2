#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/network_rules.h"

namespace posture::checks::ec2_default_sg_restricts_all {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::security_groups,
                  [&](const inventory::RegionInventory& region, const inventory::SecurityGroup& group) {
                    if (!group.is_default()) return;
                    const std::string arn = SecurityGroupArn(inventory, region.region, group);
                    const std::string where = group.vpc_id.empty() ? "" : " of " + group.vpc_id;
                    if (group.ingress.empty() && group.egress.empty()) {
                      sink.pass(region.region, group.id, arn, "the default security group" + where + " has no rules");
                      return;
                    }
                    sink.fail(region.region, group.id, arn,
                              "the default security group" + where + " has " +
                                  Count(group.ingress.size(), "inbound rule", "inbound rules") + " and " +
                                  Count(group.egress.size(), "outbound rule", "outbound rules") +
                                  "; it should have none");
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_default_sg_restricts_all",
            .title = "Default security groups restrict all traffic",
            .severity = Severity::kMedium,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::SecurityGroup",
            .scope = "L+C",
            .fails_when = "a VPC's default security group has any rule",
            .risk = "Resources launched without an explicit group land in the default group; rules there give them "
                    "network access nobody chose, and by default its members can all reach each other.",
            .remediation = "aws ec2 revoke-security-group-ingress --group-id <default-sg-id> --security-group-rule-ids "
                           "<sgr-id> && aws ec2 revoke-security-group-egress --group-id <default-sg-id> "
                           "--security-group-rule-ids <sgr-id>",
            .remediation_terraform = "# With no ingress or egress blocks, Terraform removes every rule\n"
                                     "resource \"aws_default_security_group\" \"default\" {\n"
                                     "  vpc_id = aws_vpc.main.id\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
            .reads = {POSTURE_FIELD(SecurityGroup, ingress), POSTURE_FIELD(SecurityGroup, egress)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_default_sg_restricts_all
