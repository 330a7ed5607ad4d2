#!/usr/bin/env python3
"""Writes the network domain's conformance fixtures (tests/iac/testdata/conformance/<key>/).

Each fixture describes the same resources four ways: a `terraform show -json`
plan, a `terraform show -json` state, a CloudFormation template in JSON and in
YAML (short-form tags), plus labels.json naming every id spelling of each
resource. Run from anywhere; it rewrites the files of the keys below.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from conformance_fixture import *  # noqa: E402,F401,F403

import json  # noqa: E402


# ---- shared pieces ---------------------------------------------------------------

VPC_ID = "vpc-0a1b2c3d4e5f60718"
SG_ID = "sg-0123456789abcdef0"
SUBNET_ID = "subnet-0f1e2d3c4b5a69788"


def tf_vpc(name="main", cidr="10.0.0.0/16", vpc_id=VPC_ID, tags=None):
    tags = tags or {}
    return {"type": "aws_vpc", "name": name,
            "plan": {"cidr_block": cidr, "enable_dns_support": True, "instance_tenancy": "default", "tags": tags},
            "unknown": {"id": None, "arn": None, "default_security_group_id": None, "main_route_table_id": None},
            "state": {"id": vpc_id, "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:vpc/{vpc_id}", "cidr_block": cidr,
                      "enable_dns_support": True, "instance_tenancy": "default", "is_default": False,
                      "default_security_group_id": "sg-0dddddddddddddddd", "main_route_table_id": "rtb-0mmmmmmmmmmmmmmmm",
                      "owner_id": ACCOUNT, "tags": tags, "tags_all": tags}}


def cfn_vpc(cidr="10.0.0.0/16", tags=None):
    props = {"CidrBlock": cidr}
    if tags:
        props["Tags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    return {"Type": "AWS::EC2::VPC", "Properties": props}


def sg_block(protocol, from_port, to_port, cidrs):
    return {"cidr_blocks": cidrs, "description": "", "from_port": from_port, "ipv6_cidr_blocks": [],
            "prefix_list_ids": [], "protocol": protocol, "security_groups": [], "self": False, "to_port": to_port}


def tf_sg(name, ingress, egress, sg_id=SG_ID, vpc="aws_vpc.main", vpc_id=VPC_ID):
    plan = {"name": name, "description": "Managed by Terraform", "ingress": ingress, "egress": egress,
            "revoke_rules_on_delete": False, "tags": {}, "timeouts": None}
    state = dict(plan, id=sg_id, arn=f"arn:aws:ec2:{REGION}:{ACCOUNT}:security-group/{sg_id}", owner_id=ACCOUNT,
                 vpc_id=vpc_id, name_prefix="", tags_all={})
    return {"type": "aws_security_group", "name": name, "plan": plan,
            "unknown": {"id": None, "arn": None, "owner_id": None, "vpc_id": ref(vpc)}, "state": state}


ALL_EGRESS = [sg_block("-1", 0, 0, ["0.0.0.0/0"])]


def security_group():
    rule_plan = {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"],
                 "description": "ssh", "ipv6_cidr_blocks": None, "prefix_list_ids": None, "self": False,
                 "source_security_group_id": None, "timeouts": None}
    rule_state = dict(rule_plan, id="sgrule-2716398243", security_group_id=SG_ID,
                      security_group_rule_id="sgr-0aaaaaaaaaaaaaaaa", source_security_group_id=None)
    tf = [tf_vpc(), tf_sg("web", [sg_block("tcp", 443, 443, ["0.0.0.0/0"])], ALL_EGRESS),
          {"type": "aws_security_group_rule", "name": "ssh", "plan": rule_plan,
           "unknown": {"id": None, "security_group_id": ref("aws_security_group.web"),
                       "security_group_rule_id": None}, "state": rule_state}]
    cfn = {"VPC": cfn_vpc(),
           "WebSG": {"Type": "AWS::EC2::SecurityGroup",
                     "Properties": {"GroupName": "web", "GroupDescription": "Managed by Terraform", "VpcId": Ref("VPC"),
                                    "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                                                              "CidrIp": "0.0.0.0/0"}]}},
           "SshIngress": {"Type": "AWS::EC2::SecurityGroupIngress",
                          "Properties": {"GroupId": GetAtt("WebSG.GroupId"), "IpProtocol": "tcp", "FromPort": 22,
                                         "ToPort": 22, "CidrIp": "0.0.0.0/0", "Description": "ssh"}}}
    labels = {"aws_vpc.main": "vpc", "VPC": "vpc", VPC_ID: "vpc",
              "aws_security_group.web": "web", "WebSG": "web", SG_ID: "web"}
    fixture("security_group", tf, cfn, labels)


def network_acl():
    acl_id = "acl-0b1c2d3e4f5061728"

    def block(rule_no, action, protocol, from_port, to_port):
        return {"action": action, "cidr_block": "0.0.0.0/0", "from_port": from_port, "icmp_code": 0, "icmp_type": 0,
                "ipv6_cidr_block": "", "protocol": protocol, "rule_no": rule_no, "to_port": to_port}

    plan = {"ingress": [block(100, "allow", "tcp", 22, 22)], "egress": [block(100, "allow", "-1", 0, 0)],
            "tags": {}}
    state = {"id": acl_id, "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:network-acl/{acl_id}", "owner_id": ACCOUNT,
             "vpc_id": VPC_ID, "subnet_ids": [], "tags": {}, "tags_all": {},
             "ingress": [block(100, "allow", "6", 22, 22)], "egress": [block(100, "allow", "-1", 0, 0)]}
    rule_plan = {"rule_number": 110, "egress": False, "protocol": "tcp", "rule_action": "allow",
                 "cidr_block": "0.0.0.0/0", "from_port": 3389, "to_port": 3389, "icmp_code": None,
                 "icmp_type": None, "ipv6_cidr_block": None}
    tf = [tf_vpc(),
          {"type": "aws_network_acl", "name": "public", "plan": plan,
           "unknown": {"id": None, "arn": None, "owner_id": None, "subnet_ids": None, "vpc_id": ref("aws_vpc.main")},
           "state": state},
          {"type": "aws_network_acl_rule", "name": "rdp", "plan": rule_plan,
           "unknown": {"id": None, "network_acl_id": ref("aws_network_acl.public")},
           "state": dict(rule_plan, id="nacl-1234567890", network_acl_id=acl_id, protocol="6")}]

    def entry(number, egress, protocol, ports=None):
        props = {"NetworkAclId": Ref("PublicAcl"), "RuleNumber": number, "Protocol": protocol,
                 "RuleAction": "allow", "Egress": egress, "CidrBlock": "0.0.0.0/0"}
        if ports:
            props["PortRange"] = {"From": ports[0], "To": ports[1]}
        return {"Type": "AWS::EC2::NetworkAclEntry", "Properties": props}

    cfn = {"VPC": cfn_vpc(),
           "PublicAcl": {"Type": "AWS::EC2::NetworkAcl", "Properties": {"VpcId": Ref("VPC")}},
           "SshIn": entry(100, False, 6, (22, 22)),
           "AllOut": entry(100, True, -1),
           "RdpIn": entry(110, False, 6, (3389, 3389))}
    labels = {"aws_vpc.main": "vpc", "VPC": "vpc", VPC_ID: "vpc",
              "aws_network_acl.public": "acl", "PublicAcl": "acl", acl_id: "acl"}
    fixture("network_acl", tf, cfn, labels)


def tf_subnet():
    plan = {"cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": False, "tags": {}}
    return {"type": "aws_subnet", "name": "a", "plan": plan,
            "unknown": {"id": None, "arn": None, "availability_zone": None, "vpc_id": ref("aws_vpc.main")},
            "state": dict(plan, id=SUBNET_ID, arn=f"arn:aws:ec2:{REGION}:{ACCOUNT}:subnet/{SUBNET_ID}",
                          availability_zone="us-east-1a", vpc_id=VPC_ID, owner_id=ACCOUNT, tags_all={})}


def instance():
    lt_id = "lt-0c1d2e3f405162738"
    instance_id = "i-0a9b8c7d6e5f40312"
    metadata = {"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 1,
                "http_protocol_ipv6": "disabled", "instance_metadata_tags": "disabled"}
    lt_plan = {"name": "web", "image_id": "ami-0123456789abcdef0", "instance_type": "t3.micro",
               "metadata_options": [metadata], "tags": {}}
    lt_state = dict(lt_plan, id=lt_id, arn=f"arn:aws:ec2:{REGION}:{ACCOUNT}:launch-template/{lt_id}",
                    latest_version=1, default_version=1, tags_all={})
    # The instance takes its metadata options from the launch template.
    i_plan = {"ami": "ami-0123456789abcdef0", "instance_type": "t3.micro", "iam_instance_profile": "web-profile",
              "associate_public_ip_address": True, "launch_template": [{"name": "web", "version": "$Latest"}],
              "tags": {}}
    i_state = {"id": instance_id, "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{instance_id}",
               "ami": "ami-0123456789abcdef0", "instance_type": "t3.micro", "iam_instance_profile": "web-profile",
               "launch_template": [{"id": lt_id, "name": "web", "version": "$Latest"}],
               "metadata_options": [metadata], "associate_public_ip_address": True, "public_ip": "54.12.34.56",
               "private_ip": "10.0.1.10", "subnet_id": SUBNET_ID, "vpc_security_group_ids": [SG_ID],
               "security_groups": [], "instance_state": "running", "tags": {}, "tags_all": {}}
    tf = [tf_vpc(), tf_subnet(), tf_sg("web", [sg_block("tcp", 22, 22, ["0.0.0.0/0"])], ALL_EGRESS),
          {"type": "aws_launch_template", "name": "web", "plan": lt_plan,
           "unknown": {"id": None, "arn": None, "latest_version": None}, "state": lt_state},
          {"type": "aws_instance", "name": "web", "plan": i_plan,
           "unknown": {"id": None, "arn": None, "public_ip": None, "metadata_options": None,
                       "subnet_id": ref("aws_subnet.a"), "vpc_security_group_ids": ref("aws_security_group.web"),
                       "security_groups": None},
           "state": i_state}]
    cfn = {"VPC": cfn_vpc(),
           "SubnetA": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": Ref("VPC"), "CidrBlock": "10.0.1.0/24"}},
           "WebSG": {"Type": "AWS::EC2::SecurityGroup",
                     "Properties": {"GroupName": "web", "GroupDescription": "Managed by Terraform", "VpcId": Ref("VPC"),
                                    "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                                                              "CidrIp": "0.0.0.0/0"}]}},
           "WebTemplate": {"Type": "AWS::EC2::LaunchTemplate",
                           "Properties": {"LaunchTemplateName": "web", "LaunchTemplateData": {
                               "ImageId": "ami-0123456789abcdef0", "InstanceType": "t3.micro",
                               "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled"}}}},
           "WebInstance": {"Type": "AWS::EC2::Instance",
                           "Properties": {"LaunchTemplate": {"LaunchTemplateId": Ref("WebTemplate"),
                                                             "Version": GetAtt("WebTemplate.LatestVersionNumber")},
                                          "IamInstanceProfile": "web-profile",
                                          "NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": True,
                                                                 "GroupSet": [Ref("WebSG")],
                                                                 "SubnetId": Ref("SubnetA")}]}}}
    labels = {"aws_vpc.main": "vpc", "VPC": "vpc", VPC_ID: "vpc",
              "aws_subnet.a": "subnet", "SubnetA": "subnet", SUBNET_ID: "subnet",
              "aws_security_group.web": "web", "WebSG": "web", SG_ID: "web",
              "aws_instance.web": "instance", "WebInstance": "instance", instance_id: "instance",
              "aws_launch_template.web": "template", "WebTemplate": "template", lt_id: "template",
              "web-profile": "profile"}
    fixture("instance", tf, cfn, labels)


def vpc_flow_log():
    fl_id = "fl-0123456789abcdef0"
    tags = {"Environment": "prod"}
    plan = {"traffic_type": "ALL", "log_destination_type": "s3",
            "log_destination": "arn:aws:s3:::flow-logs-bucket", "max_aggregation_interval": 600, "tags": {}}
    state = dict(plan, id=fl_id, arn=f"arn:aws:ec2:{REGION}:{ACCOUNT}:vpc-flow-log/{fl_id}", vpc_id=VPC_ID,
                 subnet_id=None, eni_id=None, transit_gateway_id=None, transit_gateway_attachment_id=None,
                 log_group_name="", iam_role_arn="", tags_all={})
    tf = [tf_vpc(tags=tags),
          {"type": "aws_flow_log", "name": "main", "plan": plan,
           "unknown": {"id": None, "arn": None, "vpc_id": ref("aws_vpc.main")}, "state": state}]
    cfn = {"VPC": cfn_vpc(tags=tags),
           "FlowLog": {"Type": "AWS::EC2::FlowLog",
                       "Properties": {"ResourceId": Ref("VPC"), "ResourceType": "VPC", "TrafficType": "ALL",
                                      "LogDestinationType": "s3",
                                      "LogDestination": "arn:aws:s3:::flow-logs-bucket",
                                      "MaxAggregationInterval": 600}}}
    labels = {"aws_vpc.main": "vpc", "VPC": "vpc", VPC_ID: "vpc",
              "aws_flow_log.main": "flowlog", "FlowLog": "flowlog", fl_id: "flowlog"}
    fixture("vpc_flow_log", tf, cfn, labels)


def ebs_volume():
    vol_id = "vol-0123456789abcdef0"
    plan = {"availability_zone": "us-east-1a", "size": 20, "type": "gp3", "encrypted": True, "tags": {}}
    state = dict(plan, id=vol_id, arn=f"arn:aws:ec2:{REGION}:{ACCOUNT}:volume/{vol_id}",
                 kms_key_id=f"arn:aws:kms:{REGION}:{ACCOUNT}:key/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6",
                 iops=3000, throughput=125, tags_all={})
    tf = [{"type": "aws_ebs_volume", "name": "data", "plan": plan,
           "unknown": {"id": None, "arn": None, "kms_key_id": None, "iops": None, "throughput": None},
           "state": state}]
    cfn = {"DataVolume": {"Type": "AWS::EC2::Volume",
                          "Properties": {"AvailabilityZone": "us-east-1a", "Size": 20, "VolumeType": "gp3",
                                         "Encrypted": True}}}
    labels = {"aws_ebs_volume.data": "volume", "DataVolume": "volume", vol_id: "volume"}
    fixture("ebs_volume", tf, cfn, labels)


def tf_web_acl(name, scope, acl_arn):
    plan = {"name": name, "scope": scope, "default_action": [{"allow": [{}], "block": []}], "rule": [],
            "visibility_config": [{"cloudwatch_metrics_enabled": True, "metric_name": name,
                                   "sampled_requests_enabled": True}], "tags": {}}
    state = dict(plan, id=acl_arn.rsplit("/", 1)[1], arn=acl_arn, capacity=0, lock_token="4f2a", tags_all={})
    return {"type": "aws_wafv2_web_acl", "name": name, "plan": plan,
            "unknown": {"id": None, "arn": None, "capacity": None, "lock_token": None}, "state": state}


def cfn_web_acl(name, scope):
    return {"Type": "AWS::WAFv2::WebACL",
            "Properties": {"Name": name, "Scope": scope, "DefaultAction": {"Allow": {}}, "Rules": [],
                           "VisibilityConfig": {"CloudWatchMetricsEnabled": True, "MetricName": name,
                                                "SampledRequestsEnabled": True}}}


def load_balancer_waf():
    lb_arn = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188"
    acl_arn = f"arn:aws:wafv2:{REGION}:{ACCOUNT}:regional/webacl/main/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    subnets = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]
    lb_plan = {"name": "web", "internal": False, "load_balancer_type": "application", "subnets": subnets,
               "enable_deletion_protection": False, "idle_timeout": 60, "tags": {}}
    lb_state = dict(lb_plan, id=lb_arn, arn=lb_arn, arn_suffix="app/web/50dc6c495c0c9188",
                    dns_name="web-1234567890.us-east-1.elb.amazonaws.com", vpc_id="vpc-0ffffffffffffffff",
                    zone_id="Z35SXDOTRQ7X7K", security_groups=["sg-0eeeeeeeeeeeeeeee"], tags_all={})
    assoc_state = {"id": f"{acl_arn},{lb_arn}", "resource_arn": lb_arn, "web_acl_arn": acl_arn}
    tf = [{"type": "aws_lb", "name": "web", "plan": lb_plan,
           "unknown": {"id": None, "arn": None, "arn_suffix": None, "dns_name": None, "vpc_id": None,
                       "zone_id": None, "security_groups": None}, "state": lb_state},
          tf_web_acl("main", "REGIONAL", acl_arn),
          {"type": "aws_wafv2_web_acl_association", "name": "web", "plan": {},
           "unknown": {"id": None, "resource_arn": ref("aws_lb.web", "arn"),
                       "web_acl_arn": ref("aws_wafv2_web_acl.main", "arn")}, "state": assoc_state}]
    cfn = {"WebALB": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
                      "Properties": {"Name": "web", "Type": "application", "Scheme": "internet-facing",
                                     "Subnets": subnets}},
           "WebACL": cfn_web_acl("main", "REGIONAL"),
           "WebACLAssociation": {"Type": "AWS::WAFv2::WebACLAssociation",
                                 "Properties": {"ResourceArn": Ref("WebALB"), "WebACLArn": GetAtt("WebACL.Arn")}}}
    labels = {"aws_lb.web": "alb", "WebALB": "alb", lb_arn: "alb",
              "aws_wafv2_web_acl.main": "acl", "WebACL": "acl", acl_arn: "acl"}
    fixture("load_balancer_waf", tf, cfn, labels)


def cloudfront():
    dist_id = "E2QWRUHAPOMQZL"
    acl_arn = f"arn:aws:wafv2:us-east-1:{ACCOUNT}:global/webacl/edge/b2c3d4e5-6789-01ab-cdef-EXAMPLE22222"
    origin = {"domain_name": "origin.example.com", "origin_id": "origin",
              "custom_origin_config": [{"http_port": 80, "https_port": 443, "origin_protocol_policy": "https-only",
                                        "origin_ssl_protocols": ["TLSv1.2"]}]}
    behavior = {"target_origin_id": "origin", "viewer_protocol_policy": "redirect-to-https",
                "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                "cache_policy_id": "658327ea-f89d-4fab-a63d-7e88639e58f6"}
    plan = {"enabled": True, "origin": [origin], "default_cache_behavior": [behavior],
            "restrictions": [{"geo_restriction": [{"restriction_type": "none", "locations": []}]}],
            "viewer_certificate": [{"cloudfront_default_certificate": True}], "tags": {}}
    state = dict(plan, id=dist_id, arn=f"arn:aws:cloudfront::{ACCOUNT}:distribution/{dist_id}",
                 domain_name="d111111abcdef8.cloudfront.net", web_acl_id=acl_arn, status="Deployed", tags_all={})
    tf = [tf_web_acl("edge", "CLOUDFRONT", acl_arn),
          {"type": "aws_cloudfront_distribution", "name": "cdn", "plan": plan,
           "unknown": {"id": None, "arn": None, "domain_name": None, "status": None,
                       "web_acl_id": ref("aws_wafv2_web_acl.edge", "arn")}, "state": state}]
    cfn = {"EdgeACL": cfn_web_acl("edge", "CLOUDFRONT"),
           "CDN": {"Type": "AWS::CloudFront::Distribution",
                   "Properties": {"DistributionConfig": {
                       "Enabled": True, "WebACLId": GetAtt("EdgeACL.Arn"),
                       "Origins": [{"Id": "origin", "DomainName": "origin.example.com",
                                    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only",
                                                           "OriginSSLProtocols": ["TLSv1.2"]}}],
                       "DefaultCacheBehavior": {"TargetOriginId": "origin",
                                                "ViewerProtocolPolicy": "redirect-to-https",
                                                "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}}}}}
    labels = {"aws_cloudfront_distribution.cdn": "cdn", "CDN": "cdn", dist_id: "cdn",
              "aws_wafv2_web_acl.edge": "acl", "EdgeACL": "acl", acl_arn: "acl"}
    fixture("cloudfront", tf, cfn, labels)


def api_gateway_stage():
    api_id = "a1b2c3d4e5"
    deployment_id = "abc123"
    api_plan = {"name": "orders", "endpoint_configuration": [{"types": ["REGIONAL"], "vpc_endpoint_ids": []}],
                "tags": {}}
    api_state = dict(api_plan, id=api_id, arn=f"arn:aws:apigateway:{REGION}::/restapis/{api_id}",
                     root_resource_id="r00tid", execution_arn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{api_id}",
                     tags_all={})
    dep_state = {"id": deployment_id, "rest_api_id": api_id, "description": ""}
    stage_plan = {"stage_name": "prod", "xray_tracing_enabled": False, "tags": {}}
    stage_state = dict(stage_plan, id=f"ags-{api_id}-prod",
                       arn=f"arn:aws:apigateway:{REGION}::/restapis/{api_id}/stages/prod", rest_api_id=api_id,
                       deployment_id=deployment_id, web_acl_arn="",
                       invoke_url=f"https://{api_id}.execute-api.{REGION}.amazonaws.com/prod", tags_all={})
    tf = [{"type": "aws_api_gateway_rest_api", "name": "orders", "plan": api_plan,
           "unknown": {"id": None, "arn": None, "root_resource_id": None, "execution_arn": None},
           "state": api_state},
          {"type": "aws_api_gateway_deployment", "name": "orders", "plan": {"description": ""},
           "unknown": {"id": None, "rest_api_id": ref("aws_api_gateway_rest_api.orders")}, "state": dep_state},
          {"type": "aws_api_gateway_stage", "name": "prod", "plan": stage_plan,
           "unknown": {"id": None, "arn": None, "invoke_url": None, "web_acl_arn": None,
                       "rest_api_id": ref("aws_api_gateway_rest_api.orders"),
                       "deployment_id": ref("aws_api_gateway_deployment.orders")}, "state": stage_state}]
    cfn = {"OrdersApi": {"Type": "AWS::ApiGateway::RestApi",
                         "Properties": {"Name": "orders", "EndpointConfiguration": {"Types": ["REGIONAL"]}}},
           "OrdersDeployment": {"Type": "AWS::ApiGateway::Deployment",
                                "Properties": {"RestApiId": Ref("OrdersApi")}},
           "ProdStage": {"Type": "AWS::ApiGateway::Stage",
                         "Properties": {"RestApiId": Ref("OrdersApi"), "StageName": "prod",
                                        "DeploymentId": Ref("OrdersDeployment")}}}
    labels = {"aws_api_gateway_rest_api.orders": "api", "OrdersApi": "api", api_id: "api",
              "aws_api_gateway_stage.prod": "stage", "ProdStage": "stage", f"ags-{api_id}-prod": "stage",
              # a stage finding names "<api>/<stage>"
              "aws_api_gateway_rest_api.orders/prod": "stage", "OrdersApi/prod": "stage", f"{api_id}/prod": "stage"}
    fixture("api_gateway_stage", tf, cfn, labels)


def vpc_peering_route():
    prod_id, dev_id = VPC_ID, "vpc-0b2c3d4e5f6071829"
    pcx_id, rtb_id = "pcx-0123456789abcdef0", "rtb-0123456789abcdef0"
    peering_plan = {"auto_accept": True, "tags": {"Name": "prod-dev"}}
    peering_state = dict(peering_plan, id=pcx_id, vpc_id=prod_id, peer_vpc_id=dev_id, peer_owner_id=ACCOUNT,
                         peer_region=REGION, accept_status="active", tags_all={"Name": "prod-dev"})
    rtb_plan = {"tags": {}}
    rtb_state = {"id": rtb_id, "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:route-table/{rtb_id}", "vpc_id": prod_id,
                 "owner_id": ACCOUNT, "route": [], "propagating_vgws": [], "tags": {}, "tags_all": {}}
    route_plan = {"destination_cidr_block": "10.1.0.0/16"}
    route_state = dict(route_plan, id=f"r-{rtb_id}1080289494", route_table_id=rtb_id,
                       vpc_peering_connection_id=pcx_id, gateway_id="", nat_gateway_id="", origin="CreateRoute",
                       state="active")
    tf = [tf_vpc("prod", "10.0.0.0/16", prod_id, {"Environment": "prod"}),
          tf_vpc("dev", "10.1.0.0/16", dev_id, {"Environment": "dev"}),
          {"type": "aws_vpc_peering_connection", "name": "prod_dev", "plan": peering_plan,
           "unknown": {"id": None, "accept_status": None, "peer_owner_id": None, "peer_region": None,
                       "vpc_id": ref("aws_vpc.prod"), "peer_vpc_id": ref("aws_vpc.dev")}, "state": peering_state},
          {"type": "aws_route_table", "name": "prod", "plan": rtb_plan,
           "unknown": {"id": None, "arn": None, "owner_id": None, "route": None, "propagating_vgws": None,
                       "vpc_id": ref("aws_vpc.prod")}, "state": rtb_state},
          {"type": "aws_route", "name": "to_dev", "plan": route_plan,
           "unknown": {"id": None, "origin": None, "state": None, "route_table_id": ref("aws_route_table.prod"),
                       "vpc_peering_connection_id": ref("aws_vpc_peering_connection.prod_dev")},
           "state": route_state}]
    cfn = {"ProdVPC": cfn_vpc("10.0.0.0/16", {"Environment": "prod"}),
           "DevVPC": cfn_vpc("10.1.0.0/16", {"Environment": "dev"}),
           "ProdDevPeering": {"Type": "AWS::EC2::VPCPeeringConnection",
                              "Properties": {"VpcId": Ref("ProdVPC"), "PeerVpcId": Ref("DevVPC"),
                                             "Tags": [{"Key": "Name", "Value": "prod-dev"}]}},
           "ProdRoutes": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": Ref("ProdVPC")}},
           "ToDev": {"Type": "AWS::EC2::Route",
                     "Properties": {"RouteTableId": Ref("ProdRoutes"), "DestinationCidrBlock": "10.1.0.0/16",
                                    "VpcPeeringConnectionId": Ref("ProdDevPeering")}}}
    labels = {"aws_vpc.prod": "prod", "ProdVPC": "prod", prod_id: "prod",
              "aws_vpc.dev": "dev", "DevVPC": "dev", dev_id: "dev",
              "aws_vpc_peering_connection.prod_dev": "peering", "ProdDevPeering": "peering", pcx_id: "peering",
              "aws_route_table.prod": "routes", "ProdRoutes": "routes", rtb_id: "routes"}
    fixture("vpc_peering_route", tf, cfn, labels)


def main():
    security_group()
    network_acl()
    instance()
    vpc_flow_log()
    ebs_volume()
    load_balancer_waf()
    cloudfront()
    api_gateway_stage()
    vpc_peering_route()


if __name__ == "__main__":
    main()
