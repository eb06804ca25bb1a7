//! The three tables as grids with merged cells, exactly as the official form draws them
//! (spec §2.1–2.3). Built from [`crate::template`] alone; the editor and the PDF export both
//! draw from these grids, so the layout is defined once. [`BODY`] gives the order of the
//! report's blocks.

use std::sync::LazyLock;

use crate::template::{
    T2_BLOCKS, T2_CONTENT_HEADER, T3_APPLICANTS_HEADER, T3_COLUMNS, T3_GROUPS, T3_NOTE,
    T3_ORGS_HEADER, T3_ROWS, T4_COLUMNS, T4_GROUPS, T4_REVIEW_HEADER, T4_SUIT_HEADER, TableId,
    TextId, t2, t3, t4,
};

/// What a grid item shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridContent {
    /// A fixed label of the template.
    Label(&'static str),
    /// A data cell, by template index.
    Value(usize),
}

/// What part of the table an item is (drives fonts, alignment and behaviour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridRole {
    /// A caption row of 表二 (第二十条第（一）项).
    Caption,
    /// A column header.
    Header,
    /// A row label.
    RowLabel,
    /// A vertical group label spanning several rows (三、本年度办理结果, （三）不予公开…).
    Group,
    /// A data cell.
    Value,
}

/// One item of a grid: a possibly merged rectangle of grid positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GridItem {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub content: GridContent,
    pub role: GridRole,
    /// Hover help for row labels (what the row counts).
    pub help: Option<&'static str>,
}

impl GridItem {
    /// The label text, when the item is a label.
    pub fn label(&self) -> Option<&'static str> {
        match self.content {
            GridContent::Label(s) => Some(s),
            GridContent::Value(_) => None,
        }
    }
}

/// A whole table.
#[derive(Clone, Debug)]
pub struct TableGrid {
    pub table: TableId,
    /// Number of grid columns; the first `label_columns` hold labels, the rest values.
    pub columns: usize,
    pub label_columns: usize,
    pub rows: usize,
    /// Leading rows to repeat when the table continues on another page.
    pub header_rows: usize,
    /// Items in reading order (row, then column).
    pub items: Vec<GridItem>,
    /// `keep_with_next[r]`: row `r` must stay on the same page as row `r + 1`.
    pub keep_with_next: Vec<bool>,
}

impl TableGrid {
    /// The value items in reading order with their grid position.
    pub fn values(&self) -> impl Iterator<Item = (&GridItem, usize)> {
        self.items.iter().filter_map(|it| match it.content {
            GridContent::Value(i) => Some((it, i)),
            GridContent::Label(_) => None,
        })
    }
}

struct Builder {
    items: Vec<GridItem>,
}

impl Builder {
    fn put(
        &mut self,
        (row, col): (usize, usize),
        (row_span, col_span): (usize, usize),
        content: GridContent,
        role: GridRole,
    ) {
        self.items.push(GridItem {
            row,
            col,
            row_span,
            col_span,
            content,
            role,
            help: None,
        });
    }

    fn finish(
        mut self,
        table: TableId,
        columns: usize,
        label_columns: usize,
        header_rows: usize,
        keep_with_next: Vec<bool>,
    ) -> TableGrid {
        self.items.sort_by_key(|it| (it.row, it.col));
        let rows = self
            .items
            .iter()
            .map(|it| it.row + it.row_span)
            .max()
            .unwrap_or(0);
        TableGrid {
            table,
            columns,
            label_columns,
            rows,
            header_rows,
            items: self.items,
            keep_with_next,
        }
    }
}

use GridContent::{Label, Value};

fn build_t2() -> TableGrid {
    let mut b = Builder { items: Vec::new() };
    let mut row = 0;
    let mut keep = Vec::new();
    for (bi, block) in T2_BLOCKS.iter().enumerate() {
        b.put((row, 0), (1, 4), Label(block.caption), GridRole::Caption);
        b.put(
            (row + 1, 0),
            (1, 1),
            Label(T2_CONTENT_HEADER),
            GridRole::Header,
        );
        let span = 3 / block.columns.len();
        for (ci, (_, label)) in block.columns.iter().enumerate() {
            b.put(
                (row + 1, 1 + ci * span),
                (1, span),
                Label(label),
                GridRole::Header,
            );
        }
        for (ri, (_, label)) in block.rows.iter().enumerate() {
            let r = row + 2 + ri;
            b.put((r, 0), (1, 1), Label(label), GridRole::RowLabel);
            for ci in 0..block.columns.len() {
                b.put(
                    (r, 1 + ci * span),
                    (1, span),
                    Value(t2(bi, ri, ci)),
                    GridRole::Value,
                );
            }
        }
        let block_rows = 2 + block.rows.len();
        keep.extend((0..block_rows).map(|i| i + 1 < block_rows));
        row += block_rows;
    }
    b.finish(TableId::T2, 4, 1, 0, keep)
}

fn build_t3() -> TableGrid {
    const HEAD: usize = 3;
    const LABELS: usize = 3;
    let mut b = Builder { items: Vec::new() };
    b.put((0, 0), (HEAD, LABELS), Label(T3_NOTE), GridRole::Header);
    b.put(
        (0, LABELS),
        (1, T3_COLUMNS.len()),
        Label(T3_APPLICANTS_HEADER),
        GridRole::Header,
    );
    let orgs = T3_COLUMNS.iter().filter(|c| c.is_org).count();
    for (c, col) in T3_COLUMNS.iter().enumerate() {
        if col.is_org {
            b.put((2, LABELS + c), (1, 1), Label(col.label), GridRole::Header);
        } else {
            b.put((1, LABELS + c), (2, 1), Label(col.label), GridRole::Header);
        }
    }
    if let Some(first_org) = T3_COLUMNS.iter().position(|c| c.is_org) {
        b.put(
            (1, LABELS + first_org),
            (1, orgs),
            Label(T3_ORGS_HEADER),
            GridRole::Header,
        );
    }
    // Rows; groups span the consecutive rows that share them.
    let mut r = 0;
    while r < T3_ROWS.len() {
        let row = &T3_ROWS[r];
        let gr = HEAD + r;
        match row.group {
            None => b.put((gr, 0), (1, LABELS), Label(row.label), GridRole::RowLabel),
            Some(0) => b.put((gr, 1), (1, 2), Label(row.label), GridRole::RowLabel),
            Some(_) => b.put((gr, 2), (1, 1), Label(row.label), GridRole::RowLabel),
        }
        if let Some(last) = b.items.last_mut() {
            last.help = Some(row.help);
        }
        for c in 0..T3_COLUMNS.len() {
            b.put((gr, LABELS + c), (1, 1), Value(t3(r, c)), GridRole::Value);
        }
        r += 1;
    }
    // Group cells: the outer 三、本年度办理结果 and the inner （三）–（六）.
    let in_outcome: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&r| T3_ROWS[r].group.is_some())
        .collect();
    if let (Some(&first), Some(&last)) = (in_outcome.first(), in_outcome.last()) {
        b.put(
            (HEAD + first, 0),
            (last - first + 1, 1),
            Label(T3_GROUPS[0].label),
            GridRole::Group,
        );
    }
    for (g, group) in T3_GROUPS.iter().enumerate().skip(1) {
        let rows: Vec<usize> = (0..T3_ROWS.len())
            .filter(|&r| T3_ROWS[r].group == Some(g))
            .collect();
        if let (Some(&first), Some(&last)) = (rows.first(), rows.last()) {
            b.put(
                (HEAD + first, 1),
                (last - first + 1, 1),
                Label(group.label),
                GridRole::Group,
            );
        }
    }
    // Header rows stay with the first data row; the rows of an inner group （三）–（六）
    // stay together, so a page break never cuts a group cell short.
    let mut keep = vec![true; HEAD];
    keep.extend((0..T3_ROWS.len()).map(|r| {
        matches!(T3_ROWS[r].group, Some(g) if g > 0)
            && T3_ROWS
                .get(r + 1)
                .is_some_and(|next| next.group == T3_ROWS[r].group)
    }));
    b.finish(TableId::T3, LABELS + T3_COLUMNS.len(), LABELS, HEAD, keep)
}

fn build_t4() -> TableGrid {
    let n = T4_COLUMNS.len();
    let mut b = Builder { items: Vec::new() };
    b.put((0, 0), (1, n), Label(T4_REVIEW_HEADER), GridRole::Header);
    b.put(
        (0, n),
        (1, n * (T4_GROUPS.len() - 1)),
        Label(T4_SUIT_HEADER),
        GridRole::Header,
    );
    for (g, group) in T4_GROUPS.iter().enumerate() {
        for (c, (_, label)) in T4_COLUMNS.iter().enumerate() {
            if g == 0 {
                b.put((1, c), (2, 1), Label(label), GridRole::Header);
            } else {
                b.put((2, g * n + c), (1, 1), Label(label), GridRole::Header);
            }
            b.put((3, g * n + c), (1, 1), Value(t4(g, c)), GridRole::Value);
        }
        if g > 0 {
            b.put((1, g * n), (1, n), Label(group.label), GridRole::Header);
        }
    }
    b.finish(
        TableId::T4,
        n * T4_GROUPS.len(),
        0,
        3,
        vec![true, true, true, false],
    )
}

/// The widths of a table's grid columns when it is `width` wide and its labels are set in
/// type of size `em` (pixels in the editor, points in the PDF: both size tables with this).
/// 表二: the label a third, the values share the rest; 表三: the group columns hold one
/// character, the seven value columns a fixed share (never under 3.4 em), the leaf labels
/// the rest; 表四: fifteen equal columns.
pub fn column_widths(table: TableId, width: f32, em: f32) -> Vec<f32> {
    match table {
        TableId::T2 => {
            let label = (width * 0.34).max(11.0 * em);
            let v = ((width - label) / 3.0).max(6.0 * em);
            vec![label, v, v, v]
        }
        TableId::T3 => {
            let group = 1.6 * em;
            let v = (width * 0.0814).max(3.4 * em);
            let leaf = (width - 2.0 * group - 7.0 * v).max(12.0 * em);
            let mut w = vec![group, group, leaf];
            w.extend(std::iter::repeat_n(v, 7));
            w
        }
        TableId::T4 => vec![(width / 15.0).max(2.5 * em); 15],
    }
}

/// Row heights for a grid: each row as tall as `min_height(row)` and as its tallest one-row
/// item, then the rows under an item spanning several grown evenly until it fits.
/// `needed(k)` is the height item `k` (index into `grid.items`) needs, None for no text.
pub fn row_heights(
    grid: &TableGrid,
    min_height: impl Fn(usize) -> f32,
    needed: impl Fn(usize) -> Option<f32>,
) -> Vec<f32> {
    let mut heights: Vec<f32> = (0..grid.rows).map(min_height).collect();
    for (k, it) in grid.items.iter().enumerate() {
        if let (Some(need), 1) = (needed(k), it.row_span) {
            heights[it.row] = heights[it.row].max(need);
        }
    }
    for (k, it) in grid.items.iter().enumerate() {
        if let Some(need) = needed(k)
            && it.row_span > 1
        {
            let rows = it.row..it.row + it.row_span;
            let have: f32 = heights[rows.clone()].iter().sum();
            if need > have {
                let extra = (need - have) / it.row_span as f32;
                for h in &mut heights[rows] {
                    *h += extra;
                }
            }
        }
    }
    heights
}

/// Running offsets of a list of sizes: `[0, a, a+b, …]` (grid line positions).
pub fn offsets(sizes: &[f32]) -> Vec<f32> {
    std::iter::once(0.0)
        .chain(sizes.iter().scan(0.0, |acc, w| {
            *acc += w;
            Some(*acc)
        }))
        .collect()
}

/// 表二 (4 blocks, 4 columns).
pub static TABLE2: LazyLock<TableGrid> = LazyLock::new(build_t2);
/// 表三 (3 header rows, 3 label columns, 7 value columns).
pub static TABLE3: LazyLock<TableGrid> = LazyLock::new(build_t3);
/// 表四 (3 header rows, 15 value columns).
pub static TABLE4: LazyLock<TableGrid> = LazyLock::new(build_t4);

/// The grid of a table.
pub fn grid(table: TableId) -> &'static TableGrid {
    match table {
        TableId::T2 => &TABLE2,
        TableId::T3 => &TABLE3,
        TableId::T4 => &TABLE4,
    }
}

/// One block of the report body, in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// A section heading (index into [`crate::template::SECTIONS`]) that is not a text field's own heading.
    Heading(usize),
    /// A text field (printed with its own heading, if it has one).
    Text(TextId),
    /// A statistical table.
    Table(TableId),
}

/// The report body after the title, in the order of the official template. The editor's
/// form and the PDF export both follow it.
pub const BODY: [Block; 19] = [
    Block::Text(TextId::Intro),
    Block::Heading(0),
    Block::Text(TextId::S1),
    Block::Text(TextId::S1_1),
    Block::Text(TextId::S1_2),
    Block::Text(TextId::S1_3),
    Block::Text(TextId::S1_4),
    Block::Text(TextId::S1_5),
    Block::Heading(1),
    Block::Text(TextId::S2),
    Block::Table(TableId::T2),
    Block::Heading(2),
    Block::Text(TextId::S3),
    Block::Table(TableId::T3),
    Block::Heading(3),
    Block::Text(TextId::S4),
    Block::Table(TableId::T4),
    Block::Text(TextId::S5),
    Block::Text(TextId::S6),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{CELL_COUNT, TEMPLATE};

    fn coverage(g: &TableGrid) -> Vec<Vec<usize>> {
        let mut seen = vec![vec![0usize; g.columns]; g.rows];
        for it in &g.items {
            for row in seen.iter_mut().skip(it.row).take(it.row_span) {
                for c in row.iter_mut().skip(it.col).take(it.col_span) {
                    *c += 1;
                }
            }
        }
        seen
    }

    #[test]
    fn every_position_is_covered_exactly_once() {
        for table in [TableId::T2, TableId::T3, TableId::T4] {
            let g = grid(table);
            assert_eq!(g.keep_with_next.len(), g.rows, "{table:?}");
            for (r, row) in coverage(g).iter().enumerate() {
                for (c, n) in row.iter().enumerate() {
                    assert_eq!(*n, 1, "{table:?} row {r} col {c}");
                }
            }
        }
    }

    #[test]
    fn every_cell_appears_once_in_its_own_table() {
        let mut seen = vec![0; CELL_COUNT];
        for table in [TableId::T2, TableId::T3, TableId::T4] {
            for (_, i) in grid(table).values() {
                assert_eq!(TEMPLATE.cells[i].table, table);
                seen[i] += 1;
            }
        }
        assert!(seen.iter().all(|&n| n == 1));
    }

    #[test]
    fn official_spans() {
        let t3 = grid(TableId::T3);
        let find = |g: &TableGrid, s: &str| {
            *g.items
                .iter()
                .find(|it| it.label() == Some(s))
                .unwrap_or_else(|| panic!("{s}"))
        };
        let note = find(t3, T3_NOTE);
        assert_eq!((note.row_span, note.col_span), (3, 3));
        assert_eq!(find(t3, "申请人情况").col_span, 7);
        assert_eq!(find(t3, "法人或其他组织").col_span, 5);
        assert_eq!(find(t3, "三、本年度办理结果").row_span, 22);
        let spans: Vec<usize> = [
            "（三）不予公开",
            "（四）无法提供",
            "（五）不予处理",
            "（六）其他处理",
        ]
        .iter()
        .map(|s| find(t3, s).row_span)
        .collect();
        assert_eq!(spans, [8, 3, 5, 3]);
        assert_eq!(find(t3, "（七）总计").col_span, 2);
        assert_eq!(find(t3, "四、结转下年度继续办理").col_span, 3);
        let t4 = grid(TableId::T4);
        assert_eq!(find(t4, "行政诉讼").col_span, 10);
        assert_eq!(find(t4, "复议后起诉").col_span, 5);
        let t2 = grid(TableId::T2);
        assert_eq!(find(t2, "第二十条第（八）项").col_span, 4);
        assert_eq!(find(t2, "本年收费金额（单位：万元）").col_span, 3);
    }
}
