// EC2 and VPC: each section is its own (mostly paginated) Describe or Get
// call, so all of them run at once.
#include "collect/collectors.h"
#include "collect/ec2_mapping.h"

namespace posture::collect {
namespace {

namespace inv = inventory;

// The largest page every Describe call here accepts.
constexpr int kMaxResults = 1000;
// The largest pages of DescribeVolumes and DescribeRouteTables.
constexpr int kMaxVolumeResults = 500;
constexpr int kMaxRouteTableResults = 100;

inv::Collected<inv::EbsDefaultEncryption> GetEbsDefaultEncryption(aws::AwsClient& client, const CallSite& site) {
  auto result = client.call(site.service, site.operation, aws::Json::object(), site.region);
  if (!result.ok()) return Failure<inv::EbsDefaultEncryption>(site.failure(result.error()));
  return Success(inv::EbsDefaultEncryption{Flag(*result, "EbsEncryptionByDefault")});
}

}  // namespace

void PlanEc2(CollectContext& ctx, inv::RegionInventory& region) {
  const ResourceScope scope{ctx.partition, region.region, ctx.account_id};
  const aws::Json input = {{"MaxResults", kMaxResults}};
  auto site = [&](const char* operation) { return CallSite{"ec2", operation, region.region}; };

  if (ctx.wants("ec2.security_groups")) {
    SubmitList(ctx, region.ec2.security_groups, site("DescribeSecurityGroups"), input, "SecurityGroups",
               [scope](const aws::Json& item, std::vector<inv::SecurityGroup>& out) {
                 out.push_back(MapSecurityGroup(item, scope));
               });
  }
  if (ctx.wants("ec2.network_acls")) {
    SubmitList(ctx, region.ec2.network_acls, site("DescribeNetworkAcls"), input, "NetworkAcls",
               [scope](const aws::Json& item, std::vector<inv::NetworkAcl>& out) {
                 out.push_back(MapNetworkAcl(item, scope));
               });
  }
  if (ctx.wants("ec2.instances")) {
    SubmitList(
        ctx, region.ec2.instances, site("DescribeInstances"), input, "Reservations",
        [scope](const aws::Json& item, std::vector<inv::Instance>& out) { AddReservationInstances(item, scope, out); });
  }
  if (ctx.wants("ec2.vpcs")) {
    SubmitList(ctx, region.ec2.vpcs, site("DescribeVpcs"), input, "Vpcs",
               [scope](const aws::Json& item, std::vector<inv::Vpc>& out) { out.push_back(MapVpc(item, scope)); });
  }
  if (ctx.wants("ec2.vpc_peerings")) {
    SubmitList(ctx, region.ec2.vpc_peerings, site("DescribeVpcPeeringConnections"), input, "VpcPeeringConnections",
               [](const aws::Json& item, std::vector<inv::VpcPeering>& out) { out.push_back(MapVpcPeering(item)); });
  }
  if (ctx.wants("ec2.volumes")) {
    SubmitList(
        ctx, region.ec2.volumes, site("DescribeVolumes"), {{"MaxResults", kMaxVolumeResults}}, "Volumes",
        [scope](const aws::Json& item, std::vector<inv::Volume>& out) { out.push_back(MapVolume(item, scope)); });
  }
  if (ctx.wants("ec2.ebs_default_encryption")) {
    const CallSite ebs = site("GetEbsEncryptionByDefault");
    SubmitSection(ctx, region.ec2.ebs_default_encryption, ebs,
                  [&client = ctx.client, ebs] { return GetEbsDefaultEncryption(client, ebs); });
  }
  if (ctx.wants("ec2.flow_logs")) {
    SubmitList(ctx, region.ec2.flow_logs, site("DescribeFlowLogs"), input, "FlowLogs",
               [](const aws::Json& item, std::vector<inv::FlowLog>& out) { out.push_back(MapFlowLog(item)); });
  }
  if (ctx.wants("ec2.route_tables")) {
    SubmitList(ctx, region.ec2.route_tables, site("DescribeRouteTables"), {{"MaxResults", kMaxRouteTableResults}},
               "RouteTables", [scope](const aws::Json& item, std::vector<inv::RouteTable>& out) {
                 out.push_back(MapRouteTable(item, scope));
               });
  }
}

}  // namespace posture::collect
