//! H19 (this program's rule, from spec §1.3) and H4: who the report is from — a full organ
//! name, the same in the title, the 落款 and the opening — and what such an organ can issue.

use crate::finding::{Finding, MetaField, Place, Rule, Severity};
use crate::model::{OrganKind, Report};
use crate::template::{TextId, t2};

/// Marks of an administrative place in an organ's name.
const PLACE_MARKS: [&str; 12] = [
    "省", "市", "区", "县", "旗", "盟", "州", "乡", "镇", "街道", "自治", "村",
];
/// Bodies of the State Council and national institutions carry no place.
const NATIONAL_PREFIXES: [&str; 4] = ["国务院", "国家", "中华人民共和国", "中国"];
/// Abbreviations that are never a full name on their own.
const BARE_ABBREVIATIONS: [&str; 6] = ["政府办", "府办", "办事处", "办公室", "政府", "街道办"];

/// H19 (this program's rule, from spec §1.3): the 机关全称 is a full name, and the title's
/// organ and the 落款 are the same organ.
pub(super) fn check_h19(report: &Report, out: &mut Vec<Finding>) {
    let organ = crate::model::normalize_organ(&report.meta.organ);
    if organ.is_empty() {
        return;
    }
    let national = NATIONAL_PREFIXES.iter().any(|p| organ.starts_with(p));
    let has_place = PLACE_MARKS.iter().any(|m| organ.contains(m));
    if BARE_ABBREVIATIONS.contains(&organ.as_str()) {
        out.push(Finding::new(
            Rule::H19,
            Severity::Warning,
            vec![Place::Meta(MetaField::Organ)],
            format!("机关名称“{organ}”是简称，标题应写机关全称（如“某某县人民政府办公室”）"),
        ));
    } else if !has_place && !national {
        out.push(Finding::new(
            Rule::H19,
            Severity::Warning,
            vec![Place::Meta(MetaField::Organ)],
            format!(
                "机关名称“{organ}”没有写出所属行政区划（省、市、区、县、乡镇、街道等），标题应写机关全称"
            ),
        ));
    }
    if let Some((text_id, named)) = organ_named_in_opening(report, &organ) {
        out.push(Finding::new(
            Rule::H19,
            Severity::Info,
            vec![Place::Meta(MetaField::Organ), Place::Text(text_id)],
            format!(
                "标题中的机关“{organ}”与{}中的“{named}”不一致，请核对是否为同一机关的全称",
                if text_id == TextId::Intro {
                    "导语"
                } else {
                    "正文开头"
                }
            ),
        ));
    }
    let signature = crate::model::normalize_organ(&report.meta.signature);
    if !signature.is_empty() && signature != organ {
        out.push(Finding::new(
            Rule::H19,
            Severity::Warning,
            vec![
                Place::Meta(MetaField::Organ),
                Place::Meta(MetaField::Signature),
            ],
            format!("标题中的机关“{organ}”与落款“{signature}”不一致，应为同一机关的全称"),
        ));
    }
}

/// Endings of organ names: the opening's organ is the phrase ending in the same one as the
/// title's organ.
const ORGAN_ENDINGS: [&str; 13] = [
    "人民政府办公室",
    "人民政府办公厅",
    "街道办事处",
    "人民政府",
    "政府",
    "办公室",
    "办公厅",
    "办事处",
    "委员会",
    "管委会",
    "中心",
    "局",
    "厅",
];

/// The organ the 导语 (or, without one, the first paragraph of 一) names as its subject when it
/// is not the title's organ: the first clause of the opening sentence, or the clause after
/// "YYYY年，" or "本报告由", holding a name with the title organ's ending.
fn organ_named_in_opening(report: &Report, organ: &str) -> Option<(TextId, String)> {
    // The shortest ending, so that a shortened name (县政府办公室) is found too.
    let ending = ORGAN_ENDINGS.iter().rev().find(|e| organ.ends_with(*e))?;
    // The first subject clause with a name of this ending decides, in the 导语 or else in 一.
    let (text_id, name) = [TextId::Intro, TextId::S1].into_iter().find_map(|id| {
        let text = report.text(id)?.trim();
        let first_sentence = text.split(['。', '\n']).next().unwrap_or("");
        subject_clauses(&crate::model::normalize_organ(first_sentence))
            .into_iter()
            .find_map(|clause| {
                let end = clause.find(ending)? + ending.len();
                let name = clause[..end].trim_start_matches(['在', '由']);
                // A name only: a bare ending or a phrase (在…领导下, 《…》) is not one.
                let is_name = name.chars().count() > ending.chars().count()
                    && !name.contains(['《', '》', '的', '下']);
                is_name.then(|| name.to_string())
            })
            .map(|name| (id, name))
    })?;
    (name != organ).then_some((text_id, name))
}

/// The clauses of a sentence that name its subject: the first one, the one after "YYYY年，",
/// and what follows "本报告由".
fn subject_clauses(sentence: &str) -> Vec<String> {
    let clauses: Vec<&str> = sentence
        .split(['，', ',', '、', '；'])
        .map(|c| c.split_once("本报告由").map_or(c, |(_, rest)| rest))
        .collect();
    let mut subjects: Vec<String> = clauses.first().map(|c| c.to_string()).into_iter().collect();
    for (i, clause) in clauses.iter().enumerate() {
        if (clause.ends_with('年') || clause.ends_with("年度"))
            && let Some(next) = clauses.get(i + 1)
        {
            subjects.push(next.to_string());
        }
    }
    subjects
}

/// County level or below (县/区/旗/乡/镇/街道), judged from the kind and the organ name.
pub(super) fn county_or_lower(report: &Report) -> bool {
    if report.meta.organ_kind == OrganKind::Township {
        return true;
    }
    let name = report
        .meta
        .organ
        .replace("自治区", "")
        .replace("特别行政区", "");
    ["县", "区", "旗", "乡", "镇", "街道"]
        .iter()
        .any(|k| name.contains(k))
}

/// H4: only bodies with rule-making power issue 规章.
pub(super) fn check_h4(report: &Report, out: &mut Vec<Finding>) {
    if !county_or_lower(report) {
        return;
    }
    let cells: Vec<usize> = (0..3).map(|c| t2(0, 0, c)).collect();
    let nonzero: Vec<usize> = cells
        .iter()
        .copied()
        .filter(|&i| report.cell(i).count().is_some_and(|n| n > 0))
        .collect();
    if !nonzero.is_empty() {
        let values: Vec<String> = cells.iter().map(|&i| report.cell(i).display()).collect();
        out.push(Finding::new(
            Rule::H4,
            Severity::Warning,
            nonzero.into_iter().map(Place::Cell).collect(),
            format!(
                "县级及以下机关没有规章制定权，表二“规章”一行通常全部为0，现为 制发{}、废止{}、现行有效{}",
                values[0], values[1], values[2]
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn h19_full_organ_names_and_the_signature() {
        let h19 = |organ: &str, signature: &str| {
            let mut r = Report::new(organ, OrganKind::Government, 2024);
            r.meta.signature = signature.into();
            let mut out = Vec::new();
            check_h19(&r, &mut out);
            out
        };
        assert_eq!(h19("政府办", "").len(), 1, "a bare abbreviation");
        assert_eq!(h19("汇源办事处", "").len(), 1, "no place");
        assert!(h19("原州区人民政府办公室", "").is_empty());
        assert!(h19("原州区人民政府办公室", "原州区 人民政府办公室").is_empty());
        assert!(
            h19("国家税务总局", "").is_empty(),
            "national bodies name no place"
        );
        let differ = h19("道外区机关服务中心", "道外区区委区政府机关服务中心");
        assert_eq!(differ.len(), 1);
        assert!(differ[0].message.contains("“道外区区委区政府机关服务中心”"));
        assert!(h19("", "").is_empty());
    }
    #[test]
    fn h19_the_opening_names_the_title_organ() {
        let opening = |intro: &str, s1: &str| {
            let mut r = Report::new("清河县人民政府办公室", OrganKind::Government, 2021);
            r.set_text(TextId::Intro, intro);
            r.set_text(TextId::S1, s1);
            let mut out = Vec::new();
            check_h19(&r, &mut out);
            out
        };
        let same = "2021年，清河县人民政府办公室严格落实党中央的部署。";
        assert!(opening(same, "").is_empty());
        assert!(opening("", same).is_empty(), "一 opens on the organ");
        assert!(
            opening("本报告由清河县 人民政府办公室编制。", "").is_empty(),
            "spaces do not count"
        );
        assert!(
            opening(
                "2021年，在县委、县政府的正确领导下，在县政务公开办公室精心指导下，全面推进。",
                ""
            )
            .is_empty(),
            "an office named inside a phrase is not the subject"
        );
        let other = opening("", "2021年，清河县政府办公室严格落实党中央的部署。");
        assert_eq!(other.len(), 1, "{other:?}");
        assert_eq!(other[0].severity, Severity::Info);
        assert!(
            other[0].message.contains("“清河县政府办公室”"),
            "{}",
            other[0].message
        );
        assert!(other[0].places.contains(&Place::Text(TextId::S1)));
        let by = opening("本报告由清河县人民政府信息公开办公室编制。", "");
        assert_eq!(by.len(), 1, "{by:?}");
        assert!(by[0].places.contains(&Place::Text(TextId::Intro)));
    }
}
