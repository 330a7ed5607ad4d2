// EC2 and VPC: each section is its own paginated Describe call, so all five
// run at once.
#include "collect/collectors.h"
#include "collect/ec2_mapping.h"

namespace posture::collect {
namespace {

namespace inv = inventory;

// The largest page every Describe call here accepts.
constexpr int kMaxResults = 1000;

}  // namespace

void PlanEc2(CollectContext& ctx, inv::RegionInventory& region) {
  const ResourceScope scope{ctx.partition, region.region, ctx.account_id};
  const aws::Json input = {{"MaxResults", kMaxResults}};
  auto site = [&](const char* operation) { return CallSite{"ec2", operation, region.region}; };

  if (ctx.wants(inv::kSectionSecurityGroups)) {
    SubmitList(ctx, region.security_groups, site("DescribeSecurityGroups"), input, "SecurityGroups",
               [scope](const aws::Json& item, std::vector<inv::SecurityGroup>& out) {
                 out.push_back(MapSecurityGroup(item, scope));
               });
  }
  if (ctx.wants(inv::kSectionNetworkAcls)) {
    SubmitList(ctx, region.network_acls, site("DescribeNetworkAcls"), input, "NetworkAcls",
               [scope](const aws::Json& item, std::vector<inv::NetworkAcl>& out) {
                 out.push_back(MapNetworkAcl(item, scope));
               });
  }
  if (ctx.wants(inv::kSectionInstances)) {
    SubmitList(
        ctx, region.instances, site("DescribeInstances"), input, "Reservations",
        [scope](const aws::Json& item, std::vector<inv::Instance>& out) { AddReservationInstances(item, scope, out); });
  }
  if (ctx.wants(inv::kSectionVpcs)) {
    SubmitList(ctx, region.vpcs, site("DescribeVpcs"), input, "Vpcs",
               [scope](const aws::Json& item, std::vector<inv::Vpc>& out) { out.push_back(MapVpc(item, scope)); });
  }
  if (ctx.wants(inv::kSectionVpcPeerings)) {
    SubmitList(ctx, region.vpc_peerings, site("DescribeVpcPeeringConnections"), input, "VpcPeeringConnections",
               [](const aws::Json& item, std::vector<inv::VpcPeering>& out) { out.push_back(MapVpcPeering(item)); });
  }
}

}  // namespace posture::collect
