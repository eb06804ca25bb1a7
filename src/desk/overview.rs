//! The overview a leader reads: one self-contained HTML page (inline SVG, no script, A4 when
//! printed) and a CSV of the same rows.

use super::{Desk, DeskState, failing_rules};
use crate::model::{CellValue, Date};
use crate::template::{T3_R3_7, T3_ROWS, T3_TOTAL_COL, T4_GROUPS, t3, t4};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The 表三 rows summed in the overview: 一、本年新收, 二、上年结转, （七）总计, 四、结转.
const SUMMED_T3_ROWS: [usize; 4] = [0, 1, T3_R3_7, T3_R3_7 + 1];

/// The sum of a cell over the approved rows (cells that hold no count are left out).
fn sum_of(desk: &Desk, cell: usize) -> u128 {
    desk.approved()
        .into_iter()
        .filter_map(|i| desk.analysed[i].as_ref())
        .map(|a| match a.opened.draft.report.cell(cell) {
            CellValue::Count(n) => u128::from(*n),
            _ => 0,
        })
        .sum()
}

/// The overview as one HTML page, dated `date`.
pub fn overview_html(desk: &Desk, date: Date) -> String {
    let folder = desk
        .folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>审核总览：{}</title>\n<style>\n\
         @page {{ size: A4; margin: 20mm 18mm; }}\n\
         body {{ font-family: \"Noto Sans SC\", \"Microsoft YaHei\", sans-serif; font-size: 10.5pt; color: #111; max-width: 180mm; margin: 0 auto; }}\n\
         h1 {{ font-size: 18pt; margin: 0 0 4pt 0; }} h2 {{ font-size: 13pt; margin: 16pt 0 6pt 0; }}\n\
         table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 1px solid #999; padding: 2pt 4pt; text-align: left; }}\n\
         td.n {{ text-align: right; }} tr {{ break-inside: avoid; }} .bad {{ color: #b00020; }}\n\
         </style>\n</head>\n<body>\n",
        escape(&folder)
    ));
    out.push_str(&format!(
        "<h1>审核总览：{}</h1>\n<p>{}，共 {} 份报告。</p>\n",
        escape(&folder),
        date.chinese(),
        desk.rows.len()
    ));
    // States.
    out.push_str("<h2>各单位的状态</h2>\n<table>\n<tr><th>状态</th><th>份数</th></tr>\n");
    for (state, n) in desk.by_state() {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{n}</td></tr>\n",
            state.label()
        ));
    }
    out.push_str("</table>\n");
    // Rules by units, as bars.
    let rules = failing_rules(&desk.rows);
    out.push_str("<h2>各规则涉及的单位数</h2>\n");
    if rules.is_empty() {
        out.push_str("<p>没有问题。</p>\n");
    } else {
        let most = rules.first().map_or(1, |r| r.1.max(1));
        let (bar_h, label_w, width) = (16, 60, 560);
        let height = rules.len() * (bar_h + 4) + 4;
        out.push_str(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"各规则涉及的单位数\">\n"
        ));
        for (k, (rule, n)) in rules.iter().enumerate() {
            let y = 4 + k * (bar_h + 4);
            let w = (width - label_w - 40) * n / most;
            let color = match super::worst_severity(desk, *rule) {
                Some(crate::finding::Severity::Error) => "#c62828",
                Some(crate::finding::Severity::Warning) => "#ef8f00",
                _ => "#5c7cba",
            };
            out.push_str(&format!(
                "<text x=\"0\" y=\"{}\" font-size=\"11\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{w}\" height=\"{bar_h}\" fill=\"{color}\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">{n}</text>\n",
                y + bar_h - 4,
                rule.id(),
                label_w + w + 4,
                y + bar_h - 4
            ));
        }
        out.push_str("</svg>\n");
    }
    // Most errors.
    let mut worst: Vec<&super::Row> = desk.rows.iter().filter(|r| r.tally.errors > 0).collect();
    worst.sort_by_key(|r| std::cmp::Reverse(r.tally.errors));
    out.push_str("<h2>错误最多的单位</h2>\n");
    if worst.is_empty() {
        out.push_str("<p>没有报告有错误。</p>\n");
    } else {
        out.push_str("<table>\n<tr><th>单位</th><th>错误</th><th>警告</th><th>状态</th></tr>\n");
        for r in worst.iter().take(10) {
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"n bad\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                escape(&r.organ),
                r.tally.errors,
                r.tally.warnings,
                r.state.label()
            ));
        }
        out.push_str("</table>\n");
    }
    // Deadlines.
    let late: Vec<&super::Row> = desk.rows.iter().filter(|r| r.late == Some(true)).collect();
    out.push_str("<h2>逾期发布</h2>\n");
    if late.is_empty() {
        out.push_str("<p>没有逾期发布的报告。</p>\n");
    } else {
        out.push_str("<ul>\n");
        for r in late {
            out.push_str(&format!(
                "<li>{}（{}）</li>\n",
                escape(&r.organ),
                escape(&r.file)
            ));
        }
        out.push_str("</ul>\n");
    }
    // Sums of the accepted units.
    let accepted = desk.approved().len();
    out.push_str(&format!(
        "<h2>已审核、已签发的 {accepted} 个单位合计</h2>\n<table>\n<tr><th>表三</th><th>总计</th></tr>\n"
    ));
    for r in SUMMED_T3_ROWS {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{}</td></tr>\n",
            escape(T3_ROWS[r].label),
            sum_of(desk, t3(r, T3_TOTAL_COL))
        ));
    }
    out.push_str("</table>\n<table>\n<tr><th>表四</th><th>总计</th></tr>\n");
    for (g, group) in T4_GROUPS.iter().enumerate() {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{}</td></tr>\n",
            group.label,
            sum_of(desk, t4(g, 4))
        ));
    }
    out.push_str("</table>\n");
    // Every unit.
    out.push_str("<h2>全部单位</h2>\n<table>\n<tr><th>状态</th><th>单位</th><th>错误</th><th>警告</th><th>与上年重复</th><th>文件</th></tr>\n");
    for r in &desk.rows {
        let class = if r.state == DeskState::HasErrors {
            " class=\"bad\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<tr><td{class}>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
            r.state.label(),
            escape(&r.organ),
            r.tally.errors,
            r.tally.warnings,
            r.repetition.map(|s| s.text()).unwrap_or_default(),
            escape(&r.file)
        ));
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}

/// The overview as CSV (UTF-8 with BOM): one row per report.
pub fn overview_csv(desk: &Desk) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("文件,机关,机关类型,年度,格式,状态,错误,警告,提示,未处理批注,过期说明,与上年重复率,逾期发布,最后修改,无法读取的原因\n");
    for r in &desk.rows {
        let fields = [
            csv_field(&r.file),
            csv_field(&r.organ),
            r.kind.clone(),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.format.to_string(),
            r.state.label().to_string(),
            r.tally.errors.to_string(),
            r.tally.warnings.to_string(),
            r.tally.infos.to_string(),
            r.open_notes.to_string(),
            r.stale_explanations.to_string(),
            r.repetition.map(|s| s.text()).unwrap_or_default(),
            match r.late {
                Some(true) => "是".into(),
                Some(false) => "否".into(),
                None => String::new(),
            },
            r.modified.map(|m| m.to_string()).unwrap_or_default(),
            csv_field(r.problem.as_deref().unwrap_or_default()),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}
