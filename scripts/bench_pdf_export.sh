#!/usr/bin/env bash
# PDF export as the user meets it: whole processes, release build, fixture 003 (7 pages),
# the median of 5 runs of wall time and peak memory (/usr/bin/time), beside LibreOffice
# converting the same report (our Word export of it) when LibreOffice is installed.
# The first export unpacks the bundled PDF fonts into the cache folder; the runs measured
# come after it, as every export after a user's first does.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/nianbao
fixture=$PWD/tests/data/published/003_60d30e5d68c9d170.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"

measure() { # label, then the command
    local label=$1; shift
    local walls=() mems=()
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>&1
        read -r wall mem < "$tmp/time"
        walls+=("$wall"); mems+=("$mem")
    done
    local w m
    w=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 3p)
    m=$(printf '%s\n' "${mems[@]}" | sort -n | sed -n 3p)
    printf '%-44s %6.2f s  %6d MB\n' "$label" "$w" $((m / 1024))
}

"$bin" export --pdf "$tmp/first.pdf" --bundled-fonts --date 2026-01-20 "$fixture" >/dev/null 2>&1
measure "nianbao export --pdf (bundled fonts)" \
    "$bin" export --pdf "$tmp/r.pdf" --bundled-fonts --date 2026-01-20 "$fixture"
measure "nianbao export --pdf (fonts of this machine)" \
    "$bin" export --pdf "$tmp/r.pdf" --date 2026-01-20 "$fixture"
measure "nianbao export --docx" \
    "$bin" export --docx "$tmp/r.docx" --date 2026-01-20 "$fixture"
if command -v soffice >/dev/null; then
    "$bin" export --docx "$tmp/report.docx" --date 2026-01-20 "$fixture" >/dev/null
    measure "LibreOffice: the same report, .docx to PDF" \
        soffice --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/report.docx"
else
    echo "LibreOffice is not installed: no comparison (Debian: apt-get install libreoffice-writer-nogui)"
fi
