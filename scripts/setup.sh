#!/usr/bin/env bash
# Installs every Debian package posture needs to build and test, then builds.
# Idempotent; uses sudo only when not root. Usage: scripts/setup.sh [BUILD_DIR] [extra cmake args]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config git python3 curl openssl
          libssl-dev libcurl4-openssl-dev nlohmann-json3-dev libpugixml-dev
          libyaml-cpp-dev libsimdjson-dev libgtest-dev libgmock-dev libbenchmark-dev)
# End-to-end tests of the metrics: promtool and a Prometheus server, a Pushgateway.
packages+=(prometheus prometheus-pushgateway)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

build_dir="${1:-build}"
shift || true
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"

if ! command -v moto_server >/dev/null 2>&1; then
  echo "setup: note: moto_server (a local AWS endpoint) is not installed; the sample and the" >&2
  echo "       end-to-end tests need it: pip install 'moto[server]' (Debian 12 has no package)" >&2
fi
