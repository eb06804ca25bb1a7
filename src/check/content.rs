//! Content heuristics that need only this report: H3 (in force), H7, H8, H9, H13, H14, H16;
//! the organ (H4, H19) and the dates (H10, H11) have files of their own.

use crate::finding::{Finding, Place, Rule, Severity};
use crate::model::CellValue;
use crate::model::{OrganKind, Report};
use crate::template::{T2_FEES, T3_COLUMNS, T3_ROWS, T3_TOTAL_COL, T3Role, TextId, t3};

use super::dates::{check_h10, check_h11};
use super::organ::{check_h4, check_h19, county_or_lower};

pub(super) fn check_content(report: &Report, out: &mut Vec<Finding>) {
    check_h4(report, out);
    check_h8(report, out);
    check_h9(report, out);
    check_h10(report, out);
    check_h11(report, out);
    check_h13(report, out);
    check_h14(report, out);
    check_h16(report, out);
    check_h19(report, out);
    check_h3_in_force(report, out);
    check_h7(report, out);
}

/// H3 (the part that needs no last year): fewer documents in force than issued this year
/// is rare (issued and already repealed), worth a look.
fn check_h3_in_force(report: &Report, out: &mut Vec<Finding>) {
    let block = &crate::template::T2_BLOCKS[0];
    for (r, (_, label)) in block.rows.iter().enumerate() {
        let (issued, in_force) = (crate::template::t2(0, r, 0), crate::template::t2(0, r, 2));
        if let (Some(i), Some(now)) = (report.cell(issued).count(), report.cell(in_force).count())
            && now < i
        {
            out.push(Finding::new(
                Rule::H3,
                Severity::Info,
                vec![Place::Cell(in_force), Place::Cell(issued)],
                format!("{label}现行有效{now}件，少于本年制发的{i}件：本年制发的文件当年即废止或失效才会如此，请核对"),
            ));
        }
    }
}

/// H7: applications closed because the fee was not paid (三(六)2 > 0) mean fee notices
/// were sent: section 六 should say so (信息处理费, 收费通知).
fn check_h7(report: &Report, out: &mut Vec<Finding>) {
    let row = crate::template::T3_ROWS
        .iter()
        .position(|r| r.id == "r3_6_2")
        .unwrap_or(0);
    let cell = crate::template::t3(row, crate::template::T3_TOTAL_COL);
    let Some(n) = report.cell(cell).count().filter(|n| *n > 0) else {
        return;
    };
    let six = report.text(TextId::S6).unwrap_or_default();
    if !["信息处理费", "收费通知", "收取费用", "收费"]
        .iter()
        .any(|k| six.contains(k))
    {
        out.push(Finding::new(
            Rule::H7,
            Severity::Warning,
            vec![Place::Cell(cell), Place::Text(TextId::S6)],
            format!(
                "表三“申请人逾期未按收费通知要求缴纳费用”共{n}件，说明本年发出过收费通知，但“六、其他需要报告的事项”未提信息处理费收取情况"
            ),
        ));
    }
}

fn is_just_nothing(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        t.as_str(),
        "" | "无" | "无。" | "无." | "暂无" | "暂无。" | "没有" | "没有。"
    )
}

/// H8: section 六 must exist and state the 信息处理费 situation.
fn check_h8(report: &Report, out: &mut Vec<Finding>) {
    let place = vec![Place::Text(TextId::S6)];
    match report.text(TextId::S6) {
        None => out.push(Finding::new(
            Rule::H8,
            Severity::Error,
            place,
            "缺少“六、其他需要报告的事项”一节（应说明信息处理费收取情况等）",
        )),
        Some(text) if is_just_nothing(text) => out.push(Finding::new(
            Rule::H8,
            Severity::Warning,
            place,
            if text.trim().is_empty() {
                "“六、其他需要报告的事项”为空：应至少说明信息处理费收取情况".to_string()
            } else {
                format!(
                    "“六、其他需要报告的事项”只写了“{}”：应说明信息处理费收取情况",
                    text.trim()
                )
            },
        )),
        Some(text)
            if !text.contains("处理费") && !text.contains("收费") && !text.contains("收取费用") =>
        {
            out.push(Finding::new(
                Rule::H8,
                Severity::Info,
                place,
                "“六、其他需要报告的事项”未提及信息处理费收取情况（国办函〔2020〕109号）",
            ))
        }
        Some(_) => {}
    }
}

/// Keywords that show a sub-area of section 一 is covered.
const AREA_KEYWORDS: [&[&str]; 5] = [
    &["主动公开"],
    &["依申请"],
    &["信息管理"],
    &["平台"],
    &["监督", "保障", "考核"],
];

/// H9: section 一 covers the five sub-areas; governments state 考核、评议、责任追究.
fn check_h9(report: &Report, out: &mut Vec<Finding>) {
    let filled = |id: TextId| report.text(id).is_some_and(|t| !t.trim().is_empty());
    let structured = TextId::AREAS.iter().any(|&a| filled(a));
    let lead = report.text(TextId::S1).unwrap_or("");
    let whole: String = std::iter::once(TextId::S1)
        .chain(TextId::AREAS)
        .filter_map(|t| report.text(t))
        .collect();

    if !structured && !lead.trim().is_empty() {
        out.push(Finding::new(
            Rule::H9,
            Severity::Warning,
            vec![Place::Text(TextId::S1)],
            "“一、总体情况”未按主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面分述",
        ));
    }
    for (k, &area) in TextId::AREAS.iter().enumerate() {
        let covered = if structured {
            filled(area)
        } else {
            AREA_KEYWORDS[k].iter().any(|w| lead.contains(w))
        };
        if !covered {
            let name = area.spec().name;
            let message = if structured || lead.trim().is_empty() {
                format!("“一、总体情况”缺少{name}方面的内容")
            } else {
                format!("“一、总体情况”未提及{name}方面的情况")
            };
            out.push(Finding::new(
                Rule::H9,
                Severity::Warning,
                vec![Place::Text(area)],
                message,
            ));
        }
    }
    let is_government = report.meta.organ_kind == OrganKind::Government
        || (report.meta.organ_kind == OrganKind::Township
            && report.meta.organ.contains("人民政府"));
    if is_government && !whole.trim().is_empty() {
        let supervision = match report.text(TextId::S1_5) {
            Some(t) if !t.trim().is_empty() => t.to_string(),
            _ => whole.clone(),
        };
        let missing: Vec<&str> = ["考核", "评议", "责任追究"]
            .into_iter()
            .filter(|k| !supervision.contains(k))
            .collect();
        if !missing.is_empty() {
            out.push(Finding::new(
                Rule::H9,
                Severity::Warning,
                vec![Place::Text(TextId::S1_5)],
                format!(
                    "人民政府的报告应在“监督保障”中说明工作考核、社会评议和责任追究结果情况（条例第五十条），未见：{}",
                    missing.join("、")
                ),
            ));
        }
    }
}

fn row_index(role: T3Role) -> usize {
    T3_ROWS.iter().position(|r| r.role == role).unwrap_or(0)
}

/// Verbs that claim applications were handled, for H13.
const HANDLED_WORDS: [&str; 5] = ["受理", "办结", "答复", "收到", "办理"];

/// H13: no applications, nothing handled.
fn check_h13(report: &Report, out: &mut Vec<Finding>) {
    let total = |role| report.cell(t3(row_index(role), T3_TOTAL_COL)).count();
    if total(T3Role::NewlyReceived) != Some(0) || total(T3Role::CarriedOver) != Some(0) {
        return;
    }
    let nonzero: Vec<usize> = T3_ROWS
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            matches!(
                r.role,
                T3Role::Outcome | T3Role::OutcomeTotal | T3Role::CarriedForward
            )
        })
        .flat_map(|(r, _)| (0..T3_COLUMNS.len()).map(move |c| t3(r, c)))
        .filter(|&i| report.cell(i).count().is_some_and(|n| n > 0))
        .collect();
    if !nonzero.is_empty() {
        out.push(Finding::new(
            Rule::H13,
            Severity::Error,
            nonzero.iter().copied().map(Place::Cell).collect(),
            format!(
                "本年新收和上年结转均为0，但表三“三、本年度办理结果”或“四、结转下年度”中有{}个非零单元格",
                nonzero.len()
            ),
        ));
    }
    for id in [TextId::S1_2, TextId::S1, TextId::S3] {
        let Some(text) = report.text(id) else {
            continue;
        };
        if let Some(sentence) = crate::textscan::sentences(text).find(|s| {
            s.contains("申请")
                && HANDLED_WORDS.iter().any(|w| s.contains(w))
                && crate::textscan::numbers_before(s, "件").any(|n| n > 0)
        }) {
            out.push(Finding::new(
                Rule::H13,
                Severity::Warning,
                vec![Place::Text(id), Place::Cell(t3(0, T3_TOTAL_COL))],
                format!("表三本年新收和上年结转均为0，但正文称：“{sentence}”"),
            ));
            break;
        }
    }
}

/// H14: backlog plausibility.
fn check_h14(report: &Report, out: &mut Vec<Finding>) {
    let cell = |role| t3(row_index(role), T3_TOTAL_COL);
    let (r1, r2, r4) = (
        cell(T3Role::NewlyReceived),
        cell(T3Role::CarriedOver),
        cell(T3Role::CarriedForward),
    );
    let (Some(new), Some(carried), Some(forward)) = (
        report.cell(r1).count(),
        report.cell(r2).count(),
        report.cell(r4).count(),
    ) else {
        return;
    };
    let places = vec![Place::Cell(r1), Place::Cell(r2), Place::Cell(r4)];
    if forward as u128 > new as u128 + carried as u128 {
        out.push(Finding::new(
            Rule::H14,
            Severity::Info,
            places,
            format!(
                "结转下年度({forward})多于本年新收({new})与上年结转({carried})之和{}",
                new as u128 + carried as u128
            ),
        ));
    } else if new > 0 && forward as u128 * 2 > new as u128 {
        out.push(Finding::new(
            Rule::H14,
            Severity::Info,
            places,
            format!("结转下年度({forward})超过本年新收({new})的一半，请确认是否多为12月收到的申请"),
        ));
    }
}

/// H16: a fee amount that looks like 元 typed into the 万元 column.
fn check_h16(report: &Report, out: &mut Vec<Finding>) {
    if let CellValue::Amount(a) = report.cell(T2_FEES)
        && a.whole_wan() >= 100_000
        && county_or_lower(report)
    {
        out.push(Finding::new(
            Rule::H16,
            Severity::Info,
            vec![Place::Cell(T2_FEES)],
            format!("行政事业性收费{a}万元（≥10亿元），对县级及以下机关异常：单位应为万元，是否误填了元？"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Format};
    use crate::template::t2;

    #[test]
    fn h3_fewer_in_force_than_issued_is_a_hint() {
        let mut r = Report::new("某县人民政府", OrganKind::Government, 2024);
        r.set_cell(crate::template::t2(0, 1, 0), CellValue::Count(3));
        r.set_cell(crate::template::t2(0, 1, 2), CellValue::Count(1));
        let mut out = Vec::new();
        check_h3_in_force(&r, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Info);
        r.set_cell(crate::template::t2(0, 1, 2), CellValue::Count(8));
        let mut out = Vec::new();
        check_h3_in_force(&r, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn h7_unpaid_fees_need_a_word_in_section_six() {
        let mut r = Report::new("某县人民政府", OrganKind::Government, 2024);
        let row = crate::template::T3_ROWS
            .iter()
            .position(|x| x.id == "r3_6_2")
            .unwrap();
        r.set_cell(
            crate::template::t3(row, crate::template::T3_TOTAL_COL),
            CellValue::Count(2),
        );
        r.set_text(TextId::S6, "无");
        let mut out = Vec::new();
        check_h7(&r, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].message.contains("共2件"));
        r.set_text(
            TextId::S6,
            "本年度发出收费通知2份，申请人均未缴纳信息处理费。",
        );
        let mut out = Vec::new();
        check_h7(&r, &mut out);
        assert!(out.is_empty());
    }

    use crate::check::{check, fill_totals};
    use crate::model::{CellValue, WanAmount};

    fn base() -> Report {
        let mut r = Report::all_zero("某县人民政府办公室", OrganKind::Government, 2023);
        r.set_text(TextId::S1_1, "主动公开了信息。");
        r.set_text(TextId::S1_2, "依申请公开办理及时。");
        r.set_text(TextId::S1_3, "加强政府信息管理。");
        r.set_text(TextId::S1_4, "平台建设。");
        r.set_text(TextId::S1_5, "开展考核、社会评议，无责任追究情况。");
        r.set_text(TextId::S5, "问题与改进。");
        r.set_text(TextId::S6, "本年度未收取信息处理费。");
        r.meta.published = Date::new(2024, 1, 20);
        r
    }

    fn of(r: &Report, rule: Rule) -> Vec<Finding> {
        check(r).into_iter().filter(|f| f.rule == rule).collect()
    }

    #[test]
    fn clean_report_has_no_content_findings() {
        let f = check(&base());
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn h4_regulations_at_county_level() {
        let mut r = base();
        r.set_cell(t2(0, 0, 2), CellValue::Count(2));
        assert_eq!(of(&r, Rule::H4).len(), 1);
        r.meta.organ = "某省人民政府".into();
        assert!(of(&r, Rule::H4).is_empty());
    }

    #[test]
    fn h8_section_six() {
        let mut r = base();
        r.set_text(TextId::S6, "无");
        let f = of(&r, Rule::H8);
        assert_eq!((f.len(), f[0].severity), (1, Severity::Warning));
        r.set_absent(TextId::S6);
        let f = of(&r, Rule::H8);
        assert_eq!((f.len(), f[0].severity), (1, Severity::Error));
        r.set_text(TextId::S6, "本年度开展了政务公开要点落实。");
        assert_eq!(of(&r, Rule::H8)[0].severity, Severity::Info);
    }

    #[test]
    fn h9_sub_areas_and_government_duties() {
        let mut r = base();
        r.set_text(TextId::S1_3, "  ");
        let f = of(&r, Rule::H9);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("政府信息管理"));
        let mut single = base();
        for a in TextId::AREAS {
            single.set_text(a, "");
        }
        single.set_text(TextId::S1, "主动公开信息103条，平台运行平稳。");
        let ids: Vec<_> = of(&single, Rule::H9)
            .iter()
            .map(|f| f.places[0].id().to_string())
            .collect();
        assert_eq!(ids, ["s1", "s1_2", "s1_3", "s1_5", "s1_5"]);
        let mut gov = base();
        gov.set_text(TextId::S1_5, "加强监督。");
        assert!(
            of(&gov, Rule::H9)[0]
                .message
                .contains("考核、评议、责任追究")
        );
        gov.meta.organ_kind = OrganKind::Department;
        assert!(of(&gov, Rule::H9).is_empty());
    }

    #[test]
    fn h10_format_and_year() {
        let mut r = base();
        r.format = Format::V2019;
        assert_eq!(of(&r, Rule::H10).len(), 1);
        r.meta.year = Some(2020);
        assert!(of(&r, Rule::H10).is_empty());
    }

    #[test]
    fn h11_years_and_dates() {
        let mut r = base();
        r.set_text(
            TextId::Intro,
            "本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。",
        );
        assert_eq!(of(&r, Rule::H11)[0].severity, Severity::Error);
        r.set_text(
            TextId::Intro,
            "本报告所列数据统计期限自２０２３年１月１日起。",
        );
        assert!(of(&r, Rule::H11).is_empty());
        // Late publication is judged by the analysis, against the deadline in force there
        // (national or local: `analysis::Deadline`), not twice.
        r.meta.published = Date::new(2024, 4, 2);
        assert!(of(&r, Rule::H11).is_empty());
        r.meta.published = Date::new(2023, 12, 30);
        assert_eq!(of(&r, Rule::H11).len(), 1);
        r.meta.year = None;
        assert_eq!(of(&r, Rule::H11).len(), 1);
    }

    #[test]
    fn h13_zero_activity() {
        let mut r = base();
        r.set_cell(t3(2, 0), CellValue::Count(1));
        assert_eq!(of(&r, Rule::H13)[0].severity, Severity::Error);
        let mut t = base();
        t.set_text(TextId::S1_2, "全年共受理政府信息公开申请2件，均按时办结。");
        let f = of(&t, Rule::H13);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("受理政府信息公开申请2件"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn h14_backlog() {
        let mut r = base();
        r.set_cell(t3(0, 0), CellValue::Count(4));
        r.set_cell(t3(24, 0), CellValue::Count(3));
        r.set_cell(t3(2, 0), CellValue::Count(1));
        fill_totals(&mut r);
        let f = of(&r, Rule::H14);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("超过本年新收(4)的一半"));
    }

    #[test]
    fn h16_fee_in_yuan() {
        let mut r = base();
        r.set_cell(
            T2_FEES,
            CellValue::Amount(WanAmount {
                digits: 251000,
                scale: 0,
            }),
        );
        assert_eq!(of(&r, Rule::H16).len(), 1);
        r.set_cell(
            T2_FEES,
            CellValue::Amount(WanAmount {
                digits: 251000,
                scale: 4,
            }),
        );
        assert!(of(&r, Rule::H16).is_empty());
    }
}
