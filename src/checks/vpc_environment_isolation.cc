#include <set>

#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::vpc_environment_isolation {
namespace {

// One end of a peering as far as the inventory knows it.
struct Side {
  const inventory::Vpc* vpc = nullptr;  // nullptr: another account or an unscanned region
  bool production = false;
  std::string description;  // "vpc-1 (Environment=prod)"
};

Side Resolve(const inventory::Inventory& inventory, const CheckSettings& settings, std::string_view peering_region,
             const std::string& vpc_id, const std::string& owner, const std::string& region_name) {
  Side side;
  const std::string region = region_name.empty() ? std::string(peering_region) : region_name;
  const bool ours = owner.empty() || owner == inventory.account_id;
  const auto* scanned = ours ? inventory.region(region) : nullptr;
  if (scanned != nullptr && scanned->ec2.vpcs.ok()) {
    for (const auto& vpc : *scanned->ec2.vpcs) {
      if (vpc.id == vpc_id) side.vpc = &vpc;
    }
  }
  if (side.vpc == nullptr) {
    side.description = vpc_id + " in account " + (owner.empty() ? "unknown" : owner) + " (" + region +
                       "), which this scan did not cover";
    return side;
  }
  if (const auto* tag = EnvironmentTag(side.vpc->tags, settings.environment_tag_key)) {
    side.production = settings.is_production(tag->second);
    side.description = vpc_id + " (" + tag->first + "=" + tag->second + ")";
    return side;
  }
  side.description = vpc_id + " (no " + settings.environment_tag_key + " tag: counted as non-production)";
  return side;
}

void EvaluatePeering(const inventory::Inventory& inventory, FindingSink& sink, const std::string& region,
                     const inventory::VpcPeering& peering) {
  const std::string arn = RegionalArn(inventory, "ec2", region, "vpc-peering-connection/" + peering.id);
  const Side a = Resolve(inventory, sink.settings(), region, peering.requester_vpc_id, peering.requester_owner_id,
                         peering.requester_region);
  const Side b = Resolve(inventory, sink.settings(), region, peering.accepter_vpc_id, peering.accepter_owner_id,
                         peering.accepter_region);
  if (a.vpc == nullptr && b.vpc == nullptr) {
    sink.error(region, peering.id, arn,
               "neither peered VPC is in the inventory: " + a.description + "; " + b.description);
    return;
  }
  if (a.vpc != nullptr && b.vpc != nullptr) {
    const std::string pair = a.description + " with " + b.description;
    if (a.production != b.production) {
      sink.fail(region, peering.id, arn, "connects production and non-production VPCs: " + pair);
    } else {
      sink.pass(region, peering.id, arn,
                std::string("connects VPCs of the same class (") + (a.production ? "production" : "non-production") +
                    "): " + pair);
    }
    return;
  }
  // One end is outside the scan. Production is what must stay isolated, so a
  // production end peered with something unverifiable fails; a non-production
  // end passes here, and a scan of the other account judges its own side.
  const Side& known = a.vpc != nullptr ? a : b;
  const Side& other = a.vpc != nullptr ? b : a;
  if (known.production) {
    sink.fail(region, peering.id, arn,
              "connects production " + known.description + " with " + other.description +
                  "; its environment cannot be verified, confirm it is production");
  } else {
    sink.pass(region, peering.id, arn,
              "connects non-production " + known.description + " with " + other.description +
                  "; if that VPC is production, the scan of its account reports it");
  }
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  std::set<std::string> seen;  // a cross-region peering is listed in both regions
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.ec2.vpc_peerings, region.region) || !sink.require(region.ec2.vpcs, region.region))
      continue;
    for (const auto& peering : *region.ec2.vpc_peerings) {
      if (!base::EqualsIgnoreCase(peering.status, "active") || !seen.insert(peering.id).second) continue;
      EvaluatePeering(inventory, sink, region.region, peering);
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "vpc_environment_isolation",
            .title = "VPC peerings do not connect production with non-production environments",
            .severity = Severity::kHigh,
            .category = Category::kEdge,
            .resource_type = "AWS::EC2::VPCPeeringConnection",
            .scope = "L+C",
            .fails_when = "an active VPC peering connects VPCs whose environment tags differ (prod with non-prod); the "
                          "tag key is configurable, default `Environment`",
            .risk = "A peering between production and non-production networks lets a compromise of a less "
                    "protected environment reach production systems and data.",
            .remediation = "aws ec2 delete-vpc-peering-connection --vpc-peering-connection-id <pcx-id>  # share "
                           "only the services needed, e.g. through PrivateLink",
            .remediation_terraform = "# Delete the aws_vpc_peering_connection and its aws_route entries;\n"
                                     "# share only the service needed, through PrivateLink:\n"
                                     "resource \"aws_vpc_endpoint\" \"prod_api\" {\n"
                                     "  vpc_id            = aws_vpc.nonprod.id\n"
                                     "  service_name      = aws_vpc_endpoint_service.prod_api.service_name\n"
                                     "  vpc_endpoint_type = \"Interface\"\n"
                                     "  subnet_ids        = aws_subnet.nonprod[*].id\n"
                                     "}",
            .docs_url = "https://docs.aws.amazon.com/vpc/latest/peering/what-is-vpc-peering.html",
            .reads = {POSTURE_FIELD(VpcPeering, status), POSTURE_FIELD(Vpc, tags)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::vpc_environment_isolation
