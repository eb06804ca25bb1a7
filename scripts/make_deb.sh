#!/usr/bin/env bash
# Builds the Debian package nianbao_<version>_amd64.deb with cargo-deb (installed when
# missing): the binary, the .desktop entry (年报编辑器, Office), the icon in every size, the
# MIME type of *.nianbao.ron drafts and the fonts' licences. Extra arguments go to
# `cargo deb` (e.g. `--profile dev` for a quick package in the tests).
# Prints the path of the package on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1; then
    echo "安装 cargo-deb…" >&2
    cargo install cargo-deb --locked >&2
fi
out=$(cargo deb --locked "$@" 2>&1 | tee /dev/stderr | tail -n 1)
case "$out" in
    *.deb) echo "$out" ;;
    *) echo "cargo deb 没有生成 .deb：$out" >&2; exit 1 ;;
esac
