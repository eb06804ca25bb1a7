//! Word export: an editable .docx that looks like the PDF. A4 with the GB/T 9704 margins;
//! the official fonts named in every run, the East-Asian slot included (`w:eastAsia`), so
//! Word and WPS on an organ's machine use 方正小标宋简体 / 仿宋_GB2312 / 黑体 / 楷体_GB2312;
//! page numbers "— N —" in the footer; the three tables with the official merges
//! (`gridSpan`, `vMerge`), fixed column widths written in the grid and in every cell, header
//! rows repeated on a new page, rows never split.
//!
//! Decision (issue 12): our own writer on the `zip` crate the importer already uses, with the
//! XML written as text. A .docx crate (docx-rs) would add a second XML stack and build time on
//! 2 cores for the dozen elements we need; the importer reads the result back (round trip).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::markup::escape;
use super::page::{self, Role, half_points, twips};
use super::pieces::{Level, Piece, pieces};
use crate::layout::{GridContent, GridItem, GridRole, TableGrid, column_widths, grid};
use crate::model::{Date, Report};

// The page of the PDF (`export::page`), in Word's units: twips and half-points.
const PAGE_W: u32 = twips(page::PAGE_WIDTH);
const PAGE_H: u32 = twips(page::PAGE_HEIGHT);
const MARGIN_TOP: u32 = twips(page::MARGIN_TOP);
const MARGIN_BOTTOM: u32 = twips(page::MARGIN_BOTTOM);
const MARGIN_LEFT: u32 = twips(page::MARGIN_LEFT);
const MARGIN_RIGHT: u32 = twips(page::MARGIN_RIGHT);
const TEXT_W: u32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
/// The footer (the page number) stands 26 mm above the bottom edge of the paper.
const FOOTER_DISTANCE: u32 = twips(26.0 * page::MM);

const TITLE_SZ: u32 = half_points(page::TITLE_SIZE);
const BODY_SZ: u32 = half_points(page::BODY_SIZE);
const PAGE_NUMBER_SZ: u32 = half_points(page::PAGE_NUMBER_SIZE);
const TABLE_SZ: u32 = half_points(page::TABLE_SIZE);
/// Exact line pitch of body text and of the title.
const BODY_LINE: u32 = twips(page::BODY_LINE);
const TITLE_LINE: u32 = twips(page::TITLE_LINE);
/// One 三号 character (indents are counted in characters).
const BODY_CHAR: u32 = twips(page::BODY_SIZE);

const TITLE_FONT: &str = Role::Title.official_font();
const BODY_FONT: &str = Role::Body.official_font();
const HEADING_FONT: &str = Role::Heading.official_font();
const AREA_FONT: &str = Role::Subheading.official_font();
const PAGE_NUMBER_FONT: &str = "宋体";

/// What the Word file is stamped with.
#[derive(Clone, Debug)]
pub struct DocxOptions {
    /// The export date (document properties); the caller passes it, so output is
    /// reproducible.
    pub date: Date,
    /// A report that is no final version yet (see `release::release`): every page's header
    /// says 草稿, as the PDF's watermark does.
    pub draft_header: bool,
}

impl DocxOptions {
    /// A final export dated `date` (no 草稿 header).
    pub fn new(date: Date) -> DocxOptions {
        DocxOptions {
            date,
            draft_header: false,
        }
    }
}

/// The report as a .docx file.
pub fn export_docx(report: &Report, options: &DocxOptions) -> Vec<u8> {
    let mut body = String::new();
    for piece in pieces(report) {
        match piece {
            Piece::Title(t) => body.push_str(&paragraph(
                &t,
                TITLE_FONT,
                TITLE_SZ,
                ParaStyle {
                    align: "center",
                    line: TITLE_LINE,
                    first_line: 0,
                    right: 0,
                    after: TITLE_LINE,
                    keep_next: true,
                },
            )),
            Piece::Heading(level, h) => {
                let font = match level {
                    Level::Section => HEADING_FONT,
                    Level::Area => AREA_FONT,
                };
                let style = ParaStyle {
                    keep_next: true,
                    ..ParaStyle::body(false)
                };
                body.push_str(&paragraph(h, font, BODY_SZ, style));
            }
            Piece::Paragraph(p) => {
                body.push_str(&paragraph(p, BODY_FONT, BODY_SZ, ParaStyle::body(true)));
            }
            Piece::Note(n) => {
                body.push_str(&paragraph(&n, BODY_FONT, BODY_SZ, ParaStyle::body(false)));
            }
            Piece::Table(t) => body.push_str(&table(report, grid(t))),
            Piece::Closing { signature, date } => {
                body.push_str(&paragraph("", BODY_FONT, BODY_SZ, ParaStyle::body(false)));
                // The date four characters from the right edge, the organ centred above it
                // (GB/T 9704-2012 7.3.5); widths counted in characters of 三号.
                let date_right = 4 * BODY_CHAR;
                if !signature.is_empty() {
                    let (sig_w, date_w) = (em_width(signature), em_width(&date));
                    let right = date_right as f32 + (date_w - sig_w) / 2.0 * BODY_CHAR as f32;
                    let style = ParaStyle {
                        right: right.max(0.0) as u32,
                        ..ParaStyle::closing()
                    };
                    body.push_str(&paragraph(signature, BODY_FONT, BODY_SZ, style));
                }
                let style = ParaStyle {
                    right: date_right,
                    ..ParaStyle::closing()
                };
                body.push_str(&paragraph(&date, BODY_FONT, BODY_SZ, style));
            }
        }
    }
    package(report, &body, options)
}

/// Width of a line in characters of its size (CJK full, ASCII half).
fn em_width(s: &str) -> f32 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

#[derive(Clone, Copy)]
struct ParaStyle {
    align: &'static str,
    /// Exact line pitch in twips (0: single).
    line: u32,
    /// First-line indent in twips.
    first_line: u32,
    right: u32,
    after: u32,
    /// Kept on the page of the next paragraph (headings).
    keep_next: bool,
}

impl ParaStyle {
    /// Body text and headings: indented two characters, on the 28 pt line.
    fn body(justify: bool) -> ParaStyle {
        ParaStyle {
            align: if justify { "both" } else { "left" },
            line: BODY_LINE,
            first_line: 2 * BODY_CHAR,
            right: 0,
            after: 0,
            keep_next: false,
        }
    }
    fn closing() -> ParaStyle {
        ParaStyle {
            align: "right",
            line: BODY_LINE,
            first_line: 0,
            right: 0,
            after: 0,
            keep_next: false,
        }
    }
    fn cell(align: &'static str) -> ParaStyle {
        ParaStyle {
            align,
            line: 0,
            first_line: 0,
            right: 0,
            after: 0,
            keep_next: false,
        }
    }
}

/// The run properties naming a font in all four slots (Latin, East-Asian, complex, high ANSI).
fn run_props(font: &str, size: u32) -> String {
    format!(
        r#"<w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}" w:hint="eastAsia"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>"#
    )
}

fn paragraph(text: &str, font: &str, size: u32, style: ParaStyle) -> String {
    let spacing = if style.line > 0 {
        format!(
            r#"<w:spacing w:before="0" w:after="{}" w:line="{}" w:lineRule="exact"/>"#,
            style.after, style.line
        )
    } else {
        r#"<w:spacing w:before="0" w:after="0"/>"#.to_string()
    };
    let indent = format!(
        r#"<w:ind w:left="0" w:right="{}" w:firstLine="{}"/>"#,
        style.right, style.first_line
    );
    let keep = if style.keep_next { "<w:keepNext/>" } else { "" };
    let props = run_props(font, size);
    let run = if text.is_empty() {
        String::new()
    } else {
        format!(
            r#"<w:r>{props}<w:t xml:space="preserve">{}</w:t></w:r>"#,
            escape(text)
        )
    };
    format!(
        r#"<w:p><w:pPr>{keep}{spacing}{indent}<w:jc w:val="{}"/>{props}</w:pPr>{run}</w:p>"#,
        style.align
    )
}

/// Column widths in twips that add up to the text width exactly.
fn twips_widths(g: &TableGrid) -> Vec<u32> {
    let em = TABLE_SZ as f32 * 10.0; // half-points → twips
    let widths = column_widths(g.table, TEXT_W as f32, em);
    let mut out: Vec<u32> = widths.iter().map(|w| w.round() as u32).collect();
    let sum: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last = (*last + TEXT_W).saturating_sub(sum);
    }
    out
}

fn table(report: &Report, g: &TableGrid) -> String {
    let widths = twips_widths(g);
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#;
    let mut x = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_W}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
    );
    for w in &widths {
        x.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    x.push_str("</w:tblGrid>");
    for row in 0..g.rows {
        let header = if row < g.header_rows {
            "<w:tblHeader/>"
        } else {
            ""
        };
        x.push_str(&format!("<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>"));
        let mut col = 0;
        while col < g.columns {
            let covering = g.items.iter().find(|it| {
                (it.row..it.row + it.row_span).contains(&row)
                    && (it.col..it.col + it.col_span).contains(&col)
            });
            match covering {
                Some(it) => {
                    let width: u32 = widths[it.col..it.col + it.col_span].iter().sum();
                    let merge = match (it.row_span > 1, it.row == row) {
                        (false, _) => "",
                        (true, true) => r#"<w:vMerge w:val="restart"/>"#,
                        (true, false) => "<w:vMerge/>",
                    };
                    let content = if it.row == row {
                        cell_paragraph(report, it)
                    } else {
                        paragraph("", BODY_FONT, TABLE_SZ, ParaStyle::cell("center"))
                    };
                    x.push_str(&cell(width, it.col_span, merge, &content));
                    col = it.col + it.col_span;
                }
                None => {
                    let empty = paragraph("", BODY_FONT, TABLE_SZ, ParaStyle::cell("center"));
                    x.push_str(&cell(widths[col], 1, "", &empty));
                    col += 1;
                }
            }
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    // A table is followed by a paragraph (Word needs one between two tables, too).
    x.push_str(&paragraph("", BODY_FONT, BODY_SZ, ParaStyle::body(false)));
    x
}

fn cell(width: u32, span: usize, merge: &str, content: &str) -> String {
    let span = if span > 1 {
        format!(r#"<w:gridSpan w:val="{span}"/>"#)
    } else {
        String::new()
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>"#
    )
}

fn cell_paragraph(report: &Report, it: &GridItem) -> String {
    let text = match it.content {
        GridContent::Label(s) => s.to_string(),
        GridContent::Value(i) => report.cell(i).display(),
    };
    let align = if it.role == GridRole::RowLabel {
        "left"
    } else {
        "center"
    };
    paragraph(&text, BODY_FONT, TABLE_SZ, ParaStyle::cell(align))
}

const CONTENT_TYPES_FIXED: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const DOCUMENT_RELS_FIXED: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// The header part's content type and relationship, where the 草稿 header is written.
const HEADER_TYPE: &str = r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#;
const HEADER_REL: &str = r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#;

fn content_types(draft_header: bool) -> String {
    if draft_header {
        CONTENT_TYPES_FIXED.replace("</Types>", &format!("{HEADER_TYPE}</Types>"))
    } else {
        CONTENT_TYPES_FIXED.to_string()
    }
}

fn document_rels(draft_header: bool) -> String {
    if draft_header {
        DOCUMENT_RELS_FIXED.replace("</Relationships>", &format!("{HEADER_REL}</Relationships>"))
    } else {
        DOCUMENT_RELS_FIXED.to_string()
    }
}

/// The header of a report that is no final version: 草稿, at the right, in red.
fn draft_header() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="{HEADING_FONT}" w:eastAsia="{HEADING_FONT}" w:hAnsi="{HEADING_FONT}"/><w:color w:val="C00000"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t>{}</w:t></w:r></w:p></w:hdr>"#,
        crate::export::page::DRAFT_MARK
    )
}

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault>{}</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        run_props(BODY_FONT, BODY_SZ)
    )
}

fn footer() -> String {
    let props = run_props(PAGE_NUMBER_FONT, PAGE_NUMBER_SZ);
    let text = |t: &str| format!(r#"<w:r>{props}<w:t xml:space="preserve">{t}</w:t></w:r>"#);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{props}<w:t>1</w:t></w:r><w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>{}</w:p></w:ftr>"#,
        text("— "),
        text(" —")
    )
}

fn core_props(report: &Report, date: Date) -> String {
    let stamp = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year, date.month, date.day
    );
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>zh-CN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>"#,
        escape(&report.title()),
        escape(report.meta.organ.trim())
    )
}

const APP_PROPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>nianbao</Application></Properties>"#;

fn document(body: &str, draft_header: bool) -> String {
    let header = if draft_header {
        r#"<w:headerReference w:type="default" r:id="rId4"/>"#
    } else {
        ""
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr>{header}<w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_LEFT}" w:header="851" w:footer="{FOOTER_DISTANCE}" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

/// The zip package. Entries carry a fixed timestamp, so the same report gives the same bytes.
fn package(report: &Report, body: &str, options: &DocxOptions) -> Vec<u8> {
    let mut buf = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut buf));
        let opts = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let mut parts: Vec<(&str, String)> = vec![
            ("[Content_Types].xml", content_types(options.draft_header)),
            ("_rels/.rels", ROOT_RELS.to_string()),
            (
                "word/_rels/document.xml.rels",
                document_rels(options.draft_header),
            ),
            ("word/document.xml", document(body, options.draft_header)),
            ("word/styles.xml", styles()),
            ("word/settings.xml", SETTINGS.to_string()),
            ("word/footer1.xml", footer()),
            ("docProps/core.xml", core_props(report, options.date)),
            ("docProps/app.xml", APP_PROPS.to_string()),
        ];
        if options.draft_header {
            parts.push(("word/header1.xml", draft_header()));
        }
        for (name, content) in parts {
            // Writing into memory cannot fail but for a bug; the parts are then missing and
            // the round-trip tests say so.
            if zip.start_file(name, opts).is_ok() {
                let _ = zip.write_all(content.as_bytes());
            }
        }
        let _ = zip.finish();
    }
    buf
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellValue, OrganKind};
    use crate::template::{TextId, t3};

    fn sample() -> Report {
        let mut r = Report::new("某县人民政府办公室", OrganKind::Government, 2025);
        r.set_text(TextId::S1_1, "主动公开<政府>信息 & 数据。");
        r.set_cell(t3(0, 0), CellValue::Count(3));
        r.meta.published = Date::new(2026, 1, 20);
        r
    }

    fn document_xml(bytes: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn fonts_page_and_merges() {
        let bytes = export_docx(
            &sample(),
            &DocxOptions::new(Date::new(2026, 1, 21).unwrap()),
        );
        let xml = document_xml(&bytes);
        assert!(xml.contains(r#"w:eastAsia="仿宋_GB2312""#));
        assert!(xml.contains(r#"w:eastAsia="方正小标宋简体""#));
        assert!(xml.contains(r#"w:eastAsia="黑体""#));
        assert!(xml.contains(r#"w:eastAsia="楷体_GB2312""#));
        assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
        assert!(xml.contains("主动公开&lt;政府&gt;信息 &amp; 数据。"));
        assert!(xml.contains(r#"<w:vMerge w:val="restart"/>"#));
        assert!(
            xml.contains(r#"<w:gridSpan w:val="7"/>"#),
            "申请人情况 spans 7"
        );
        assert!(xml.contains("<w:tblHeader/>") && xml.contains("<w:cantSplit/>"));
        // Every row of a table fills its grid: the widths of its cells add up to the text width.
        for table in xml.split("<w:tbl>").skip(1) {
            let table = &table[..table.find("</w:tbl>").unwrap()];
            for row in table.split("<w:tr>").skip(1) {
                let sum: u32 = row
                    .split(r#"<w:tcW w:w=""#)
                    .skip(1)
                    .map(|s| s[..s.find('"').unwrap()].parse::<u32>().unwrap())
                    .sum();
                assert_eq!(sum, TEXT_W, "{row}");
            }
        }
    }

    #[test]
    fn same_report_same_bytes() {
        let o = DocxOptions::new(Date::new(2026, 1, 21).unwrap());
        assert_eq!(export_docx(&sample(), &o), export_docx(&sample(), &o));
    }

    #[test]
    fn a_draft_says_so_in_every_page_s_header() {
        let o = DocxOptions {
            draft_header: true,
            ..DocxOptions::new(Date::new(2026, 1, 21).unwrap())
        };
        let bytes = export_docx(&sample(), &o);
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        let mut header = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/header1.xml").unwrap(), &mut header)
            .unwrap();
        assert!(header.contains("<w:t>草稿</w:t>"), "{header}");
        assert!(
            document_xml(&bytes).contains(r#"<w:headerReference w:type="default" r:id="rId4"/>"#)
        );
        // The body is the same as the final's: the report reads back alike.
        let plain = export_docx(
            &sample(),
            &DocxOptions::new(Date::new(2026, 1, 21).unwrap()),
        );
        assert!(
            zip::ZipArchive::new(Cursor::new(&plain))
                .unwrap()
                .by_name("word/header1.xml")
                .is_err()
        );
        let body = |b: &[u8]| {
            document_xml(b).replace(r#"<w:headerReference w:type="default" r:id="rId4"/>"#, "")
        };
        assert_eq!(body(&bytes), body(&plain));
    }
}
