#!/usr/bin/env python3
"""`posture iac` on a generated Terraform plan: throughput and peak memory.

Generates (once) a plan JSON with N resources spread over nested modules with
bench/gen_plan.py, then runs the posture binary on it and reports the file
size, wall time, MB/s and peak RSS (and RSS as a multiple of the file size).

  python3 bench/iac_bench.py [--resources 100000] [--binary build/src/posture]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def measure(cmd):
    start = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    return proc.returncode, wall, cpu, rss_kb * 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=100000)
    parser.add_argument("--binary", default=os.path.join(HERE, "..", "build", "src", "posture"))
    parser.add_argument("--plan", help="use this plan instead of generating one")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    plan = args.plan or os.path.join(tempfile.gettempdir(), f"posture-bench-plan-{args.resources}.json")
    if not os.path.exists(plan):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_plan.py"), str(args.resources), plan], check=True)
    size = os.path.getsize(plan)
    print(f"plan: {plan}: {size / 1e6:.1f} MB, {args.resources} resources")
    for label, extra in (("posture iac --format table", ["--format", "table"]),
                         ("posture iac --format json", ["--format", "json"])):
        best = None
        for _ in range(args.runs):
            code, wall, cpu, rss = measure([args.binary, "iac", plan, "--output", "/dev/null"] + extra)
            if code not in (0, 3):
                sys.exit(f"posture exited {code}")
            if best is None or wall < best[0]:
                best = (wall, cpu, rss)
        wall, cpu, rss = best
        print(f"{label:30s} wall {wall:6.2f} s  cpu {cpu:6.2f} s  {size / 1e6 / wall:7.1f} MB/s  "
              f"peak RSS {rss / 1e6:7.1f} MB ({rss / size:.2f}x the file)")


if __name__ == "__main__":
    main()
