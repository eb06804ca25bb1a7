#!/usr/bin/env bash
# Makes the encrypted PDFs of the importer's bad-input tests, once (qpdf is not on a clean
# machine; the results are committed in tests/data/pdf/):
#   encrypted-password.pdf        needs the user password "secret": refused with a message
#   encrypted-empty-password.pdf  fixture 003 (LibreOffice PDF), encrypted with an empty user
#                                 password: opens like the plain file
# Needs: qpdf (Debian: apt-get install qpdf).
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/data/pdf
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/tiny.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
content = b"BT /F1 24 Tf 72 720 Td (Annual report) Tj ET"
objs[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
out = bytearray(b"%PDF-1.4\n"); offs = []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs: out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
qpdf --encrypt secret owner 256 -- "$tmp/tiny.pdf" "$out/encrypted-password.pdf"
qpdf --encrypt "" owner 256 -- tests/data/corpus/lo-docx.pdf "$out/encrypted-empty-password.pdf"
ls -l "$out"
