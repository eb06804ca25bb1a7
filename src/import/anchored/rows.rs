//! The numbers between one anchor and the next, read into the rows' cells.

use std::collections::BTreeMap;

use super::columns::{header_centers, place_by_columns};
use super::spec::{Anchor, RowSpec, StreamRead};
use super::split::{CrossSums, resolve_with_identities, splits};
use super::tokens::{Tok, find, loose_numbers, not_glued, raw_of, tok_text};
use crate::model::CellValue;
use crate::model::Provenance;
use crate::template::TEMPLATE;

/// Collected numbers per anchor.
/// The numbers of each anchor, and where each anchor was found (token span).
pub(super) type Collected = (Vec<Option<Vec<Tok>>>, Vec<Option<(usize, usize)>>);

pub(super) fn collect(toks: &[Tok], anchors: &[Anchor], last_stops_at_text: bool) -> Collected {
    let mut spans: Vec<Option<(usize, usize)>> = Vec::new();
    let mut own_digits: Vec<usize> = Vec::new();
    let mut pos = 0;
    for (k, a) in anchors.iter().enumerate() {
        let required = a.row.as_ref().is_some_and(|r| !r.optional);
        // Only row labels may skip stray characters (a vertical group label between a
        // row label's fragments); captions and headers match as printed.
        let mut hit = find(toks, pos, &a.labels, a.row.is_some());
        if !required && let Some((s, _, _)) = &hit {
            // A caption, group label or optional row is taken only where it stands before
            // the next required row (a note after the table may name it again).
            let next = anchors[k + 1..]
                .iter()
                .find(|b| b.row.as_ref().is_some_and(|r| !r.optional))
                .and_then(|b| find(toks, pos, &b.labels, true));
            if next.is_some_and(|(ns, _, _)| ns < *s) {
                hit = None;
            }
        }
        match hit {
            Some((s, e, own)) => {
                spans.push(Some((s, e)));
                own_digits.extend(own);
                pos = e;
            }
            None => spans.push(None),
        }
    }
    let found: Vec<usize> = (0..anchors.len()).filter(|&k| spans[k].is_some()).collect();
    let mut out: Vec<Option<Vec<Tok>>> = vec![None; anchors.len()];
    for (n, &k) in found.iter().enumerate() {
        let (s, _) = spans[k].unwrap_or((0, 0));
        let end = found
            .get(n + 1)
            .and_then(|&next| spans[next])
            .map_or(toks.len(), |(ns, _)| ns);
        let is_last = n + 1 == found.len();
        let mut nums = Vec::new();
        for (i, t) in toks.iter().enumerate().take(end).skip(s) {
            match t {
                Tok::Num { .. } if !own_digits.contains(&i) => nums.push(t.clone()),
                Tok::Num { .. } => {}
                Tok::Char {
                    isolated: false, ..
                } if is_last && last_stops_at_text && !nums.is_empty() => break,
                _ => {}
            }
        }
        out[k] = Some(nums);
    }
    (out, spans)
}

/// True when each group of `values` (sizes in `sums`) ends in the sum of the others.
fn keeps_sums(sums: &[usize], values: &[u128]) -> bool {
    let mut at = 0;
    sums.iter().all(|&g| {
        let Some(group) = values.get(at..at + g) else {
            return false;
        };
        at += g;
        group[..g - 1].iter().sum::<u128>() == group[g - 1]
    })
}

/// The numbers read per anchor, `None` where the anchor was not found.
type Nums = Vec<Option<Vec<Tok>>>;

/// How many cells the anchor's row has (0 for a caption or header).
fn width_of(anchors: &[Anchor], k: usize) -> usize {
    anchors[k].row.as_ref().map_or(0, |r| r.cells.len())
}

/// How many numbers were read for the anchor.
fn count(nums: &Nums, k: usize) -> usize {
    nums[k].as_ref().map_or(0, Vec::len)
}

/// True for a row the template allows to be left out.
fn is_optional(anchors: &[Anchor], k: usize) -> bool {
    anchors[k].row.as_ref().is_some_and(|r| r.optional)
}

/// The numbers read as values, 0 where a token is not a plain number.
fn values_of(v: &[Tok]) -> Vec<u128> {
    v.iter().map(|t| tok_text(t).parse().unwrap_or(0)).collect()
}

/// Reads rows from the stream: anchors in order, numbers per row, then blocks of numbers
/// printed before their labels redistributed, run-together digits split.
pub(super) fn read_rows(
    toks: &[Tok],
    anchors: &[Anchor],
    cross: Option<&CrossSums>,
    laid_out: bool,
) -> StreamRead {
    let (mut nums, spans) = collect(toks, anchors, true);
    let headers: BTreeMap<usize, Vec<f32>> = anchors
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.columns.is_empty())
        .filter_map(|(k, a)| Some((k, header_centers(toks, spans[k]?, &a.columns)?)))
        .collect();
    drop_column_numbers(anchors, &mut nums);
    move_numbers_before_labels(anchors, &mut nums);
    let dealt = deal_two_rows_after_one_label(anchors, &mut nums);
    let row_ix: Vec<usize> = (0..anchors.len())
        .filter(|&k| anchors[k].row.is_some() && nums[k].is_some())
        .collect();
    deal_blocks_over_empty_rows(anchors, &mut nums, &row_ix);
    if laid_out {
        place_by_columns(anchors, &mut nums, &headers);
    }
    let starved = untrusted_rows(loose_numbers(toks), anchors, &nums, &row_ix);

    let mut read = StreamRead::default();
    let candidates = row_candidates(anchors, &nums, &starved, &mut read);
    let mut choice = choose_splits(anchors, &nums, &starved, candidates);
    if let Some(cross) = cross {
        resolve_with_identities(
            anchors,
            &mut choice.chosen,
            &mut choice.derived,
            &mut choice.open,
            cross,
        );
    }
    settle_rows_no_reading_adds_up(anchors, &nums, &mut choice, cross, &mut read);
    record_chosen(&mut read, anchors, &nums, &choice);
    record_dealt(&mut read, anchors, &choice.chosen, &dealt);
    record_open(&mut read, anchors, &nums, choice.open);
    read
}

/// The row of column numbers some tables print under their header (`1 2 3 4 5 6 7`), read
/// as numbers of the header or, where OCR joined it to the next line, before a row's own
/// numbers (`1 2 3 4 5 6 402 2 0 0 4 0 408`): they belong to no row. Dropped where they run
/// 1, 2, 3, … from the start and what is left is exactly the row's width (or, after a
/// header, nothing).
fn drop_column_numbers(anchors: &[Anchor], nums: &mut Nums) {
    /// Fewer than this many could be a row's real values.
    const SHORTEST: usize = 3;
    for (k, row) in nums.iter_mut().enumerate() {
        let Some(v) = row.as_mut() else { continue };
        let counted = v
            .iter()
            .enumerate()
            .take_while(|(i, t)| tok_text(t) == (i + 1).to_string())
            .count();
        let extra = v.len().saturating_sub(width_of(anchors, k));
        if extra >= SHORTEST && extra <= counted {
            v.drain(..extra);
        }
    }
}

/// Numbers printed before their labels (default pdftotext reads a table column by
/// column): a caption or header holds the numbers of the row after it, or a row holds
/// the numbers of the rows after it. Where the counts balance exactly, deal the numbers
/// out in order, each row its width.
fn move_numbers_before_labels(anchors: &[Anchor], nums: &mut Nums) {
    let found: Vec<usize> = (0..anchors.len()).filter(|&k| nums[k].is_some()).collect();
    for (n, &k) in found.iter().enumerate() {
        let have = count(nums, k);
        if anchors[k].row.is_none()
            && have > 0
            && let Some(&j) = found[n + 1..].iter().find(|&&j| anchors[j].row.is_some())
            && nums[j].as_ref().is_some_and(Vec::is_empty)
            && width_of(anchors, j) == have
            && nums[k].as_ref().is_some_and(|v| v.iter().all(not_glued))
        {
            nums[j] = nums[k].take().map(|v| v.to_vec());
            nums[k] = Some(Vec::new());
        }
    }
}

/// Two rows' numbers after one label, the next row's label not found (a typo, or the
/// label lost in extraction): dealt out in the template's row order, the first half to
/// this row and the rest to the next, when both halves keep the rows' sums. Returns the
/// pairs of rows dealt out.
fn deal_two_rows_after_one_label(anchors: &[Anchor], nums: &mut Nums) -> Vec<(usize, usize)> {
    let mut dealt: Vec<(usize, usize)> = Vec::new();
    for k in 0..anchors.len().saturating_sub(1) {
        let j = k + 1;
        let (Some(spec), Some(next)) = (anchors[k].row.as_ref(), anchors[j].row.as_ref()) else {
            continue;
        };
        let w = spec.cells.len();
        let Some(v) = nums[k].as_ref() else { continue };
        if nums[j].is_some()
            || spec.sums.is_empty()
            || next.cells.len() != w
            || next.sums != spec.sums
            || v.len() != 2 * w
            || !v.iter().all(not_glued)
        {
            continue;
        }
        let values = values_of(v);
        if !values
            .iter()
            .zip(v)
            .all(|(n, t)| n.to_string() == tok_text(t))
            || !keeps_sums(&spec.sums, &values[..w])
            || !keeps_sums(&spec.sums, &values[w..])
        {
            continue;
        }
        let (first, rest) = v.split_at(w);
        let (first, rest) = (first.to_vec(), rest.to_vec());
        nums[k] = Some(first);
        nums[j] = Some(rest);
        dealt.push((k, j));
    }
    dealt
}

/// A row with more numbers than cells, and rows around it printed without numbers (a
/// wrapped label or a watermark moved the numbers below the next label): where the
/// numbers balance the rows exactly, they are dealt out in order, each row its width.
fn deal_blocks_over_empty_rows(anchors: &[Anchor], nums: &mut Nums, row_ix: &[usize]) {
    let mut n = 0;
    while n < row_ix.len() {
        let width = width_of(anchors, row_ix[n]);
        if width == 0 || count(nums, row_ix[n]) <= width {
            n += 1;
            continue;
        }
        // Rows just before it with no numbers may have theirs in it too.
        let mut first = n;
        while first > 0
            && count(nums, row_ix[first - 1]) == 0
            && width_of(anchors, row_ix[first - 1]) == width
            && !is_optional(anchors, row_ix[first - 1])
        {
            first -= 1;
        }
        // Extend the window until the numbers balance the rows, or fall short.
        let mut total = 0;
        let mut end = None;
        for (m, &k) in row_ix.iter().enumerate().skip(first) {
            if width_of(anchors, k) != width
                || nums[k].as_ref().is_some_and(|v| !v.iter().all(not_glued))
            {
                break;
            }
            total += count(nums, k);
            let rows = m - first + 1;
            // Only a block followed by rows printed without numbers is dealt out; an
            // excess next to a missing label is not.
            if total == width * rows && row_ix[first..=m].iter().any(|&j| count(nums, j) == 0) {
                end = Some(m);
                break;
            }
            if m >= n && total < width * rows {
                break;
            }
        }
        match end {
            Some(m) => {
                let pool: Vec<Tok> = row_ix[first..=m]
                    .iter()
                    .flat_map(|&k| nums[k].take().unwrap_or_default())
                    .collect();
                for (&k, chunk) in row_ix[first..=m].iter().zip(pool.chunks(width)) {
                    nums[k] = Some(chunk.to_vec());
                }
                n = m + 1;
            }
            None => n += 1,
        }
    }
}

/// The rows whose numbers are not trusted ("starved"): unread, not guessed.
///
/// What stays irregular after dealing: rows with too many or too few numbers. Rows with
/// no number at all are blank only while no row has numbers to spare; and where the
/// numbers stand one per line (`loose`, a table read column by column), a row's numbers
/// may have run into its neighbours' places, so the neighbours of an irregular row are
/// not trusted either.
fn untrusted_rows(loose: bool, anchors: &[Anchor], nums: &Nums, row_ix: &[usize]) -> Vec<usize> {
    let irregular: Vec<usize> = row_ix
        .iter()
        .copied()
        .filter(|&k| {
            let w = width_of(anchors, k);
            let separated = nums[k].as_ref().is_some_and(|v| v.iter().all(not_glued));
            separated && count(nums, k) != 0 && count(nums, k) != w && !is_optional(anchors, k)
        })
        .collect();
    let spare = row_ix
        .iter()
        .any(|&k| count(nums, k) > width_of(anchors, k));
    // Where numbers stand one per line, a row's numbers may have run into its neighbours'
    // places without changing any count: a row whose own sum does not hold is as suspect
    // as an irregular one. From the first such row on (and the row before it), nothing is
    // trusted.
    let adds_up = |k: usize| {
        let (Some(spec), Some(v)) = (anchors[k].row.as_ref(), nums[k].as_ref()) else {
            return true;
        };
        let values = values_of(v);
        let mut at = 0;
        spec.sums.iter().all(|&g| {
            let group = &values[at.min(values.len())..(at + g).min(values.len())];
            at += g;
            group.len() != g || group[..g - 1].iter().sum::<u128>() == group[g - 1]
        })
    };
    let first_bad = loose
        .then(|| {
            row_ix.iter().position(|&k| {
                irregular.contains(&k) || (count(nums, k) == width_of(anchors, k) && !adds_up(k))
            })
        })
        .flatten();
    let mut starved: Vec<usize> = Vec::new();
    for (n, &k) in row_ix.iter().enumerate() {
        let optional = is_optional(anchors, k);
        let empty = count(nums, k) == 0 && !optional;
        let after_bad = first_bad.is_some_and(|b| n + 1 >= b) && !optional;
        if (empty && spare) || (after_bad && !irregular.contains(&k)) {
            starved.push(k);
        }
    }
    starved
}

/// Per row, the ways its numbers split into its cells. Rows that need no choice are
/// recorded in `read` at once: numbers that belong to no row, a row not found (unread),
/// a row printed without any number (blank).
fn row_candidates(
    anchors: &[Anchor],
    nums: &Nums,
    starved: &[usize],
    read: &mut StreamRead,
) -> Vec<(usize, Vec<Vec<String>>)> {
    let mut candidates: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
    for (k, a) in anchors.iter().enumerate() {
        let Some(spec) = &a.row else {
            if let Some(v) = nums[k].as_ref().filter(|v| !v.is_empty()) {
                let name: String = a.labels[0].iter().collect();
                read.problems.push((
                    Vec::new(),
                    format!(
                        "“{name}”处有不属于任何数据行的数字（{}），未导入",
                        v.iter().map(tok_text).collect::<Vec<_>>().join("、")
                    ),
                ));
            }
            continue;
        };
        let Some(v) = &nums[k] else {
            if !spec.optional {
                // Not found: its cells are unread, not blank.
                read.missing.push(spec.name.clone());
                read.uncertain_rows += 1;
                for &c in &spec.cells {
                    read.values
                        .insert(c, (CellValue::Blank, Provenance::Uncertain));
                }
            }
            continue;
        };
        if v.is_empty() && spec.optional {
            continue;
        }
        if starved.contains(&k) {
            candidates.push((k, Vec::new()));
            continue;
        }
        if v.is_empty() {
            // The label with no number at all: every cell blank.
            for &c in &spec.cells {
                read.values.insert(c, (CellValue::Blank, Provenance::Exact));
            }
            read.complete_rows += 1;
            continue;
        }
        candidates.push((k, splits(v, spec)));
    }
    candidates
}

/// The rows' values as chosen among their splits.
struct Choice {
    /// The values per row that were settled.
    chosen: BTreeMap<usize, Vec<String>>,
    /// The settled rows whose split rests on the arithmetic, not on the print.
    derived: Vec<usize>,
    /// The rows still open, with their candidate splits (none: no split fits).
    open: Vec<(usize, Vec<Vec<String>>)>,
    /// Settled rows whose every reading breaks the row's sum (said as the report's error).
    broken: Vec<usize>,
}

/// Settles the rows with one split (or numbers exactly as many as cells); the others stay
/// open for the column identities.
fn choose_splits(
    anchors: &[Anchor],
    nums: &Nums,
    starved: &[usize],
    candidates: Vec<(usize, Vec<Vec<String>>)>,
) -> Choice {
    let mut choice = Choice {
        chosen: BTreeMap::new(),
        derived: Vec::new(),
        open: Vec::new(),
        broken: Vec::new(),
    };
    for (k, c) in candidates {
        if starved.contains(&k) {
            choice.open.push((k, Vec::new()));
            continue;
        }
        let exact = nums[k].as_ref().is_some_and(|v| {
            v.iter().all(not_glued)
                && Some(v.len()) == anchors[k].row.as_ref().map(|r| r.cells.len())
        });
        if exact {
            choice
                .chosen
                .insert(k, c.into_iter().next().unwrap_or_default());
        } else if c.len() == 1 {
            // A split that is the only one even without the arithmetic (one digit per cell,
            // a single cell) is read as printed; otherwise it rests on the arithmetic.
            let spec = anchors[k].row.as_ref();
            let forced = spec.is_some_and(|spec| {
                let plain = RowSpec {
                    sums: Vec::new(),
                    ..spec.clone()
                };
                nums[k]
                    .as_ref()
                    .is_some_and(|v| splits(v, &plain).len() == 1)
            });
            if !forced {
                choice.derived.push(k);
            }
            choice
                .chosen
                .insert(k, c.into_iter().next().unwrap_or_default());
        } else {
            choice.open.push((k, c));
        }
    }
    choice
}

/// At most this many readings of a row's digits are named in a message.
const READINGS_NAMED: usize = 4;

/// Rows whose run-together digits break the row's sum however they are read (`30000012`:
/// 3,0,0,0,0,0,12 or 30,0,0,0,0,1,2): the report's own arithmetic error, whatever the
/// reading. Said as the report's 错误 naming the readings; the cells take the reading the
/// column identities support where exactly one does best (the row's sum check then shows
/// the arithmetic), else they stay blank and uncertain.
fn settle_rows_no_reading_adds_up(
    anchors: &[Anchor],
    nums: &Nums,
    choice: &mut Choice,
    cross: Option<&CrossSums>,
    read: &mut StreamRead,
) {
    let mut settled = Vec::new();
    for (k, candidates) in &choice.open {
        let (Some(spec), Some(v)) = (anchors[*k].row.as_ref(), nums[*k].as_ref()) else {
            continue;
        };
        if !candidates.is_empty() || spec.sums.is_empty() || v.iter().all(not_glued) {
            continue;
        }
        let plain = RowSpec {
            sums: Vec::new(),
            ..spec.clone()
        };
        let readings = splits(v, &plain);
        if readings.is_empty() || readings.len() > READINGS_NAMED {
            continue;
        }
        let named: Vec<String> = readings.iter().map(|r| r.join("、")).collect();
        let best =
            cross.and_then(|cross| best_supported(anchors, &choice.chosen, *k, &readings, cross));
        let rule = if spec.cells.len() == 7 { "S1" } else { "S4" };
        let said = format!(
            "{}的数字连在一起（{}），读作 {}，{}都不满足 {rule}（各项之和≠合计）：报告本身的合计有误",
            spec.name,
            raw_of(Some(v)),
            named.join(" 或 "),
            if readings.len() == 1 {
                "这种读法"
            } else {
                "每种读法"
            },
        );
        match best {
            // The cells hold the reading: the row's own check says the error with its
            // arithmetic; this note says why the reading was taken.
            Some(b) => {
                read.problems.push((
                    spec.cells.clone(),
                    format!(
                        "{said}（见 {rule} 错误）；已按列的勾稽关系取 {}，请对照原文核对",
                        named[b]
                    ),
                ));
                settled.push((*k, readings[b].clone()));
            }
            None => read.sum_errors.push((
                spec.cells.clone(),
                format!("{said}；已留空，请对照原文核对"),
            )),
        }
    }
    for (k, values) in settled {
        choice.open.retain(|(o, _)| *o != k);
        choice.chosen.insert(k, values);
        choice.broken.push(k);
    }
}

/// The reading of row `k` under which the most column identities hold (with the rows
/// already settled), if exactly one does best.
fn best_supported(
    anchors: &[Anchor],
    chosen: &BTreeMap<usize, Vec<String>>,
    k: usize,
    readings: &[Vec<String>],
    cross: &CrossSums,
) -> Option<usize> {
    let value = |row: usize, reading: &Vec<String>, c: usize| -> Option<u128> {
        let values = if row == k {
            Some(reading)
        } else {
            chosen.get(&row)
        };
        values?.get(c)?.parse().ok()
    };
    let width = anchors[k].row.as_ref().map_or(0, |r| r.cells.len());
    let holding: Vec<usize> = readings
        .iter()
        .map(|reading| {
            cross
                .identities
                .iter()
                .filter(|(lhs, rhs)| lhs.contains(&k) || rhs.contains(&k))
                .map(|(lhs, rhs)| {
                    (0..width)
                        .filter(|&c| {
                            let side = |ks: &[usize]| -> Option<u128> {
                                ks.iter().map(|&r| value(r, reading, c)).sum()
                            };
                            matches!((side(lhs), side(rhs)), (Some(a), Some(b)) if a == b)
                        })
                        .count()
                })
                .sum()
        })
        .collect();
    let most = *holding.iter().max()?;
    let at_most: Vec<usize> = (0..readings.len())
        .filter(|&i| holding[i] == most)
        .collect();
    (most > 0 && at_most.len() == 1).then(|| at_most[0])
}

/// Writes the settled rows into `read`, with a note for each split that rests on the
/// arithmetic.
fn record_chosen(read: &mut StreamRead, anchors: &[Anchor], nums: &Nums, choice: &Choice) {
    for (k, values) in &choice.chosen {
        let Some(spec) = &anchors[*k].row else {
            continue;
        };
        let how = if choice.derived.contains(k) || choice.broken.contains(k) {
            Provenance::Derived
        } else {
            Provenance::Exact
        };
        for (&cell, v) in spec.cells.iter().zip(values) {
            let kind = TEMPLATE.cells[cell].kind;
            read.values
                .insert(cell, (CellValue::from_source(kind, v), how));
        }
        if values.len() == spec.cells.len() {
            read.complete_rows += 1;
        }
        if choice.derived.contains(k) {
            read.problems.push((
                spec.cells.clone(),
                format!(
                    "{}的数字连在一起（{}），已按表格的勾稽关系拆分为 {}，请对照原文核对",
                    spec.name,
                    raw_of(nums[*k].as_deref()),
                    values.join("、")
                ),
            ));
        }
    }
}

/// Marks the rows dealt out from one label's numbers as derived, with a note naming both.
fn record_dealt(
    read: &mut StreamRead,
    anchors: &[Anchor],
    chosen: &BTreeMap<usize, Vec<String>>,
    dealt: &[(usize, usize)],
) {
    for &(k, j) in dealt {
        let (Some(a), Some(b)) = (anchors[k].row.as_ref(), anchors[j].row.as_ref()) else {
            continue;
        };
        for (row, spec) in [(k, a), (j, b)] {
            if let Some(vals) = chosen.get(&row) {
                for (&cell, v) in spec.cells.iter().zip(vals) {
                    let kind = TEMPLATE.cells[cell].kind;
                    read.values
                        .insert(cell, (CellValue::from_source(kind, v), Provenance::Derived));
                }
            }
        }
        read.problems.push((
            a.cells.iter().chain(&b.cells).copied().collect(),
            format!(
                "{}一行读到{}个数，而{}的行名未找到：已按模板的行序，前{}个归{}、后{}个归{}（两行各自的合计都相符），请对照原文核对",
                a.name,
                2 * a.cells.len(),
                b.name,
                a.cells.len(),
                a.name,
                b.cells.len(),
                b.name
            ),
        ));
    }
}

/// Leaves the open rows blank and unread, each with a note of what was read and why no
/// split was taken.
fn record_open(
    read: &mut StreamRead,
    anchors: &[Anchor],
    nums: &Nums,
    open: Vec<(usize, Vec<Vec<String>>)>,
) {
    for (k, c) in open {
        let Some(spec) = &anchors[k].row else {
            continue;
        };
        read.uncertain_rows += 1;
        for &cell in &spec.cells {
            read.values
                .insert(cell, (CellValue::Blank, Provenance::Uncertain));
        }
        let raw = raw_of(nums[k].as_deref());
        let msg = if c.is_empty() {
            format!(
                "{}无法可靠读取：读到“{raw}”，拆不出{}个数（或拆分后合计不符），已留空，请对照原文填写",
                spec.name,
                spec.cells.len()
            )
        } else {
            let shown: Vec<String> = c.iter().take(4).map(|v| v.join("、")).collect();
            format!(
                "{}无法可靠读取：读到“{raw}”，有{}种拆分都符合合计（如 {}），已留空，请对照原文填写",
                spec.name,
                c.len(),
                shown.join("；")
            )
        };
        read.problems.push((spec.cells.clone(), msg));
    }
}
