//! H5: numbers in the narrative against the tables. A clause (split at ，；) that names a
//! quantity (收到/受理 … 申请, 办结, 结转, 行政复议, 行政诉讼, 现行有效/保留, 制发, 废止) and
//! a number of 件 is compared with the table cell(s); a mismatch quotes the sentence.

use crate::finding::{Finding, Place, Rule, Severity};
use crate::model::Report;
use crate::template::{T3_R3_7, T3_TOTAL_COL, TextId, t2, t3, t4};
use crate::textscan::{numbers_before, sentences};

/// One narrative–table relation.
struct Relation {
    /// Any of these must be in the clause.
    any: &'static [&'static str],
    /// All of these must be in the sentence.
    context: &'static [&'static str],
    /// None of these may be in the clause.
    not: &'static [&'static str],
    /// Units counted (件, and 个 for documents).
    units: &'static [&'static str],
    /// What the table calls it.
    name: &'static str,
    /// Cells whose sum the number must equal.
    cells: &'static [usize],
    /// Another accepted sum (e.g. 新收 + 结转 for “收到”).
    alt: Option<&'static [usize]>,
}

const RELATIONS: &[Relation] = &[
    Relation {
        any: &["受理", "收到", "新收"],
        context: &["申请"],
        not: &["复议", "诉讼", "举报", "投诉", "留言", "信访"],
        units: &["件"],
        name: "表三一、本年新收 总计",
        cells: &[t3(0, T3_TOTAL_COL)],
        alt: Some(&[t3(0, T3_TOTAL_COL), t3(1, T3_TOTAL_COL)]),
    },
    Relation {
        any: &["办结", "答复"],
        context: &["申请"],
        not: &["复议", "诉讼", "举报", "投诉", "留言", "信访", "热线"],
        units: &["件"],
        name: "表三（七）总计",
        cells: &[t3(T3_R3_7, T3_TOTAL_COL)],
        alt: None,
    },
    Relation {
        any: &["结转"],
        context: &[],
        not: &["上年"],
        units: &["件"],
        name: "表三四、结转下年度继续办理 总计",
        cells: &[t3(24, T3_TOTAL_COL)],
        alt: None,
    },
    Relation {
        any: &["行政复议"],
        context: &[],
        not: &["诉讼"],
        units: &["件"],
        name: "表四行政复议 总计",
        cells: &[t4(0, 4)],
        alt: None,
    },
    Relation {
        any: &["行政诉讼"],
        context: &[],
        not: &["复议"],
        units: &["件"],
        name: "表四行政诉讼 总计（未经复议直接起诉+复议后起诉）",
        cells: &[t4(1, 4), t4(2, 4)],
        alt: None,
    },
    Relation {
        any: &["现行有效", "保留"],
        context: &["文件"],
        not: &[],
        units: &["件"],
        name: "表二现行有效件数",
        cells: &[t2(0, 0, 2), t2(0, 1, 2)],
        alt: None,
    },
    Relation {
        any: &["制发", "出台", "印发"],
        context: &["规范性文件"],
        not: &[],
        units: &["件", "个"],
        name: "表二本年制发件数",
        cells: &[t2(0, 0, 0), t2(0, 1, 0)],
        alt: None,
    },
    Relation {
        any: &["废止", "失效"],
        context: &["文件"],
        not: &["拟"],
        units: &["件", "个"],
        name: "表二本年废止件数",
        cells: &[t2(0, 0, 1), t2(0, 1, 1)],
        alt: None,
    },
];

/// The texts that give the year's figures: the 导语 and sections 一 to 四 (not 五, 六).
fn scanned() -> impl Iterator<Item = TextId> {
    crate::template::TEXTS
        .iter()
        .map(|t| t.id)
        .take_while(|id| *id != TextId::S5)
}

fn total(report: &Report, cells: &[usize]) -> Option<u128> {
    cells
        .iter()
        .map(|&i| report.cell(i).count().map(u128::from))
        .sum()
}

pub(super) fn check_h5(report: &Report, out: &mut Vec<Finding>) {
    for id in scanned() {
        let Some(text) = report.text(id) else {
            continue;
        };
        for sentence in sentences(text).filter(|s| s.contains(['件', '个'])) {
            // A parenthetical aside is a clause of its own (答复 2050件（含上年度结转申请
            // 24件，另有 93件顺延到下年度答复）: 2050 is what 答复 governs).
            let (main, asides) = without_asides(sentence);
            let clauses: Vec<&str> = std::iter::once(main.as_str())
                .chain(asides.iter().map(String::as_str))
                .flat_map(|part| part.split(['，', ',', '；', ';']))
                .collect();
            // Only clauses with a number can disagree with a table.
            let with_numbers = clauses.into_iter().filter(|c| {
                c.chars()
                    .any(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
            });
            for clause in with_numbers {
                let Some(rel) = RELATIONS.iter().find(|r| {
                    r.any.iter().any(|k| clause.contains(k))
                        && r.context.iter().all(|k| sentence.contains(k))
                        && !r.not.iter().any(|k| clause.contains(k))
                }) else {
                    continue;
                };
                // The number the verb governs follows it (93件顺延到下年度答复 is not
                // what 答复 counts).
                let Some(verb_at) = rel.any.iter().filter_map(|k| clause.find(k)).min() else {
                    continue;
                };
                let governed = &clause[verb_at..];
                let Some(n) = rel
                    .units
                    .iter()
                    .find_map(|u| numbers_before(governed, u).next())
                else {
                    continue;
                };
                let cells = rel.cells;
                let Some(expected) = total(report, cells) else {
                    continue;
                };
                let alt = rel.alt.and_then(|f| total(report, f));
                if u128::from(n) == expected || alt == Some(u128::from(n)) {
                    continue;
                }
                let mut places = vec![Place::Text(id)];
                places.extend(cells.iter().map(|&i| Place::Cell(i)));
                out.push(Finding::new(
                    Rule::H5,
                    Severity::Warning,
                    places,
                    format!(
                        "正文“{}”写{n}，与{}({expected})不一致",
                        sentence.trim(),
                        rel.name
                    ),
                ));
            }
        }
    }
}

/// A sentence without its parenthetical asides (（…）, (…)), and the asides.
fn without_asides(sentence: &str) -> (String, Vec<String>) {
    let mut main = String::new();
    let mut asides: Vec<String> = Vec::new();
    let mut depth = 0usize;
    for c in sentence.chars() {
        match c {
            '（' | '(' => {
                if depth == 0 {
                    asides.push(String::new());
                }
                depth += 1;
            }
            '）' | ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {
                if let Some(aside) = asides.last_mut() {
                    aside.push(c);
                }
            }
            _ => main.push(c),
        }
    }
    (main, asides)
}

/// Units a narrative total and its parts are counted in.
const COUNT_UNITS: [char; 5] = ['条', '件', '个', '项', '次'];

/// Parses `共4897余条` at the start of `s` (after 共): the number, whether 余 follows, the unit.
fn total_after_gong(s: &str) -> Option<(u64, bool, char)> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let s = s.trim_start();
    let rest = s.trim_start_matches(is_digit);
    let digits = crate::model::normalize_digits(&s[..s.len() - rest.len()]);
    let n: u64 = digits.parse().ok()?;
    let (more, rest) = match rest.strip_prefix('余') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let unit = rest.chars().next().filter(|c| COUNT_UNITS.contains(c))?;
    Some((n, more, unit))
}

/// H6: a narrative total and its parts, "共X条，其中A条、B条、C条", must add up.
pub(super) fn check_h6(report: &Report, out: &mut Vec<Finding>) {
    for id in scanned() {
        let Some(text) = report.text(id) else {
            continue;
        };
        for sentence in sentences(text) {
            let Some(gong) = sentence.find('共') else {
                continue;
            };
            let after = &sentence[gong + '共'.len_utf8()..];
            let Some((total, more, unit)) = total_after_gong(after) else {
                continue;
            };
            let Some(qizhong) = after.find("其中") else {
                continue;
            };
            let unit_str = unit.to_string();
            let parts: Vec<u64> = numbers_before(&after[qizhong..], &unit_str).collect();
            if parts.len() < 2 {
                continue;
            }
            let sum: u64 = parts.iter().sum();
            let wrong = if more { sum < total } else { sum != total };
            if wrong {
                let terms: Vec<String> = parts.iter().map(u64::to_string).collect();
                out.push(Finding::new(
                    Rule::H6,
                    Severity::Warning,
                    vec![Place::Text(id)],
                    format!(
                        "正文“{sentence}”：其中各项 {}={sum} ≠ 共{total}{}{unit}，差{}",
                        terms.join("+"),
                        if more { "余" } else { "" },
                        sum.abs_diff(total)
                    ),
                ));
            }
        }
    }
}

/// H6 (提示): the same large figure (≥ 1,000) given for two different things in the
/// narrative — one of them is often copied from the other (fixture 003: 10965 for the
/// messages handled and for the questions answered). Different things: the units after
/// the figure differ, or the words before it do.
pub(super) fn check_repeated_figures(report: &Report, out: &mut Vec<Finding>) {
    // (figure, unit, words before, sentence, text)
    let mut seen: Vec<(u64, char, String, String, TextId)> = Vec::new();
    let mut reported: Vec<u64> = Vec::new();
    for id in scanned() {
        let Some(text) = report.text(id) else {
            continue;
        };
        for sentence in sentences(text) {
            let chars: Vec<char> = sentence.chars().collect();
            let mut k = 0;
            while k < chars.len() {
                if !chars[k].is_ascii_digit() {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < chars.len() && chars[k].is_ascii_digit() {
                    k += 1;
                }
                let digits: String = chars[start..k].iter().collect();
                let unit = chars[k..].iter().find(|c| !c.is_whitespace()).copied();
                let Some(unit) = unit
                    .filter(|u| matches!(u, '件' | '条' | '次' | '个' | '人' | '篇' | '份' | '期'))
                else {
                    continue;
                };
                let Ok(n) = digits.parse::<u64>() else {
                    continue;
                };
                if n < 1000 || (start > 0 && chars[start - 1] == '.') {
                    continue;
                }
                let before: String = chars[start.saturating_sub(4)..start]
                    .iter()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if let Some((_, _, _, s0, id0)) = seen.iter().find(|(m, u, b, s, _)| {
                    *m == n && s != sentence && (*u != unit || *b != before)
                }) && !reported.contains(&n)
                {
                    reported.push(n);
                    out.push(Finding::new(
                        Rule::H6,
                        Severity::Info,
                        vec![Place::Text(*id0), Place::Text(id)],
                        format!("同一个数{n}出现在两处不同的统计中：“{s0}”与“{sentence}”，请核对是否有一处抄错"),
                    ));
                }
                seen.push((n, unit, before, sentence.to_string(), id));
            }
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_same_large_figure_for_two_things_is_a_hint() {
        let mut r = Report::default();
        r.set_text(
            TextId::S1_4,
            "累计发布信息 13012 条。热线已办理 10965 件，办结率100%。政策咨询共计 10965 条，已全部回复。",
        );
        let mut out = Vec::new();
        check_repeated_figures(&r, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].severity, Severity::Info);
        assert!(out[0].message.contains("10965"));
        // The same quantity said twice the same way, small numbers and years: nothing.
        r.set_text(
            TextId::S1_4,
            "全年受理申请 1200 件。受理申请 1200 件均已办结。2022年办理5件，2022年办结5件。",
        );
        let mut out = Vec::new();
        check_repeated_figures(&r, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn h6_totals_and_parts_full_width_too() {
        let mut r = Report::default();
        r.set_text(
            TextId::S1_1,
            "公开信息共１２条，其中政策５条、动态６条。共10件，其中3件、7件。",
        );
        let mut out = Vec::new();
        check_h6(&r, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].message.contains("其中各项 5+6=11 ≠ 共12条，差1"),
            "{}",
            out[0].message
        );
        assert_eq!(total_after_gong("4897余条，其中"), Some((4897, true, '条')));
        assert_eq!(total_after_gong("多条"), None);
    }

    use super::*;
    use crate::model::CellValue;

    fn findings(text: &str, set: &[(usize, u64)]) -> Vec<Finding> {
        let mut r = Report::default();
        for i in 0..crate::template::CELL_COUNT {
            r.set_cell(i, CellValue::Count(0));
        }
        for &(i, v) in set {
            r.set_cell(i, CellValue::Count(v));
        }
        r.set_text(TextId::S1_2, text);
        let mut out = Vec::new();
        check_h5(&r, &mut out);
        out
    }

    #[test]
    fn received_applications() {
        let f = findings(
            "2021年共受理并办结政府信息依申请公开4件，全年无举报。",
            &[(t3(0, 6), 3)],
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "正文“2021年共受理并办结政府信息依申请公开4件，全年无举报”写4，与表三一、本年新收 总计(3)不一致"
        );
        assert!(findings("共收到申请 3 件。", &[(t3(0, 6), 3)]).is_empty());
    }

    #[test]
    fn a_number_in_an_aside_or_before_the_verb_is_not_the_one_it_governs() {
        let text = "本年度共答复 2050件（含上年度结转申请 24件，另有 93件顺延到下年度答复），均在法定期限内。";
        let f = findings(text, &[(t3(T3_R3_7, T3_TOTAL_COL), 2050)]);
        assert!(f.is_empty(), "{f:?}");
        let f = findings(text, &[(t3(T3_R3_7, T3_TOTAL_COL), 93)]);
        assert_eq!(f.len(), 1, "2050 is what 答复 governs: {f:?}");
    }

    #[test]
    fn documents_in_force() {
        let text = "清理现行有效的行政规范性文件，保留 27 件，宣布失效和废止 25 件。";
        let f = findings(text, &[(t2(0, 1, 2), 21), (t2(0, 1, 1), 25)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("写27，与表二现行有效件数(21)不一致"));
        assert!(findings(text, &[(t2(0, 1, 2), 27), (t2(0, 1, 1), 25)]).is_empty());
    }

    #[test]
    fn reviews_and_suits() {
        let f = findings("引起行政复议 1 件，行政诉讼 0 件。", &[]);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("表四行政复议"));
    }
}
