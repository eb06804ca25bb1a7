//! The repetition rate: the share of this year's 正文 that repeats last year's report,
//! sentence by sentence (a city's assessment takes points off above 50 %: "与上年度重复率
//! 大于50%"). A sentence repeats when, after normalising, it equals one of last year's
//! sentences anywhere in that report: spaces dropped, every number written as `#` (a year or
//! a count changed is still the same sentence), full-width letters and punctuation folded.
//! Sentences shorter than [`MIN_SENTENCE`] characters ("无", a lone heading) are not counted.

use std::collections::HashSet;
use std::ops::Range;

use crate::model::Report;
use crate::template::{Part, TEXTS, TextId};

/// Sentences with fewer characters than this (after normalising) are not counted.
pub const MIN_SENTENCE: usize = 6;

/// The repetition of one text field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldRepetition {
    pub id: Option<TextId>,
    /// Sentences counted.
    pub sentences: usize,
    /// Of those, the ones that repeat last year's.
    pub repeated: usize,
    /// Where the repeated sentences stand in the field's text (byte ranges), to mark them.
    pub ranges: Vec<Range<usize>>,
}

/// The repetition of a whole report against last year's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repetition {
    /// Per text field with at least one counted sentence, in template order.
    pub fields: Vec<FieldRepetition>,
}

/// A share as a percentage, kept exact as a fraction of counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub part: usize,
    pub whole: usize,
}

impl Share {
    /// The share in per cent, rounded to one decimal (`62.5`).
    pub fn percent(self) -> f64 {
        if self.whole == 0 {
            return 0.0;
        }
        (self.part as f64 * 1000.0 / self.whole as f64).round() / 10.0
    }

    /// True when the share is above `percent` per cent (exactly, in integers).
    pub fn above(self, percent: u8) -> bool {
        self.part * 100 > usize::from(percent) * self.whole
    }

    /// `62.5%` (no decimal when it is whole: `50%`).
    pub fn text(self) -> String {
        let p = self.percent();
        if p.fract() == 0.0 {
            format!("{p:.0}%")
        } else {
            format!("{p:.1}%")
        }
    }
}

impl Repetition {
    /// The share of all counted sentences that repeat; None when nothing is counted.
    pub fn overall(&self) -> Option<Share> {
        let whole: usize = self.fields.iter().map(|f| f.sentences).sum();
        let part: usize = self.fields.iter().map(|f| f.repeated).sum();
        (whole > 0).then_some(Share { part, whole })
    }

    /// The share within one part of the report (基本信息 holds the 导语).
    pub fn of_part(&self, part: Part) -> Option<Share> {
        let fields = self
            .fields
            .iter()
            .filter(|f| f.id.map(|id| crate::finding::Place::Text(id).part()) == Some(part));
        let (mut whole, mut repeated) = (0, 0);
        for f in fields {
            whole += f.sentences;
            repeated += f.repeated;
        }
        (whole > 0).then_some(Share {
            part: repeated,
            whole,
        })
    }

    /// The field's repetition, when it has counted sentences.
    pub fn of_field(&self, id: TextId) -> Option<&FieldRepetition> {
        self.fields.iter().find(|f| f.id == Some(id))
    }
}

/// A sentence as compared: no spaces, numbers as `#`, full-width forms folded.
pub fn normalized(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut in_number = false;
    for c in sentence.chars() {
        let c = fold(c);
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() || c == '.' && in_number {
            if !in_number {
                out.push('#');
            }
            in_number = true;
            continue;
        }
        in_number = false;
        out.push(c);
    }
    out
}

/// Full-width ASCII forms (ＡＢＣ１２３，：) as their ASCII, the ideographic space as a space.
fn fold(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The normalised sentences of every text of a report (or of texts kept from it).
fn sentence_set<'a>(texts: impl Iterator<Item = &'a str>) -> HashSet<String> {
    texts
        .flat_map(crate::textscan::sentences)
        .map(normalized)
        .filter(|n| n.chars().count() >= MIN_SENTENCE)
        .collect()
}

/// The repetition of `current`'s texts against last year's texts.
pub fn repetition<'a>(current: &Report, last_year: impl Iterator<Item = &'a str>) -> Repetition {
    let before = sentence_set(last_year);
    let mut fields = Vec::new();
    for spec in &TEXTS {
        let Some(text) = current.text(spec.id) else {
            continue;
        };
        let mut field = FieldRepetition {
            id: Some(spec.id),
            ..FieldRepetition::default()
        };
        for (range, sentence) in crate::textscan::sentence_spans(text) {
            let n = normalized(sentence);
            if n.chars().count() < MIN_SENTENCE {
                continue;
            }
            field.sentences += 1;
            if before.contains(&n) {
                field.repeated += 1;
                field.ranges.push(range);
            }
        }
        if field.sentences > 0 {
            fields.push(field);
        }
    }
    Repetition { fields }
}

/// The repetition of `current` against last year's report.
pub fn against_report(current: &Report, previous: &Report) -> Repetition {
    repetition(current, TEXTS.iter().filter_map(|t| previous.text(t.id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganKind;

    #[test]
    fn numbers_and_spaces_do_not_make_a_sentence_new() {
        assert_eq!(
            normalized("全年受理申请 12 件，办结１１件。"),
            normalized("全年受理申请3件，办结 2 件。")
        );
        assert_ne!(normalized("加强平台建设"), normalized("加强队伍建设"));
        assert_eq!(normalized("２０２５年１月１日"), "#年#月#日");
    }

    #[test]
    fn rate_counts_sentences_and_marks_the_repeated_ones() {
        let mut last = Report::new("某县人民政府", OrganKind::Government, 2024);
        last.set_text(
            TextId::S1_1,
            "2024年，我县主动公开政府信息120条。持续优化政府网站栏目设置。无",
        );
        last.set_text(TextId::S5, "存在的主要问题是公开内容不够全面。");
        let mut now = Report::new("某县人民政府", OrganKind::Government, 2025);
        // Three of four counted sentences repeat: the first with its numbers changed, one
        // moved to another section; 无 is not counted.
        now.set_text(
            TextId::S1_1,
            "2025年，我县主动公开政府信息135条。新开设政策解读专栏。无",
        );
        now.set_text(
            TextId::S5,
            "存在的主要问题是公开内容不够全面。持续优化政府网站栏目设置。",
        );
        let r = against_report(&now, &last);
        assert_eq!(r.overall(), Some(Share { part: 3, whole: 4 }));
        assert_eq!(r.overall().unwrap().text(), "75%");
        assert!(r.overall().unwrap().above(50));
        assert_eq!(Share { part: 1, whole: 2 }.text(), "50%");
        assert!(
            !Share { part: 1, whole: 2 }.above(50),
            "50% is not above 50%"
        );
        let s5 = r.of_field(TextId::S5).unwrap();
        let text = now.text(TextId::S5).unwrap();
        assert_eq!(s5.ranges.len(), 2);
        assert_eq!(
            &text[s5.ranges[0].clone()],
            "存在的主要问题是公开内容不够全面。"
        );
        assert_eq!(
            r.of_part(Part::Section(crate::template::SectionId::S1)),
            Some(Share { part: 1, whole: 2 })
        );
        assert_eq!(Share { part: 5, whole: 8 }.text(), "62.5%");
        assert!(Share { part: 5, whole: 8 }.above(50));
        // Nothing to compare: no rate.
        let empty = Report::new("某县人民政府", OrganKind::Government, 2025);
        assert_eq!(against_report(&empty, &last).overall(), None);
    }
}
