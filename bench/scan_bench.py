#!/usr/bin/env python3
"""Benchmarks `posture scan` against a generated moto estate.

Starts moto_server on a free loopback port, generates the DESIGN.md estate
at the requested scale in two regions (scale 1: 3 VPCs, 10 security groups,
10 instances, 20 users, 4 policies, 2 ALBs, 4 buckets), then runs
`posture scan --format json` several times and reports wall time, CPU time,
peak RSS and API requests. Needs boto3 and moto_server (developer machines).

--latency-ms adds simulated network latency: for each N > 0 the estate is
still generated directly against moto, but posture's AWS_ENDPOINT_URL points
at bench/latency_proxy.py, a loopback proxy that holds every response back
N ms (the round trip to AWS). Each scale is measured once per latency, on
the same estate, and each row names its latency (0 = no proxy).

usage: bench/scan_bench.py [--posture build/src/posture] [--scale 1 10] [--runs 3]
                           [--latency-ms 0 100]
"""
import argparse
import json
import os
import tempfile
import socket
import subprocess
import sys
import time
import urllib.request

sys.dont_write_bytecode = True  # importing the sibling module must not leave bench/__pycache__ behind
from latency_proxy import LatencyProxy  # noqa: E402

REGIONS = ["us-east-1", "eu-west-1"]
ADMIN = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
READ = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}'


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto():
    port = free_port()
    env = dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true")
    proc = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    sys.exit("moto_server did not start")


def generate(url, scale):
    import boto3
    kw = dict(endpoint_url=url, aws_access_key_id="AKIABENCH", aws_secret_access_key="bench")
    iam = boto3.client("iam", region_name="us-east-1", **kw)
    s3 = boto3.client("s3", region_name="us-east-1", **kw)
    iam.update_account_password_policy(MinimumPasswordLength=8)
    policies = [iam.create_policy(PolicyName=f"p{i}", PolicyDocument=ADMIN if i % 2 else READ)["Policy"]["Arn"]
                for i in range(4 * scale)]
    for i in range(20 * scale):
        iam.create_user(UserName=f"user{i}")
        if i % 2:
            iam.create_login_profile(UserName=f"user{i}", Password="Bench-Passw0rd!")
        iam.attach_user_policy(UserName=f"user{i}", PolicyArn=policies[i % len(policies)])
    for i in range(4 * scale):
        s3.create_bucket(Bucket=f"posture-bench-{i}")
    per_region = lambda n: max(1, n * scale // len(REGIONS))
    for region in REGIONS:
        ec2 = boto3.client("ec2", region_name=region, **kw)
        elb = boto3.client("elbv2", region_name=region, **kw)
        vpcs = []
        for v in range(per_region(3)):
            vpc = ec2.create_vpc(CidrBlock=f"10.{v}.0.0/16")["Vpc"]["VpcId"]
            subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.{v}.{s}.0/24",
                                         AvailabilityZone=f"{region}{'ab'[s]}")["Subnet"]["SubnetId"] for s in range(2)]
            vpcs.append((vpc, subnets))
        groups = []
        for g in range(per_region(10)):
            vpc, _ = vpcs[g % len(vpcs)]
            gid = ec2.create_security_group(GroupName=f"sg{g}", Description="bench", VpcId=vpc)["GroupId"]
            cidr = "0.0.0.0/0" if g % 3 == 0 else "10.0.0.0/8"
            ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": cidr}]}])
            groups.append((gid, vpc))
        for i in range(per_region(10)):
            gid, vpc = groups[i % len(groups)]
            subnet = dict(vpcs)[vpc][0]
            ec2.run_instances(ImageId="ami-03cf127a", MinCount=1, MaxCount=1, NetworkInterfaces=[
                {"DeviceIndex": 0, "SubnetId": subnet, "Groups": [gid], "AssociatePublicIpAddress": i % 2 == 0}])
        for a in range(per_region(2)):
            vpc, subnets = vpcs[a % len(vpcs)]
            elb.create_load_balancer(Name=f"alb{a}", Subnets=subnets, Scheme="internet-facing", Type="application")


def cpu_seconds(pid):
    """User + system CPU seconds a process has used so far (from /proc)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(posture, url, runs, scan_args=None, server_pid=None):
    """Runs the scan `runs` times; with `server_pid`, also the CPU the AWS
    emulator spent serving each run (moto is one Python process: when its CPU
    is close to the wall time, moto is the bottleneck, not posture)."""
    scan_args = scan_args or ["--region", ",".join(REGIONS)]
    env = dict(os.environ, AWS_ENDPOINT_URL=url, AWS_ACCESS_KEY_ID="AKIABENCH", AWS_SECRET_ACCESS_KEY="bench",
               AWS_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/dev/null",
               AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    rows = []
    for _ in range(runs):
        with tempfile.TemporaryFile() as out:
            server_cpu = cpu_seconds(server_pid) if server_pid else 0.0
            start = time.monotonic()
            proc = subprocess.Popen([posture, "scan", *scan_args, "--format", "json"],
                                    env=env, stdout=out, stderr=subprocess.DEVNULL)
            peak_kb = 0
            while True:
                # ru_maxrss of a child includes this (large) Python process
                # it was forked from, so sample the child's own high-water mark.
                try:
                    with open(f"/proc/{proc.pid}/status") as f:
                        for line in f:
                            if line.startswith("VmHWM:"):
                                peak_kb = max(peak_kb, int(line.split()[1]))
                except OSError:
                    pass
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                time.sleep(0.002)
            wall = time.monotonic() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode not in (0, 3):
                sys.exit(f"scan failed with exit code {proc.returncode}")
            out.seek(0)
            report = json.loads(out.read())
        rows.append({"wall_s": wall,
                     "server_cpu_s": (cpu_seconds(server_pid) - server_cpu) if server_pid else None,
                     "cpu_s": usage.ru_utime + usage.ru_stime,
                     "peak_rss_mb": peak_kb / 1024.0,
                     "findings": len(report["findings"]),
                     "errors": len(report["errors"])})
    return rows


def requests_of(posture, url, scan_args=None):
    scan_args = scan_args or ["--region", ",".join(REGIONS)]
    env = dict(os.environ, AWS_ENDPOINT_URL=url, AWS_ACCESS_KEY_ID="AKIABENCH", AWS_SECRET_ACCESS_KEY="bench",
               AWS_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", NO_COLOR="1")
    out = subprocess.run([posture, "scan", *scan_args], env=env,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "API requests" in line:
            return int(line.split(",")[-1].split()[0])
    return -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posture", default="build/src/posture")
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--latency-ms", type=int, nargs="+", default=[0],
                        help="added to every response via bench/latency_proxy.py; 0 = direct to moto")
    args = parser.parse_args()
    if any(ms < 0 for ms in args.latency_ms):
        parser.error("--latency-ms must be >= 0")
    for scale in args.scale:
        proc, moto_url = start_moto()
        try:
            generate(moto_url, scale)
            for latency_ms in args.latency_ms:
                proxy = LatencyProxy(moto_url, latency_ms) if latency_ms > 0 else None
                url = proxy.start() if proxy else moto_url
                try:
                    rows = measure(args.posture, url, args.runs)
                    requests = requests_of(args.posture, url)
                finally:
                    if proxy:
                        proxy.stop()
                best = min(rows, key=lambda r: r["wall_s"])
                runs = ", ".join("%.2f" % r["wall_s"] for r in rows)
                print(f"scale {scale}, latency {latency_ms} ms: wall {best['wall_s']:.2f} s (runs: {runs}), "
                      f"cpu {best['cpu_s']:.2f} s, "
                      f"peak RSS {max(r['peak_rss_mb'] for r in rows):.1f} MB (runs: {', '.join('%.1f' % r['peak_rss_mb'] for r in rows)}), requests {requests}, "
                      f"findings {best['findings']}, errors {best['errors']}", flush=True)
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
