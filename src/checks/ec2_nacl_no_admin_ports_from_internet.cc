#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/network_rules.h"

namespace posture::checks::ec2_nacl_no_admin_ports_from_internet {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  ForEachRegional(inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::network_acls,
                  [&](const inventory::RegionInventory& region, const inventory::NetworkAcl& acl) {
                    const std::vector<std::string> reasons = NaclInternetTcpAllows(acl, kAdminPorts);
                    const std::string arn =
                        ResourceArn(acl.arn, inventory, "ec2", region.region, "network-acl/" + acl.id);
                    if (reasons.empty()) {
                      sink.pass(region.region, acl.id, arn,
                                "denies tcp/22 and tcp/3389 from 0.0.0.0/0 and ::/0 (by rule or the implicit deny)");
                    } else {
                      sink.fail(region.region, acl.id, arn, base::Join(reasons, "; "));
                    }
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_nacl_no_admin_ports_from_internet",
            .title = "Network ACLs do not allow SSH or RDP from the internet",
            .severity = Severity::kMedium,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::NetworkAcl",
            .scope = "L+C",
            .fails_when = "a network ACL allows admin ports from the internet",
            .risk = "A network ACL that lets SSH or RDP in from anywhere leaves the subnet's only defence to its "
                    "security groups; one permissive group then exposes the admin port to the internet.",
            .remediation = "aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number "
                           "<lower-than-the-allow> --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 "
                           "--rule-action deny  # likewise for 3389 and ::/0 (--ipv6-cidr-block)",
            .remediation_terraform = "resource \"aws_network_acl_rule\" \"deny_ssh_in\" {\n"
                                     "  network_acl_id = aws_network_acl.main.id\n"
                                     "  rule_number    = 50 # lower than the rule that allows it\n"
                                     "  protocol       = \"tcp\"\n"
                                     "  rule_action    = \"deny\"\n"
                                     "  cidr_block     = \"0.0.0.0/0\"\n"
                                     "  from_port      = 22\n"
                                     "  to_port        = 22\n"
                                     "} # likewise for 3389, and with ipv6_cidr_block = \"::/0\"",
            .docs_url = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
            .reads = {POSTURE_FIELD(NetworkAcl, entries)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_nacl_no_admin_ports_from_internet
