//! Label normalisation and matching against the template (spec §2 import normalisation).

use crate::template::{SECTIONS, T2_BLOCKS, T3_COLUMNS, T3_GROUPS, T3_ROWS, T4_COLUMNS, T4_GROUPS};

/// Normalises a label for comparison: drops all white space and markdown bold markers, and
/// maps half-width punctuation to the template's full-width forms (`()` → `（）`, `,` →
/// `，`, `:` → `：`, `1．`/`1. ` → `1.`, straight quotes → “”).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut open_quote = true;
    for c in s.chars() {
        match c {
            '*' => {}
            c if c.is_whitespace() || c == '\u{3000}' => {}
            '(' => out.push('（'),
            ')' => out.push('）'),
            ',' => out.push('，'),
            ':' => out.push('：'),
            ';' => out.push('；'),
            '．' => out.push('.'),
            '"' => {
                out.push(if open_quote { '“' } else { '”' });
                open_quote = !open_quote;
            }
            '０'..='９' => {
                out.push(char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c))
            }
            _ => out.push(c),
        }
    }
    out
}

/// How a label matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    Exact,
    /// Matched as a variant (H15): a known variant spelling, or the template's label within
    /// a small edit distance (a typo); holds the wording as printed (normalised).
    Variant(String),
}

/// Edit distance (Levenshtein) between two strings, by characters.
pub(crate) fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The numbering a label starts with: `2.` (also printed `2、`), `（三）`, `三、`, or
/// nothing.
fn numbering(label: &str) -> &str {
    let digits = label.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && (label[digits..].starts_with('.') || label[digits..].starts_with('、')) {
        return &label[..digits];
    }
    if label.starts_with('（')
        && let Some(end) = label.find('）')
        && label[..end].chars().count() <= 3
    {
        return &label[..end + '）'.len_utf8()];
    }
    if let Some(end) = label.find('、')
        && label[..end]
            .chars()
            .all(|c| "一二三四五六七八九十".contains(c))
        && end > 0
    {
        return &label[..end + '、'.len_utf8()];
    }
    ""
}

/// The candidate a printed label (normalised) is a typo of: the same numbering, within an
/// edit distance of one character in four (rounded up; none for labels under four
/// characters), and strictly closer than any other candidate. Returns its index.
pub fn nearest<'a>(printed: &str, candidates: impl Iterator<Item = &'a str>) -> Option<usize> {
    let p: Vec<char> = printed.chars().collect();
    if p.len() < 4 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    let mut tie = false;
    for (i, c) in candidates.enumerate() {
        let cc: Vec<char> = c.chars().collect();
        let allowed = cc.len().div_ceil(4);
        if cc.len() < 4
            || p.len().abs_diff(cc.len()) > allowed
            || numbering(printed) != numbering(c)
        {
            continue;
        }
        let d = edit_distance(&p, &cc);
        if d > allowed {
            continue;
        }
        match best {
            Some((_, bd)) if d > bd => {}
            Some((_, bd)) if d == bd => tie = true,
            _ => {
                best = Some((i, d));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(i, _)| i)
}

/// Matches a 表三 data-row label; returns the row index.
pub fn t3_row(label: &str) -> Option<(usize, Match)> {
    let n = normalize(label);
    for (i, row) in T3_ROWS.iter().enumerate() {
        if n == row.label {
            return Some((i, Match::Exact));
        }
        if let Some(v) = row.variants.iter().find(|v| n == **v) {
            return Some((i, Match::Variant(v.to_string())));
        }
    }
    // A typo of a row label; a group label (（三）不予公开 …) competes, and wins for itself.
    let candidates = T3_ROWS
        .iter()
        .map(|r| r.label)
        .chain(T3_GROUPS.iter().map(|g| g.label));
    if let Some(i) = nearest(&n, candidates).filter(|&i| i < T3_ROWS.len()) {
        return Some((i, Match::Variant(n)));
    }
    // A character or two before the row's number (3.补正后…) is what the cell beside it left:
    // on a scan, a character of the group's label written down the column next to it, or
    // a seal's mark. The label is the rest.
    let number = n
        .char_indices()
        .take(3)
        .find(|(k, c)| *k > 0 && c.is_ascii_digit() && n[k + 1..].starts_with('.'))
        .map(|(k, _)| k)?;
    t3_row(&n[number..]).map(|(i, _)| (i, Match::Variant(n)))
}

/// Matches a 表三 group label (三、本年度办理结果, （三）不予公开 …).
pub fn t3_group(label: &str) -> bool {
    let n = normalize(label);
    T3_GROUPS.iter().any(|g| g.label == n)
}

/// Matches a 表二 caption; returns the block index.
pub fn t2_caption(label: &str) -> Option<usize> {
    let n = normalize(label);
    T2_BLOCKS.iter().position(|b| b.caption == n)
}

/// Matches a 表二 row label; returns (block, row).
pub fn t2_row(label: &str) -> Option<(usize, usize)> {
    let n = normalize(label);
    T2_BLOCKS
        .iter()
        .enumerate()
        .find_map(|(b, block)| block.rows.iter().position(|(_, l)| *l == n).map(|r| (b, r)))
}

/// A 表二 row label printed with a typo (see [`nearest`]); returns (block, row). The 2019
/// label 规范性文件 and the captions compete, so they are never taken for a row.
pub fn t2_row_near(label: &str) -> Option<(usize, usize)> {
    let n = normalize(label);
    let rows: Vec<(usize, usize, &str)> = T2_BLOCKS
        .iter()
        .enumerate()
        .flat_map(|(b, block)| {
            block
                .rows
                .iter()
                .enumerate()
                .map(move |(r, (_, l))| (b, r, *l))
        })
        .collect();
    let competitors = ["规范性文件", crate::template::T2_CONTENT_HEADER];
    let candidates = rows
        .iter()
        .map(|(_, _, l)| *l)
        .chain(competitors)
        .chain(T2_BLOCKS.iter().map(|b| b.caption));
    let i = nearest(&n, candidates)?;
    rows.get(i).map(|&(b, r, _)| (b, r))
}

/// Words of 表三's header rows, for recognising header lines (incl. split fragments).
pub fn t3_header_word(cell: &str) -> Option<Match> {
    let n = normalize(cell);
    if n.is_empty() {
        return None;
    }
    for col in &T3_COLUMNS {
        if let Some(v) = col.variants.iter().find(|v| **v == n) {
            return Some(Match::Variant(v.to_string()));
        }
    }
    let words = T3_COLUMNS.iter().map(|c| c.label).chain([
        crate::template::T3_APPLICANTS_HEADER,
        crate::template::T3_ORGS_HEADER,
        crate::template::T3_NOTE,
    ]);
    for w in words {
        if w.contains(n.as_str()) || n.starts_with("（本列数据的勾稽关系") {
            return Some(Match::Exact);
        }
    }
    None
}

/// True when a cell is (part of) a 表四 header label.
pub fn t4_header_word(cell: &str) -> bool {
    let n = normalize(cell);
    !n.is_empty()
        && T4_COLUMNS
            .iter()
            .map(|(_, l)| *l)
            .chain(T4_GROUPS.iter().map(|g| g.label))
            .chain([
                crate::template::T4_REVIEW_HEADER,
                crate::template::T4_SUIT_HEADER,
            ])
            .any(|w| w.contains(n.as_str()))
}

/// Recognises a section heading; returns (section index, match kind). Accepts the
/// canonical heading, known variants, and headings printed without their numeral.
pub fn section_heading(line: &str) -> Option<(usize, Match)> {
    if line.chars().count() > 60 {
        return None;
    }
    let n = normalize(line);
    if n.is_empty() || n.chars().count() > 40 {
        return None;
    }
    for (i, s) in SECTIONS.iter().enumerate() {
        if n == s.heading {
            return Some((i, Match::Exact));
        }
        let rest = n.strip_prefix(s.numeral);
        for v in s.variants {
            if rest == Some(*v) {
                return Some((i, Match::Variant(v.to_string())));
            }
        }
        if n == s.bare || s.variants.contains(&n.as_str()) {
            return Some((i, Match::Variant(s.bare.to_string())));
        }
    }
    // A heading reworded or mistyped by a character or two (…改进举措), with its numeral;
    // the short headings (一、总体情况) only as printed, so a list item is not taken.
    nearest(&n, SECTIONS.iter().map(|s| s.heading))
        .filter(|&i| SECTIONS[i].heading.chars().count() >= 10)
        .map(|i| (i, Match::Variant(n.clone())))
}

/// A heading of the format before 2019 (2008–2018: 一、概述 … 七、其他需要报告的事项), which
/// a report of a later year should not use.
pub fn pre_2019_heading(line: &str) -> bool {
    let n = normalize(line);
    crate::template::PRE_2019_HEADINGS.contains(&n.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_punctuation_and_space() {
        assert_eq!(
            normalize("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)"),
            T3_ROWS[3].label
        );
        assert_eq!(normalize("3. 危及\"三安全一稳定\""), "3.危及“三安全一稳定”");
        assert_eq!(
            t3_row("2.其他法律法规禁止公开"),
            Some((5, Match::Variant("2.其他法律法规禁止公开".into())))
        );
        // A typo of the template (a real WPS template), and `1、` for `1.`.
        assert_eq!(
            t3_row("2.其他法律行政止公开"),
            Some((5, Match::Variant("2.其他法律行政止公开".into())))
        );
        assert_eq!(
            t3_row("1、属于国家秘密"),
            Some((4, Match::Variant("1、属于国家秘密".into())))
        );
        // Another number is another row, however close the words.
        assert_eq!(t3_row("9.属于国家秘密"), None);
        // A character left before the number by the cell beside it (a scan's group label
        // written down the column) is no part of the label; without a number, no row.
        assert_eq!(
            t3_row("供3.补正后申请内容仍不明确").map(|m| T3_ROWS[m.0].label),
            Some("3.补正后申请内容仍不明确")
        );
        assert_eq!(t3_row("供补正后申请内容仍不明确的"), None);
        assert_eq!(
            t3_row("2、重复申请").map(|m| T3_ROWS[m.0].label),
            Some("2.重复申请")
        );
        assert_eq!(t3_row("3.重复申请"), None);
        // Group labels are not rows.
        assert_eq!(t3_row("（三）不予公开"), None);
        // 表二: a typo of a row label; the 2019 label stays the 2019 one.
        assert_eq!(t2_row_near("行政事业收费"), Some((3, 0)));
        assert_eq!(t2_row_near("规范性文件"), None);
        assert_eq!(
            t2_row_near("行政处罚"),
            Some((2, 0)),
            "an exact label is nearest too"
        );
        assert_eq!(t3_row("1．属于国家秘密"), Some((4, Match::Exact)));
        assert_eq!(
            section_heading("五、政府信息公开工作存在的主要问题及改进措施").map(|s| s.0),
            Some(4)
        );
        assert_eq!(
            section_heading("收到和处理政府信息公开申请情况").map(|s| s.0),
            Some(2)
        );
        assert!(t3_header_word("社会公益").is_some());
        assert_eq!(
            t3_header_word("社会组织"),
            Some(Match::Variant("社会组织".into()))
        );
        assert!(t4_header_word("结果 维持"));
        assert!(!t4_header_word("0"));
    }
}
