#!/usr/bin/env bash
# Makes the PDFs of the import corpus that need tools a clean machine lacks (LibreOffice),
# once; the results are committed in tests/data/corpus/ and read by tests/import_corpus.rs.
#   lo-docx.pdf  LibreOffice's PDF of tests/data/report.docx (fixture 003 as a Word file)
#   lo-html.pdf  LibreOffice's PDF of tests/data/report.html (fixture 003 as a web page)
#   chromium-html.pdf  Chromium printing tests/data/report.html to PDF
# Needs: libreoffice (Debian: apt-get install libreoffice-writer-nogui) and chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/data/corpus
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp tests/data/report.docx "$tmp/lo-docx.docx"
cp tests/data/report.html "$tmp/lo-html.html"
(cd "$tmp" && soffice --headless --convert-to pdf lo-docx.docx >/dev/null 2>&1)
(cd "$tmp" && soffice --headless --convert-to pdf:writer_web_pdf_Export lo-html.html >/dev/null 2>&1)
cp "$tmp/lo-docx.pdf" "$tmp/lo-html.pdf" "$out/"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chromium" --no-pdf-header-footer \
    --print-to-pdf="$out/chromium-html.pdf" "file://$PWD/tests/data/report.html" 2>/dev/null
ls -l "$out"
