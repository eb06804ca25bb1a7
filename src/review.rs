//! Review kept in the draft: a 说明 that explains a warning (and goes stale when a value it
//! covered changes), and the sign-off states 拟稿 → 已审核 → 已签发, each with a digest of
//! the report's content so a change after a sign-off shows as "签发后已修改".

use crate::finding::{Finding, Place, Rule, Severity};
use crate::model::{Report, Stamp};

/// A written 说明 for a 警告 or 提示: the rule, the places and the values they had, who wrote
/// it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub rule: Rule,
    /// The finding's places, sorted by stable id (`t3.r1.np`, `s6`, `organ`).
    pub places: Vec<Place>,
    /// What each place held when the 说明 was written (a text by its digest).
    pub values: Vec<String>,
    /// Which finding of that rule at those places it explains: its message without the
    /// numbers (which may change; the values say whether they did). Empty in 说明 of older
    /// drafts, which then cover every finding of the rule at the places.
    pub finding: String,
    pub text: String,
    pub author: String,
    /// When it was written.
    pub at: Stamp,
}

/// A stage of the report's approval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// 已审核: the reviewing office checked it.
    Reviewed,
    /// 已签发: the leader signed it for publication.
    Signed,
}

impl Stage {
    /// 已审核 / 已签发.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reviewed => "已审核",
            Stage::Signed => "已签发",
        }
    }

    /// Parses a label (`审核`/`已审核`, `签发`/`已签发`).
    pub fn parse(s: &str) -> Option<Stage> {
        match s.trim().trim_start_matches('已') {
            "审核" => Some(Stage::Reviewed),
            "签发" => Some(Stage::Signed),
            _ => None,
        }
    }

    /// What the title bar says when the report changed after this stage.
    pub fn modified_label(self) -> &'static str {
        match self {
            Stage::Reviewed => "审核后已修改",
            Stage::Signed => "签发后已修改",
        }
    }
}

/// One sign-off: the stage, who, when, and the digest of the report it approved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOff {
    pub stage: Stage,
    pub name: String,
    /// When it was signed.
    pub at: Stamp,
    /// [`report_digest`] of the report as approved.
    pub digest: String,
    /// The report as approved, to show what changed since without a second file.
    pub report: Option<Box<Report>>,
}

/// A reviewer's note (退回意见) on a cell, a text field, a meta field or a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub place: Place,
    pub text: String,
    pub author: String,
    /// When it was written.
    pub at: Stamp,
    /// Dealt with by the unit (kept, shown as resolved).
    pub resolved: bool,
}

/// The review record of a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    pub explanations: Vec<Explanation>,
    pub sign_offs: Vec<SignOff>,
    pub notes: Vec<Note>,
}

impl SignOff {
    /// `已审核时（王五 2026-01-21 09:00）`: the approved version, as named in comparisons.
    pub fn describe(&self) -> String {
        format!("{}时（{} {}）", self.stage.label(), self.name, self.at)
    }
}

impl Review {
    /// True when there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.explanations.is_empty() && self.sign_offs.is_empty() && self.notes.is_empty()
    }

    /// The notes not yet resolved on a place.
    pub fn open_notes_at(&self, place: Place) -> impl Iterator<Item = &Note> {
        self.notes
            .iter()
            .filter(move |n| !n.resolved && n.place == place)
    }

    /// The approval state of `report`: the last sign-off, and whether the report changed
    /// since (None: 拟稿, never signed off).
    pub fn state(&self, report: &Report) -> Option<(&SignOff, bool)> {
        let last = self.sign_offs.last()?;
        Some((last, last.digest != report_digest(report)))
    }

    /// Where `report` stands in its approval (None: 拟稿, never signed off).
    pub fn approval(&self, report: &Report) -> Option<Approval> {
        self.state(report).map(|(s, modified)| {
            if modified {
                Approval::ChangedSince(s.stage)
            } else {
                Approval::Approved(s.stage)
            }
        })
    }

    /// One line for the title and status bars: `已签发`, `签发后已修改`, or None for 拟稿.
    pub fn state_label(&self, report: &Report) -> Option<&'static str> {
        self.approval(report).map(Approval::label)
    }
}

/// A signed-off report's state: as approved, or changed since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approval {
    /// Unchanged since this stage's sign-off.
    Approved(Stage),
    /// Changed since this stage's sign-off: the sign-off no longer covers it.
    ChangedSince(Stage),
}

impl Approval {
    /// `已签发`, `签发后已修改`, …
    pub fn label(self) -> &'static str {
        match self {
            Approval::Approved(stage) => stage.label(),
            Approval::ChangedSince(stage) => stage.modified_label(),
        }
    }
}

/// FNV-1a, 64 bits, as 16 hex digits: a stable digest (not a security measure: it tells that
/// the content changed, like a checksum).
pub(crate) fn fnv1a(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A digest of everything the report says: meta, texts and cells (the draft's settings and
/// review record left out).
pub fn report_digest(report: &Report) -> String {
    let mut s = String::new();
    let m = &report.meta;
    s.push_str(&format!(
        "{}\u{1}{}\u{1}{:?}\u{1}{:?}\u{1}{}\u{1}{}\u{1}",
        report.format.key(),
        m.organ,
        m.year,
        m.published.map(|d| d.iso()),
        m.signature,
        m.organ_kind.label()
    ));
    for spec in crate::template::TEXTS.iter() {
        match report.text(spec.id) {
            Some(t) => s.push_str(t),
            None => s.push('\u{2}'),
        }
        s.push('\u{1}');
    }
    for v in report.cells() {
        s.push_str(&v.display());
        s.push('\u{1}');
    }
    fnv1a(s.as_bytes())
}

/// What a place holds now, as compared by a 说明 (a text by its digest).
fn value_at(report: &Report, place: &Place) -> String {
    use crate::finding::MetaField;
    match place {
        Place::Cell(i) => report.cell(*i).display(),
        Place::Text(t) => report
            .text(*t)
            .map_or_else(|| "absent".into(), |t| fnv1a(t.as_bytes())),
        Place::Meta(m) => match m {
            MetaField::Organ => report.meta.organ.clone(),
            MetaField::OrganKind => report.meta.organ_kind.label().to_string(),
            MetaField::Year => format!("{:?}", report.meta.year),
            MetaField::Published => format!("{:?}", report.meta.published.map(|d| d.iso())),
            MetaField::Signature => report.meta.signature.clone(),
        },
        Place::Table(_) | Place::Section(_) => String::new(),
    }
}

/// A finding's places, sorted by stable id, each once.
/// Which finding this is, whatever its numbers became: the rule, the places by stable id and
/// the message without numbers (`S1@t3.r1.np,t3.r3_7.np#…`). A returned finding whose key no
/// finding of the resubmission has is resolved.
pub fn finding_key(finding: &Finding) -> String {
    let places: Vec<String> = sorted_places(finding)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    format!(
        "{}@{}#{}",
        finding.rule.id(),
        places.join(","),
        message_stem(&finding.message)
    )
}

fn sorted_places(finding: &Finding) -> Vec<(String, Place)> {
    let mut places: Vec<(String, Place)> = finding
        .places
        .iter()
        .map(|p| (p.id().to_string(), *p))
        .collect();
    places.sort_by(|a, b| a.0.cmp(&b.0));
    places.dedup_by(|a, b| a.0 == b.0);
    places
}

/// The values the places hold now, in the same order.
fn values_at(report: &Report, places: &[(String, Place)]) -> Vec<String> {
    places.iter().map(|(_, p)| value_at(report, p)).collect()
}

/// A finding's places sorted by stable id, with the values they hold now.
fn places_and_values(report: &Report, finding: &Finding) -> (Vec<Place>, Vec<String>) {
    let places = sorted_places(finding);
    let values = values_at(report, &places);
    (places.into_iter().map(|(_, p)| p).collect(), values)
}

/// True when the 说明's places are these (compared by stable id, as saved).
fn same_places(explained: &[Place], places: &[(String, Place)]) -> bool {
    explained.len() == places.len() && explained.iter().zip(places).all(|(a, (b, _))| a.id() == b)
}

/// Why a finding cannot be explained.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExplainError {
    #[error("错误不能以说明代替修改，请更正报告")]
    IsAnError,
    #[error("说明不能为空")]
    Empty,
}

/// A 说明 for a finding of this report, as it stands now.
pub fn explain(
    report: &Report,
    finding: &Finding,
    text: &str,
    author: &str,
    at: Stamp,
) -> Result<Explanation, ExplainError> {
    if finding.severity == Severity::Error {
        return Err(ExplainError::IsAnError);
    }
    if text.trim().is_empty() {
        return Err(ExplainError::Empty);
    }
    let (places, values) = places_and_values(report, finding);
    Ok(Explanation {
        rule: finding.rule,
        places,
        values,
        finding: message_stem(&finding.message),
        text: text.trim().to_string(),
        author: author.trim().to_string(),
        at,
    })
}

/// A finding's message without its numbers: which finding of a rule at a place a 说明
/// explains, whatever the numbers became since.
pub fn message_stem(message: &str) -> String {
    message
        .chars()
        .filter(|c| !c.is_ascii_digit() && *c != '.' && *c != '-')
        .collect()
}

/// The findings one 说明 covers: those of its rule at its places, and (for a 说明 of an
/// older draft, which does not say which) every one of them.
pub fn covered<'a>(
    explanation: &Explanation,
    findings: &'a [Finding],
) -> impl Iterator<Item = &'a Finding> {
    findings.iter().filter(move |f| {
        let places = sorted_places(f);
        f.rule == explanation.rule
            && same_places(&explanation.places, &places)
            && (explanation.finding.is_empty() || explanation.finding == message_stem(&f.message))
    })
}

/// How a finding stands against the draft's 说明.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Explained {
    /// Explained, and nothing it covered changed: not counted.
    Current(usize),
    /// Explained once, but a value it covered changed: the warning is back, the old 说明 shown.
    Stale(usize),
}

/// The 说明 (index into `explanations`) that covers this finding, and whether it is still
/// current. 错误 are never explained.
pub fn explained(
    report: &Report,
    explanations: &[Explanation],
    finding: &Finding,
) -> Option<Explained> {
    if finding.severity == Severity::Error {
        return None;
    }
    // The places first, the values only for a finding that has a 说明: a value can be the
    // digest of a whole text, too costly to take for every finding of every analysis.
    let places = sorted_places(finding);
    let stem = message_stem(&finding.message);
    let (k, e) = explanations.iter().enumerate().rev().find(|(_, e)| {
        e.rule == finding.rule
            && same_places(&e.places, &places)
            && (e.finding.is_empty() || e.finding == stem)
    })?;
    Some(if e.values == values_at(report, &places) {
        Explained::Current(k)
    } else {
        Explained::Stale(k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellValue, OrganKind};
    use crate::template::t3;

    fn stamp(s: &str) -> Stamp {
        Stamp::parse(s).unwrap()
    }

    fn warning(cell: usize) -> Finding {
        Finding::new(
            Rule::H14,
            Severity::Warning,
            vec![Place::Cell(cell)],
            "积压",
        )
    }

    #[test]
    fn a_explanation_covers_the_one_finding_it_was_written_for() {
        let report = Report::new("某县", OrganKind::Government, 2025);
        let at_s1 = |m: &str| {
            Finding::new(
                Rule::H9,
                Severity::Warning,
                vec![Place::Text(crate::template::TextId::S1)],
                m,
            )
        };
        let (a, b) = (at_s1("缺少（一）主动公开"), at_s1("缺少（二）依申请公开"));
        let e = explain(&report, &a, "另行报告", "张三", stamp("2026-01-10 09:00")).unwrap();
        let list = [e.clone()];
        assert_eq!(explained(&report, &list, &a), Some(Explained::Current(0)));
        assert_eq!(
            explained(&report, &list, &b),
            None,
            "a different finding, same place"
        );
        assert_eq!(covered(&e, &[a.clone(), b.clone()]).count(), 1);
        // Its numbers may change: still the same finding (the values say it is stale).
        let w = warning(t3(0, 0));
        let mut w2 = w.clone();
        w2.message = "积压 12 件".into();
        let mut w1 = w.clone();
        w1.message = "积压 9 件".into();
        let e = explain(&report, &w1, "说明", "张三", stamp("2026-01-10 09:00")).unwrap();
        assert!(explained(&report, &[e], &w2).is_some());
        // A 说明 of an older draft (no finding named) covers all of them, as before.
        let mut old = explain(&report, &a, "另行报告", "张三", stamp("2026-01-10 09:00")).unwrap();
        old.finding.clear();
        assert_eq!(covered(&old, &[a, b]).count(), 2);
    }

    #[test]
    fn an_explanation_goes_stale_when_a_covered_value_changes() {
        let mut r = Report::new("某县人民政府", OrganKind::Government, 2025);
        r.set_cell(t3(24, 6), CellValue::Count(9));
        let f = warning(t3(24, 6));
        let e = explain(
            &r,
            &f,
            "12月集中收到申请，年底未办结",
            "张三",
            stamp("2026-01-10 09:00"),
        )
        .unwrap();
        let all = vec![e];
        assert_eq!(explained(&r, &all, &f), Some(Explained::Current(0)));
        r.set_cell(t3(24, 6), CellValue::Count(10));
        assert_eq!(explained(&r, &all, &f), Some(Explained::Stale(0)));
        // Another finding (other rule, other cells) is not covered.
        let other = Finding::new(Rule::H20, Severity::Info, vec![Place::Cell(t3(24, 6))], "x");
        assert_eq!(explained(&r, &all, &other), None);
        let error = Finding::new(Rule::O1, Severity::Error, vec![Place::Cell(t3(0, 0))], "y");
        assert_eq!(
            explain(&r, &error, "说明", "张三", stamp("2026-01-10 09:00")),
            Err(ExplainError::IsAnError)
        );
        assert_eq!(
            explain(&r, &f, "  ", "张三", stamp("2026-01-10 09:00")),
            Err(ExplainError::Empty)
        );
    }

    #[test]
    fn a_sign_off_shows_a_change_after_it() {
        let mut r = Report::new("某县人民政府", OrganKind::Government, 2025);
        let mut review = Review::default();
        assert_eq!(review.state_label(&r), None, "拟稿");
        review.sign_offs.push(SignOff {
            stage: Stage::Signed,
            name: "李四".into(),
            at: crate::model::Stamp::parse("2026-01-20 10:00").unwrap(),
            digest: report_digest(&r),
            report: Some(Box::new(r.clone())),
        });
        assert_eq!(review.state_label(&r), Some("已签发"));
        r.set_cell(t3(0, 0), CellValue::Count(1));
        assert_eq!(review.state_label(&r), Some("签发后已修改"));
        assert_eq!(Stage::parse("签发"), Some(Stage::Signed));
        assert_eq!(Stage::parse("已审核"), Some(Stage::Reviewed));
    }
}
