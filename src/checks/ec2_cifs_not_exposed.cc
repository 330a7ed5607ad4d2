// Security groups and network ACLs are judged on their own, each one
// finding. A security group admitting CIFS from the internet is critical;
// a network ACL that does is reported at medium severity: it is the
// missing second layer, and traffic still needs a security group to pass.
#include <array>

#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/network_rules.h"

namespace posture::checks::ec2_cifs_not_exposed {
namespace {

// NetBIOS session service and SMB over TCP.
constexpr std::array<int, 2> kCifsPorts = {139, 445};

constexpr const char* kSecurityGroupType = "AWS::EC2::SecurityGroup";
constexpr const char* kNetworkAclType = "AWS::EC2::NetworkAcl";

void EvaluateGroups(const inventory::Inventory& inventory, FindingSink& sink) {
  sink.set_resource_type(kSecurityGroupType);
  ForEachRegional(inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::security_groups,
                  [&](const inventory::RegionInventory& region, const inventory::SecurityGroup& group) {
                    std::vector<RuleExposure> exposures;
                    for (IpFamily family : kIpFamilies) {
                      for (auto& exposure : InternetIngressOnPorts(group, family, kCifsPorts)) {
                        exposures.push_back(std::move(exposure));
                      }
                    }
                    ReportGroupExposures(inventory, sink, region.region, group, exposures,
                                         "no rule allows tcp/139 or tcp/445 from 0.0.0.0/0 or ::/0");
                  });
}

void EvaluateAcls(const inventory::Inventory& inventory, FindingSink& sink) {
  sink.set_resource_type(kNetworkAclType);
  ForEachRegional(inventory, sink, &inventory::RegionInventory::ec2, &inventory::Ec2Sections::network_acls,
                  [&](const inventory::RegionInventory& region, const inventory::NetworkAcl& acl) {
                    const std::vector<std::string> reasons = NaclInternetTcpAllows(acl, kCifsPorts);
                    const std::string arn =
                        ResourceArn(acl.arn, inventory, "ec2", region.region, "network-acl/" + acl.id);
                    if (reasons.empty()) {
                      sink.pass(region.region, acl.id, arn,
                                "denies tcp/139 and tcp/445 from 0.0.0.0/0 and ::/0 (by rule or the implicit deny)");
                    } else {
                      sink.fail(region.region, acl.id, arn, base::Join(reasons, "; "), Severity::kMedium);
                    }
                  });
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateGroups(inventory, sink);
  EvaluateAcls(inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "ec2_cifs_not_exposed",
            .title = "Security groups and network ACLs do not admit CIFS/SMB from the internet",
            .severity = Severity::kCritical,
            .category = Category::kNetwork,
            .resource_type = "AWS::EC2::SecurityGroup",
            .scope = "L+C",
            .fails_when = "a security group or NACL admits tcp 139 or 445 from the internet (CIS 4.0/5.0 5.1.2)",
            .risk = "SMB (tcp 445) and NetBIOS (tcp 139) reachable from the internet are a favourite target of "
                    "worms and ransomware (EternalBlue, WannaCry) and expose file shares to brute force.",
            .remediation = "aws ec2 revoke-security-group-ingress --group-id <group-id> --ip-permissions "
                           "IpProtocol=tcp,FromPort=445,ToPort=445,IpRanges=[{CidrIp=0.0.0.0/0}]  # likewise 139 "
                           "and ::/0; for a network ACL add deny entries for 139 and 445 below its allow",
            .remediation_terraform = "resource \"aws_security_group_rule\" \"smb\" {\n  type        = \"ingress\"\n  "
                                     "from_port   = 445\n  to_port     = 445\n  protocol    = \"tcp\"\n  "
                                     "cidr_blocks = [\"10.0.0.0/8\"]  # a trusted range, never 0.0.0.0/0 or ::/0\n  "
                                     "security_group_id = aws_security_group.files.id\n}",
            .docs_url = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
            .reads = {POSTURE_FIELD(SecurityGroup, ingress), POSTURE_FIELD(NetworkAcl, entries)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::ec2_cifs_not_exposed
