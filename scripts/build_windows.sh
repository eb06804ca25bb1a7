#!/usr/bin/env bash
# Builds the editor for Windows (x86_64, 10 and 11) on a Debian machine and packages it:
#   target/windows/nianbao-<version>-x64-setup.exe   the installer (per user, no administrator
#                                                    rights; NSIS)
#   target/windows/nianbao-<version>-x64.zip          portable: the .exe, README, fonts' licences
#                                                    and the OCR model package beside the .exe
# Both carry the OCR model package (scripts/ocr_models.sh, from the pinned wheel on PyPI); the
# installer as a component chosen by default (/NOOCR leaves it out). Where the package cannot
# be made (no registry), they are built without it and this says so.
# Installs what it needs: the Rust target x86_64-pc-windows-gnu (rustup), Debian's mingw-w64
# (the linker), NSIS (makensis) and ImageMagick (the icon). The last two lines it prints are
# the installer's and the zip's paths.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/debian_packages.sh
target=x86_64-pc-windows-gnu
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    echo "安装 Rust 的 Windows 目标 $target…" >&2
    rustup target add "$target" >&2
fi
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
command -v makensis >/dev/null 2>&1 || need+=(nsis)
command -v convert >/dev/null 2>&1 || need+=(imagemagick)
if [ ${#need[@]} -gt 0 ]; then
    echo "安装构建 Windows 版所需的软件包：${need[*]}…" >&2
    install_debian_packages "${need[@]}"
fi
cargo build --release --locked --target "$target" >&2
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
out=target/windows
rm -rf "$out" && mkdir -p "$out"
exe="target/$target/release/nianbao.exe"
# The icon of the shortcuts, the installer and drafts: every size of the Linux icons in one .ico.
convert assets/icons/nianbao-{16,32,48,64,128,256}.png "$out/nianbao.ico"
setup="$out/nianbao-$version-x64-setup.exe"
models=target/ocr-models
ocr_define=()
if bash scripts/ocr_models.sh "$models" >&2; then
    ocr_define=(-DOCR_MODELS="$(pwd)/$models")
else
    echo "注意：文字识别模型包无法获取，安装程序与便携版不带它（扫描件将无法读取）" >&2
    models=""
fi
# makensis takes relative paths from the script's folder: every path given whole.
here=$(pwd)
makensis -V2 -INPUTCHARSET UTF8 \
    -DVERSION="$version" -DEXE="$here/$exe" -DICON="$here/$out/nianbao.ico" -DROOT="$here" \
    -DOUTFILE="$here/$setup" "${ocr_define[@]}" packaging/windows/nianbao.nsi >&2
zip="$out/nianbao-$version-x64.zip"
python3 - "$zip" "$exe" "$models" <<'PY'
import os, sys, zipfile
zip_path, exe, models = sys.argv[1], sys.argv[2], sys.argv[3]
files = [
    (exe, "nianbao/nianbao.exe"),
    ("README.md", "nianbao/README.md"),
    ("assets/fonts/OFL-NotoSansSC.txt", "nianbao/fonts/OFL-NotoSansSC.txt"),
    ("assets/fonts/OFL-NotoSerifSC.txt", "nianbao/fonts/OFL-NotoSerifSC.txt"),
    ("assets/fonts/OFL-LXGWWenKai.txt", "nianbao/fonts/OFL-LXGWWenKai.txt"),
]
if models:
    files += [(os.path.join(models, name), "nianbao/ocr-models/" + name) for name in sorted(os.listdir(models))]
with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
    for src, name in files:
        z.write(src, name)
PY
echo "$setup"
echo "$zip"
