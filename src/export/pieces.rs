//! The report as a sequence of typeset pieces in template order — title, headings,
//! paragraphs, tables, the 2019 note, the closing — for the exporters that build a document
//! (Word, web page). What is printed and in which order is decided here once.

use crate::layout::{BODY, Block};
use crate::model::{Format, Report};
use crate::template::{
    DATE_PLACEHOLDER, LEGACY_2019_BLANK, LEGACY_2019_NOTE, SECTIONS, T3_COLUMNS, TEXTS, TableId,
    TextId, t3_r3_6_2019,
};

/// A heading's level in the official form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// 一、… (黑体).
    Section,
    /// （一）… (楷体).
    Area,
}

/// One piece of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'r> {
    Title(String),
    Heading(Level, &'static str),
    /// One paragraph of body text (a line of a text field; may be empty).
    Paragraph(&'r str),
    Table(TableId),
    /// The note under 表三 of a 2019-format report (its single （六） row).
    Note(String),
    /// The signature (may be empty) and the date line.
    Closing {
        signature: &'r str,
        date: String,
    },
}

/// The pieces of a report, in order.
pub fn pieces(report: &Report) -> Vec<Piece<'_>> {
    let mut out = vec![Piece::Title(report.title())];
    for block in BODY {
        match block {
            Block::Heading(i) => out.push(Piece::Heading(Level::Section, SECTIONS[i].heading)),
            Block::Text(id) => {
                // A part the report does not have is not printed, heading and all.
                let Some(text) = report.text(id) else {
                    continue;
                };
                match TEXTS[id.index()].heading {
                    Some(h) => {
                        let level = if matches!(id, TextId::S5 | TextId::S6) {
                            Level::Section
                        } else {
                            Level::Area
                        };
                        out.push(Piece::Heading(level, h));
                    }
                    // Untitled fields (导语, the lead of 一, the text before a table) only
                    // when written.
                    None if text.is_empty() => continue,
                    None => {}
                }
                out.extend(text.split('\n').map(Piece::Paragraph));
            }
            Block::Table(t) => {
                out.push(Piece::Table(t));
                if t == TableId::T3 && report.format.one_other_row() {
                    out.push(Piece::Note(legacy_note(report)));
                }
            }
        }
    }
    let signature = report.meta.signature.trim_end();
    if !signature.is_empty() || report.meta.published.is_some() {
        let date = report
            .meta
            .published
            .map_or_else(|| DATE_PLACEHOLDER.to_string(), |d| d.chinese());
        out.push(Piece::Closing { signature, date });
    }
    out
}

/// The note under 表三 of a report whose （六）其他处理 is one row (2019 format, or a 2021
/// template that merged it): that row's values.
pub fn legacy_note(report: &Report) -> String {
    let values: Vec<String> = T3_COLUMNS
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let v = report.cell(t3_r3_6_2019(c)).display();
            let v = if v.is_empty() {
                LEGACY_2019_BLANK.to_string()
            } else {
                v
            };
            format!("{}{v}", col.label)
        })
        .collect();
    let note = if report.format == Format::V2019 {
        LEGACY_2019_NOTE
    } else {
        crate::template::ONE_OTHER_ROW_NOTE
    };
    format!("{note}{}。", values.join("，"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, OrganKind};

    #[test]
    fn template_order_and_absent_parts() {
        let mut r = Report::new("某县人民政府", OrganKind::Government, 2025);
        r.set_text(TextId::S1_1, "第一段\n第二段");
        r.set_absent(TextId::S6);
        r.meta.published = Date::new(2026, 1, 20);
        let p = pieces(&r);
        assert_eq!(
            p[0],
            Piece::Title("某县人民政府2025年政府信息公开工作年度报告".into())
        );
        assert_eq!(p[1], Piece::Heading(Level::Section, "一、总体情况"));
        let at = p
            .iter()
            .position(|x| *x == Piece::Paragraph("第一段"))
            .unwrap();
        assert_eq!(p[at + 1], Piece::Paragraph("第二段"));
        assert!(matches!(p[at - 1], Piece::Heading(Level::Area, _)));
        assert!(!p.contains(&Piece::Heading(Level::Section, "六、其他需要报告的事项")));
        assert_eq!(p.iter().filter(|x| matches!(x, Piece::Table(_))).count(), 3);
        assert!(matches!(p.last(), Some(Piece::Closing { date, .. }) if date == "2026年1月20日"));
        r.format = Format::V2019;
        assert!(pieces(&r).iter().any(|x| matches!(x, Piece::Note(_))));
    }
}
