#!/usr/bin/env bash
# The package test of the README's test command: builds the .deb (a dev-profile binary, to
# reuse what the tests built), checks its file list, unpacks it into a temporary root and
# runs the unpacked nianbao --version; validates the .desktop entry (skipped with a clear
# line when cargo-deb cannot be installed). Then the same for the UOS store package
# (scripts/make_uos_deb.sh, dpkg-deb only), with the store's rules.
set -uo pipefail
cd "$(dirname "$0")/.."
fail() { echo "安装包测试失败：$*"; exit 1; }
want="nianbao $(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)"
root=$(mktemp -d)
uroot=$(mktemp -d)
trap 'rm -rf "$root" "$uroot"' EXIT
summary=()
if cargo deb --version >/dev/null 2>&1 || cargo install cargo-deb --locked >/dev/null 2>&1; then
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
    dpkg -x "$deb" "$root" || fail "dpkg -x"
    version=$("$root/usr/bin/nianbao" --version) || fail "安装后的 nianbao --version"
    [ "$version" = "$want" ] || fail "版本 “$version”，应为 “$want”"
    if command -v desktop-file-validate >/dev/null 2>&1; then
        desktop-file-validate "$root/usr/share/applications/nianbao.desktop" || fail ".desktop 文件不合规"
    fi
    summary+=("$(basename "$deb")（$(grep -c . <<<"$list") 个条目，$version）")
else
    summary+=("跳过 Debian 包：无法安装 cargo-deb")
fi

# The UOS / deepin store package: /opt/apps/<appid>/ layout, the info file, no maintainer
# scripts, the four-part version, the appid alike in control, desktop file and file name.
appid=org.nianbao.editor
uos=$(bash scripts/make_uos_deb.sh --profile dev 2>/dev/null | tail -n 1) || fail "make_uos_deb.sh"
[ -f "$uos" ] || fail "没有生成 $uos"
case "$(basename "$uos")" in
    "${appid}"_[0-9]*.[0-9]*.[0-9]*.[0-9]*_amd64.deb) ;;
    *) fail "文件名 $(basename "$uos") 不是 ${appid}_<MAJOR.MINOR.PATCH.BUILD>_amd64.deb" ;;
esac
ulist=$(dpkg-deb -c "$uos") || fail "dpkg-deb -c $uos"
for f in info files/bin/nianbao "entries/applications/$appid.desktop" \
    "entries/mime/packages/$appid.xml" "entries/icons/hicolor/scalable/apps/$appid.svg" \
    "entries/icons/hicolor/16x16/apps/$appid.png" "entries/icons/hicolor/256x256/apps/$appid.png" \
    files/doc/README.md files/doc/fonts/OFL-NotoSansSC.txt; do
    grep -q " \./opt/apps/$appid/$f\$" <<<"$ulist" || fail "UOS 包中缺少 /opt/apps/$appid/$f"
done
outside=$(awk '{print $6}' <<<"$ulist" | grep -v -e '^\./$' -e '^\./opt/$' -e '^\./opt/apps/$' -e "^\./opt/apps/$appid/" || true)
[ -z "$outside" ] || fail "UOS 包中有 /opt/apps/$appid 以外的文件：$outside"
scripts=$(dpkg-deb --ctrl-tarfile "$uos" | tar -t | grep -v -e '^\./$' -e '^\./control$' -e '^\./md5sums$' || true)
[ -z "$scripts" ] || fail "UOS 包不能带维护脚本：$scripts"
[ "$(dpkg-deb -f "$uos" Package)" = "$appid" ] || fail "control 的 Package 不是 $appid"
dpkg -x "$uos" "$uroot" || fail "dpkg -x $uos"
app="$uroot/opt/apps/$appid"
uversion=$(dpkg-deb -f "$uos" Version)
python3 - "$app/info" "$appid" "$uversion" <<'PY' || fail "info 文件不合规"
import json, re, sys
info = json.load(open(sys.argv[1], encoding="utf-8"))
assert info["appid"] == sys.argv[2], info
assert info["version"] == sys.argv[3] and re.fullmatch(r"\d+\.\d+\.\d+\.\d+", info["version"]), info
assert info["arch"] == ["amd64"], info
assert isinstance(info["permissions"], dict) and info["name"], info
PY
desktop="$app/entries/applications/$appid.desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$desktop" || fail "UOS 包的 .desktop 文件不合规"
fi
grep -q "^Exec=/opt/apps/$appid/files/bin/nianbao %f\$" "$desktop" || fail "Exec 没有指向 files/bin"
grep -q "^Exec=/opt/apps/$appid/files/bin/nianbao --safe-graphics %f\$" "$desktop" || fail "没有安全图形模式的启动项"
grep -q "^Icon=$appid\$" "$desktop" || fail "Icon 不是 $appid"
uv=$("$app/files/bin/nianbao" --version) || fail "UOS 包中的 nianbao --version"
[ "$uv" = "$want" ] || fail "UOS 包：版本 “$uv”，应为 “$want”"
summary+=("$(basename "$uos")（$(grep -c . <<<"$ulist") 个条目，无维护脚本）")
echo "安装包测试通过：${summary[*]}"
