#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/network_rules.h"

namespace posture::checks::ec2_sg_no_open_sensitive_ports {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  std::vector<int> ports(kSensitivePorts.begin(), kSensitivePorts.end());
  for (int port : sink.settings().extra_sensitive_ports) ports.push_back(port);
  ForEachRegional(inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::security_groups,
                  [&](const inventory::RegionInventory& region, const inventory::SecurityGroup& group) {
                    std::vector<RuleExposure> exposures;
                    for (IpFamily family : kIpFamilies) {
                      // A rule for all protocols always lands here: it covers every sensitive port.
                      for (auto& exposure : InternetIngressOnPorts(group, family, ports)) {
                        exposures.push_back(std::move(exposure));
                      }
                    }
                    ReportGroupExposures(inventory, sink, region.region, group, exposures,
                                         "no rule allows all traffic or a database, cache or search port from the "
                                         "internet");
                  });
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_sg_no_open_sensitive_ports",
            .title = "Security groups do not allow all traffic or database, cache and search ports from the internet",
            .severity = Severity::kHigh,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::SecurityGroup",
            .scope = "L+C",
            .fails_when = "a security group allows all traffic, or a database/cache/search port (1433, 1521, 3306, "
                          "5432, 6379, 9200, 11211, 27017), from the internet",
            .risk = "Databases, caches and search clusters reachable from the internet are scanned for within "
                    "minutes; many ship without authentication and leak or lose their data.",
            .remediation = "aws ec2 revoke-security-group-ingress --group-id <sg-id> --security-group-rule-ids "
                           "<sgr-id>  # then allow the port only from the application's security group",
            .remediation_terraform = "# Only from the application's security group, never 0.0.0.0/0 or ::/0\n"
                                     "resource \"aws_vpc_security_group_ingress_rule\" \"postgres\" {\n"
                                     "  security_group_id            = aws_security_group.db.id\n"
                                     "  referenced_security_group_id = aws_security_group.app.id\n"
                                     "  ip_protocol                  = \"tcp\"\n"
                                     "  from_port                    = 5432\n"
                                     "  to_port                      = 5432\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
            .reads = {POSTURE_FIELD(SecurityGroup, ingress)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_sg_no_open_sensitive_ports
