#!/usr/bin/env bash
# The package test of the README's test command: builds the .deb (a dev-profile binary, to
# reuse what the tests built), checks its file list, unpacks it into a temporary root and
# runs the unpacked nianbao --version; validates the .desktop entry. Skipped with a clear
# line when cargo-deb cannot be installed (no registry).
set -uo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1 && ! cargo install cargo-deb --locked >/dev/null 2>&1; then
    echo "跳过安装包测试：无法安装 cargo-deb"
    exit 0
fi
fail() { echo "安装包测试失败：$*"; exit 1; }
deb=$(bash scripts/make_deb.sh --profile dev 2>/dev/null | tail -n 1) || fail "cargo deb"
[ -f "$deb" ] || fail "没有生成 $deb"
case "$(basename "$deb")" in
    nianbao_*_amd64.deb) ;;
    *) fail "文件名 $(basename "$deb") 不是 nianbao_<version>_amd64.deb" ;;
esac
list=$(dpkg-deb -c "$deb") || fail "dpkg-deb -c"
for f in ./usr/bin/nianbao ./usr/share/applications/nianbao.desktop \
    ./usr/share/mime/packages/nianbao.xml ./usr/share/icons/hicolor/scalable/apps/nianbao.svg \
    ./usr/share/icons/hicolor/16x16/apps/nianbao.png ./usr/share/icons/hicolor/256x256/apps/nianbao.png \
    ./usr/share/doc/nianbao/fonts/OFL-NotoSansSC.txt; do
    grep -q " $f\$" <<<"$list" || fail "包中缺少 $f"
done
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root" || fail "dpkg -x"
version=$("$root/usr/bin/nianbao" --version) || fail "安装后的 nianbao --version"
want="nianbao $(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)"
[ "$version" = "$want" ] || fail "版本 “$version”，应为 “$want”"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$root/usr/share/applications/nianbao.desktop" || fail ".desktop 文件不合规"
fi
echo "安装包测试通过：$(basename "$deb")（$(grep -c . <<<"$list") 个条目，$version）"
