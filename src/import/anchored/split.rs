//! Splitting a row's run-together digits by the table's arithmetic (S1, S4), and choosing
//! between several splits by the column identities (O1, S2).

use std::collections::BTreeMap;

use super::spec::{Anchor, RowSpec};
use super::tokens::{Tok, not_glued, tok_text};

/// At most this many splits are kept per row (more means: uncertain anyway).
pub(super) const MAX_SPLITS: usize = 64;

/// Every way to read the row's numbers as its cells: separated numbers stay whole, glued
/// digit runs are cut (no leading zeros), and every sum group must add up.
pub(super) fn splits(nums: &[Tok], spec: &RowSpec) -> Vec<Vec<String>> {
    let width = spec.cells.len();
    let separated = nums.iter().all(not_glued);
    if separated {
        // Printed apart: as many as the cells, or not this row's shape at all.
        let v: Vec<String> = nums.iter().map(tok_text).collect();
        return if v.len() == width {
            vec![v]
        } else {
            Vec::new()
        };
    }
    // Atoms: (text, may be cut).
    let atoms: Vec<(String, bool)> = nums
        .iter()
        .map(|t| match t {
            Tok::Num { text, glued, .. } => (
                text.clone(),
                *glued && text.bytes().all(|b| b.is_ascii_digit()),
            ),
            Tok::Char { c, .. } => (c.to_string(), false),
        })
        .collect();
    // Where each sum group ends (index of its total piece).
    let mut totals = vec![false; width];
    let mut at = 0;
    for g in &spec.sums {
        at += g;
        if at <= width {
            totals[at - 1] = true;
        }
    }
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    search(&atoms, 0, 0, &totals, 0, &mut cur, width, &mut out);
    out
}

#[allow(clippy::too_many_arguments)]
pub(super) fn search(
    atoms: &[(String, bool)],
    atom: usize,
    offset: usize,
    totals: &[bool],
    group_sum: u128,
    cur: &mut Vec<String>,
    width: usize,
    out: &mut Vec<Vec<String>>,
) {
    if out.len() >= MAX_SPLITS {
        return;
    }
    if atom == atoms.len() {
        if cur.len() == width {
            out.push(cur.clone());
        }
        return;
    }
    if cur.len() == width {
        return;
    }
    let (text, cuttable) = &atoms[atom];
    let rest = &text[offset..];
    let piece_ends: Vec<usize> = if *cuttable {
        let max = rest.len().min(15);
        if rest.starts_with('0') {
            vec![1]
        } else {
            (1..=max).collect()
        }
    } else {
        vec![rest.len()]
    };
    let slot = cur.len();
    for len in piece_ends {
        let piece = &rest[..len];
        let value: Option<u128> = piece.parse().ok();
        let next_sum = if totals[slot] {
            // The group's total must equal the sum of its pieces.
            if value != Some(group_sum) {
                continue;
            }
            0
        } else {
            group_sum.saturating_add(value.unwrap_or(0))
        };
        cur.push(piece.to_string());
        if offset + len == text.len() {
            search(atoms, atom + 1, 0, totals, next_sum, cur, width, out);
        } else {
            search(atoms, atom, offset + len, totals, next_sum, cur, width, out);
        }
        cur.pop();
    }
}

/// Identities between rows (per column) that choose between splits.
pub(super) struct CrossSums {
    /// Each identity: anchors on the left, anchors on the right, per column.
    pub(super) identities: Vec<(Vec<usize>, Vec<usize>)>,
}

pub(super) fn resolve_with_identities(
    anchors: &[Anchor],
    chosen: &mut BTreeMap<usize, Vec<String>>,
    derived: &mut Vec<usize>,
    open: &mut Vec<(usize, Vec<Vec<String>>)>,
    cross: &CrossSums,
) {
    if open.is_empty() {
        return;
    }
    let combos: usize = open.iter().map(|(_, c)| c.len().max(1)).product();
    if combos > 20_000 {
        return;
    }
    let width = |k: usize| anchors[k].row.as_ref().map_or(0, |r| r.cells.len());
    let value = |row: &Vec<String>, c: usize| -> Option<u128> { row.get(c)?.parse().ok() };
    let open_rows: Vec<usize> = open
        .iter()
        .filter(|(_, c)| !c.is_empty())
        .map(|(k, _)| *k)
        .collect();
    let sets: Vec<&Vec<Vec<String>>> = open
        .iter()
        .filter(|(_, c)| !c.is_empty())
        .map(|(_, c)| c)
        .collect();
    let mut survivors: Vec<Vec<usize>> = Vec::new();
    let mut pick = vec![0usize; sets.len()];
    loop {
        let lookup = |k: usize| -> Option<&Vec<String>> {
            open_rows
                .iter()
                .position(|&r| r == k)
                .map(|p| &sets[p][pick[p]])
                .or_else(|| chosen.get(&k))
        };
        let holds = cross.identities.iter().all(|(lhs, rhs)| {
            let rows: Vec<&usize> = lhs.iter().chain(rhs).collect();
            if !rows.iter().any(|k| open_rows.contains(k)) {
                return true;
            }
            let w = rows.iter().map(|&&k| width(k)).max().unwrap_or(0);
            (0..w).all(|c| {
                let side = |ks: &[usize]| -> Option<u128> {
                    ks.iter()
                        .map(|&k| lookup(k).and_then(|r| value(r, c)))
                        .sum::<Option<u128>>()
                };
                match (side(lhs), side(rhs)) {
                    (Some(a), Some(b)) => a == b,
                    // A row missing or unreadable: this identity cannot decide.
                    _ => true,
                }
            })
        });
        if holds {
            survivors.push(pick.clone());
        }
        // Next combination.
        let mut d = 0;
        loop {
            if d == sets.len() {
                break;
            }
            pick[d] += 1;
            if pick[d] < sets[d].len() {
                break;
            }
            pick[d] = 0;
            d += 1;
        }
        if d == sets.len() {
            break;
        }
    }
    let mut still_open = Vec::new();
    for (p, &k) in open_rows.iter().enumerate() {
        let first = survivors.first().map(|s| s[p]);
        let agreed = first.filter(|f| survivors.iter().all(|s| s[p] == *f));
        match agreed {
            Some(f) => {
                chosen.insert(k, sets[p][f].clone());
                derived.push(k);
            }
            None => still_open.push(k),
        }
    }
    open.retain(|(k, c)| c.is_empty() || still_open.contains(k));
}
