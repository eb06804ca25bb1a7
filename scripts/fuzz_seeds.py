#!/usr/bin/env python3
"""Structure-aware seeds for the fuzz targets: deep nesting, huge tables, many spans, very
long lines, huge drafts (what short random inputs never reach). Writes them into the folder
given, for one target:
    python3 scripts/fuzz_seeds.py html /tmp/seeds/html
    python3 scripts/fuzz_seeds.py docx /tmp/seeds/docx
    python3 scripts/fuzz_seeds.py docx_xml /tmp/seeds/docx_xml
    python3 scripts/fuzz_seeds.py text /tmp/seeds/text
    python3 scripts/fuzz_seeds.py draft /tmp/seeds/draft
    cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O import_html /tmp/seeds/html -- -max_len=3000000
The published fixtures of tests/data/ are added as seeds too; with a release build present
(target/release/nianbao), so are their drafts and their Word exports.
"""
import io
import os
import random
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PUBLISHED = os.path.join(ROOT, "tests", "data", "published")
BINARY = os.path.join(ROOT, "target", "release", "nianbao")
TITLE = "某县人民政府2025年政府信息公开工作年度报告"


def fixtures():
    """The published reports kept in the repository, as text."""
    out = {}
    for name in sorted(os.listdir(PUBLISHED)):
        if name.endswith(".txt"):
            with open(os.path.join(PUBLISHED, name), encoding="utf-8") as f:
                out[name] = f.read()
    return out


def nianbao(*args):
    """Runs the release build when there is one; False when there is none or it fails."""
    if not os.path.exists(BINARY):
        return False
    return subprocess.run([BINARY, *args], capture_output=True).returncode in (0, 1)


def html_seeds():
    return {
        "deep_div.html": "<div>" * 50000 + "x" + "</div>" * 50000,
        "deep_table.html": "<table><tr><td>" * 5000 + "1" + "</td></tr></table>" * 5000,
        "huge_table.html": f"<html><body><h1>{TITLE}</h1><table>"
        + "".join(
            "<tr>"
            + "".join(
                f'<td rowspan="{i % 5 + 1}" colspan="{j % 3 + 1}">{i * j}</td>'
                for j in range(30)
            )
            + "</tr>"
            for i in range(2000)
        )
        + "</table></body></html>",
        "many_spans.html": "<p>" + "<span>一、总体情况</span>" * 40000 + "</p>",
    }


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types '
    'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx(body):
    """A minimal .docx whose document body is `body`."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}'
            "</w:body></w:document>",
        )
    return buf.getvalue()


def para(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_seeds():
    rng = random.Random(14)
    cell = "<w:tc>{}</w:tc>"
    huge_rows = []
    for i in range(2000):
        cells = []
        for j in range(30):
            props = ""
            if (i + j) % 7 == 0:
                props = f'<w:tcPr><w:gridSpan w:val="{rng.randint(1, 40)}"/></w:tcPr>'
            elif (i * j) % 5 == 1:
                merge = ' w:val="restart"' if rng.random() < 0.3 else ""
                props = f"<w:tcPr><w:vMerge{merge}/></w:tcPr>"
            cells.append(cell.format(props + para(str(i * j))))
        huge_rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    seeds = {
        "deep_tables.docx": docx(
            para(TITLE)
            + "<w:tbl><w:tr><w:tc>" * 5000
            + para("1")
            + "</w:tc></w:tr></w:tbl>" * 5000
        ),
        "deep_elements.docx": docx(
            "<w:sdt><w:sdtContent>" * 60000 + para("一、总体情况") + "</w:sdtContent></w:sdt>" * 60000
        ),
        "huge_table.docx": docx(para(TITLE) + "<w:tbl>" + "".join(huge_rows) + "</w:tbl>"),
        "many_runs.docx": docx(
            "<w:p>" + "<w:r><w:t>一、总体情况</w:t><w:br/></w:r>" * 100000 + "</w:p>"
        ),
        # 200 MB of document.xml in a small zip: the importer reads at most 64 MB.
        "bomb.docx": docx(para(" " * 200_000_000)),
        "open_tags.docx": docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>" * 3000),
    }
    for name, text in fixtures().items():
        body = "".join(para(line.replace("&", "&amp;").replace("<", "&lt;")) for line in text.splitlines())
        seeds[name.replace(".txt", "_lines.docx")] = docx(body)
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(PUBLISHED, name)
            out = os.path.join(tmp, "r.docx")
            if nianbao("export", src, "--docx", out) and os.path.exists(out):
                with open(out, "rb") as f:
                    seeds[name.replace(".txt", "_export.docx")] = f.read()
    report = os.path.join(ROOT, "tests", "data", "report.docx")
    if os.path.exists(report):
        with open(report, "rb") as f:
            seeds["report.docx"] = f.read()
    return seeds


def text_seeds():
    texts = fixtures()
    seeds = dict(texts)
    joined = "\n".join(texts.values())
    one = texts.get("003_60d30e5d68c9d170.txt", joined)
    seeds["all_ten_times.txt"] = joined * 10
    # One line of ~2 MB: every report run together (cells and labels in one line).
    seeds["one_line.txt"] = (joined.replace("\n", "") * 4)[:700_000]
    # Labels broken over lines: a character per line.
    seeds["char_per_line.txt"] = "\n".join(one)
    seeds["many_rows.txt"] = "".join(
        f"（{'一二三四五六七'[i % 7]}）本机关{i}\t{i}\t0\t{i % 3}\t0\t0\t0\t{i}\n" for i in range(60000)
    )
    seeds["markdown_wide.txt"] = (
        f"# {TITLE}\n\n" + ("|" + "|".join(str(j) for j in range(3000)) + "|\n") * 200
    )
    seeds["long_numbers.txt"] = (
        f"{TITLE}\n三、收到和处理政府信息公开申请情况\n"
        + ("一、本年新收政府信息公开申请 " + "9" * 1000 + " " + "1" * 5000 + "\n") * 100
    )
    seeds["headings_only.txt"] = "一、总体情况\n（一）主动公开\n" * 60000
    return seeds


MINIMAL_DRAFT = """(
    version: {version},
    format: "2021",
    meta: (organ: "某县人民政府", organ_kind: "人民政府", year: Some(2025), published: None, signature: ""),
    manual_totals: false,
    sections: {{ {sections} }},
    cells: {{ {cells} }},
{extra})
"""


def ron_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def draft(version=1, sections="", cells="", extra=""):
    return MINIMAL_DRAFT.format(version=version, sections=sections, cells=cells, extra=extra)


def draft_seeds():
    cell_ids = [f'"t3.r{r}.np": "{r}"' for r in (1, 2, 4)] + ['"t4.review.upheld": "1"']
    note = '(place: "t3.r1.np", text: "请核对", author: "李四", at: "2026-01-05 10:00", resolved: false)'
    explanation = (
        '(rule: "H5", places: ["t3.r1.np", "t3.r2.np"], values: ["1", "2"], text: "已核实", '
        'author: "王五", at: "2026-01-05 10:00")'
    )
    unit = '(organ: "某街道办事处", file: "a.ron", cells: {{ {} }})'.format(", ".join(cell_ids))
    seeds = {
        "minimal.ron": draft(),
        "huge_text.ron": draft(sections='"s1": ' + ron_string("政务公开工作。" * 100_000)),
        "many_notes.ron": draft(
            version=2,
            cells=", ".join(cell_ids),
            extra="    review: Some((explanations: ["
            + ", ".join([explanation] * 5000)
            + "], sign_offs: [], notes: ["
            + ", ".join([note] * 10000)
            + "])),\n",
        ),
        "big_sum.ron": draft(
            version=2,
            extra='    sum: Some((scope: "本行政区域", warnings: [], units: ['
            + ", ".join([unit] * 20000)
            + "])),\n",
        ),
        "deep_brackets.ron": draft(cells='"t3.r1.np": ' + "[" * 100000 + "]" * 100000),
        "deep_options.ron": draft(extra="    sum: " + "Some(" * 100000 + ")" * 100000 + ",\n"),
        "many_cells.ron": draft(
            cells=", ".join(f'"t3.r{i}.np": "{i}"' for i in range(100000))
        ),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name in fixtures():
            out = os.path.join(tmp, name + ".ron")
            if nianbao("import", os.path.join(PUBLISHED, name), "-o", out):
                with open(out, encoding="utf-8") as f:
                    seeds[name.replace(".txt", ".ron")] = f.read()
                if nianbao("sign", "--stage", "审核", "--name", "张三", out):
                    with open(out, encoding="utf-8") as f:
                        seeds[name.replace(".txt", "_signed.ron")] = f.read()
    return seeds


def docx_xml_seeds():
    """The body XML of each Word seed, for the docx_xml target (which packs it itself)."""
    seeds = {}
    for name, packed in docx_seeds().items():
        with zipfile.ZipFile(io.BytesIO(packed)) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size <= 3_000_000:
                seeds[name.replace(".docx", ".xml")] = z.read(info)
    return seeds


TARGETS = {
    "html": html_seeds,
    "docx": docx_seeds,
    "docx_xml": docx_xml_seeds,
    "text": text_seeds,
    "draft": draft_seeds,
}

if len(sys.argv) != 3 or sys.argv[1] not in TARGETS:
    sys.exit(f"usage: fuzz_seeds.py {{{'|'.join(TARGETS)}}} FOLDER")
target, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
seeds = TARGETS[target]()
for name, content in seeds.items():
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
print(f"{len(seeds)} {target} seeds in {out}")
