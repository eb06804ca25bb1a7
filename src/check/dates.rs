//! H10 and H11: the format for the year, the years of title, lead and body, and the dates.

use crate::finding::{Finding, MetaField, Place, Rule, Severity};
use crate::model::{Format, Report, normalize_digits};
use crate::template::TextId;

/// H10: the template version must fit the report year.
pub(super) fn check_h10(report: &Report, out: &mut Vec<Finding>) {
    let Some(year) = report.meta.year else { return };
    let place = vec![Place::Meta(MetaField::Year)];
    let message = match (report.format, year) {
        (_, y) if y < 2019 => Some(format!("{y}年度报告使用2019年以前的旧格式，本程序不支持")),
        (Format::V2019, y) if y >= 2021 => Some(format!(
            "{y}年度报告应使用2021年版格式（国办公开办函〔2021〕30号），却使用了2019年版格式（国办公开办函〔2019〕60号）"
        )),
        (Format::V2021OneOtherRow, y) if y >= 2021 => {
            out.push(one_other_row_finding());
            None
        }
        (Format::V2021 | Format::V2021OneOtherRow, y) if y <= 2020 => Some(format!(
            "{y}年度报告应使用2019年版格式（国办公开办函〔2019〕60号），2021年版格式自2021年度报告起适用"
        )),
        _ => None,
    };
    if let Some(message) = message {
        out.push(Finding::new(Rule::H10, Severity::Error, place, message));
    }
}

/// H15: a 2021 report whose template prints （六）其他处理 as one row (its numbers are read
/// and summed; the table is not the 2019 format).
fn one_other_row_finding() -> Finding {
    use crate::template::{T3_GROUPS, T3_OTHER_HANDLING, T3_ROWS};
    let items: Vec<&str> = T3_ROWS
        .iter()
        .filter(|r| r.group == Some(T3_OTHER_HANDLING))
        .map(|r| r.label)
        .collect();
    Finding::new(
        Rule::H15,
        Severity::Warning,
        vec![Place::Table(crate::template::TableId::T3)],
        format!(
            "{}未按2021年版格式分为三项（{}）：已按一行读入并计入勾稽关系，请按现行模板分项填报",
            T3_GROUPS[T3_OTHER_HANDLING].label,
            items.join("；")
        ),
    )
}

/// Finds `YYYY年1月1日` (start of the statistical period) in a text.
fn period_years(text: &str) -> Vec<u16> {
    let text = normalize_digits(text).replace([' ', '\u{3000}'], "");
    let mut years = Vec::new();
    for (pos, _) in text.match_indices("年1月1日") {
        let before = &text[..pos];
        let digits: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if digits.len() == 4 {
            let year: String = digits.chars().rev().collect();
            if let Ok(y) = year.parse() {
                years.push(y);
            }
        }
    }
    years
}

/// H11: years agree; publication date after the year and by the deadline.
/// H11 (body year): a paragraph that opens on the previous year as its working year
/// ("2021年，我单位…" in a 2022 report) is usually last year's text reused.
fn check_h11_body_year(report: &Report, year: u16, out: &mut Vec<Finding>) {
    let last = format!("{}年", year.saturating_sub(1));
    for id in TextId::SECTION_ONE
        .into_iter()
        .chain([TextId::S5, TextId::S6])
    {
        let Some(text) = report.text(id) else {
            continue;
        };
        for paragraph in text.lines() {
            let p = paragraph.trim();
            let Some(rest) = p.strip_prefix(&last) else {
                continue;
            };
            if rest.starts_with(['，', ',', '以', '我', '本']) {
                let quoted: String = p.chars().take(40).collect();
                out.push(Finding::new(
                    Rule::H11,
                    Severity::Warning,
                    vec![Place::Text(id)],
                    format!(
                        "{year}年度报告的正文以上一年开头：“{quoted}…”：可能沿用了上年的文字，请核对年份"
                    ),
                ));
            }
        }
    }
}

pub(super) fn check_h11(report: &Report, out: &mut Vec<Finding>) {
    // Refused input of the meta fields, kept as typed: an error like a refused cell.
    if let Some(typed) = &report.meta.refused.year {
        let reason = crate::model::parse_year(typed).err().unwrap_or_default();
        out.push(Finding::new(
            Rule::H11,
            Severity::Error,
            vec![Place::Meta(MetaField::Year)],
            format!("统计年度“{typed}”无效：{reason}"),
        ));
    }
    if let Some(typed) = &report.meta.refused.published {
        let reason = crate::model::Date::parse_checked(typed)
            .err()
            .unwrap_or_default();
        out.push(Finding::new(
            Rule::H11,
            Severity::Error,
            vec![Place::Meta(MetaField::Published)],
            format!("发布日期“{typed}”无效：{reason}"),
        ));
    }
    if let Some(year) = report.meta.year {
        check_h11_body_year(report, year, out);
    }
    let Some(year) = report.meta.year else {
        if report.meta.refused.year.is_some() {
            return;
        }
        out.push(Finding::new(
            Rule::H11,
            Severity::Warning,
            vec![Place::Meta(MetaField::Year)],
            "未填写统计年度：标题应为“机关全称+YYYY年政府信息公开工作年度报告”",
        ));
        return;
    };
    if let Some(intro) = report.text(TextId::Intro) {
        for y in period_years(intro) {
            if y != year {
                out.push(Finding::new(
                    Rule::H11,
                    Severity::Error,
                    vec![Place::Text(TextId::Intro), Place::Meta(MetaField::Year)],
                    format!("导语所写统计期限从{y}年1月1日起，与报告年度{year}年不一致"),
                ));
            }
        }
    }
    if let Some(date) = report.meta.published {
        let place = vec![Place::Meta(MetaField::Published)];
        if date.year <= year {
            out.push(Finding::new(
                Rule::H11,
                Severity::Warning,
                place,
                format!(
                    "发布日期{}不晚于统计年度{year}年的最后一天：年度报告应在次年发布",
                    date.chinese()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganKind;

    #[test]
    fn h11_a_paragraph_on_last_year() {
        let mut r = Report::new("某县人民政府", OrganKind::Government, 2022);
        r.set_text(TextId::S1_1, "2021年，我单位认真贯彻落实《条例》。");
        let mut out = Vec::new();
        check_h11_body_year(&r, 2022, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0]
                .message
                .contains("“2021年，我单位认真贯彻落实《条例》。…”")
        );
        r.set_text(
            TextId::S1_1,
            "2022年，我单位认真贯彻落实《条例》，完成了2021年报告提出的整改。",
        );
        let mut out = Vec::new();
        check_h11_body_year(&r, 2022, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
