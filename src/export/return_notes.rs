//! 退回意见: what a reviewer sends back to the unit that drafted the report — the findings
//! still open, the reviewer's open notes and the 说明 that went stale — with the organ, the
//! year and the date, set as a PDF in the report's typography or as text.

use super::pdf::Letter;
use crate::analysis::Analysis;
use crate::draft::Draft;
use crate::finding::{Place, Source};
use crate::model::Date;
use crate::review::Explained;

/// What a place is called in a letter (see [`Place::name`]).
pub fn place_label(place: Place) -> String {
    place.name()
}

/// The heading of the letter's last part: what the reviewer's import of the published file
/// could not read reliably. Not the unit's problem; listed for the reviewer to check against
/// the original.
pub const UNREAD_HEADING: &str =
    "附：审核方未能可靠读取的内容（请审核人核对原件，不属于报送单位的问题）";

/// The 退回意见 of a draft as analysed; `reviewer` signs it, `date` dates it.
pub fn return_notes(draft: &Draft, analysis: &Analysis, reviewer: &str, date: Date) -> Letter {
    return_notes_with(draft, analysis, reviewer, date, &LetterChoice::default())
}

/// A finding about the reviewer's reading of a published file, not about the report: what
/// the import could not read or placed by guess. What the import found *in* the document
/// (a label that differs from the template, the 2019 format, a subtotal row) is the
/// unit's.
pub fn is_reading_problem(f: &crate::finding::Finding) -> bool {
    f.source == Source::Import
        && matches!(
            f.rule,
            crate::finding::Rule::Import | crate::finding::Rule::Ocr | crate::finding::Rule::S9
        )
}

/// What the reviewer chose to send: findings left out (by index into the analysis'
/// findings), and whether what the import could not read is listed for the reviewer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterChoice {
    pub leave_out: std::collections::BTreeSet<usize>,
    pub include_unread: bool,
}

impl Default for LetterChoice {
    fn default() -> Self {
        LetterChoice {
            leave_out: Default::default(),
            include_unread: true,
        }
    }
}

impl LetterChoice {
    /// Leaves every finding of `rule` out of the letter.
    pub fn leave_out_rule(&mut self, analysis: &Analysis, rule: crate::finding::Rule) {
        self.leave_out.extend(
            analysis
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.rule == rule)
                .map(|(k, _)| k),
        );
    }
}

/// The letter with the reviewer's choice of findings.
pub fn return_notes_with(
    draft: &Draft,
    analysis: &Analysis,
    reviewer: &str,
    date: Date,
    choice: &LetterChoice,
) -> Letter {
    let report = &draft.report;
    let numbered = |items: Vec<String>| -> Vec<String> {
        items
            .into_iter()
            .enumerate()
            .map(|(k, s)| format!("{}. {s}", k + 1))
            .collect()
    };
    // The unit's problems, and apart from them what the reviewer's import could not read
    // (the published original may well be right there).
    let (unread, mut open): (Vec<_>, Vec<_>) = analysis
        .findings
        .iter()
        .zip(&analysis.explained)
        .enumerate()
        .filter(|(k, (_, e))| {
            !matches!(e, Some(Explained::Current(_))) && !choice.leave_out.contains(k)
        })
        .map(|(_, (f, _))| (is_reading_problem(f), f.severity, f))
        .partition(|(import, _, _)| *import);
    open.sort_by_key(|(_, s, _)| *s);
    let open = letter_items(open.into_iter().map(|(_, _, f)| f));
    let unread: Vec<String> = if choice.include_unread {
        unread.into_iter().map(|(_, _, f)| letter_line(f)).collect()
    } else {
        Vec::new()
    };
    let notes: Vec<String> = draft
        .review
        .notes
        .iter()
        .filter(|n| !n.resolved)
        .map(|n| {
            format!(
                "{}：{}（{} {}）",
                place_label(n.place),
                n.text,
                n.author,
                n.at
            )
        })
        .collect();
    let stale: Vec<String> = analysis
        .explained_findings(&draft.review.explanations)
        .filter(|(_, _, stale)| *stale)
        .map(|(f, e, _)| {
            format!(
                "{}——原说明（{} {}）：{}",
                letter_line(f),
                e.author,
                e.at,
                e.text
            )
        })
        .collect();
    let total = open.len() + notes.len() + stale.len();
    let intro = if total == 0 {
        format!("经审核，《{}》没有需要修改的问题。", report.title())
    } else {
        format!(
            "经审核，《{}》有以下{total}处需要修改或说明，请修改后重新报送。",
            report.title()
        )
    };
    let mut sections = vec![(String::new(), vec![intro])];
    for (heading, items) in [
        ("一、尚未解决的问题", open),
        ("二、审核批注", notes),
        ("三、已过期的说明（所涉数值已改）", stale),
        (UNREAD_HEADING, unread),
    ] {
        if !items.is_empty() {
            sections.push((heading.to_string(), numbered(items)));
        }
    }
    Letter {
        title: format!("{}审核意见", report.title()),
        organ: report.meta.organ.trim().to_string(),
        sections,
        signature: if reviewer.trim().is_empty() {
            String::new()
        } else {
            format!("审核人：{}", reviewer.trim())
        },
        date: date.chinese(),
    }
}

/// A finding as the unit reads it: what to do (须修改 / 请核实 / 供参考), the rule's name in
/// words, the message; no rule code a unit cannot decode.
pub fn letter_line(f: &crate::finding::Finding) -> String {
    use crate::finding::Severity;
    let todo = match f.severity {
        Severity::Error => "须修改",
        Severity::Warning => "请核实",
        Severity::Info => "供参考",
    };
    let name = crate::rule_texts::text_of(f.rule).name;
    format!("【{todo}】{name}：{}", f.message)
}

/// The rules whose findings are one item of the letter, however many there are (H9: the
/// aspects of 总体情况 that are missing, listed in one item).
const ONE_ITEM: [crate::finding::Rule; 1] = [crate::finding::Rule::H9];

/// The letter's items for these findings (in order): one line each, the findings of a rule of
/// [`ONE_ITEM`] joined into the item of its first.
fn letter_items<'a>(findings: impl Iterator<Item = &'a crate::finding::Finding>) -> Vec<String> {
    let mut items: Vec<(Option<crate::finding::Rule>, String)> = Vec::new();
    for f in findings {
        let grouped = ONE_ITEM.contains(&f.rule).then_some(f.rule);
        match items
            .iter_mut()
            .find(|(r, _)| grouped.is_some() && *r == grouped)
        {
            Some((_, line)) => {
                line.push('；');
                line.push_str(&f.message);
            }
            None => items.push((grouped, letter_line(f))),
        }
    }
    items.into_iter().map(|(_, line)| line).collect()
}

/// A letter as text: the title, the sections, the signature and the date.
pub fn to_text(letter: &Letter) -> String {
    let mut out = format!("{}\n\n", letter.title);
    for (heading, paragraphs) in &letter.sections {
        if !heading.is_empty() {
            out.push_str(&format!("{heading}\n\n"));
        }
        for p in paragraphs {
            out.push_str(&format!("{p}\n"));
        }
        out.push('\n');
    }
    if !letter.signature.is_empty() {
        out.push_str(&format!("{}\n", letter.signature));
    }
    out.push_str(&format!("{}\n", letter.date));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Context, analyze};
    use crate::model::{CellValue, OrganKind, Report};
    use crate::review::Note;
    use crate::template::t3;

    #[test]
    fn open_findings_notes_and_a_date() {
        let mut r = Report::new("某县财政局", OrganKind::Department, 2025);
        r.set_cell(t3(0, 0), CellValue::Count(3));
        let mut d = Draft::new(r);
        d.review.notes.push(Note {
            place: Place::Cell(t3(0, 0)),
            text: "请核对".into(),
            author: "王五".into(),
            at: crate::model::Stamp::parse("2026-01-12 15:30").unwrap(),
            resolved: false,
        });
        let a = analyze(&d, &Context::default());
        let letter = return_notes(&d, &a, "王五", Date::new(2026, 1, 13).unwrap());
        let text = to_text(&letter);
        assert!(text.starts_with("某县财政局2025年政府信息公开工作年度报告审核意见"));
        assert!(
            text.contains("一、尚未解决的问题") && text.contains("1. 【须修改】表三收支不平衡："),
            "{text}"
        );
        assert!(!text.contains("[错误]") && !text.contains("O1"), "{text}");
        // H9's aspects, one item however many are missing.
        let h9 = text
            .lines()
            .filter(|l| l.contains("总体情况缺少方面"))
            .count();
        assert_eq!(h9, 1, "{text}");
        assert!(
            text.contains("二、审核批注") && text.contains("表三 一·自然人：请核对（王五"),
            "{text}"
        );
        assert!(!text.contains("三、已过期的说明"));
        assert!(text.ends_with("审核人：王五\n2026年1月13日\n"));
    }

    #[test]
    fn what_the_import_could_not_read_is_apart_and_named_in_chinese() {
        use crate::import::Provenance;
        let mut r = Report::new("某县财政局", OrganKind::Department, 2025);
        for c in 0..7 {
            r.set_cell(t3(1, c), CellValue::Count(0));
        }
        let mut d = Draft::new(r);
        // Row 一 could not be read on import: left blank, marked uncertain.
        for c in 0..7 {
            d.read_as
                .insert(t3(0, c), (Provenance::Uncertain, CellValue::Blank));
        }
        let a = analyze(&d, &Context::default());
        let text = to_text(&return_notes(
            &d,
            &a,
            "王五",
            Date::new(2026, 1, 13).unwrap(),
        ));
        let (unit, reviewer) = text
            .split_once(UNREAD_HEADING)
            .expect("a part for the reviewer");
        assert!(
            !unit.contains("IMPORT") && !unit.contains("无法可靠读取"),
            "{unit}"
        );
        assert!(reviewer.contains("表三 一（整行）"), "{reviewer}");
        assert!(!text.contains("t3."), "no internal cell id: {text}");
    }
}
