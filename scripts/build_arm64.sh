#!/usr/bin/env bash
# The arm64 build (飞腾、鲲鹏 and other arm64 PCs running UOS or 麒麟), made on an amd64
# Debian machine: the Rust target (rustup), the cross linker and qemu's user mode (apt) are
# installed when missing; the release binary is cross-built, packaged for the UOS store
# (org.nianbao.editor_<version>_arm64.deb), then run under qemu-aarch64: --version, a check
# and a PDF export of fixture 003, compared with the host's own build (the same output, the
# same PDF bytes). The editor's window is not tried under qemu (no GPU there).
# About 15 minutes on 2 cores. Prints the package's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/debian_packages.sh
target=aarch64-unknown-linux-gnu
rustup target list --installed | grep -qx "$target" || rustup target add "$target" >&2
need=()
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
command -v qemu-aarch64 >/dev/null 2>&1 || need+=(qemu-user)
if [ ${#need[@]} -gt 0 ]; then
    install_debian_packages "${need[@]}"
fi
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
# The C parts (mimalloc) with the same cross compiler.
export CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc
deb=$(bash scripts/make_uos_deb.sh --target "$target" | tail -n 1)
cargo build --locked --release >&2
arm="target/$target/release/nianbao"
run_arm() { qemu-aarch64 -L /usr/aarch64-linux-gnu "$arm" "$@"; }
fixture=tests/data/published/003_60d30e5d68c9d170.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ "$(run_arm --version)" = "$(target/release/nianbao --version)" ] || { echo "arm64：--version 不同" >&2; exit 1; }
run_arm check "$fixture" >"$work/arm.txt" || true
target/release/nianbao check "$fixture" >"$work/host.txt" || true
cmp "$work/arm.txt" "$work/host.txt" >&2 || { echo "arm64：检查结果不同" >&2; exit 1; }
run_arm export --pdf "$work/arm.pdf" "$fixture" --date 2026-01-20 --bundled-fonts >/dev/null
target/release/nianbao export --pdf "$work/host.pdf" "$fixture" --date 2026-01-20 --bundled-fonts >/dev/null
cmp "$work/arm.pdf" "$work/host.pdf" >&2 || { echo "arm64：导出的 PDF 不同" >&2; exit 1; }
echo "arm64 构建在 qemu 中运行正常：--version、检查结果和 PDF 与本机构建一致" >&2
echo "$deb"
