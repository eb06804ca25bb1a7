//! Checks against last year's report (spec §3.3): H1 上年结转 = last year's 结转下年度 per
//! column, H2 现行有效件数 continuity, H12 near-identical sections (雷同).

use std::collections::HashMap;

use crate::finding::{Finding, Place, Rule, Severity};
use crate::model::{CellValue, Format, Report};
use crate::template::{SectionId, T3_COLUMNS, T3_ROWS, T3Role, TextId, t2, t3};

/// Similarity above which a section counts as copied (spec H12: > 0.9).
pub const COPY_THRESHOLD: f64 = 0.9;

/// Findings of `current` against `previous`, last year's report of the same organ.
pub fn check_against_previous(current: &Report, previous: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    if let (Some(now), Some(before)) = (current.meta.year, previous.meta.year)
        && before + 1 != now
    {
        out.push(Finding::new(
            Rule::H1,
            Severity::Info,
            vec![Place::Meta(crate::finding::MetaField::Year)],
            format!("对照的报告是{before}年度的，不是本报告（{now}年度）的上一年度，未做跨年检查"),
        ));
        return out;
    }
    check_h1(current, previous, &mut out);
    check_h2(current, previous, &mut out);
    check_h3(current, previous, &mut out);
    check_h20(current, previous, &mut out);
    check_h12(current, previous, &mut out);
    out
}

fn count(v: &CellValue) -> Option<u64> {
    v.count()
}

/// H1: 二、上年结转 of this year = 四、结转下年度继续办理 of last year, per column.
fn check_h1(current: &Report, previous: &Report, out: &mut Vec<Finding>) {
    let carried_over = crate::template::t3_row_of(T3Role::CarriedOver);
    let carried_forward = crate::template::t3_row_of(T3Role::CarriedForward);
    for (c, col) in T3_COLUMNS.iter().enumerate() {
        let now = current.cell(t3(carried_over, c));
        let Some(before) = count(previous.cell(t3(carried_forward, c))) else {
            continue;
        };
        let now_shown = if now.is_blank() {
            "空".to_string()
        } else {
            now.display()
        };
        let now_value = count(now).unwrap_or(0);
        if now_value != before || (now.is_blank() && before > 0) {
            out.push(Finding::new(
                Rule::H1,
                Severity::Error,
                vec![Place::Cell(t3(carried_over, c))],
                format!(
                    "{}列：本年“二、上年结转”({now_shown}) ≠ 上年报告“四、结转下年度继续办理”({before})，差{}",
                    col.label,
                    now_value.abs_diff(before)
                ),
            ));
        }
    }
}

/// One row of 表二's 第二十条第（一）项 (规章 or 行政规范性文件) in both years.
struct DocumentCounts {
    label: &'static str,
    cells: [usize; 3],
    /// Last year's 现行有效.
    before: Option<u64>,
    issued: Option<u64>,
    repealed: Option<u64>,
    in_force: Option<u64>,
}

/// The rows of 第二十条第（一）项 in both years; none when either report is in the 2019
/// format (its 对外公开总数量 is another quantity).
fn document_counts(current: &Report, previous: &Report) -> Vec<DocumentCounts> {
    if previous.format == Format::V2019 || current.format == Format::V2019 {
        return Vec::new();
    }
    crate::template::T2_BLOCKS[0]
        .rows
        .iter()
        .enumerate()
        .map(|(r, (_, label))| {
            let cells = [t2(0, r, 0), t2(0, r, 1), t2(0, r, 2)];
            DocumentCounts {
                label,
                cells,
                before: count(previous.cell(cells[2])),
                issued: count(current.cell(cells[0])),
                repealed: count(current.cell(cells[1])),
                in_force: count(current.cell(cells[2])),
            }
        })
        .collect()
}

/// H2: 现行有效件数(N) ≈ 现行有效件数(N−1) + 本年制发(N) − 本年废止(N), for 规章 and 行政规范性
/// 文件.
fn check_h2(current: &Report, previous: &Report, out: &mut Vec<Finding>) {
    for d in document_counts(current, previous) {
        let (Some(before), Some(i), Some(rep), Some(now)) =
            (d.before, d.issued, d.repealed, d.in_force)
        else {
            continue;
        };
        let expected = i128::from(before) + i128::from(i) - i128::from(rep);
        if expected != i128::from(now) {
            out.push(Finding::new(
                Rule::H2,
                Severity::Warning,
                d.cells.iter().map(|&c| Place::Cell(c)).collect(),
                format!(
                    "{}现行有效件数：上年{before}+本年制发{i}−本年废止{rep}={expected} ≠ 本年{now}，差{}（文件失效未废止、清理重新统计时可能合理，请核对）",
                    d.label,
                    (expected - i128::from(now)).abs()
                ),
            ));
        }
    }
}

/// H3: a document can only be repealed if it was in force: 本年废止 ≤ 上年现行有效 + 本年制发.
fn check_h3(current: &Report, previous: &Report, out: &mut Vec<Finding>) {
    for d in document_counts(current, previous) {
        let (Some(before), Some(i), Some(rep)) = (d.before, d.issued, d.repealed) else {
            continue;
        };
        let could = u128::from(before) + u128::from(i);
        if u128::from(rep) > could {
            out.push(Finding::new(
                Rule::H3,
                Severity::Warning,
                vec![Place::Cell(d.cells[1]), Place::Cell(d.cells[0])],
                format!(
                    "{}本年废止{rep}件，多于可废止的上年现行有效{before}+本年制发{i}={could}件，差{}",
                    d.label,
                    u128::from(rep) - could
                ),
            ));
        }
    }
}

/// The text of section 一 (all its fields) or of one field, for comparison.
fn section_text(report: &Report, ids: &[TextId]) -> String {
    ids.iter()
        .filter_map(|&id| report.text(id))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Similarity of two texts, 0..=1: Dice coefficient of character bigrams after dropping
/// punctuation and spaces and replacing every number by one mark (a copied text with only
/// the year changed still counts as copied).
pub fn similarity(a: &str, b: &str) -> f64 {
    fn normalized(s: &str) -> Vec<char> {
        let mut out = Vec::new();
        let mut in_number = false;
        for c in s.chars() {
            if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                if !in_number {
                    out.push('#');
                }
                in_number = true;
            } else {
                in_number = false;
                if c.is_alphanumeric() {
                    out.push(c);
                }
            }
        }
        out
    }
    fn bigrams(chars: &[char]) -> HashMap<(char, char), usize> {
        let mut m = HashMap::new();
        for w in chars.windows(2) {
            *m.entry((w[0], w[1])).or_insert(0) += 1;
        }
        m
    }
    let (a, b) = (normalized(a), normalized(b));
    if a.len() < 2 || b.len() < 2 {
        return if a == b && !a.is_empty() { 1.0 } else { 0.0 };
    }
    let (ga, gb) = (bigrams(&a), bigrams(&b));
    let shared: usize = ga
        .iter()
        .map(|(k, n)| (*n).min(gb.get(k).copied().unwrap_or(0)))
        .sum();
    2.0 * shared as f64 / ((a.len() - 1) + (b.len() - 1)) as f64
}

/// H20: a count that changes by more than half and by more than 20 against last year is
/// explained in writing (statistics practice): 表三's 总计 column, and 表二's counts.
fn check_h20(current: &Report, previous: &Report, out: &mut Vec<Finding>) {
    if previous.format != current.format {
        return;
    }
    let mut cells: Vec<(usize, String)> = (0..T3_ROWS.len())
        .map(|r| {
            (
                t3(r, crate::template::T3_TOTAL_COL),
                format!("表三 {}·总计", crate::template::t3_row_name(r)),
            )
        })
        .collect();
    for (b, block) in crate::template::T2_BLOCKS.iter().enumerate() {
        for (r, (_, row)) in block.rows.iter().enumerate() {
            for (c, (_, col)) in block.columns.iter().enumerate() {
                let i = t2(b, r, c);
                if crate::template::TEMPLATE.cells[i].kind == crate::template::CellKind::Count {
                    cells.push((i, format!("表二 {row}·{col}")));
                }
            }
        }
    }
    for (i, name) in cells {
        let (Some(before), Some(now)) = (count(previous.cell(i)), count(current.cell(i))) else {
            continue;
        };
        let change = now.abs_diff(before);
        if change > 20 && change * 2 > before {
            out.push(Finding::new(
                Rule::H20,
                Severity::Info,
                vec![Place::Cell(i)],
                format!(
                    "{name}：上年{before}，本年{now}，变化{}{change}（超过一半）：大幅变化宜在正文中说明原因",
                    if now > before { "增加" } else { "减少" }
                ),
            ));
        }
    }
}

/// H12: sections 一 and 五 should not be (near-)identical to last year's.
fn check_h12(current: &Report, previous: &Report, out: &mut Vec<Finding>) {
    for (section, ids) in [
        (SectionId::S1, &TextId::SECTION_ONE[..]),
        (SectionId::S5, &[TextId::S5][..]),
    ] {
        let heading = section.spec().heading;
        let (now, before) = (section_text(current, ids), section_text(previous, ids));
        // Too short to judge (e.g. "无").
        if now.chars().count() < 20 || before.chars().count() < 20 {
            continue;
        }
        let sim = similarity(&now, &before);
        if sim > COPY_THRESHOLD {
            out.push(Finding::new(
                Rule::H12,
                Severity::Warning,
                vec![Place::Section(section)],
                format!(
                    "“{heading}”与上年报告的相似度为{:.0}%（超过{:.0}%），疑似照抄上年内容，请更新",
                    sim * 100.0,
                    COPY_THRESHOLD * 100.0
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganKind;

    fn pair() -> (Report, Report) {
        let mut before = Report::new("某县人民政府", OrganKind::Government, 2024);
        let mut now = Report::new("某县人民政府", OrganKind::Government, 2025);
        before.set_cell(
            t3(crate::template::t3_row_of(T3Role::CarriedForward), 0),
            CellValue::Count(2),
        );
        now.set_cell(
            t3(crate::template::t3_row_of(T3Role::CarriedOver), 0),
            CellValue::Count(3),
        );
        before.set_cell(t2(0, 1, 2), CellValue::Count(21));
        now.set_cell(t2(0, 1, 0), CellValue::Count(3));
        now.set_cell(t2(0, 1, 1), CellValue::Count(1));
        now.set_cell(t2(0, 1, 2), CellValue::Count(25));
        (now, before)
    }

    #[test]
    fn h1_and_h2_show_the_arithmetic() {
        let (now, before) = pair();
        let f = check_against_previous(&now, &before);
        let h1 = f.iter().find(|f| f.rule == Rule::H1).expect("H1");
        assert_eq!(h1.severity, Severity::Error);
        assert!(h1.message.contains(
            "自然人列：本年“二、上年结转”(3) ≠ 上年报告“四、结转下年度继续办理”(2)，差1"
        ));
        let h2 = f.iter().find(|f| f.rule == Rule::H2).expect("H2");
        assert!(
            h2.message.contains(
                "行政规范性文件现行有效件数：上年21+本年制发3−本年废止1=23 ≠ 本年25，差2"
            ),
            "{}",
            h2.message
        );
    }

    #[test]
    fn h3_repealed_no_more_than_could_be() {
        let (mut now, before) = pair();
        let h3 = |now: &Report| {
            check_against_previous(now, &before)
                .into_iter()
                .filter(|f| f.rule == Rule::H3)
                .collect::<Vec<_>>()
        };
        assert!(h3(&now).is_empty(), "1 repealed of 21 + 3");
        now.set_cell(t2(0, 1, 1), CellValue::Count(30));
        let f = h3(&now);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains(
                "行政规范性文件本年废止30件，多于可废止的上年现行有效21+本年制发3=24件，差6"
            ),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn h20_large_changes_ask_for_an_explanation() {
        let (mut now, mut before) = pair();
        let total = t3(0, crate::template::T3_TOTAL_COL);
        before.set_cell(total, CellValue::Count(30));
        now.set_cell(total, CellValue::Count(80));
        let h20 = |now: &Report, before: &Report| {
            check_against_previous(now, before)
                .into_iter()
                .filter(|f| f.rule == Rule::H20)
                .collect::<Vec<_>>()
        };
        let f = h20(&now, &before);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Info);
        assert!(
            f[0].message.contains("上年30，本年80，变化增加50"),
            "{}",
            f[0].message
        );
        // Small numbers, or less than half: nothing.
        now.set_cell(total, CellValue::Count(44));
        assert!(h20(&now, &before).is_empty());
        before.set_cell(total, CellValue::Count(3));
        now.set_cell(total, CellValue::Count(20));
        assert!(h20(&now, &before).is_empty());
    }

    #[test]
    fn consistent_years_give_nothing_and_wrong_years_are_skipped() {
        let (mut now, before) = pair();
        now.set_cell(
            t3(crate::template::t3_row_of(T3Role::CarriedOver), 0),
            CellValue::Count(2),
        );
        now.set_cell(t2(0, 1, 2), CellValue::Count(23));
        assert!(check_against_previous(&now, &before).is_empty());
        now.meta.year = Some(2027);
        let f = check_against_previous(&now, &before);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn h12_flags_copied_sections_even_with_new_numbers() {
        let (mut now, mut before) = pair();
        let text = "2024年，本机关坚持以公开为常态、不公开为例外，主动公开政府信息120条，及时回应社会关切，政务公开工作取得新成效。";
        before.set_text(TextId::S5, text);
        now.set_text(
            TextId::S5,
            text.replace("2024", "2025").replace("120", "135"),
        );
        let f = check_against_previous(&now, &before);
        assert!(f.iter().any(|f| f.rule == Rule::H12), "{f:?}");
        now.set_text(
            TextId::S5,
            "存在的主要问题是公开内容不够全面，解读形式较单一；下一步将完善目录，加强培训，提升答复质量和规范化水平。",
        );
        let f = check_against_previous(&now, &before);
        assert!(!f.iter().any(|f| f.rule == Rule::H12), "{f:?}");
        assert!(similarity("政务公开工作", "政务公开工作") > 0.99);
        assert!(similarity("政务公开工作", "完全不同内容") < 0.1);
    }
}
