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

use crate::layout::{BODY, Block, GridContent, GridItem, TableGrid, grid};
use crate::model::{CellValue, Report};
use crate::template::{
    DATE_PLACEHOLDER, SECTIONS, T3_BASE, T3_COLUMNS, T3_GROUPS,
    T3_OTHER_HANDLING as OTHER_HANDLING, T3_ROWS, TEMPLATE, TEXTS, TableId, TextId, t3_r3_6_2019,
};

/// How a blank cell is printed.
pub const BLANK_MARK: &str = "—";

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

/// Renders the report as UTF-8 text (deterministic: same report, same bytes). Walks the
/// body ([`BODY`]) and prints each table from its grid ([`grid`]).
pub fn export_text(report: &Report) -> String {
    let mut out = Out(String::new());
    out.heading(&report.title());
    for block in BODY {
        match block {
            Block::Heading(i) => out.heading(SECTIONS[i].heading),
            Block::Text(id) => text_field(&mut out, report, id),
            Block::Table(t) => {
                table(&mut out, report, grid(t));
                // A 2019-format report says so under 表三 (its 表二 is printed in the 2021
                // layout, so nothing else would tell it from a 2021 template that merged
                // （六）).
                if t == TableId::T3 && report.format == crate::model::Format::V2019 {
                    out.line(&crate::export::pieces::legacy_note(report));
                }
                out.line("");
            }
        }
    }
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

/// A table, one line per grid row: every item's text in the column where it starts, empty
/// fields where a merged item continues.
fn table(out: &mut Out, report: &Report, grid: &TableGrid) {
    let v2019 = report.format.one_other_row();
    let mut printed_2019_other = false;
    for row in 0..grid.rows {
        let items: Vec<&GridItem> = grid.items.iter().filter(|it| it.row == row).collect();
        // The 2019 format has one （六）其他处理 row (`t3.r3_6.*`) for the three 2021 rows.
        if v2019 && is_2021_other_handling_row(&items) {
            if !printed_2019_other {
                printed_2019_other = true;
                let mut cells = vec![String::new(), T3_GROUPS[OTHER_HANDLING].label.to_string()];
                cells.push(String::new());
                cells
                    .extend((0..T3_COLUMNS.len()).map(|c| cell_text(report.cell(t3_r3_6_2019(c)))));
                out.row(&cells);
            }
            continue;
        }
        let mut cells = vec![String::new(); grid.columns];
        for it in items {
            cells[it.col] = match it.content {
                GridContent::Label(text) => text.to_string(),
                GridContent::Value(i) => cell_text(report.cell(i)),
            };
        }
        out.row(&cells);
    }
}

/// True for a grid row of 表三 holding the values of one of the 2021 （六） rows.
fn is_2021_other_handling_row(items: &[&GridItem]) -> bool {
    items.iter().any(|it| match it.content {
        GridContent::Value(i) if TEMPLATE.cells[i].table == TableId::T3 => {
            let row = (i - T3_BASE) / T3_COLUMNS.len();
            T3_ROWS
                .get(row)
                .is_some_and(|r| r.group == Some(OTHER_HANDLING))
        }
        _ => false,
    })
}
