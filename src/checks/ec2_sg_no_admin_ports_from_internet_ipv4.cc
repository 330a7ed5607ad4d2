#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/network_rules.h"

namespace posture::checks::ec2_sg_no_admin_ports_from_internet_ipv4 {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::security_groups,
                  [&](const inventory::RegionInventory& region, const inventory::SecurityGroup& group) {
                    ReportGroupExposures(inventory, sink, region.region, group,
                                         InternetIngressOnPorts(group, IpFamily::kIpv4, kAdminPorts),
                                         "no rule allows tcp/22 or tcp/3389 from 0.0.0.0/0");
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_sg_no_admin_ports_from_internet_ipv4",
            .title = "Security groups do not allow SSH or RDP from 0.0.0.0/0",
            .severity = Severity::kHigh,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::SecurityGroup",
            .scope = "L+C",
            .fails_when = "a security group allows admin ports from 0.0.0.0/0",
            .risk = "SSH and RDP open to every IPv4 address invite brute-force and exploit attempts against the "
                    "instances behind the group; one weak credential or unpatched service is a way in.",
            .remediation = "aws ec2 revoke-security-group-ingress --group-id <sg-id> --security-group-rule-ids "
                           "<sgr-id>  # then allow admin access only from known ranges, or use SSM Session Manager",
            .remediation_terraform = "# A known admin range instead of 0.0.0.0/0, or no rule and SSM Session Manager\n"
                                     "resource \"aws_vpc_security_group_ingress_rule\" \"ssh\" {\n"
                                     "  security_group_id = aws_security_group.example.id\n"
                                     "  ip_protocol       = \"tcp\"\n"
                                     "  from_port         = 22\n"
                                     "  to_port           = 22\n"
                                     "  cidr_ipv4         = \"203.0.113.0/24\"\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
            .reads = {POSTURE_FIELD(SecurityGroup, ingress)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_sg_no_admin_ports_from_internet_ipv4
