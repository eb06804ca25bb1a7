//! 汇总: the report of a reviewing office whose tables are the exact sums of its subordinate
//! units' tables. First it lists what makes a sum unsafe — units of another year or format,
//! units whose reports have errors, an organ counted twice, an organ missing against last
//! year's list, a 收费金额 that looks like 元 in the 万元 column; those become warnings of the
//! parent report (or, strictly, a refusal). The parent draft keeps every unit's values, so
//! the editor shows who contributed what and a summed cell changed by hand stays visible.

use std::collections::{BTreeMap, HashMap};

use crate::analysis::{Context, analyze};
use crate::document::Opened;
use crate::draft::Draft;
pub use crate::draft::{Scope, SumRecord, SumUnit, contributions, sum_of};
use crate::finding::{Finding, Rule, Severity};
use crate::model::{CellValue, Format, OrganKind, Report, normalize_organ};
use crate::template::{ALL_CELLS, TEMPLATE, input_cells};

/// The units' reports behind these files and folders, each named by its file name; every
/// file that cannot be read, described in Chinese, when any cannot (a sum of the rest would
/// silently be short).
pub fn open_units(paths: &[std::path::PathBuf]) -> Result<Vec<(String, Opened)>, Vec<String>> {
    let (files, problems) = crate::batch::collect(paths);
    let mut unreadable: Vec<String> = problems
        .iter()
        .map(|p| {
            format!(
                "“{}”：{}",
                p.file.display(),
                p.outcome.as_ref().err().map_or("", String::as_str)
            )
        })
        .collect();
    let mut units = Vec::new();
    for f in &files {
        match crate::document::open_path(f) {
            Ok(opened) => {
                let name = f.file_name().map_or_else(
                    || f.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                units.push((name, opened));
            }
            Err(e) => unreadable.push(e.describe(f)),
        }
    }
    if unreadable.is_empty() {
        Ok(units)
    } else {
        Err(unreadable)
    }
}

/// What a sum is asked for.
#[derive(Clone, Debug, Default)]
pub struct SumOptions {
    pub scope: Scope,
    /// The parent organ's full name.
    pub organ: String,
    /// Last year's list of units (organ names): those missing now are reported.
    pub previous_list: Option<Vec<String>>,
    /// Refuse instead of warning.
    pub strict: bool,
}

/// Why no sum was made.
#[derive(Debug, thiserror::Error)]
pub enum SumError {
    #[error("没有可汇总的下级单位报告")]
    NoUnits,
    #[error("汇总不安全，已按 --strict 拒绝：\n{}", .0.join("\n"))]
    Unsafe(Vec<String>),
    /// A summary and a unit it already covers, each named: its numbers would count twice.
    #[error(
        "“{summary}”是汇总报告，已含“{unit}”的数字，二者一起汇总会重复计算。请去掉其中之一（汇总报告之间可以再汇总）"
    )]
    SummaryWithItsUnit { summary: String, unit: String },
}

/// Whether the summary covers `unit` already: its organ or file is among the units the
/// summary was summed from.
pub fn covered_by(summary: &Draft, unit: &(String, Opened)) -> bool {
    let Some(record) = &summary.sum else {
        return false;
    };
    let (file, opened) = unit;
    covers(
        record
            .units
            .iter()
            .map(|u| (u.organ.as_str(), u.file.as_str())),
        file,
        &opened.draft.report.meta.organ,
    )
}

/// Whether a summary's units, each (organ, file), take in the report `file` of `organ`.
pub fn covers<'a>(
    mut units: impl Iterator<Item = (&'a str, &'a str)>,
    file: &str,
    organ: &str,
) -> bool {
    units.any(|(unit_organ, unit_file)| {
        crate::model::same_organ(unit_organ, organ) || (!unit_file.is_empty() && unit_file == file)
    })
}

/// Refuses a sum holding a summary and any unit it covers (a sum of summaries is fine).
fn refuse_summary_with_its_units(units: &[(String, Opened)]) -> Result<(), SumError> {
    let name = |(file, o): &(String, Opened)| {
        let organ = o.draft.report.meta.organ.trim();
        if organ.is_empty() {
            file.clone()
        } else {
            format!("{organ}（{file}）")
        }
    };
    for (k, s) in units.iter().enumerate() {
        if s.1.draft.sum.is_none() {
            continue;
        }
        if let Some(u) = units
            .iter()
            .enumerate()
            .find(|(j, u)| *j != k && covered_by(&s.1.draft, u))
        {
            return Err(SumError::SummaryWithItsUnit {
                summary: name(s),
                unit: name(u.1),
            });
        }
    }
    Ok(())
}

/// The most common value of a unit's field (the units' year and format).
fn majority<T: Copy + Eq + std::hash::Hash>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: HashMap<T, usize> = HashMap::new();
    let mut order = Vec::new();
    for v in values {
        let n = counts.entry(v).or_insert(0);
        if *n == 0 {
            order.push(v);
        }
        *n += 1;
    }
    order.into_iter().max_by_key(|v| counts[v])
}

/// Sums the units (`(file name, opened report)`) into a parent draft.
pub fn sum_units(units: &[(String, Opened)], options: &SumOptions) -> Result<Draft, SumError> {
    if units.is_empty() {
        return Err(SumError::NoUnits);
    }
    refuse_summary_with_its_units(units)?;
    let reports: Vec<&Report> = units.iter().map(|(_, o)| &o.draft.report).collect();
    let year = majority(reports.iter().filter_map(|r| r.meta.year));
    let format = majority(reports.iter().map(|r| r.format)).unwrap_or_default();
    let mut warnings = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut record_units = Vec::new();
    for (file, opened) in units {
        let r = &opened.draft.report;
        let name = if r.meta.organ.trim().is_empty() {
            file.clone()
        } else {
            r.meta.organ.trim().to_string()
        };
        warnings.extend(unit_warnings(&name, opened, year, format));
        let key = normalize_organ(&r.meta.organ);
        if !key.is_empty() {
            let twice = seen
                .iter()
                .find(|(k, _)| crate::model::same_organ(k, &key))
                .map(|(_, f)| *f);
            if let Some(other) = twice {
                warnings.push(format!(
                    "“{name}”出现了两次（{other} 和 {file}），会被重复计入"
                ));
            } else {
                seen.insert(key, file);
            }
        }
        let cells = unit_cells(&name, r, &mut warnings);
        record_units.push(SumUnit {
            organ: name,
            file: file.clone(),
            cells,
        });
    }
    if let Some(list) = &options.previous_list {
        for organ in list.iter().map(|o| o.trim()).filter(|o| !o.is_empty()) {
            if !seen.keys().any(|k| crate::model::same_organ(k, organ)) {
                warnings.push(format!("上年汇总过的“{organ}”这次没有报告"));
            }
        }
    }
    if options.strict && !warnings.is_empty() {
        return Err(SumError::Unsafe(warnings));
    }
    let mut report = Report::new(
        options.organ.trim(),
        OrganKind::Government,
        year.unwrap_or_default(),
    );
    report.meta.year = year;
    report.format = format;
    for i in input_cells() {
        report.set_cell(i, sum_of(&record_units, i));
    }
    // The parent's own cells that no unit fills stay blank, as in any draft.
    if !format.one_other_row() {
        for i in (0..ALL_CELLS).filter(|&i| TEMPLATE.cells[i].legacy_2019) {
            report.set_cell(i, CellValue::Blank);
        }
    }
    let mut draft = Draft::new(report);
    crate::analysis::apply_totals_rule(&mut draft);
    draft.sum = Some(SumRecord {
        scope: options.scope,
        units: record_units,
        warnings,
    });
    Ok(draft)
}

/// What makes a unit's numbers unsafe to add: another year or format, errors in its
/// report, fees that look typed in 元 instead of 万元.
fn unit_warnings(name: &str, opened: &Opened, year: Option<u16>, format: Format) -> Vec<String> {
    let r = &opened.draft.report;
    let mut warnings = Vec::new();
    match (r.meta.year, year) {
        (Some(y), Some(common)) if y != common => warnings.push(format!(
            "“{name}”是{y}年度的报告，其他单位为{common}年度，不应一起汇总"
        )),
        (None, _) => warnings.push(format!("“{name}”没有统计年度，无法确认与其他单位同年")),
        _ => {}
    }
    if r.format != format {
        warnings.push(format!(
            "“{name}”使用{}年版格式，其他单位为{}年版，表格不能逐格相加",
            r.format.key(),
            format.key()
        ));
    }
    let analysis = analyze(
        &opened.draft,
        &Context {
            import_findings: &opened.import_findings,
            ..Context::default()
        },
    );
    let errors: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if let Some(first) = errors.first() {
        warnings.push(format!(
            "“{name}”的报告有{}个错误，其数字可能不准（如：{} {}）",
            errors.len(),
            first.rule.id(),
            first.message
        ));
    }
    if analysis.findings.iter().any(|f| f.rule == Rule::H16) {
        warnings.push(format!(
            "“{name}”的收费金额{}万元偏大，可能按元填进了万元栏",
            r.cell(crate::template::T2_FEES).display()
        ));
    }
    warnings
}

/// The unit's values to add: its filled input cells; a cell that holds no valid value is
/// left out with a warning.
fn unit_cells(name: &str, r: &Report, warnings: &mut Vec<String>) -> BTreeMap<usize, CellValue> {
    let mut cells = BTreeMap::new();
    for i in input_cells() {
        match r.cell(i) {
            CellValue::Blank => {}
            CellValue::Invalid(raw) => warnings.push(format!(
                "“{name}”的{}“{raw}”不是有效数值，未计入",
                TEMPLATE.cells[i].short_name
            )),
            v => {
                cells.insert(i, v.clone());
            }
        }
    }
    cells
}

/// One row per unit with every cell, and the parent's row, as CSV for a spreadsheet
/// (UTF-8 with BOM).
pub fn to_csv(draft: &Draft) -> String {
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let cells: Vec<usize> = (0..ALL_CELLS)
        .filter(|&i| !TEMPLATE.cells[i].legacy_2019 || draft.report.format.one_other_row())
        .collect();
    let mut out = String::from("\u{feff}单位,文件");
    for &i in &cells {
        out.push(',');
        out.push_str(&TEMPLATE.cells[i].id);
    }
    out.push('\n');
    let units = draft.sum.as_ref().map_or(&[][..], |r| &r.units[..]);
    for u in units {
        out.push_str(&format!("{},{}", quote(&u.organ), quote(&u.file)));
        for &i in &cells {
            out.push(',');
            let v = u.cells.get(&i).map(CellValue::display).unwrap_or_default();
            out.push_str(&quote(&v));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "{},",
        quote(&format!("合计：{}", draft.report.meta.organ))
    ));
    for &i in &cells {
        out.push(',');
        out.push_str(&quote(&draft.report.cell(i).display()));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::document::Source;
    use crate::model::{Date, WanAmount};
    use crate::template::{T2_FEES, t2, t3};

    fn unit(organ: &str, year: u16, np: u64, fee: (u64, u8)) -> (String, Opened) {
        let mut r = Report::new(organ, OrganKind::Department, year);
        for i in input_cells() {
            r.set_cell(i, CellValue::Count(0));
        }
        r.set_cell(
            T2_FEES,
            CellValue::Amount(WanAmount {
                digits: fee.0,
                scale: fee.1,
            }),
        );
        r.set_cell(t3(0, 0), CellValue::Count(np));
        r.set_cell(t3(2, 0), CellValue::Count(np));
        r.meta.published = Date::new(year + 1, 1, 20);
        let mut draft = Draft::new(r);
        crate::analysis::apply_totals_rule(&mut draft);
        (
            format!("{organ}.ron"),
            Opened {
                draft,
                source: Source::Draft,
                import_findings: Vec::new(),
                scanned: Default::default(),
            },
        )
    }

    fn summary_of(units: &[(String, Opened)], organ: &str) -> (String, Opened) {
        let options = SumOptions {
            organ: organ.into(),
            ..SumOptions::default()
        };
        let draft = sum_units(units, &options).expect("sum");
        (
            format!("{organ}.ron"),
            Opened {
                draft,
                source: Source::Draft,
                import_findings: Vec::new(),
                scanned: Default::default(),
            },
        )
    }

    #[test]
    fn a_summary_is_never_summed_with_its_own_units() {
        let a = unit("淮安市洪泽区甲镇人民政府", 2025, 3, (0, 0));
        let b = unit("洪泽区乙镇人民政府", 2025, 2, (0, 0));
        let county = summary_of(&[a.clone(), b.clone()], "洪泽区人民政府");
        // The summary saved among its units and summed again: refused, both named.
        let again = sum_units(
            &[a.clone(), b.clone(), county.clone()],
            &SumOptions::default(),
        );
        match again {
            Err(SumError::SummaryWithItsUnit { summary, unit }) => {
                assert!(summary.contains("洪泽区人民政府"), "{summary}");
                assert!(unit.contains("甲镇"), "{unit}");
            }
            other => panic!("{other:?}"),
        }
        // Its unit written without the region is still its unit.
        let a_short = unit("甲镇人民政府", 2025, 3, (0, 0));
        assert!(covered_by(&county.1.draft, &a_short));
        assert!(!covered_by(
            &county.1.draft,
            &unit("清江浦区丙街道办事处", 2025, 5, (0, 0))
        ));
        // A sum of two counties' summaries is a region's sum: fine.
        let c = unit("清江浦区丙街道办事处", 2025, 5, (0, 0));
        let other_county = summary_of(&[c], "清江浦区人民政府");
        let city = sum_units(&[county, other_county], &SumOptions::default()).expect("city");
        assert_eq!(city.report.cell(t3(0, 0)), &CellValue::Count(10));
    }

    #[test]
    fn exact_sums_with_fees_never_rounded() {
        let units = [
            unit("某县财政局", 2025, 3, (125, 4)),
            unit("某县教育局", 2025, 4, (5, 2)),
        ];
        let d = sum_units(&units, &SumOptions::default()).unwrap();
        assert_eq!(d.report.cell(t3(0, 0)), &CellValue::Count(7));
        assert_eq!(
            d.report.cell(t3(0, 6)),
            &CellValue::Count(7),
            "totals recomputed"
        );
        // 0.0125 + 0.05 = 0.0625 万元, exactly.
        assert_eq!(d.report.cell(T2_FEES).display(), "0.0625");
        let record = d.sum.as_ref().unwrap();
        assert!(record.warnings.is_empty(), "{:?}", record.warnings);
        assert_eq!(
            contributions(record, t3(0, 0)),
            vec![
                ("某县财政局", &CellValue::Count(3)),
                ("某县教育局", &CellValue::Count(4))
            ]
        );
        let sum_found: Vec<Finding> = analyze(&d, &Context::default())
            .findings
            .into_iter()
            .filter(|f| f.rule == Rule::Sum)
            .collect();
        assert!(
            sum_found.iter().all(|f| f.severity != Severity::Warning),
            "{sum_found:?}"
        );
    }

    #[test]
    fn unsafe_sums_are_listed_or_refused() {
        let mut bad = unit("某县教育局", 2025, 4, (0, 0));
        bad.1.draft.report.set_cell(t3(0, 0), CellValue::Count(9)); // O1 breaks
        let units = [
            unit("某县财政局", 2025, 3, (0, 0)),
            bad,
            unit("某县财政局", 2025, 1, (0, 0)),
            unit("某县民政局", 2024, 1, (0, 0)),
        ];
        let options = SumOptions {
            previous_list: Some(vec!["某县财政局".into(), "某县卫健委".into()]),
            ..SumOptions::default()
        };
        let d = sum_units(&units, &options).unwrap();
        let w = &d.sum.as_ref().unwrap().warnings;
        let has = |s: &str| w.iter().any(|x| x.contains(s));
        assert!(has("2024年度"), "{w:?}");
        assert!(has("“某县教育局”的报告有"), "{w:?}");
        assert!(has("出现了两次"), "{w:?}");
        assert!(has("“某县卫健委”这次没有报告"), "{w:?}");
        assert_eq!(w.len(), 4, "{w:?}");
        let strict = SumOptions {
            strict: true,
            ..options
        };
        assert!(matches!(
            sum_units(&units, &strict),
            Err(SumError::Unsafe(_))
        ));
        assert!(matches!(
            sum_units(&[], &SumOptions::default()),
            Err(SumError::NoUnits)
        ));
    }

    #[test]
    fn a_fee_in_yuan_is_flagged_before_it_is_added() {
        let units = [
            unit("某县财政局", 2025, 3, (0, 0)),
            unit("某县教育局", 2025, 4, (1_250_000, 0)), // 125万元 typed as 元
        ];
        let d = sum_units(&units, &SumOptions::default()).unwrap();
        let w = &d.sum.as_ref().unwrap().warnings;
        assert!(
            w.iter()
                .any(|x| x.contains("“某县教育局”的收费金额1250000万元偏大")),
            "{w:?}"
        );
    }

    #[test]
    fn a_summed_cell_changed_by_hand_stays_visible() {
        let units = [
            unit("某县财政局", 2025, 3, (0, 0)),
            unit("某县教育局", 2025, 4, (0, 0)),
        ];
        let mut d = sum_units(&units, &SumOptions::default()).unwrap();
        d.report.set_cell(t2(0, 1, 0), CellValue::Count(5));
        let found = analyze(&d, &Context::default()).findings;
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("已改为“5”，各单位之和为“0”"))
        );
        assert!(found.iter().any(|f| f.message.contains("是上限")));
        let csv = to_csv(&d);
        assert!(csv.starts_with("\u{feff}单位,文件,t2."));
        assert_eq!(csv.lines().count(), 4, "header, two units, the total");
    }
}
