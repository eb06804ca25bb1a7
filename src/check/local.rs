//! The checks of a local rule profile ([`crate::profile`]): L1 length limits, L2 required
//! mentions, L3 the 备案 deadline. Each finding names the profile and has the severity the
//! profile gives.

use crate::finding::{Finding, MetaField, Place, Rule, Severity};
use crate::model::{Date, Report};
use crate::profile::{Profile, Target};

/// The findings of `profile` on `report`.
pub fn check_profile(report: &Report, profile: &Profile) -> Vec<Finding> {
    let mut out = Vec::new();
    let by = format!("按“{}”", profile.name);
    for limit in &profile.lengths {
        let fields = limit.target.fields();
        let chars: usize = fields
            .iter()
            .filter_map(|id| report.text(*id))
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        if chars > limit.max_chars {
            out.push(Finding::new(
                Rule::L1,
                limit.severity,
                places(limit.target),
                format!(
                    "{by}，{}不超过{}字，现为{chars}字，超出{}字",
                    limit.target.name(),
                    limit.max_chars,
                    chars - limit.max_chars
                ),
            ));
        }
    }
    for m in &profile.mentions {
        let said = m.target.fields().iter().any(|id| {
            report
                .text(*id)
                .is_some_and(|t| crate::textscan::sentences(t).any(|s| names_a_count(s, m)))
        });
        if !said {
            out.push(Finding::new(
                Rule::L2,
                m.severity,
                places(m.target),
                format!(
                    "{by}，{}应写明{}（“{}”及其数量），未找到",
                    m.target.name(),
                    m.what,
                    m.keywords.join("”或“")
                ),
            ));
        }
    }
    if let (Some(deadline), Some(year), Some(published)) = (
        profile.filing_deadline(report.meta.organ_kind),
        report.meta.year,
        report.meta.published,
    ) && let Some(due) = Date::new(year + 1, deadline.month, deadline.day)
        && published > due
    {
        out.push(Finding::new(
            Rule::L3,
            Severity::Warning,
            vec![Place::Meta(MetaField::Published)],
            format!(
                "{by}，{}应于{}前报政务公开办备案，落款日期{}已晚于备案期限",
                report.meta.organ_kind.label(),
                due.chinese(),
                published.chinese()
            ),
        ));
    }
    out
}

/// True when a clause of the sentence (between commas) names one of the keywords and a
/// number (运维政务新媒体账号3个; not 公开信息156条，持续运维政务新媒体).
fn names_a_count(sentence: &str, m: &crate::profile::Mention) -> bool {
    sentence.split(['，', ',', '：', ':']).any(|clause| {
        m.keywords.iter().any(|k| clause.contains(k.as_str()))
            && clause
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    })
}

fn places(target: Target) -> Vec<Place> {
    match target {
        Target::Section(s) => vec![Place::Section(s)],
        Target::Field(id) => vec![Place::Text(id)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganKind;
    use crate::template::TextId;

    fn profile() -> Profile {
        Profile::parse(
            r#"(
    name: "某市2025年度要求",
    filing: { "部门": "01-31" },
    lengths: [ (of: "一", max_chars: 40, severity: "提示") ],
    mentions: [ (of: "（一）主动公开", what: "政务新媒体数量", keywords: ["政务新媒体", "新媒体"]) ],
)"#,
        )
        .unwrap()
    }

    fn report() -> Report {
        let mut r = Report::new("某县财政局", OrganKind::Department, 2025);
        r.set_text(
            TextId::S1_1,
            "全年主动公开政府信息156条。运维政务新媒体账号3个，发布信息420条。",
        );
        r.meta.published = Date::new(2026, 1, 20);
        r
    }

    fn rules(r: &Report) -> Vec<(Rule, Severity, String)> {
        check_profile(r, &profile())
            .into_iter()
            .map(|f| (f.rule, f.severity, f.message))
            .collect()
    }

    #[test]
    fn a_report_within_the_profile_has_no_finding() {
        assert_eq!(rules(&report()), []);
    }

    #[test]
    fn each_local_rule_fires_on_real_wording() {
        let mut r = report();
        r.set_text(
            TextId::S1_2,
            "全年共收到政府信息公开申请12件，均在法定期限内答复，未发生因答复不规范引发的复议。",
        );
        let f = rules(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Rule::L1);
        assert_eq!(f[0].1, Severity::Info);
        assert!(
            f[0].2
                .starts_with("按“某市2025年度要求”，一、总体情况不超过40字，现为"),
            "{}",
            f[0].2
        );
        // The accounts named without their number: not a count.
        let mut r = report();
        r.set_text(
            TextId::S1_1,
            "全年主动公开政府信息156条，持续运维政务新媒体。",
        );
        let f = rules(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (Rule::L2, Severity::Warning));
        assert!(f[0].2.contains("应写明政务新媒体数量"), "{}", f[0].2);
        // Dated after the 备案 deadline.
        let mut r = report();
        r.meta.published = Date::new(2026, 2, 5);
        let f = rules(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Rule::L3);
        assert!(
            f[0].2.contains("应于2026年1月31日前报政务公开办备案"),
            "{}",
            f[0].2
        );
        // No 备案 deadline for a government in this profile.
        r.meta.organ_kind = OrganKind::Government;
        assert_eq!(rules(&r), []);
    }
}
