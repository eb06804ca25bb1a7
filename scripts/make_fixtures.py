#!/usr/bin/env python3
"""Makes tests/data/report.html and tests/data/report.docx from published fixture 003.

The narrative is fixture 003's own text; the three tables are rebuilt the way the official
template draws them (merged header cells, vertical group cells), so the importers meet real
rowspan/colspan (HTML) and gridSpan/vMerge (Word) structures. The HTML is saved in GB18030
with a gb2312 meta tag and &nbsp; entities, as many government sites serve it; the DOCX is
written with python-docx (pip install python-docx==1.1.2).

Run from the repository root: python3 scripts/make_fixtures.py
"""
import glob
import html
import os

import docx
from docx.shared import Pt

SRC = glob.glob("tests/data/published/003_*.txt")[0]
OUT = "tests/data"

T2 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", ["0", "0", "0"]), ("行政规范性文件", ["3", "25", "21"])]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", ["0"])]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", ["0"]), ("行政强制", ["0"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["0"])]),
]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
Z = ["0"] * 7
# (group-outer, group-inner, label, values); None group = label spans the label columns.
T3 = [
    (None, None, "一、本年新收政府信息公开申请数量", ["8", "0", "0", "0", "0", "0", "8"]),
    (None, None, "二、上年结转政府信息公开申请数量", Z),
    ("三、本年度办理结果", None, "（一）予以公开", ["2", "0", "0", "0", "0", "0", "2"]),
    ("三、本年度办理结果", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
     ["4", "0", "0", "0", "0", "0", "4"]),
] + [("三、本年度办理结果", "（三）不予公开", l, Z) for l in [
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]] + [
    ("三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息", ["1", "0", "0", "0", "0", "0", "1"]),
    ("三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作", ["1", "0", "0", "0", "0", "0", "1"]),
    ("三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确", Z),
] + [("三、本年度办理结果", "（五）不予处理", l, Z) for l in [
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息"]] + [("三、本年度办理结果", "（六）其他处理", l, Z) for l in [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]] + [
    ("三、本年度办理结果", None, "（七）总计", ["8", "0", "0", "0", "0", "0", "8"]),
    (None, None, "四、结转下年度继续办理", Z),
]
T4_COLS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def narrative():
    """Fixture 003 as blocks: ('p', text) and ('table', n) where a table starts."""
    blocks, table = [], 0
    in_table = False
    for line in open(SRC, encoding="utf-8").read().splitlines():
        if "\t" in line or line.startswith("(本列数据"):
            if not in_table:
                table += 1
                blocks.append(("table", table))
            in_table = True
            continue
        if line.strip() == "" and in_table:
            continue
        in_table = False if line.strip() else in_table
        if line.strip():
            blocks.append(("p", line.strip().replace("**", "")))
    # Text extraction put a few label fragments on lines of their own inside 表三/表四.
    return [b for b in blocks if not (b[0] == "p" and len(b[1]) <= 4)]


def html_tables():
    t2 = ["<table border=1 cellspacing=0>"]
    for caption, cols, rows in T2:
        t2.append(f'<tr><td colspan=4 align=center>{caption}</td></tr>')
        span = 3 // len(cols)
        t2.append("<tr><td>信息内容</td>" + "".join(f"<td colspan={span}>{c}</td>" for c in cols) + "</tr>")
        for label, vals in rows:
            t2.append(f"<tr><td>{label}</td>" + "".join(f"<td colspan={span}>{v}</td>" for v in vals) + "</tr>")
    t2.append("</table>")

    t3 = ["<table border=1 cellspacing=0>",
          f'<tr><td rowspan=3 colspan=3>{NOTE}</td><td colspan=7>申请人情况</td></tr>',
          '<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>',
          "<tr>" + "".join(f"<td>{o.replace('公益', '公益<br>')}</td>" for o in ORGS) + "</tr>"]
    seen_outer, seen_inner = set(), set()
    for outer, inner, label, vals in T3:
        cells = []
        if outer is None:
            cells.append(f"<td colspan=3>{label}</td>")
        else:
            if outer not in seen_outer:
                n = sum(1 for r in T3 if r[0] == outer)
                cells.append(f"<td rowspan={n}>{outer}</td>")
                seen_outer.add(outer)
            if inner is None:
                cells.append(f"<td colspan=2>{label}</td>")
            else:
                if inner not in seen_inner:
                    n = sum(1 for r in T3 if r[1] == inner)
                    cells.append(f"<td rowspan={n}>{inner}</td>")
                    seen_inner.add(inner)
                cells.append(f"<td>{label}</td>")
        cells += [f"<td>{v}</td>" for v in vals]
        t3.append("<tr>" + "".join(cells) + "</tr>")
    t3.append("</table>")

    t4 = ["<table border=1 cellspacing=0>",
          "<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>",
          "<tr>" + "".join(f"<td rowspan=2>{c}</td>" for c in T4_COLS)
          + "<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>",
          "<tr>" + "".join(f"<td>{c}</td>" for c in T4_COLS * 2) + "</tr>",
          "<tr>" + "<td>0</td>" * 15 + "</tr>", "</table>"]
    return {1: "\n".join(t2), 2: "\n".join(t3), 3: "\n".join(t4)}


def write_html():
    tables = html_tables()
    body = []
    for kind, value in narrative():
        if kind == "table":
            body.append(tables[value])
        else:
            body.append(f"<p style=\"text-indent:2em\">{html.escape(value).replace(' ', '&nbsp;')}</p>")
    page = ('<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            "<title>原州区人民政府办公室2022年政府信息公开工作年度报告</title>"
            "<script>var nav = '<p>不是正文</p>';</script><style>p{margin:0}</style></head>\n"
            '<body><div class="nav">首页 &gt; 政府信息公开 &gt; 年报</div>\n<div class="article">\n'
            + "\n".join(body) + "\n</div></body></html>\n")
    with open(os.path.join(OUT, "report.html"), "wb") as f:
        f.write(page.encode("gb18030"))


def write_docx():
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.size = Pt(12)
    for kind, value in narrative():
        if kind == "p":
            d.add_paragraph(value)
            continue
        if value == 1:
            t = d.add_table(rows=0, cols=4)
            for caption, cols, rows in T2:
                r = t.add_row().cells
                r[0].merge(r[3]).text = caption
                r = t.add_row().cells
                r[0].text = "信息内容"
                if len(cols) == 1:
                    r[1].merge(r[3]).text = cols[0]
                else:
                    for k, c in enumerate(cols):
                        r[1 + k].text = c
                for label, vals in rows:
                    r = t.add_row().cells
                    r[0].text = label
                    if len(vals) == 1:
                        r[1].merge(r[3]).text = vals[0]
                    else:
                        for k, v in enumerate(vals):
                            r[1 + k].text = v
        elif value == 2:
            t = d.add_table(rows=3 + len(T3), cols=10)
            rows = t.rows
            rows[0].cells[0].merge(rows[2].cells[2]).text = NOTE
            rows[0].cells[3].merge(rows[0].cells[9]).text = "申请人情况"
            rows[1].cells[3].merge(rows[2].cells[3]).text = "自然人"
            rows[1].cells[4].merge(rows[1].cells[8]).text = "法人或其他组织"
            rows[1].cells[9].merge(rows[2].cells[9]).text = "总计"
            for k, o in enumerate(ORGS):
                rows[2].cells[4 + k].text = o
            for i, (outer, inner, label, vals) in enumerate(T3):
                r = rows[3 + i].cells
                if outer is None:
                    r[0].merge(r[2]).text = label
                elif inner is None:
                    r[1].merge(r[2]).text = label
                else:
                    r[2].text = label
                for k, v in enumerate(vals):
                    r[3 + k].text = v
            for name, col in (("三、本年度办理结果", 0), ("（三）不予公开", 1), ("（四）无法提供", 1),
                              ("（五）不予处理", 1), ("（六）其他处理", 1)):
                idx = [i for i, row in enumerate(T3) if row[col] == name]
                rows[3 + idx[0]].cells[col].merge(rows[3 + idx[-1]].cells[col]).text = name
        elif value == 3:
            t = d.add_table(rows=4, cols=15)
            rows = t.rows
            rows[0].cells[0].merge(rows[0].cells[4]).text = "行政复议"
            rows[0].cells[5].merge(rows[0].cells[14]).text = "行政诉讼"
            for k, c in enumerate(T4_COLS):
                rows[1].cells[k].merge(rows[2].cells[k]).text = c
                rows[2].cells[5 + k].text = c
                rows[2].cells[10 + k].text = c
            rows[1].cells[5].merge(rows[1].cells[9]).text = "未经复议直接起诉"
            rows[1].cells[10].merge(rows[1].cells[14]).text = "复议后起诉"
            for k in range(15):
                rows[3].cells[k].text = "0"
    d.core_properties.title = "原州区人民政府办公室2022年政府信息公开工作年度报告"
    d.save(os.path.join(OUT, "report.docx"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_html()
    write_docx()
    print("wrote", OUT)
