//! The text of a page outside its drawn tables: glyphs in lines by baseline, chunks apart
//! at wide gaps, running headers, footers and page numbers dropped, and the lines laid out
//! like the page (columns kept as character offsets, cells apart by tabs) so the usual
//! text reading and the label-anchored table reading apply.

use super::collect::{Glyph, advance};

/// The widest a laid-out line is padded to, in character columns.
const MAX_COLUMN: f64 = 400.0;

/// A line of glyphs on one baseline, split into chunks at wide gaps.
#[derive(Clone, Debug)]
pub(super) struct TextLine {
    pub(super) page: usize,
    /// The baseline (the first glyph's), for the order of lines and tables on a page.
    pub(super) y: f64,
    pub(super) size: f64,
    /// (x start, x end, text)
    pub(super) chunks: Vec<(f64, f64, String)>,
}

impl TextLine {
    fn text(&self) -> String {
        self.chunks.iter().map(|c| c.2.as_str()).collect()
    }
    fn start(&self) -> f64 {
        self.chunks.first().map_or(0.0, |c| c.0)
    }
    fn end(&self) -> f64 {
        self.chunks.last().map_or(0.0, |c| c.1)
    }
}

/// The glyphs of a page (drawn once, outside tables) in lines by baseline.
pub(super) fn lines_of(page: usize, mut glyphs: Vec<Glyph>) -> Vec<TextLine> {
    glyphs.retain(|g| !g.text.trim().is_empty());
    let rows = rows_of(&glyphs);
    let mut glyphs: Vec<Option<Glyph>> = glyphs.into_iter().map(Some).collect();
    rows.into_iter()
        .map(|row| -> Vec<Glyph> { row.iter().filter_map(|&k| glyphs[k].take()).collect() })
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = row.iter().map(|g| g.size).fold(0.0, f64::max);
            let mut chunks: Vec<(f64, f64, String)> = Vec::new();
            for g in &row {
                let end = g.x + advance(&g.text, g.size);
                match chunks.last_mut() {
                    // Neighbours closer than a quarter em are one piece of text; up to an em
                    // and a half apart, words of one piece (a space between); farther, cells.
                    Some(last) if g.x - last.1 <= 1.5 * g.size.max(1.0) => {
                        if g.x - last.1 > 0.25 * g.size.max(1.0) {
                            last.2.push(' ');
                        }
                        last.1 = last.1.max(end);
                        last.2.push_str(&g.text);
                    }
                    _ => chunks.push((g.x, end, g.text.clone())),
                }
            }
            TextLine {
                page,
                y: row[0].y,
                size,
                chunks,
            }
        })
        .collect()
}

/// The glyphs of a page grouped into its rows, top to bottom, each from the left: a glyph
/// joins the row whose first glyph's baseline is within 0.3 of the smaller of their sizes.
/// Indices into `glyphs`; no row is empty.
pub(super) fn rows_of(glyphs: &[Glyph]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| {
        glyphs[a]
            .y
            .total_cmp(&glyphs[b].y)
            .then(glyphs[a].x.total_cmp(&glyphs[b].x))
    });
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for k in order {
        let g = &glyphs[k];
        match rows.last_mut() {
            Some(row)
                if (glyphs[row[0]].y - g.y).abs() <= 0.3 * glyphs[row[0]].size.min(g.size) =>
            {
                row.push(k)
            }
            _ => rows.push(vec![k]),
        }
    }
    rows
}

/// Drops page numbers and lines repeated at the top or bottom of most pages.
pub(super) fn drop_running_lines(lines: &mut Vec<TextLine>) {
    let pages = lines.iter().map(|l| l.page).max().map_or(0, |p| p + 1);
    let edge_texts = |pick_last: bool| -> Vec<String> {
        (0..pages)
            .filter_map(|p| {
                let mut on_page = lines.iter().filter(|l| l.page == p);
                let line = if pick_last {
                    on_page.next_back()
                } else {
                    on_page.next()
                };
                line.map(|l| normalize_running(&l.text()))
            })
            .collect()
    };
    let mut running: Vec<String> = Vec::new();
    if pages >= 3 {
        for texts in [edge_texts(false), edge_texts(true)] {
            for t in &texts {
                let n = texts.iter().filter(|u| *u == t).count();
                if n * 2 > pages && !running.contains(t) {
                    running.push(t.clone());
                }
            }
        }
    }
    lines.retain(|l| {
        let t = l.text();
        !crate::import::text::is_page_furniture(&t) && !running.contains(&normalize_running(&t))
    });
}

/// A running line without its page number, to compare across pages.
fn normalize_running(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
        .collect()
}

/// What a page holds, in reading order: lines of text, and rows of the tables drawn on it.
#[derive(Clone, Debug)]
pub(super) enum Block {
    Line(TextLine),
    /// A table row's cells (see `lattice::Table::rows`).
    Row(Vec<String>),
}

/// A laid-out line: text (cells apart by tabs), or a table row's cells as drawn.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Laid {
    Text(String),
    Row(Vec<String>),
}

/// Lays the blocks out: paragraphs joined, a text line's chunks placed at their character
/// column and separated by a tab; table rows as they are.
pub(super) fn layout(blocks: &[Block]) -> Vec<Laid> {
    let lines = || {
        blocks.iter().filter_map(|b| match b {
            Block::Line(l) => Some(l),
            Block::Row(_) => None,
        })
    };
    let body = median(lines().map(|l| l.size)).unwrap_or(12.0);
    let left = lines().map(TextLine::start).fold(f64::INFINITY, f64::min);
    let right = lines().map(TextLine::end).fold(0.0, f64::max);
    let unit = body * 0.5;
    let mut out: Vec<Laid> = Vec::new();
    let mut prev: Option<&TextLine> = None;
    for block in blocks {
        let line = match block {
            Block::Row(cells) => {
                out.push(Laid::Row(cells.clone()));
                prev = None;
                continue;
            }
            Block::Line(line) => line,
        };
        let single = line.chunks.len() == 1;
        // A paragraph continues: the line before ran to the right edge, this one starts at
        // the left margin, both plain text of the same size.
        let continues = prev.is_some_and(|p| {
            p.chunks.len() == 1
                && single
                && (p.size - line.size).abs() < 0.5
                && p.end() >= right - 1.5 * p.size
                && (line.start() - left).abs() < 0.5 * line.size
        });
        if continues && let Some(Laid::Text(last)) = out.last_mut() {
            last.push_str(&line.text());
            prev = Some(line);
            continue;
        }
        let mut s = String::new();
        let mut col = 0usize;
        for (k, (x, _, text)) in line.chunks.iter().enumerate() {
            // A page is some hundred columns wide; text placed far off it (a hostile or broken
            // transform) is not padded out to where it claims to be.
            let want = ((x - left) / unit).round().clamp(0.0, MAX_COLUMN) as usize;
            if k > 0 {
                s.push('\t');
                col += 1;
            }
            while col < want {
                s.push(' ');
                col += 1;
            }
            s.push_str(text);
            col += text.chars().count();
        }
        out.push(Laid::Text(s));
        prev = Some(line);
    }
    out
}

fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}
