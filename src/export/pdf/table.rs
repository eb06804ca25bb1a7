//! The statistical tables in the PDF: drawn from the shared [`TableGrid`]s, with full grid
//! lines, merged header cells, group cells, labels wrapped inside their cells, numbers
//! centred; split only between rows, repeating the header rows on the next page.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use printpdf::{Color, Line, LinePoint, Op, Point, Pt, Rgb};

use crate::layout::{
    GridContent, GridItem, GridRole, TableGrid, column_widths, offsets, row_heights,
};
use crate::model::Report;
use crate::template::TableId;

use super::compose::{ASCENT, Composer};
use super::fonts::Role;
use super::text::{Glyph, break_lines, visible, width_em};
use crate::export::page::{
    BODY_LINE, MARGIN_LEFT, MARGIN_TOP, PAGE_HEIGHT, TEXT_HEIGHT, TEXT_WIDTH,
};

/// 五号 type in the tables.
const SIZE: f32 = crate::export::page::TABLE_SIZE;
const LINE: f32 = 13.0;
const PAD: f32 = 2.0;
const RULE: f32 = 0.6;
/// Line height of vertical group labels (one character per line, set solid).
const GROUP_LINE: f32 = SIZE * 1.1;

fn line_height(item: &GridItem) -> f32 {
    if item.role == GridRole::Group {
        GROUP_LINE
    } else {
        LINE
    }
}

struct Laid {
    xs: Vec<f32>,
    heights: Vec<f32>,
    /// Per item: its glyphs and line ranges.
    text: Vec<(Vec<Glyph>, Vec<Range<usize>>)>,
    /// Per item: type size (a long number is set smaller rather than split).
    sizes: Vec<f32>,
}

/// Appends every label and value the table prints to `out`.
pub(super) fn text(report: &Report, grid: &TableGrid, out: &mut String) {
    for item in &grid.items {
        out.push_str(&item_text(report, item));
    }
}

fn item_text(report: &Report, item: &GridItem) -> String {
    match item.content {
        GridContent::Label(s) => s.to_string(),
        GridContent::Value(i) => report.cell(i).display(),
    }
}

/// The tables' layouts of one export, each computed once (the heading before a table asks
/// for it too).
#[derive(Default)]
pub(super) struct Layouts(HashMap<TableId, Rc<Laid>>);

impl Layouts {
    fn laid(&mut self, c: &mut Composer<'_>, report: &Report, grid: &TableGrid) -> Rc<Laid> {
        if let Some(l) = self.0.get(&grid.table) {
            return Rc::clone(l);
        }
        let l = Rc::new(lay(c, report, grid));
        self.0.insert(grid.table, Rc::clone(&l));
        l
    }
}

fn lay(c: &mut Composer<'_>, report: &Report, grid: &TableGrid) -> Laid {
    let xs = offsets(&column_widths(grid.table, TEXT_WIDTH, SIZE));
    let mut text = Vec::with_capacity(grid.items.len());
    let mut sizes = Vec::with_capacity(grid.items.len());
    for item in &grid.items {
        let glyphs = c.shaper.shape(Role::Body, &item_text(report, item));
        let mut size = SIZE;
        let width = xs[item.col + item.col_span] - xs[item.col] - 2.0 * PAD;
        if matches!(item.content, GridContent::Value(_)) {
            // Numbers stay whole: shrink to fit, down to 60 %.
            let natural = width_em(&glyphs) * SIZE;
            if natural > width {
                size = (SIZE * width / natural).max(0.6 * SIZE);
            }
        }
        sizes.push(size);
        let inner = width / size;
        let mut lines = break_lines(&glyphs, inner, inner);
        if item.role == GridRole::Header && lines.len() > 1 {
            // Balance the lines of a wrapped header (商业/企业, not 商业企/业).
            let mut w = inner;
            while w > 1.0 {
                let narrower = break_lines(&glyphs, w - 0.5, w - 0.5);
                if narrower.len() != lines.len() {
                    break;
                }
                lines = narrower;
                w -= 0.5;
            }
        }
        text.push((glyphs, lines));
    }
    let heights = row_heights(
        grid,
        |_| LINE + 2.0 * PAD,
        |k| {
            let lines = text[k].1.len().max(1) as f32;
            Some(lines * line_height(&grid.items[k]) + 2.0 * PAD)
        },
    );
    Laid {
        xs,
        heights,
        text,
        sizes,
    }
}

/// What a heading before the table keeps on its page: the whole table when it fits a page
/// (it will not be cut), else the header rows and the first rows.
pub(super) fn head_height(
    layouts: &mut Layouts,
    c: &mut Composer<'_>,
    report: &Report,
    grid: &TableGrid,
) -> f32 {
    let laid = layouts.laid(c, report, grid);
    let total: f32 = laid.heights.iter().sum();
    if total <= TEXT_HEIGHT {
        return total;
    }
    let mut h: f32 = laid.heights[..grid.header_rows].iter().sum();
    let mut r = grid.header_rows;
    let mut taken = 0;
    while r < grid.rows && (taken < 2 || grid.keep_with_next[r - 1]) {
        h += laid.heights[r];
        taken += 1;
        r += 1;
    }
    h
}

/// Draws a table at the cursor, splitting it between rows across pages.
pub(super) fn draw(layouts: &mut Layouts, c: &mut Composer<'_>, report: &Report, grid: &TableGrid) {
    let laid = layouts.laid(c, report, grid);
    let head: Vec<usize> = (0..grid.header_rows).collect();
    let head_h: f32 = head.iter().map(|&r| laid.heights[r]).sum();
    let total: f32 = laid.heights.iter().sum();
    // A table that fits a page but not the rest of this one starts on the next page
    // instead of being cut.
    // (Not when the page holds only the section heading: then the table follows it and is
    // cut between groups of rows.)
    if total > c.room() && total <= TEXT_HEIGHT && c.y > 2.0 * BODY_LINE {
        c.new_page();
    }
    let mut r = grid.header_rows;
    let mut first = true;
    while r < grid.rows || first {
        let mut avail = c.room() - head_h;
        let mut end = r;
        while end < grid.rows && laid.heights[end] <= avail + 0.01 {
            avail -= laid.heights[end];
            end += 1;
        }
        // Never end a segment on a row that must stay with the next one.
        while end > r && end < grid.rows && grid.keep_with_next[end - 1] {
            end -= 1;
        }
        if end == r && r < grid.rows {
            if c.y > 0.0 {
                c.new_page();
                continue;
            }
            end = r + 1; // a single row taller than a page: draw it anyway
        }
        let rows: Vec<usize> = head.iter().copied().chain(r..end).collect();
        segment(c, grid, &laid, &rows);
        r = end;
        first = false;
        if r < grid.rows {
            c.new_page();
        }
    }
    c.y += BODY_LINE / 2.0;
}

/// Draws the given grid rows (header rows first) at the cursor.
fn segment(c: &mut Composer<'_>, grid: &TableGrid, laid: &Laid, rows: &[usize]) {
    // y offset of each drawn grid row.
    let mut top = vec![None; grid.rows];
    let mut y = c.y;
    for &r in rows {
        top[r] = Some(y);
        y += laid.heights[r];
    }
    let mut rules = Vec::new();
    for (k, item) in grid.items.iter().enumerate() {
        // The part of the item on this segment: its drawn rows, which are consecutive.
        let drawn: Vec<usize> = (item.row..item.row + item.row_span)
            .filter(|r| top[*r].is_some())
            .collect();
        let (Some(&first), Some(&last)) = (drawn.first(), drawn.last()) else {
            continue;
        };
        let y0 = top[first].unwrap_or(0.0);
        let y1 = top[last].unwrap_or(0.0) + laid.heights[last];
        let x0 = laid.xs[item.col];
        let x1 = laid.xs[item.col + item.col_span];
        rules.push((x0, y0, x1, y1));
        let (glyphs, lines) = &laid.text[k];
        // A group cell cut by a page break shows as much of its label as fits its part.
        let lh = line_height(item);
        let lines = if item.role == GridRole::Group {
            let fit = (((y1 - y0) - 2.0 * PAD) / lh + 0.01).floor().max(1.0) as usize;
            &lines[..lines.len().min(fit)]
        } else {
            &lines[..]
        };
        let block = lines.len() as f32 * lh;
        let mut line_top = y0 + ((y1 - y0) - block) / 2.0;
        let size = laid.sizes[k];
        for range in lines {
            let line = visible(glyphs, range.clone());
            let w = width_em(line) * size;
            let x = match item.role {
                GridRole::RowLabel => x0 + PAD,
                _ => x0 + ((x1 - x0) - w) / 2.0,
            };
            let baseline = line_top + (lh - size) / 2.0 + ASCENT * size;
            c.glyphs(line, x, baseline, size, 0.0);
            line_top += lh;
        }
    }
    c.ops.push(Op::SetOutlineColor {
        col: Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None)),
    });
    c.ops.push(Op::SetOutlineThickness { pt: Pt(RULE) });
    for (x0, y0, x1, y1) in rules {
        let p = |x: f32, y: f32| LinePoint {
            p: Point {
                x: Pt(MARGIN_LEFT + x),
                y: Pt(PAGE_HEIGHT - MARGIN_TOP - y),
            },
            bezier: false,
        };
        c.ops.push(Op::DrawLine {
            line: Line {
                points: vec![p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1)],
                is_closed: true,
            },
        });
    }
    c.y = y;
}
