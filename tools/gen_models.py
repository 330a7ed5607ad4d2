#!/usr/bin/env python3
"""Extracts the operations posture uses from botocore's service models.

Reads src/aws/models/operations.txt, and for each service writes
src/aws/models/<service>.json holding the service metadata, the listed
operations, every shape they reach (documentation stripped) and their
paginators. Run it by hand after changing operations.txt; the output is
committed so that builds need no Python or botocore.
"""
import gzip
import json
import os
import sys

SUPPORTED_PROTOCOLS = ["query", "ec2", "json", "rest-json", "rest-xml"]
# Paginated operations botocore ships no paginator for; without these a
# second page would be silently dropped.
EXTRA_PAGINATORS = {
    "wafv2": {
        "ListWebACLs": {"input_token": "NextMarker", "output_token": "NextMarker",
                        "limit_key": "Limit", "result_key": "WebACLs"},
    },
    "cloudtrail": {
        "ListTrails": {"input_token": "NextToken", "output_token": "NextToken", "result_key": "Trails"},
    },
}
DROP_KEYS = {"documentation", "documentationUrl", "examples", "deprecatedMessage"}


def botocore_data_dir():
    import botocore
    return os.path.join(os.path.dirname(botocore.__file__), "data")


def latest_version_dir(data, service):
    versions = sorted(os.listdir(os.path.join(data, service)))
    versions = [v for v in versions if v[:1].isdigit()]
    return os.path.join(data, service, versions[-1])


def load(path):
    if os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz") as f:
            return json.load(f)
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return {}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROP_KEYS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def reach(shapes, name, seen):
    if name in seen:
        return
    seen.add(name)
    shape = shapes[name]
    for key in ("member", "key", "value"):
        if key in shape:
            reach(shapes, shape[key]["shape"], seen)
    for member in shape.get("members", {}).values():
        reach(shapes, member["shape"], seen)


def choose_protocol(meta):
    candidates = meta.get("protocols") or [meta["protocol"]]
    if meta["protocol"] in SUPPORTED_PROTOCOLS:
        return meta["protocol"]
    # Prefer query over json for services that offer both (CloudWatch).
    for p in ["query"] + SUPPORTED_PROTOCOLS:
        if p in candidates:
            return p
    sys.exit(f"{meta.get('serviceId')}: no supported protocol in {candidates}")


def generate(service, operations, data, out_dir):
    vdir = latest_version_dir(data, service)
    model = load(os.path.join(vdir, "service-2.json"))
    pages = load(os.path.join(vdir, "paginators-1.json")).get("pagination", {})
    pages.update(EXTRA_PAGINATORS.get(service, {}))
    meta = dict(model["metadata"])
    meta["protocol"] = choose_protocol(meta)
    if meta["protocol"] == "json" and "jsonVersion" not in meta:
        meta["jsonVersion"] = "1.0"
    seen = set()
    ops = {}
    for op in operations:
        if op not in model["operations"]:
            sys.exit(f"{service}: no operation {op}")
        spec = strip(model["operations"][op])
        ops[op] = spec
        for io in ("input", "output"):
            if io in spec:
                reach(model["shapes"], spec[io]["shape"], seen)
        for err in spec.get("errors", []):
            reach(model["shapes"], err["shape"], seen)
    shapes = {name: strip(model["shapes"][name]) for name in sorted(seen)}
    out = {
        "service": service,
        "metadata": strip(meta),
        "operations": ops,
        "shapes": shapes,
        "paginators": {op: pages[op] for op in operations if op in pages},
    }
    with open(os.path.join(out_dir, service + ".json"), "w") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    models = os.path.join(here, "..", "src", "aws", "models")
    data = botocore_data_dir()
    with open(os.path.join(models, "operations.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            service, ops = line.split(":", 1)
            generate(service.strip(), ops.split(), data, models)


if __name__ == "__main__":
    main()
