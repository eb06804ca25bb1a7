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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    Exact,
    /// Matched a known variant spelling (H15).
    Variant(&'static str),
}

/// Matches a 表三 data-row label; returns the row index.
pub fn t3_row(label: &str) -> Option<(usize, Match)> {
    let n = normalize(label);
    for (i, row) in T3_ROWS.iter().enumerate() {
        if n == row.label {
            return Some((i, Match::Exact));
        }
        if let Some(v) = row.variants.iter().find(|v| n == **v) {
            return Some((i, Match::Variant(v)));
        }
    }
    None
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

/// Words of 表三's header rows, for recognising header lines (incl. split fragments).
pub fn t3_header_word(cell: &str) -> Option<Match> {
    let n = normalize(cell);
    if n.is_empty() {
        return None;
    }
    for col in &T3_COLUMNS {
        if let Some(v) = col.variants.iter().find(|v| **v == n) {
            return Some(Match::Variant(v));
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
                return Some((i, Match::Variant(v)));
            }
        }
        if n == s.bare || s.variants.contains(&n.as_str()) {
            return Some((i, Match::Variant(s.bare)));
        }
    }
    None
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
            Some((5, Match::Variant("2.其他法律法规禁止公开")))
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
        assert_eq!(t3_header_word("社会组织"), Some(Match::Variant("社会组织")));
        assert!(t4_header_word("结果 维持"));
        assert!(!t4_header_word("0"));
    }
}
