#!/usr/bin/env bash
# The test command of the README: installs what the tests need on a fresh machine, then
# runs the whole suite (unit tests, CLI and file flows, property tests) and prints a total.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/fixtures/published ]; then
    echo "需要 ../shared/fixtures/published（仓库旁的 shared 目录）" >&2
    exit 1
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
cargo test --locked "$@" 2>&1 | tee "$log" || status=$?
passed=$( (grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" || true) | awk '{s+=$4} END {print s+0}')
failed=$( (grep -Eo '[0-9]+ failed' "$log" || true) | awk '{s+=$1} END {print s+0}')
echo
echo "nianbao tests: ${passed} passed, ${failed} failed"
exit "$status"
