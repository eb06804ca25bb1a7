#!/usr/bin/env bash
# PDF import as a reviewer meets it: whole processes, release build. `nianbao check` of one
# WPS-made PDF (import, grid reading and all checks; the median of 9 runs of wall time and
# peak memory, /usr/bin/time), then of a folder of 1,000 such PDFs (batch check on all cores).
# The PDF is a WPS-like one made from fixture 003 (examples/wps_like_pdf.rs), or the PDF
# given as the first argument (a real published report).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin nianbao --example wps_like_pdf
bin=$PWD/target/release/nianbao
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -ge 1 ]; then
    pdf=$1
else
    pdf=$tmp/wps-003.pdf
    target/release/examples/wps_like_pdf tests/data/published/003_60d30e5d68c9d170.txt "$pdf"
fi
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
echo "PDF: $pdf (${pages:-?} pages)"

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
walls=(); mems=()
for _ in 1 2 3 4 5 6 7 8 9; do
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" check "$pdf" >/dev/null 2>&1 || true
    read -r wall mem < <(tail -n 1 "$tmp/time")
    walls+=("$wall"); mems+=("$mem")
done
w=$(printf '%s\n' "${walls[@]}" | median)
m=$(printf '%s\n' "${mems[@]}" | median)
printf '%-44s %6.3f s  %6d MB\n' "nianbao check (one PDF)" "$w" $((m / 1024))

mkdir "$tmp/folder"
for i in $(seq -w 1 1000); do cp "$pdf" "$tmp/folder/r$i.pdf"; done
/usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" check "$tmp/folder" >/dev/null 2>&1 || true
read -r wall mem < <(tail -n 1 "$tmp/time")
printf '%-44s %6.2f s  %6d MB  (%s cores)\n' "nianbao check (a folder of 1,000 PDFs)" "$wall" $((mem / 1024)) "$(nproc)"
