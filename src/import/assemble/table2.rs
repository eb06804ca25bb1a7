//! 二、主动公开政府信息情况: text and 表二 (2021, or mapped from the 2019 format).

use super::reader::{
    Ctx, Line, block_text, cells_on_lines, label_then_numbers, place_values, region_text,
    row_values, split_text_table, trailing_text, unplaced,
};
use crate::finding::{Place, Rule, Severity};
use crate::import::anchored;
use crate::import::labels;
use crate::model::{CellValue, Format};
use crate::template::{T2_BLOCKS, T2_CONTENT_HEADER, TEMPLATE, TableId, TextId, t2};

/// Strings that only the 2019 trial format has (spec §4.4).
const MARKERS_2019: [&str; 8] = [
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "第二十条第（九）项",
    "政府集中采购",
    "其他对外管理服务事项",
];

/// Maps a 2019 表二 row to 2021 cells (spec §4.5): （一） 本年新制作数量 → 本年制发件数
/// (approximately equivalent); （五）（六） 处理决定数量 → 本年处理决定数量 (1:1). Other 2019
/// columns have no 2021 counterpart.
pub(super) fn map_2019_t2_row(
    ctx: &mut Ctx,
    b: usize,
    r: usize,
    values: &[&str],
    mapped: &mut Vec<String>,
) {
    let (value, what) = match T2_BLOCKS[b].id {
        "art20_1" => (values.first(), "本年新制作数量→本年制发件数（近似对应）"),
        "art20_5" | "art20_6" => (values.get(2), "处理决定数量→本年处理决定数量"),
        _ => return,
    };
    let Some(v) = value else {
        return;
    };
    let i = t2(b, r, 0);
    ctx.report
        .set_cell(i, CellValue::from_source(TEMPLATE.cells[i].kind, v));
    mapped.push(format!("{}{}", T2_BLOCKS[b].rows[r].1, what));
}

/// 二、主动公开政府信息情况: text and 表二.
/// True for the first line of 表二 (a caption, its header, or a row).
pub(super) fn starts_table(l: &Line) -> bool {
    let f = l.first();
    let whole = labels::normalize(&l.raw);
    labels::t2_caption(f).is_some()
        || labels::normalize(f) == T2_CONTENT_HEADER
        || labels::t2_row(f).is_some()
        || T2_BLOCKS.iter().any(|b| whole.starts_with(b.caption))
        || label_then_numbers(
            &whole,
            T2_BLOCKS.iter().flat_map(|b| b.rows.iter().map(|r| r.1)),
        )
}

pub(super) fn section_two(ctx: &mut Ctx, region: &[Line]) {
    let (text, table) = split_text_table(region, starts_table);
    ctx.report.set_text(TextId::S2, block_text(text));
    let snapshot = ctx.snapshot();
    let (rows_read, is_2019) = t2_by_cells(ctx, table);
    let rows = T2_BLOCKS.iter().map(|b| b.rows.len()).sum::<usize>();
    if !is_2019 && rows_read < rows {
        let read = anchored::read_t2(&region_text(table));
        if read.rows_accounted() > rows_read {
            ctx.restore(snapshot);
            ctx.apply_stream(read, TableId::T2);
        }
    }
    // 表二 printed in the 2021 format: a single （六） row in 表三 is then that template's
    // variant, not the 2019 format.
    ctx.t2_2021 = !is_2019
        && (0..T2_BLOCKS.len()).any(|b| {
            (0..T2_BLOCKS[b].rows.len()).any(|r| {
                (0..T2_BLOCKS[b].columns.len()).any(|c| !ctx.report.cell(t2(b, r, c)).is_blank())
            })
        });
}

/// The header row of block `b`: a header that is not the 2021 format's is said (S10).
fn check_header(ctx: &mut Ctx, b: usize, normalized: &[String]) {
    for (k, header) in normalized.iter().skip(1).enumerate() {
        let known = T2_BLOCKS[b]
            .columns
            .get(k)
            .is_some_and(|(_, l)| l == header)
            || T2_BLOCKS[b].header_variants.contains(&header.as_str());
        if !known && !header.is_empty() {
            ctx.find(
                Rule::S10,
                Severity::Warning,
                vec![Place::Table(TableId::T2)],
                format!(
                    "表二{}的表头“{header}”不是2021年版格式的表头",
                    T2_BLOCKS[b].caption
                ),
            );
        }
    }
}

/// Row `r` of block `b` read from `line` (found under `block`); true when it had exactly
/// its number of values.
/// `on_lines`: the row's cells read from the lines after its label (a cell per line).
fn read_row(
    ctx: &mut Ctx,
    line: &Line,
    (b, r): (usize, usize),
    block: Option<usize>,
    on_lines: Option<Vec<&str>>,
) -> bool {
    let first = line.first();
    if block.is_some_and(|cur| cur != b) {
        ctx.find(
            Rule::Import,
            Severity::Warning,
            vec![Place::Table(TableId::T2)],
            format!(
                "表二“{first}”一行出现在{}之下，已按行名放入{}",
                T2_BLOCKS[block.unwrap_or(b)].caption,
                T2_BLOCKS[b].caption
            ),
        );
    }
    let width = T2_BLOCKS[b].columns.len();
    let non_empty = line.non_empty();
    let values = on_lines.unwrap_or_else(|| row_values(line, first, &non_empty[1..], width));
    let targets: Vec<usize> = (0..width).map(|c| t2(b, r, c)).collect();
    place_values(
        ctx,
        &targets,
        &values,
        &format!("表二“{}”一行", T2_BLOCKS[b].rows[r].1),
        false,
        line.grid,
    );
    values.len() == targets.len()
}

/// The report is in the 2019 format: said, with what was mapped into the 2021 table.
fn read_as_2019(ctx: &mut Ctx, mapped: &[String]) {
    ctx.report.format = Format::V2019;
    ctx.find(
        Rule::Import,
        Severity::Warning,
        vec![Place::Table(TableId::T2)],
        format!(
            "表二使用2019年版格式（国办公开办函〔2019〕60号），已按对照关系导入：{}；其余栏目（本年新公开数量、对外公开总数量、上一年项目数量、本年增/减、收费项目、政府集中采购）2021年版没有对应栏目，未导入",
            if mapped.is_empty() {
                "无".to_string()
            } else {
                mapped.join("；")
            }
        ),
    );
}

/// Reads 表二 line by line (rows as cells); returns the rows read with their exact number
/// of values, and whether the table is the 2019 format's.
pub(super) fn t2_by_cells(ctx: &mut Ctx, table: &[Line]) -> (usize, bool) {
    let mut rows_read = 0;
    let mut block = None;
    let mut after = Vec::new();
    let mut is_2019 = false;
    let mut mapped_2019: Vec<String> = Vec::new();
    // The last line of cells read after a row label standing alone (a cell per line).
    let mut taken: Option<usize> = None;
    for (at, line) in table.iter().enumerate() {
        if line.is_blank() || taken.is_some_and(|t| at <= t) {
            continue;
        }
        let normalized: Vec<String> = line
            .non_empty()
            .iter()
            .map(|c| labels::normalize(c))
            .collect();
        if normalized
            .iter()
            .any(|c| MARKERS_2019.iter().any(|m| c.contains(m)))
        {
            is_2019 = true;
            continue;
        }
        let first = line.first();
        if let Some(b) = labels::t2_caption(first) {
            block = Some(b);
        } else if labels::normalize(first) == T2_CONTENT_HEADER {
            if let Some(b) = block
                && !is_2019
            {
                check_header(ctx, b, &normalized);
            }
        } else if let Some((b, r)) = labels::t2_row(first).or_else(|| {
            // A typo of a row label: read as that row, and said so.
            let (b, r) = labels::t2_row_near(first)?;
            ctx.variant(first, T2_BLOCKS[b].rows[r].1, Place::Cell(t2(b, r, 0)));
            Some((b, r))
        }) {
            if is_2019 {
                map_2019_t2_row(ctx, b, r, &line.non_empty()[1..], &mut mapped_2019);
                continue;
            }
            let on_lines = (line.non_empty().len() == 1)
                .then(|| cells_on_lines(table, at, T2_BLOCKS[b].columns.len()))
                .flatten();
            if let Some((_, last_at)) = &on_lines {
                taken = Some(*last_at);
            }
            if read_row(ctx, line, (b, r), block, on_lines.map(|(v, _)| v)) {
                rows_read += 1;
            }
        } else if labels::normalize(first) == "规范性文件" {
            is_2019 = true;
            map_2019_t2_row(ctx, 0, 1, &line.non_empty()[1..], &mut mapped_2019);
        } else {
            after.push(line);
        }
    }
    if is_2019 {
        read_as_2019(ctx, &mapped_2019);
    }
    let (rows, text_after): (Vec<&Line>, Vec<&Line>) =
        after.into_iter().partition(|l| l.non_empty().len() > 1);
    for line in rows {
        unplaced(ctx, TableId::T2, line);
    }
    trailing_text(ctx, TextId::S2, &text_after);
    (rows_read, is_2019)
}
