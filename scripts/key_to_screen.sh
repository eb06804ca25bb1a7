#!/usr/bin/env bash
# Key to screen in a real window: the editor under Xvfb (Mesa's software OpenGL), a key sent
# with XTest into 落款机关, and the time until that field's pixels change on the screen.
# Prints the median and the 90th percentile of 40 keys (digits, then as many Backspaces).
# Usage: key_to_screen.sh [PATH-OF-nianbao]   (default: the release build, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/debian_packages.sh
bin=${1:-target/release/nianbao}
[ -x "$bin" ] || cargo build --release --locked --quiet
bin=$(realpath "$bin")
need=()
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
/usr/bin/python3 -c 'import Xlib' 2>/dev/null || need+=(python3-xlib)
if [ ${#need[@]} -gt 0 ]; then
    install_debian_packages "${need[@]}"
fi
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$HOME"
display=":$((200 + RANDOM % 40))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY="$display"
sleep 1
"$bin" import tests/data/published/003_*.txt -o "$work/d.nianbao.ron" >/dev/null 2>&1
(cd "$work" && exec "$bin" d.nianbao.ron >/dev/null 2>&1) &
pids+=($!)
window=""
for _ in $(seq 1 60); do
    window=$(xdotool search --name "d.nianbao.ron" 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && break
    sleep 0.5
done
[ -n "$window" ] || { echo "编辑器窗口没有打开"; exit 1; }
sleep 3
xdotool windowfocus --sync "$window" mousemove 590 263 click 1
sleep 1
/usr/bin/python3 - <<'PY'
import statistics, time
from Xlib import X, XK, display
from Xlib.ext import xtest

d = display.Display()
root = d.screen().root
# 落款机关's field (the window fills the screen under Xvfb without a window manager).
x, y, w, h = 310, 252, 560, 22

def shot():
    return root.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF).data

def press(keysym):
    code = d.keysym_to_keycode(keysym)
    xtest.fake_input(d, X.KeyPress, code)
    xtest.fake_input(d, X.KeyRelease, code)
    d.sync()

def timed(keysym):
    before = shot()
    start = time.perf_counter()
    press(keysym)
    while time.perf_counter() - start < 2.0:
        if shot() != before:
            return (time.perf_counter() - start) * 1000.0
        time.sleep(0.0005)
    return None

times = []
digits = [XK.string_to_keysym(str(k % 10)) for k in range(20)]
for keysym in digits + [XK.string_to_keysym("BackSpace")] * 20:
    t = timed(keysym)
    if t is not None:
        times.append(t)
    time.sleep(0.15)
times.sort()
if not times:
    raise SystemExit("屏幕没有变化：按键没有到达字段")
p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
print(f"按键到屏幕：{len(times)} 次，中位数 {statistics.median(times):.1f} ms，90% 分位 {p90:.1f} ms")
PY
