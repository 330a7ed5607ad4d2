#!/usr/bin/env python3
"""Generates a realistic `terraform show -json tfplan` document for benchmarks.

N resource instances spread over nested modules: the root calls
module.region_<r> ("./modules/region"), each of which calls module.app_<a>
("../app"); every app module holds five resource kinds with `count`:
aws_security_group (ingress/egress blocks), aws_instance, aws_s3_bucket,
aws_iam_role and aws_db_instance. Actions mix create (values partly unknown,
references in configuration), no-op and update (known values, in
prior_state) and delete. The document has planned_values, resource_changes,
prior_state and configuration like Terraform's, written compactly as
`terraform show -json` does.

Usage: gen_plan.py N OUT.json [--regions R] [--apps A]
"""
import argparse
import json
import random

KINDS = ["aws_security_group", "aws_instance", "aws_s3_bucket", "aws_iam_role", "aws_db_instance"]
NAMES = {"aws_security_group": "web", "aws_instance": "web", "aws_s3_bucket": "data", "aws_iam_role": "app",
         "aws_db_instance": "db"}
PROVIDER = "registry.terraform.io/hashicorp/aws"
ASSUME = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]},
    separators=(",", ":"))


def hexid(rng, n=17):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def rule(from_port, to_port, cidrs, description):
    return {"cidr_blocks": cidrs, "description": description, "from_port": from_port, "ipv6_cidr_blocks": [],
            "prefix_list_ids": [], "protocol": "tcp", "security_groups": [], "self": False, "to_port": to_port}


def known_values(kind, label, rng, tags):
    """The values of an existing resource (state, no-op, update)."""
    sg_id = "sg-" + hexid(rng)
    if kind == "aws_security_group":
        return {"arn": "arn:aws:ec2:eu-west-1:123456789012:security-group/" + sg_id, "description": "web " + label,
                "egress": [rule(0, 0, ["0.0.0.0/0"], "all out")], "id": sg_id,
                "ingress": [rule(443, 443, ["0.0.0.0/0"], "https"), rule(22, 22, ["10.0.0.0/8"], "ssh from vpn"),
                            rule(5432, 5432, ["10.20.0.0/16"], "postgres")],
                "name": "web-" + label, "name_prefix": "", "owner_id": "123456789012",
                "revoke_rules_on_delete": False, "tags": tags, "tags_all": tags, "timeouts": None,
                "vpc_id": "vpc-" + hexid(rng)}
    if kind == "aws_instance":
        iid = "i-" + hexid(rng)
        return {"ami": "ami-0123456789abcdef0", "arn": "arn:aws:ec2:eu-west-1:123456789012:instance/" + iid,
                "associate_public_ip_address": False, "availability_zone": "eu-west-1a", "ebs_optimized": True,
                "id": iid, "instance_type": "m6i.large", "key_name": "", "monitoring": True,
                "metadata_options": [{"http_endpoint": "enabled", "http_put_response_hop_limit": 1,
                                      "http_tokens": "required", "instance_metadata_tags": "disabled"}],
                "root_block_device": [{"delete_on_termination": True, "encrypted": True, "iops": 3000,
                                       "kms_key_id": "", "throughput": 125, "volume_size": 50,
                                       "volume_type": "gp3"}],
                "private_ip": "10.0.%d.%d" % (rng.randrange(256), rng.randrange(256)), "public_ip": "",
                "subnet_id": "subnet-" + hexid(rng), "tags": tags, "tags_all": tags, "user_data": None,
                "vpc_security_group_ids": [sg_id]}
    if kind == "aws_s3_bucket":
        name = "acme-data-" + label
        return {"acceleration_status": "", "arn": "arn:aws:s3:::" + name, "bucket": name,
                "bucket_domain_name": name + ".s3.amazonaws.com", "force_destroy": False,
                "hosted_zone_id": "Z1BKCTXD74EZPE", "id": name, "object_lock_enabled": False, "policy": "",
                "region": "eu-west-1", "request_payer": "BucketOwner",
                "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [
                    {"kms_master_key_id": "", "sse_algorithm": "AES256"}], "bucket_key_enabled": False}]}],
                "tags": tags, "tags_all": tags, "versioning": [{"enabled": True, "mfa_delete": False}]}
    if kind == "aws_iam_role":
        name = "app-" + label
        return {"arn": "arn:aws:iam::123456789012:role/" + name, "assume_role_policy": ASSUME,
                "create_date": "2026-01-01T00:00:00Z", "description": "application role", "force_detach_policies": False,
                "id": name, "inline_policy": [], "managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                "max_session_duration": 3600, "name": name, "path": "/", "permissions_boundary": "",
                "tags": tags, "tags_all": tags, "unique_id": "AROA" + hexid(rng).upper()}
    ident = "db-" + label
    return {"address": ident + ".abc.eu-west-1.rds.amazonaws.com", "allocated_storage": 100,
            "arn": "arn:aws:rds:eu-west-1:123456789012:db:" + ident, "auto_minor_version_upgrade": True,
            "backup_retention_period": 7, "db_subnet_group_name": "main", "deletion_protection": True,
            "engine": "postgres", "engine_version": "15.4", "id": ident, "identifier": ident,
            "instance_class": "db.r6g.large", "kms_key_id": "arn:aws:kms:eu-west-1:123456789012:key/" + hexid(rng, 32),
            "multi_az": True, "password": None, "publicly_accessible": False, "storage_encrypted": True,
            "storage_type": "gp3", "tags": tags, "tags_all": tags, "username": "app",
            "vpc_security_group_ids": [sg_id]}


# Attributes unknown when a resource is created.
COMPUTED = {
    "aws_security_group": ["arn", "id", "owner_id", "vpc_id"],
    "aws_instance": ["arn", "id", "private_ip", "public_ip", "subnet_id", "vpc_security_group_ids",
                     "availability_zone"],
    "aws_s3_bucket": ["arn", "bucket_domain_name", "hosted_zone_id", "id", "region", "policy",
                      "server_side_encryption_configuration", "versioning"],
    "aws_iam_role": ["arn", "create_date", "id", "unique_id", "managed_policy_arns", "inline_policy"],
    "aws_db_instance": ["address", "arn", "id", "kms_key_id", "vpc_security_group_ids"],
}


def created(values, kind):
    after = {k: v for k, v in values.items() if k not in COMPUTED[kind] and k != "tags_all"}
    unknown = {k: True for k in COMPUTED[kind]}
    unknown["tags_all"] = {}
    if kind == "aws_security_group":
        unknown["ingress"] = [{"cidr_blocks": [False], "ipv6_cidr_blocks": [], "prefix_list_ids": [],
                               "security_groups": []} for _ in values["ingress"]]
    if kind == "aws_instance":
        unknown["metadata_options"] = [{}]
        unknown["root_block_device"] = [{"device_name": True, "volume_id": True}]
    return after, unknown


def sensitive(kind):
    return {"password": True} if kind == "aws_db_instance" else {}


def config_module(apps):
    """The configuration of one app module (resources with count and expressions)."""
    resources = []
    for kind in KINDS:
        name = NAMES[kind]
        expressions = {"tags": {"references": ["local.tags"]}}
        if kind == "aws_security_group":
            expressions.update({"name": {"references": ["var.name", "count.index"]},
                                "vpc_id": {"references": ["var.vpc_id"]},
                                "ingress": {"constant_value": [{"from_port": 443, "to_port": 443}]}})
        elif kind == "aws_instance":
            expressions.update({"ami": {"constant_value": "ami-0123456789abcdef0"},
                                "instance_type": {"constant_value": "m6i.large"},
                                "vpc_security_group_ids": {"references": ["aws_security_group.web.id",
                                                                          "aws_security_group.web"]},
                                "metadata_options": [{"http_tokens": {"constant_value": "required"}}]})
        elif kind == "aws_s3_bucket":
            expressions.update({"bucket": {"references": ["var.name", "count.index"]}})
        elif kind == "aws_iam_role":
            expressions.update({"assume_role_policy": {"constant_value": ASSUME}})
        else:
            expressions.update({"engine": {"constant_value": "postgres"},
                                "storage_encrypted": {"constant_value": True},
                                "vpc_security_group_ids": {"references": ["aws_security_group.web.id",
                                                                          "aws_security_group.web"]}})
        resources.append({"address": kind + "." + name, "mode": "managed", "type": kind, "name": name,
                          "provider_config_key": "aws", "expressions": expressions, "schema_version": 1,
                          "count_expression": {"references": ["var.instances"]}})
    return {"resources": resources, "variables": {"name": {}, "vpc_id": {}, "instances": {}}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--regions", type=int, default=4)
    parser.add_argument("--apps", type=int, default=25)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    modules = [("module.region_%d" % r, "module.region_%d.module.app_%d" % (r, a))
               for r in range(args.regions) for a in range(args.apps)]
    per_module = max(1, args.count // (len(modules) * len(KINDS)))
    dump = lambda value: json.dumps(value, separators=(",", ":"))

    changes, planned, prior = [], {}, {}
    written = 0
    for parent, module in modules:
        for kind in KINDS:
            for index in range(per_module):
                if written >= args.count:
                    break
                written += 1
                name = NAMES[kind]
                address = "%s.%s.%s[%d]" % (module, kind, name, index)
                label = "%s-%d" % (module.replace("module.", "").replace(".", "-"), index)
                tags = {"Name": label, "env": "prod", "team": "platform"}
                if index % 50 == 7:
                    tags["posture:ignore:ec2_sg_no_admin_ports_from_internet_ipv4"] = "reviewed in SEC-12"
                values = known_values(kind, label, rng, tags)
                roll = rng.random()
                head = {"address": address, "module_address": module, "mode": "managed", "type": kind,
                        "name": name, "index": index, "provider_name": PROVIDER}
                if roll < 0.6:
                    after, unknown = created(values, kind)
                    change = {"actions": ["create"], "before": None, "after": after, "after_unknown": unknown,
                              "before_sensitive": False, "after_sensitive": sensitive(kind)}
                    planned_values = after
                elif roll < 0.98:
                    after = dict(values)
                    if roll >= 0.9:
                        after["tags"] = dict(tags, owner="sre")
                    actions = ["no-op"] if roll < 0.9 else ["update"]
                    change = {"actions": actions, "before": values, "after": after, "after_unknown": {},
                              "before_sensitive": sensitive(kind), "after_sensitive": sensitive(kind)}
                    planned_values = after
                    prior.setdefault(module, []).append(
                        {"address": address, "mode": "managed", "type": kind, "name": name, "index": index,
                         "provider_name": PROVIDER, "schema_version": 1, "values": values,
                         "sensitive_values": {}})
                else:
                    change = {"actions": ["delete"], "before": values, "after": None, "after_unknown": {},
                              "before_sensitive": sensitive(kind), "after_sensitive": False}
                    planned_values = None
                    prior.setdefault(module, []).append(
                        {"address": address, "mode": "managed", "type": kind, "name": name, "index": index,
                         "provider_name": PROVIDER, "schema_version": 1, "values": values,
                         "sensitive_values": {}})
                changes.append(dump(dict(head, change=change)))
                if planned_values is not None:
                    planned.setdefault(module, []).append(dump(
                        {"address": address, "mode": "managed", "type": kind, "name": name, "index": index,
                         "provider_name": PROVIDER, "schema_version": 1, "values": planned_values,
                         "sensitive_values": {}}))

    def module_tree(resources_by_module, encode):
        regions = []
        for r in range(args.regions):
            parent = "module.region_%d" % r
            children = []
            for a in range(args.apps):
                module = "%s.module.app_%d" % (parent, a)
                items = resources_by_module.get(module, [])
                children.append('{"address":%s,"resources":[%s]}' % (dump(module), ",".join(encode(i) for i in items)))
            regions.append('{"address":%s,"child_modules":[%s]}' % (dump(parent), ",".join(children)))
        return '{"root_module":{"child_modules":[%s]}}' % ",".join(regions)

    app_config = dump(config_module(args.apps))
    region_calls = ",".join('"app_%d":{"source":"../app","expressions":{"instances":{"constant_value":%d}},'
                            '"module":%s}' % (a, per_module, app_config) for a in range(args.apps))
    region_module = '{"module_calls":{%s}}' % region_calls
    root_calls = ",".join('"region_%d":{"source":"./modules/region","module":%s}' % (r, region_module)
                          for r in range(args.regions))
    configuration = ('{"provider_config":{"aws":{"name":"aws","full_name":"%s","expressions":{"region":'
                     '{"constant_value":"eu-west-1"}}}},"root_module":{"module_calls":{%s}}}' % (PROVIDER, root_calls))

    with open(args.out, "w") as out:
        out.write('{"format_version":"1.2","terraform_version":"1.6.6","variables":{"env":{"value":"prod"}},')
        out.write('"planned_values":' + module_tree(planned, lambda item: item) + ",")
        out.write('"resource_changes":[' + ",".join(changes) + "],")
        out.write('"prior_state":{"format_version":"1.0","terraform_version":"1.6.6","values":'
                  + module_tree(prior, dump) + "},")
        out.write('"configuration":' + configuration + ",")
        out.write('"timestamp":"2026-11-30T12:00:00Z","errored":false}')
    print("wrote %d resources to %s" % (written, args.out))


if __name__ == "__main__":
    main()
