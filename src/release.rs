//! What exporting the final version means, decided once for the CLI and the editor: a final
//! PDF is complete (机关全称, 统计年度, 落款机关 and 发布日期 given, no blank cell), has no
//! error left, and has not changed since it was last approved. Anything else is a draft and
//! carries the 草稿 watermark on every page. And what signing off means: the same gate
//! for `nianbao sign` and 编辑 → 审核通过… / 签发…, on an analysis made with the same
//! context (last year's report, the deadline).

use crate::analysis::Analysis;
use crate::draft::Draft;
use crate::export::Kind;
use crate::finding::{Rule, Severity};
use crate::model::Report;
use crate::model::Stamp;
use crate::review::{SignOff, Stage, report_digest};

/// Why a report cannot be signed off.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("请写明签署人")]
    NoName,
    /// Approval means the report is right: a report with errors is sent back, not signed.
    #[error("报告仍有 {errors} 个错误，不能{}：请先更正，或退回拟稿单位", .stage.label().trim_start_matches('已'))]
    Errors { errors: usize, stage: Stage },
}

/// Signs `draft` off at `stage` by `name` at `at` (北京时间, from the edge), as analysed
/// with the caller's context: the sign-off to add to its review record, or why not.
pub fn sign_off(
    draft: &Draft,
    analysis: &Analysis,
    stage: Stage,
    name: &str,
    at: Stamp,
) -> Result<SignOff, SignError> {
    if name.trim().is_empty() {
        return Err(SignError::NoName);
    }
    let errors = analysis.tally.errors;
    if errors > 0 {
        return Err(SignError::Errors { errors, stage });
    }
    Ok(SignOff {
        stage,
        name: name.trim().to_string(),
        at,
        digest: report_digest(&draft.report),
        report: Some(Box::new(draft.report.clone())),
    })
}

/// Whether a draft may be exported as the final version, and why not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Release {
    /// What stands in the way, in Chinese, one line each; empty when the final version may
    /// be exported.
    pub reasons: Vec<String>,
}

impl Release {
    /// True when the final version (no watermark) may be exported.
    pub fn final_allowed(&self) -> bool {
        self.reasons.is_empty()
    }
    /// True when an export must carry the 草稿 watermark.
    pub fn watermark(&self) -> bool {
        !self.final_allowed()
    }
}

/// Decides whether `draft`, as analysed, may be exported as the final version.
pub fn release(draft: &Draft, analysis: &Analysis) -> Release {
    let report = &draft.report;
    let meta = &report.meta;
    let mut reasons = Vec::new();
    let missing: Vec<&str> = [
        (meta.organ.trim().is_empty(), "机关全称"),
        (
            meta.year.is_none() && meta.refused.year.is_none(),
            "统计年度",
        ),
        (meta.signature.trim().is_empty(), "落款机关"),
        (
            meta.published.is_none() && meta.refused.published.is_none(),
            "发布日期",
        ),
    ]
    .into_iter()
    .filter(|(absent, _)| *absent)
    .map(|(_, name)| name)
    .collect();
    if !missing.is_empty() {
        reasons.push(format!("缺少{}", missing.join("、")));
    }
    for (typed, name) in [
        (&meta.refused.year, "统计年度"),
        (&meta.refused.published, "发布日期"),
    ] {
        if let Some(typed) = typed {
            reasons.push(format!("{name}“{typed}”无效"));
        }
    }
    let errors = analysis.tally.errors;
    if errors > 0 {
        reasons.push(format!("仍有 {errors} 个错误（见问题列表）"));
    }
    let blanks: usize = analysis
        .findings
        .iter()
        .filter(|f| f.rule == Rule::S7 && f.severity != Severity::Info)
        .map(|f| f.places.len())
        .sum();
    if blanks > 0 {
        reasons.push(format!("有 {blanks} 个空白单元格（没有数据应填0）"));
    }
    if let Some((s, true)) = draft.review.state(report) {
        let stage = s.stage.label().trim_start_matches('已');
        reasons.push(format!(
            "报告在{stage}（{} {}）后已修改，请重新{stage}",
            s.name, s.at
        ));
    }
    Release { reasons }
}

/// What a published copy would lose: the exported document read back as a published
/// report (as a reviewer or a website would read it) and compared with the report, as
/// lines naming each 基本信息 field, cell and text that differs. Whitespace does not count
/// (a web page collapses it); every other character does, 〔〕 and 年月日 included. Empty when
/// nothing is lost. (JSON is not a published form and is not read back.)
pub fn read_back(report: &Report, kind: Kind, bytes: &[u8]) -> Vec<String> {
    let extension = match kind {
        Kind::Text => "txt",
        Kind::WebFragment | Kind::WebPage => "html",
        Kind::Word => "docx",
        Kind::Json => return Vec::new(),
    };
    let path = std::path::PathBuf::from(format!("导出.{extension}"));
    let mut read = match crate::import::import_bytes(&path, bytes) {
        Ok(imported) => imported.report,
        Err(e) => return vec![format!("导出的文件无法读回：{e}")],
    };
    // The kind of organ is not printed (a reader infers it from the name): not compared.
    read.meta.organ_kind = report.meta.organ_kind;
    let d = crate::diff::diff_content(report, &read);
    let mut lost: Vec<String> = d
        .meta
        .iter()
        .map(|(field, was, now)| format!("{field}：“{was}”读回为“{now}”"))
        .collect();
    lost.extend(d.cells.iter().map(|(id, was, now)| {
        let name = crate::template::TEMPLATE
            .index_of(id)
            .map_or(id.as_str(), |i| {
                crate::template::TEMPLATE.cells[i].short_name.as_str()
            });
        format!("{name}：“{was}”读回为“{now}”")
    }));
    let compact = |t: Option<&str>| -> String {
        t.unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    for spec in &crate::template::TEXTS {
        let (was, now) = (compact(report.text(spec.id)), compact(read.text(spec.id)));
        if was != now {
            let at = was
                .chars()
                .zip(now.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let around = |t: &str| {
                t.chars()
                    .skip(at.saturating_sub(8))
                    .take(24)
                    .collect::<String>()
            };
            lost.push(format!(
                "正文“{}”：“…{}…”读回为“…{}…”",
                spec.heading.unwrap_or(spec.name),
                around(&was),
                around(&now)
            ));
        }
    }
    lost
}

/// 空白格填0: the blank cells the blank-cell check (S7) names — of the whole report, of one
/// table, or of one finding's `cells` — set to 0, computed totals never touched (they follow
/// from their parts). Returns how many cells were filled.
pub fn fill_blanks_with_zero(draft: &mut Draft, analysis: &Analysis, within: ZeroFill) -> usize {
    use crate::finding::Place;
    use crate::template::TEMPLATE;
    let cells: std::collections::BTreeSet<usize> = analysis
        .findings
        .iter()
        .filter(|f| f.rule == Rule::S7)
        .flat_map(|f| f.places.iter())
        .filter_map(|p| match p {
            Place::Cell(i) => Some(*i),
            _ => None,
        })
        .filter(|&i| match &within {
            ZeroFill::All => true,
            ZeroFill::Table(t) => TEMPLATE.cells[i].table == *t,
            ZeroFill::Cells(only) => only.contains(&i),
        })
        .filter(|&i| !TEMPLATE.cells[i].computed && draft.report.cell(i).is_blank())
        .collect();
    for &i in &cells {
        let zero = crate::model::CellValue::from_source(TEMPLATE.cells[i].kind, "0");
        draft.report.set_cell(i, zero);
    }
    cells.len()
}

/// Which blank cells 空白格填0 fills.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZeroFill {
    /// Every blank cell of the report.
    All,
    /// The blank cells of one table.
    Table(crate::template::TableId),
    /// These cells (a blank-cell finding's), where blank.
    Cells(Vec<usize>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Context, analyze};
    use crate::model::{OrganKind, Report};

    #[test]
    fn an_empty_report_is_no_final_version() {
        let mut r = Report::new("", OrganKind::Government, 2025);
        r.meta.year = None;
        let d = Draft::new(r);
        let rel = release(&d, &analyze(&d, &Context::default()));
        assert!(!rel.final_allowed() && rel.watermark());
        assert_eq!(rel.reasons[0], "缺少机关全称、统计年度、落款机关、发布日期");
        assert!(
            rel.reasons.iter().any(|r| r.contains("空白单元格")),
            "{:?}",
            rel.reasons
        );
    }

    #[test]
    fn every_published_form_reads_back_whole_and_a_lost_character_is_named() {
        // A department named so that its kind cannot be told from the name: still whole.
        let mut r = Report::new("某县政务服务管理办公室", OrganKind::Township, 2025);
        r.set_text(
            crate::template::TextId::Intro,
            "本报告依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，统计期限自2025年1月1日起至2025年12月31日止。",
        );
        r.set_text(crate::template::TextId::S6, "本年度未收取信息处理费。");
        r.set_cell(crate::template::t3(0, 0), crate::model::CellValue::Count(3));
        r.meta.published = crate::model::Date::new(2026, 1, 20);
        let date = crate::model::Date::new(2026, 1, 20).unwrap();
        for kind in [Kind::Text, Kind::WebFragment, Kind::WebPage, Kind::Word] {
            let bytes = crate::export::to_bytes(&r, kind, date);
            assert_eq!(
                read_back(&r, kind, &bytes),
                Vec::<String>::new(),
                "{kind:?}"
            );
        }
        // What a website editor does to the page: 〔〕 dropped, a cell's number lost.
        let page = String::from_utf8(crate::export::to_bytes(&r, Kind::WebPage, date)).unwrap();
        let mangled = page.replace("〔2021〕", "2021").replacen(">3<", "><", 1);
        let lost = read_back(&r, Kind::WebPage, mangled.as_bytes());
        assert!(
            lost.iter()
                .any(|l| l.starts_with("正文“导语”") && l.contains("〔2021〕")),
            "{lost:?}"
        );
        assert!(lost.iter().any(|l| l.contains("“3”读回为“”")), "{lost:?}");
    }

    #[test]
    fn blank_cells_are_filled_with_zero_never_a_total() {
        use crate::model::{CellValue, OrganKind};
        use crate::template::TableId;
        use crate::template::{TEMPLATE, t3};
        let mut report = Report::new("某县财政局", OrganKind::Department, 2025);
        report.set_cell(t3(0, 0), CellValue::Count(2));
        let mut draft = Draft::new(report);
        crate::analysis::apply_totals_rule(&mut draft);
        let analyze = |d: &Draft| crate::analysis::analyze(d, &Default::default());
        // One table: only 表三's blanks.
        let a = analyze(&draft);
        let n = fill_blanks_with_zero(&mut draft, &a, ZeroFill::Table(TableId::T3));
        assert!(n > 100, "{n}");
        let t3_blank = (0..TEMPLATE.cells.len())
            .filter(|&i| TEMPLATE.cells[i].table == TableId::T3 && !TEMPLATE.cells[i].computed)
            .filter(|&i| !TEMPLATE.cells[i].legacy_2019)
            .any(|i| draft.report.cell(i).is_blank());
        assert!(!t3_blank);
        assert_eq!(
            draft.report.cell(t3(0, 0)),
            &CellValue::Count(2),
            "a value stays"
        );
        assert!(
            draft.report.cell(t3(1, 6)).is_blank(),
            "二's total is computed from its parts, not filled"
        );
        let t2_before = draft.report.cell(crate::template::t2(0, 0, 0)).clone();
        assert!(t2_before.is_blank(), "表二 untouched");
        // Everything else.
        let a = analyze(&draft);
        let rest = fill_blanks_with_zero(&mut draft, &a, ZeroFill::All);
        assert!(rest > 0);
        crate::analysis::apply_totals_rule(&mut draft);
        assert!(!analyze(&draft).findings.iter().any(|f| f.rule == Rule::S7));
    }
}
