#!/usr/bin/env bash
# The test command of the README: installs what the tests need on a fresh machine, then
# runs the whole suite (unit tests, CLI and file flows, property tests, the editor driven
# headless, PDF checked with poppler) and prints a total.
set -euo pipefail
cd "$(dirname "$0")/.."
# The PDF tests read the exported files with poppler's tools (pdffonts, pdftotext, pdfinfo).
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdffonts >/dev/null 2>&1; then
    echo "安装 poppler-utils（PDF 测试需要 pdftotext、pdffonts）…"
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && apt-get install -y -qq poppler-utils) >/dev/null
    else
        (sudo apt-get update -qq && sudo apt-get install -y -qq poppler-utils) >/dev/null
    fi
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
cargo test --locked --no-fail-fast "$@" 2>&1 | tee "$log" || status=$?
passed=$( (grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" || true) | awk '{s+=$4} END {print s+0}')
failed=$( (grep -Eo '[0-9]+ failed' "$log" || true) | awk '{s+=$1} END {print s+0}')
echo
echo "nianbao tests: ${passed} passed, ${failed} failed"
exit "$status"
