//! Text export in the layout published reports use (fixtures 000 and 003): title, sections
//! in order, tables as tab-separated rows with their labels, and the signature block.
//!
//! Layout rules that make [`crate::import::import_text`] its exact inverse:
//! - every heading line and every text block is followed by one empty line;
//! - a headed section missing from the report is not printed;
//! - every data cell is printed non-empty (a blank cell as `—`), so empty cells in a row are
//!   always layout padding;
//! - the closing block is the signature line (if any) directly followed by the date line
//!   (`年  月  日` when no date is set).

use crate::model::{CellValue, Report};
use crate::template::{
    SECTIONS, T2_BLOCKS, T2_CONTENT_HEADER, T3_APPLICANTS_HEADER, T3_COLUMNS, T3_GROUPS, T3_NOTE,
    T3_ORGS_HEADER, T3_ROWS, T4_COLUMNS, T4_GROUPS, T4_REVIEW_HEADER, T4_SUIT_HEADER, TEXTS,
    TextId, t2, t3, t4,
};

/// How a blank cell is printed.
pub const BLANK_MARK: &str = "—";
/// Date line printed under the signature when no date is set.
pub const DATE_PLACEHOLDER: &str = "年  月  日";

fn cell_text(v: &CellValue) -> String {
    match v {
        CellValue::Blank => BLANK_MARK.to_string(),
        other => other.display(),
    }
}

struct Out(String);

impl Out {
    fn line(&mut self, s: &str) {
        self.0.push_str(s);
        self.0.push('\n');
    }
    fn row(&mut self, cells: &[String]) {
        self.line(&cells.join("\t"));
    }
    /// A text block followed by its empty line.
    fn block(&mut self, text: &str) {
        self.line(text);
        self.line("");
    }
    fn heading(&mut self, heading: &str) {
        self.line(heading);
        self.line("");
    }
}

/// Renders the report as UTF-8 text (deterministic: same report, same bytes).
pub fn export_text(report: &Report) -> String {
    let mut out = Out(String::new());
    out.heading(&report.title());
    text_field(&mut out, report, TextId::Intro);

    out.heading(SECTIONS[0].heading);
    text_field(&mut out, report, TextId::S1);
    for area in TextId::AREAS {
        text_field(&mut out, report, area);
    }

    out.heading(SECTIONS[1].heading);
    text_field(&mut out, report, TextId::S2);
    table2(&mut out, report);
    out.line("");

    out.heading(SECTIONS[2].heading);
    text_field(&mut out, report, TextId::S3);
    table3(&mut out, report);
    out.line("");

    out.heading(SECTIONS[3].heading);
    text_field(&mut out, report, TextId::S4);
    table4(&mut out, report);
    out.line("");

    text_field(&mut out, report, TextId::S5);
    text_field(&mut out, report, TextId::S6);

    let signature = report.meta.signature.trim_end();
    if !signature.is_empty() || report.meta.published.is_some() {
        if !signature.is_empty() {
            out.line(signature);
        }
        match report.meta.published {
            Some(d) => out.line(&d.chinese()),
            None => out.line(DATE_PLACEHOLDER),
        }
    }
    out.0
}

/// A text field: its heading (if it has one and is present), then its text. Fields without
/// a heading are printed only when non-empty.
fn text_field(out: &mut Out, report: &Report, id: TextId) {
    let Some(text) = report.text(id) else { return };
    match TEXTS[id.index()].heading {
        Some(h) => {
            out.heading(h);
            out.block(text);
        }
        None if !text.is_empty() => out.block(text),
        None => {}
    }
}

fn table2(out: &mut Out, report: &Report) {
    for (b, block) in T2_BLOCKS.iter().enumerate() {
        let pad = |cells: &mut Vec<String>| cells.resize(4, String::new());
        let mut caption = vec![block.caption.to_string()];
        pad(&mut caption);
        out.row(&caption);
        let mut header = vec![T2_CONTENT_HEADER.to_string()];
        header.extend(block.columns.iter().map(|(_, l)| l.to_string()));
        pad(&mut header);
        out.row(&header);
        for (r, (_, label)) in block.rows.iter().enumerate() {
            let mut row = vec![label.to_string()];
            row.extend((0..block.columns.len()).map(|c| cell_text(report.cell(t2(b, r, c)))));
            pad(&mut row);
            out.row(&row);
        }
    }
}

/// 表三 with three label columns, as in the official grid.
/// Index into `T3_GROUPS` of （六）其他处理.
const OTHER_HANDLING: usize = 4;

fn table3(out: &mut Out, report: &Report) {
    let s = |x: &str| x.to_string();
    let mut h1 = vec![s(T3_NOTE), s(""), s(""), s(T3_APPLICANTS_HEADER)];
    h1.resize(10, String::new());
    out.row(&h1);
    let mut h2 = vec![
        s(""),
        s(""),
        s(""),
        s(T3_COLUMNS[0].label),
        s(T3_ORGS_HEADER),
    ];
    h2.resize(9, String::new());
    h2.push(s(T3_COLUMNS[6].label));
    out.row(&h2);
    let mut h3 = vec![s(""), s(""), s(""), s("")];
    h3.extend(T3_COLUMNS[1..6].iter().map(|c| s(c.label)));
    h3.push(s(""));
    out.row(&h3);

    let mut printed_group = [false; T3_GROUPS.len()];
    let v2019 = report.format == crate::model::Format::V2019;
    for (r, row) in T3_ROWS.iter().enumerate() {
        // The 2019 format has one （六）其他处理 row (`t3.r3_6.*`) for the three 2021 rows.
        if v2019 && row.group == Some(OTHER_HANDLING) {
            if !printed_group[OTHER_HANDLING] {
                printed_group[OTHER_HANDLING] = true;
                let mut cells = vec![
                    String::new(),
                    s(T3_GROUPS[OTHER_HANDLING].label),
                    String::new(),
                ];
                cells.extend(
                    (0..T3_COLUMNS.len())
                        .map(|c| cell_text(report.cell(crate::template::t3_r3_6_2019(c)))),
                );
                out.row(&cells);
            }
            continue;
        }
        let mut labels = vec![String::new(); 3];
        match row.group {
            None => labels[0] = s(row.label),
            Some(0) => {
                if !printed_group[0] {
                    labels[0] = s(T3_GROUPS[0].label);
                    printed_group[0] = true;
                }
                labels[1] = s(row.label);
            }
            Some(g) => {
                if !printed_group[g] {
                    labels[1] = s(T3_GROUPS[g].label);
                    printed_group[g] = true;
                }
                labels[2] = s(row.label);
            }
        }
        labels.extend((0..T3_COLUMNS.len()).map(|c| cell_text(report.cell(t3(r, c)))));
        out.row(&labels);
    }
}

fn table4(out: &mut Out, report: &Report) {
    let s = |x: &str| x.to_string();
    let mut h1 = vec![s(T4_REVIEW_HEADER)];
    h1.resize(5, String::new());
    h1.push(s(T4_SUIT_HEADER));
    h1.resize(15, String::new());
    out.row(&h1);
    let mut h2: Vec<String> = T4_COLUMNS.iter().map(|(_, l)| s(l)).collect();
    h2.push(s(T4_GROUPS[1].label));
    h2.resize(10, String::new());
    h2.push(s(T4_GROUPS[2].label));
    h2.resize(15, String::new());
    out.row(&h2);
    let mut h3 = vec![String::new(); 5];
    for _ in 0..2 {
        h3.extend(T4_COLUMNS.iter().map(|(_, l)| s(l)));
    }
    out.row(&h3);
    let values: Vec<String> = (0..T4_GROUPS.len())
        .flat_map(|g| (0..T4_COLUMNS.len()).map(move |c| t4(g, c)))
        .map(|i| cell_text(report.cell(i)))
        .collect();
    out.row(&values);
}
