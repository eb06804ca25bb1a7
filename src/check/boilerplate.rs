//! The format's own words as the report quotes them (H22) and the covering letter published
//! in place of the report (H23). Real 2025 reports show what a website editor does to
//! them: the 文号 loses its 〔〕 ("国办公开办函202130 号"), dates lose 年 and 月
//! ("2025  1  1  日").

use crate::finding::{Finding, MetaField, Place, Rule, Severity};
use crate::model::Report;
use crate::template::{TEXTS, TextId};

/// The format's 文号, as it must be quoted.
pub const FORMAT_NUMBER: &str = "国办公开办函〔2021〕30号";
/// The 2019 trial format's 文号.
const FORMAT_NUMBER_2019: &str = "国办公开办函〔2019〕60号";
const ISSUER: &str = "国办公开办函";

/// Words of a covering letter to the supervisor (报送函), not of a report.
const LETTER_WORDS: [&str; 6] = [
    "请审示",
    "请予审示",
    "请审阅",
    "请审定",
    "特此报送",
    "妥否，请",
];

/// H22 and H23 over every text of the report.
pub fn check_boilerplate(report: &Report, out: &mut Vec<Finding>) {
    for spec in &TEXTS {
        let Some(text) = report.text(spec.id) else {
            continue;
        };
        check_format_number(report, spec.id, text, out);
        check_dates(spec.id, text, out);
    }
    check_letter(report, out);
}

/// The 文号 of the format, where quoted: whole, with its 〔〕, and the 2021 one.
fn check_format_number(report: &Report, id: TextId, text: &str, out: &mut Vec<Finding>) {
    for (at, _) in text.match_indices(ISSUER) {
        let rest = &text[at + ISSUER.len()..];
        if rest.starts_with("〔2021〕30号") {
            continue;
        }
        // What is printed up to the 号 (at most a dozen characters).
        let Some(end) = rest
            .char_indices()
            .take(14)
            .find(|(_, c)| *c == '号')
            .map(|(i, c)| i + c.len_utf8())
        else {
            continue;
        };
        let printed = format!("{ISSUER}{}", &rest[..end]);
        // A line broken inside the number (a PDF's layout) is not a defect.
        let compact: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
        if compact == "〔2021〕30号" || compact == "〔2019〕60号" && digits_2019_ok(report) {
            continue;
        }
        let digits: String = rest[..end].chars().filter(char::is_ascii_digit).collect();
        // Other brackets typed for 〔〕, or none left (a website editor drops them).
        let why = if compact.contains(['[', '【', '(', '（', '［', '﹝']) {
            "发文字号的年份应用六角括号〔〕"
        } else {
            "六角括号〔〕可能在网站编辑器中丢失"
        };
        let message = match digits.as_str() {
            "202130" => format!("格式文件的文号应为“{FORMAT_NUMBER}”，此处为“{printed}”（{why}）"),
            "201960" if !digits_2019_ok(report) && compact == "〔2019〕60号" => format!(
                "引用的是2019年的试行格式“{FORMAT_NUMBER_2019}”，2021年度起应按“{FORMAT_NUMBER}”编制"
            ),
            "201960" if digits_2019_ok(report) => {
                format!("格式文件的文号应为“{FORMAT_NUMBER_2019}”，此处为“{printed}”（{why}）")
            }
            _ => format!("格式文件的文号“{printed}”不完整，应为“{FORMAT_NUMBER}”"),
        };
        out.push(Finding::new(
            Rule::H22,
            Severity::Warning,
            vec![Place::Text(id)],
            message,
        ));
    }
}

/// True when quoting the 2019 trial format is right: a report of 2019 or 2020.
fn digits_2019_ok(report: &Report) -> bool {
    report.meta.year.is_some_and(|y| y < 2021)
}

/// Dates that lost their 年 and 月 (`2025  1  1  日`): four digits, spaces, one or two
/// digits, spaces, one or two digits, then 日.
fn check_dates(id: TextId, text: &str, out: &mut Vec<Finding>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digits_at = |k: usize| {
        chars[k..]
            .iter()
            .take_while(|(_, c)| c.is_ascii_digit())
            .count()
    };
    let spaces_at = |k: usize| {
        chars[k..]
            .iter()
            .take_while(|(_, c)| *c == ' ' || *c == '\u{3000}' || *c == '\u{a0}')
            .count()
    };
    let mut k = 0;
    while k < chars.len() {
        let starts = k == 0 || !chars[k - 1].1.is_ascii_digit();
        let (y, mut j) = (digits_at(k), k);
        if !starts || y != 4 {
            k += 1;
            continue;
        }
        j += y;
        let parts: Option<Vec<String>> = (0..2)
            .map(|_| {
                let s = spaces_at(j);
                let d = digits_at(j + s);
                if s == 0 || d == 0 || d > 2 {
                    return None;
                }
                let part: String = chars[j + s..j + s + d].iter().map(|(_, c)| c).collect();
                j += s + d;
                Some(part)
            })
            .collect();
        let s = spaces_at(j);
        match parts {
            Some(p) if chars.get(j + s).is_some_and(|(_, c)| *c == '日') => {
                let (from, to) = (chars[k].0, chars[j + s].0 + '日'.len_utf8());
                let year: String = chars[k..k + 4].iter().map(|(_, c)| c).collect();
                out.push(Finding::new(
                    Rule::H22,
                    Severity::Warning,
                    vec![Place::Text(id)],
                    format!(
                        "日期“{}”缺少“年”“月”（可能在网站编辑器中丢失），应为“{year}年{}月{}日”",
                        &text[from..to],
                        p[0],
                        p[1]
                    ),
                ));
                k = j + s + 1;
            }
            _ => k += 1,
        }
    }
}

/// H23: the covering letter to the supervisor published instead of the report.
fn check_letter(report: &Report, out: &mut Vec<Finding>) {
    let organ = report.meta.organ.trim();
    let titled_as_letter = organ.starts_with("关于");
    let worded_as_letter = TEXTS.iter().find_map(|t| {
        let text = report.text(t.id)?;
        LETTER_WORDS
            .iter()
            .find(|w| text.contains(*w))
            .map(|w| (t.id, *w))
    });
    if !titled_as_letter && worded_as_letter.is_none() {
        return;
    }
    let (places, said) = match worded_as_letter {
        Some((id, w)) => (vec![Place::Text(id)], format!("写有“{w}”")),
        None => (
            vec![Place::Meta(MetaField::Organ)],
            format!("标题以“{}”开头", "关于"),
        ),
    };
    out.push(Finding::new(
        Rule::H23,
        Severity::Warning,
        places,
        format!(
            "这份文字{said}，像是报送上级的报送函，不是年度报告本身：向社会公开的应是报告正文（标题为“机关全称+年度+政府信息公开工作年度报告”）"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganKind;

    fn findings(set: impl FnOnce(&mut Report)) -> Vec<(Rule, String)> {
        let mut r = Report::new("某县人民政府", OrganKind::Government, 2025);
        set(&mut r);
        let mut out = Vec::new();
        check_boilerplate(&r, &mut out);
        out.into_iter().map(|f| (f.rule, f.message)).collect()
    }

    const INTRO: &str = "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。";

    #[test]
    fn the_official_wording_passes() {
        assert_eq!(findings(|r| r.set_text(TextId::Intro, INTRO)), []);
    }

    #[test]
    fn a_mangled_number_and_dates_without_year_and_month_are_named() {
        let mangled = INTRO
            .replace("国办公开办函〔2021〕30号", "国办公开办函202130 号")
            .replace("2025年1月1日", "2025  1  1  日");
        let f = findings(|r| r.set_text(TextId::Intro, &mangled));
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f[0].1
                .contains("应为“国办公开办函〔2021〕30号”，此处为“国办公开办函202130 号”"),
            "{}",
            f[0].1
        );
        assert!(
            f[1].1.contains("日期“2025  1  1  日”缺少“年”“月”")
                && f[1].1.contains("应为“2025年1月1日”"),
            "{}",
            f[1].1
        );
        let old = INTRO.replace("〔2021〕30号", "〔2019〕60号");
        let f = findings(|r| r.set_text(TextId::Intro, &old));
        assert!(f[0].1.contains("2019年的试行格式"), "{f:?}");
        // A line broken inside the number (a PDF's layout) is not a defect.
        let wrapped = INTRO.replace("〔2021〕30号", "〔2021〕30\n号");
        assert_eq!(findings(|r| r.set_text(TextId::Intro, &wrapped)), []);
        // Square brackets for 〔〕 (fixture 002, a 2020 report quoting the 2019 format).
        let square = INTRO.replace("〔2021〕30号", "[2021]30号");
        let f = findings(|r| r.set_text(TextId::Intro, &square));
        assert!(f[0].1.contains("发文字号的年份应用六角括号〔〕"), "{f:?}");
        // Numbers that are not a date (a count, a phone number) are left alone.
        assert_eq!(
            findings(|r| r.set_text(TextId::S1_2, "共受理 2025 件，答复 12 3 件。")),
            []
        );
    }

    #[test]
    fn a_covering_letter_is_named() {
        let f = findings(|r| {
            r.set_text(
                TextId::Intro,
                "现将我县2025年政府信息公开工作年度报告报送你办，请审示。",
            )
        });
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Rule::H23);
        assert!(f[0].1.contains("写有“请审示”"), "{}", f[0].1);
        let f = findings(|r| r.meta.organ = "关于报送某县人民政府".into());
        assert_eq!(f[0].0, Rule::H23);
    }
}
