//! Tables read by their drawn grid, as a person reads the page (lattice reading, as
//! pdfplumber's table finder and Camelot's lattice mode do): the page's ruling lines are
//! merged where they touch, grouped into tables by where they cross, cut into the grid of
//! their distinct positions, and the grid's elementary cells joined wherever no line is
//! drawn between them (a cell that spans rows or columns). Every character then belongs to
//! the cell its middle falls in, and a cell's lines are joined into one text (a label
//! wrapped over three lines, or a vertical label of one character per line, is one label).

use hayro_interpret::kurbo::Point;

use super::collect::{Glyph, Rule};

/// Lines this close (points) across their direction are one line.
const SAME_LINE: f64 = 1.5;
/// Collinear pieces with a gap this small (points) between them are one line.
const JOIN_GAP: f64 = 2.5;
/// A line ending this close (points) to another still meets it.
const MEET: f64 = 2.5;
/// More rules on a page than any table has: the page is read as text.
const MAX_RULES: usize = 20_000;
/// More elementary cells than any report table has: not a table.
const MAX_GRID_CELLS: usize = 20_000;

/// A table found on a page: its grid and the text of each cell.
#[derive(Clone, Debug)]
pub(super) struct Table {
    /// The grid's column boundaries (x) and row boundaries (y, downwards).
    pub(super) xs: Vec<f64>,
    pub(super) ys: Vec<f64>,
    /// The cells, in reading order (by first row, then first column).
    pub(super) cells: Vec<Cell>,
}

/// A cell of a table: the first elementary row and column it covers, its text, and the
/// box it covers on the page (left, top, right, bottom).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Cell {
    pub(super) row: usize,
    pub(super) col: usize,
    pub(super) text: String,
    pub(super) rect: (f64, f64, f64, f64),
}

impl Table {
    /// The table's area (x0, y0, x1, y1).
    pub(super) fn bounds(&self) -> (f64, f64, f64, f64) {
        (
            self.xs[0],
            self.ys[0],
            self.xs[self.xs.len() - 1],
            self.ys[self.ys.len() - 1],
        )
    }
    /// True when a point lies inside the table.
    pub(super) fn contains(&self, p: Point) -> bool {
        let (x0, y0, x1, y1) = self.bounds();
        p.x > x0 && p.x < x1 && p.y > y0 && p.y < y1
    }
    /// The table's rows as the importer reads them (Word's convention): each elementary row
    /// holds the cells that start in it, left to right; a cell spanning rows appears in its
    /// first row only. Rows with no cell starting in them are left out.
    pub(super) fn rows(&self) -> Vec<(f64, Vec<String>)> {
        self.rows_of_cells()
            .into_iter()
            .map(|(y, cells)| (y, cells.iter().map(|c| c.text.clone()).collect()))
            .collect()
    }
    /// [`Table::rows`] with each cell whole (its box on the page too).
    pub(super) fn rows_of_cells(&self) -> Vec<(f64, Vec<&Cell>)> {
        let mut out: Vec<(f64, Vec<&Cell>)> = Vec::new();
        for r in 0..self.ys.len() - 1 {
            let mut cells: Vec<&Cell> = self.cells.iter().filter(|c| c.row == r).collect();
            if cells.is_empty() {
                continue;
            }
            cells.sort_by_key(|c| c.col);
            out.push((self.ys[r], cells));
        }
        out
    }
}

/// Finds the tables drawn on a page and takes out of `glyphs` the characters inside them.
pub(super) fn tables(rules: &[Rule], glyphs: &mut Vec<Glyph>) -> Vec<Table> {
    if rules.len() > MAX_RULES {
        return Vec::new();
    }
    let merged = merge(rules);
    let mut found: Vec<Table> = Vec::new();
    for group in connected(&merged) {
        if let Some(grid) = Grid::of(&group) {
            found.push(grid.into_table(glyphs));
        }
    }
    // A table must hold text (a frame drawn around a page holds the page, not a table):
    // at least two cells with text.
    found.retain(|t| t.cells.iter().filter(|c| !c.text.trim().is_empty()).count() >= 2);
    found.sort_by(|a, b| a.ys[0].total_cmp(&b.ys[0]));
    glyphs.retain(|g| !found.iter().any(|t| t.contains(g.centre())));
    found
}

/// Merges rules that are one drawn line: collinear (within [`SAME_LINE`]) and touching or
/// overlapping (within [`JOIN_GAP`]).
fn merge(rules: &[Rule]) -> Vec<Rule> {
    let mut out = Vec::new();
    for horizontal in [true, false] {
        let mut these: Vec<Rule> = rules
            .iter()
            .filter(|r| r.horizontal == horizontal)
            .copied()
            .collect();
        these.sort_by(|a, b| a.at.total_cmp(&b.at));
        // Clusters of lines at (almost) the same position.
        let mut k = 0;
        while k < these.len() {
            let mut end = k + 1;
            while end < these.len() && these[end].at - these[end - 1].at <= SAME_LINE {
                end += 1;
            }
            let cluster = &mut these[k..end];
            cluster.sort_by(|a, b| a.from.total_cmp(&b.from));
            let mut current: Option<(Rule, f64, usize)> = None;
            for r in cluster.iter() {
                match current.as_mut() {
                    Some((cur, sum_at, n)) if r.from <= cur.to + JOIN_GAP => {
                        cur.to = cur.to.max(r.to);
                        *sum_at += r.at;
                        *n += 1;
                    }
                    _ => {
                        if let Some((mut cur, sum_at, n)) = current.take() {
                            cur.at = sum_at / n as f64;
                            out.push(cur);
                        }
                        current = Some((*r, r.at, 1));
                    }
                }
            }
            if let Some((mut cur, sum_at, n)) = current {
                cur.at = sum_at / n as f64;
                out.push(cur);
            }
            k = end;
        }
    }
    out
}

fn crosses(h: &Rule, v: &Rule) -> bool {
    v.at >= h.from - MEET && v.at <= h.to + MEET && h.at >= v.from - MEET && h.at <= v.to + MEET
}

/// Groups the rules into sets that cross each other (one set, one table).
fn connected(rules: &[Rule]) -> Vec<Vec<Rule>> {
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let hs: Vec<usize> = (0..rules.len()).filter(|&i| rules[i].horizontal).collect();
    let vs: Vec<usize> = (0..rules.len()).filter(|&i| !rules[i].horizontal).collect();
    for &h in &hs {
        for &v in &vs {
            if crosses(&rules[h], &rules[v]) {
                let (a, b) = (root(&mut parent, h), root(&mut parent, v));
                if a != b {
                    parent[a] = b;
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Rule>> = Default::default();
    for (i, rule) in rules.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(*rule);
    }
    groups.into_values().collect()
}

/// Distinct positions of lines, each the mean of a cluster within [`SAME_LINE`].
fn positions(mut at: Vec<f64>) -> Vec<f64> {
    at.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    let mut cluster: Vec<f64> = Vec::new();
    for a in at {
        if cluster.last().is_some_and(|&l| a - l > SAME_LINE) {
            out.push(cluster.iter().sum::<f64>() / cluster.len() as f64);
            cluster.clear();
        }
        cluster.push(a);
    }
    if !cluster.is_empty() {
        out.push(cluster.iter().sum::<f64>() / cluster.len() as f64);
    }
    out
}

/// A table's grid: the elementary cells between its distinct line positions, and which of
/// their borders are drawn.
struct Grid {
    xs: Vec<f64>,
    ys: Vec<f64>,
    /// `open_right[r][c]`: no line between elementary cells (r, c) and (r, c + 1).
    open_right: Vec<Vec<bool>>,
    /// `open_below[r][c]`: no line between elementary cells (r, c) and (r + 1, c).
    open_below: Vec<Vec<bool>>,
}

/// True when the rules at `at` (within [`SAME_LINE`]) cover most of [from, to].
fn covered(rules: &[&Rule], at: f64, from: f64, to: f64) -> bool {
    let margin = (to - from) * 0.2;
    let (a, b) = (from + margin, to - margin);
    rules
        .iter()
        .any(|r| (r.at - at).abs() <= SAME_LINE && r.from <= a + 0.01 && r.to >= b - 0.01)
}

/// Adds the closing line across `lines` where the `crossing` lines run on past the
/// outermost of them by more than a line's tolerance (a table cut by a page break).
fn close_open_ends(lines: &mut Vec<Rule>, crossing: &[Rule]) {
    let first = lines.iter().map(|r| r.at).fold(f64::INFINITY, f64::min);
    let last = lines.iter().map(|r| r.at).fold(f64::NEG_INFINITY, f64::max);
    let from = lines.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
    let to = lines.iter().map(|r| r.to).fold(f64::NEG_INFINITY, f64::max);
    let start = crossing
        .iter()
        .map(|r| r.from)
        .fold(f64::INFINITY, f64::min);
    let end = crossing
        .iter()
        .map(|r| r.to)
        .fold(f64::NEG_INFINITY, f64::max);
    let horizontal = lines.first().is_some_and(|r| r.horizontal);
    for (at, open) in [(start, start < first - 3.0), (end, end > last + 3.0)] {
        if open {
            lines.push(Rule {
                horizontal,
                at,
                from,
                to,
            });
        }
    }
}

impl Grid {
    fn of(rules: &[Rule]) -> Option<Grid> {
        let mut hs: Vec<Rule> = rules.iter().filter(|r| r.horizontal).copied().collect();
        let mut vs: Vec<Rule> = rules.iter().filter(|r| !r.horizontal).copied().collect();
        if hs.len() < 2 || vs.len() < 2 {
            return None;
        }
        // A table cut by a page break often has no line below its last row (or above its
        // first): its vertical lines run on past the last horizontal one. There the row
        // ends where they end.
        close_open_ends(&mut hs, &vs);
        close_open_ends(&mut vs, &hs);
        let hs: Vec<&Rule> = hs.iter().collect();
        let vs: Vec<&Rule> = vs.iter().collect();
        let xs = positions(vs.iter().map(|r| r.at).collect());
        let ys = positions(hs.iter().map(|r| r.at).collect());
        let (nr, nc) = (ys.len().checked_sub(1)?, xs.len().checked_sub(1)?);
        if nr == 0 || nc == 0 || nr * nc > MAX_GRID_CELLS {
            return None;
        }
        let open_right = (0..nr)
            .map(|r| {
                (0..nc.saturating_sub(1))
                    .map(|c| !covered(&vs, xs[c + 1], ys[r], ys[r + 1]))
                    .collect()
            })
            .collect();
        let open_below = (0..nr.saturating_sub(1))
            .map(|r| {
                (0..nc)
                    .map(|c| !covered(&hs, ys[r + 1], xs[c], xs[c + 1]))
                    .collect()
            })
            .collect();
        Some(Grid {
            xs,
            ys,
            open_right,
            open_below,
        })
    }

    /// Joins the elementary cells into the drawn cells, puts each glyph inside the table
    /// into its cell, and gives each cell its text.
    fn into_table(self, glyphs: &[Glyph]) -> Table {
        let (nr, nc) = (self.ys.len() - 1, self.xs.len() - 1);
        let mut parent: Vec<usize> = (0..nr * nc).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
            let (ra, rb) = (root(parent, a), root(parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        };
        for r in 0..nr {
            for c in 0..nc {
                if c + 1 < nc && self.open_right[r][c] {
                    join(&mut parent, r * nc + c, r * nc + c + 1);
                }
                if r + 1 < nr && self.open_below[r][c] {
                    join(&mut parent, r * nc + c, (r + 1) * nc + c);
                }
            }
        }
        // Each drawn cell starts at its first elementary row and column and ends after its
        // last.
        type Span = (usize, usize, usize, usize);
        let mut spans: std::collections::BTreeMap<usize, Span> = Default::default();
        for r in 0..nr {
            for c in 0..nc {
                let id = root(&mut parent, r * nc + c);
                let e = spans.entry(id).or_insert((r, c, r + 1, c + 1));
                *e = (e.0.min(r), e.1.min(c), e.2.max(r + 1), e.3.max(c + 1));
            }
        }
        let mut members: std::collections::BTreeMap<usize, Vec<&Glyph>> = Default::default();
        for g in glyphs {
            let p = g.centre();
            let (Some(c), Some(r)) = (slot(&self.xs, p.x), slot(&self.ys, p.y)) else {
                continue;
            };
            members
                .entry(root(&mut parent, r * nc + c))
                .or_default()
                .push(g);
        }
        let mut cells: Vec<Cell> = spans
            .iter()
            .map(|(id, &(row, col, end_row, end_col))| Cell {
                row,
                col,
                text: members.get(id).map_or_else(String::new, |g| cell_text(g)),
                rect: (
                    self.xs[col],
                    self.ys[row],
                    self.xs[end_col],
                    self.ys[end_row],
                ),
            })
            .collect();
        cells.sort_by_key(|c| (c.row, c.col));
        Table {
            xs: self.xs,
            ys: self.ys,
            cells,
        }
    }
}

/// Which interval of `bounds` holds `v` (strictly inside the outer bounds).
fn slot(bounds: &[f64], v: f64) -> Option<usize> {
    if v <= bounds[0] || v >= bounds[bounds.len() - 1] {
        return None;
    }
    Some(bounds.partition_point(|&b| b < v).saturating_sub(1))
}

/// A cell's text: its characters in lines by baseline, each line left to right, words
/// apart by a space where the gap is wide; the lines joined without a break (a wrapped or
/// vertical label is one label).
fn cell_text(glyphs: &[&Glyph]) -> String {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match lines.last_mut() {
            Some(line) if (line[0].y - g.y).abs() <= 0.3 * line[0].size.min(g.size) => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    let mut out = String::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut end: Option<f64> = None;
        for g in line {
            if let Some(e) = end
                && g.x - e > 0.6 * g.size
            {
                out.push(' ');
            }
            out.push_str(&g.text);
            end = Some(end.map_or(g.x + g.advance(), |e: f64| e.max(g.x + g.advance())));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, x0: f64, x1: f64) -> Rule {
        Rule {
            horizontal: true,
            at: y,
            from: x0,
            to: x1,
        }
    }
    fn v(x: f64, y0: f64, y1: f64) -> Rule {
        Rule {
            horizontal: false,
            at: x,
            from: y0,
            to: y1,
        }
    }
    fn glyphs(text: &str, x: f64, y: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(k, c)| Glyph {
                text: c.to_string(),
                x: x + 10.0 * k as f64,
                y,
                size: 10.0,
            })
            .collect()
    }

    /// A 3×3 table whose first column's lower two cells are one (a rowspan), borders drawn
    /// cell by cell (pieces that touch), with a vertical label and an off-centre number.
    #[test]
    fn cells_with_spans_and_labels() {
        let mut rules = Vec::new();
        for (y, x0) in [(0.0, 0.0), (20.0, 0.0), (40.0, 50.0), (60.0, 0.0)] {
            // Each border drawn in pieces, a point apart.
            rules.push(h(y, x0, 100.0));
            rules.push(h(y + 0.3, 99.0, 200.0));
        }
        for x in [0.0, 50.0, 100.0, 200.0] {
            rules.push(v(x, 0.0, 30.0));
            rules.push(v(x + 0.2, 29.5, 60.0));
        }
        let mut gs = glyphs("项目", 5.0, 15.0);
        gs.extend(glyphs("本年", 55.0, 15.0));
        gs.extend(glyphs("总计", 105.0, 15.0));
        // Vertical label: one character per line.
        gs.extend(glyphs("三", 20.0, 33.0));
        gs.extend(glyphs("、", 20.0, 45.0));
        gs.extend(glyphs("办", 20.0, 57.0));
        // A wrapped label over two lines.
        gs.extend(glyphs("1.属于", 55.0, 31.0));
        gs.extend(glyphs("秘密", 55.0, 39.0));
        gs.extend(glyphs("12", 180.0, 35.0));
        gs.extend(glyphs("3", 150.0, 55.0));
        // Text outside the table stays.
        gs.extend(glyphs("正文", 0.0, 90.0));
        let found = tables(&rules, &mut gs);
        assert_eq!(found.len(), 1);
        let rows = found[0].rows();
        let texts: Vec<Vec<String>> = rows.into_iter().map(|r| r.1).collect();
        assert_eq!(
            texts,
            vec![
                vec!["项目".to_string(), "本年".into(), "总计".into()],
                vec!["三、办".into(), "1.属于秘密".into(), "12".into()],
                vec!["".into(), "3".into()],
            ]
        );
        assert_eq!(gs.len(), 2, "only the text outside the table is left");
    }

    #[test]
    fn lines_that_do_not_cross_are_no_table() {
        let rules = vec![h(0.0, 0.0, 100.0), h(20.0, 0.0, 100.0), v(300.0, 0.0, 20.0)];
        let mut gs = glyphs("正文", 5.0, 15.0);
        assert!(tables(&rules, &mut gs).is_empty());
        assert_eq!(gs.len(), 2);
    }
}
