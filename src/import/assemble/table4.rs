//! 四、政府信息公开行政复议、行政诉讼情况: text and 表四.

use super::reader::{
    Ctx, Line, block_text, place_values, region_text, split_text_table, trailing_text,
};
use crate::finding::{Place, Rule, Severity};
use crate::import::anchored;
use crate::import::labels;
use crate::template::{T4_COLUMNS, T4_GROUPS, TableId, TextId, t4};

/// 四、政府信息公开行政复议、行政诉讼情况: text and 表四.
/// True for the first line of 表四 (its header).
pub(super) fn starts_table(l: &Line) -> bool {
    let f = labels::normalize(l.first());
    let whole = labels::normalize(&l.raw);
    // 表四's column words alone on a line, but not 总计, which 表三's header has too (a
    // crawled page puts every header cell on a line of its own).
    f == crate::template::T4_REVIEW_HEADER
        || T4_COLUMNS
            .iter()
            .any(|(_, c)| *c == f && labels::t3_header_word(c).is_none())
        || whole
            .strip_prefix(crate::template::T4_REVIEW_HEADER)
            .is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(crate::template::T4_SUIT_HEADER)
            })
}

pub(super) fn section_four(ctx: &mut Ctx, region: &[Line]) {
    let (text, table) = split_text_table(region, starts_table);
    ctx.report.set_text(TextId::S4, block_text(text));
    let snapshot = ctx.snapshot();
    if !t4_by_cells(ctx, table) {
        let read = anchored::read_t4(&region_text(table));
        if read.rows_accounted() > 0 {
            ctx.restore(snapshot);
            ctx.apply_stream(read, TableId::T4);
        }
    }
}

/// Reads 表四 line by line; true when its data row had exactly its 15 values.
pub(super) fn t4_by_cells(ctx: &mut Ctx, table: &[Line]) -> bool {
    let mut complete = false;
    let mut data_seen = false;
    let mut text_after = Vec::new();
    for line in table {
        if line.is_blank() {
            continue;
        }
        let cells = line.non_empty();
        if cells.iter().any(|c| labels::t4_header_word(c)) && !data_seen {
            continue;
        }
        if !data_seen && (cells.len() > 1 || line.cells.len() > 1) {
            data_seen = true;
            let targets: Vec<usize> = (0..T4_GROUPS.len())
                .flat_map(|g| (0..T4_COLUMNS.len()).map(move |c| t4(g, c)))
                .collect();
            // A row of exactly its cells (Word, web pages, tab-separated text) keeps its blank
            // cells in place; otherwise the values are taken in order.
            let all: Vec<&str> = line.cells.iter().map(|c| c.trim()).collect();
            let values = if all.len() == targets.len() {
                all
            } else {
                cells
            };
            complete = values.len() == targets.len();
            place_values(ctx, &targets, &values, "表四数据行", false, line.grid);
        } else {
            text_after.push(line);
        }
    }
    if !data_seen {
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Table(TableId::T4)],
            "未找到表四的数据行".into(),
        );
    }
    trailing_text(ctx, TextId::S4, &text_after);
    complete
}
