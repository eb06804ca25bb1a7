#!/usr/bin/env bash
# The batch and the desk at scale, as a reviewer meets them: builds a folder of N mixed
# reports (the five published texts, drafts of them and next year's drafts, repeated) and prints wall
# time, CPU time and peak memory of `nianbao check DIR --summary` and `nianbao desk DIR
# --csv` (whole processes, /usr/bin/time), on all cores and on one (taskset), for the README.
#
#   bash scripts/bench_scale.sh 10000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
cargo build --release --locked --quiet
# NIANBAO_BIN: another build to measure the same way (an earlier one, to compare).
bin=${NIANBAO_BIN:-$PWD/target/release/nianbao}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir="$work/reports"
mkdir -p "$dir"
# The kinds of file, made once: the five published texts, a draft of each, and next
# year's draft from each (paired with last year's in the folder).
kinds=()
for f in tests/data/published/*.txt; do
    kinds+=("$f")
    d="$work/$(basename "$f" .txt).ron"
    "$bin" import "$f" -o "$d" >/dev/null 2>&1 && kinds+=("$d")
    next="$work/$(basename "$f" .txt)_next.ron"
    "$bin" new --from "$f" -o "$next" >/dev/null 2>&1 && kinds+=("$next")
done
# The first thousand one by one, then whole folders of a thousand copied.
k=0
mkdir -p "$dir/0"
while [ "$k" -lt "$n" ] && [ "$k" -lt 1000 ]; do
    src=${kinds[$((k % ${#kinds[@]}))]}
    cp "$src" "$dir/0/$k.${src##*.}"
    k=$((k + 1))
done
while [ "$k" -lt "$n" ]; do
    cp -r "$dir/0" "$dir/$((k / 1000))"
    k=$((k + 1000))
done
measure() {
    local label=$1
    shift
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
    read -r wall user sys peak < <(tail -n 1 "$work/time")
    printf '%-34s wall %6.2f s  cpu %6.2f s  peak %5d MB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $((peak / 1024))
}
echo "N = $n reports ($(du -sh "$dir" | cut -f1)), $(nproc) cores"
measure "check --summary (all cores)" "$bin" check "$dir" --summary "$work/s.csv"
measure "check --summary (one core)" taskset -c 0 "$bin" check "$dir" --summary "$work/s1.csv"
cmp -s "$work/s.csv" "$work/s1.csv" && echo "  the CSV is the same on one core and on all"
measure "desk --csv (all cores)" "$bin" desk "$dir" --csv "$work/d.csv"
