//! Web-page export. A fragment that survives pasting into a CMS editor — no scripts, no
//! external CSS, inline styles only, the tables' merges as `colspan`/`rowspan`, `0` printed
//! as `0`, headings as the template prints them — or a standalone page (`<meta charset>`,
//! `lang="zh-CN"`) around the same fragment. Label cells are `<th>` with a `scope`, so
//! screen readers announce a value's row and column.

use super::markup::escape;
use super::page::Role;
use super::pieces::{Level, Piece, pieces};
use crate::layout::{GridContent, GridItem, GridRole, TableGrid, column_widths, grid};
use crate::model::Report;

/// The report as an HTML fragment (one `<div>`), for pasting into a CMS editor.
pub fn export_html_fragment(report: &Report) -> String {
    let [title_font, body_font, heading_font, area_font] = Role::ALL.map(Role::css_families);
    let mut out = format!(
        "<div lang=\"zh-CN\" style=\"font-family: {body_font}; font-size: 16pt; line-height: 28pt; color: #000;\">\n"
    );
    for piece in pieces(report) {
        match piece {
            Piece::Title(t) => out.push_str(&format!(
                "<h1 style=\"font-family: {title_font}; font-size: 22pt; font-weight: normal; line-height: 36pt; text-align: center; margin: 0 0 28pt 0;\">{}</h1>\n",
                escape(&t)
            )),
            Piece::Heading(Level::Section, h) => out.push_str(&format!(
                "<h2 style=\"font-family: {heading_font}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0;\">{}</h2>\n",
                escape(h)
            )),
            Piece::Heading(Level::Area, h) => out.push_str(&format!(
                "<h3 style=\"font-family: {area_font}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0;\">{}</h3>\n",
                escape(h)
            )),
            Piece::Paragraph(p) if p.trim().is_empty() => {}
            Piece::Paragraph(p) => out.push_str(&paragraph(p)),
            Piece::Note(n) => out.push_str(&paragraph(&n)),
            Piece::Table(t) => out.push_str(&table(report, grid(t))),
            Piece::Closing { signature, date } => {
                out.push_str("<p style=\"margin: 28pt 0 0 0;\"></p>\n");
                for line in [signature, date.as_str()] {
                    if !line.is_empty() {
                        out.push_str(&format!(
                            "<p style=\"text-align: right; margin: 0 4em 0 0;\">{}</p>\n",
                            escape(line)
                        ));
                    }
                }
            }
        }
    }
    out.push_str("</div>\n");
    out
}

fn paragraph(text: &str) -> String {
    format!(
        "<p style=\"text-indent: 2em; text-align: justify; margin: 0;\">{}</p>\n",
        escape(text)
    )
}

/// The report as a standalone web page.
pub fn export_html_page(report: &Report) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n</head>\n<body style=\"max-width: 46em; margin: 2em auto; padding: 0 1em;\">\n{}</body>\n</html>\n",
        escape(&report.title()),
        export_html_fragment(report)
    )
}

fn table(report: &Report, g: &TableGrid) -> String {
    let widths = column_widths(g.table, 1000.0, 24.0);
    let total: f32 = widths.iter().sum();
    let mut out = String::from(
        "<table style=\"border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10.5pt; line-height: 1.5; margin: 6pt 0 12pt 0;\">\n<colgroup>",
    );
    for w in &widths {
        out.push_str(&format!("<col style=\"width: {:.2}%\">", 100.0 * w / total));
    }
    out.push_str("</colgroup>\n");
    for row in 0..g.rows {
        out.push_str("<tr>");
        for it in g.items.iter().filter(|it| it.row == row) {
            out.push_str(&cell(report, it));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

fn cell(report: &Report, it: &GridItem) -> String {
    let mut attrs = String::new();
    if it.col_span > 1 {
        attrs.push_str(&format!(" colspan=\"{}\"", it.col_span));
    }
    if it.row_span > 1 {
        attrs.push_str(&format!(" rowspan=\"{}\"", it.row_span));
    }
    let align = if it.role == GridRole::RowLabel {
        "left"
    } else {
        "center"
    };
    let style = format!(
        " style=\"border: 1px solid #000; padding: 2pt 3pt; text-align: {align}; vertical-align: middle;\""
    );
    match it.content {
        GridContent::Value(i) => format!(
            "<td{attrs}{style}>{}</td>",
            escape(&report.cell(i).display())
        ),
        GridContent::Label(text) => {
            let scope = match it.role {
                GridRole::RowLabel => "row",
                GridRole::Group => "rowgroup",
                GridRole::Caption | GridRole::Header if it.col_span > 1 => "colgroup",
                _ => "col",
            };
            format!("<th scope=\"{scope}\"{attrs}{style}>{}</th>", escape(text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellValue, OrganKind};
    use crate::template::{TextId, t3};

    #[test]
    fn a_fragment_for_a_cms() {
        let mut r = Report::new("某县人民政府", OrganKind::Government, 2025);
        r.set_text(TextId::S1_1, "A<b>&c");
        r.set_cell(t3(0, 0), CellValue::Count(0));
        let html = export_html_fragment(&r);
        assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("<style"));
        assert!(html.contains("A&lt;b&gt;&amp;c"));
        assert!(html.contains(">0</td>"), "a zero is printed");
        assert!(html.contains("colspan=\"7\"") && html.contains("rowspan=\"3\""));
        assert!(html.contains("<h2 ") && html.contains(">一、总体情况</h2>"));
        let page = export_html_page(&r);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<meta charset=\"utf-8\">") && page.contains("lang=\"zh-CN\""));
        assert!(page.contains("<th scope=\"row\""));
    }
}
