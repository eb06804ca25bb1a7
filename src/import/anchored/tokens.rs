//! The table region as a stream of tokens (characters and numbers, with their printed
//! positions) and the matching of the template's labels in it.

use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
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

pub(super) fn fold_char(c: char) -> Option<char> {
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
pub(super) fn fold_label(label: &str) -> Vec<char> {
    label.chars().filter_map(fold_char).collect()
}

pub(super) fn is_blank_mark(c: char) -> bool {
    matches!(c, '—' | '－' | '/' | '／')
}

/// A table region's characters, folded, each with whether a separator stood before it,
/// and where it stood (line, column).
struct Folded {
    chars: Vec<(char, bool)>,
    places: Vec<(u32, u32)>,
}

impl Folded {
    fn of(text: &str) -> Folded {
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
        Folded { chars, places }
    }

    /// Where the characters `start..end` stand: their line and middle column.
    fn at(&self, start: usize, end: usize) -> (u32, f32) {
        let (l, a) = self.places[start];
        let (_, b) = self.places[end - 1];
        (l, (a + b) as f32 / 2.0)
    }

    /// True when a separator follows character `i`.
    fn sep_after(&self, i: usize) -> bool {
        i + 1 >= self.chars.len() || self.chars[i + 1].1
    }

    /// Characters of short pieces of text standing alone (at most 4 characters between
    /// separators, no digits): vertical or wrapped group labels (三/、/本…, 无法提/供), a
    /// watermark's letters. A label being matched may skip them.
    fn short_chunks(&self) -> Vec<bool> {
        let (chars, n) = (&self.chars, self.chars.len());
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
        short_chunk
    }

    /// Reads the number starting at `start` (a digit or a minus sign) into `toks`; returns
    /// where reading goes on.
    fn read_number(&self, start: usize, toks: &mut Vec<Tok>) -> usize {
        let (chars, n) = (&self.chars, self.chars.len());
        let mut i = start + 1;
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
            let left = start > 0 && !chars[start].1;
            let right = end < n && !chars[end].1;
            toks.push(Tok::Num {
                text,
                glued: left || right,
                at: self.at(start, end),
            });
        }
        if numbering {
            toks.push(Tok::Char {
                c: chars[end].0,
                isolated: false,
                at: self.at(end, end + 1),
            });
        }
        i
    }
}

/// Tokenises a table region.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let folded = Folded::of(text);
    let chars = &folded.chars;
    let n = chars.len();
    let short_chunk = folded.short_chunks();
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
            i = folded.read_number(i, &mut toks);
            continue;
        }
        if is_blank_mark(c) {
            // A run of blank marks between separators is one blank cell.
            let start = i;
            while i < n && is_blank_mark(chars[i].0) && (i == start || !chars[i].1) {
                i += 1;
            }
            if sep_before && folded.sep_after(i - 1) {
                toks.push(Tok::Num {
                    text: "—".into(),
                    glued: false,
                    at: folded.at(start, i),
                });
            }
            continue;
        }
        toks.push(Tok::Char {
            c,
            isolated: short_chunk[i],
            at: folded.at(i, i + 1),
        });
        i += 1;
    }
    toks
}

/// Matches `label` at `start`: the label's characters in order, skipping numbers (they
/// belong to the row) and isolated characters (vertical group labels). Returns the end and
/// the numbers that were the label's own digits.
pub(super) fn match_at(
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
pub(super) fn find(
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

/// True when a table's numbers stand one per line (text read column by column, as
/// pdftotext's default mode gives it), so a row's numbers need not follow its label.
pub(super) fn loose_numbers(toks: &[Tok]) -> bool {
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

pub(super) fn not_glued(t: &Tok) -> bool {
    matches!(t, Tok::Num { glued: false, .. })
}

pub(super) fn tok_text(t: &Tok) -> String {
    match t {
        Tok::Num { text, .. } => text.clone(),
        Tok::Char { c, .. } => c.to_string(),
    }
}

pub(super) fn raw_of(v: Option<&[Tok]>) -> String {
    v.unwrap_or_default()
        .iter()
        .map(tok_text)
        .collect::<Vec<_>>()
        .join(" ")
}
