#!/usr/bin/env python3
"""Writes vulnerable/plan.json and fixed/plan.json: what `terraform show -json tfplan`
prints for the main.tf beside each (Terraform is not needed to run the examples).
Values Terraform only knows after apply are listed in after_unknown, and the
configuration section carries the references between resources, as in a real plan."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def resource(address, rtype, name, after, unknown=None, module=None, refs=None):
    """One resource: its resource_changes entry and its configuration entry."""
    unknown = unknown or {}
    change = {
        "address": address,
        "mode": "managed",
        "type": rtype,
        "name": name,
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {
            "actions": ["create"],
            "before": None,
            "after": after,
            "after_unknown": dict(unknown, id=True, arn=True) if rtype != "aws_s3_bucket_policy" else dict(unknown, id=True),
            "before_sensitive": False,
            "after_sensitive": {},
        },
    }
    if module:
        change["module_address"] = module
    expressions = {}
    for attr, targets in (refs or {}).items():
        expressions[attr] = {"references": [t for target in targets for t in (target + ".id", target)]}
    config = {"address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
              "provider_config_key": "aws", "expressions": expressions, "schema_version": 0}
    return change, config


def plan(resources, module_resources, module_source):
    changes = [c for c, _ in resources] + [c for c, _ in module_resources]
    planned_root = [{"address": c["address"], "mode": "managed", "type": c["type"], "name": c["name"],
                     "provider_name": c["provider_name"], "schema_version": 0, "values": c["change"]["after"],
                     "sensitive_values": {}} for c, _ in resources]
    planned_module = [{"address": c["address"], "mode": "managed", "type": c["type"], "name": c["name"],
                       "provider_name": c["provider_name"], "schema_version": 0, "values": c["change"]["after"],
                       "sensitive_values": {}} for c, _ in module_resources]
    return {
        "format_version": "1.2",
        "terraform_version": "1.6.6",
        "planned_values": {"root_module": {"resources": planned_root, "child_modules": [
            {"address": "module.network", "resources": planned_module}]}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
                                        "expressions": {"region": {"constant_value": "eu-west-1"}}}},
            "root_module": {
                "resources": [c for _, c in resources],
                "module_calls": {"network": {"source": "./modules/network",
                                             "module": {"resources": [c for _, c in module_resources]}}},
            },
        },
        "timestamp": "2026-11-30T12:00:00Z",
        "applyable": True,
        "complete": True,
        "errored": False,
    }


def rule(port, cidrs, protocol="tcp", description=""):
    return {"cidr_blocks": cidrs, "description": description, "from_port": port, "ipv6_cidr_blocks": [],
            "prefix_list_ids": [], "protocol": protocol, "security_groups": [], "self": False, "to_port": port}


def estate(fixed):
    admin = ["10.0.0.0/8"] if fixed else ["0.0.0.0/0"]
    egress = [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 0, "ipv6_cidr_blocks": [],
               "prefix_list_ids": [], "protocol": "-1", "security_groups": [], "self": False, "to_port": 0}]
    policy_statements = [{"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                          "Resource": ["arn:aws:s3:::acme-example-data", "arn:aws:s3:::acme-example-data/*"],
                          "Condition": {"Bool": {"aws:SecureTransport": "false"}}}] if fixed else [
        {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::acme-example-data/*"}]
    admin_policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["ec2:Describe*", "s3:ListBucket"], "Resource": "*"}] if fixed else [
        {"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    root = [
        resource("aws_vpc.main", "aws_vpc", "main",
                 {"cidr_block": "10.0.0.0/16", "enable_dns_support": True, "tags": {"Name": "main"}}),
        resource("aws_security_group.web", "aws_security_group", "web",
                 {"name": "web", "description": "web servers", "ingress": [rule(443, ["0.0.0.0/0"]), rule(22, admin)],
                  "egress": egress, "tags": {"Name": "web"}, "revoke_rules_on_delete": False},
                 unknown={"vpc_id": True, "owner_id": True}, refs={"vpc_id": ["aws_vpc.main"]}),
        resource("aws_instance.web", "aws_instance", "web",
                 dict({"ami": "ami-0123456789abcdef0", "instance_type": "t3.micro",
                       "associate_public_ip_address": not fixed, "tags": {"Name": "web"}},
                      **({"metadata_options": [{"http_endpoint": "enabled", "http_tokens": "required",
                                                "http_put_response_hop_limit": 1}],
                          "iam_instance_profile": "web"} if fixed else {})),
                 unknown={"vpc_security_group_ids": True, "subnet_id": True, "public_ip": True,
                          **({} if fixed else {"metadata_options": True})},
                 refs={"vpc_security_group_ids": ["aws_security_group.web"]}),
        resource("aws_s3_bucket.data", "aws_s3_bucket", "data",
                 {"bucket": "acme-example-data", "force_destroy": False, "tags": {"Name": "data"}}),
        resource("aws_s3_bucket_policy.data", "aws_s3_bucket_policy", "data",
                 {"bucket": "acme-example-data",
                  "policy": json.dumps({"Version": "2012-10-17", "Statement": policy_statements})},
                 refs={"bucket": ["aws_s3_bucket.data"]}),
        resource("aws_db_instance.main", "aws_db_instance", "main",
                 {"identifier": "orders", "engine": "postgres", "instance_class": "db.t3.micro",
                  "allocated_storage": 20, "storage_encrypted": fixed, "publicly_accessible": not fixed,
                  "auto_minor_version_upgrade": True, "multi_az": fixed,
                  "tags": {"Environment": "production"} if fixed else {
                      "Environment": "production",
                      "posture:ignore:rds_instance_multi_az": "single-AZ accepted until the Q3 migration (SEC-42)"}}),
        resource("aws_iam_policy.deploy", "aws_iam_policy", "deploy",
                 {"name": "deploy", "path": "/", "policy": json.dumps(admin_policy)}),
        resource("aws_iam_role.deploy", "aws_iam_role", "deploy",
                 {"name": "deploy", "path": "/", "assume_role_policy": json.dumps({
                     "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                             "Principal": {"Service": "ec2.amazonaws.com"}}]})}),
        resource("aws_iam_role_policy_attachment.deploy", "aws_iam_role_policy_attachment", "deploy",
                 {"role": "deploy"}, unknown={"policy_arn": True},
                 refs={"policy_arn": ["aws_iam_policy.deploy"], "role": ["aws_iam_role.deploy"]}),
        resource("aws_kms_key.data", "aws_kms_key", "data",
                 {"description": "data key", "enable_key_rotation": fixed, "is_enabled": True,
                  "customer_master_key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT"}),
    ]
    # New buckets have Block Public Access on; a public bucket turns it off explicitly.
    root.append(resource("aws_s3_bucket_public_access_block.data", "aws_s3_bucket_public_access_block", "data",
                         {"bucket": "acme-example-data", "block_public_acls": fixed, "block_public_policy": fixed,
                          "ignore_public_acls": fixed, "restrict_public_buckets": fixed},
                         refs={"bucket": ["aws_s3_bucket.data"]}))
    if fixed:
        root += [
            resource("aws_flow_log.main", "aws_flow_log", "main",
                     {"traffic_type": "ALL", "log_destination_type": "s3",
                      "log_destination": "arn:aws:s3:::acme-example-flow-logs"},
                     unknown={"vpc_id": True}, refs={"vpc_id": ["aws_vpc.main"]}),
        ]
    db_ingress = [rule(5432, ["10.0.0.0/16"])] if fixed else [rule(5432, ["0.0.0.0/0"])]
    module = [
        resource("module.network.aws_security_group.database", "aws_security_group", "database",
                 {"name": "database", "description": "database", "ingress": db_ingress, "egress": [],
                  "tags": {"Name": "database"},
                  "revoke_rules_on_delete": False},
                 unknown={"vpc_id": True, "owner_id": True}, module="module.network"),
    ]
    return plan(root, module, "./modules/network")


for name, fixed in (("vulnerable", False), ("fixed", True)):
    os.makedirs(os.path.join(HERE, name), exist_ok=True)
    with open(os.path.join(HERE, name, "plan.json"), "w") as out:
        json.dump(estate(fixed), out, indent=1)
        out.write("\n")
