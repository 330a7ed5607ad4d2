#!/usr/bin/env python3
"""Measures what logs and traces cost a full `posture scan`.

Starts moto_server, generates the scan_bench.py estate (two regions) at
--scale, starts an OTLP/HTTP receiver on loopback (in this process, so its
CPU is not counted), then runs `posture scan --format json` in turns under
each configuration and reports the median CPU (user + system) and wall time:

  none     no telemetry flags
  logs     --log-format json --log-level debug (stderr to a file)
  traces   --otlp-endpoint <local receiver>
  all      logs + traces

usage: bench/telemetry_overhead.py [--posture build/src/posture] [--scale 1] [--runs 7]
"""
import argparse
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scan_bench import REGIONS, free_port, generate, start_moto  # noqa: E402

SPANS = [0]


class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        for resource in json.loads(body).get("resourceSpans", []):
            for scope in resource.get("scopeSpans", []):
                SPANS[0] += len(scope.get("spans", []))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def run_once(posture, url, extra):
    env = dict(os.environ, AWS_ENDPOINT_URL=url, AWS_ACCESS_KEY_ID="AKIABENCH", AWS_SECRET_ACCESS_KEY="bench",
               AWS_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/dev/null",
               AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen([posture, "scan", "--region", ",".join(REGIONS), "--format", "json", *extra],
                                env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 3):
            err.seek(0)
            sys.exit(f"scan failed with exit code {code}: {err.read()[:500]}")
        err.seek(0)
        lines = len(err.read().splitlines())
    return usage.ru_utime + usage.ru_stime, wall, lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posture", default="build/src/posture")
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    otlp = f"http://127.0.0.1:{port}"
    logs = ["--log-format", "json", "--log-level", "debug"]
    configs = {"none": [], "logs": logs, "traces": ["--otlp-endpoint", otlp],
               "all": logs + ["--otlp-endpoint", otlp]}

    moto, url = start_moto()
    try:
        generate(url, args.scale)
        for extra in configs.values():
            run_once(args.posture, url, extra)  # warm moto's caches
        results = {name: [] for name in configs}
        lines = {}
        spans_before = SPANS[0]
        for _ in range(args.runs):
            for name, extra in configs.items():
                cpu, wall, n = run_once(args.posture, url, extra)
                results[name].append((cpu, wall))
                lines[name] = n
        spans_per_run = (SPANS[0] - spans_before) / (2 * args.runs)
        base = statistics.median(c for c, _ in results["none"])
        print(f"scale {args.scale}, {args.runs} runs each, ~{spans_per_run:.0f} spans per traced scan")
        print(f"{'config':8} {'cpu_ms':>8} {'overhead':>9} {'wall_ms':>8} {'stderr_lines':>13}")
        for name in configs:
            cpu = statistics.median(c for c, _ in results[name])
            wall = statistics.median(w for _, w in results[name])
            print(f"{name:8} {cpu * 1000:8.1f} {100 * (cpu - base) / base:8.1f}% {wall * 1000:8.0f} {lines[name]:13d}")
    finally:
        moto.kill()
        server.shutdown()


if __name__ == "__main__":
    main()
