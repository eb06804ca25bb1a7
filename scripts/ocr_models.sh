#!/usr/bin/env bash
# The OCR model package (文字识别模型包): PaddleOCR's PP-OCRv6 small detection and recognition
# models (Apache-2.0), taken from the pinned `rapidocr` wheel on PyPI and checked against their
# sha256, with the recognizer's character list and the licences. Made at packaging time; the
# program never downloads anything. Nothing of it is committed.
#
#   bash scripts/ocr_models.sh [OUT]      (default: target/ocr-models)
#
# The folder goes beside the program (`ocr-models/` next to nianbao or nianbao.exe), or into
# /usr/share/nianbao/ocr-models, or wherever NIANBAO_OCR_MODELS names. A tarball and a zip of it
# are written beside OUT for the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/ocr-models}
wheel_name=rapidocr-3.10.0-py3-none-any.whl
wheel_sha256=2fc34e26cd0f48514804a94f8832283039c7334076bff60768b1fed9ad068050
det_sha256=090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f
rec_sha256=6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884
cache=${NIANBAO_WHEEL_CACHE:-$HOME/.cache/nianbao-build}
mkdir -p "$cache"
if ! echo "$wheel_sha256  $cache/$wheel_name" | sha256sum -c --status 2>/dev/null; then
    echo "下载 $wheel_name（PyPI）…" >&2
    python3 -m pip download --quiet --no-deps rapidocr==3.10.0 -d "$cache" >&2
fi
echo "$wheel_sha256  $cache/$wheel_name" | sha256sum -c --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$cache/$wheel_name" "$work" <<'PY'
import sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
wanted = {
    "rapidocr/models/PP-OCRv6_det_small.onnx": "det.onnx",
    "rapidocr/models/PP-OCRv6_rec_small.onnx": "rec.onnx",
    "rapidocr-3.10.0.dist-info/licenses/LICENSE": "LICENSE",
    "rapidocr-3.10.0.dist-info/licenses/MODEL_LICENSES.md": "MODEL_LICENSES.md",
}
with zipfile.ZipFile(wheel) as z:
    for name, to in wanted.items():
        with open(f"{out}/{to}", "wb") as f:
            f.write(z.read(name))

# The recognizer's characters are in the model's metadata (`character`, one per line); the
# CTC blank comes before them and a space after, as PaddleOCR decodes.
def varint(b, i):
    r = s = 0
    while True:
        c = b[i]; i += 1
        r |= (c & 0x7F) << s; s += 7
        if c < 0x80:
            return r, i
def fields(b):
    i = 0
    while i < len(b):
        key, i = varint(b, i)
        f, t = key >> 3, key & 7
        if t == 0:
            v, i = varint(b, i)
        elif t == 2:
            n, i = varint(b, i); v = b[i:i + n]; i += n
        elif t == 1:
            v = b[i:i + 8]; i += 8
        elif t == 5:
            v = b[i:i + 4]; i += 4
        else:
            raise SystemExit(f"rec.onnx: unknown wire type {t}")
        yield f, v
model = open(f"{out}/rec.onnx", "rb").read()
chars = None
for f, v in fields(model):
    if f == 14:  # ModelProto.metadata_props
        entry = dict(fields(v))
        if entry.get(1) == b"character":
            chars = entry[2].decode("utf-8")
if not chars:
    raise SystemExit("rec.onnx has no character list")
with open(f"{out}/characters.txt", "w", encoding="utf-8") as f:
    f.write(chars.rstrip("\n") + "\n")
PY
(cd "$work" && echo "$det_sha256  det.onnx" | sha256sum -c --quiet && echo "$rec_sha256  rec.onnx" | sha256sum -c --quiet)
cat > "$work/README.txt" <<TXT
年报编辑器（nianbao）文字识别模型包
PaddleOCR PP-OCRv6 small（检测 det.onnx、识别 rec.onnx），取自 PyPI 上的 $wheel_name
（sha256 $wheel_sha256）。许可：Apache-2.0，见 LICENSE 与 MODEL_LICENSES.md。
放在 nianbao 程序旁的 ocr-models 文件夹中（或 /usr/share/nianbao/ocr-models，或环境变量
NIANBAO_OCR_MODELS 所指的文件夹），程序即可读取扫描件；程序不联网下载任何模型。
TXT
(cd "$work" && sha256sum det.onnx rec.onnx characters.txt > SHA256SUMS)
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -r "$work" "$out"
chmod 755 "$out"
base=$(basename "$out")
(cd "$(dirname "$out")" && tar -czf "$base.tar.gz" "$base" && rm -f "$base.zip" && python3 -m zipfile -c "$base.zip" "$base")
echo "$out（$(du -sh "$out" | cut -f1)），$(dirname "$out")/$base.tar.gz，$(dirname "$out")/$base.zip"
