#!/usr/bin/env python3
"""What the conformance fixture generators share (network/, storage/ generate_conformance.py):
CloudFormation short tags, JSON and YAML writers, and `fixture`, which writes one resource set
as a `terraform show -json` plan and state, a CloudFormation JSON and YAML template and labels.json."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "conformance")
PROVIDER = "registry.terraform.io/hashicorp/aws"
ACCOUNT = "123456789012"
REGION = "us-east-1"


class Tag:
    """A CloudFormation short-form tag: !Ref X, !GetAtt X.Y."""

    def __init__(self, name, value):
        self.name, self.value = name, value

    def long_form(self):
        if self.name == "!Ref":
            return {"Ref": self.value}
        return {"Fn::GetAtt": self.value.split(".", 1)}


def Ref(x):
    return Tag("!Ref", x)


def GetAtt(x):
    return Tag("!GetAtt", x)


def cfn_json(value):
    if isinstance(value, Tag):
        return value.long_form()
    if isinstance(value, dict):
        return {k: cfn_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [cfn_json(v) for v in value]
    return value


def yaml_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Tag):
        return f"{value.name} {value.value}"
    text = str(value)
    special = ":#{}[],&*!|>'\"%@`"
    if (text == "" or any(c in text for c in special) or text.strip() != text
            or text.lower() in ("true", "false", "yes", "no", "null", "on", "off")
            or text.lstrip("-").replace(".", "").isdigit() or (text[0].isdigit() and "-" in text)):
        return json.dumps(text)
    return text


def yaml_key(key):
    return json.dumps(key) if any(c in key for c in ":#{}[],&*!|>'\"%@` ") else key


def yaml_lines(value, indent):
    pad = "  " * indent
    lines = []
    if isinstance(value, dict):
        for k, v in value.items():
            key = yaml_key(k)
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{key}:")
                lines += yaml_lines(v, indent + 1)
            elif isinstance(v, dict):
                lines.append(f"{pad}{key}: {{}}")
            elif isinstance(v, list):
                lines.append(f"{pad}{key}: []")
            else:
                lines.append(f"{pad}{key}: {yaml_scalar(v)}")
    else:
        for v in value:
            if isinstance(v, (dict, list)) and v:
                sub = yaml_lines(v, indent + 1)
                lines.append(f"{pad}- {sub[0].strip()}")
                lines += sub[1:]
            else:
                lines.append(f"{pad}- {yaml_scalar(v)}")
    return lines


def write(key, name, text):
    os.makedirs(os.path.join(OUT, key), exist_ok=True)
    with open(os.path.join(OUT, key, name), "w") as f:
        f.write(text)


def expressions(values, unknown):
    out = {}
    for k, v in values.items():
        if v is None:
            continue
        if isinstance(v, list) and v and isinstance(v[0], dict):
            out[k] = [{bk: {"constant_value": bv} for bk, bv in block.items()} for block in v]
        else:
            out[k] = {"constant_value": v}
    for k, refs in unknown.items():
        if refs:
            out[k] = {"references": refs}
    return out


def fixture(key, tf, cfn, labels):
    """tf: list of {type, name, plan (known after values), unknown {attr: [refs] or None}, state}."""
    planned, changes, config, state = [], [], [], []
    for r in tf:
        address = f"{r['type']}.{r['name']}"
        common = {"address": address, "mode": "managed", "type": r["type"], "name": r["name"],
                  "provider_name": PROVIDER}
        after_unknown = {k: True for k in r.get("unknown", {})}
        planned.append(dict(common, schema_version=0, values=r["plan"], sensitive_values={}))
        changes.append(dict(common, change={"actions": ["create"], "before": None, "after": r["plan"],
                                            "after_unknown": after_unknown, "before_sensitive": False,
                                            "after_sensitive": {}}))
        config.append({"address": address, "mode": "managed", "type": r["type"], "name": r["name"],
                       "provider_config_key": "aws",
                       "expressions": expressions(r["plan"], r.get("unknown", {})), "schema_version": 0})
        state.append(dict(common, schema_version=0, values=r["state"], sensitive_values={}))
    plan = {"format_version": "1.2", "terraform_version": "1.7.5",
            "planned_values": {"root_module": {"resources": planned}},
            "resource_changes": changes,
            "configuration": {"provider_config": {"aws": {"name": "aws", "full_name": PROVIDER,
                                                          "expressions": {"region": {"constant_value": REGION}}}},
                              "root_module": {"resources": config}},
            "timestamp": "2026-12-01T00:00:00Z", "errored": False}
    st = {"format_version": "1.0", "terraform_version": "1.7.5", "values": {"root_module": {"resources": state}}}
    template = {"AWSTemplateFormatVersion": "2010-09-09", "Description": f"posture conformance: {key}",
                "Resources": cfn}
    write(key, "plan.json", json.dumps(plan, indent=2) + "\n")
    write(key, "state.json", json.dumps(st, indent=2) + "\n")
    write(key, "template.json", json.dumps(cfn_json(template), indent=2) + "\n")
    write(key, "template.yaml", "\n".join(yaml_lines(template, 0)) + "\n")
    write(key, "labels.json", json.dumps(labels, indent=2, sort_keys=True) + "\n")


def ref(address, attr="id"):
    return [f"{address}.{attr}", address]

