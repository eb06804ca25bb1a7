//! Label-anchored reading of a table from text whose cell structure is lost: text that PDF
//! tools give (labels broken over lines, numbers on the line between a label's fragments,
//! the vertical group labels interleaved one character per line, a block of numbers before
//! their labels), markdown conversions, and run-together text with no separator at all
//! (`一、本年新收政府信息公开申请数量81002011二、…`).
//!
//! The table region becomes a stream of tokens (characters and numbers). The template's own
//! labels, in template order, are found in the stream; the numbers between one label and
//! the next belong to the first. A row whose numbers ran together is split with the table's
//! arithmetic (a 表三 row's six columns sum to its 总计, 表四's four results to their 总计);
//! the column identities O1 and S2 choose between several splits. What stays ambiguous is
//! left blank and marked uncertain: nothing is guessed silently.

use std::collections::BTreeMap;

use crate::model::CellValue;
use crate::template::{
    T2_BLOCKS, T2_CONTENT_HEADER, T3_COLUMNS, T3_GROUPS, T3_R3_7, T3_ROWS, T3Role, T4_COLUMNS,
    T4_GROUPS, TEMPLATE, t2, t3, t3_r3_6_2019, t4,
};

/// How an imported cell's value was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Provenance {
    /// Read as printed, in a position that left no doubt.
    Exact,
    /// The digits ran together; the split was chosen by the table's arithmetic.
    Derived,
    /// Could not be read reliably (several splits fit, or none): left for the reviewer.
    Uncertain,
}

impl Provenance {
    /// `exact`, `derived` or `uncertain` (drafts, JSON).
    pub fn key(self) -> &'static str {
        match self {
            Provenance::Exact => "exact",
            Provenance::Derived => "derived",
            Provenance::Uncertain => "uncertain",
        }
    }
    /// Parses [`Provenance::key`].
    pub fn from_key(key: &str) -> Option<Provenance> {
        [
            Provenance::Exact,
            Provenance::Derived,
            Provenance::Uncertain,
        ]
        .into_iter()
        .find(|p| p.key() == key)
    }
    /// How the cell was read, for a tooltip (Chinese).
    pub fn describe(self) -> &'static str {
        match self {
            Provenance::Exact => "按原文读取",
            Provenance::Derived => "原文数字连在一起，已按表格的勾稽关系拆分（请核对）",
            Provenance::Uncertain => "原文无法可靠读取，请对照原文填写",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A label character; `isolated` when it stood alone between separators (a character
    /// of a vertical group label, a watermark letter).
    Char {
        c: char,
        isolated: bool,
        /// Line and character column (see [`Tok::Num`]).
        at: (u32, f32),
    },
    /// A number as printed (digits, maybe a sign or decimals), or a blank mark (`—`);
    /// `glued` when it touched label text or other digits with no separator (run together);
    /// `at` is its line and the character column of its middle (text laid out like the
    /// page keeps columns as character offsets).
    Num {
        text: String,
        glued: bool,
        at: (u32, f32),
    },
}

fn fold_char(c: char) -> Option<char> {
    Some(match c {
        c if c.is_whitespace() || c == '\u{3000}' => return None,
        '|' | '*' | '#' | '>' | '`' => return None,
        '(' => '（',
        ')' => '）',
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '．' => '.',
        '"' | '“' | '”' | '＂' | '「' | '」' => '"',
        '︵' => '（',
        '︶' => '）',
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        c => c,
    })
}

/// A label in stream form (folded characters, no separators).
fn fold_label(label: &str) -> Vec<char> {
    label.chars().filter_map(fold_char).collect()
}

fn is_blank_mark(c: char) -> bool {
    matches!(c, '—' | '－' | '/' | '／')
}

/// Tokenises a table region.
fn tokenize(text: &str) -> Vec<Tok> {
    // Folded characters with a flag: preceded by a separator; and where each stood.
    let mut chars: Vec<(char, bool)> = Vec::with_capacity(text.len());
    let mut places: Vec<(u32, u32)> = Vec::with_capacity(text.len());
    let mut sep = true;
    let (mut line, mut col) = (0u32, 0u32);
    for c in text.chars() {
        match fold_char(c) {
            None => sep = true,
            Some(f) => {
                chars.push((f, sep));
                places.push((line, col));
                sep = false;
            }
        }
        if c == '\n' {
            line += 1;
            col = 0;
        } else {
            col += 1;
        }
    }
    let at = |start: usize, end: usize| -> (u32, f32) {
        let (l, a) = places[start];
        let (_, b) = places[end - 1];
        (l, (a + b) as f32 / 2.0)
    };
    let n = chars.len();
    // Separator after position i.
    let sep_after = |i: usize| i + 1 >= n || chars[i + 1].1;
    // Characters of short pieces of text standing alone (at most 4 characters between
    // separators, no digits): vertical or wrapped group labels (三/、/本…, 无法提/供), a
    // watermark's letters. A label being matched may skip them.
    let mut short_chunk = vec![false; n];
    let mut a = 0;
    while a < n {
        let mut b = a + 1;
        while b < n && !chars[b].1 {
            b += 1;
        }
        if b - a <= 4 && chars[a..b].iter().all(|(c, _)| !c.is_ascii_digit()) {
            short_chunk[a..b].iter_mut().for_each(|x| *x = true);
        }
        a = b;
    }
    let mut toks = Vec::new();
    let mut i = 0;
    while i < n {
        let (c, sep_before) = chars[i];
        let digit_at = |k: usize| k < n && chars[k].0.is_ascii_digit() && (k == i || !chars[k].1);
        // A minus sign: '-' before a digit, not after one (`1-2次` is a range).
        let minus = c == '-'
            && digit_at(i + 1)
            && (sep_before || i == 0 || !chars[i - 1].0.is_ascii_digit());
        if c.is_ascii_digit() || minus {
            let start = i;
            i += 1;
            while i < n && !chars[i].1 && chars[i].0.is_ascii_digit() {
                i += 1;
            }
            // Decimals: a '.' between digits.
            if i + 1 < n
                && chars[i].0 == '.'
                && !chars[i].1
                && chars[i + 1].0.is_ascii_digit()
                && !chars[i + 1].1
            {
                i += 1;
                while i < n && !chars[i].1 && chars[i].0.is_ascii_digit() {
                    i += 1;
                }
            }
            let mut end = i;
            // A leaf label's own number ("2.没有…") may run into the digits before it.
            let numbering =
                i + 1 < n && chars[i].0 == '.' && !chars[i].1 && !chars[i + 1].0.is_ascii_digit();
            if numbering {
                end -= 1;
            }
            if end > start {
                let text: String = chars[start..end].iter().map(|(c, _)| c).collect();
                // Run together: touching other characters with no separator between.
                let left = start > 0 && !sep_before;
                let right = end < n && !chars[end].1;
                let glued = left || right;
                toks.push(Tok::Num {
                    text,
                    glued,
                    at: at(start, end),
                });
            }
            if numbering {
                toks.push(Tok::Char {
                    c: chars[end].0,
                    isolated: false,
                    at: at(end, end + 1),
                });
            }
            continue;
        }
        if is_blank_mark(c) {
            // A run of blank marks between separators is one blank cell.
            let start = i;
            while i < n && is_blank_mark(chars[i].0) && (i == start || !chars[i].1) {
                i += 1;
            }
            if sep_before && sep_after(i - 1) {
                toks.push(Tok::Num {
                    text: "—".into(),
                    glued: false,
                    at: at(start, i),
                });
            }
            continue;
        }
        toks.push(Tok::Char {
            c,
            isolated: short_chunk[i],
            at: at(i, i + 1),
        });
        i += 1;
    }
    toks
}

/// Matches `label` at `start`: the label's characters in order, skipping numbers (they
/// belong to the row) and isolated characters (vertical group labels). Returns the end and
/// the numbers that were the label's own digits.
fn match_at(
    toks: &[Tok],
    start: usize,
    label: &[char],
    skip_noise: bool,
) -> Option<(usize, Vec<usize>)> {
    let mut i = start;
    let mut own = Vec::new();
    let mut skipped = 0;
    let mut k = 0;
    while k < label.len() {
        let lc = label[k];
        loop {
            match toks.get(i)? {
                Tok::Char { c, .. } if *c == lc => {
                    i += 1;
                    k += 1;
                    break;
                }
                // Quotation marks are set apart by some producers, or dropped: optional.
                _ if lc == '"' && k > 0 => {
                    k += 1;
                    break;
                }
                Tok::Char { c: '"', .. } if k > 0 => i += 1,
                // Digits inside a label (保留4位小数) come through as a number.
                Tok::Num { text, .. }
                    if lc.is_ascii_digit()
                        && label[k..].starts_with(&text.chars().collect::<Vec<_>>()) =>
                {
                    own.push(i);
                    i += 1;
                    k += text.chars().count();
                    break;
                }
                _ if k == 0 => return None,
                Tok::Num { .. } => i += 1,
                Tok::Char { isolated: true, .. } if skip_noise && skipped < 24 => {
                    skipped += 1;
                    i += 1;
                }
                _ => return None,
            }
        }
    }
    Some((i, own))
}

/// The first match of any of `labels` at or after `from`: (start, end, the label's own
/// digit tokens).
fn find(
    toks: &[Tok],
    from: usize,
    labels: &[Vec<char>],
    skip_noise: bool,
) -> Option<(usize, usize, Vec<usize>)> {
    (from..toks.len()).find_map(|s| {
        labels
            .iter()
            .find_map(|l| match_at(toks, s, l, skip_noise).map(|(e, own)| (s, e, own)))
    })
}

/// A label to find in the stream.
struct Anchor {
    labels: Vec<Vec<char>>,
    /// For a header: its column labels, whose printed positions place the numbers of the
    /// rows under it when those have blank cells.
    columns: Vec<Vec<char>>,
    /// The cells its numbers fill, with the shape of their sums; `None` for captions,
    /// headers and group labels, whose numbers (if any) are reported.
    row: Option<RowSpec>,
}

#[derive(Clone)]
struct RowSpec {
    cells: Vec<usize>,
    /// The anchor of the header over this row (表二), for placing blank cells.
    header: Option<usize>,
    /// A row that may be absent with no numbers (the 2019 format's single （六） row,
    /// whose label is a group label in 2021): nothing is set when it has none.
    optional: bool,
    /// Groups of consecutive cells whose last is the sum of the others (`[7]` for a 表三
    /// row, `[5, 5, 5]` for 表四); empty when the row has no sums (表二).
    sums: Vec<usize>,
    name: String,
}

impl StreamRead {
    /// Rows accounted for: read, or found and marked uncertain.
    pub fn rows_accounted(&self) -> usize {
        self.complete_rows + self.uncertain_rows
    }
}

/// What the stream reading found for one table.
#[derive(Clone, Debug, Default)]
pub struct StreamRead {
    pub values: BTreeMap<usize, (CellValue, Provenance)>,
    /// Rows (by name) whose labels were not found.
    pub missing: Vec<String>,
    /// Problems to report, as (cells involved, message).
    pub problems: Vec<(Vec<usize>, String)>,
    /// Rows read with exactly their number of cells (directly or by a unique split).
    pub complete_rows: usize,
    /// Rows found but left uncertain (accounted for, honestly not read).
    pub uncertain_rows: usize,
}

/// Collected numbers per anchor.
/// The numbers of each anchor, and where each anchor was found (token span).
type Collected = (Vec<Option<Vec<Tok>>>, Vec<Option<(usize, usize)>>);

fn collect(toks: &[Tok], anchors: &[Anchor], last_stops_at_text: bool) -> Collected {
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

/// Where a header's column labels are printed: their line and middle column, when the
/// whole header stands on one line.
fn header_centers(toks: &[Tok], span: (usize, usize), columns: &[Vec<char>]) -> Option<Vec<f32>> {
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

/// Reads rows from the stream: anchors in order, numbers per row, then blocks of numbers
/// printed before their labels redistributed, run-together digits split.
fn read_rows(
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
    // Numbers printed before their labels (default pdftotext reads a table column by
    // column): a caption or header holds the numbers of the row after it, or a row holds
    // the numbers of the rows after it. Where the counts balance exactly, deal the numbers
    // out in order, each row its width.
    let width_of = |k: usize| anchors[k].row.as_ref().map_or(0, |r| r.cells.len());
    let found: Vec<usize> = (0..anchors.len()).filter(|&k| nums[k].is_some()).collect();
    for (n, &k) in found.iter().enumerate() {
        let have = nums[k].as_ref().map_or(0, Vec::len);
        if anchors[k].row.is_none()
            && have > 0
            && let Some(&j) = found[n + 1..].iter().find(|&&j| anchors[j].row.is_some())
            && nums[j].as_ref().is_some_and(Vec::is_empty)
            && width_of(j) == have
            && nums[k].as_ref().is_some_and(|v| v.iter().all(not_glued))
        {
            nums[j] = nums[k].take().map(|v| v.to_vec());
            nums[k] = Some(Vec::new());
        }
    }
    let row_ix: Vec<usize> = (0..anchors.len())
        .filter(|&k| anchors[k].row.is_some() && nums[k].is_some())
        .collect();
    let mut n = 0;
    while n < row_ix.len() {
        let width = width_of(row_ix[n]);
        let count = |k: usize| nums[k].as_ref().map_or(0, Vec::len);
        if width == 0 || count(row_ix[n]) <= width {
            n += 1;
            continue;
        }
        // Rows just before it with no numbers may have theirs in it too (a wrapped label
        // or a watermark moved the numbers below the next label).
        let mut first = n;
        while first > 0
            && count(row_ix[first - 1]) == 0
            && width_of(row_ix[first - 1]) == width
            && !anchors[row_ix[first - 1]]
                .row
                .as_ref()
                .is_some_and(|r| r.optional)
        {
            first -= 1;
        }
        // Extend the window until the numbers balance the rows, or fall short.
        let mut total = 0;
        let mut end = None;
        for (m, &k) in row_ix.iter().enumerate().skip(first) {
            if width_of(k) != width || nums[k].as_ref().is_some_and(|v| !v.iter().all(not_glued)) {
                break;
            }
            total += count(k);
            let rows = m - first + 1;
            // Only a block followed by rows printed without numbers is dealt out; an
            // excess next to a missing label is not.
            if total == width * rows && row_ix[first..=m].iter().any(|&j| count(j) == 0) {
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

    if laid_out {
        place_by_columns(anchors, &mut nums, &headers);
    }
    // What stays irregular after that: rows with too many or too few numbers. Rows with
    // no number at all are blank only while no row has numbers to spare; and where the
    // numbers stand one per line (a table read column by column), a row's numbers may have
    // run into its neighbours' places, so the neighbours of an irregular row are not
    // trusted either. Unread, not guessed.
    let count = |k: usize| nums[k].as_ref().map_or(0, Vec::len);
    let irregular: Vec<usize> = row_ix
        .iter()
        .copied()
        .filter(|&k| {
            let w = width_of(k);
            let separated = nums[k].as_ref().is_some_and(|v| v.iter().all(not_glued));
            separated
                && count(k) != 0
                && count(k) != w
                && !anchors[k].row.as_ref().is_some_and(|r| r.optional)
        })
        .collect();
    let spare = row_ix.iter().any(|&k| count(k) > width_of(k));
    let loose = loose_numbers(toks);
    // Where numbers stand one per line, a row's numbers may have run into its neighbours'
    // places without changing any count: a row whose own sum does not hold is as suspect
    // as an irregular one. From the first such row on (and the row before it), nothing is
    // trusted.
    let adds_up = |k: usize| {
        let (Some(spec), Some(v)) = (anchors[k].row.as_ref(), nums[k].as_ref()) else {
            return true;
        };
        let values: Vec<u128> = v.iter().map(|t| tok_text(t).parse().unwrap_or(0)).collect();
        let mut at = 0;
        spec.sums.iter().all(|&g| {
            let group = &values[at.min(values.len())..(at + g).min(values.len())];
            at += g;
            group.len() != g || group[..g - 1].iter().sum::<u128>() == group[g - 1]
        })
    };
    let first_bad = loose
        .then(|| {
            row_ix
                .iter()
                .position(|&k| irregular.contains(&k) || (count(k) == width_of(k) && !adds_up(k)))
        })
        .flatten();
    let mut starved: Vec<usize> = Vec::new();
    for (n, &k) in row_ix.iter().enumerate() {
        let optional = anchors[k].row.as_ref().is_some_and(|r| r.optional);
        let empty = count(k) == 0 && !optional;
        let after_bad = first_bad.is_some_and(|b| n + 1 >= b) && !optional;
        if (empty && spare) || (after_bad && !irregular.contains(&k)) {
            starved.push(k);
        }
    }

    let mut read = StreamRead::default();
    // Per row: candidate value lists.
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

    // Choose among several splits with the column identities.
    let mut chosen: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut derived: Vec<usize> = Vec::new();
    let mut open: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
    for (k, c) in candidates {
        if starved.contains(&k) {
            open.push((k, Vec::new()));
            continue;
        }
        let exact = nums[k].as_ref().is_some_and(|v| {
            v.iter().all(not_glued)
                && Some(v.len()) == anchors[k].row.as_ref().map(|r| r.cells.len())
        });
        if exact {
            chosen.insert(k, c.into_iter().next().unwrap_or_default());
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
                derived.push(k);
            }
            chosen.insert(k, c.into_iter().next().unwrap_or_default());
        } else {
            open.push((k, c));
        }
    }
    if let Some(cross) = cross {
        resolve_with_identities(anchors, &mut chosen, &mut derived, &mut open, cross);
    }
    for (k, values) in &chosen {
        let Some(spec) = &anchors[*k].row else {
            continue;
        };
        let how = if derived.contains(k) {
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
        if how == Provenance::Derived {
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
    read
}

/// Rows printed with blank cells (fewer numbers than columns, on one line): each number
/// goes to the column whose position it is printed at, learnt from the rows of the same
/// table printed in full on one line. Rows that do not fit stay as they are.
fn place_by_columns(
    anchors: &[Anchor],
    nums: &mut [Option<Vec<Tok>>],
    headers: &BTreeMap<usize, Vec<f32>>,
) {
    let one_line = |v: &[Tok]| -> Option<Vec<f32>> {
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
    };
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
            match header.and_then(|h| headers.get(&h)) {
                Some(h) if h.len() == width => h.clone(),
                _ => continue,
            }
        };
        let min_gap = centers
            .windows(2)
            .map(|w| w[1] - w[0])
            .fold(f32::INFINITY, f32::min);
        if min_gap.is_nan() || min_gap <= 1.0 {
            continue;
        }
        let tolerance = (0.4 * min_gap).max(1.0);
        for (a, slot) in anchors.iter().zip(nums.iter_mut()) {
            if !in_group(a) {
                continue;
            }
            let Some(v) = slot.as_ref() else { continue };
            let Some(xs) = one_line(v).filter(|xs| !xs.is_empty() && xs.len() < width) else {
                continue;
            };
            let mut placed: Vec<Option<Tok>> = vec![None; width];
            let mut last: Option<usize> = None;
            let mut ok = true;
            for (t, x) in v.iter().zip(&xs) {
                let (c, d) = centers
                    .iter()
                    .enumerate()
                    .map(|(c, cx)| (c, (cx - x).abs()))
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .unwrap_or((0, f32::INFINITY));
                if d > tolerance || last.is_some_and(|l| l >= c) {
                    ok = false;
                    break;
                }
                placed[c] = Some(t.clone());
                last = Some(c);
            }
            if ok {
                let (line, _) = match &v[0] {
                    Tok::Num { at, .. } => *at,
                    Tok::Char { .. } => (0, 0.0),
                };
                *slot = Some(
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
                );
            }
        }
    }
}

/// True when a table's numbers stand one per line (text read column by column, as
/// pdftotext's default mode gives it), so a row's numbers need not follow its label.
fn loose_numbers(toks: &[Tok]) -> bool {
    let mut per_line: BTreeMap<u32, usize> = BTreeMap::new();
    for t in toks {
        if let Tok::Num { at: (line, _), .. } = t {
            *per_line.entry(*line).or_default() += 1;
        }
    }
    let lines = per_line.len();
    let single = per_line.values().filter(|n| **n == 1).count();
    lines >= 7 && single * 10 >= lines * 8
}

fn not_glued(t: &Tok) -> bool {
    matches!(t, Tok::Num { glued: false, .. })
}

fn tok_text(t: &Tok) -> String {
    match t {
        Tok::Num { text, .. } => text.clone(),
        Tok::Char { c, .. } => c.to_string(),
    }
}

fn raw_of(v: Option<&[Tok]>) -> String {
    v.unwrap_or_default()
        .iter()
        .map(tok_text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most this many splits are kept per row (more means: uncertain anyway).
const MAX_SPLITS: usize = 64;

/// Every way to read the row's numbers as its cells: separated numbers stay whole, glued
/// digit runs are cut (no leading zeros), and every sum group must add up.
fn splits(nums: &[Tok], spec: &RowSpec) -> Vec<Vec<String>> {
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
fn search(
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
struct CrossSums {
    /// Each identity: anchors on the left, anchors on the right, per column.
    identities: Vec<(Vec<usize>, Vec<usize>)>,
}

fn resolve_with_identities(
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

fn t3_anchors() -> (Vec<Anchor>, CrossSums) {
    let mut anchors = Vec::new();
    let mut row_anchor = [0usize; 25];
    for (r, row) in T3_ROWS.iter().enumerate() {
        // Group labels before their first leaf (only when printed whole).
        if let Some(g) = row.group
            && T3_ROWS[..r].iter().all(|p| p.group != Some(g))
        {
            if g != 0 && T3_ROWS[..r].iter().all(|p| p.group.is_none()) {
                anchors.push(Anchor {
                    labels: vec![fold_label(T3_GROUPS[0].label)],
                    columns: Vec::new(),
                    row: None,
                });
            }
            if g == 4 {
                // （六）其他处理: a data row of its own in the 2019 format.
                anchors.push(Anchor {
                    labels: vec![fold_label(T3_GROUPS[g].label)],
                    columns: Vec::new(),
                    row: Some(RowSpec {
                        header: None,
                        cells: (0..T3_COLUMNS.len()).map(t3_r3_6_2019).collect(),
                        optional: true,
                        sums: vec![T3_COLUMNS.len()],
                        name: "表三（六）其他处理行（2019年版，未分项）".into(),
                    }),
                });
            } else if g != 0 {
                anchors.push(Anchor {
                    labels: vec![fold_label(T3_GROUPS[g].label)],
                    columns: Vec::new(),
                    row: None,
                });
            }
        }
        let mut labels = vec![fold_label(row.label)];
        labels.extend(row.variants.iter().map(|v| fold_label(v)));
        row_anchor[r] = anchors.len();
        anchors.push(Anchor {
            labels,
            columns: Vec::new(),
            row: Some(RowSpec {
                header: None,
                cells: (0..T3_COLUMNS.len()).map(|c| t3(r, c)).collect(),
                optional: false,
                sums: vec![T3_COLUMNS.len()],
                name: format!("表三 {}", crate::template::t3_row_name(r)),
            }),
        });
    }
    let leaves: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&r| T3_ROWS[r].role == T3Role::Outcome)
        .map(|r| row_anchor[r])
        .collect();
    let role = |ro: T3Role| {
        (0..T3_ROWS.len())
            .filter(|&r| T3_ROWS[r].role == ro)
            .map(|r| row_anchor[r])
            .collect::<Vec<_>>()
    };
    let cross = CrossSums {
        identities: vec![
            // S2: （七）总计 = the 21 leaves.
            (vec![row_anchor[T3_R3_7]], leaves),
            // O1: 一 + 二 = （七） + 四.
            (
                [role(T3Role::NewlyReceived), role(T3Role::CarriedOver)].concat(),
                [role(T3Role::OutcomeTotal), role(T3Role::CarriedForward)].concat(),
            ),
        ],
    };
    (anchors, cross)
}

/// Reads 表三 from a table region's text.
pub fn read_t3(text: &str) -> StreamRead {
    let toks = tokenize(text);
    let (anchors, cross) = t3_anchors();
    let mut read = read_rows(&toks, &anchors, Some(&cross), laid_out(text));
    // The 2019 format has its single （六） row instead of the three leaves.
    if (0..T3_COLUMNS.len()).any(|c| read.values.contains_key(&t3_r3_6_2019(c))) {
        let leaves: Vec<String> = (0..T3_ROWS.len())
            .filter(|&r| T3_ROWS[r].group == Some(crate::template::T3_OTHER_HANDLING))
            .map(|r| format!("表三 {}", crate::template::t3_row_name(r)))
            .collect();
        let before = read.missing.len();
        read.missing.retain(|m| !leaves.contains(m));
        read.uncertain_rows -= before - read.missing.len();
        for (r, row) in T3_ROWS.iter().enumerate() {
            if row.group == Some(crate::template::T3_OTHER_HANDLING) {
                for c in 0..T3_COLUMNS.len() {
                    read.values.remove(&t3(r, c));
                }
            }
        }
    }
    read
}

/// Reads 表四 (one row of 15 numbers after its header) from a table region's text.
pub fn read_t4(text: &str) -> StreamRead {
    let toks = tokenize(text);
    // The data row starts after the last header word; anchor on the header's end, which is
    // the last 总计 before the first number.
    let first_num = toks.iter().position(|t| matches!(t, Tok::Num { .. }));
    let Some(first_num) = first_num else {
        let mut read = StreamRead::default();
        read.missing.push("表四数据行".into());
        return read;
    };
    let mut nums: Vec<Tok> = Vec::new();
    for t in &toks[first_num..] {
        match t {
            Tok::Num { .. } => nums.push(t.clone()),
            Tok::Char {
                isolated: false, ..
            } => break,
            _ => {}
        }
    }
    let spec = RowSpec {
        header: None,
        cells: (0..T4_GROUPS.len())
            .flat_map(|g| (0..T4_COLUMNS.len()).map(move |c| t4(g, c)))
            .collect(),
        optional: false,
        sums: vec![T4_COLUMNS.len(); T4_GROUPS.len()],
        name: "表四数据行".into(),
    };
    // One anchor at the numbers themselves.
    let mut stream = vec![Tok::Char {
        c: '\u{E000}',
        isolated: false,
        at: (0, 0.0),
    }];
    stream.extend(nums);
    let anchors = [Anchor {
        labels: vec![vec!['\u{E000}']],
        columns: Vec::new(),
        row: Some(spec),
    }];
    read_rows(&stream, &anchors, None, false)
}

/// Reads the 2021 表二 from a table region's text.
pub fn read_t2(text: &str) -> StreamRead {
    let toks = tokenize(text);
    let mut anchors = Vec::new();
    for (b, block) in T2_BLOCKS.iter().enumerate() {
        anchors.push(Anchor {
            labels: vec![fold_label(block.caption)],
            columns: Vec::new(),
            row: None,
        });
        let mut header = String::from(T2_CONTENT_HEADER);
        for (_, h) in block.columns {
            header.push_str(h);
        }
        let mut headers = vec![fold_label(&header)];
        headers.extend(
            block
                .header_variants
                .iter()
                .map(|v| fold_label(&format!("{T2_CONTENT_HEADER}{v}"))),
        );
        let header_at = anchors.len();
        anchors.push(Anchor {
            labels: headers,
            columns: block.columns.iter().map(|(_, h)| fold_label(h)).collect(),
            row: None,
        });
        for (r, (_, label)) in block.rows.iter().enumerate() {
            anchors.push(Anchor {
                labels: vec![fold_label(label)],
                columns: Vec::new(),
                row: Some(RowSpec {
                    header: Some(header_at),
                    cells: (0..block.columns.len()).map(|c| t2(b, r, c)).collect(),
                    optional: false,
                    sums: Vec::new(),
                    name: format!("表二“{label}”一行"),
                }),
            });
        }
    }
    read_rows(&toks, &anchors, None, laid_out(text))
}

/// True when the text keeps the page's columns (pdftotext -layout, our PDF reading): most
/// lines with numbers pad their cells with runs of spaces or tabs, so a number's character
/// column says which column it is in. Text with single spaces (pdftotext -raw) does not.
fn laid_out(text: &str) -> bool {
    let numeric: Vec<&str> = text
        .lines()
        .filter(|l| l.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let padded = numeric
        .iter()
        .filter(|l| l.contains('\t') || l.contains("   "))
        .count();
    !numeric.is_empty() && padded * 2 >= numeric.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{T3_TOTAL_COL, TEMPLATE};

    fn value(read: &StreamRead, id: &str) -> (String, Provenance) {
        let i = TEMPLATE.index_of(id).unwrap();
        let (v, p) = read.values.get(&i).cloned().unwrap();
        (v.display(), p)
    }

    /// A 表三 in the run-together style, from rows of numbers.
    fn run_together(rows: &[[u64; 7]; 25]) -> String {
        let mut s = String::from(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
        );
        for (r, row) in T3_ROWS.iter().enumerate() {
            if let Some(g) = row.group
                && T3_ROWS[..r].iter().all(|p| p.group != Some(g))
            {
                if g != 0 && T3_ROWS[..r].iter().all(|p| p.group.is_none()) {
                    s.push_str(T3_GROUPS[0].label);
                }
                if g != 0 {
                    s.push_str(T3_GROUPS[g].label);
                }
            }
            s.push_str(row.label);
            for v in rows[r] {
                s.push_str(&v.to_string());
            }
        }
        s
    }

    fn sample_rows() -> [[u64; 7]; 25] {
        let mut rows = [[0u64; 7]; 25];
        rows[0] = [81, 0, 0, 2, 0, 0, 83];
        rows[1] = [5, 0, 0, 0, 0, 0, 5];
        rows[2] = [40, 0, 0, 1, 0, 0, 41];
        rows[3] = [10, 0, 0, 0, 0, 0, 10];
        rows[16] = [30, 0, 0, 1, 0, 0, 31];
        rows[T3_R3_7] = [80, 0, 0, 2, 0, 0, 82];
        rows[24] = [6, 0, 0, 0, 0, 0, 6];
        rows
    }

    #[test]
    fn run_together_rows_split_by_the_arithmetic() {
        let rows = sample_rows();
        let read = read_t3(&run_together(&rows));
        assert!(read.missing.is_empty(), "{:?}", read.missing);
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let i = t3(r, c);
                let (got, p) = read.values.get(&i).cloned().unwrap();
                assert_eq!(got.display(), v.to_string(), "{}", TEMPLATE.cells[i].id);
                assert_ne!(p, Provenance::Uncertain, "{}", TEMPLATE.cells[i].id);
            }
        }
        // 一: "81002083" has one split only; all-zero rows read as printed digits.
        assert_eq!(value(&read, "t3.r1.total").0, "83");
    }

    #[test]
    fn ambiguous_row_is_chosen_by_the_column_identities() {
        // 一 and （七） print "110000011": 1,10,0,0,0,0,11 or 11,0,0,0,0,0,11. S2 through
        // the unambiguous leaves (（一） 1…1, （二） 0,10…10) decides （七）, O1 then 一.
        let mut rows = [[0u64; 7]; 25];
        rows[0] = [1, 10, 0, 0, 0, 0, 11];
        rows[2] = [1, 0, 0, 0, 0, 0, 1];
        rows[3] = [0, 10, 0, 0, 0, 0, 10];
        rows[T3_R3_7] = [1, 10, 0, 0, 0, 0, 11];
        let read = read_t3(&run_together(&rows));
        assert_eq!(value(&read, "t3.r1.np"), ("1".into(), Provenance::Derived));
        assert_eq!(value(&read, "t3.r1.corp_biz").0, "10");
        assert_eq!(value(&read, "t3.r3_7.corp_biz").0, "10");
        assert_eq!(value(&read, "t3.r3_1.total").0, "1");
    }

    #[test]
    fn undecidable_rows_stay_blank_and_uncertain() {
        // 一, （一） and （七） all print "110000011" and every identity holds either way.
        let mut rows = [[0u64; 7]; 25];
        rows[0] = [1, 10, 0, 0, 0, 0, 11];
        rows[2] = [1, 10, 0, 0, 0, 0, 11];
        rows[T3_R3_7] = [1, 10, 0, 0, 0, 0, 11];
        let read = read_t3(&run_together(&rows));
        for id in ["t3.r1.np", "t3.r3_1.total", "t3.r3_7.corp_biz"] {
            assert_eq!(value(&read, id), ("".into(), Provenance::Uncertain), "{id}");
        }
        assert_eq!(value(&read, "t3.r2.np"), ("0".into(), Provenance::Exact));
        assert!(
            read.problems
                .iter()
                .any(|(_, m)| m.contains("无法可靠读取")),
            "{:?}",
            read.problems
        );
    }

    #[test]
    fn wrapped_labels_interleaved_vertical_groups_and_page_numbers() {
        let text = "一、本年新收政府信息公开申请数量     8     0   0     0     0   0   8\n\
二、上年结转政府信息公开申请数量     0     0   0     0     0   0   0\n\
 （一）予以公开             2     0   0     0     0   0   2\n\
 （二）部分公开（区分处理的，只计\n\
                     4     0   0     0     0   0   4\n\
 这一情形，不计其他情形）\n\
 （\n 三 3.危及“三安全一稳定”      0     0   0     0     0   0   0\n";
        let read = read_t3(text);
        assert_eq!(value(&read, "t3.r3_2.np"), ("4".into(), Provenance::Exact));
        assert_eq!(value(&read, "t3.r3_2.total").0, "4");
        assert_eq!(value(&read, "t3.r1.total").0, "8");
        assert_eq!(value(&read, "t3.r3_3_3.total").0, "0");
    }

    #[test]
    fn numbers_before_their_labels_are_shared_out_in_order() {
        let mut text = String::from("一、本年新收政府信息公开申请数量\n1\n0\n0\n0\n0\n0\n1\n");
        text.push_str("二、上年结转政府信息公开申请数量\n");
        for r in 0..2 {
            for c in 0..7 {
                text.push_str(&format!("{}\n", if c == 0 || c == 6 { r + 2 } else { 0 }));
            }
        }
        text.push_str("（一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n");
        let read = read_t3(&text);
        assert_eq!(value(&read, "t3.r2.np").0, "2");
        assert_eq!(value(&read, "t3.r3_1.np").0, "3");
        assert_eq!(value(&read, "t3.r3_1.total").0, "3");
    }

    #[test]
    fn leaf_numbering_is_not_taken_as_a_digit() {
        let toks = tokenize("政府信息5000005 2.没有现成信息");
        assert!(
            toks.iter()
                .any(|t| matches!(t, Tok::Num { text, glued: true, .. } if text == "5000005"))
        );
        let toks = tokenize("政府信息50000052.没有现成信息");
        assert!(
            toks.iter()
                .any(|t| matches!(t, Tok::Num { text, .. } if text == "5000005"))
        );
        assert!(toks.iter().any(|t| matches!(
            t,
            Tok::Char {
                c: '2',
                isolated: false,
                ..
            }
        )));
    }

    #[test]
    fn t4_run_together_split_by_its_totals() {
        let read = read_t4(
            "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计210140000000000五、存在",
        );
        assert_eq!(value(&read, "t4.review.upheld").0, "2");
        assert_eq!(value(&read, "t4.review.total").0, "4");
        assert_eq!(value(&read, "t4.suit_after_review.total").0, "0");
        let _ = T3_TOTAL_COL;
    }

    #[test]
    fn t2_rows_and_the_fee_header_digit() {
        let text = "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 5 3 18\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 120\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 7\n行政强制 0\n第二十条第（八）项\n信息内容 本年收费金额（单位：万元，保留4位小数）\n行政事业性收费 0.5";
        let read = read_t2(text);
        assert_eq!(value(&read, "t2.art20_1.normative.in_force").0, "18");
        assert_eq!(value(&read, "t2.art20_5.licensing.decisions").0, "120");
        assert_eq!(value(&read, "t2.art20_8.fees.amount_wan").0, "0.5");
        assert!(read.problems.is_empty(), "{:?}", read.problems);
    }
}
