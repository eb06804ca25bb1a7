//! Word (.docx) front-end: paragraphs and tables of `word/document.xml` into a [`Doc`].
//! Merged cells are resolved the way the official form merges them: a cell spanning columns
//! (`gridSpan`) is one cell, a vertically merged cell (`vMerge`) appears only in its first
//! row. Table rows then hold exactly their cells, so values are placed by position.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

pub use super::doc::MAX_XML_BYTES;
use super::doc::{Doc, ImportError, MAX_NESTING};

/// Reads a .docx file's body as lines of cells.
pub fn docx_to_doc(bytes: &[u8]) -> Result<Doc, ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::NotDocx)?;
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")
        .map_err(|_| ImportError::NotDocx)?
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|_| ImportError::NotDocx)?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(ImportError::DocxTooLarge);
    }
    let xml = String::from_utf8(xml).map_err(|_| ImportError::NotDocx)?;
    parse_document_xml(&xml)
}

#[derive(Default)]
struct State {
    lines: Vec<Vec<String>>,
    /// Text of the paragraph being read.
    para: String,
    /// Tables being read (nested tables are flattened into their parent's cells).
    table_depth: usize,
    row: Vec<String>,
    cell: String,
    /// The current cell continues a vertical merge: it is left out of its row.
    cell_is_continuation: bool,
    in_text: bool,
}

fn named_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = name.strip_prefix('#')?;
            let n = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(n)
        }
    }
}

fn parse_document_xml(xml: &str) -> Result<Doc, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut s = State::default();
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ImportError::BadDocx(e.to_string()))?;
        match &event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(ImportError::TooDeep);
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name();
                match name.as_ref() {
                    b"tbl" => {
                        if !s.para.is_empty() {
                            flush_paragraph(&mut s);
                        }
                        s.table_depth += 1;
                    }
                    b"tr" if s.table_depth == 1 => s.row.clear(),
                    b"tc" if s.table_depth == 1 => {
                        s.cell.clear();
                        s.cell_is_continuation = false;
                    }
                    b"vMerge" => {
                        // <w:vMerge/> or val="continue" continues; val="restart" starts.
                        let restart = e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == b"val" && a.value.as_ref() == b"restart"
                        });
                        if !restart {
                            s.cell_is_continuation = true;
                        }
                    }
                    b"t" if !empty => s.in_text = true,
                    b"tab" => target(&mut s).push(' '),
                    b"br" | b"cr" if s.table_depth == 0 => target(&mut s).push('\n'),
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => s.in_text = false,
                b"p" if s.table_depth == 0 => flush_paragraph(&mut s),
                b"tc" if s.table_depth == 1 && !s.cell_is_continuation => {
                    let cell = std::mem::take(&mut s.cell);
                    s.row.push(cell.trim().to_string());
                }
                b"tr" if s.table_depth == 1 => {
                    let row = std::mem::take(&mut s.row);
                    if row.iter().any(|c| !c.is_empty()) {
                        s.lines.push(row);
                    }
                }
                b"tbl" => {
                    s.table_depth = s.table_depth.saturating_sub(1);
                    if s.table_depth == 0 {
                        s.lines.push(vec![String::new()]);
                    }
                }
                _ => {}
            },
            Event::Text(t) if s.in_text => {
                let text = t
                    .decode()
                    .map_err(|e| ImportError::BadDocx(e.to_string()))?;
                target(&mut s).push_str(&text);
            }
            Event::GeneralRef(r) if s.in_text => {
                let name = r
                    .decode()
                    .map_err(|e| ImportError::BadDocx(e.to_string()))?;
                if let Some(c) = named_entity(&name) {
                    target(&mut s).push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !s.para.is_empty() {
        flush_paragraph(&mut s);
    }
    Ok(Doc {
        lines: s.lines,
        exact_cells: true,
        grid_rows: Vec::new(),
        read_by_ocr: false,
        scanned_cells: Default::default(),
        scanned_pages: Vec::new(),
    })
}

/// Where text goes: the current table cell, or the current paragraph.
fn target(s: &mut State) -> &mut String {
    if s.table_depth > 0 {
        &mut s.cell
    } else {
        &mut s.para
    }
}

fn flush_paragraph(s: &mut State) {
    let text = std::mem::take(&mut s.para);
    // Kept as written (trailing spaces too): the page's own text, like a text file's line.
    for line in text.split('\n') {
        s.lines.push(vec![line.to_string()]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_merged_cells() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">A &amp; B</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度</w:t></w:r></w:p><w:p><w:r><w:t>办理结果</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                    <w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p/></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:t>后记</w:t></w:r></w:p>
        </w:body></w:document>"#;
        let doc = parse_document_xml(xml).unwrap();
        assert_eq!(doc.lines[0], ["一、总体情况"]);
        assert_eq!(doc.lines[1], ["A & B"]);
        assert_eq!(doc.lines[2], ["三、本年度办理结果", "（一）予以公开", "2"]);
        assert_eq!(doc.lines[3], ["（二）部分公开", ""]);
        assert_eq!(doc.lines.last().unwrap(), &["后记"]);
        assert!(doc.exact_cells);
    }

    #[test]
    fn nesting_is_bounded() {
        let nested = |n: usize| {
            format!(
                "<w:document><w:body>{}<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>{}</w:body></w:document>",
                "<w:tbl><w:tr><w:tc>".repeat(n),
                "</w:tc></w:tr></w:tbl>".repeat(n)
            )
        };
        // 2 + 3 × 80 + 3 = 245 levels: read; 2 + 3 × 90 = 272: refused.
        assert!(parse_document_xml(&nested(80)).is_ok());
        assert!(matches!(
            parse_document_xml(&nested(90)),
            Err(ImportError::TooDeep)
        ));
    }

    #[test]
    fn not_a_docx_is_refused() {
        assert!(matches!(
            docx_to_doc(b"plain text"),
            Err(ImportError::NotDocx)
        ));
        // A zip without word/document.xml is not a Word file either.
        let mut buf = Vec::new();
        {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut buf));
            w.start_file("other.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, b"x").unwrap();
            w.finish().unwrap();
        }
        assert!(matches!(docx_to_doc(&buf), Err(ImportError::NotDocx)));
    }
}
