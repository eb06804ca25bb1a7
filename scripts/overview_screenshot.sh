#!/usr/bin/env bash
# The desk's overview page as a leader sees it: a folder of units (the five published
# reports of tests/data/published, three drafts), one returned and two signed at the desk,
# the overview written by `nianbao desk --html`, then shown and printed by headless Chromium.
# Usage: scripts/overview_screenshot.sh [OUT.png]   (default docs/overview.png; the A4 print
# goes beside it as .pdf in the temporary folder, its page count printed)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/overview.png}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "需要 Chromium（apt-get install chromium fonts-wqy-microhei）"; exit 2; }
cargo build --release --quiet
bin=target/release/nianbao
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
folder="$work/某县2025年度"
mkdir -p "$folder/部门" "$folder/乡镇"
cp tests/data/published/00[0-2]_*.txt "$folder/部门/"
cp tests/data/published/00[34]_*.txt "$folder/乡镇/"
for unit in 甲镇:3:3 乙镇:2:2 丙镇:4:3; do
    IFS=: read -r name received disclosed <<<"$unit"
    path="$folder/乡镇/$name.ron"
    "$bin" new --organ "某县${name}人民政府" --kind 乡镇街道 --year 2025 -o "$path" >/dev/null
    # Every cell 0, then the applications received and disclosed.
    sed -i -E 's/("t[234]\.[^"]*"): ""/\1: "0"/' "$path"
    sed -i -E "s/(\"t3\.r1\.np\"): \"0\"/\1: \"$received\"/; s/(\"t3\.r3_1\.np\"): \"0\"/\1: \"$disclosed\"/" "$path"
done
"$bin" desk "$folder" --return 乡镇/丙镇.ron --name 王审核 >/dev/null
for file in 乡镇/甲镇.ron 乡镇/乙镇.ron; do
    "$bin" desk "$folder" --sign "$file" --stage 签发 --name 李主任 >/dev/null
done
html="$work/审核总览.html"
"$bin" desk "$folder" --html "$html" --csv "$work/审核总览.csv"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --no-pdf-header-footer "--user-data-dir=$work/profile")
"$browser" "${flags[@]}" --window-size=900,1500 "--screenshot=$(realpath -m "$out")" "file://$html" 2>/dev/null
"$browser" "${flags[@]}" "--print-to-pdf=$work/总览.pdf" "file://$html" 2>/dev/null
pdfinfo "$work/总览.pdf" | grep -E "Pages|Page size"
echo "写出 $out"
