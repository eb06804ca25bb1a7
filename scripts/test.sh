#!/usr/bin/env bash
# The test command of the README: installs what the tests need on a fresh machine, then
# runs the whole suite (unit tests, CLI and file flows, property tests).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/fixtures/published ]; then
    echo "需要 ../shared/fixtures/published（仓库旁的 shared 目录）" >&2
    exit 1
fi
cargo test --locked "$@"
