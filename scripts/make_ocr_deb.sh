#!/usr/bin/env bash
# The OCR model package as a Debian package, nianbao-ocr-models_<version>_all.deb: the
# folder `scripts/ocr_models.sh` makes, installed to /usr/share/nianbao/ocr-models (where
# nianbao looks). Architecture-independent: one package for amd64 and arm64 (UOS, Kylin).
# Prints the path of the package on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.10.0
models=$(mktemp -d)
trap 'rm -rf "$models"' EXIT
bash scripts/ocr_models.sh "$models/ocr-models" >&2
root="$models/root"
mkdir -p "$root/DEBIAN" "$root/usr/share/nianbao" "$root/usr/share/doc/nianbao-ocr-models"
cp -r "$models/ocr-models" "$root/usr/share/nianbao/ocr-models"
cp "$models/ocr-models/LICENSE" "$models/ocr-models/MODEL_LICENSES.md" "$root/usr/share/doc/nianbao-ocr-models/"
size=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: nianbao-ocr-models
Version: $version
Architecture: all
Maintainer: nianbao <nianbao@localhost>
Installed-Size: $size
Section: text
Priority: optional
Enhances: nianbao
Description: 年报编辑器的文字识别模型包（读取扫描件）
 PaddleOCR PP-OCRv6 small text detection and recognition models (Apache-2.0), from the
 rapidocr $version wheel, for nianbao to read scanned annual reports offline.
CONTROL
find "$root" -type d -exec chmod 755 {} +
find "$root/usr" -type f -exec chmod 644 {} +
mkdir -p target/debian
out="target/debian/nianbao-ocr-models_${version}_all.deb"
dpkg-deb --root-owner-group --build "$root" "$out" >&2
echo "$out"
