//! 三、收到和处理政府信息公开申请情况: text and 表三, group subtotals (S8), the 2019 （六） row.

use super::reader::{
    Ctx, Line, block_text, cells_on_lines, label_then_numbers, place_values, region_text,
    row_values, split_text_table, trailing_text, unplaced,
};
use crate::finding::{Place, Rule, Severity};
use crate::import::anchored;
use crate::import::labels::{self, Match};
use crate::model::{CellValue, Format};
use crate::template::{
    T3_COLUMNS, T3_GROUPS, T3_OTHER_HANDLING, T3_ROWS, TEMPLATE, TableId, TextId, t3, t3_r3_6_2019,
};

/// True for the first line of 表三 (its note, its header, or a row).
pub(super) fn starts_table(l: &Line) -> bool {
    let f = labels::normalize(l.first());
    let whole = labels::normalize(&l.raw);
    f.starts_with("（本列数据")
        || f == crate::template::T3_APPLICANTS_HEADER
        || labels::t3_row(&f).is_some()
        || labels::t3_group(&f)
        || whole.starts_with("（本列数据")
        || whole.starts_with(crate::template::T3_APPLICANTS_HEADER)
        || label_then_numbers(&whole, T3_ROWS.iter().map(|r| r.label))
}

/// 三、收到和处理政府信息公开申请情况: text and 表三.
pub(super) fn section_three(ctx: &mut Ctx, region: &[Line]) {
    let (text, table) = split_text_table(region, starts_table);
    ctx.report.set_text(TextId::S3, block_text(text));
    let snapshot = ctx.snapshot();
    let (rows_read, rows_on_lines, expected) = t3_by_cells(ctx, table);
    // Every row on a line of its own with its numbers: the line reading stands (a row with
    // a number too few or too many is reported as S9). Otherwise the label-anchored reading
    // is taken when it accounts for more rows.
    if rows_on_lines < expected {
        let read = anchored::read_t3(&region_text(table));
        if read.rows_accounted() > rows_read {
            ctx.restore(snapshot);
            if (0..T3_COLUMNS.len()).any(|c| read.values.contains_key(&t3_r3_6_2019(c))) {
                ctx.report.format = ctx.one_other_row_format();
            }
            ctx.apply_stream(read, TableId::T3);
        }
    }
    if let Some((format, values)) = legacy_note_values(table) {
        ctx.report.format = format;
        for (c, v) in values.iter().enumerate() {
            let i = t3_r3_6_2019(c);
            ctx.report
                .set_cell(i, CellValue::from_source(TEMPLATE.cells[i].kind, v));
        }
    }
}

/// A single （六） row as our PDF prints it, a note under 表三 (see
/// [`crate::template::LEGACY_2019_NOTE`] and [`crate::template::ONE_OTHER_ROW_NOTE`]): the
/// format the note names and its seven values, if the note is there.
pub(super) fn legacy_note_values(table: &[Line]) -> Option<(Format, Vec<String>)> {
    use crate::template::{LEGACY_2019_BLANK, LEGACY_2019_NOTE, ONE_OTHER_ROW_NOTE};
    let text: String = table
        .iter()
        .flat_map(|l| l.raw.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let (format, note, at) = [
        (Format::V2019, LEGACY_2019_NOTE),
        (Format::V2021OneOtherRow, ONE_OTHER_ROW_NOTE),
    ]
    .into_iter()
    .find_map(|(f, note)| text.find(note).map(|at| (f, note, at)))?;
    let rest = &text[at + note.len()..];
    let body = &rest[..rest.find('。')?];
    let parts: Vec<&str> = body.split('，').collect();
    if parts.len() != T3_COLUMNS.len() {
        return None;
    }
    let values = parts
        .iter()
        .zip(&T3_COLUMNS)
        .map(|(p, col)| {
            let v = p.strip_prefix(col.label)?;
            Some(if v == LEGACY_2019_BLANK {
                String::new()
            } else {
                v.to_string()
            })
        })
        .collect::<Option<Vec<String>>>()?;
    Some((format, values))
}

/// What one pass over 表三's lines has read so far.
struct RowsPass<'t, 'a> {
    /// Rows read with exactly 7 values.
    rows_read: usize,
    /// Rows found on a line with numbers.
    rows_on_lines: usize,
    /// The rows whose label was found.
    seen: [bool; T3_ROWS.len()],
    /// The 2019 format's single （六）其他处理 row was read.
    seen_2019_other: bool,
    /// Lines of text under the table.
    text_after: Vec<&'t Line<'a>>,
    /// Group subtotal lines (S8): the group and the values printed.
    subtotals: Vec<(usize, Vec<String>)>,
}

/// Reads 表三 line by line (rows as cells); returns the rows read with exactly 7 values,
/// the rows found on a line with numbers, and how many rows the format has.
pub(super) fn t3_by_cells(ctx: &mut Ctx, table: &[Line]) -> (usize, usize, usize) {
    let mut pass = RowsPass {
        rows_read: 0,
        rows_on_lines: 0,
        seen: [false; T3_ROWS.len()],
        seen_2019_other: false,
        text_after: Vec::new(),
        subtotals: Vec::new(),
    };
    // A 2021 table with the leaves of （六）: a （六） line with numbers is their subtotal,
    // not the 2019 format's single row.
    let has_2021_other_leaves = table.iter().any(|l| {
        l.non_empty().iter().any(|c| {
            labels::t3_row(c).is_some_and(|(r, _)| T3_ROWS[r].group == Some(T3_OTHER_HANDLING))
        })
    });
    // The last line of values taken by the row label above them.
    let mut taken: Option<usize> = None;
    for (at, line) in table.iter().enumerate() {
        if line.is_blank() || taken.is_some_and(|t| at <= t) {
            continue;
        }
        let cells = line.non_empty();
        let found = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.bytes().all(|b| b.is_ascii_digit()))
            .find_map(|(k, c)| labels::t3_row(c).map(|(r, m)| (k, r, m)));
        match found {
            Some((k, r, m)) => {
                if let Some(next_at) = labelled_row(ctx, &mut pass, table, at, &cells, (k, r, m)) {
                    taken = Some(next_at);
                }
            }
            None => {
                // The 2019 format's single （六） row, its cells one per line after it.
                if !has_2021_other_leaves
                    && cells.len() == 1
                    && labels::normalize(cells[0]) == T3_GROUPS[T3_OTHER_HANDLING].label
                    && let Some((values, last_at)) = cells_on_lines(table, at, T3_COLUMNS.len())
                {
                    other_row_2019(ctx, &mut pass, &values, line.grid);
                    taken = Some(last_at);
                    continue;
                }
                line_without_row_label(ctx, &mut pass, line, &cells, has_2021_other_leaves);
            }
        }
    }
    let missing: Vec<&str> = T3_ROWS
        .iter()
        .zip(pass.seen)
        .filter(|(_, s)| !s)
        .filter(|(row, _)| !(pass.seen_2019_other && row.group == Some(T3_OTHER_HANDLING)))
        .map(|(r, _)| r.short)
        .collect();
    if !missing.is_empty() && missing.len() < T3_ROWS.len() {
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Table(TableId::T3)],
            format!("表三缺少以下行：{}", missing.join("、")),
        );
    }
    trailing_text(ctx, TextId::S3, &pass.text_after);
    for (g, values) in pass.subtotals {
        check_s8(ctx, g, &values);
    }
    let expected = if pass.seen_2019_other {
        T3_ROWS.len() - 2
    } else {
        T3_ROWS.len()
    };
    (pass.rows_read, pass.rows_on_lines, expected)
}

/// A line of 表三 with row `r`'s label in cell `k`: its values placed (from the next line
/// when the label stands alone). Returns the index of the next line when it was taken.
fn labelled_row(
    ctx: &mut Ctx,
    pass: &mut RowsPass,
    table: &[Line],
    at: usize,
    cells: &[&str],
    (k, r, m): (usize, usize, Match),
) -> Option<usize> {
    let line = &table[at];
    let row = &T3_ROWS[r];
    if let Match::Variant(v) = m {
        ctx.variant(&v, row.label, Place::Cell(t3(r, 0)));
    }
    if pass.seen[r] {
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Cell(t3(r, 0))],
            format!("表三“{}”一行出现了两次，已采用后一次的数字", row.label),
        );
    }
    pass.seen[r] = true;
    let mut values = row_values(line, cells[k], &cells[k + 1..], T3_COLUMNS.len());
    let mut taken = None;
    // The label alone on its line, and a cell per line after it (a crawled page).
    if values.is_empty()
        && let Some((on_lines, last_at)) = cells_on_lines(table, at, T3_COLUMNS.len())
    {
        values = on_lines;
        taken = Some(last_at);
    }
    // The label alone on its line, the values on the next (a cell per tab, blanks kept).
    if values.is_empty()
        && let Some((next_at, next)) = table
            .iter()
            .enumerate()
            .skip(at + 1)
            .find(|(_, l)| !l.is_blank())
        && let Some(next_values) = values_line(next, T3_COLUMNS.len())
    {
        values = next_values;
        taken = Some(next_at);
    }
    let targets: Vec<usize> = (0..T3_COLUMNS.len()).map(|c| t3(r, c)).collect();
    let what = format!("表三 {}", crate::template::t3_row_name(r));
    let (read, on_line) = place_row(ctx, &targets, &values, &what, line.grid);
    pass.rows_read += read;
    pass.rows_on_lines += on_line;
    taken
}

/// A line of 表三 with no row label: a group subtotal, the 2019 format's single （六）
/// row, the header (its words' variants said), text under the table, or a line that
/// could not be placed.
fn line_without_row_label<'t, 'a>(
    ctx: &mut Ctx,
    pass: &mut RowsPass<'t, 'a>,
    line: &'t Line<'a>,
    cells: &[&str],
    has_2021_other_leaves: bool,
) {
    if let Some((g, values)) = group_subtotal(line, cells, has_2021_other_leaves) {
        pass.subtotals.push((g, values));
        return;
    }
    // The 2019 format's single （六）其他处理 row (spec §4.2): kept as `t3.r3_6.*`.
    if let Some(k) = cells
        .iter()
        .position(|c| labels::normalize(c) == T3_GROUPS[T3_OTHER_HANDLING].label)
        && (cells.len() > k + 1 || line.exact)
    {
        let values = row_values(
            line,
            T3_GROUPS[T3_OTHER_HANDLING].label,
            &cells[k + 1..],
            T3_COLUMNS.len(),
        );
        other_row_2019(ctx, pass, &values, line.grid);
        return;
    }
    if cells
        .iter()
        .all(|c| labels::t3_header_word(c).is_some() || labels::t3_group(c))
    {
        for c in cells {
            if let Some(Match::Variant(v)) = labels::t3_header_word(c)
                && let Some(col) = T3_COLUMNS
                    .iter()
                    .position(|col| col.variants.contains(&v.as_str()))
            {
                ctx.variant(&v, T3_COLUMNS[col].label, Place::Cell(t3(0, col)));
            }
        }
    } else if cells.len() == 1 {
        // The 2019 note under the table is read as the （六） row, not kept as text.
        let compact: String = line.raw.chars().filter(|c| !c.is_whitespace()).collect();
        if !compact.starts_with(crate::template::LEGACY_2019_NOTE)
            && !compact.starts_with(crate::template::ONE_OTHER_ROW_NOTE)
        {
            pass.text_after.push(line);
        }
    } else {
        unplaced(ctx, TableId::T3, line);
    }
}

/// The 2019 format's single （六）其他处理 row (spec §4.2), kept as `t3.r3_6.*`.
fn other_row_2019(ctx: &mut Ctx, pass: &mut RowsPass, values: &[&str], grid: bool) {
    ctx.report.format = ctx.one_other_row_format();
    let targets: Vec<usize> = (0..T3_COLUMNS.len()).map(t3_r3_6_2019).collect();
    let what = "表三（六）其他处理行（2019年版，未分项）";
    let (read, on_line) = place_row(ctx, &targets, values, what, grid);
    pass.rows_read += read;
    pass.rows_on_lines += on_line;
    pass.seen_2019_other = true;
}

/// A line of numbers only (no label): its `width` cells, blanks kept in place, when the
/// line has exactly that many after its leading empty cells; else its numbers.
fn values_line<'a>(line: &'a Line<'a>, width: usize) -> Option<Vec<&'a str>> {
    let numbers = line.non_empty();
    if numbers.is_empty()
        || !numbers.iter().all(|c| {
            c.chars()
                .all(|ch| ch.is_ascii_digit() || "０１２３４５６７８９".contains(ch))
        })
    {
        return None;
    }
    let mut cells: &[&str] = &line.cells;
    while cells.len() > width && cells.first().is_some_and(|c| c.trim().is_empty()) {
        cells = &cells[1..];
    }
    Some(if cells.len() == width {
        cells.iter().map(|c| c.trim()).collect()
    } else {
        numbers
    })
}

/// Places a 表三 row's values (the last is the 总计); counts it as read (all seven values)
/// and as found on a line (any values), for choosing between line and anchored reading.
fn place_row(
    ctx: &mut Ctx,
    targets: &[usize],
    values: &[&str],
    what: &str,
    grid: bool,
) -> (usize, usize) {
    place_values(ctx, targets, values, what, true, grid);
    (
        usize::from(values.len() == targets.len()),
        usize::from(!values.is_empty()),
    )
}

/// A 表三 group line ((三)…(六)) printed with a value for every column: the group's
/// subtotal (spec S8). The 2019 format's （六） row is one only when the 2021 leaves are absent.
pub(super) fn group_subtotal(
    line: &Line,
    cells: &[&str],
    has_2021_other_leaves: bool,
) -> Option<(usize, Vec<String>)> {
    let (k, g) = cells.iter().enumerate().find_map(|(k, c)| {
        let label = labels::normalize(c);
        (1..T3_GROUPS.len())
            .find(|&g| T3_GROUPS[g].label == label)
            .map(|g| (k, g))
    })?;
    if g == 4 && !has_2021_other_leaves {
        return None;
    }
    let values = row_values(line, T3_GROUPS[g].label, &cells[k + 1..], T3_COLUMNS.len());
    (values.len() == T3_COLUMNS.len()).then(|| (g, values.iter().map(|v| v.to_string()).collect()))
}

/// S8: a group line with values is a variant of the template (usually a subtotal). It is
/// not kept (the template has no such cells); it is checked against the sum of its rows.
pub(super) fn check_s8(ctx: &mut Ctx, group: usize, printed: &[String]) {
    let leaves: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&r| T3_ROWS[r].group == Some(group))
        .collect();
    let label = T3_GROUPS[group].label;
    let mut differences = Vec::new();
    let mut places = Vec::new();
    for (c, column) in T3_COLUMNS.iter().enumerate() {
        let printed_value = CellValue::from_source(TEMPLATE.cells[t3(0, c)].kind, &printed[c]);
        let parts: Option<Vec<u64>> = leaves
            .iter()
            .map(|&r| ctx.report.cell(t3(r, c)).count())
            .collect();
        let (Some(subtotal), Some(parts)) = (printed_value.count(), parts) else {
            continue;
        };
        let sum: u64 = parts.iter().sum();
        if sum != subtotal {
            let terms: Vec<String> = leaves
                .iter()
                .zip(&parts)
                .map(|(&r, n)| format!("{}({n})", T3_ROWS[r].short))
                .collect();
            differences.push(format!(
                "{}列：小计{subtotal} ≠ {}={sum}，差{}",
                column.label,
                terms.join("+"),
                subtotal.abs_diff(sum)
            ));
            places.extend(leaves.iter().map(|&r| Place::Cell(t3(r, c))));
        }
    }
    if differences.is_empty() {
        ctx.find(
            Rule::S8,
            Severity::Info,
            leaves.iter().map(|&r| Place::Cell(t3(r, 0))).collect(),
            format!("表三“{label}”一行印有小计，与其下各项之和一致；模板中该行不填数，小计未导入"),
        );
    } else {
        ctx.find(
            Rule::S8,
            Severity::Warning,
            places,
            format!(
                "表三“{label}”一行印有小计，与其下各项之和不符（小计未导入）：{}",
                differences.join("；")
            ),
        );
    }
}
