//! Two versions of one draft saved from the same opened version (two windows, two users on
//! a shared folder): merged field by field against that version, as a three-way merge. A
//! field changed on one side takes that change; a field changed on both sides to different
//! values is a conflict, named in Chinese. The review record (说明, 批注, 签署) is the union of
//! both, nothing dropped.

use crate::finding::{MetaField, Place};
use crate::model::Report;
use crate::template::{TEMPLATE, TEXTS};

use super::value::Draft;

/// Merges `ours` and `theirs`, both edited from `base`; the places changed on both sides
/// differently when they cannot be merged.
pub fn merge(base: &Draft, ours: &Draft, theirs: &Draft) -> Result<Draft, Vec<String>> {
    let mut conflicts = Vec::new();
    let mut out = theirs.clone();
    merge_report(&base.report, &ours.report, &mut out.report, &mut conflicts);
    out.manual_totals = *pick(
        &base.manual_totals,
        &ours.manual_totals,
        &theirs.manual_totals,
        || "手动填写合计".to_string(),
        &mut conflicts,
    );
    out.inherited_texts = pick(
        &base.inherited_texts,
        &ours.inherited_texts,
        &theirs.inherited_texts,
        || "沿用上年的正文标记".to_string(),
        &mut conflicts,
    )
    .clone();
    // Texts read by OCR, key by key: what this side changed since the base (a text confirmed
    // here) is kept, the rest is theirs.
    let keys: std::collections::BTreeSet<_> = base
        .ocr_texts
        .keys()
        .chain(ours.ocr_texts.keys())
        .copied()
        .collect();
    for k in keys {
        match (base.ocr_texts.get(&k), ours.ocr_texts.get(&k)) {
            (b, o) if b == o => {}
            (_, Some(o)) => {
                out.ocr_texts.insert(k, o.clone());
            }
            (_, None) => {
                out.ocr_texts.remove(&k);
            }
        }
    }
    // How the import read each cell: kept where either side still has it (an edited cell
    // no longer matches its reading, which then simply no longer shows).
    for (k, v) in &ours.read_as {
        out.read_as.entry(*k).or_insert_with(|| v.clone());
    }
    out.sum = pick(
        &base.sum,
        &ours.sum,
        &theirs.sum,
        || "汇总记录".to_string(),
        &mut conflicts,
    )
    .clone();
    let (b, o, t) = (&base.review, &ours.review, &theirs.review);
    out.review.explanations = union(&b.explanations, &o.explanations, &t.explanations);
    out.review.sign_offs = union(&b.sign_offs, &o.sign_offs, &t.sign_offs);
    out.review.notes = merge_notes(&b.notes, &o.notes, &t.notes);
    if conflicts.is_empty() {
        Ok(out)
    } else {
        Err(conflicts)
    }
}

fn merge_report(base: &Report, ours: &Report, out: &mut Report, conflicts: &mut Vec<String>) {
    let theirs_format = out.format;
    out.format = *pick(
        &base.format,
        &ours.format,
        &theirs_format,
        || "报告格式".into(),
        conflicts,
    );
    let meta_name = |m| Place::Meta(m).name();
    let (b, o) = (&base.meta, &ours.meta);
    let t = out.meta.clone();
    out.meta.organ = pick(
        &b.organ,
        &o.organ,
        &t.organ,
        || meta_name(MetaField::Organ),
        conflicts,
    )
    .clone();
    out.meta.organ_kind = *pick(
        &b.organ_kind,
        &o.organ_kind,
        &t.organ_kind,
        || meta_name(MetaField::OrganKind),
        conflicts,
    );
    let year = |m: &crate::model::Meta| (m.year, m.refused.year.clone());
    let (year_now, year_typed) = pick(
        &year(b),
        &year(o),
        &year(&t),
        || meta_name(MetaField::Year),
        conflicts,
    )
    .clone();
    out.meta.year = year_now;
    out.meta.refused.year = year_typed;
    let published = |m: &crate::model::Meta| (m.published, m.refused.published.clone());
    let (date, date_typed) = pick(
        &published(b),
        &published(o),
        &published(&t),
        || meta_name(MetaField::Published),
        conflicts,
    )
    .clone();
    out.meta.published = date;
    out.meta.refused.published = date_typed;
    out.meta.signature = pick(
        &b.signature,
        &o.signature,
        &t.signature,
        || meta_name(MetaField::Signature),
        conflicts,
    )
    .clone();
    for spec in TEXTS.iter() {
        let id = spec.id;
        let theirs = out.text(id).map(str::to_string);
        let chosen = pick(
            &base.text(id).map(str::to_string),
            &ours.text(id).map(str::to_string),
            &theirs,
            || Place::Text(id).name(),
            conflicts,
        )
        .clone();
        match chosen {
            Some(text) => out.set_text(id, text),
            None => out.set_absent(id),
        }
    }
    for i in 0..TEMPLATE.cells.len() {
        let theirs = out.cell(i).clone();
        let chosen = pick(
            base.cell(i),
            ours.cell(i),
            &theirs,
            || Place::Cell(i).name(),
            conflicts,
        )
        .clone();
        out.set_cell(i, chosen);
    }
}

/// The three-way choice for one field: the side that changed it, or (both changed it
/// differently) ours, with the conflict named.
fn pick<'a, T: PartialEq>(
    base: &'a T,
    ours: &'a T,
    theirs: &'a T,
    name: impl FnOnce() -> String,
    conflicts: &mut Vec<String>,
) -> &'a T {
    if ours == theirs || theirs == base {
        ours
    } else if ours == base {
        theirs
    } else {
        conflicts.push(name());
        ours
    }
}

/// Theirs, then what ours added (nothing either side had is dropped).
fn union<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out = theirs.to_vec();
    for item in ours {
        if !base.contains(item) && !out.contains(item) {
            out.push(item.clone());
        }
    }
    out
}

/// Notes by who wrote what where and when: both sides' notes, resolved where either side
/// marked it so since the base.
fn merge_notes(
    base: &[crate::review::Note],
    ours: &[crate::review::Note],
    theirs: &[crate::review::Note],
) -> Vec<crate::review::Note> {
    let key = |n: &crate::review::Note| (n.place, n.text.clone(), n.author.clone(), n.at);
    let mut out = theirs.to_vec();
    for n in ours {
        let k = key(n);
        let was = base.iter().find(|b| key(b) == k).map(|b| b.resolved);
        match out.iter_mut().find(|x| key(x) == k) {
            Some(x) if was != Some(n.resolved) => x.resolved = n.resolved,
            Some(_) => {}
            None if was.is_none() => out.push(n.clone()),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellValue, OrganKind};
    use crate::review::{Note, SignOff, Stage};
    use crate::template::{TextId, t3};

    fn base() -> Draft {
        Draft::new(Report::new("某县财政局", OrganKind::Department, 2025))
    }

    #[test]
    fn changes_on_different_fields_are_both_kept() {
        let b = base();
        let mut ours = b.clone();
        ours.report.meta.signature = "某县财政局（甲）".into();
        ours.report.set_cell(t3(0, 0), CellValue::Count(3));
        ours.report.set_text(TextId::S1_1, "本年主动公开。");
        let mut theirs = b.clone();
        theirs.report.meta.published = crate::model::Date::new(2026, 1, 20);
        theirs.review.sign_offs.push(SignOff {
            stage: Stage::Reviewed,
            name: "王五".into(),
            at: crate::model::Stamp::parse("2026-01-21 09:00").unwrap(),
            digest: "x".into(),
            report: None,
        });
        let m = merge(&b, &ours, &theirs).unwrap();
        assert_eq!(m.report.meta.signature, "某县财政局（甲）");
        assert_eq!(
            m.report.meta.published,
            crate::model::Date::new(2026, 1, 20)
        );
        assert_eq!(m.report.cell(t3(0, 0)), &CellValue::Count(3));
        assert_eq!(m.report.text(TextId::S1_1), Some("本年主动公开。"));
        assert_eq!(m.review.sign_offs.len(), 1);
        // The same merge from the other side gives the same report.
        assert_eq!(merge(&b, &theirs, &ours).unwrap().report, m.report);
    }

    #[test]
    fn the_same_field_changed_differently_is_a_conflict_named_in_chinese() {
        let b = base();
        let (mut ours, mut theirs) = (b.clone(), b.clone());
        ours.report.set_cell(t3(0, 0), CellValue::Count(3));
        theirs.report.set_cell(t3(0, 0), CellValue::Count(4));
        ours.report.meta.organ = "甲".into();
        theirs.report.meta.organ = "甲".into();
        let conflicts = merge(&b, &ours, &theirs).unwrap_err();
        assert_eq!(conflicts, vec![Place::Cell(t3(0, 0)).name()]);
        assert!(!conflicts[0].contains("t3."));
    }

    #[test]
    fn notes_of_both_sides_are_kept_and_resolved_where_either_resolved() {
        let mut b = base();
        let note = |text: &str| Note {
            place: Place::Cell(t3(0, 0)),
            text: text.into(),
            author: "王五".into(),
            at: crate::model::Stamp::parse("2026-01-10 09:00").unwrap(),
            resolved: false,
        };
        b.review.notes.push(note("原有"));
        let (mut ours, mut theirs) = (b.clone(), b.clone());
        ours.review.notes[0].resolved = true;
        ours.review.notes.push(note("我方新增"));
        theirs.review.notes.push(note("对方新增"));
        let m = merge(&b, &ours, &theirs).unwrap();
        let texts: Vec<(&str, bool)> = m
            .review
            .notes
            .iter()
            .map(|n| (n.text.as_str(), n.resolved))
            .collect();
        assert_eq!(
            texts,
            vec![("原有", true), ("对方新增", false), ("我方新增", false)]
        );
    }
}
