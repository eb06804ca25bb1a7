#!/usr/bin/env python3
"""Structure-aware seeds for the importers' fuzz targets: deep nesting, huge tables, many
spans (what short random inputs never reach). Writes them into the folder given:
    python3 scripts/fuzz_seeds.py /tmp/seeds/html
    cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O import_html /tmp/seeds/html -- -max_len=3000000
"""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "seeds"
os.makedirs(out, exist_ok=True)
seeds = {
    "deep_div.html": "<div>" * 50000 + "x" + "</div>" * 50000,
    "deep_table.html": "<table><tr><td>" * 5000 + "1" + "</td></tr></table>" * 5000,
    "huge_table.html": "<html><body><h1>某县人民政府2025年政府信息公开工作年度报告</h1><table>"
    + "".join(
        "<tr>"
        + "".join(
            f'<td rowspan="{i % 5 + 1}" colspan="{j % 3 + 1}">{i * j}</td>' for j in range(30)
        )
        + "</tr>"
        for i in range(2000)
    )
    + "</table></body></html>",
    "many_spans.html": "<p>" + "<span>一、总体情况</span>" * 40000 + "</p>",
}
for name, text in seeds.items():
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)
print(f"{len(seeds)} seeds in {out}")
