#!/usr/bin/env bash
# Renders our Word export with LibreOffice, once, for the README's picture of it
# (docs/word-export-table3.png beside our PDF's docs/pdf-table3.png), and reads the rendering
# back with the importer. Not needed on a clean machine; needs libreoffice
# (Debian: apt-get install libreoffice-writer-nogui) and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet
bin=target/release/nianbao
"$bin" export --docx "$tmp/report.docx" --date 2026-01-20 tests/data/published/003_60d30e5d68c9d170.txt
(cd "$tmp" && soffice --headless --convert-to pdf report.docx >/dev/null 2>&1)
pdfinfo "$tmp/report.pdf" | grep -E '^Pages'
# The page holding 表三, as the README shows it.
page=$(for p in $(seq 1 "$(pdfinfo "$tmp/report.pdf" | awk '/^Pages/ {print $2}')"); do
    if pdftotext -f "$p" -l "$p" "$tmp/report.pdf" - | grep -q '本年新收政府信息公开申请数量'; then echo "$p"; break; fi
done)
pdftoppm -png -r 70 -f "$page" -l "$page" "$tmp/report.pdf" "$tmp/page"
cp "$tmp"/page-*.png docs/word-export-table3.png
# LibreOffice's PDF of our Word file imports back like the report itself.
"$bin" check "$tmp/report.pdf" | tail -1
"$bin" check tests/data/published/003_60d30e5d68c9d170.txt | tail -1
