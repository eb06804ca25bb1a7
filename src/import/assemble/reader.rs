//! The reading context (the report being built, its findings, how each cell was read) and
//! the line-level helpers every section uses.

use std::collections::BTreeMap;

use crate::finding::{Finding, Place, Rule, Severity};
use crate::import::anchored::{Provenance, StreamRead};
use crate::model::{CellValue, Date, Report};
use crate::template::DATE_PLACEHOLDER;
use crate::template::{TEMPLATE, TableId, TextId};

pub(super) struct Line<'a> {
    pub(super) raw: String,
    pub(super) cells: Vec<&'a str>,
    /// The cells are exact (blanks are real blank cells, not colspan padding).
    pub(super) exact: bool,
    /// A row of a table drawn as a ruled grid: each value is read from its drawn cell.
    pub(super) grid: bool,
}

impl Line<'_> {
    pub(super) fn non_empty(&self) -> Vec<&str> {
        self.cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty() && *c != "\u{3000}")
            .collect()
    }
    pub(super) fn first(&self) -> &str {
        self.cells
            .iter()
            .map(|c| c.trim())
            .find(|c| !c.is_empty())
            .unwrap_or("")
    }
    pub(super) fn is_blank(&self) -> bool {
        self.raw.trim().is_empty()
    }
}

pub(super) struct Ctx {
    pub(super) report: Report,
    pub(super) findings: Vec<Finding>,
    /// Cells not read exactly as printed (split by the arithmetic, or uncertain).
    pub(super) provenance: BTreeMap<usize, Provenance>,
    /// 表二 was read in the 2021 format (decides what a single （六） row in 表三 means).
    pub(super) t2_2021: bool,
    /// A scan's cells as seen: where each one's text lies in memory, and its place in the
    /// document's lines.
    pub(super) scanned_spans: Vec<(std::ops::Range<usize>, (usize, usize))>,
    /// The scanned cell (line, cell index) each template cell's value was read from.
    pub(super) read_from: BTreeMap<usize, (usize, usize)>,
}

impl Ctx {
    /// A context for reading `doc`.
    pub(super) fn new(doc: &crate::import::doc::Doc) -> Ctx {
        let scanned_spans = doc
            .scanned_cells
            .keys()
            .filter_map(|&(l, c)| {
                let text = doc.lines.get(l)?.get(c)?;
                let from = text.as_ptr() as usize;
                Some((from..from + text.len(), (l, c)))
            })
            .collect();
        Ctx {
            report: Report::default(),
            findings: Vec::new(),
            provenance: BTreeMap::new(),
            t2_2021: false,
            scanned_spans,
            read_from: BTreeMap::new(),
        }
    }

    /// Notes that cell `i`'s value is `value`, text the readers took from the document: when
    /// it is a piece of a scanned cell's text (the readers' values are slices of the lines'
    /// cells), that cell is where it was read.
    pub(super) fn note_read_from(&mut self, i: usize, value: &str) {
        if self.scanned_spans.is_empty() {
            return;
        }
        let start = value.as_ptr() as usize;
        let end = start + value.len();
        if let Some((_, at)) = self
            .scanned_spans
            .iter()
            .find(|(span, _)| span.start <= start && end <= span.end)
        {
            self.read_from.insert(i, *at);
        }
    }

    /// The format a single （六）其他处理 row in 表三 means: a 2021 template that merged the
    /// row when 表二 is the 2021 one in a report of 2021 or later, else the 2019 format.
    pub(super) fn one_other_row_format(&self) -> crate::model::Format {
        // A report of 2019 or 2020 is in the format of its years.
        let year_2021 = self.report.meta.year.is_none_or(|y| y >= 2021);
        if self.t2_2021 && year_2021 {
            crate::model::Format::V2021OneOtherRow
        } else {
            crate::model::Format::V2019
        }
    }
}

/// The state of a [`Ctx`] before a table was read, to try another reading.
pub(super) struct Snapshot {
    pub(super) report: Report,
    pub(super) findings: usize,
    pub(super) provenance: BTreeMap<usize, Provenance>,
    read_from: BTreeMap<usize, (usize, usize)>,
}

impl Ctx {
    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            report: self.report.clone(),
            findings: self.findings.len(),
            provenance: self.provenance.clone(),
            read_from: self.read_from.clone(),
        }
    }
    pub(super) fn restore(&mut self, s: Snapshot) {
        self.report = s.report;
        self.findings.truncate(s.findings);
        self.provenance = s.provenance;
        self.read_from = s.read_from;
    }
    /// Takes a label-anchored reading of a table: its values, how each was read, and what
    /// it could not read as import findings.
    pub(super) fn apply_stream(&mut self, read: StreamRead, table: TableId) {
        let what = table.name();
        for (cell, (value, how)) in read.values {
            self.report.set_cell(cell, value);
            if how != Provenance::Exact {
                self.provenance.insert(cell, how);
            }
        }
        for (cells, message) in read.problems {
            let places = if cells.is_empty() {
                vec![Place::Table(table)]
            } else {
                cells.into_iter().map(Place::Cell).collect()
            };
            self.find(Rule::Import, Severity::Warning, places, message);
        }
        let sum_rule = if table == TableId::T4 {
            Rule::S4
        } else {
            Rule::S1
        };
        for (cells, message) in read.sum_errors {
            let places = cells.into_iter().map(Place::Cell).collect();
            self.find(sum_rule, Severity::Error, places, message);
        }
        if !read.missing.is_empty() {
            self.find(
                Rule::Import,
                Severity::Warning,
                vec![Place::Table(table)],
                format!("{what}未找到以下行：{}", read.missing.join("、")),
            );
        }
    }
    pub(super) fn find(
        &mut self,
        rule: Rule,
        severity: Severity,
        places: Vec<Place>,
        message: String,
    ) {
        self.findings
            .push(Finding::new(rule, severity, places, message));
    }
    pub(super) fn variant(&mut self, found: &str, canonical: &str, place: Place) {
        self.find(
            Rule::H15,
            Severity::Warning,
            vec![place],
            format!("标签“{found}”与模板不一致，应为“{canonical}”"),
        );
    }
}

/// Text of a block of lines: one framing blank line dropped at each end.
pub(super) fn block_text(lines: &[Line]) -> String {
    let mut slice = lines;
    if slice.first().is_some_and(Line::is_blank) {
        slice = &slice[1..];
    }
    if slice.last().is_some_and(Line::is_blank) {
        slice = &slice[..slice.len() - 1];
    }
    let texts: Vec<&str> = slice.iter().map(|l| l.raw.as_str()).collect();
    texts.join("\n")
}

pub(super) fn date_line(line: &str) -> Option<Option<Date>> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let placeholder: String = DATE_PLACEHOLDER
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if compact == placeholder {
        return Some(None);
    }
    if compact.chars().count() <= 16 {
        return Date::parse(&compact).map(Some);
    }
    None
}

/// Splits a section region into the text before the table and the table lines.
pub(super) fn split_text_table<'r, 'a>(
    region: &'r [Line<'a>],
    starts_table: impl Fn(&Line) -> bool,
) -> (&'r [Line<'a>], &'r [Line<'a>]) {
    let at = region
        .iter()
        .position(|l| !l.is_blank() && starts_table(l))
        .unwrap_or(region.len());
    region.split_at(at)
}

/// True for a line that is one table cell holding a number or a blank mark.
fn one_value_line(line: &Line) -> bool {
    let cells = line.non_empty();
    cells.len() == 1
        && cells[0]
            .chars()
            .all(|c| c.is_ascii_digit() || "０１２３４５６７８９.．—-－/".contains(c))
}

/// The blank lines a page leaves between two cells: the shortest run of blank lines between
/// two value lines of the table (`None` where no two value lines follow each other).
fn gap_between_cells(table: &[Line]) -> Option<usize> {
    let mut gap: Option<usize> = None;
    let mut run: Option<usize> = None;
    for line in table {
        if line.is_blank() {
            run = run.map(|r| r + 1);
        } else if one_value_line(line) {
            if let Some(r) = run {
                gap = Some(gap.map_or(r, |g| g.min(r)));
            }
            run = Some(0);
        } else {
            run = None;
        }
    }
    gap
}

/// A row whose label stands alone on its line and whose cells follow one per line (a crawled
/// page: each cell its own line, as many blank lines between cells as the page's markup
/// left, an empty cell an empty line of its own). The gap between two cells is the shortest
/// run of blank lines between the row's values; a longer run holds empty cells, one per gap
/// plus one line. Returns the row's `width` cells (blanks as "") and the index of the last
/// line read, when the lines account for exactly `width` cells before the next text line.
pub(super) fn cells_on_lines<'a>(
    table: &'a [Line<'a>],
    label_at: usize,
    width: usize,
) -> Option<(Vec<&'a str>, usize)> {
    // The value lines after the label, with the blank lines before each, and the blank
    // lines after the last one (up to the next text line or the table's end).
    let mut values: Vec<(usize, &str)> = Vec::new();
    let mut blanks = 0;
    let mut last = label_at;
    for (at, line) in table.iter().enumerate().skip(label_at + 1) {
        if line.is_blank() {
            blanks += 1;
            continue;
        }
        if !one_value_line(line) || values.len() == width {
            break;
        }
        values.push((blanks, line.non_empty()[0]));
        blanks = 0;
        last = at;
    }
    let trailing = blanks;
    let gap = gap_between_cells(table)?;
    if values.is_empty() {
        return None;
    }
    let empties = |run: usize| run.saturating_sub(gap) / (gap + 1);
    let mut cells: Vec<&str> = Vec::new();
    for (run, v) in &values {
        cells.extend(std::iter::repeat_n("", empties(*run)));
        cells.push(if *v == "—" { "" } else { v });
    }
    if cells.len() < width {
        cells.extend(std::iter::repeat_n("", empties(trailing)));
    }
    (cells.len() == width).then_some((cells, last))
}

/// The values of a table row after its label: every cell after the label, blanks included,
/// when there are exactly as many as the columns (one-cell-per-line text, Word's "save as
/// text" with empty cells between tabs); else the non-empty ones.
pub(super) fn row_values<'a>(
    line: &Line<'a>,
    label: &str,
    non_empty_after: &[&'a str],
    width: usize,
) -> Vec<&'a str> {
    if let Some(at) = line.cells.iter().position(|c| c.trim() == label) {
        let after: Vec<&str> = line.cells[at + 1..].iter().map(|c| c.trim()).collect();
        if after.len() == width {
            return after;
        }
    }
    non_empty_after.to_vec()
}

/// Places `values` into `targets`: exactly as many → in order (each read from its drawn
/// cell when the line is a `grid` row); otherwise the last value is the total (if
/// `total_last`) and the rest fill from the left; reported as S9.
pub(super) fn place_values(
    ctx: &mut Ctx,
    targets: &[usize],
    values: &[&str],
    what: &str,
    total_last: bool,
    grid: bool,
) {
    let kind = |i: usize| TEMPLATE.cells[i].kind;
    if values.len() == targets.len() {
        for (&i, v) in targets.iter().zip(values) {
            ctx.report.set_cell(i, CellValue::from_source(kind(i), v));
            ctx.note_read_from(i, v);
            if grid {
                ctx.provenance.insert(i, Provenance::Grid);
            }
        }
        return;
    }
    let n = targets.len();
    let placed: Vec<(usize, &str)> = if total_last && !values.is_empty() {
        let (last, rest) = values.split_last().unwrap_or((&"", &[]));
        let mut v: Vec<(usize, &str)> = rest
            .iter()
            .take(n - 1)
            .enumerate()
            .map(|(k, s)| (targets[k], *s))
            .collect();
        v.push((targets[n - 1], last));
        v
    } else {
        values
            .iter()
            .take(n)
            .enumerate()
            .map(|(k, s)| (targets[k], *s))
            .collect()
    };
    for (i, v) in &placed {
        ctx.report.set_cell(*i, CellValue::from_source(kind(*i), v));
        ctx.note_read_from(*i, v);
    }
    // Which number belongs to which column is a guess: every cell of the row is uncertain,
    // so a blank or a sum that fails here is the reading's problem, not the unit's.
    for &i in targets {
        ctx.provenance.insert(i, Provenance::Uncertain);
    }
    let how = if total_last {
        "已按“最后一个数为总计、其余从左起依次”放入"
    } else {
        "已从左起依次放入"
    };
    ctx.find(
        Rule::S9,
        Severity::Warning,
        targets.iter().map(|&i| Place::Cell(i)).collect(),
        format!(
            "{what}应有{n}个数，实际读到{}个（{}）：{how}，请对照原文核对",
            values.len(),
            values.join("、")
        ),
    );
}

/// True when a line (normalised) is one of `labels` followed by nothing or by numbers: a
/// table row whose cells are not separated by tabs (text from PDF tools, run together).
pub(super) fn label_then_numbers<'a>(
    line: &str,
    mut labels: impl Iterator<Item = &'a str>,
) -> bool {
    labels.any(|label| {
        line.strip_prefix(label).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '—')
        })
    })
}

/// A table region's lines as text, for the label-anchored reading.
pub(super) fn region_text(lines: &[Line]) -> String {
    let raw: Vec<&str> = lines.iter().map(|l| l.raw.as_str()).collect();
    raw.join("\n")
}

pub(super) fn unplaced(ctx: &mut Ctx, table: TableId, line: &Line) {
    ctx.find(
        Rule::Import,
        Severity::Warning,
        vec![Place::Table(table)],
        format!(
            "无法识别的表格行，未导入：“{}”",
            line.raw.replace('\t', " | ").trim()
        ),
    );
}

/// Text found after a table: kept in the section's text, and reported.
pub(super) fn trailing_text(ctx: &mut Ctx, id: TextId, lines: &[&Line]) {
    let text: Vec<&str> = lines
        .iter()
        .map(|l| l.raw.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if text.is_empty() {
        return;
    }
    let joined = text.join("\n");
    let current = ctx.report.text(id).unwrap_or("").to_string();
    let merged = if current.is_empty() {
        joined
    } else {
        format!("{current}\n{joined}")
    };
    ctx.report.set_text(id, merged);
    ctx.find(
        Rule::Import,
        Severity::Info,
        vec![Place::Text(id)],
        format!("表格之后的{}行文字已并入“{}”", text.len(), id.spec().name),
    );
}
