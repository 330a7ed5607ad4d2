// A VPC passes when a flow log attached to the VPC itself is active and
// captures rejected traffic: traffic type REJECT or ALL, as CIS 3.7 asks.
// A flow log capturing only ACCEPT traffic misses the probes and blocked
// connections CIS wants recorded, so on its own it fails. Subnet and
// network-interface flow logs do not count: they cover part of the VPC.
#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::vpc_flow_logs_enabled {
namespace {

bool IsActive(const inventory::FlowLog& flow_log) {
  return flow_log.status.empty() || base::EqualsIgnoreCase(flow_log.status, "ACTIVE");
}

bool CapturesRejected(const inventory::FlowLog& flow_log) {
  return base::EqualsIgnoreCase(flow_log.traffic_type, "REJECT") ||
         base::EqualsIgnoreCase(flow_log.traffic_type, "ALL");
}

// "fl-1 (ALL to cloud-watch-logs vpc-flow)".
std::string Describe(const inventory::FlowLog& flow_log) {
  std::string text = flow_log.id + " (" + (flow_log.traffic_type.empty() ? "?" : flow_log.traffic_type);
  if (!flow_log.destination_type.empty()) text += " to " + flow_log.destination_type;
  if (!flow_log.destination.empty()) text += " " + flow_log.destination;
  if (!IsActive(flow_log)) text += ", status " + flow_log.status;
  if (base::EqualsIgnoreCase(flow_log.deliver_status, "FAILED")) text += ", delivery FAILED";
  return text + ")";
}

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.ec2.vpcs, region.region) || !sink.require(region.ec2.flow_logs, region.region)) continue;
    for (const auto& vpc : *region.ec2.vpcs) {
      std::vector<std::string> qualifying, other;
      for (const auto& flow_log : *region.ec2.flow_logs) {
        if (flow_log.resource_id != vpc.id) continue;
        (IsActive(flow_log) && CapturesRejected(flow_log) ? qualifying : other).push_back(Describe(flow_log));
      }
      const std::string arn = ResourceArn(vpc.arn, inventory, "ec2", region.region, "vpc/" + vpc.id);
      if (!qualifying.empty()) {
        sink.pass(region.region, vpc.id, arn, "flow logs capture rejected traffic: " + base::Join(qualifying));
      } else if (!other.empty()) {
        sink.fail(region.region, vpc.id, arn,
                  "no active flow log captures rejected traffic (REJECT or ALL); found only " + base::Join(other));
      } else {
        sink.fail(region.region, vpc.id, arn, "has no flow log");
      }
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "vpc_flow_logs_enabled",
            .title = "VPC flow logging is enabled in every VPC",
            .severity = Severity::kMedium,
            .category = Category::kLogging,
            .resource_type = "AWS::EC2::VPC",
            .scope = "L+C",
            .fails_when = "a VPC has no flow log",
            .risk = "Without flow logs there is no record of rejected connection attempts or of where traffic "
                    "went, which hides scanning and exfiltration and leaves incident responders blind.",
            .remediation = "aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type "
                           "REJECT --log-destination-type cloud-watch-logs --log-group-name <log-group> "
                           "--deliver-logs-permission-arn <role-arn>",
            .remediation_terraform = "resource \"aws_flow_log\" \"vpc\" {\n  vpc_id          = aws_vpc.main.id\n  "
                                     "traffic_type    = \"REJECT\"  # or \"ALL\"\n  log_destination = "
                                     "aws_cloudwatch_log_group.flow.arn\n  iam_role_arn    = aws_iam_role.flow.arn\n}",
            .docs_url = "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
            .reads = {POSTURE_FIELD(Vpc, id), POSTURE_FIELD(FlowLog, resource_id), POSTURE_FIELD(FlowLog, traffic_type),
                      POSTURE_FIELD(FlowLog, status)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::vpc_flow_logs_enabled
