//! Placing the numbers of a row with blank cells by the printed column positions (laid-out
//! PDF text), from full rows or from 表二's header.

use std::collections::BTreeMap;

use super::spec::Anchor;
use super::tokens::Tok;

/// Where a header's column labels are printed: their line and middle column, when the
/// whole header stands on one line.
pub(super) fn header_centers(
    toks: &[Tok],
    span: (usize, usize),
    columns: &[Vec<char>],
) -> Option<Vec<f32>> {
    let region = &toks[span.0..span.1];
    let mut line = None;
    let mut centers = Vec::new();
    let mut from = 0;
    for col in columns {
        let start = (from..region.len()).find(|&s| {
            col.iter()
                .enumerate()
                .all(|(k, c)| matches!(region.get(s + k), Some(Tok::Char { c: x, .. }) if x == c))
        })?;
        let mut xs = Vec::new();
        for t in &region[start..start + col.len()] {
            if let Tok::Char { at: (l, x), .. } = t {
                if line.is_some_and(|k| k != *l) {
                    return None;
                }
                line = Some(*l);
                xs.push(*x);
            }
        }
        centers.push((xs.first()? + xs.last()?) / 2.0);
        from = start + col.len();
    }
    Some(centers)
}

/// The printed positions of a row's numbers, when all stand apart on one line.
fn one_line(v: &[Tok]) -> Option<Vec<f32>> {
    let mut line = None;
    let mut xs = Vec::new();
    for t in v {
        let Tok::Num {
            glued: false,
            at: (l, x),
            ..
        } = t
        else {
            return None;
        };
        if line.is_some_and(|k| k != *l) {
            return None;
        }
        line = Some(*l);
        xs.push(*x);
    }
    Some(xs)
}

/// Rows printed with blank cells (fewer numbers than columns, on one line): each number
/// goes to the column whose position it is printed at, learnt from the rows of the same
/// table printed in full on one line. Rows that do not fit stay as they are.
pub(super) fn place_by_columns(
    anchors: &[Anchor],
    nums: &mut [Option<Vec<Tok>>],
    headers: &BTreeMap<usize, Vec<f32>>,
) {
    // Rows are placed together with the rows of the same shape under the same header.
    let key = |a: &Anchor| a.row.as_ref().map(|r| (r.header, r.cells.len()));
    let mut groups: Vec<(Option<usize>, usize)> = Vec::new();
    for g in anchors.iter().filter_map(key) {
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    for (header, width) in groups {
        let in_group = |a: &Anchor| key(a) == Some((header, width));
        let full: Vec<Vec<f32>> = anchors
            .iter()
            .zip(nums.iter())
            .filter(|(a, _)| in_group(a))
            .filter_map(|(_, v)| v.as_deref().and_then(one_line))
            .filter(|xs| xs.len() == width)
            .collect();
        let Some(centers) = column_centers(&full, width, header.and_then(|h| headers.get(&h)))
        else {
            continue;
        };
        for (a, slot) in anchors.iter().zip(nums.iter_mut()) {
            if !in_group(a) {
                continue;
            }
            if let Some(placed) = slot.as_deref().and_then(|v| place_row(v, &centers)) {
                *slot = Some(placed);
            }
        }
    }
}

/// Where the columns are: the median position of each among the rows printed in `full`,
/// else the header's column labels; `None` when columns cannot be told apart.
fn column_centers(full: &[Vec<f32>], width: usize, header: Option<&Vec<f32>>) -> Option<Vec<f32>> {
    let centers: Vec<f32> = if !full.is_empty() {
        (0..width)
            .map(|c| {
                let mut v: Vec<f32> = full.iter().map(|xs| xs[c]).collect();
                v.sort_by(f32::total_cmp);
                v[v.len() / 2]
            })
            .collect()
    } else {
        // No row printed in full: the header's column labels say where columns are.
        header.filter(|h| h.len() == width)?.clone()
    };
    let min_gap = centers
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f32::INFINITY, f32::min);
    (!min_gap.is_nan() && min_gap > 1.0).then_some(centers)
}

/// A row printed short, each number in the column it is printed at and "—" in the others;
/// `None` when a number is between columns or out of order.
fn place_row(v: &[Tok], centers: &[f32]) -> Option<Vec<Tok>> {
    let width = centers.len();
    let min_gap = centers
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f32::INFINITY, f32::min);
    let tolerance = (0.4 * min_gap).max(1.0);
    let xs = one_line(v).filter(|xs| !xs.is_empty() && xs.len() < width)?;
    let mut placed: Vec<Option<Tok>> = vec![None; width];
    let mut last: Option<usize> = None;
    for (t, x) in v.iter().zip(&xs) {
        let (c, d) = centers
            .iter()
            .enumerate()
            .map(|(c, cx)| (c, (cx - x).abs()))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or((0, f32::INFINITY));
        if d > tolerance || last.is_some_and(|l| l >= c) {
            return None;
        }
        placed[c] = Some(t.clone());
        last = Some(c);
    }
    let (line, _) = match &v[0] {
        Tok::Num { at, .. } => *at,
        Tok::Char { .. } => (0, 0.0),
    };
    Some(
        placed
            .into_iter()
            .enumerate()
            .map(|(c, t)| {
                t.unwrap_or(Tok::Num {
                    text: "—".into(),
                    glued: false,
                    at: (line, centers[c]),
                })
            })
            .collect(),
    )
}
