#!/usr/bin/env bash
# Builds the package for the 统信 UOS / deepin application store: <appid>_<version>_<arch>.deb
# laid out under /opt/apps/<appid>/ as the store requires — entries/applications (the desktop
# entry, Exec into files/bin), entries/icons/hicolor (every size), entries/mime (the draft's
# MIME type), files/bin, files/doc — with the store's `info` file (JSON: appid, name, the
# four-part version MAJOR.MINOR.PATCH.BUILD, arch, permissions) and no maintainer scripts.
# The plain .deb of scripts/make_deb.sh stays for Debian-family systems that take it.
#
# Usage: scripts/make_uos_deb.sh [--profile dev] [--target aarch64-unknown-linux-gnu]
#        (BUILD from $NIANBAO_BUILD, default 1; --target packages a cross-built binary)
# Prints the path of the package on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
appid=org.nianbao.editor
profile=release
target=""
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile=${2:?--profile 需要一个值}; shift 2 ;;
        --target) target=${2:?--target 需要一个值}; shift 2 ;;
        *) echo "不认识的参数：$1" >&2; exit 2 ;;
    esac
done
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
if [ -n "$target" ]; then
    cargo build --locked --profile "$profile" --target "$target" >&2
    bin="target/$target/$dir/nianbao"
else
    cargo build --locked --profile "$profile" >&2
    bin="target/$dir/nianbao"
fi
[ -x "$bin" ] || { echo "没有找到 $bin" >&2; exit 1; }
version="$(grep -m1 '^version' Cargo.toml | cut -d'"' -f2).${NIANBAO_BUILD:-1}"
case "$version" in
    [0-9]*.[0-9]*.[0-9]*.[0-9]*) ;;
    *) echo "版本 $version 不是 MAJOR.MINOR.PATCH.BUILD" >&2; exit 1 ;;
esac
case "$target" in
    "") arch=$(dpkg --print-architecture 2>/dev/null || echo amd64) ;;
    x86_64-*) arch=amd64 ;;
    aarch64-*) arch=arm64 ;;
    loongarch64-*) arch=loong64 ;;
    *) echo "不知道 $target 对应的 Debian 架构名" >&2; exit 2 ;;
esac
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
app="$root/opt/apps/$appid"
mkdir -p "$app/files/bin" "$app/files/doc/fonts" "$app/entries/applications" \
    "$app/entries/mime/packages" "$app/entries/icons/hicolor/scalable/apps" "$root/DEBIAN"
install -m 755 "$bin" "$app/files/bin/nianbao"
install -m 644 README.md "$app/files/doc/README.md"
install -m 644 assets/fonts/OFL-*.txt "$app/files/doc/fonts/"
# The desktop entry of the plain package, pointed into files/bin and named by the appid.
sed -e "s|^Exec=nianbao|Exec=/opt/apps/$appid/files/bin/nianbao|" \
    -e "s|^Icon=nianbao\$|Icon=$appid|" \
    assets/linux/nianbao.desktop >"$app/entries/applications/$appid.desktop"
chmod 644 "$app/entries/applications/$appid.desktop"
install -m 644 assets/linux/nianbao-mime.xml "$app/entries/mime/packages/$appid.xml"
install -m 644 assets/icons/nianbao.svg "$app/entries/icons/hicolor/scalable/apps/$appid.svg"
for size in 16 32 48 64 128 256; do
    mkdir -p "$app/entries/icons/hicolor/${size}x${size}/apps"
    install -m 644 "assets/icons/nianbao-$size.png" "$app/entries/icons/hicolor/${size}x${size}/apps/$appid.png"
done
cat >"$app/info" <<INFO
{
    "appid": "$appid",
    "name": "年报编辑器",
    "version": "$version",
    "arch": ["$arch"],
    "permissions": {
        "autostart": false,
        "notification": false,
        "trayicon": false,
        "clipboard": true,
        "account": false,
        "bluetooth": false,
        "camera": false,
        "audio_record": false,
        "installed_apps": false
    }
}
INFO
chmod 644 "$app/info"
size=$(du -sk "$root/opt" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: $appid
Version: $version
Architecture: $arch
Maintainer: nianbao developers <nianbao@example.org>
Installed-Size: $size
Depends: libc6, libgl1, libegl1, libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon0, libxkbcommon-x11-0
Section: office
Priority: optional
Description: 年报编辑器：政府信息公开工作年度报告编辑器与检查工具
 按国办公开办函〔2021〕30号格式编写、检查政府信息公开工作年度报告：
 表单与官方模板一致，录入时实时核对勾稽关系，导出可直接发布的 PDF；
 也能导入已发布的报告（PDF、Word、网页、文本）并指出其中的错误。
CONTROL
out="target/${appid}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >&2
echo "$out"
