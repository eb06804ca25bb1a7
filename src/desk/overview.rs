//! The overview a leader reads: one self-contained HTML page (inline SVG, no script, A4 when
//! printed) and a CSV of the same rows.

use super::row::{DeskState, Row};
use crate::batch::csv_field;
use crate::export::markup::escape;
use crate::finding::{Rule, Severity};
use crate::model::Date;

/// What the overview page shows, gathered by the desk.
pub(super) struct Overview<'a> {
    pub folder: &'a str,
    pub date: Date,
    pub rows: &'a [Row],
    pub states: Vec<(DeskState, usize)>,
    /// The rules that fail: in how many units, and their worst severity.
    pub rules: Vec<(Rule, usize, Option<Severity>)>,
    /// How many units are approved and summed (the sums are theirs).
    pub approved: usize,
    /// The year summed.
    pub sum_year: Option<u16>,
    /// The approved reports left out of the sums, each with why.
    pub left_out: Vec<String>,
    pub t3_sums: Vec<(&'static str, u128)>,
    pub t4_sums: Vec<(&'static str, u128)>,
}

/// The overview as one HTML page.
pub(super) fn page(o: &Overview) -> String {
    let mut out = head(o.folder);
    out.push_str(&format!(
        "<h1>审核总览：{}</h1>\n<p>{}，共 {} 份报告。</p>\n",
        escape(o.folder),
        o.date.chinese(),
        o.rows.len()
    ));
    out.push_str("<h2>各单位的状态</h2>\n<table>\n<tr><th>状态</th><th>份数</th></tr>\n");
    for (state, n) in &o.states {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{n}</td></tr>\n",
            state.label()
        ));
    }
    out.push_str("</table>\n<h2>各规则涉及的单位数</h2>\n");
    out.push_str(&bars(&o.rules));
    out.push_str(&most_errors(o.rows));
    out.push_str(&late(o.rows));
    out.push_str(&sums(o));
    out.push_str(&all_units(o.rows));
    out.push_str("</body>\n</html>\n");
    out
}

fn head(folder: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>审核总览：{}</title>\n<style>\n\
         @page {{ size: A4; margin: 20mm 18mm; }}\n\
         body {{ font-family: \"Noto Sans SC\", \"Microsoft YaHei\", sans-serif; font-size: 10.5pt; color: #111; max-width: 180mm; margin: 0 auto; }}\n\
         h1 {{ font-size: 18pt; margin: 0 0 4pt 0; }} h2 {{ font-size: 13pt; margin: 16pt 0 6pt 0; }}\n\
         table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 1px solid #999; padding: 2pt 4pt; text-align: left; }}\n\
         td.n {{ text-align: right; }} tr {{ break-inside: avoid; }} .bad {{ color: #b00020; }}\n\
         </style>\n</head>\n<body>\n",
        escape(folder)
    )
}

/// The rules by units, as an inline SVG bar chart.
fn bars(rules: &[(Rule, usize, Option<Severity>)]) -> String {
    if rules.is_empty() {
        return "<p>没有问题。</p>\n".to_string();
    }
    let most = rules.first().map_or(1, |r| r.1.max(1));
    let (bar_h, label_w, width) = (16, 230, 660);
    let height = rules.len() * (bar_h + 4) + 4;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"各规则涉及的单位数\">\n"
    );
    for (k, (rule, n, severity)) in rules.iter().enumerate() {
        let y = 4 + k * (bar_h + 4);
        let w = (width - label_w - 40) * n / most;
        let color = match severity {
            Some(Severity::Error) => "#c62828",
            Some(Severity::Warning) => "#ef8f00",
            _ => "#5c7cba",
        };
        out.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"11\">{} {}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{w}\" height=\"{bar_h}\" fill=\"{color}\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">{n}</text>\n",
            y + bar_h - 4,
            crate::rule_texts::text_of(*rule).name,
            rule.id(),
            label_w + w + 4,
            y + bar_h - 4
        ));
    }
    out.push_str("</svg>\n");
    out
}

fn most_errors(rows: &[Row]) -> String {
    let mut worst: Vec<&Row> = rows.iter().filter(|r| r.tally.errors > 0).collect();
    worst.sort_by_key(|r| std::cmp::Reverse(r.tally.errors));
    let mut out = "<h2>错误最多的单位</h2>\n".to_string();
    if worst.is_empty() {
        out.push_str("<p>没有报告有错误。</p>\n");
        return out;
    }
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
    out
}

fn late(rows: &[Row]) -> String {
    let late: Vec<&Row> = rows.iter().filter(|r| r.late == Some(true)).collect();
    let mut out = "<h2>逾期发布</h2>\n".to_string();
    if late.is_empty() {
        out.push_str("<p>没有逾期发布的报告。</p>\n");
        return out;
    }
    out.push_str("<ul>\n");
    for r in late {
        out.push_str(&format!(
            "<li>{}（{}）</li>\n",
            escape(&r.organ),
            escape(&r.file)
        ));
    }
    out.push_str("</ul>\n");
    out
}

fn sums(o: &Overview) -> String {
    let year = o.sum_year.map(|y| format!("{y}年度")).unwrap_or_default();
    let mut out = format!(
        "<h2>已审核、已签发的 {} 个单位合计{}</h2>\n",
        o.approved,
        if year.is_empty() {
            String::new()
        } else {
            format!("（{year}）")
        }
    );
    if !o.left_out.is_empty() {
        out.push_str("<p>未计入合计：</p>\n<ul>\n");
        for why in &o.left_out {
            out.push_str(&format!("<li>{}</li>\n", escape(why)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<table>\n<tr><th>表三</th><th>总计</th></tr>\n");
    for (label, n) in &o.t3_sums {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{n}</td></tr>\n",
            escape(label)
        ));
    }
    out.push_str("</table>\n<table>\n<tr><th>表四</th><th>总计</th></tr>\n");
    for (label, n) in &o.t4_sums {
        out.push_str(&format!(
            "<tr><td>{label}</td><td class=\"n\">{n}</td></tr>\n"
        ));
    }
    out.push_str("</table>\n");
    out
}

fn all_units(rows: &[Row]) -> String {
    let mut out = "<h2>全部单位</h2>\n<table>\n<tr><th>状态</th><th>单位</th><th>错误</th><th>警告</th><th>与上年重复</th><th>文件</th></tr>\n".to_string();
    for r in rows {
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
    out.push_str("</table>\n");
    out
}

/// The overview as CSV (UTF-8 with BOM): one row per report.
pub fn overview_csv(rows: &[Row]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("文件,机关,机关类型,年度,格式,状态,错误,警告,提示,未处理批注,过期说明,与上年重复率,逾期发布,最后修改,无法读取的原因\n");
    for r in rows {
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
