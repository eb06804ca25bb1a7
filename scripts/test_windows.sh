#!/usr/bin/env bash
# The Windows build tested here, under Debian's Wine (part of the README's test command):
#   - the .exe gives the same `check --json` as the Linux build on the five published texts
#     and the PDFs of the corpus, and the same PDF, byte for byte (`export --pdf
#     --bundled-fonts`);
#   - the installer asks for no administrator rights, installs silently into a fresh Wine
#     prefix, only into the user's folders, with its Start-menu entry, the drafts' association
#     and its 应用和功能 entry;
#   - the installed editor opens a draft in a real window (Xvfb; the screenshot has ink) and
#     closes cleanly (exit 0, its lock and recovery copy gone);
#   - a PC whose OpenGL is too old gets the Chinese message, not a crash;
#   - the installer puts the OCR model package beside the program, and the installed .exe
#     reads a stamped scan as the Linux build does (the .exe alone refuses, naming the package);
#   - the uninstaller removes what the installer put there.
# Needs the Linux build of the tests (target/debug/nianbao). Builds the Windows one with
# scripts/build_windows.sh. Prints "ok …" / "not ok …" a line each and, last, a count.
# Says it skipped when the Windows target or Wine cannot be installed here.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/debian_packages.sh
root=$(pwd)
linux_bin="$root/target/debug/nianbao"
skip() { echo "Windows 测试跳过：$*"; exit 0; }
command -v rustup >/dev/null 2>&1 || skip "没有 rustup，无法安装 Windows 目标"
rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu ||
    rustup target add x86_64-pc-windows-gnu >/dev/null 2>&1 || skip "无法安装 x86_64-pc-windows-gnu 目标"
need=()
command -v wine >/dev/null 2>&1 || need+=(wine)
[ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null 2>&1 || need+=(wine64)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
command -v import >/dev/null 2>&1 || need+=(imagemagick)
if [ ${#need[@]} -gt 0 ]; then
    install_debian_packages "${need[@]}" 2>/dev/null ||
        skip "无法安装 ${need[*]}"
fi
[ -x "$linux_bin" ] || cargo build --locked --quiet

built=$(bash scripts/build_windows.sh 2>/tmp/nianbao-build-windows.log) || {
    tail -n 30 /tmp/nianbao-build-windows.log
    echo "not ok Windows 版构建失败（scripts/build_windows.sh）"
    echo "windows tests: 0 passed, 1 failed"
    exit 1
}
setup=$(echo "$built" | sed -n 1p)
zip=$(echo "$built" | sed -n 2p)
exe="$root/target/x86_64-pc-windows-gnu/release/nianbao.exe"

passed=0
failed=0
# The first window xdotool finds with these search arguments, waited for up to a minute.
wait_for_window() {
    local found=""
    for _ in $(seq 1 60); do
        found=$(xdotool search "$@" 2>/dev/null | head -n 1)
        [ -n "$found" ] && break
        sleep 1
    done
    echo "$found"
}
ok() { echo "ok $*"; passed=$((passed + 1)); }
fail() { echo "not ok $*"; failed=$((failed + 1)); }
check() { # NAME COMMAND…: ok when the command succeeds
    local name=$1
    shift
    if "$@"; then ok "$name"; else fail "$name"; fi
}

work=$(mktemp -d)
xvfb_pid=""
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# A fresh prefix, 64-bit, without the Mono and Gecko installers' questions.
export WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n;winemenubuilder.exe=d"
unset DISPLAY
wineboot -i >/dev/null 2>&1
timeout 120 wineserver -w
system32="$WINEPREFIX/drive_c/windows/system32"
x86_64-w64-mingw32-gcc -shared -O2 -o "$system32/bcryptprimitives.dll" tests/windows/bcryptprimitives.c -ladvapi32 ||
    fail "替身 bcryptprimitives.dll 构建失败"
user_dir=$(ls -d "$WINEPREFIX/drive_c/users/"*/ | grep -v /Public/ | head -n 1)
user_dir=${user_dir%/}

# --- the command line: the same findings, the same PDF -----------------------------------
cli_same=true
cd tests/data/published
for f in *.txt; do
    "$linux_bin" check "$f" --json >"$work/linux.json" 2>/dev/null
    wine "$exe" check "$f" --json >"$work/windows.json" 2>"$work/windows.err"
    tr -d '\r' <"$work/windows.json" >"$work/windows.unix.json"
    if ! cmp -s "$work/linux.json" "$work/windows.unix.json" || [ ! -s "$work/linux.json" ]; then
        echo "  check --json 不同：$f"
        diff "$work/linux.json" "$work/windows.unix.json" | head -n 5
        cli_same=false
    fi
done
cd "$root/tests/data/corpus"
for f in *.pdf; do
    "$linux_bin" check "$f" --json >"$work/linux.json" 2>/dev/null
    wine "$exe" check "$f" --json 2>/dev/null | tr -d '\r' >"$work/windows.unix.json"
    if ! cmp -s "$work/linux.json" "$work/windows.unix.json" || [ ! -s "$work/linux.json" ]; then
        echo "  check --json 不同：$f"
        cli_same=false
    fi
done
real_pdf_dir="$root/../shared/fixtures/real-pdf"
if [ -d "$real_pdf_dir" ]; then
    cp "$real_pdf_dir"/*.pdf "$work/" 2>/dev/null
    cd "$work"
    for f in *.pdf; do
        "$linux_bin" check "$f" --json >"$work/linux.json" 2>/dev/null
        wine "$exe" check "$f" --json 2>/dev/null | tr -d '\r' >"$work/windows.unix.json"
        if ! cmp -s "$work/linux.json" "$work/windows.unix.json"; then
            echo "  check --json 不同：$f"
            cli_same=false
        fi
        rm -f "$f"
    done
else
    echo "  （没有 ../shared/fixtures/real-pdf：跳过真实 WPS PDF 的对照）"
fi
cd "$root"
check "Windows 版 check --json 与 Linux 版相同（五份已发布文本、语料库 PDF）" $cli_same

cp tests/data/published/003_*.txt "$work/003.txt"
cd "$work"
"$linux_bin" export --pdf linux.pdf --bundled-fonts --date 2026-01-20 003.txt >/dev/null 2>&1
wine "$exe" export --pdf windows.pdf --bundled-fonts --date 2026-01-20 003.txt >/dev/null 2>&1
cd "$root"
check "Windows 版导出的 PDF 与 Linux 版逐字节相同" cmp -s "$work/linux.pdf" "$work/windows.pdf"
check "Windows 版的 PDF 字体缓存在 %LOCALAPPDATA%\\nianbao" test -d "$user_dir/AppData/Local/nianbao"
# The organ's official fonts are taken from C:\Windows\Fonts: a stand-in 黑体 (the bundled
# sans under the family name SimHei, made with fontTools) is used for the headings.
if python3 -c 'import fontTools' 2>/dev/null || pip install -q fonttools >/dev/null 2>&1; then
    python3 - "$root/assets/fonts/NotoSansSC_400Regular.ttf" "$WINEPREFIX/drive_c/windows/Fonts/simhei.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
for record in font["name"].names:
    if record.nameID in (1, 4, 6, 16):
        record.string = "SimHei"
font.save(sys.argv[2])
PY
    cd "$work"
    wine "$exe" export --pdf official.pdf --date 2026-01-20 003.txt 2>&1 | tr -d '\r' >official.out
    cd "$root"
    check "C:\\Windows\\Fonts 中的公文字体（黑体 SimHei）用于一级标题" grep -q '一级标题：SimHei' "$work/official.out"
    rm -f "$WINEPREFIX/drive_c/windows/Fonts/simhei.ttf"
else
    echo "  （没有 fontTools，跳过公文字体的检查）"
fi

# --- the installer ----------------------------------------------------------------------
check "安装程序只要求普通用户权限（asInvoker）" grep -aq 'level="asInvoker"' "$setup"
find "$WINEPREFIX/drive_c" -type f | sort >"$work/before.txt"
wine "$setup" /S >/dev/null 2>&1
timeout 120 wineserver -w
installed="$user_dir/AppData/Local/Programs/nianbao"
start_menu="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
check "静默安装到 %LOCALAPPDATA%\\Programs\\nianbao" test -f "$installed/nianbao.exe"
check "开始菜单中有“年报编辑器”" test -f "$start_menu/年报编辑器.lnk"
check "桌面快捷方式（默认选中）" test -f "$user_dir/Desktop/年报编辑器.lnk"
find "$WINEPREFIX/drive_c" -type f | sort >"$work/after.txt"
outside=$(comm -13 "$work/before.txt" "$work/after.txt" | grep -v "^$user_dir/" | grep -v '/windows/' || true)
check "安装只写入用户自己的文件夹" test -z "$outside"
[ -z "$outside" ] || echo "$outside" | head -n 5
reg_has() { wine reg query "$1" ${2:+/v "$2"} 2>/dev/null | tr -d '\r' | grep -q "${3:-.}"; }
check "草稿（.ron）由编辑器打开" reg_has 'HKCU\Software\Classes\nianbao.draft\shell\open\command' "" 'nianbao.exe'
check ".ron 的默认程序是编辑器（之前没有别的程序）" reg_has 'HKCU\Software\Classes\.ron' "" 'nianbao.draft'
check "应用和功能中有年报编辑器及卸载程序" reg_has 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao' UninstallString 'uninstall.exe'
hklm=$(wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao' 2>/dev/null | tr -d '\r' | grep -c nianbao || true)
check "没有写入 HKLM" test "$hklm" = 0

# --- a scan read offline, by the model package the installer put beside the program -------
if python3 -c "
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
sys.exit(0 if 'nianbao/ocr-models/rec.onnx' in names else 1)" "$zip"; then
    check "安装程序带文字识别模型包（程序旁的 ocr-models）" \
        test -f "$installed/ocr-models/rec.onnx" -a -f "$installed/ocr-models/det.onnx" -a -f "$installed/ocr-models/characters.txt"
    mkdir -p "$work/scan"
    # A stamped scan of fixture 003, turned a degree, made by the tests' scanner.
    if NIANBAO_SCAN_OUT="$work/scan" cargo test --locked --quiet --test flows ocr::a_scan_for_the_windows_test \
        -- --ignored --exact >"$work/scan.log" 2>&1; then
        cd "$work/scan"
        NIANBAO_OCR_MODELS="$root/target/ocr-models" "$linux_bin" check scan.pdf --json >linux.json 2>/dev/null
        env -u NIANBAO_OCR_MODELS wine "$installed/nianbao.exe" check scan.pdf --json 2>windows.err |
            tr -d '\r' >windows.json
        cells=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1])).get('ocr_cells', [])))" windows.json 2>/dev/null || echo 0)
        check "安装的 Windows 版读出扫描件（文字识别 $cells 个单元格），与 Linux 版结果相同" \
            test "${cells:-0}" -gt 150 -a -s linux.json -a -z "$(cmp linux.json windows.json 2>&1)"
        cmp -s linux.json windows.json || diff linux.json windows.json | head -n 10
        # Without the package (the built .exe alone, nothing beside it): the refusal names it.
        env -u NIANBAO_OCR_MODELS wine "$exe" check scan.pdf >/dev/null 2>refused.err
        refused=$?
        check "没有模型包时拒绝读取扫描件并说明缺少“文字识别模型包”（退出码 $refused）" \
            test "$refused" != 0 -a -n "$(tr -d '\r' <refused.err | grep -l '文字识别模型包')"
        cd "$root"
    else
        tail -n 20 "$work/scan.log"
        fail "测试用扫描件生成失败（ocr::a_scan_for_the_windows_test）"
    fi
else
    echo "  （安装程序未带文字识别模型包：跳过扫描件的检查）"
fi

# --- the installed editor in a real window ---------------------------------------------
display=":$((90 + RANDOM % 50))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 2
export DISPLAY="$display"
cp tests/data/published/003_*.txt "$work/draft-src.txt"
"$linux_bin" import "$work/draft-src.txt" -o "$work/区政府办公室.nianbao.ron" >/dev/null 2>&1
draft="$work/区政府办公室.nianbao.ron"
(cd "$work" && wine "$installed/nianbao.exe" "区政府办公室.nianbao.ron" >"$work/editor.out" 2>&1; echo $? >"$work/editor.rc") &
window=$(wait_for_window --name "nianbao.ron")
sleep 4
import -window root "$work/editor.png" 2>/dev/null
colours=$(convert "$work/editor.png" -format '%k' info: 2>/dev/null || echo 0)
check "安装的编辑器在窗口中打开草稿（截图有内容，颜色数 $colours）" test -n "$window" -a "${colours:-0}" -gt 50
check "打开草稿时加了锁（草稿旁的 .~lock 文件）" test -f "$work/.~lock.区政府办公室.nianbao.ron#"
if [ -n "${NIANBAO_WINDOWS_SCREENSHOT:-}" ]; then cp "$work/editor.png" "$NIANBAO_WINDOWS_SCREENSHOT"; fi
# Alt+F4, as a clerk closes a window (no window manager here: the window is given the focus).
[ -n "$window" ] && xdotool windowfocus --sync "$window" key --clearmodifiers alt+F4 2>/dev/null
for _ in $(seq 1 30); do
    [ -f "$work/editor.rc" ] && break
    sleep 1
done
[ -f "$work/editor.rc" ] || { wineserver -k; sleep 1; }
check "编辑器正常关闭（退出码 $(cat "$work/editor.rc" 2>/dev/null || echo 无)）" test "$(cat "$work/editor.rc" 2>/dev/null)" = 0
locks=$(ls -A "$work" | grep -ci lock || true)
check "关闭后锁已释放" test "$locks" = 0
check "最近打开的文件记在 %APPDATA%\\nianbao（完整路径）" grep -q '^[A-Z]:\\.*区政府办公室.nianbao.ron' "$user_dir/AppData/Roaming/nianbao/recent.txt"
recovery="$user_dir/AppData/Roaming/nianbao/recovery"
left=$(ls "$recovery" 2>/dev/null | wc -l)
check "关闭后没有留下恢复副本" test "$left" = 0

# --- a window that ends without closing: its recovery copy stays, its lock is taken over -----
(cd "$work" && wine "$installed/nianbao.exe" "区政府办公室.nianbao.ron" >/dev/null 2>&1) &
window=$(wait_for_window --name "nianbao.ron")
sleep 3
# A change in 落款机关 (the window's corner is at 4,23 under Wine without a window manager).
[ -n "$window" ] && xdotool windowfocus --sync "$window" mousemove 594 286 click 1 type 办公室
for _ in $(seq 1 20); do
    ls "$recovery"/*.ron >/dev/null 2>&1 && break
    sleep 1
done
check "修改后几秒内在 %APPDATA%\\nianbao\\recovery 写下恢复副本" ls "$recovery"/*.ron
first_lock=$(tr -d '\r' <"$work/.~lock.区政府办公室.nianbao.ron#" 2>/dev/null | grep '^instance=')
pkill -9 -f 'Programs/nianbao/nianbao.exe'
sleep 2
check "窗口异常结束后恢复副本仍在" ls "$recovery"/*.ron
# Opened again: Windows is asked whether the lock's process still runs (and when the
# process now holding its id started: Wine gives the new window the same id at once); the
# clerk is offered 接管并编辑, and taking over rewrites the lock.
(cd "$work" && wine "$installed/nianbao.exe" "区政府办公室.nianbao.ron" >/dev/null 2>&1) &
window=$(wait_for_window --onlyvisible --class "nianbao")
sleep 4
import -window root "$work/takeover.png" 2>/dev/null
# 接管并编辑, the dialog's first button.
[ -n "$window" ] && xdotool windowfocus --sync "$window"
xdotool mousemove 430 480 sleep 0.3 mousemove 433 490 sleep 0.3 click 1
for _ in $(seq 1 20); do
    second_lock=$(tr -d '\r' <"$work/.~lock.区政府办公室.nianbao.ron#" 2>/dev/null | grep '^instance=')
    [ -n "$second_lock" ] && [ "$second_lock" != "$first_lock" ] && break
    sleep 1
done
if [ -n "${NIANBAO_WINDOWS_SCREENSHOT:-}" ]; then cp "$work/takeover.png" "${NIANBAO_WINDOWS_SCREENSHOT%.png}-takeover.png"; fi
check "已结束的窗口留下的锁可以接管（$first_lock → $second_lock）" test -n "$first_lock" -a -n "$second_lock" -a "$first_lock" != "$second_lock"
wineserver -k
sleep 1
rm -f "$work/.~lock.区政府办公室.nianbao.ron#" "$recovery"/*

# --- OpenGL too old: the Chinese message, not a crash -------------------------------------
MESA_GL_VERSION_OVERRIDE=1.1 NIANBAO_NO_MESSAGE_BOX=1 wine "$installed/nianbao.exe" >"$work/gl.out" 2>"$work/gl.err"
gl_rc=$?
check "只有 OpenGL 1.1 时用中文说明原因与办法，不崩溃（退出码 $gl_rc）" \
    test "$gl_rc" = 2 -a -n "$(grep -l 'OpenGL 1.1' "$work/gl.err")" -a -n "$(grep -l '无法打开窗口' "$work/gl.err")"

# --- the uninstaller ----------------------------------------------------------------------
wine "$installed/uninstall.exe" /S >/dev/null 2>&1
for _ in $(seq 1 30); do
    [ -e "$installed" ] || break
    sleep 1
done
timeout 120 wineserver -w
check "卸载后程序文件夹已删除" test ! -e "$installed"
check "卸载后开始菜单和桌面快捷方式已删除" test ! -e "$start_menu/年报编辑器.lnk" -a ! -e "$user_dir/Desktop/年报编辑器.lnk"
gone=true
reg_has 'HKCU\Software\Classes\nianbao.draft' && gone=false
reg_has 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao' && gone=false
reg_has 'HKCU\Software\Classes\.ron' "" 'nianbao' && gone=false
check "卸载后注册表项已删除" $gone
check "便携版 zip 含程序、说明与字体许可" python3 -c "
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = {'nianbao/nianbao.exe', 'nianbao/README.md', 'nianbao/fonts/OFL-NotoSerifSC.txt'}
sys.exit(0 if need <= names else 1)" "$zip"

echo "windows tests: ${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
