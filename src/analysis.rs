//! One analysis for every caller (editor, `check`, `export`, batch): the import findings,
//! the checks of the report and of the draft, the checks against last year's report, and
//! the rule that an arithmetic finding resting on a cell the import could not read reliably
//! is an import finding (警告), not an 错误 of the report.

use std::collections::BTreeSet;

use crate::check::{
    CheckOptions, Finding, Place, Rule, Severity, Source, check_draft, check_with, cross,
};
use crate::draft::Draft;
use crate::model::{Date, OrganKind, Report};

/// What the analysis needs beside the draft.
#[derive(Clone, Copy, Default)]
pub struct Context<'a> {
    /// Findings of the import that produced the draft (empty for a saved draft).
    pub import_findings: &'a [Finding],
    /// Last year's report, for the cross-year checks.
    pub previous: Option<&'a Report>,
    /// The publication deadline set for this jurisdiction; `None`: the national one by the
    /// organ's kind (see [`Deadline::national`]).
    pub deadline: Option<Deadline>,
}

/// The day of the year after the report year by which the report must be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub month: u8,
    pub day: u8,
}

impl Deadline {
    /// `MM-DD` (or `M-D`), e.g. `01-28`.
    pub fn parse(s: &str) -> Option<Deadline> {
        let (m, d) = s.trim().split_once(['-', '/', '.'])?;
        let (month, day): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
        Date::new(2001, month, day).map(|_| Deadline { month, day })
    }

    /// `MM-DD`, as [`Deadline::parse`] reads it.
    pub fn mm_dd(&self) -> String {
        format!("{:02}-{:02}", self.month, self.day)
    }

    /// 条例第四十九条: departments publish by 31 January, governments by 31 March; other
    /// bodies have no national deadline (a region sets one: `--deadline`).
    pub fn national(kind: OrganKind) -> Option<Deadline> {
        match kind {
            OrganKind::Department => Some(Deadline { month: 1, day: 31 }),
            OrganKind::Government => Some(Deadline { month: 3, day: 31 }),
            _ => None,
        }
    }
}

/// H11 (late): a report published after its deadline is 逾期发布.
fn check_deadline(report: &Report, deadline: Option<Deadline>) -> Option<Finding> {
    let deadline = deadline.or_else(|| Deadline::national(report.meta.organ_kind))?;
    let (year, published) = (report.meta.year?, report.meta.published?);
    let due = Date::new(year + 1, deadline.month, deadline.day)?;
    (published > due).then(|| {
        Finding::new(
            Rule::H11,
            Severity::Warning,
            vec![Place::Meta(crate::check::MetaField::Published)],
            format!(
                "逾期发布：发布日期{}晚于发布期限{}（条例第四十九条，或本地规定的期限）",
                published.chinese(),
                due.chinese()
            ),
        )
    })
}

/// Every finding about a draft, in one order: import, report checks, draft checks, cross-year;
/// each marked with its [`Source`].
pub fn analyze(draft: &Draft, ctx: &Context) -> Vec<Finding> {
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
    findings.extend(check_draft(draft).into_iter().map(|f| match f.rule {
        Rule::Import => f.from_source(Source::Import),
        _ => f,
    }));
    findings.extend(check_deadline(&draft.report, ctx.deadline));
    if let Some(previous) = ctx.previous {
        findings.extend(
            cross::check_against_previous(&draft.report, previous)
                .into_iter()
                .map(|f| f.from_source(Source::CrossYear)),
        );
    }
    demote_uncertain(findings, &draft.uncertain_cells())
}

/// Rules whose findings are arithmetic or completeness over cells.
const RESTS_ON_CELLS: [Rule; 6] = [Rule::O1, Rule::S1, Rule::S2, Rule::S4, Rule::S7, Rule::H1];

fn demote_uncertain(findings: Vec<Finding>, uncertain: &BTreeSet<usize>) -> Vec<Finding> {
    if uncertain.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        .map(|f| {
            let rests = RESTS_ON_CELLS.contains(&f.rule)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Provenance;
    use crate::model::{CellValue, OrganKind};
    use crate::template::{T3_COLUMNS, t3};

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
        let found = analyze(&draft, &Context::default());
        assert_eq!(errors(&draft), 0, "{found:?}");
        assert!(found.iter().any(|f| f.rule == Rule::Import
            && f.source == Source::Import
            && f.message.contains("无法可靠读取")));
        // The reviewer types the totals: the cells are no longer uncertain.
        draft.report.set_cell(t3(23, 0), CellValue::Count(2));
        assert!(errors(&draft) > 0);
    }
}
