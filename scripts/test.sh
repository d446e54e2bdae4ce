#!/usr/bin/env bash
# Runs the whole test suite (all Qt Test executables through CTest) against the build from setup.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$here/build}"
[ -d "$build_dir" ] || { echo "test: no build in $build_dir; run scripts/setup.sh first" >&2; exit 2; }
cmake --build "$build_dir" --parallel "$(nproc)"
cd "$build_dir"
ctest --output-on-failure --parallel "$(nproc)" --timeout 900
