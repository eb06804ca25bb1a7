//! The table rules: O1, S1, S2, S4 (sums), S5, S6 (types), S7 (blanks), and the fill of
//! computed cells. Sums are exact (`u128` over `u64` cells: no overflow).

use super::options::CheckOptions;
use crate::finding::{Finding, Place, Rule, Severity};
use crate::model::{CellValue, InputError, MAX_WAN_DECIMALS, Report};
use crate::template::{
    CellKind, SUMS, Sum, SumOf, T2_BLOCKS, T3_COLUMNS, T3_R3_7, T3_ROWS, T3Role, T4_COLUMNS,
    T4_GROUPS, TEMPLATE, t2, t3, t3_r3_6_2019, t3_row_of, t4,
};

/// A cell's value inside a formula: a blank counts as 0 and shows as `空`.
fn shown(v: &CellValue) -> String {
    match v {
        CellValue::Blank => "空".to_string(),
        other => other.display(),
    }
}

/// Sum of count cells; None if any is invalid (S5 reports those) or all are blank.
fn sum(report: &Report, cells: &[usize]) -> Option<u128> {
    let mut total = 0u128;
    let mut any = false;
    for &i in cells {
        match report.cell(i) {
            CellValue::Blank => {}
            CellValue::Count(n) => {
                total += *n as u128;
                any = true;
            }
            _ => return None,
        }
    }
    any.then_some(total)
}

/// Like [`sum`] but treats an all-blank group as 0 (the other side of the equation is not).
fn sum_or_zero(report: &Report, cells: &[usize]) -> Option<u128> {
    if cells.iter().all(|&i| report.cell(i).is_blank()) {
        return Some(0);
    }
    sum(report, cells)
}

fn diff(a: u128, b: u128) -> u128 {
    a.abs_diff(b)
}

/// Checks an equation `left = right`; pushes an error when both sides are computable, at
/// least one cell is filled and they differ.
fn equation(report: &Report, left: &[usize], right: &[usize]) -> Option<(u128, u128)> {
    if left.iter().chain(right).all(|&i| report.cell(i).is_blank()) {
        return None;
    }
    let l = sum_or_zero(report, left)?;
    let r = sum_or_zero(report, right)?;
    (l != r).then_some((l, r))
}

/// The report's own sums that do not hold: O1, then S1, S2, S4.
pub fn sum_findings(report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    check_o1(report, &mut out);
    check_sums(report, &mut out);
    out
}

pub(super) fn check_tables(report: &Report, options: &CheckOptions, out: &mut Vec<Finding>) {
    check_o1(report, out);
    check_sums(report, out);
    check_types(report, out);
    check_blanks(report, options, out);
}

fn column_name(col: usize) -> String {
    format!("{}列", T3_COLUMNS[col].label)
}

/// O1: r1 + r2 = r3_7 + r4 in every column.
fn check_o1(report: &Report, out: &mut Vec<Finding>) {
    let (r1, r2, r4) = (
        t3_row_of(T3Role::NewlyReceived),
        t3_row_of(T3Role::CarriedOver),
        t3_row_of(T3Role::CarriedForward),
    );
    for c in 0..T3_COLUMNS.len() {
        let cells = [t3(r1, c), t3(r2, c), t3(T3_R3_7, c), t3(r4, c)];
        if let Some((l, r)) = equation(report, &cells[..2], &cells[2..]) {
            let v = |i: usize| shown(report.cell(cells[i]));
            out.push(Finding::new(
                Rule::O1,
                Severity::Error,
                cells.iter().map(|&i| Place::Cell(i)).collect(),
                format!(
                    "{}：一({})+二({})={} ≠ 三(七)({})+四({})={}，差{}",
                    column_name(c),
                    v(0),
                    v(1),
                    l,
                    v(2),
                    v(3),
                    r,
                    diff(l, r)
                ),
            ));
        }
    }
}

/// S1, S2, S4: every sum of the template ([`SUMS`]) holds where its cells are filled.
fn check_sums(report: &Report, out: &mut Vec<Finding>) {
    let v2019 = report.format.one_other_row();
    // Reported by rule: S1 (rows), then S2 (columns), then S4 (表四).
    let rank = |of: &SumOf| match of {
        SumOf::T3Row(_) | SumOf::T3Row2019Other => 0,
        SumOf::T3Column(_) => 1,
        SumOf::T4Block(_) => 2,
    };
    let mut sums: Vec<&Sum> = SUMS
        .iter()
        .filter(|sum| v2019 || sum.of != SumOf::T3Row2019Other)
        .collect();
    sums.sort_by_key(|sum| rank(&sum.of));
    for sum in sums {
        let Some((l, t)) = equation(report, &sum.parts, &[sum.total]) else {
            continue;
        };
        let terms = |name: &dyn Fn(usize) -> String, only_filled: bool| -> String {
            let filled: Vec<String> = sum
                .parts
                .iter()
                .enumerate()
                .filter(|(_, i)| !only_filled || report.cell(**i).count().is_some_and(|n| n > 0))
                .map(|(k, &i)| format!("{}({})", name(k), shown(report.cell(i))))
                .collect();
            if filled.is_empty() {
                "0".to_string()
            } else {
                filled.join("+")
            }
        };
        let total = shown(report.cell(sum.total));
        let (rule, message) = match sum.of {
            SumOf::T3Row(r) => (
                Rule::S1,
                format!(
                    "表三 {}：{}={l} ≠ 总计({total})，差{}",
                    crate::template::t3_row_name(r),
                    terms(&|c| T3_COLUMNS[c].label.to_string(), false),
                    diff(l, t)
                ),
            ),
            SumOf::T3Row2019Other => (
                Rule::S1,
                format!(
                    "表三 {}（2019年版）：{}={l} ≠ 总计({total})，差{}",
                    crate::template::T3_GROUPS[crate::template::T3_OTHER_HANDLING].label,
                    terms(&|c| T3_COLUMNS[c].label.to_string(), false),
                    diff(l, t)
                ),
            ),
            SumOf::T3Column(c) => {
                let leaf = |k: usize| {
                    TEMPLATE.cells[sum.parts[k]]
                        .short_name
                        .split('·')
                        .next()
                        .unwrap_or_default()
                        .to_string()
                };
                (
                    Rule::S2,
                    format!(
                        "{}：三(一)至三(六)各项之和 {}={l} ≠ 三(七)总计({total})，差{}",
                        column_name(c),
                        terms(&leaf, true),
                        diff(l, t)
                    ),
                )
            }
            SumOf::T4Block(g) => (
                Rule::S4,
                format!(
                    "表四{}：{}={l} ≠ 总计({total})，差{}",
                    T4_GROUPS[g].label,
                    terms(&|c| T4_COLUMNS[c].1.to_string(), false),
                    diff(l, t)
                ),
            ),
        };
        out.push(Finding::new(
            rule,
            Severity::Error,
            sum.parts
                .iter()
                .chain(std::iter::once(&sum.total))
                .map(|&i| Place::Cell(i))
                .collect(),
            message,
        ));
    }
}

/// Why a cell's raw text is not a valid value of its kind.
fn invalid_reason(kind: CellKind, raw: &str) -> String {
    match CellValue::parse_input(kind, raw) {
        Err(InputError::TooLarge) => "数值超出可表示的范围".to_string(),
        Err(e) => e.to_string(),
        Ok(_) => "不是有效的数值".to_string(),
    }
}

/// S5 (counts are integers ≥ 0) and S6 (收费金额 is a decimal ≥ 0, at most 4 places).
fn check_types(report: &Report, out: &mut Vec<Finding>) {
    for (i, spec) in TEMPLATE.cells.iter().enumerate() {
        let place = vec![Place::Cell(i)];
        let where_ = format!("{} {}", spec.table.name(), spec.short_name);
        match (spec.kind, report.cell(i)) {
            (CellKind::Count, CellValue::Invalid(raw)) => {
                let reason = invalid_reason(CellKind::Count, raw);
                out.push(Finding::new(
                    Rule::S5,
                    Severity::Error,
                    place,
                    format!("{where_}：“{raw}”不是非负整数（{reason}）"),
                ));
            }
            (CellKind::Count, CellValue::Amount(a)) => out.push(Finding::new(
                Rule::S5,
                Severity::Error,
                place,
                format!("{where_}：“{a}”不是非负整数"),
            )),
            (CellKind::AmountWan, CellValue::Invalid(raw)) => {
                let reason = invalid_reason(CellKind::AmountWan, raw);
                out.push(Finding::new(
                    Rule::S6,
                    Severity::Error,
                    place,
                    format!("{where_}：“{raw}”不是有效的收费金额（万元，非负，{reason}）"),
                ));
            }
            (CellKind::AmountWan, CellValue::Amount(a)) if a.scale > MAX_WAN_DECIMALS => out.push(Finding::new(
                Rule::S6,
                Severity::Warning,
                place,
                format!("{where_}：“{a}”有{}位小数，最多保留{MAX_WAN_DECIMALS}位（1元以下的位数没有意义）", a.scale),
            )),
            _ => {}
        }
    }
}

/// S7: blank cells, one finding per 表二 block, 表三 row or 表四 — or per table when the
/// whole table is blank.
/// The 2021 表二 cells a 2019 report fills (spec §4.5); the others have no counterpart.
const T2_FROM_2019: [&str; 5] = [
    "t2.art20_1.regulation.issued",
    "t2.art20_1.normative.issued",
    "t2.art20_5.licensing.decisions",
    "t2.art20_6.penalty.decisions",
    "t2.art20_6.coercion.decisions",
];

/// S7: blank cells, one finding per 表三 row, per 表二 block, for 表四.
fn check_blanks(report: &Report, options: &CheckOptions, out: &mut Vec<Finding>) {
    // Totals the program computes are never asked for: they fill in by themselves.
    let asked = |i: usize| !(options.totals_computed && TEMPLATE.cells[i].computed);
    blanks_t2(report, out);
    blanks_t3(report, &asked, out);
    blanks_t4(report, &asked, out);
}

/// The S7 finding of `cells` in `what`, naming the blank ones (`names`), or the whole part
/// when none is filled in (no names).
fn blank_finding(cells: Vec<usize>, what: String, names: Vec<String>) -> Finding {
    let message = if names.is_empty() {
        format!("{what}尚未填写。没有数据的单元格应填0。")
    } else {
        format!(
            "{what}有{}个空白单元格（{}）。没有数据应填0。",
            cells.len(),
            names.join("、")
        )
    };
    Finding::new(
        Rule::S7,
        Severity::Warning,
        cells.into_iter().map(Place::Cell).collect(),
        message,
    )
}

/// S7 in 表二: per block.
fn blanks_t2(report: &Report, out: &mut Vec<Finding>) {
    let v2019 = report.format.one_other_row();
    let blank = |i: &usize| report.cell(*i).is_blank();
    let push =
        |out: &mut Vec<Finding>, cells, what, names| out.push(blank_finding(cells, what, names));
    let t2_cells: Vec<usize> = (0..T3_BASE_OF_T2).collect();
    if t2_cells.iter().all(blank) {
        push(out, t2_cells, "表二".into(), vec![]);
    } else {
        for (b, block) in T2_BLOCKS.iter().enumerate() {
            let mut cells = Vec::new();
            let mut names = Vec::new();
            for r in 0..block.rows.len() {
                for c in 0..block.columns.len() {
                    let i = t2(b, r, c);
                    if v2019 && !T2_FROM_2019.contains(&TEMPLATE.cells[i].id.as_str()) {
                        // No 2019 counterpart: blank by nature.
                        continue;
                    }
                    if report.cell(i).is_blank() {
                        cells.push(i);
                        names.push(TEMPLATE.cells[i].short_name.clone());
                    }
                }
            }
            if !cells.is_empty() {
                push(out, cells, format!("表二{}", block.caption), names);
            }
        }
    }
}

/// S7 in 表三: per row (a 2019 report has its single （六） row instead of the three 2021
/// ones).
fn blanks_t3(report: &Report, asked: &dyn Fn(usize) -> bool, out: &mut Vec<Finding>) {
    let v2019 = report.format.one_other_row();
    let blank = |i: &usize| report.cell(*i).is_blank();
    let push =
        |out: &mut Vec<Finding>, cells, what, names| out.push(blank_finding(cells, what, names));
    let t3_cells: Vec<usize> = (0..T3_ROWS.len())
        .flat_map(|r| (0..T3_COLUMNS.len()).map(move |c| t3(r, c)))
        .collect();
    if t3_cells.iter().all(blank) {
        push(out, t3_cells, "表三".into(), vec![]);
    } else {
        // One finding per row with blanks; a 2019 report has its single （六） row instead of
        // the three 2021 ones.
        let mut rows: Vec<(String, Vec<usize>)> = T3_ROWS
            .iter()
            .enumerate()
            .filter(|(_, row)| !(v2019 && row.group == Some(crate::template::T3_OTHER_HANDLING)))
            .map(|(r, _)| {
                let cells = (0..T3_COLUMNS.len()).map(|c| t3(r, c)).collect();
                (format!("表三 {}", crate::template::t3_row_name(r)), cells)
            })
            .collect();
        if v2019 {
            let cells = (0..T3_COLUMNS.len()).map(t3_r3_6_2019).collect();
            rows.push((
                format!(
                    "表三 {}（2019年版）",
                    crate::template::T3_GROUPS[crate::template::T3_OTHER_HANDLING].label
                ),
                cells,
            ));
        }
        for (what, cells) in rows {
            let cols: Vec<usize> = (0..T3_COLUMNS.len())
                .filter(|&c| report.cell(cells[c]).is_blank() && asked(cells[c]))
                .collect();
            if !cols.is_empty() {
                let names = cols
                    .iter()
                    .map(|&c| T3_COLUMNS[c].label.to_string())
                    .collect();
                push(out, cols.iter().map(|&c| cells[c]).collect(), what, names);
            }
        }
    }
}

/// S7 in 表四: the whole table.
fn blanks_t4(report: &Report, asked: &dyn Fn(usize) -> bool, out: &mut Vec<Finding>) {
    let blank = |i: &usize| report.cell(*i).is_blank();
    let push =
        |out: &mut Vec<Finding>, cells, what, names| out.push(blank_finding(cells, what, names));
    let t4_cells: Vec<usize> = (0..T4_GROUPS.len())
        .flat_map(|g| (0..T4_COLUMNS.len()).map(move |c| t4(g, c)))
        .collect();
    let blanks: Vec<usize> = t4_cells.iter().copied().filter(blank).collect();
    let t4_cells: Vec<usize> = t4_cells.into_iter().filter(|&i| asked(i)).collect();
    let blanks: Vec<usize> = blanks.into_iter().filter(|&i| asked(i)).collect();
    if blanks.len() == t4_cells.len() {
        push(out, blanks, "表四".into(), vec![]);
    } else if !blanks.is_empty() {
        let names = blanks
            .iter()
            .map(|&i| TEMPLATE.cells[i].short_name.clone())
            .collect();
        push(out, blanks, "表四".into(), names);
    }
}

const T3_BASE_OF_T2: usize = crate::template::T3_BASE;

/// Fills the computed cells from their parts ([`SUMS`]): （七）总计 from the 21 outcome rows,
/// the 总计 column of every 表三 row, and the 总计 of each 表四 block. A computed cell whose
/// parts are all blank becomes blank; one with an invalid part becomes blank too (S5
/// reports the part).
pub fn fill_totals(report: &mut Report) {
    let v2019 = report.format.one_other_row();
    let mut filled = std::collections::HashSet::new();
    for sum in SUMS.iter() {
        if (sum.of == SumOf::T3Row2019Other && !v2019) || !filled.insert(sum.total) {
            continue;
        }
        let value = match self::sum(report, &sum.parts) {
            Some(total) => u64::try_from(total)
                .map_or_else(|_| CellValue::Invalid(total.to_string()), CellValue::Count),
            None => CellValue::Blank,
        };
        report.set_cell(sum.total, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::template::T2_FEES;
    use crate::template::T3_TOTAL_COL;

    /// A fully filled, consistent report: 3 applications by 自然人, 2 disclosed, 1 not held.
    pub(crate) fn consistent() -> Report {
        let mut r = Report::all_zero(
            "某县人民政府办公室",
            crate::model::OrganKind::Government,
            2023,
        );
        r.set_cell(t3(0, 0), CellValue::Count(3));
        r.set_cell(t3(2, 0), CellValue::Count(2));
        r.set_cell(t3(12, 0), CellValue::Count(1));
        fill_totals(&mut r);
        r
    }

    fn rules(r: &Report) -> Vec<&'static str> {
        check(r)
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule.id())
            .collect()
    }

    #[test]
    fn consistent_report_has_no_table_errors() {
        let r = consistent();
        assert_eq!(r.cell(t3(T3_R3_7, T3_TOTAL_COL)), &CellValue::Count(3));
        assert!(rules(&r).is_empty(), "{:?}", check(&r));
    }

    #[test]
    fn o1_message_shows_arithmetic() {
        let mut r = consistent();
        r.set_cell(t3(2, 0), CellValue::Count(1));
        r.set_cell(t3(2, T3_TOTAL_COL), CellValue::Count(1));
        r.set_cell(t3(T3_R3_7, 0), CellValue::Count(2));
        r.set_cell(t3(T3_R3_7, T3_TOTAL_COL), CellValue::Count(2));
        let f = check(&r);
        let o1: Vec<_> = f.iter().filter(|f| f.rule == Rule::O1).collect();
        assert_eq!(o1.len(), 2, "{f:?}");
        assert_eq!(
            o1[0].message,
            "自然人列：一(3)+二(0)=3 ≠ 三(七)(2)+四(0)=2，差1"
        );
        assert_eq!(o1[0].places[0].id(), "t3.r1.np");
        assert_eq!(
            o1[1].message,
            "总计列：一(3)+二(0)=3 ≠ 三(七)(2)+四(0)=2，差1"
        );
    }

    #[test]
    fn s1_row_total() {
        let mut r = consistent();
        r.set_cell(t3(0, T3_TOTAL_COL), CellValue::Count(4));
        let f: Vec<_> = check(&r)
            .into_iter()
            .filter(|f| f.rule == Rule::S1)
            .collect();
        assert_eq!(f.len(), 1);
        let m = &f[0].message;
        assert!(
            m.starts_with("表三 一、本年新收政府信息公开申请数量：自然人(3)+商业企业(0)"),
            "{m}"
        );
        assert!(m.ends_with("=3 ≠ 总计(4)，差1"), "{m}");
    }

    #[test]
    fn s2_outcome_total() {
        let mut r = consistent();
        r.set_cell(t3(T3_R3_7, 0), CellValue::Count(5));
        let f: Vec<_> = check(&r)
            .into_iter()
            .filter(|f| f.rule == Rule::S2)
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "自然人列：三(一)至三(六)各项之和 三(一)(2)+三(四)1(1)=3 ≠ 三(七)总计(5)，差2"
        );
    }

    #[test]
    fn s4_review_total() {
        let mut r = consistent();
        r.set_cell(t4(0, 0), CellValue::Count(2));
        let f: Vec<_> = check(&r)
            .into_iter()
            .filter(|f| f.rule == Rule::S4)
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表四行政复议：结果维持(2)+结果纠正(0)+其他结果(0)+尚未审结(0)=2 ≠ 总计(0)，差2"
        );
        let mut ok = consistent();
        ok.set_cell(t4(0, 0), CellValue::Count(2));
        fill_totals(&mut ok);
        assert!(rules(&ok).is_empty());
    }

    #[test]
    fn s5_negative_and_huge() {
        let mut r = consistent();
        r.set_cell(t2(1, 0, 0), CellValue::from_source(CellKind::Count, "-2"));
        r.set_cell(
            t3(5, 1),
            CellValue::from_source(CellKind::Count, "123456789012345678901234567890"),
        );
        let f: Vec<_> = check(&r)
            .into_iter()
            .filter(|f| f.rule == Rule::S5)
            .collect();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].places[0].id(), "t2.art20_5.licensing.decisions");
        assert!(
            f[0].message.contains("“-2”不是非负整数（不能为负数）"),
            "{}",
            f[0].message
        );
        assert!(f[1].message.contains("超出"), "{}", f[1].message);
        assert!(rules(&consistent()).iter().all(|r| *r != "S5"));
    }

    #[test]
    fn s6_fee_amount() {
        let mut r = consistent();
        r.set_cell(
            T2_FEES,
            CellValue::from_source(CellKind::AmountWan, "1.23456"),
        );
        let f: Vec<_> = check(&r)
            .into_iter()
            .filter(|f| f.rule == Rule::S6)
            .collect();
        assert_eq!((f.len(), f[0].severity), (1, Severity::Warning));
        r.set_cell(T2_FEES, CellValue::from_source(CellKind::AmountWan, "-3"));
        let f: Vec<_> = check(&r)
            .into_iter()
            .filter(|f| f.rule == Rule::S6)
            .collect();
        assert_eq!((f.len(), f[0].severity), (1, Severity::Error));
        r.set_cell(T2_FEES, CellValue::from_source(CellKind::AmountWan, "12.5"));
        assert!(check(&r).iter().all(|f| f.rule != Rule::S6));
    }

    #[test]
    fn s7_one_finding_per_row() {
        let mut r = consistent();
        r.set_cell(t3(10, 0), CellValue::Blank);
        r.set_cell(t3(10, 1), CellValue::Blank);
        let f: Vec<_> = check(&r)
            .into_iter()
            .filter(|f| f.rule == Rule::S7)
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].places.len(), 2);
        assert!(
            f[0].message.contains(
                "表三 （三）不予公开·7.属于行政执法案卷有2个空白单元格（自然人、商业企业）"
            ),
            "{}",
            f[0].message
        );
        // Where the program computes the totals, a blank total is not asked for.
        let mut row = consistent();
        for c in 0..T3_COLUMNS.len() {
            row.set_cell(t3(10, c), CellValue::Blank);
        }
        let computed = crate::check::options::CheckOptions {
            totals_computed: true,
        };
        let asked: Vec<_> = super::super::check_with(&row, &computed)
            .into_iter()
            .filter(|f| f.rule == Rule::S7)
            .collect();
        assert_eq!(asked.len(), 1);
        assert_eq!(asked[0].places.len(), 6, "{:?}", asked[0]);
        assert!(!asked[0].message.contains("总计"), "{}", asked[0].message);
        assert!(check(&consistent()).iter().all(|f| f.rule != Rule::S7));
        let blank = Report::default();
        let f: Vec<_> = check(&blank)
            .into_iter()
            .filter(|f| f.rule == Rule::S7)
            .collect();
        assert_eq!(
            f.len(),
            3,
            "one per table when a whole table is blank: {f:?}"
        );
    }

    #[test]
    fn sums_do_not_overflow() {
        let mut r = consistent();
        for c in 0..T3_TOTAL_COL {
            r.set_cell(t3(0, c), CellValue::Count(u64::MAX));
        }
        fill_totals(&mut r);
        assert!(matches!(r.cell(t3(0, T3_TOTAL_COL)), CellValue::Invalid(_)));
        let _ = check(&r);
    }
}
