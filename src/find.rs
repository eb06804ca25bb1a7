//! Find and replace in a report: the meta fields (机关全称, 落款) and every text field, in the
//! form's order; replacing only in the text fields (the 正文), one match or all.

use std::ops::Range;

use crate::finding::{MetaField, Place};
use crate::model::Report;
use crate::template::{TEXTS, TextId};

/// One match: where, and the byte range in that field's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub place: Place,
    pub range: Range<usize>,
}

/// The fields searched, in the form's order, with their text.
fn fields(report: &Report) -> Vec<(Place, &str)> {
    let mut out = vec![(Place::Meta(MetaField::Organ), report.meta.organ.as_str())];
    for spec in &TEXTS {
        if let Some(text) = report.text(spec.id) {
            out.push((Place::Text(spec.id), text));
        }
    }
    out.push((
        Place::Meta(MetaField::Signature),
        report.meta.signature.as_str(),
    ));
    out
}

/// Every match of `needle` (as typed; an empty needle finds nothing), in the form's order.
pub fn find(report: &Report, needle: &str) -> Vec<Found> {
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (place, text) in fields(report) {
        found.extend(text.match_indices(needle).map(|(at, _)| Found {
            place,
            range: at..at + needle.len(),
        }));
    }
    found
}

/// Replaces one match, when it is in a text field and still holds `needle`. True if done.
pub fn replace_one(report: &mut Report, found: &Found, needle: &str, with: &str) -> bool {
    let Place::Text(id) = found.place else {
        return false;
    };
    let Some(text) = report.text(id) else {
        return false;
    };
    if text.get(found.range.clone()) != Some(needle) {
        return false;
    }
    let mut next = text.to_string();
    next.replace_range(found.range.clone(), with);
    report.set_text(id, next);
    true
}

/// Replaces every match in the text fields; how many.
pub fn replace_all(report: &mut Report, needle: &str, with: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let mut n = 0;
    let ids: Vec<TextId> = TEXTS.iter().map(|t| t.id).collect();
    for id in ids {
        let Some(text) = report.text(id) else {
            continue;
        };
        let count = text.matches(needle).count();
        if count > 0 {
            let next = text.replace(needle, with);
            report.set_text(id, next);
            n += count;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganKind;

    fn report() -> Report {
        let mut r = Report::new("某县人民政府办公室", OrganKind::Government, 2025);
        r.set_text(
            TextId::S1_1,
            "2024年主动公开信息120条。2024年完成了平台改版。",
        );
        r.set_text(TextId::S5, "2024年存在的问题：解读不足。");
        r.meta.signature = "某县人民政府办公室".into();
        r
    }

    #[test]
    fn finds_in_the_form_s_order_and_replaces_in_the_texts_only() {
        let mut r = report();
        let found = find(&r, "2024年");
        let places: Vec<Place> = found.iter().map(|f| f.place).collect();
        assert_eq!(
            places,
            [
                Place::Text(TextId::S1_1),
                Place::Text(TextId::S1_1),
                Place::Text(TextId::S5)
            ]
        );
        assert_eq!(found[1].range.start, "2024年主动公开信息120条。".len());
        assert_eq!(find(&r, "办公室").len(), 2, "the organ and the 落款");
        // One: the second match in 一（一）.
        assert!(replace_one(&mut r, &found[1], "2024年", "2025年"));
        assert_eq!(
            r.text(TextId::S1_1),
            Some("2024年主动公开信息120条。2025年完成了平台改版。")
        );
        // A match no longer there is not replaced.
        assert!(!replace_one(&mut r, &found[1], "2024年", "2025年"));
        // All: the 正文 only; the organ is not a text field.
        assert_eq!(replace_all(&mut r, "2024年", "2025年"), 2);
        assert!(find(&r, "2024年").is_empty());
        assert_eq!(replace_all(&mut r, "办公室", "办"), 0);
        let organ = find(&r, "办公室")[0].clone();
        assert!(!replace_one(&mut r, &organ, "办公室", "办"));
        assert!(find(&r, "").is_empty());
    }
}
