//! One analysis for every caller (editor, `check`, `export`, batch): the import findings,
//! the checks of the report and of the draft, the checks against last year's report, and
//! the rule that an arithmetic finding resting on a cell the import could not read reliably
//! is an import finding (警告), not an 错误 of the report.

use std::collections::{BTreeSet, HashMap};

use crate::check::{CheckOptions, check_with, cross};
use crate::draft::Draft;
use crate::finding::{Finding, MetaField, Place, Rule, Severity, Source};
pub use crate::model::Deadline;
use crate::model::{Date, Report};
use crate::profile::DEFAULT_REPETITION_THRESHOLD;
use crate::repetition::Repetition;
use crate::review::{Explained, Explanation};
use crate::template::{ALL_CELLS, Part, TEMPLATE, TextId};

/// What the analysis needs beside the draft.
#[derive(Clone, Copy, Default)]
pub struct Context<'a> {
    /// Findings of the import that produced the draft (empty for a saved draft).
    pub import_findings: &'a [Finding],
    /// Last year's report, for the cross-year checks.
    pub previous: Option<&'a Report>,
    /// The publication deadline set for this jurisdiction; `None`: the profile's for the
    /// organ's kind, else the national one (see [`Deadline::national`]).
    pub deadline: Option<Deadline>,
    /// A local rule profile (本地要求): its L rules, deadlines and repetition threshold.
    pub profile: Option<&'a crate::profile::Profile>,
}

/// H11 (late): a report published after its deadline is 逾期发布.
fn check_deadline(report: &Report, deadline: Option<Deadline>) -> Option<Finding> {
    let (published, due) = publication(report, deadline)?;
    (published > due).then(|| {
        Finding::new(
            Rule::H11,
            Severity::Warning,
            vec![Place::Meta(MetaField::Published)],
            format!(
                "逾期发布：发布日期{}晚于发布期限{}（条例第四十九条，或本地规定的期限）",
                published.chinese(),
                due.chinese()
            ),
        )
    })
}

/// The report's publication date and its deadline (the given one, else the national one
/// by the organ's kind); None without a year or a date.
fn publication(report: &Report, deadline: Option<Deadline>) -> Option<(Date, Date)> {
    let deadline = deadline.unwrap_or_else(|| Deadline::national(report.meta.organ_kind));
    let (year, published) = (report.meta.year?, report.meta.published?);
    Some((
        published,
        Date::new(year + 1, deadline.month, deadline.day)?,
    ))
}

/// The deadline the context sets for the report: given, else the profile's for its kind.
fn deadline_of(report: &Report, ctx: &Context) -> Option<Deadline> {
    ctx.deadline.or_else(|| {
        ctx.profile
            .and_then(|p| p.publish_deadline(report.meta.organ_kind))
    })
}

/// The findings about a draft, indexed by place for drawing and jumping.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// In one order: import, report checks, draft checks, cross-year.
    pub findings: Vec<Finding>,
    /// Worst severity per cell (by template index).
    pub cell_marks: Vec<Option<Severity>>,
    /// Findings (indices into `findings`) per cell.
    pub cell_findings: HashMap<usize, Vec<usize>>,
    pub text_marks: HashMap<TextId, Severity>,
    pub meta_marks: HashMap<MetaField, Severity>,
    /// The counted findings per part of the report, by [`Part::index`] (see
    /// [`Analysis::part_tally`]).
    pub part_counts: [crate::finding::Tally; 7],
    /// (errors, warnings, infos) of the findings not explained by a current 说明.
    pub tally: crate::finding::Tally,
    /// Per finding: the 说明 that covers it, current or stale.
    pub explained: Vec<Option<Explained>>,
    /// The repetition of the 正文 against last year's report (with it, or the texts the
    /// draft was started from); None without either.
    pub repetition: Option<Repetition>,
    /// Published after its deadline (H11 逾期发布); None without a year or a date.
    pub late: Option<bool>,
}

fn worse(a: Option<Severity>, b: Severity) -> Severity {
    match a {
        Some(a) if a < b => a,
        _ => b,
    }
}

impl Analysis {
    /// The counted findings of one part of the report.
    pub fn part_tally(&self, part: Part) -> crate::finding::Tally {
        self.part_counts[part.index()]
    }

    /// Indexes findings (Severity orders Error < Warning < Info).
    pub fn new(findings: Vec<Finding>) -> Analysis {
        let none = vec![None; findings.len()];
        Analysis::with_explanations(findings, none)
    }

    /// Indexes findings, leaving out of the marks and counts those explained by a current
    /// 说明 (they stay listed).
    pub fn with_explanations(
        findings: Vec<Finding>,
        explained: Vec<Option<Explained>>,
    ) -> Analysis {
        let counted: Vec<Finding> = findings
            .iter()
            .zip(&explained)
            .filter(|(_, e)| !matches!(e, Some(Explained::Current(_))))
            .map(|(f, _)| f.clone())
            .collect();
        let mut a = Analysis {
            cell_marks: vec![None; ALL_CELLS],
            tally: crate::finding::tally(&counted),
            ..Analysis::default()
        };
        for (fi, f) in findings.iter().enumerate() {
            if matches!(explained[fi], Some(Explained::Current(_))) {
                continue;
            }
            let mut parts: Vec<Part> = Vec::new();
            for place in &f.places {
                match *place {
                    Place::Cell(i) => {
                        a.cell_marks[i] = Some(worse(a.cell_marks[i], f.severity));
                        a.cell_findings.entry(i).or_default().push(fi);
                    }
                    Place::Text(t) => {
                        let old = a.text_marks.get(&t).copied();
                        a.text_marks.insert(t, worse(old, f.severity));
                    }
                    Place::Meta(m) => {
                        let old = a.meta_marks.get(&m).copied();
                        a.meta_marks.insert(m, worse(old, f.severity));
                    }
                    Place::Table(_) | Place::Section(_) => {}
                }
                let part = place.part();
                if !parts.contains(&part) {
                    parts.push(part);
                }
            }
            if parts.is_empty() {
                parts.push(Part::Basics);
            }
            for p in parts {
                let c = &mut a.part_counts[p.index()];
                match f.severity {
                    Severity::Error => c.errors += 1,
                    Severity::Warning => c.warnings += 1,
                    Severity::Info => c.infos += 1,
                }
            }
        }
        a.findings = findings;
        a.explained = explained;
        a
    }

    /// The findings explained by a current 说明, with it.
    /// The findings that count: every one but those a current 说明 covers (listed by
    /// `check`, counted in the status bar, the exit code and the 退回意见).
    pub fn counted(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .zip(&self.explained)
            .filter(|(_, e)| !matches!(e, Some(Explained::Current(_))))
            .map(|(f, _)| f)
    }

    pub fn explained_findings<'a>(
        &'a self,
        explanations: &'a [Explanation],
    ) -> impl Iterator<Item = (&'a Finding, &'a Explanation, bool)> {
        self.findings
            .iter()
            .zip(&self.explained)
            .filter_map(move |(f, e)| match e {
                Some(Explained::Current(k)) => Some((f, &explanations[*k], false)),
                Some(Explained::Stale(k)) => Some((f, &explanations[*k], true)),
                None => None,
            })
    }

    /// The findings on a cell.
    pub fn findings_of_cell(&self, cell: usize) -> impl Iterator<Item = &Finding> {
        self.cell_findings
            .get(&cell)
            .into_iter()
            .flatten()
            .map(|&i| &self.findings[i])
    }
}

/// Every finding about a draft, in one order: import, report checks, draft checks, cross-year;
/// each marked with its [`Source`], and indexed by place.
///
/// The totals rule is applied first: unless the draft's totals are typed by hand
/// (`manual_totals`), they are the sums of their parts (see [`apply_totals_rule`]), so a
/// draft whose totals went stale outside the editor is judged as the editor shows it.
pub fn analyze(draft: &Draft, ctx: &Context) -> Analysis {
    let filled;
    let draft = if draft.manual_totals {
        draft
    } else {
        let mut d = draft.clone();
        crate::check::fill_totals(&mut d.report);
        filled = d;
        &filled
    };
    let repetition = repetition_of(draft, ctx);
    let findings = findings_of(draft, ctx, repetition.as_ref());
    let mut analysis = with_review(draft, findings);
    analysis.repetition = repetition;
    analysis.late = publication(&draft.report, deadline_of(&draft.report, ctx))
        .map(|(published, due)| published > due);
    analysis
}

/// The repetition against last year's report, or else against the texts the draft was
/// started from.
fn repetition_of(draft: &Draft, ctx: &Context) -> Option<Repetition> {
    match ctx.previous {
        Some(previous) => Some(crate::repetition::against_report(&draft.report, previous)),
        None if !draft.inherited_texts.is_empty() => Some(crate::repetition::repetition(
            &draft.report,
            draft.inherited_texts.values().map(String::as_str),
        )),
        None => None,
    }
}

/// H21: the share of the 正文 that repeats last year's, above the threshold.
fn check_repetition(repetition: &Repetition, ctx: &Context) -> Option<Finding> {
    let threshold = ctx
        .profile
        .map_or(DEFAULT_REPETITION_THRESHOLD, |p| p.repetition_threshold);
    let share = repetition.overall()?;
    share.above(threshold).then(|| {
        let by = ctx
            .profile
            .map(|p| format!("（“{}”的要求）", p.name))
            .unwrap_or_default();
        Finding::new(
            Rule::H21,
            Severity::Warning,
            repetition
                .fields
                .iter()
                .filter(|f| f.repeated > 0)
                .filter_map(|f| f.id.map(Place::Text))
                .collect(),
            format!(
                "与上年报告的重复率为{}（正文{}句中有{}句与上年相同），超过{threshold}%{by}，请按本年度工作实际撰写",
                share.text(),
                share.whole,
                share.part
            ),
        )
    })
}

/// The analysis with each finding matched against the draft's 说明.
fn with_review(draft: &Draft, findings: Vec<Finding>) -> Analysis {
    let explanations = &draft.review.explanations;
    let explained = findings
        .iter()
        .map(|f| crate::review::explained(&draft.report, explanations, f))
        .collect();
    Analysis::with_explanations(findings, explained)
}

/// The totals rule, for a draft being edited: computes the totals unless they are typed by
/// hand. True when a total changed.
pub fn apply_totals_rule(draft: &mut Draft) -> bool {
    if draft.manual_totals {
        return false;
    }
    let before = draft.report.clone();
    crate::check::fill_totals(&mut draft.report);
    draft.report != before
}

fn findings_of(draft: &Draft, ctx: &Context, repetition: Option<&Repetition>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = ctx
        .import_findings
        .iter()
        .map(|f| f.clone().from_source(Source::Import))
        .collect();
    findings.extend(check_with(
        &draft.report,
        &CheckOptions {
            totals_computed: !draft.manual_totals,
        },
    ));
    findings.extend(draft_findings(draft).into_iter().map(|f| match f.rule {
        Rule::Import | Rule::Ocr => f.from_source(Source::Import),
        _ => f,
    }));
    findings.extend(check_deadline(
        &draft.report,
        deadline_of(&draft.report, ctx),
    ));
    if let Some(profile) = ctx.profile {
        findings.extend(crate::check::local::check_profile(&draft.report, profile));
    }
    findings.extend(sum_findings(draft));
    if let Some(previous) = ctx.previous {
        findings.extend(
            cross::check_against_previous(&draft.report, previous)
                .into_iter()
                .map(|f| f.from_source(Source::CrossYear)),
        );
    }
    findings.extend(
        repetition
            .and_then(|r| check_repetition(r, ctx))
            .map(|f| f.from_source(Source::CrossYear)),
    );
    demote_uncertain(findings, &draft.unconfirmed_cells())
}

/// Findings that need the draft, not only the report: cells the import could not read, and
/// texts taken over from last year's report (`new --from`) not revised yet (H12).
fn draft_findings(draft: &Draft) -> Vec<Finding> {
    let uncertain = draft.uncertain_cells();
    let mut out = Vec::new();
    let ocr = draft.marked_cells(crate::model::Provenance::Ocr);
    if !ocr.is_empty() {
        out.push(Finding::new(
            Rule::Ocr,
            Severity::Warning,
            ocr.iter().map(|i| Place::Cell(*i)).collect(),
            format!(
                "{}个单元格由扫描件文字识别（OCR）读取，尚未核对：请对照原件逐一确认或改正：{}",
                ocr.len(),
                cells_by_row(&ocr)
            ),
        ));
    }
    let texts = draft.unconfirmed_texts();
    if !texts.is_empty() {
        let names: Vec<&str> = texts
            .iter()
            .map(|id| id.spec().heading.unwrap_or(id.spec().name))
            .collect();
        out.push(Finding::new(
            Rule::Ocr,
            Severity::Warning,
            texts.iter().map(|id| Place::Text(*id)).collect(),
            format!(
                "{}段正文由扫描件文字识别（OCR）读取，尚未核对：请对照原件确认或改正：{}",
                texts.len(),
                names.join("、")
            ),
        ));
    }
    if !uncertain.is_empty() {
        out.push(Finding::new(
            Rule::Import,
            Severity::Warning,
            uncertain.iter().map(|i| Place::Cell(*i)).collect(),
            format!(
                "{}个单元格导入时无法可靠读取（留空或按推测填入），请对照原文核对：{}",
                uncertain.len(),
                cells_by_row(&uncertain)
            ),
        ));
    }
    out.extend(
        draft
            .inherited_texts
            .iter()
            .filter(|(id, old)| draft.report.text(**id) == Some(old.as_str()))
            .map(|(id, _)| {
                Finding::new(
                    Rule::H12,
                    Severity::Warning,
                    vec![Place::Text(*id)],
                    format!(
                        "“{}”仍是从上年报告沿用的文字，尚未修改",
                        id.spec().heading.unwrap_or(id.spec().name)
                    ),
                )
            }),
    );
    out
}

/// Cells named by their rows in Chinese: `表三 一、…（整行）`, or a row with the columns
/// concerned (`表三 （三）1：自然人、总计`), never by internal id.
fn cells_by_row(cells: &BTreeSet<usize>) -> String {
    let mut rows: Vec<(String, Vec<&str>, usize)> = Vec::new();
    for &i in cells {
        let spec = &TEMPLATE.cells[i];
        let (row, column) = spec
            .short_name
            .split_once('·')
            .unwrap_or((spec.short_name.as_str(), ""));
        let row = format!("{} {row}", spec.table.name());
        match rows.last_mut() {
            Some((r, columns, _)) if *r == row => columns.push(column),
            _ => rows.push((row, vec![column], i)),
        }
    }
    rows.iter()
        .map(|(row, columns, first)| {
            let prefix = format!(
                "{}·",
                TEMPLATE.cells[*first]
                    .short_name
                    .split('·')
                    .next()
                    .unwrap_or("")
            );
            let in_row = TEMPLATE
                .cells
                .iter()
                .filter(|c| {
                    c.table == TEMPLATE.cells[*first].table && c.short_name.starts_with(&prefix)
                })
                .count();
            if columns.iter().all(|c| c.is_empty()) || columns.len() == in_row {
                format!("{row}（整行）")
            } else {
                format!("{row}：{}", columns.join("、"))
            }
        })
        .collect::<Vec<_>>()
        .join("；")
}

/// The findings a summed draft carries: the warnings found when it was made, the upper-bound
/// 表二 counts, and summed cells changed by hand since.
fn sum_findings(draft: &Draft) -> Vec<Finding> {
    let Some(record) = &draft.sum else {
        return Vec::new();
    };
    let mut out: Vec<Finding> = record
        .warnings
        .iter()
        .map(|w| {
            Finding::new(
                Rule::Sum,
                Severity::Warning,
                vec![Place::Meta(crate::finding::MetaField::Organ)],
                format!("汇总：{w}"),
            )
        })
        .collect();
    let bounds: Vec<usize> = crate::template::upper_bound_cells()
        .into_iter()
        .filter(|&i| draft.report.cell(i).count().is_some_and(|n| n > 0))
        .collect();
    if !bounds.is_empty() {
        out.push(Finding::new(
            Rule::Sum,
            Severity::Info,
            bounds.iter().map(|&i| Place::Cell(i)).collect(),
            "汇总：表二“本年制发件数”“现行有效件数”是各单位之和，联合发文被每个发文机关各计一次，是上限；请核实后修改，并在正文中说明",
        ));
    }
    for i in crate::template::input_cells() {
        let summed = crate::draft::sum_of(&record.units, i);
        let now = draft.report.cell(i);
        if *now != summed {
            out.push(Finding::new(
                Rule::Sum,
                Severity::Info,
                vec![Place::Cell(i)],
                format!(
                    "汇总：{}已改为“{}”，各单位之和为“{}”",
                    TEMPLATE.cells[i].short_name,
                    now.display(),
                    summed.display()
                ),
            ));
        }
    }
    out
}

/// Rules whose findings are arithmetic, completeness or a value's type over cells: on a cell
/// not read for sure, they say how it was read, not what the report holds.
const RESTS_ON_CELLS: [Rule; 8] = [
    Rule::O1,
    Rule::S1,
    Rule::S2,
    Rule::S4,
    Rule::S5,
    Rule::S6,
    Rule::S7,
    Rule::H1,
];

fn demote_uncertain(findings: Vec<Finding>, uncertain: &BTreeSet<usize>) -> Vec<Finding> {
    if uncertain.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        // Blank cells that the import read short are the import's problem, said once by
        // the import (the row it could not read): S7 does not say them again.
        .filter(|f| {
            let cells: Vec<usize> = f
                .places
                .iter()
                .filter_map(|p| match p {
                    Place::Cell(i) => Some(*i),
                    _ => None,
                })
                .collect();
            !(f.rule == Rule::S7
                && !cells.is_empty()
                && cells.iter().all(|i| uncertain.contains(i)))
        })
        .map(|f| {
            // An error that names a cell not read for sure rests on how it was read.
            let rests = (RESTS_ON_CELLS.contains(&f.rule) || f.severity == Severity::Error)
                && f.places
                    .iter()
                    .any(|p| matches!(p, Place::Cell(i) if uncertain.contains(i)));
            if rests {
                Finding::new(
                    Rule::Import,
                    Severity::Warning,
                    f.places.clone(),
                    format!(
                        "无法可靠读取（{}涉及导入时未能读准的单元格）：{}",
                        f.rule.id(),
                        f.message
                    ),
                )
                .from_source(Source::Import)
            } else {
                f
            }
        })
        .collect()
}

/// The cells of a scan still to confirm, in the order a reviewer takes them: those a
/// finding names (a sum that does not hold, a value of the wrong kind) first, then the
/// least sure readings, then in the template's order. `confidence` gives a cell's reading's
/// confidence where the page was seen (1 where it is not known).
pub fn cells_to_confirm(
    draft: &Draft,
    analysis: &Analysis,
    confidence: impl Fn(usize) -> f32,
) -> Vec<usize> {
    let unconfirmed = draft.marked_cells(crate::model::Provenance::Ocr);
    let mut cells: Vec<(bool, f32, usize)> = unconfirmed
        .iter()
        .map(|&i| {
            // The finding that lists every unconfirmed cell (OCR) names each one: not a
            // reason to take a cell first.
            let named = analysis
                .findings_of_cell(i)
                .any(|f| f.rule != crate::finding::Rule::Ocr);
            (!named, confidence(i), i)
        })
        .collect();
    cells.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    cells.into_iter().map(|(_, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Provenance;
    use crate::model::{CellValue, OrganKind};
    use crate::template::{T3_COLUMNS, t3};

    #[test]
    fn blanks_the_import_read_short_are_not_said_again_as_s7() {
        let blank_row: Vec<usize> = (0..T3_COLUMNS.len()).map(|c| t3(3, c)).collect();
        let s7 = |cells: &[usize]| {
            Finding::new(
                Rule::S7,
                Severity::Warning,
                cells.iter().map(|&i| Place::Cell(i)).collect(),
                "空白".to_string(),
            )
        };
        let uncertain: BTreeSet<usize> = blank_row.iter().copied().collect();
        let kept = demote_uncertain(vec![s7(&blank_row)], &uncertain);
        assert!(kept.is_empty(), "{kept:?}");
        let mut mixed = blank_row.clone();
        mixed.push(t3(4, 0));
        let kept = demote_uncertain(vec![s7(&mixed)], &uncertain);
        assert_eq!(kept.len(), 1, "a blank read for sure is still said");
    }

    #[test]
    fn late_publication_by_the_national_or_a_local_deadline() {
        let mut report = Report::new("某县人民政府", OrganKind::Government, 2024);
        report.meta.published = Date::new(2025, 3, 15);
        let draft = Draft::new(report);
        let late = |d: &Draft, deadline| {
            analyze(
                d,
                &Context {
                    deadline,
                    ..Context::default()
                },
            )
            .findings
            .into_iter()
            .filter(|f| f.message.starts_with("逾期发布"))
            .count()
        };
        assert_eq!(late(&draft, None), 0, "before 31 March");
        assert_eq!(
            late(&draft, Deadline::parse("02-20")),
            1,
            "a region's 20 February"
        );
        let mut department = draft.clone();
        department.report.meta.organ_kind = OrganKind::Department;
        assert_eq!(late(&department, None), 1, "departments by 31 January");
        let mut township = draft.clone();
        township.report.meta.organ_kind = OrganKind::Township;
        township.report.meta.published = Date::new(2025, 4, 2);
        assert_eq!(
            late(&township, None),
            1,
            "乡镇: 31 March unless set locally"
        );
        assert_eq!(
            analyze(&township, &Context::default())
                .findings
                .iter()
                .filter(|f| f.rule == Rule::H11)
                .count(),
            1,
            "one finding for one late publication"
        );
        assert_eq!(Deadline::parse("13-01"), None);
        assert_eq!(
            Deadline::parse("1-28"),
            Some(Deadline { month: 1, day: 28 })
        );
    }

    #[test]
    fn arithmetic_on_uncertain_cells_is_an_import_warning_until_edited() {
        let mut report = Report::new("某某县人民政府办公室", OrganKind::Government, 2024);
        for r in 0..25 {
            for c in 0..T3_COLUMNS.len() {
                report.set_cell(t3(r, c), CellValue::Count(0));
            }
        }
        report.set_cell(t3(0, 0), CellValue::Count(3));
        report.set_cell(t3(0, 6), CellValue::Count(3));
        let mut draft = Draft::new(report);
        draft.manual_totals = true;
        let errors = |d: &Draft| {
            analyze(d, &Context::default())
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count()
        };
        assert!(errors(&draft) > 0, "O1 breaks: 3 new, none handled");
        // （七）总计 could not be read: the O1 finding rests on it.
        for c in 0..T3_COLUMNS.len() {
            let i = t3(23, c);
            draft.report.set_cell(i, CellValue::Blank);
            draft
                .read_as
                .insert(i, (Provenance::Uncertain, CellValue::Blank));
        }
        let found = analyze(&draft, &Context::default()).findings;
        assert_eq!(errors(&draft), 0, "{found:?}");
        assert!(found.iter().any(|f| f.rule == Rule::Import
            && f.source == Source::Import
            && f.message.contains("无法可靠读取")));
        // The reviewer types the totals: the cells are no longer uncertain.
        draft.report.set_cell(t3(23, 0), CellValue::Count(2));
        assert!(errors(&draft) > 0);
    }

    /// Cells a sum names come first, whatever their confidence; the list of every
    /// unconfirmed cell (rule OCR) names them all and orders nothing, even when only one
    /// cell is left.
    #[test]
    fn cells_a_finding_names_are_confirmed_first_not_those_the_ocr_list_names() {
        let mut report = Report::new("某某县人民政府办公室", OrganKind::Government, 2024);
        for (i, cell) in TEMPLATE.cells.iter().enumerate() {
            report.set_cell(i, CellValue::from_source(cell.kind, "0"));
        }
        // 一、本年新收·自然人 read as 3 where nothing was handled: O1 breaks on it.
        report.set_cell(t3(0, 0), CellValue::Count(3));
        report.set_cell(t3(0, 6), CellValue::Count(3));
        let mut draft = Draft::new(report);
        draft.manual_totals = true;
        let (in_sum, elsewhere) = (t3(0, 0), crate::template::t4(0, 0));
        for i in [in_sum, elsewhere] {
            let value = draft.report.cell(i).clone();
            draft.read_as.insert(i, (Provenance::Ocr, value));
        }
        let analysis = analyze(&draft, &Context::default());
        assert!(
            analysis
                .findings
                .iter()
                .any(|f| f.rule == Rule::Ocr && f.places.len() == 2 && f.source == Source::Import)
        );
        // The cell in 表四 is read the least sure, yet the one O1 names comes first.
        let confidence = |i: usize| if i == elsewhere { 0.2 } else { 0.9 };
        assert_eq!(
            cells_to_confirm(&draft, &analysis, confidence),
            vec![in_sum, elsewhere]
        );
        // One cell left, named by nothing but the OCR list: taken by its confidence alone.
        draft.confirm_cell(in_sum);
        let analysis = analyze(&draft, &Context::default());
        assert_eq!(
            cells_to_confirm(&draft, &analysis, confidence),
            vec![elsewhere]
        );
        assert!(
            analysis
                .findings_of_cell(elsewhere)
                .all(|f| f.rule == Rule::Ocr),
            "only the OCR list names it"
        );
    }
}
