#!/usr/bin/env bash
# Whole-process time and peak memory of `nianbao check` on large and hostile inputs: the
# published fixtures run together 100× and 400× (the latter near the 16 MB input limit), a
# 表三 of 100,000 label lines, and the structure-aware fuzz seeds (scripts/fuzz_seeds.py:
# deep nesting, huge tables, zip bombs, huge drafts). Time should grow with the size, not
# with its square: 400× the reports should take about 4× the time of 100×.
#     bash scripts/bench_large_inputs.sh          (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/nianbao"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import os, sys
out = sys.argv[1]
P = "tests/data/published/"
reports = "\n".join(open(P + f, encoding="utf-8").read() for f in sorted(os.listdir(P)) if f.endswith(".txt"))
lines = [l for l in reports.splitlines() if l.startswith("（") or "申请" in l]
for n in (100, 400):
    open(f"{out}/reports_x{n}.txt", "w", encoding="utf-8").write("\n".join([reports] * n))
open(f"{out}/table3_labels.txt", "w", encoding="utf-8").write("\n".join((lines * 100000)[:100000]))
EOF
for target in docx text draft html; do
    python3 scripts/fuzz_seeds.py "$target" "$work/seeds_$target" > /dev/null
done

printf '%-44s %9s %8s %9s %s\n' input size "wall s" "peak MB" exit
for f in "$work"/*.txt "$work"/seeds_*/*; do
    size=$(stat -c %s "$f")
    set +e
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" check "$f" > /dev/null 2>&1
    code=$?
    set -e
    read -r wall kb < <(tail -1 "$work/time")
    printf '%-44s %8.1fM %8s %9d %s\n' "${f#"$work"/}" "$(echo "$size / 1048576" | bc -l)" "$wall" $((kb / 1024)) "$code"
done
