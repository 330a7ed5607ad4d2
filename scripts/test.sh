#!/usr/bin/env bash
# Builds posture with its tests and runs them (unit tests, then end-to-end
# tests against a moto_server they start themselves).
# Usage: scripts/test.sh            normal build in build/
#        scripts/test.sh --sanitize ASan+UBSan build in build-asan/, unit tests only
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitize" ]; then
  scripts/setup.sh build-asan -DPOSTURE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  ctest --test-dir build-asan -L unit --output-on-failure -j"$(nproc)"
else
  scripts/setup.sh build
  ctest --test-dir build --output-on-failure -j"$(nproc)"
fi
