// EC2 and VPC output -> inventory types: pure mappings of one item of a
// Describe* response (botocore member names) each. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "aws/json_fwd.h"
#include "inventory/inventory.h"

namespace posture::collect {

// Where a resource lives, for its ARN.
struct ResourceScope {
  std::string partition;
  std::string region;
  std::string account_id;
};

// One SecurityGroups[] item of DescribeSecurityGroups.
inventory::SecurityGroup MapSecurityGroup(const aws::Json& group, const ResourceScope& scope);
// One NetworkAcls[] item of DescribeNetworkAcls.
inventory::NetworkAcl MapNetworkAcl(const aws::Json& acl, const ResourceScope& scope);
// Appends the instances of one Reservations[] item of DescribeInstances.
void AddReservationInstances(const aws::Json& reservation, const ResourceScope& scope,
                             std::vector<inventory::Instance>& out);
// One Vpcs[] item of DescribeVpcs.
inventory::Vpc MapVpc(const aws::Json& vpc, const ResourceScope& scope);
// One VpcPeeringConnections[] item of DescribeVpcPeeringConnections.
inventory::VpcPeering MapVpcPeering(const aws::Json& peering);
// One Volumes[] item of DescribeVolumes.
inventory::Volume MapVolume(const aws::Json& volume, const ResourceScope& scope);
// One FlowLogs[] item of DescribeFlowLogs.
inventory::FlowLog MapFlowLog(const aws::Json& flow_log);
// One RouteTables[] item of DescribeRouteTables.
inventory::RouteTable MapRouteTable(const aws::Json& table, const ResourceScope& scope);

}  // namespace posture::collect
